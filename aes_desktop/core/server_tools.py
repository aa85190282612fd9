"""Checking, backing up and restoring a shared PostgreSQL server (``check``, ``backup``,
``restore`` on a ``postgresql://`` URL).

What SQLite's ``integrity_check`` does for a file, PostgreSQL does for itself (page checksums,
WAL); what can be checked from here is checked: every foreign key is re-verified row by row
(constraints can be created ``NOT VALID`` or bypassed by a restore with triggers disabled), and
the full-text tables agree with the data. Backups use PostgreSQL's own tools: ``pg_dump -Fc``
(custom format, compressed, restorable table by table) and ``pg_restore``. Run them as the
database's owner: row-level security hides other people's private notes from everyone else.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import text

from aes_desktop.core.db import Database
from aes_desktop.core.errors import AesError, ValidationError

MAX_REPORTED = 50
_PG_BIN_DIRS = ("/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin")


def foreign_keys(db: Database) -> list[str]:
    """Rows whose foreign key points at nothing (one query per single-column constraint)."""
    problems: list[str] = []
    with db.read() as s:
        constraints = s.execute(
            text(
                "SELECT c.conname, cl.relname, a.attname, rc.relname, ra.attname "
                "FROM pg_constraint AS c "
                "JOIN pg_class AS cl ON cl.oid = c.conrelid "
                "JOIN pg_namespace AS n ON n.oid = cl.relnamespace AND n.nspname = 'public' "
                "JOIN pg_class AS rc ON rc.oid = c.confrelid "
                "JOIN pg_attribute AS a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
                "JOIN pg_attribute AS ra ON ra.attrelid = c.confrelid "
                "AND ra.attnum = c.confkey[1] "
                "WHERE c.contype = 'f' AND array_length(c.conkey, 1) = 1 ORDER BY 2, 3"
            )
        ).all()
        for _name, table, column, parent, parent_column in constraints:
            missing = s.execute(
                text(
                    f'SELECT count(*) FROM "{table}" AS t WHERE t."{column}" IS NOT NULL '
                    f'AND NOT EXISTS (SELECT 1 FROM "{parent}" AS p '
                    f'WHERE p."{parent_column}" = t."{column}")'
                )
            ).scalar_one()
            if missing:
                problems.append(
                    f"table {table}, colonne {column} : {missing} référence(s) vers {parent} "
                    "absente(s)"
                )
    return problems[:MAX_REPORTED]


def search_index(db: Database) -> list[str]:
    """The full-text tables hold exactly the current blocks, live annotations and dossiers."""
    checks = {
        "search_pg_blocks": (
            "SELECT b.id FROM blocks AS b JOIN document_versions AS v ON v.id = b.version_id "
            "JOIN documents AS d ON d.id = v.document_id AND d.current_version = v.number",
            "block_id",
        ),
        "search_pg_annotations": (
            "SELECT id FROM annotations WHERE deleted_at IS NULL",
            "annotation_id",
        ),
        "search_pg_dossiers": ("SELECT id FROM dossiers", "dossier_id"),
    }
    problems: list[str] = []
    with db.read() as s:
        for table, (source, key) in checks.items():
            absent = s.execute(
                text(
                    f"SELECT count(*) FROM ({source}) AS x WHERE x.id NOT IN "
                    f"(SELECT {key} FROM {table})"
                )
            ).scalar_one()
            extra = s.execute(
                text(f"SELECT count(*) FROM {table} WHERE {key} NOT IN ({source})")
            ).scalar_one()
            if absent:
                problems.append(f"index {table} : {absent} élément(s) absent(s) (à reconstruire)")
            if extra:
                problems.append(f"index {table} : {extra} élément(s) en trop (à reconstruire)")
    return problems


# -- backup and restore ---------------------------------------------------------------------------


def _tool(name: str) -> str:
    for folder in (os.environ.get("AES_PG_BIN", ""), *_PG_BIN_DIRS):
        if folder and (Path(folder) / name).exists():
            return str(Path(folder) / name)
    found = shutil.which(name)
    if found is None:
        raise AesError(
            f"L'outil PostgreSQL « {name} » est introuvable : installez le paquet "
            "postgresql-client."
        )
    return found


def _libpq(db: Database) -> tuple[str, dict[str, str]]:
    """The server's address for the PostgreSQL tools, the password in their environment (not
    on a command line other users could read)."""
    if db.target.is_sqlite:
        raise ValidationError("Cette opération concerne un serveur PostgreSQL.")
    parsed = db.target.url
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _run(cmd: list[str], env: dict[str, str], what: str) -> None:
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or ["erreur inconnue"])[-1]
        raise AesError(f"{what} a échoué : {detail}")


def backup_server(db: Database, out: Path) -> Path:
    """``pg_dump -Fc`` of the whole database into ``out`` (written aside, then renamed)."""
    out = out.expanduser().resolve()
    if out.is_dir():
        raise ValidationError(f"« {out} » est un dossier : indiquez un nom de fichier.")
    if not out.parent.is_dir():
        raise ValidationError(f"Le dossier « {out.parent} » n'existe pas.")
    address, env = _libpq(db)
    tmp = out.with_name(f".{out.name}.nouvelle")
    tmp.unlink(missing_ok=True)
    try:
        _run([_tool("pg_dump"), "-Fc", "--no-owner", "-f", str(tmp), address], env, "pg_dump")
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    from aes_desktop.core.services.audit import log

    log(
        db,
        "backup.create",
        object_type="database",
        summary=f"Sauvegarde du serveur (pg_dump) : {out.name}",
        details={"reason": "manual", "file": str(out), "format": "pg_dump-custom"},
    )
    return out


def restore_server(db: Database, source: Path) -> None:
    """Replace the database's content by a ``pg_dump -Fc`` file, in one transaction.

    ``pg_restore --list`` reads the file first: a file that is no such dump is refused before
    anything is touched; ``--single-transaction`` leaves the database as it was if the restore
    fails halfway. Run it as the database's owner, with no other client connected.
    """
    source = source.expanduser().resolve()
    if not source.is_file():
        raise ValidationError(f"La sauvegarde « {source} » est introuvable.")
    address, env = _libpq(db)
    _run([_tool("pg_restore"), "--list", str(source)], env, "La lecture de la sauvegarde")
    db.release_connections()
    _run(
        [
            _tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            "-d",
            address,
            str(source),
        ],
        env,
        "pg_restore",
    )
    from aes_desktop.core.services.audit import log

    log(
        db,
        "backup.restore",
        object_type="database",
        summary=f"Serveur restauré depuis {source.name}",
        details={"file": str(source), "format": "pg_dump-custom"},
    )
