"""Command-line verbs of the valise (issue 16): ``identity``, ``trust`` and ``valise``.

Kept beside :mod:`aes_desktop.cli`, which calls :func:`register` once; errors a user can cause
are :class:`~aes_desktop.core.errors.AesError` with French messages, printed by ``cli.main``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

_HELPERS: dict[str, Callable[..., Any]] = {}


def register(
    sub: Any,
    common: Callable[[argparse.ArgumentParser], None],
    open_db: Callable[[argparse.Namespace], Any],
    print_json: Callable[[Any], None],
) -> None:
    """Add the verbs; ``open_db`` and ``print_json`` are the main CLI's (no import cycle)."""
    _HELPERS["open"] = open_db
    _HELPERS["json"] = print_json
    identity = sub.add_parser("identity", help="identité de ce poste (clés de signature)")
    identity.add_argument("action", choices=["init", "export", "show"])
    common(identity)
    identity.add_argument("--name", default="", help="nom affiché (à la création)")
    identity.add_argument("--ministry", default="", help="ministère (à la création)")
    identity.add_argument("--state", default="", help="État : ML, BF, NE (à la création)")
    identity.add_argument("--out", metavar="FICHIER", help="fichier d'identité à écrire")
    identity.add_argument("--json", action="store_true", help="sortie JSON")
    identity.set_defaults(func=cmd_identity)

    trust = sub.add_parser("trust", help="liste de confiance des identités des collègues")
    actions = trust.add_subparsers(dest="action", metavar="ACTION", required=True)
    for action, help_text, target in (
        ("add", "ajouter le fichier d'identité d'un collègue", "FICHIER"),
        ("list", "lister les identités de confiance", None),
        ("revoke", "révoquer une identité (empreinte, UUID ou nom)", "EMPREINTE"),
    ):
        verb = actions.add_parser(action, help=help_text)
        common(verb)
        if target:
            verb.add_argument("target", metavar=target)
        verb.add_argument("--json", action="store_true", help="sortie JSON")
        verb.set_defaults(func=cmd_trust, target=None)

    valise = sub.add_parser("valise", help="valise chiffrée et signée échangée entre ministères")
    verbs = valise.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = verbs.add_parser("export", help="écrire une valise d'une session")
    common(export)
    export.add_argument("--session", required=True, metavar="RÉF")
    export.add_argument("--dossier", action="append", metavar="RÉF", help="répétable")
    export.add_argument(
        "--to", action="append", required=True, metavar="FICHIER_IDENTITÉ", help="répétable"
    )
    export.add_argument("--expires", metavar="AAAA-MM-JJ")
    export.add_argument("--out", required=True, metavar="FICHIER.valise")
    export.add_argument("--json", action="store_true", help="sortie JSON")
    export.set_defaults(func=cmd_valise)
    for action, help_text in (
        ("inspect", "vérifier une valise et voir ce qu'elle apporte, sans rien écrire"),
        ("import", "fusionner une valise dans la base et écrire l'accusé de réception"),
        ("ack", "enregistrer l'accusé de réception d'une valise envoyée"),
    ):
        verb = verbs.add_parser(action, help=help_text)
        common(verb)
        verb.add_argument("file", metavar="FICHIER")
        verb.add_argument("--json", action="store_true", help="sortie JSON")
        verb.set_defaults(func=cmd_valise)

    akn = sub.add_parser("akn", help="Akoma Ntoso 3.0 (OASIS LegalDocML)")
    akn_verbs = akn.add_subparsers(dest="action", metavar="ACTION", required=True)
    akn_export = akn_verbs.add_parser("export", help="exporter un document en acte Akoma Ntoso")
    common(akn_export)
    akn_export.add_argument("--document", type=int, required=True, metavar="ID")
    akn_export.add_argument("--out", required=True, metavar="FICHIER.xml")
    akn_export.set_defaults(func=cmd_akn)


def _open(args: argparse.Namespace) -> Any:
    return _HELPERS["open"](args)


def _print_json(value: Any) -> None:
    _HELPERS["json"](value)


def cmd_identity(args: argparse.Namespace) -> int:
    from aes_desktop.core.errors import ValidationError
    from aes_desktop.exchange.identity import export_identity, init_identity, load_identity

    db = _open(args)
    try:
        if args.action == "show":
            own = load_identity(db)
            if own is None:
                raise ValidationError(
                    "Ce poste n'a pas encore d'identité : « aes-desktop identity init »."
                )
        else:
            own = init_identity(db, args.name, args.ministry, args.state)
        out = None
        if args.action == "export":
            if not args.out:
                raise ValidationError("Indiquez le fichier à écrire (--out).")
            out = export_identity(own, Path(args.out))
    finally:
        db.close()
    value = {**own.public.as_json(), "readable": own.public.readable}
    if out is not None:
        value["file"] = str(out)
    if args.json:
        _print_json(value)
    else:
        print(f"{own.public.name} — {own.public.ministry} {own.public.state}".rstrip())
        print(f"Empreinte : {own.public.readable}")
        if out is not None:
            print(f"Fichier d'identité écrit : {out}")
    return 0


def cmd_trust(args: argparse.Namespace) -> int:
    from aes_desktop.exchange.identity import list_trusted, read_identity_file, revoke, trust

    db = _open(args)
    try:
        if args.action == "add":
            rows = [trust(db, read_identity_file(Path(args.target)))]
        elif args.action == "revoke":
            rows = [revoke(db, args.target)]
        else:
            rows = list_trusted(db)
    finally:
        db.close()
    if args.json:
        _print_json([r.as_json() for r in rows])
        return 0
    for r in rows:
        revoked = " (révoquée)" if r.revoked_at else ""
        print(f"{r.name} — {r.ministry} {r.state} — {r.readable}{revoked}")
    return 0


def _print_preview(p: Any) -> None:
    print(f"Valise {p['id']} — session {p['session']}")
    print(f"Signée par {p['signer']} ({p['signer_fingerprint']}), de confiance")
    print(f"Créée le {p['created']}, expire : {p['expires'] or 'jamais'}")
    if p["already_imported"]:
        print("Déjà importée : rien ne change.")
    print(
        f"Nouveaux : {p['new']}, modifiés : {p['changed']}, conflits : {p['conflicts']}, "
        f"inchangés : {p['unchanged']}"
    )


def cmd_valise(args: argparse.Namespace) -> int:
    from datetime import date

    from aes_desktop.core.errors import ValidationError
    from aes_desktop.exchange.identity import read_identity_file
    from aes_desktop.exchange.valise import export_valise, import_ack, import_valise, inspect_valise

    db = _open(args)
    try:
        if args.action == "export":
            from aes_desktop.core.services.dossiers import find_dossier_id
            from aes_desktop.core.services.sessions import find_session

            expires = None
            if args.expires:
                try:
                    expires = date.fromisoformat(args.expires)
                except ValueError as exc:
                    raise ValidationError("Date d'expiration attendue : AAAA-MM-JJ.") from exc
            session = find_session(db, args.session)
            dossiers = [find_dossier_id(db, ref) for ref in args.dossier] if args.dossier else None
            recipients = [read_identity_file(Path(f)) for f in args.to]
            value = export_valise(
                db, session.id, recipients, Path(args.out), dossier_ids=dossiers, expires=expires
            ).as_json()
            text = f"Valise écrite : {value['path']} ({value['bytes']} octets)"
        elif args.action == "inspect":
            value = inspect_valise(db, Path(args.file)).as_json()
            text = ""
        elif args.action == "import":
            value = import_valise(db, Path(args.file)).as_json()
            text = f"Accusé de réception écrit : {value['ack']}"
        else:
            ack = import_ack(db, Path(args.file))
            value = {"valise": ack.valise_id, "delivered_to": ack.recipient, "at": ack.at}
            text = f"Valise {ack.valise_id} remise à {ack.recipient} ({ack.at})."
    finally:
        db.close()
    if args.json:
        _print_json(value)
        return 0
    if args.action in ("inspect", "import"):
        _print_preview(value)
    if text:
        print(text)
    return 0


def cmd_akn(args: argparse.Namespace) -> int:
    from aes_desktop.exchange.akn import write_akn

    db = _open(args)
    try:
        out = write_akn(db, args.document, Path(args.out))
    finally:
        db.close()
    print(f"Acte Akoma Ntoso écrit : {out}")
    return 0
