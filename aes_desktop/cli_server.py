"""The ``aes-desktop server`` commands: set up a shared PostgreSQL server and its accounts."""

from __future__ import annotations

import argparse
import getpass
import sys

from aes_desktop.core.enums import State
from aes_desktop.core.errors import ValidationError


def _password(args: argparse.Namespace, login: str) -> str:
    """From ``--password-file`` (``-``: one line of standard input), else asked twice."""
    source = args.password_file
    if source == "-":
        password = sys.stdin.readline().rstrip("\r\n")
    elif source:
        with open(source, encoding="utf-8") as handle:
            password = handle.readline().rstrip("\r\n")
    else:
        password = getpass.getpass(f"Mot de passe de {login} : ")
        if getpass.getpass("Confirmez le mot de passe : ") != password:
            raise ValidationError("Les deux mots de passe diffèrent.")
    if not password:
        raise ValidationError("Aucun mot de passe reçu.")
    return password


def _url_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--url",
        required=True,
        metavar="URL",
        help="adresse du serveur, par exemple postgresql://propriétaire@hôte/aes",
    )


def _password_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-file",
        metavar="FICHIER",
        help="fichier contenant le mot de passe du compte (« - » : l'entrée standard) ; "
        "sinon il est demandé",
    )


def cmd_server_init(args: argparse.Namespace) -> int:
    from aes_desktop.core.server import init_server

    init_server(args.url, args.admin, _password(args, args.admin), name=args.name)
    print(f"Serveur prêt : schéma à jour, rôles et règles en place, administrateur {args.admin}.")
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    from aes_desktop.core.server import add_user, parse_role

    role = parse_role(args.role)
    add_user(
        args.url,
        args.login,
        role,
        _password(args, args.login),
        name=args.name,
        ministry=args.ministry,
        state=State(args.state),
    )
    print(f"Compte {args.login} créé ({role.value}).")
    return 0


def cmd_user_disable(args: argparse.Namespace) -> int:
    from aes_desktop.core.server import disable_user

    disable_user(args.url, args.login)
    print(f"Compte {args.login} désactivé : il ne peut plus se connecter.")
    return 0


def add_server_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    server = sub.add_parser("server", help="serveur partagé PostgreSQL : mise en place, comptes")
    commands = server.add_subparsers(dest="server_command", metavar="COMMANDE", required=True)
    init = commands.add_parser(
        "init", help="créer le schéma, les rôles et les règles, et le premier administrateur"
    )
    _url_arg(init)
    init.add_argument("--admin", required=True, metavar="IDENTIFIANT", help="premier compte")
    init.add_argument("--name", metavar="NOM", help="nom affiché de l'administrateur")
    _password_arg(init)
    init.set_defaults(func=cmd_server_init)

    user = commands.add_parser("user", help="ajouter ou désactiver un compte")
    users = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = users.add_parser("add", help="créer un compte (rôle PostgreSQL, mot de passe SCRAM)")
    _url_arg(add)
    add.add_argument("login", metavar="IDENTIFIANT")
    add.add_argument(
        "--role",
        required=True,
        help="lecteur, rédacteur, secrétariat ou administrateur",
    )
    add.add_argument("--name", metavar="NOM", help="nom affiché (par défaut l'identifiant)")
    add.add_argument("--ministry", metavar="MINISTÈRE", default="")
    add.add_argument(
        "--state", choices=[s.value for s in State], default=State.AES.value, help="État"
    )
    _password_arg(add)
    add.set_defaults(func=cmd_user_add)
    disable = users.add_parser("disable", help="empêcher un compte de se connecter")
    _url_arg(disable)
    disable.add_argument("login", metavar="IDENTIFIANT")
    disable.set_defaults(func=cmd_user_disable)
