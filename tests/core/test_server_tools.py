"""``check``, ``backup`` and ``restore`` on a shared PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

import pytest

from aes_desktop.cli import main
from aes_desktop.core.check import check_database
from aes_desktop.core.db import open_database
from aes_desktop.core.demo import load_demo
from aes_desktop.core.errors import AesError
from aes_desktop.core.search import rebuild_index, search
from aes_desktop.core.server_tools import backup_server, restore_server
from tests.pg import PgServer


def test_check_backup_and_restore(pg_server: PgServer, tmp_path: Path) -> None:
    url = pg_server.create_database("tools")
    name = url.rsplit("/", 1)[1]
    db = open_database(url)
    try:
        load_demo(db)
        report = check_database(db)
        assert report.ok, report.problems
        assert {"foreign_key_check", "full_text_index", "blobs_sha256", "audit_chain"} <= set(
            report.checks
        )
        assert report.counts["blobs"] > 0 and report.counts["audit_entries"] > 0
        assert main(["check", "--db", url]) == 0

        dump = tmp_path / "serveur.dump"
        assert main(["backup", "--db", url, "--out", str(dump)]) == 0
        assert dump.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
        hits_before = {h.snippet for h in search(db, "sécurité", limit=200)}

        # Damage behind the application's back, as only the owner could (triggers off).
        pg_server.psql(
            name,
            "SET session_replication_role = replica; "
            "UPDATE blobs SET data = 'x'::bytea WHERE sha256 = (SELECT min(sha256) FROM blobs); "
            "UPDATE audit_log SET summary = 'effacé' WHERE id = (SELECT min(id) FROM audit_log); "
            "DELETE FROM search_pg_dossiers WHERE dossier_id = (SELECT min(id) FROM dossiers); "
            "DELETE FROM people WHERE id = (SELECT min(author_id) FROM annotations);",
        )
        report = check_database(db)
        assert not report.ok
        assert report.checks["blobs_sha256"] and report.checks["audit_chain"]
        assert report.checks["full_text_index"] and report.checks["foreign_key_check"]
        assert "annotations, colonne author_id" in " ".join(report.checks["foreign_key_check"])
        assert main(["check", "--db", url]) == 1
        rebuild_index(db)
        assert check_database(db).checks["full_text_index"] == []

        bad = tmp_path / "pas-une-sauvegarde.dump"
        bad.write_text("bonjour", encoding="utf-8")
        with pytest.raises(AesError, match="lecture de la sauvegarde"):
            restore_server(db, bad)
        assert main(["restore", "--db", url, "--from", str(dump)]) == 0
        report = check_database(db)
        assert report.ok, report.problems
        assert {h.snippet for h in search(db, "sécurité", limit=200)} == hits_before
        # The restore itself is in the log, chained after the restored entries.
        again = tmp_path / "apres.dump"
        assert backup_server(db, again) == again.resolve()
    finally:
        db.close()
