"""Status workflow, positions under the optimistic lock, duplication, next session from a model."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from aes_desktop.core import search
from aes_desktop.core.db import Database
from aes_desktop.core.enums import (
    Domain,
    DossierKind,
    DossierStatus,
    Position,
    SessionStatus,
    State,
)
from aes_desktop.core.errors import ConflictError, ReadOnlyError, ValidationError
from aes_desktop.core.jobs import Job, JobCancelledError
from aes_desktop.core.services import (
    activity,
    documents,
    dossiers,
    roadmap,
    session_templates,
    sessions,
)
from aes_desktop.core.services.audit import verify_chain

S = DossierStatus


def _open_session(db: Database, reference: str = "CM-2026-01") -> int:
    return sessions.create_session(
        db,
        sessions.SessionInput(
            reference=reference,
            body="Conseil des ministres",
            title="Deuxième session",
            start_date=date(2026, 6, 1),
            status=SessionStatus.OPEN,
        ),
    ).id


def _dossier(db: Database, session_id: int, reference: str = "CM-2026-01/D01") -> int:
    return dossiers.create_dossier(
        db,
        session_id,
        dossiers.DossierInput(
            reference=reference,
            title="Protocole additionnel relatif aux corridors de transport",
            kind=DossierKind.PROTOCOL,
            domain=Domain.DEVELOPMENT,
            lead_state=State.BF,
        ),
    )


def _demo_session(db: Database) -> int:
    return sessions.find_session(db, "CM-2025-01").id


# -- workflow ----------------------------------------------------------------------------------


PATHS = [
    ([S.UNDER_REVIEW, S.READY, S.ADOPTED], True),
    ([S.UNDER_REVIEW, S.READY, S.POSTPONED, S.UNDER_REVIEW, S.READY, S.REJECTED], True),
    ([S.UNDER_REVIEW, S.DRAFT, S.UNDER_REVIEW], True),
    ([S.ADOPTED], False),
    ([S.READY], False),
    ([S.UNDER_REVIEW, S.ADOPTED], False),
    ([S.UNDER_REVIEW, S.READY, S.ADOPTED, S.UNDER_REVIEW], False),
    ([S.UNDER_REVIEW, S.READY, S.REJECTED, S.DRAFT], False),
    ([S.UNDER_REVIEW, S.READY, S.POSTPONED, S.ADOPTED], False),
]


def test_status_workflow(empty_db: Database) -> None:
    """Allowed paths end where they lead; a forbidden last step is refused, nothing changes."""
    sid = _open_session(empty_db)
    for n, (path, allowed) in enumerate(PATHS, start=1):
        did = _dossier(empty_db, sid, f"CM-2026-01/D{n:02d}")
        version = 1
        *steps, last = path
        for status in steps:
            version = dossiers.set_status(empty_db, did, status, expected_version=version)
        before = dossiers.get_dossier(empty_db, did)
        if allowed:
            dossiers.set_status(empty_db, did, last, expected_version=version)
            assert dossiers.get_dossier(empty_db, did).row.status is last, path
            continue
        with pytest.raises(ValidationError) as caught:
            dossiers.set_status(empty_db, did, last, expected_version=version)
        assert caught.value.field == "status", path
        assert "ne peut pas passer" in caught.value.message or "ne change plus" in (
            caught.value.message
        )
        after = dossiers.get_dossier(empty_db, did)
        assert after.row.status is before.row.status and after.row_version == before.row_version


def test_every_status_has_its_transitions() -> None:
    assert set(dossiers.STATUS_TRANSITIONS) == set(DossierStatus)
    assert dossiers.allowed_transitions(S.DRAFT) == (S.UNDER_REVIEW,)
    assert dossiers.allowed_transitions(S.ADOPTED) == ()
    for status, targets in dossiers.STATUS_TRANSITIONS.items():
        assert status not in targets


def test_update_dossier_enforces_the_workflow_too(empty_db: Database) -> None:
    did = _dossier(empty_db, _open_session(empty_db))
    detail = dossiers.get_dossier(empty_db, did)
    data = replace(dossiers.input_from_detail(detail), status=S.ADOPTED, title="Autre intitulé")
    with pytest.raises(ValidationError, match="brouillon"):
        dossiers.update_dossier(empty_db, did, data, expected_version=detail.row_version)
    assert dossiers.get_dossier(empty_db, did).row.title == detail.row.title  # nothing saved


def test_status_change_is_audited_with_before_and_after(empty_db: Database) -> None:
    did = _dossier(empty_db, _open_session(empty_db))
    dossiers.set_status(empty_db, did, S.UNDER_REVIEW, expected_version=1)
    (latest, *_rest) = activity.dossier_activity(empty_db, did)
    assert latest.action == "dossier.update"
    assert latest.details["status"] == ["draft", "under_review"]
    assert verify_chain(empty_db) == []


def test_set_position_refuses_a_stale_version(empty_db: Database) -> None:
    did = _dossier(empty_db, _open_session(empty_db))
    v2 = dossiers.set_position(
        empty_db, did, State.ML, Position.FAVOURABLE, "Accord", expected_version=1
    )
    assert v2 == 2
    with pytest.raises(ConflictError):
        dossiers.set_position(empty_db, did, State.NE, Position.OBJECTION, expected_version=1)
    positions = {p.state: p.position for p in dossiers.get_dossier(empty_db, did).positions}
    assert positions[State.NE] is Position.NOT_EXPRESSED
    assert positions[State.ML] is Position.FAVOURABLE


# -- references and duplication ----------------------------------------------------------------


def test_suggested_reference_follows_the_session_numbering(demo_db: Database) -> None:
    sid = _demo_session(demo_db)
    assert dossiers.suggest_reference(demo_db, sid) == "CM-2025-01/D07"
    other = _open_session(demo_db)
    assert dossiers.suggest_reference(demo_db, other) == "CM-2026-01/D01"


def test_duplicate_copies_metadata_documents_and_resets_positions(demo_db: Database) -> None:
    source_id = dossiers.find_dossier_id(demo_db, "CM-2025-01/D02")  # closed session
    source = dossiers.get_dossier(demo_db, source_id)
    target = _open_session(demo_db)
    copy_id = dossiers.duplicate_dossier(demo_db, source_id, target_session_id=target)
    copy = dossiers.get_dossier(demo_db, copy_id)
    assert copy.row.reference == "CM-2026-01/D01"
    assert copy.row.session_id == target and not copy.session_closed
    assert copy.row.status is S.DRAFT
    assert (copy.row.title, copy.row.kind, copy.row.domain, copy.row.classification) == (
        source.row.title,
        source.row.kind,
        source.row.domain,
        source.row.classification,
    )
    assert copy.tags == source.tags and copy.summary == source.summary
    assert all(p.position is Position.NOT_EXPRESSED and not p.comment for p in copy.positions)
    assert any(p.position is not Position.NOT_EXPRESSED for p in source.positions)

    originals = documents.list_documents(demo_db, source_id)
    copies = documents.list_documents(demo_db, copy_id)
    assert [d.title for d in copies] == [d.title for d in originals]
    assert copy.row.document_count == len(copies) == source.row.document_count
    assert {d.id for d in copies}.isdisjoint({d.id for d in originals})
    for original, new in zip(originals, copies, strict=True):
        assert new.current_version == 1 and new.version_count == 1
        old_version = documents.current_version(demo_db, original.id)
        new_version = documents.current_version(demo_db, new.id)
        assert new_version.source_sha256 == old_version.source_sha256  # the blob is shared
        old_blocks = documents.version_blocks(demo_db, old_version.id)
        new_blocks = documents.version_blocks(demo_db, new_version.id)
        assert [(b.kind, b.number, b.text) for b in new_blocks] == [
            (b.kind, b.number, b.text) for b in old_blocks
        ]
    # The copy is searchable like any dossier, and the index stays sound.
    hits = search.search(demo_db, '"force unifiée"', limit=200)
    assert {h.dossier_ref for h in hits} >= {"CM-2025-01/D02", "CM-2026-01/D01"}
    assert search.check_index(demo_db) == []
    assert activity.dossier_activity(demo_db, copy_id)[0].action == "dossier.duplicate"
    assert copy.row.annotation_count == 0


def test_duplicate_without_documents_and_with_a_chosen_reference(demo_db: Database) -> None:
    source_id = dossiers.find_dossier_id(demo_db, "CM-2025-01/D03")
    target = _open_session(demo_db)
    copy_id = dossiers.duplicate_dossier(
        demo_db,
        source_id,
        target_session_id=target,
        reference="CM-2026-01/D09",
        copy_documents=False,
    )
    copy = dossiers.get_dossier(demo_db, copy_id)
    assert copy.row.reference == "CM-2026-01/D09" and copy.row.document_count == 0
    with pytest.raises(ValidationError) as caught:
        dossiers.duplicate_dossier(
            demo_db, source_id, target_session_id=target, reference="CM-2026-01/D09"
        )
    assert caught.value.field == "reference"


def test_duplicate_into_a_closed_session_is_refused(demo_db: Database) -> None:
    source_id = dossiers.find_dossier_id(demo_db, "CM-2025-01/D03")
    count = dossiers.count_dossiers(demo_db)
    with pytest.raises(ReadOnlyError):
        dossiers.duplicate_dossier(demo_db, source_id)  # its own session is closed
    assert dossiers.count_dossiers(demo_db) == count


def test_duplicate_copies_roadmap_actions(demo_db: Database) -> None:
    source_id = dossiers.find_dossier_id(demo_db, "CM-2025-01/D01")
    copy_id = dossiers.duplicate_dossier(
        demo_db, source_id, target_session_id=_open_session(demo_db), copy_documents=False
    )
    before = roadmap.list_actions(demo_db, source_id)
    after = roadmap.list_actions(demo_db, copy_id)
    assert len(after) == len(before) == 59
    assert [(a.code, a.rate, a.status) for a in after] == [
        (a.code, a.rate, a.status) for a in before
    ]


# -- next session from a template --------------------------------------------------------------


def _next(reference: str = "CM-2026-01") -> sessions.SessionInput:
    return sessions.SessionInput(
        reference=reference,
        body="Conseil des ministres de la Confédération des États du Sahel",
        title="Deuxième session ordinaire du Conseil des ministres",
        start_date=date(2026, 6, 1),
        end_date=date(2026, 6, 2),
        place="Ouagadougou",
    )


def test_next_session_reference(demo_db: Database) -> None:
    sid = _demo_session(demo_db)
    assert sessions.suggest_next_reference(demo_db, sid, date(2026, 6, 1)) == "CM-2026-01"
    assert sessions.suggest_next_reference(demo_db, sid, date(2025, 12, 30)) == "CM-2025-02"
    sessions.create_session(demo_db, _next())
    assert sessions.suggest_next_reference(demo_db, sid, date(2026, 6, 1)) == "CM-2026-02"


def test_next_session_from_template(demo_db: Database) -> None:
    template = _demo_session(demo_db)
    old_agenda = sessions.list_agenda(demo_db, template)
    result = session_templates.create_session_from_template(demo_db, template, _next())
    new = result.session
    assert new.reference == "CM-2026-01" and new.status is SessionStatus.PREPARATION
    assert new.dossier_count == 6 and result.agenda_items == len(old_agenda)
    copies = [dossiers.get_dossier(demo_db, i) for i in result.dossier_ids]
    assert [c.row.reference for c in copies] == [f"CM-2026-01/D0{i}" for i in range(1, 7)]
    assert all(c.row.status is S.DRAFT and not c.session_closed for c in copies)
    assert all(c.row.document_count == 0 for c in copies)  # documents not asked for
    # Due dates move with the session: D01 was due five days before the 2025 session.
    d01 = copies[0]
    assert d01.row.due_date == date(2026, 5, 27)
    assert len(roadmap.list_actions(demo_db, d01.row.id)) == 59
    new_agenda = sessions.list_agenda(demo_db, new.id)
    assert [a.title for a in new_agenda] == [a.title for a in old_agenda]
    assert [a.dossier_reference for a in new_agenda] == [
        a.dossier_reference.replace("CM-2025-01", "CM-2026-01") if a.dossier_reference else None
        for a in old_agenda
    ]
    # The template is untouched.
    assert sessions.get_session(demo_db, template).dossier_count == 6
    assert verify_chain(demo_db) == []


def test_next_session_with_documents(demo_db: Database) -> None:
    result = session_templates.create_session_from_template(
        demo_db, _demo_session(demo_db), _next(), copy_documents=True
    )
    d02 = dossiers.get_dossier(demo_db, result.dossier_ids[1])
    assert d02.row.document_count == 4
    assert search.check_index(demo_db) == []


def test_next_session_failure_or_cancel_leaves_nothing(demo_db: Database) -> None:
    template = _demo_session(demo_db)
    before = (len(sessions.list_sessions(demo_db)), dossiers.count_dossiers(demo_db))
    with pytest.raises(ValidationError):
        session_templates.create_session_from_template(demo_db, template, _next("CM-2025-01"))
    job = Job()
    job.cancel()
    with pytest.raises(JobCancelledError):
        session_templates.create_session_from_template(demo_db, template, _next(), job=job)
    assert (len(sessions.list_sessions(demo_db)), dossiers.count_dossiers(demo_db)) == before


def test_template_references_never_collide(demo_db: Database) -> None:
    template = _demo_session(demo_db)
    other = _open_session(demo_db, "CM-2026-01")
    _dossier(demo_db, other, "CM-2026-01/D03")
    sessions.set_session_status(demo_db, other, SessionStatus.CLOSED)
    result = session_templates.create_session_from_template(demo_db, template, _next("CM-2026-02"))
    refs = [dossiers.get_dossier(demo_db, i).row.reference for i in result.dossier_ids]
    assert refs[0] == "CM-2026-02/D01" and len(set(refs)) == 6


# -- activity --------------------------------------------------------------------------------------


def test_activity_gathers_the_dossier_and_what_it_holds(demo_db: Database) -> None:
    did = dossiers.find_dossier_id(demo_db, "CM-2025-01/D02")
    actions = {row.action for row in activity.dossier_activity(demo_db, did)}
    # Creating a note is not audited (the most frequent write); carrying notes to v2 is.
    expected = {"dossier.create", "document.create", "document.version", "annotation.reanchor"}
    assert expected <= actions
    other = dossiers.find_dossier_id(demo_db, "CM-2025-01/D05")
    summaries = [r.summary for r in activity.dossier_activity(demo_db, other)]
    assert summaries and not any("CM-2025-01/D02" in s for s in summaries)
    assert len(activity.dossier_activity(demo_db, did, limit=3)) == 3


def test_activity_reads_the_log_through_its_index(demo_path: object) -> None:
    conn = sqlite3.connect(str(demo_path))
    try:
        plan = " ".join(
            str(row)
            for row in conn.execute(
                "EXPLAIN QUERY PLAN SELECT * FROM audit_log WHERE object_uuid IN ('a', 'b') "
                "ORDER BY id DESC LIMIT 200"
            )
        )
    finally:
        conn.close()
    assert "ix_audit_log_object_uuid" in plan
