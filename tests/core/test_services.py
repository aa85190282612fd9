"""Services: validation in French, closed sessions read-only, no silent overwrite."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from aes_desktop.core.db import Database
from aes_desktop.core.enums import (
    ActionStatus,
    Classification,
    Domain,
    DossierKind,
    DossierStatus,
    Position,
    SessionStatus,
    State,
)
from aes_desktop.core.errors import ConflictError, ReadOnlyError, ValidationError
from aes_desktop.core.services import dossiers, roadmap, sessions
from aes_desktop.core.services.audit import verify_chain


def _open_session(db: Database) -> int:
    return sessions.create_session(
        db,
        sessions.SessionInput(
            reference="CM-2026-01",
            body="Conseil des ministres",
            title="Deuxième session",
            start_date=date(2026, 6, 1),
            status=SessionStatus.OPEN,
        ),
    ).id


def _input(**changes: object) -> dossiers.DossierInput:
    base = dossiers.DossierInput(
        reference="CM-2026-01/D01",
        title="Protocole additionnel relatif aux télécommunications",
        kind=DossierKind.PROTOCOL,
        domain=Domain.DEVELOPMENT,
        lead_state=State.NE,
        tags=("télécoms", "  télécoms ", "ɲɔgɔndɛmɛ"),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_create_and_read_back(empty_db: Database) -> None:
    sid = _open_session(empty_db)
    did = dossiers.create_dossier(empty_db, sid, _input())
    detail = dossiers.get_dossier(empty_db, did)
    assert detail.row.reference == "CM-2026-01/D01"
    assert detail.tags == ("télécoms", "ɲɔgɔndɛmɛ")  # trimmed and de-duplicated
    assert [p.position for p in detail.positions] == [Position.NOT_EXPRESSED] * 3
    assert detail.row_version == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"reference": " "}, "reference"),
        ({"title": ""}, "title"),
        ({"title": "x" * 501}, "title"),
        ({"kind": "inconnu"}, "kind"),
    ],
)
def test_validation_names_the_field(
    empty_db: Database, changes: dict[str, object], field: str
) -> None:
    sid = _open_session(empty_db)
    with pytest.raises(ValidationError) as caught:
        dossiers.create_dossier(empty_db, sid, _input(**changes))
    assert caught.value.field == field


def test_duplicate_reference_is_refused(empty_db: Database) -> None:
    sid = _open_session(empty_db)
    dossiers.create_dossier(empty_db, sid, _input())
    with pytest.raises(ValidationError, match="déjà la référence"):
        dossiers.create_dossier(empty_db, sid, _input(title="Autre"))


def test_later_save_does_not_overwrite_earlier_one(empty_db: Database) -> None:
    sid = _open_session(empty_db)
    did = dossiers.create_dossier(empty_db, sid, _input())
    # Two editors open version 1.
    first = dossiers.get_dossier(empty_db, did)
    second = dossiers.get_dossier(empty_db, did)
    new_version = dossiers.update_dossier(
        empty_db,
        did,
        _input(status=DossierStatus.UNDER_REVIEW),
        expected_version=first.row_version,
    )
    assert new_version == 2
    with pytest.raises(ConflictError, match="modifié ailleurs"):
        dossiers.update_dossier(
            empty_db, did, _input(title="Écrasement"), expected_version=second.row_version
        )
    after = dossiers.get_dossier(empty_db, did)
    assert after.row.status is DossierStatus.UNDER_REVIEW
    assert after.row.title != "Écrasement"


def test_conflict_across_processes(empty_db: Database) -> None:
    """Another process (a raw connection) bumps the version: our save is refused."""
    sid = _open_session(empty_db)
    did = dossiers.create_dossier(empty_db, sid, _input())
    seen = dossiers.get_dossier(empty_db, did)
    assert empty_db.path is not None
    other = sqlite3.connect(empty_db.path)
    other.execute(
        "UPDATE dossiers SET title = 'Par un autre poste', row_version = row_version + 1 "
        "WHERE id = ?",
        (did,),
    )
    other.commit()
    other.close()
    with pytest.raises(ConflictError):
        dossiers.update_dossier(
            empty_db, did, _input(title="Le mien"), expected_version=seen.row_version
        )
    assert dossiers.get_dossier(empty_db, did).row.title == "Par un autre poste"


def test_tag_only_edit_bumps_version(empty_db: Database) -> None:
    sid = _open_session(empty_db)
    did = dossiers.create_dossier(empty_db, sid, _input())
    version = dossiers.update_dossier(empty_db, did, _input(tags=("énergie",)), expected_version=1)
    assert version == 2
    assert dossiers.get_dossier(empty_db, did).tags == ("énergie",)


def test_closed_session_is_read_only(demo_db: Database) -> None:
    did = dossiers.find_dossier_id(demo_db, "CM-2025-01/D03")
    detail = dossiers.get_dossier(demo_db, did)
    assert detail.session_closed
    with pytest.raises(ReadOnlyError, match="close"):
        dossiers.update_dossier(
            demo_db,
            did,
            dossiers.DossierInput(
                reference=detail.row.reference,
                title="Nouveau titre",
                kind=detail.row.kind,
                domain=detail.row.domain,
                lead_state=detail.row.lead_state,
            ),
            expected_version=detail.row_version,
        )
    assert dossiers.get_dossier(demo_db, did).row.title == detail.row.title


def test_filters_and_sorting(demo_db: Database) -> None:
    all_ids = dossiers.dossier_ids(demo_db, dossiers.DossierQuery())
    assert len(all_ids) == 6
    protocols = dossiers.dossier_ids(
        demo_db, dossiers.DossierQuery(kinds=frozenset({DossierKind.PROTOCOL}))
    )
    assert len(protocols) == 3
    by_title = dossiers.dossier_ids(demo_db, dossiers.DossierQuery(sort="title"))
    titles = [dossiers.dossier_rows(demo_db, [i])[i].title for i in by_title]
    assert titles == sorted(titles)
    reverse = dossiers.dossier_ids(demo_db, dossiers.DossierQuery(sort="title", descending=True))
    assert reverse == by_title[::-1]
    found = dossiers.dossier_ids(demo_db, dossiers.DossierQuery(text="défense"))
    assert len(found) == 1
    # LIKE wildcards typed by the user are taken literally.
    assert dossiers.dossier_ids(demo_db, dossiers.DossierQuery(text="%")) == []
    secret = dossiers.dossier_ids(
        demo_db, dossiers.DossierQuery(classifications=frozenset({Classification.SECRET}))
    )
    assert all(
        dossiers.dossier_rows(demo_db, secret)[i].classification is Classification.SECRET
        for i in secret
    )


def test_roadmap_progress_edit_and_conflict(empty_db: Database) -> None:
    sid = _open_session(empty_db)
    did = dossiers.create_dossier(
        empty_db,
        sid,
        _input(reference="R/1", kind=DossierKind.ROADMAP_REPORT, domain=Domain.GOVERNANCE),
    )
    (aid,) = roadmap.add_actions(
        empty_db,
        did,
        [
            roadmap.ActionInput(
                axis="Axe 3 — Libre circulation",
                title="Délivrer le passeport confédéral",
                responsible_state=State.AES,
                target=200,
                achieved=50,
            )
        ],
    )
    (action,) = roadmap.list_actions(empty_db, did)
    assert action.rate == 25.0
    v2 = roadmap.update_progress(
        empty_db, aid, expected_version=action.row_version, achieved=150, status=ActionStatus.LATE
    )
    (after,) = roadmap.list_actions(empty_db, did)
    assert after.rate == 75.0 and after.status is ActionStatus.LATE and after.row_version == v2
    with pytest.raises(ConflictError):
        roadmap.update_progress(empty_db, aid, expected_version=action.row_version, rate=10)
    with pytest.raises(ValidationError):
        roadmap.update_progress(empty_db, aid, expected_version=v2, rate=120)
    assert verify_chain(empty_db) == []
