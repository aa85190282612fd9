"""The cycle of a session: create, agenda, note, position sheets, decisions and follow-up."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from aes_desktop.core.db import Database
from aes_desktop.core.enums import (
    DecisionOutcome,
    Domain,
    DossierKind,
    DossierStatus,
    FollowUpStatus,
    SessionStatus,
    Stance,
    State,
)
from aes_desktop.core.errors import ConflictError, ReadOnlyError, ValidationError
from aes_desktop.core.models import AuditEntry
from aes_desktop.core.services import agenda, decisions, dossiers, notes, positions, sessions
from aes_desktop.core.services.audit import verify_chain


def _session(db: Database, reference: str = "CM-2027-01", start: date = date(2027, 1, 15)) -> int:
    return sessions.create_session(
        db,
        sessions.SessionInput(
            reference=reference,
            body="Conseil des ministres",
            title="Session ordinaire",
            start_date=start,
        ),
    ).id


def _dossier(db: Database, session_id: int, ref: str, status: DossierStatus) -> int:
    return dossiers.create_dossier(
        db,
        session_id,
        dossiers.DossierInput(
            reference=ref,
            title=f"Dossier {ref}",
            kind=DossierKind.PROTOCOL,
            domain=Domain.DEFENCE,
            lead_state=State.ML,
            status=status,
        ),
    )


def test_blank_session_and_unique_reference(empty_db: Database) -> None:
    sid = _session(empty_db)
    row = sessions.get_session(empty_db, sid)
    assert row.status is SessionStatus.PREPARATION
    assert agenda.list_items(empty_db, sid) == []
    with pytest.raises(ValidationError, match="déjà la référence CM-2027-01"):
        _session(empty_db)
    agenda.update_session(
        empty_db,
        sid,
        agenda.SessionDetails(
            body="Conseil",
            title="Session extraordinaire",
            start_date=date(2027, 1, 16),
            place="Niamey",
        ),
    )
    row = sessions.get_session(empty_db, sid)
    assert (row.title, row.place, row.start_date) == (
        "Session extraordinaire",
        "Niamey",
        date(2027, 1, 16),
    )


def test_open_close_reopen_with_audited_reason(empty_db: Database) -> None:
    sid = _session(empty_db)
    agenda.open_session(empty_db, sid)
    with pytest.raises(ValidationError, match="déjà ouverte"):
        agenda.open_session(empty_db, sid)
    agenda.close_session(empty_db, sid)
    assert sessions.get_session(empty_db, sid).is_closed
    with pytest.raises(ValidationError, match="raison"):
        agenda.reopen_session(empty_db, sid, "  ")
    agenda.reopen_session(empty_db, sid, "Erratum au point 3")
    assert sessions.get_session(empty_db, sid).status is SessionStatus.OPEN
    with empty_db.read() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert last is not None
        assert last.action == "session.status"
        assert last.details["reason"] == "Erratum au point 3"
    assert verify_chain(empty_db) == []


def test_closed_session_refuses_writes(empty_db: Database) -> None:
    sid = _session(empty_db)
    item = agenda.add_item(empty_db, sid, agenda.AgendaItemInput("Point A"))
    agenda.close_session(empty_db, sid)
    with pytest.raises(ReadOnlyError, match="close"):
        agenda.add_item(empty_db, sid, agenda.AgendaItemInput("Point B"))
    with pytest.raises(ReadOnlyError):
        agenda.remove_item(empty_db, item.id)
    with pytest.raises(ReadOnlyError):
        notes.save_note(empty_db, item.id, "# texte", expected_version=0)
    with pytest.raises(ReadOnlyError):
        positions.set_sheet(empty_db, item.id, State.ML, Stance.NO_OBSERVATION)
    with pytest.raises(ReadOnlyError):
        agenda.update_session(
            empty_db, sid, agenda.SessionDetails(body="", title="x", start_date=date(2027, 1, 1))
        )
    assert [i.title for i in agenda.list_items(empty_db, sid)] == ["Point A"]


def test_agenda_add_edit_reorder_remove(empty_db: Database) -> None:
    sid = _session(empty_db)
    did = _dossier(empty_db, sid, "CM-2027-01/D01", DossierStatus.DRAFT)
    a = agenda.add_item(empty_db, sid, agenda.AgendaItemInput("Ouverture", start_time="09:00"))
    b = agenda.add_item(
        empty_db,
        sid,
        agenda.AgendaItemInput(
            "Protocole défense",
            presenter_state="ML",
            presenter_ministry="Ministère de la Défense",
            start_time="09:30",
            duration_minutes=45,
            dossier_id=did,
        ),
    )
    c = agenda.add_item(empty_db, sid, agenda.AgendaItemInput("Clôture"))
    first = agenda.add_item(empty_db, sid, agenda.AgendaItemInput("Hymne"), index=0)
    assert [(i.number, i.title) for i in agenda.list_items(empty_db, sid)] == [
        (1, "Hymne"),
        (2, "Ouverture"),
        (3, "Protocole défense"),
        (4, "Clôture"),
    ]
    with pytest.raises(ValidationError, match="HH:MM"):
        agenda.update_item(empty_db, a.id, agenda.AgendaItemInput("Ouverture", start_time="9h"))
    with pytest.raises(ValidationError, match="État inconnu"):
        agenda.add_item(empty_db, sid, agenda.AgendaItemInput("X", presenter_state="FR"))
    agenda.move_item(empty_db, c.id, 0)
    agenda.move_item(empty_db, first.id, 99)
    assert [i.title for i in agenda.list_items(empty_db, sid)] == [
        "Clôture",
        "Ouverture",
        "Protocole défense",
        "Hymne",
    ]
    notes.save_note(empty_db, b.id, "# Note\n\nTexte important", expected_version=0)
    agenda.remove_item(empty_db, b.id)
    items = agenda.list_items(empty_db, sid)
    assert [(i.number, i.title) for i in items] == [(1, "Clôture"), (2, "Ouverture"), (3, "Hymne")]
    assert dossiers.get_dossier(empty_db, did).row.reference == "CM-2027-01/D01"
    # The note is kept, detached from the removed item.
    with empty_db.read() as s:
        from aes_desktop.core.models import MinisterNote

        kept = s.scalars(select(MinisterNote)).one()
        assert kept.agenda_item_id is None and "Texte important" in kept.content_text


def test_note_versions_conflict_and_search(empty_db: Database) -> None:
    sid = _session(empty_db)
    item = agenda.add_item(empty_db, sid, agenda.AgendaItemInput("Protocole"))
    assert notes.get_note(empty_db, item.id).id is None
    t0 = datetime(2027, 1, 10, 9, 0)
    v = notes.save_note(
        empty_db, item.id, "## Objet\n\n**Souveraineté**", expected_version=0, now=t0
    )
    v = notes.save_note(
        empty_db,
        item.id,
        "## Objet\n\n**Souveraineté** alimentaire",
        expected_version=v,
        now=t0 + timedelta(minutes=1),
    )
    with pytest.raises(ConflictError, match="modifiée ailleurs"):
        notes.save_note(empty_db, item.id, "écrase", expected_version=1)
    v = notes.save_note(
        empty_db,
        item.id,
        "## Objet\n\nSouveraineté alimentaire ![img](x.png)",
        expected_version=v,
        now=t0 + timedelta(minutes=30),
    )
    note = notes.get_note(empty_db, item.id)
    assert note.versions == 2 and "![" not in note.content
    assert note.id is not None
    history = notes.note_versions(empty_db, note.id)
    assert [n for n, _, _ in history] == [1, 2]
    assert "**Souveraineté** alimentaire" in history[0][2]
    assert notes.search_notes(empty_db, sid, "ALIMENTAIRE") == [item.id]
    assert notes.plain_text("## Objet\n\n- **gras** et *italique*") == "Objet\n\ngras et italique"


def test_prefill_from_dossier(demo_db: Database) -> None:
    sid = sessions.find_session(demo_db, "CM-2025-01").id
    item = next(i for i in agenda.list_items(demo_db, sid) if i.dossier_reference)
    text = notes.prefill(demo_db, item.id)
    for _key, heading in notes.SECTIONS:
        assert f"## {heading}" in text
    assert item.dossier_reference is not None and item.dossier_reference in text
    assert "**Mali**" in text


def test_consent_list(empty_db: Database) -> None:
    sid = _session(empty_db)
    d1 = _dossier(empty_db, sid, "CM-2027-01/D01", DossierStatus.READY)
    d2 = _dossier(empty_db, sid, "CM-2027-01/D02", DossierStatus.READY)
    agenda.add_item(empty_db, sid, agenda.AgendaItemInput("Ouverture"))
    one = agenda.add_item(empty_db, sid, agenda.AgendaItemInput("Un", dossier_id=d1))
    two = agenda.add_item(empty_db, sid, agenda.AgendaItemInput("Deux", dossier_id=d2))
    for st in (State.ML, State.BF, State.NE):
        positions.set_sheet(empty_db, one.id, st, Stance.NO_OBSERVATION)
    positions.set_sheet(empty_db, two.id, State.ML, Stance.NO_OBSERVATION)
    positions.set_sheet(empty_db, two.id, State.BF, Stance.OBJECTION, "Article 4 à revoir")
    with pytest.raises(ValidationError, match="commentaire"):
        positions.set_sheet(empty_db, two.id, State.NE, Stance.RESERVATION)
    result = positions.consent_list(empty_db, sid)
    assert [e.title for e in result.consent] == ["Un"]
    [(entry, raised)] = result.debated
    assert entry.title == "Deux"
    assert [(r.state, r.stance, r.comment) for r in raised] == [
        (State.BF, Stance.OBJECTION, "Article 4 à revoir"),
        (State.NE, None, ""),
    ]


def test_decision_sets_dossier_status_and_followups(empty_db: Database) -> None:
    sid = _session(empty_db, start=date(2027, 1, 15))
    d1 = _dossier(empty_db, sid, "CM-2027-01/D01", DossierStatus.READY)
    d2 = _dossier(empty_db, sid, "CM-2027-01/D02", DossierStatus.DRAFT)
    one = agenda.add_item(empty_db, sid, agenda.AgendaItemInput("Un", dossier_id=d1))
    two = agenda.add_item(empty_db, sid, agenda.AgendaItemInput("Deux", dossier_id=d2))
    data = decisions.DecisionInput(
        DecisionOutcome.ADOPTED_WITH_RESERVATIONS,
        "Le Conseil adopte le protocole.",
        {State.NE: "Sur l'article 7"},
        (
            decisions.ActionInput("Transmettre au Parlement", "SP", date(2027, 1, 20)),
            decisions.ActionInput("Publier au journal officiel", "SGG", date(2027, 3, 1)),
            decisions.ActionInput("Rapport d'étape", "MAE", None),
        ),
    )
    with pytest.raises(ValidationError, match="en préparation"):
        decisions.record_decision(empty_db, one.id, data)
    agenda.open_session(empty_db, sid)
    decisions.record_decision(empty_db, one.id, data)
    assert dossiers.get_dossier(empty_db, d1).row.status is DossierStatus.ADOPTED
    # A draft dossier cannot be adopted: the workflow refuses, nothing is recorded.
    with pytest.raises(ValidationError, match="brouillon"):
        decisions.record_decision(
            empty_db, two.id, decisions.DecisionInput(DecisionOutcome.ADOPTED)
        )
    with pytest.raises(ValidationError, match="réserve"):
        decisions.record_decision(
            empty_db, one.id, decisions.DecisionInput(DecisionOutcome.ADOPTED_WITH_RESERVATIONS)
        )
    agenda.close_session(empty_db, sid)
    [row] = decisions.list_decisions(empty_db, sid)
    assert row.item_number == 1 and row.reservations == ((State.NE, "Sur l'article 7"),)
    assert [a.title for a in row.actions] == [
        "Transmettre au Parlement",
        "Publier au journal officiel",
        "Rapport d'étape",
    ]
    decisions.set_followup_status(empty_db, row.actions[2].id, FollowUpStatus.DONE)
    today = date(2027, 2, 20)
    listed = decisions.list_followups(empty_db, today=today)
    assert [(c, r.title) for c, r in listed] == [
        ("overdue", "Transmettre au Parlement"),
        ("due", "Publier au journal officiel"),
        ("done", "Rapport d'étape"),
    ]
    assert [
        r.title
        for _, r in decisions.list_followups(empty_db, today=today, categories=["overdue", "due"])
    ] == [
        "Transmettre au Parlement",
        "Publier au journal officiel",
    ]
    later = _session(empty_db, "CM-2027-02", date(2027, 6, 1))
    assert len(decisions.list_followups(empty_db, today=today, before_session_id=later)) == 3
    assert decisions.list_followups(empty_db, today=today, before_session_id=sid) == []
    # Correcting the decision keeps what was already done.
    agenda.reopen_session(empty_db, sid, "Correction du relevé")
    decisions.record_decision(empty_db, one.id, data)
    [row] = decisions.list_decisions(empty_db, sid)
    assert row.actions[2].status is FollowUpStatus.DONE


def test_demo_session_has_its_releve(demo_db: Database) -> None:
    session = sessions.find_session(demo_db, "CM-2025-01")
    rows = decisions.list_decisions(demo_db, session.id)
    assert {r.dossier_reference for r in rows} >= {"CM-2025-01/D01", "CM-2025-01/D05"}
    by_ref = {r.dossier_reference: r for r in rows}
    assert by_ref["CM-2025-01/D05"].outcome is DecisionOutcome.POSTPONED
    listed = decisions.list_followups(demo_db, today=date(2026, 12, 5))
    categories = {c for c, _ in listed}
    assert categories == {"done", "overdue", "due", "open"}
