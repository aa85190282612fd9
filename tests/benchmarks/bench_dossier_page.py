"""Dossier page and roadmap view on the scale database: opening, saving an edit, copying.

Runs on a private copy (it writes). The scale database has no audit log (it is bulk-loaded), so
``--audit N`` first appends N log lines spread over the dossiers' objects, as a million
annotations made through the application would have left (the page reads a dossier's activity
from that log on every selection).

    python -m tests.benchmarks dossier_page [--db PATH] [--audit 1000000]
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

from aes_desktop.core.db import open_database
from aes_desktop.core.enums import DossierKind, SessionStatus
from aes_desktop.core.services import activity, dossiers, roadmap, session_templates, sessions
from tests.benchmarks.common import (
    Row,
    median,
    percentile,
    print_table,
    private_copy,
    scale_db,
    stopwatch,
)


def _fill_audit(path: Path, lines: int, seed: int = 3) -> None:
    """Append ``lines`` audit entries about existing annotations (raw SQL: fast, not chained)."""
    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    try:
        uuids = [r[0] for r in conn.execute("SELECT uuid FROM annotations LIMIT 2000000")]
        batch = []
        for i in range(lines):
            batch.append(
                (
                    f"bench-{i:09d}",
                    "2026-01-10 10:00:00.000000",
                    "Aide",
                    "annotation.create",
                    "annotation",
                    rng.choice(uuids),
                    "CM — document",
                    "{}",
                    "",
                    "0" * 64,
                )
            )
            if len(batch) == 50_000:
                conn.executemany(
                    "INSERT INTO audit_log (uuid, at, actor, action, object_type, object_uuid, "
                    "summary, details, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    batch,
                )
                batch.clear()
        if batch:
            conn.executemany(
                "INSERT INTO audit_log (uuid, at, actor, action, object_type, object_uuid, "
                "summary, details, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
                batch,
            )
        conn.commit()
    finally:
        conn.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks dossier_page")
    parser.add_argument("--db", help="base de test (défaut : bench-data/scale-10000.sqlite)")
    parser.add_argument("--audit", type=int, default=1_000_000, help="lignes de journal ajoutées")
    parser.add_argument("--samples", type=int, default=60)
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from aes_desktop.ui.widgets.dossier_panel import DossierPanel
    from aes_desktop.ui.widgets.roadmap_view import RoadmapView

    app = QApplication.instance() or QApplication([])
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        path = private_copy(scale_db(args.db), Path(tmp))
        open_database(path).close()  # brings an older copy to the current schema
        if args.audit:
            _fill_audit(path, args.audit)
        # What migration 0003 costs on a database that already holds that log.
        conn = sqlite3.connect(path)
        conn.execute("DROP INDEX IF EXISTS ix_audit_log_object_uuid")
        with stopwatch() as migrate_ms:
            conn.execute("CREATE INDEX ix_audit_log_object_uuid ON audit_log (object_uuid)")
            conn.commit()
        conn.close()
        db = open_database(path)
        try:
            ids = dossiers.dossier_ids(db, dossiers.DossierQuery())
            reports = dossiers.dossier_ids(
                db, dossiers.DossierQuery(kinds=frozenset({DossierKind.ROADMAP_REPORT}))
            )
            sample = rng.sample(ids, min(args.samples, len(ids)))

            panel = DossierPanel(db)
            panel.resize(440, 1400)
            panel.show()
            for dossier_id in sample[:5]:  # warm the page cache as a running app would be
                panel.show_dossier(dossier_id)
            page: list[float] = []
            for dossier_id in sample:
                with stopwatch() as elapsed:
                    panel.show_dossier(dossier_id)
                    app.processEvents()
                page.append(elapsed())

            log: list[float] = []
            for dossier_id in sample:
                with stopwatch() as elapsed:
                    activity.dossier_activity(db, dossier_id)
                log.append(elapsed())

            view = RoadmapView(db)
            view.resize(1400, 900)
            view.show()
            report_sample = rng.sample(reports, min(20, len(reports)))
            view.show_dossier(report_sample[0])
            opened: list[float] = []
            for dossier_id in report_sample:
                with stopwatch() as elapsed:
                    view.show_dossier(dossier_id)
                    app.processEvents()
                opened.append(elapsed())
            recompute: list[float] = []
            for _ in range(30):
                with stopwatch() as elapsed:
                    view._refresh_analysis()
                recompute.append(elapsed())

            # Saving edits: the newest session is open in the scale database.
            open_session = next(
                s for s in sessions.list_sessions(db) if s.status is not SessionStatus.CLOSED
            )
            editable = dossiers.dossier_ids(db, dossiers.DossierQuery(session_id=open_session.id))
            saves: list[float] = []
            for n, dossier_id in enumerate(editable[:20]):
                detail = dossiers.get_dossier(db, dossier_id)
                data = replace(dossiers.input_from_detail(detail), rapporteur=f"Rapporteur {n}")
                with stopwatch() as elapsed:
                    dossiers.update_dossier(
                        db, dossier_id, data, expected_version=detail.row_version
                    )
                saves.append(elapsed())
            rate_saves: list[float] = []
            editable_reports = [
                d
                for d in editable
                if dossiers.get_dossier(db, d).row.kind is DossierKind.ROADMAP_REPORT
            ]
            for dossier_id in editable_reports[:2]:
                for action in roadmap.list_actions(db, dossier_id)[:10]:
                    with stopwatch() as elapsed:
                        roadmap.update_progress(
                            db, action.id, expected_version=action.row_version, rate=50.0
                        )
                    rate_saves.append(elapsed())

            with stopwatch() as duplicate_ms:
                dossiers.duplicate_dossier(
                    db, editable[0], target_session_id=open_session.id, copy_documents=True
                )
            with stopwatch() as template_ms:
                result = session_templates.create_session_from_template(
                    db,
                    open_session.id,
                    sessions.SessionInput(
                        reference="BENCH-2027-01",
                        body="Conseil des ministres",
                        title="Session suivante",
                        start_date=date(2027, 1, 10),
                    ),
                    copy_documents=True,
                )
        finally:
            db.close()
    rows = [
        Row(f"migration 0003: audit index over {args.audit:,} lines", migrate_ms(), None),
        Row(f"dossier page shown, p50 ({len(page)} dossiers)", median(page), 50),
        Row("dossier page shown, p95", percentile(page, 95), 100),
        Row(f"dossier activity query, p95 ({args.audit:,} log lines)", percentile(log, 95), 20),
        Row(f"roadmap view shown, p95 ({len(opened)} reports)", percentile(opened, 95), 150),
        Row("gaps + charts recomputed after an edit, p95", percentile(recompute, 95), 16),
        Row("metadata edit saved (fsync), median", median(saves), 50),
        Row("rate edit saved (fsync), median", median(rate_saves), 50),
        Row("duplicate a dossier with its 10 documents", duplicate_ms(), 1000),
        Row(
            f"next session from a template ({len(result.dossier_ids)} dossiers, documents)",
            template_ms(),
            10_000,
        ),
    ]
    ok = print_table("Dossier page and roadmap view", rows)
    return 0 if ok else 1
