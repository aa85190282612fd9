"""The command line: opens the window, or runs a job headless.

``aes-desktop`` alone opens the application; sub-commands (``info``, ``demo``, ...) work without a
screen. Every command takes ``--db PATH_OR_URL`` (else ``$AES_DESKTOP_DB``, else the file in the
data folder) and ``--data-dir DIR`` (every path the app writes). Errors a user can cause are
printed in French on stderr with a non-zero exit code.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from aes_desktop import __version__
from aes_desktop.cli_server import add_server_commands
from aes_desktop.core.crypto import Passphrase, read_passphrase_file
from aes_desktop.core.db import Database, OpenReport, open_database, resolve_target
from aes_desktop.core.errors import AesError, DatabaseOpenError, ValidationError
from aes_desktop.core.paths import DB_ENV_VAR, AppPaths

EXIT_USAGE = 2


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="CHEMIN_OU_URL",
        default=argparse.SUPPRESS,
        help="base de données à ouvrir (fichier SQLite ou URL SQLAlchemy, "
        f"par défaut ${DB_ENV_VAR} puis le fichier du dossier de données)",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DOSSIER",
        default=argparse.SUPPRESS,
        help="dossier où l'application écrit tout (base par défaut, réglages, sauvegardes)",
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="FICHIER",
        default=argparse.SUPPRESS,
        help="fichier contenant la phrase de passe d'une base chiffrée (première ligne ; "
        "« - » pour l'entrée standard). Avec « demo », la base créée est chiffrée.",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aes-desktop",
        description="AES Dossiers — dossiers du Conseil des ministres de la Confédération AES.",
    )
    parser.add_argument("--version", action="version", version=f"aes-desktop {__version__}")
    _common(parser)
    parser.add_argument("--lang", choices=["fr", "en"], help="langue de l'interface")
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE")

    info = sub.add_parser("info", help="révision du schéma et nombre d'éléments de la base")
    _common(info)
    info.add_argument("--json", action="store_true", help="sortie JSON")
    info.set_defaults(func=cmd_info)

    demo = sub.add_parser(
        "demo", help="écrire la session de démonstration (ou un grand jeu de test) dans une base"
    )
    _common(demo)
    demo.add_argument(
        "--scale",
        type=int,
        metavar="N",
        help="construire un jeu de test d'environ N dossiers (10 documents et 100 annotations "
        "chacun) au lieu de la démonstration",
    )
    demo.add_argument("--seed", type=int, default=1, help="graine du jeu de test (défaut : 1)")
    demo.add_argument("--json", action="store_true", help="sortie JSON")
    demo.set_defaults(func=cmd_demo)

    find = sub.add_parser(
        "search", help="rechercher dans les documents, les annotations et les dossiers"
    )
    _common(find)
    find.add_argument("query", metavar="REQUÊTE", help="mots, « phrase entre guillemets », -exclu")
    find.add_argument("--limit", type=int, default=20, help="nombre de résultats (défaut : 20)")
    find.add_argument(
        "--scope",
        action="append",
        choices=["document", "annotation", "dossier"],
        help="limiter à un type de résultat (répétable)",
    )
    find.add_argument("--json", action="store_true", help="sortie JSON")
    find.set_defaults(func=cmd_search)

    pack = sub.add_parser("pack", help="construire le dossier du ministre (PDF) d'une session")
    _common(pack)
    pack.add_argument("--session", required=True, metavar="RÉF", help="référence de la session")
    pack.add_argument("--out", required=True, metavar="FICHIER", help="fichier PDF à écrire")
    pack.add_argument(
        "--definition", metavar="NOM", help="définition de dossier enregistrée à utiliser"
    )
    pack.add_argument(
        "--recipient",
        metavar="TEXTE",
        help="destinataire : « Nom ; Titre ; Ministère » (titre et ministère facultatifs)",
    )
    pack.add_argument(
        "--annotations",
        choices=["none", "shared", "all"],
        help="annotations imprimées (défaut : celles de la définition, sinon « shared »)",
    )
    pack.add_argument("--copy", type=int, metavar="N", help="numéro d'exemplaire")
    pack.add_argument(
        "--password-file",
        metavar="F",
        help="chiffrer le PDF (AES-256) avec le mot de passe lu dans F (première ligne)",
    )
    pack.add_argument("--json", action="store_true", help="sortie JSON")
    pack.set_defaults(func=cmd_pack)
    _add_print_parser(sub)
    imp = sub.add_parser(
        "import",
        help="importer des fichiers (PDF, DOCX, Markdown, texte) dans un dossier",
        description="Chaque fichier devient un nouveau document du dossier (ou la nouvelle "
        "version d'un document avec --as-version-of). Tout ou rien : si un fichier ne peut pas "
        "être importé, aucun ne l'est. Un fichier déjà présent dans la base est signalé.",
    )
    _common(imp)
    imp.add_argument("files", nargs="+", metavar="FICHIER", help="fichiers à importer")
    imp.add_argument("--dossier", required=True, metavar="RÉF", help="référence du dossier")
    imp.add_argument(
        "--as-version-of",
        type=int,
        metavar="ID_DOCUMENT",
        help="le fichier devient la nouvelle version de ce document du dossier",
    )
    imp.add_argument("--json", action="store_true", help="sortie JSON")
    imp.set_defaults(func=cmd_import)

    notes = sub.add_parser(
        "annotations",
        help="exporter les annotations (JSON-LD du W3C, JSON ou résumé Markdown)",
    )
    _common(notes)
    notes.add_argument("--dossier", metavar="RÉF", help="les annotations d'un dossier")
    notes.add_argument("--document", metavar="ID", type=int, help="les annotations d'un document")
    notes.add_argument("--session", metavar="RÉF", help="les annotations d'une session")
    notes.add_argument(
        "--format",
        choices=["json", "jsonld", "markdown"],
        default="markdown",
        help="format de sortie (défaut : markdown)",
    )
    notes.add_argument(
        "--profile",
        metavar="UUID_OU_NOM",
        help="profil qui lit : ajoute ses annotations privées (sinon, seulement les partagées)",
    )
    notes.add_argument("--orphans", action="store_true", help="seulement les orphelines")
    notes.add_argument(
        "--output", metavar="FICHIER", help="écrire dans un fichier (sinon la sortie standard)"
    )
    notes.set_defaults(func=cmd_annotations)

    backup = sub.add_parser(
        "backup", help="sauvegarder la base dans un fichier (copie cohérente, même chiffrement)"
    )
    _common(backup)
    backup.add_argument("--out", metavar="FICHIER", required=True, help="fichier de sauvegarde")
    backup.add_argument("--json", action="store_true", help="sortie JSON")
    backup.set_defaults(func=cmd_backup)

    restore = sub.add_parser(
        "restore",
        help="remplacer la base par une sauvegarde (vérifiée d'abord ; la base actuelle est "
        "copiée à part)",
    )
    _common(restore)
    restore.add_argument(
        "--from", dest="source", metavar="FICHIER", required=True, help="sauvegarde à restaurer"
    )
    restore.add_argument("--json", action="store_true", help="sortie JSON")
    restore.set_defaults(func=cmd_restore)

    check = sub.add_parser(
        "check",
        help="vérifier la base : intégrité, clés étrangères, index plein texte, fichiers "
        "(SHA-256), journal d'audit, compteurs",
    )
    _common(check)
    check.add_argument("--json", action="store_true", help="sortie JSON")
    check.set_defaults(func=cmd_check)

    phrase = sub.add_parser(
        "passphrase", help="chiffrer une base, ou changer la phrase de passe d'une base chiffrée"
    )
    _common(phrase)
    phrase.add_argument(
        "--new-passphrase-file",
        metavar="FICHIER",
        required=True,
        help="fichier contenant la nouvelle phrase de passe",
    )
    phrase.add_argument(
        "--encrypt",
        action="store_true",
        help="chiffrer une base qui ne l'est pas encore (ses sauvegardes aussi)",
    )
    phrase.set_defaults(func=cmd_passphrase)
    add_server_commands(sub)

    from aes_desktop.cli_exchange import register as register_exchange

    register_exchange(sub, _common, _open, _print_json)
    _cycle_parsers(sub)
    return parser


def _cycle_parsers(sub: Any) -> None:
    """The commands of a session's cycle: session, agenda, note and decisions."""
    sess = sub.add_parser("session", help="créer, clore ou rouvrir une session")
    sess_sub = sess.add_subparsers(dest="action", metavar="ACTION", required=True)
    create = sess_sub.add_parser("create", help="créer une session vierge (en préparation)")
    _common(create)
    create.add_argument("--reference", required=True, metavar="RÉF", help="par exemple CM-2026-01")
    create.add_argument("--title", required=True, metavar="TITRE")
    create.add_argument("--date", required=True, metavar="AAAA-MM-JJ", help="date de début")
    create.add_argument("--end-date", metavar="AAAA-MM-JJ", help="date de fin")
    create.add_argument(
        "--body", default="Conseil des ministres de la Confédération des États du Sahel"
    )
    create.add_argument("--place", default="", metavar="LIEU")
    create.add_argument("--chair", default="", metavar="PRÉSIDENCE")
    create.add_argument("--json", action="store_true", help="sortie JSON")
    create.set_defaults(func=cmd_session)
    for name, text in (
        ("open", "ouvrir une session en préparation"),
        ("close", "clore une session (elle devient en lecture seule)"),
        ("reopen", "rouvrir une session close (--reason obligatoire, inscrite au journal)"),
    ):
        p = sess_sub.add_parser(name, help=text)
        _common(p)
        p.add_argument("--session", required=True, metavar="RÉF")
        p.add_argument("--reason", default="", metavar="TEXTE")
        p.set_defaults(func=cmd_session)

    ag = sub.add_parser("agenda", help="l'ordre du jour d'une session, dans l'ordre")
    _common(ag)
    ag.add_argument("--session", required=True, metavar="RÉF")
    ag.add_argument("--json", action="store_true", help="sortie JSON")
    ag.set_defaults(func=cmd_agenda)

    note = sub.add_parser("note", help="la note au ministre d'un point de l'ordre du jour")
    note_sub = note.add_subparsers(dest="action", metavar="ACTION", required=True)
    nexp = note_sub.add_parser("export", help="exporter la note en DOCX ou PDF")
    _common(nexp)
    nexp.add_argument("--session", required=True, metavar="RÉF")
    nexp.add_argument("--item", required=True, type=int, metavar="N", help="numéro du point")
    nexp.add_argument("--format", required=True, choices=["docx", "pdf"])
    nexp.add_argument("--out", required=True, metavar="FICHIER")
    nexp.set_defaults(func=cmd_note_export)

    dec = sub.add_parser("decisions", help="le relevé de décisions d'une session")
    dec_sub = dec.add_subparsers(dest="action", metavar="ACTION", required=True)
    dexp = dec_sub.add_parser("export", help="exporter le relevé en PDF ou DOCX")
    _common(dexp)
    dexp.add_argument("--session", required=True, metavar="RÉF")
    dexp.add_argument("--format", required=True, choices=["docx", "pdf"])
    dexp.add_argument("--out", required=True, metavar="FICHIER")
    dexp.set_defaults(func=cmd_decisions_export)


def _paths(args: argparse.Namespace) -> AppPaths:
    return AppPaths.resolve(getattr(args, "data_dir", None))


def db_location(args: argparse.Namespace, paths: AppPaths) -> str:
    """``--db``, else ``$AES_DESKTOP_DB``, else the default file of the data folder."""
    chosen = getattr(args, "db", None) or os.environ.get(DB_ENV_VAR)
    if chosen:
        return str(chosen)
    paths.ensure()
    return str(paths.default_db)


def _read_passphrase(location: str | None) -> Passphrase | None:
    if location is None:
        return None
    if location == "-":
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise ValidationError("Aucune phrase de passe reçue sur l'entrée standard.")
        return Passphrase(line)
    return read_passphrase_file(location)


def _long_enough(key: Passphrase | None) -> Passphrase | None:
    """A passphrase chosen now (a new encryption) must be as long as the window asks."""
    from aes_desktop.core.crypto import MIN_PASSPHRASE_CHARS

    if key is not None and len(key.reveal()) < MIN_PASSPHRASE_CHARS:
        raise ValidationError(
            f"Phrase de passe trop courte : au moins {MIN_PASSPHRASE_CHARS} caractères "
            "(plusieurs mots valent mieux qu'un seul). Rien n'a été modifié."
        )
    return key


def passphrase_of(args: argparse.Namespace) -> Passphrase | None:
    """The passphrase named by ``--passphrase-file`` (read once, kept in memory only)."""
    return _read_passphrase(getattr(args, "passphrase_file", None))


def _open(args: argparse.Namespace, report: OpenReport | None = None) -> Database:
    paths = _paths(args)
    location = db_location(args, paths)
    return open_database(
        location, backup_dir=paths.backups_dir, report=report, passphrase=passphrase_of(args)
    )


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _refuse_missing_file(args: argparse.Namespace) -> None:
    """A database named by ``--db`` (or the environment) that does not exist is a mistake to
    report, not an empty base to create (only the default database is created)."""
    chosen = getattr(args, "db", None) or os.environ.get(DB_ENV_VAR)
    if not chosen:
        return
    target = resolve_target(str(chosen))
    if target.path is not None and not target.path.exists():
        raise DatabaseOpenError(
            f"La base {target.path} n'existe pas ; rien n'a été créé. Vérifiez le chemin "
            "(« aes-desktop demo --db FICHIER » crée une base de démonstration)."
        )


def cmd_info(args: argparse.Namespace) -> int:
    from datetime import date

    from aes_desktop.briefing.catalogue import french_date
    from aes_desktop.briefing.catalogue import label as french_label
    from aes_desktop.core.enums import DossierKind, SessionStatus
    from aes_desktop.core.services.info import database_info

    _refuse_missing_file(args)
    db = _open(args)
    try:
        info = database_info(db)
    finally:
        db.close()
    if args.json:
        _print_json(info)
        return 0
    print(f"Base : {info['database']}")
    print(f"Révision du schéma : {info['revision']}")
    for key, label in (
        ("sessions", "Sessions"),
        ("agenda_items", "Points d'ordre du jour"),
        ("documents", "Documents"),
        ("versions", "Versions"),
        ("blocks", "Blocs de texte"),
        ("roadmap_actions", "Actions de feuille de route"),
        ("annotations", "Annotations"),
        ("people", "Profils"),
    ):
        print(f"{label:<30} {info[key]:>10}")
    print("Dossiers :")
    for kind, n in info["dossiers"].items():
        print(f"  {french_label(DossierKind(kind)):<44} {n:>6}")
    print("Sessions (référence : titre, début, état) :")
    for row in info["session_list"]:
        status = french_label(SessionStatus(row["status"]))
        start = french_date(date.fromisoformat(row["start_date"]))
        print(f"  {row['reference']} : {row['title']}, {start}, {status}")
    if not info["session_list"]:
        print("  (aucune)")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from aes_desktop.core import demo as demo_module

    paths = _paths(args)
    location = db_location(args, paths)
    target = resolve_target(location)
    created_file = target.path is not None and not target.path.exists()
    key = passphrase_of(args)
    if created_file:
        _long_enough(key)
    db = open_database(location, backup_dir=paths.backups_dir, passphrase=key)
    try:
        if args.scale is not None:
            from aes_desktop.core.scale import build_scale

            started = time.perf_counter()

            def progress(stage: str, fraction: float) -> None:
                print(f"\r{stage} : {fraction:6.1%}", end="", file=sys.stderr, flush=True)

            try:
                result = build_scale(db, args.scale, seed=args.seed, progress=progress)
            except BaseException:
                db.close()
                if created_file and target.path is not None:
                    for suffix in ("", "-wal", "-shm"):
                        Path(f"{target.path}{suffix}").unlink(missing_ok=True)
                raise
            elapsed = time.perf_counter() - started
            print(file=sys.stderr)
            out = {**result.__dict__, "seconds": round(elapsed, 1), "database": target.display}
        else:
            from aes_desktop.core.services.sessions import list_sessions

            if any(s.reference == demo_module.DEMO_REFERENCE for s in list_sessions(db)):
                raise ValidationError(
                    f"La session {demo_module.DEMO_REFERENCE} est déjà dans cette base."
                )
            session_id = demo_module.load_demo(db)
            out = {"session_id": session_id, "database": target.display}
    finally:
        db.close()
    if args.json:
        _print_json(out)
    else:
        print(
            "Base écrite : "
            + ", ".join(f"{k} = {v}" for k, v in out.items() if k != "database")
            + f" ({out['database']})"
        )
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from aes_desktop.core.search import ALL_SCOPES, Scope, search

    scopes = {Scope(s) for s in args.scope} if args.scope else ALL_SCOPES
    db = _open(args)
    try:
        # The command line has no aide's profile: only shared annotations are searched.
        hits = search(db, args.query, scopes=scopes, limit=max(0, args.limit))
    finally:
        db.close()
    if args.json:
        _print_json([hit.as_json() for hit in hits])
        return 0
    if not hits:
        print("Aucun résultat.")
    for hit in hits:
        where = hit.document_title or hit.dossier_title
        print(f"[{hit.kind.value}] {hit.dossier_ref} — {where}\n    {hit.marked('«', '»')}")
    return 0


def read_password_file(path: str) -> str:
    """The first line of ``path`` (without its line ending); an empty password is refused."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise ValidationError(f"Le fichier de mot de passe « {path} » est introuvable.") from exc
    except OSError as exc:
        raise ValidationError(
            f"Le fichier de mot de passe « {path} » ne peut pas être lu : {exc.strerror}."
        ) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            f"Le fichier de mot de passe « {path} » n'est pas un texte UTF-8."
        ) from exc
    lines = text.splitlines()
    password = lines[0] if lines else ""
    if not password.strip():
        raise ValidationError(f"Le fichier de mot de passe « {path} » est vide.")
    return password


def cmd_pack(args: argparse.Namespace) -> int:
    import getpass
    from dataclasses import replace

    from aes_desktop.briefing.export import export_pack, log_failure
    from aes_desktop.briefing.spec import AnnotationFilter
    from aes_desktop.core.services.audit import Actor

    db = _open(args)
    try:
        spec, definition = _cli_spec(db, args)
        if args.annotations is not None:
            spec = replace(spec, annotations=AnnotationFilter(args.annotations))
        actor = Actor(f"{getpass.getuser()} (ligne de commande)")
        if args.password_file:
            try:
                spec = replace(spec, password=read_password_file(args.password_file))
            except AesError as exc:
                log_failure(db, spec, Path(args.out), actor, definition, None, exc)
                raise
        result = export_pack(db, spec, args.out, actor=actor, definition=definition)
    finally:
        db.close()
    if args.json:
        _print_json(result.as_json())
    else:
        print(
            f"Dossier écrit : {result.path} ({result.pages} pages, {result.bytes} octets, "
            f"SHA-256 {result.sha256})"
        )
    return 0


def _add_print_parser(sub: Any) -> None:
    printer = sub.add_parser(
        "print", help="imprimer le dossier du ministre par le service d'impression (CUPS)"
    )
    _common(printer)
    printer.add_argument("--session", required=True, metavar="RÉF", help="référence de la session")
    printer.add_argument(
        "--printer", metavar="NOM", help="file d'impression (défaut : celle du système)"
    )
    printer.add_argument("--copies", type=int, default=1, metavar="N", help="tirages (défaut : 1)")
    printer.add_argument(
        "--definition", metavar="NOM", help="définition de dossier enregistrée à utiliser"
    )
    printer.add_argument(
        "--recipient",
        metavar="TEXTE",
        help="destinataire : « Nom ; Titre ; Ministère » (titre et ministère facultatifs)",
    )
    printer.add_argument("--copy", type=int, metavar="N", help="numéro d'exemplaire")
    printer.add_argument("--json", action="store_true", help="sortie JSON")
    printer.set_defaults(func=cmd_print)


def _cli_spec(db: Database, args: argparse.Namespace) -> tuple[Any, str]:
    """The pack spec named by ``--session``, ``--definition``, ``--recipient``, ``--copy``."""
    from dataclasses import replace

    from aes_desktop.briefing.content import default_spec
    from aes_desktop.briefing.spec import PackSpec, Recipient
    from aes_desktop.core.services.packs import get_definition
    from aes_desktop.core.services.sessions import find_session

    session = find_session(db, args.session)
    definition = ""
    if getattr(args, "definition", None):
        saved = get_definition(db, args.definition)
        if saved.session_id not in (None, session.id):
            raise ValidationError(
                f"La définition « {saved.name} » concerne une autre session que "
                f"{session.reference}."
            )
        spec = PackSpec.from_options(session.id, saved.options)
        definition = saved.name
    else:
        spec = default_spec(db, session.id)
    if getattr(args, "recipient", None) is not None:
        spec = replace(spec, recipient=Recipient.parse(args.recipient))
    if getattr(args, "copy", None) is not None:
        spec = replace(spec, copy_number=args.copy)
    return spec, definition


def cmd_print(args: argparse.Namespace) -> int:
    import getpass

    from aes_desktop.briefing.printing import print_pack
    from aes_desktop.core.services.audit import Actor

    db = _open(args)
    try:
        spec, _definition = _cli_spec(db, args)
        actor = Actor(f"{getpass.getuser()} (ligne de commande)")
        result = print_pack(db, spec, args.printer, actor=actor, copies=args.copies)
    finally:
        db.close()
    if args.json:
        _print_json(result.as_json())
    else:
        print(
            f"Travail {result.job_id} accepté par « {result.printer} » ({result.pages} pages, "
            f"{result.copies} tirage(s))"
        )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from aes_desktop.core.services.audit import Actor
    from aes_desktop.core.services.dossiers import find_dossier_id
    from aes_desktop.exchange.importing import import_files

    db = _open(args)
    try:
        dossier_id = find_dossier_id(db, args.dossier)
        results = import_files(
            db,
            args.files,
            dossier_id,
            as_version_of=args.as_version_of,
            actor=Actor(f"{_login()} (ligne de commande)"),
        )
        # Each file added its own full-text segments (FTS5 automerge is off, see migration
        # 0006): merge them now, as the app does in a pause. Optional: the app does it later.
        with contextlib.suppress(db.engine.dialect.dbapi.Error):  # busy: the app merges later
            db.merge_search_index(budget_s=5.0, step_pages=256)
    finally:
        db.close()
    if args.json:
        _print_json([r.as_json() for r in results])
        return 0
    for r in results:
        if r.duplicate_of is not None:
            print(
                f"{r.filename} : déjà présent — document {r.document_id} « {r.title} », "
                f"version {r.version}"
            )
        else:
            pages = f", {r.pages} pages" if r.pages else ""
            print(
                f"{r.filename} : document {r.document_id} « {r.title} », version {r.version} "
                f"({r.blocks} blocs{pages})"
            )
    return 0


def _login() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return "utilisateur"


def _find_profile(db: Database, wanted: str) -> Any:
    from aes_desktop.core.errors import NotFoundError
    from aes_desktop.core.services.people import find_person_by_uuid, list_people

    found = find_person_by_uuid(db, wanted.strip())
    if found is None:
        matches = [p for p in list_people(db) if p.name.casefold() == wanted.strip().casefold()]
        if len(matches) > 1:
            raise ValidationError(
                f"Plusieurs profils s'appellent « {wanted} » : donnez plutôt leur identifiant."
            )
        found = matches[0] if matches else None
    if found is None:
        raise NotFoundError(f"Aucun profil « {wanted} » dans cette base.")
    return found


def cmd_annotations(args: argparse.Namespace) -> int:
    from aes_desktop.core.annotations_export import export_annotations
    from aes_desktop.core.services.dossiers import find_dossier_id
    from aes_desktop.core.services.sessions import find_session

    db = _open(args)
    try:
        dossier_id = find_dossier_id(db, args.dossier) if args.dossier else None
        session_id = find_session(db, args.session).id if args.session else None
        profile = _find_profile(db, args.profile) if args.profile else None
        text = export_annotations(
            db,
            args.format,
            viewer_id=profile.id if profile else None,
            viewer_name=profile.name if profile else None,
            dossier_id=dossier_id,
            document_id=args.document,
            session_id=session_id,
            orphans_only=args.orphans,
        )
    finally:
        db.close()
    if args.output:
        _write_atomically(Path(args.output), text)
    else:
        sys.stdout.write(text)
    return 0


def _write_atomically(path: Path, text: str) -> None:
    """Write next to the target, then rename: a failure never leaves half a file."""
    import tempfile

    target = path.expanduser().resolve()
    if not target.parent.is_dir():
        raise ValidationError(f"Le dossier « {target.parent} » n'existe pas.")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def cmd_backup(args: argparse.Namespace) -> int:
    from aes_desktop.core.backup import backup_to

    db = _open(args)
    try:
        if not db.target.is_sqlite:
            from aes_desktop.core.server_tools import backup_server

            out = backup_server(db, Path(args.out))
        else:
            out = backup_to(db, Path(args.out))
        encrypted = db.encrypted
    finally:
        db.close()
    if args.json:
        _print_json({"backup": str(out), "encrypted": encrypted, "bytes": out.stat().st_size})
    else:
        print(f"Sauvegarde écrite : {out}" + (" (chiffrée)" if encrypted else ""))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from aes_desktop.core.backup import record_restore, restore

    paths = _paths(args)
    location = db_location(args, paths)
    target = resolve_target(location)
    if not target.is_sqlite:
        from aes_desktop.core.server_tools import restore_server

        db = _open(args)
        try:
            restore_server(db, Path(args.source))
        finally:
            db.close()
        print(f"Serveur restauré depuis {args.source}.")
        return 0
    if target.path is None:
        raise ValidationError("La restauration ne concerne qu'une base SQLite dans un fichier.")
    key = passphrase_of(args)
    report = restore(Path(args.source), target.path, key=key, folder=paths.backups_dir)
    db = open_database(target.path, backup_dir=paths.backups_dir, passphrase=key)
    try:
        record_restore(db, report)
    finally:
        db.close()
    out = {
        "restored_from": str(report.restored_from),
        "previous_copied_to": str(report.aside) if report.aside else None,
        "database": str(target.path),
    }
    if args.json:
        _print_json(out)
    else:
        print(f"Base restaurée depuis {report.restored_from}.")
        if report.aside:
            print(f"L'ancienne base a été copiée dans {report.aside}.")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from aes_desktop.core.check import check_database
    from aes_desktop.core.errors import DatabaseDamagedError

    try:
        db = _open(args)
    except DatabaseDamagedError as exc:
        result: dict[str, Any] = {"ok": False, "problems": [exc.message], "checks": {}}
    else:
        try:
            result = check_database(db).as_json()
        finally:
            db.close()
    if args.json:
        _print_json(result)
    elif result["ok"]:
        print("Base saine : toutes les vérifications sont passées.")
    else:
        print("Problèmes trouvés :")
        for problem in result["problems"]:
            print(f"  - {problem}")
    return 0 if result["ok"] else 1


def cmd_passphrase(args: argparse.Namespace) -> int:
    from aes_desktop.core.services.security import change_passphrase, encrypt_database

    new = _long_enough(_read_passphrase(args.new_passphrase_file))
    assert new is not None
    old = passphrase_of(args)
    if args.encrypt and old is not None:
        raise ValidationError("--encrypt concerne une base en clair : retirez --passphrase-file.")
    if not args.encrypt and old is None:
        raise ValidationError(
            "Indiquez la phrase de passe actuelle (--passphrase-file), ou --encrypt pour "
            "chiffrer une base en clair."
        )
    db = _open(args)
    try:
        if args.encrypt:
            result = encrypt_database(db, new)
            print(f"Base chiffrée ; {result.backups_updated} sauvegarde(s) chiffrée(s).")
        else:
            assert old is not None
            result = change_passphrase(db, old, new)
            print(
                f"Phrase de passe changée ; {result.backups_updated} sauvegarde(s) mise(s) à jour."
            )
        for name in result.backups_skipped:
            if args.encrypt:  # a plain copy that could not be encrypted is deleted
                print(f"Sauvegarde en clair illisible, supprimée : {name}", file=sys.stderr)
            else:
                print(f"Sauvegarde laissée telle quelle (illisible) : {name}", file=sys.stderr)
    finally:
        db.close()
    return 0


def _parse_date(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(f"{what} invalide : « {text} » (format AAAA-MM-JJ).") from None


def cmd_session(args: argparse.Namespace) -> int:
    from aes_desktop.core.services import agenda, sessions

    db = _open(args)
    try:
        if args.action == "create":
            row = sessions.create_session(
                db,
                sessions.SessionInput(
                    reference=args.reference,
                    body=args.body,
                    title=args.title,
                    start_date=_parse_date(args.date, "Date de début"),
                    end_date=_parse_date(args.end_date, "Date de fin") if args.end_date else None,
                    place=args.place,
                    chair=args.chair,
                ),
            )
            if args.json:
                _print_json(
                    {
                        "id": row.id,
                        "uuid": row.uuid,
                        "reference": row.reference,
                        "title": row.title,
                        "start_date": row.start_date.isoformat(),
                        "place": row.place,
                        "status": row.status.value,
                    }
                )
            else:
                print(f"Session {row.reference} créée (en préparation).")
            return 0
        session_id = sessions.find_session(db, args.session).id
        if args.action == "open":
            agenda.open_session(db, session_id)
            print(f"Session {args.session} ouverte.")
        elif args.action == "close":
            agenda.close_session(db, session_id)
            print(f"Session {args.session} close : elle est désormais en lecture seule.")
        else:
            agenda.reopen_session(db, session_id, args.reason)
            print(f"Session {args.session} rouverte.")
        return 0
    finally:
        db.close()


def cmd_agenda(args: argparse.Namespace) -> int:
    from aes_desktop.core.services import agenda, sessions

    db = _open(args)
    try:
        session = sessions.find_session(db, args.session)
        items = agenda.list_items(db, session.id)
    finally:
        db.close()
    if args.json:
        _print_json(
            [
                {
                    "number": i.number,
                    "uuid": i.uuid,
                    "title": i.title,
                    "presenter": i.presenter,
                    "presenter_state": i.presenter_state,
                    "presenter_ministry": i.presenter_ministry,
                    "start_time": i.start_time,
                    "duration_minutes": i.duration_minutes,
                    "dossier": i.dossier_reference,
                }
                for i in items
            ]
        )
        return 0
    for i in items:
        when = f"{i.start_time}  " if i.start_time else ""
        dossier = f"  [{i.dossier_reference}]" if i.dossier_reference else ""
        print(f"{i.number:>3}. {when}{i.title}{dossier}")
    return 0


def cmd_note_export(args: argparse.Namespace) -> int:
    from aes_desktop.briefing.cycle_export import export, note_blocks

    db = _open(args)
    try:
        title, blocks = note_blocks(db, args.session, args.item)
    finally:
        db.close()
    export("la note", title, blocks, Path(args.out), args.format)
    print(f"Note exportée : {args.out}")
    return 0


def cmd_decisions_export(args: argparse.Namespace) -> int:
    from aes_desktop.briefing.cycle_export import decisions_blocks, export

    db = _open(args)
    try:
        title, blocks = decisions_blocks(db, args.session)
    finally:
        db.close()
    export("le relevé", title, blocks, Path(args.out), args.format)
    print(f"Relevé de décisions exporté : {args.out}")
    return 0


def run_gui(args: argparse.Namespace) -> int:
    from aes_desktop.ui.app import run

    return run(
        db=getattr(args, "db", None),
        data_dir=getattr(args, "data_dir", None),
        lang=getattr(args, "lang", None),
        passphrase=passphrase_of(args),
    )


def main(argv: Sequence[str] | None = None) -> int:
    args_in = list(sys.argv[1:] if argv is None else argv)
    if args_in[:1] == ["--aes-extract-worker"]:
        # A frozen build has no "python -m": it runs its importers' extraction process this way.
        from aes_desktop.exchange.worker import serve

        return serve()
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = getattr(args, "func", run_gui)
    if func is not run_gui:
        gc.enable()  # see aes_desktop.launcher; the window turns it on after its first paint
    try:
        return func(args)
    except AesError as exc:
        print(f"aes-desktop : {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("aes-desktop : interrompu.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``… --json | head``): nothing more to say, and no traceback.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:
        # A driver error that no service translated (a lock held for long, a full disk): told
        # in French, never as an English traceback.
        from aes_desktop.core.db import storage_error

        error = storage_error(exc, writing=True)
        if error is None:
            print(
                f"aes-desktop : erreur inattendue ({type(exc).__name__}) ; l'opération a été "
                "interrompue.",
                file=sys.stderr,
            )
            return 1
        print(f"aes-desktop : {error.message}", file=sys.stderr)
        return error.exit_code
