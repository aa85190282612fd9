"""The demo session (CM-2025-01), loaded from ``resources/demo`` through the ordinary services.

The demo is data, not code: ``demo.json`` describes the session, its agenda, dossiers, documents
(texts in ``documents/*.md``, parsed by :mod:`aes_desktop.core.textblocks`), roadmap actions,
positions, people and annotations. Loading runs in one transaction: a failure leaves nothing.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from aes_desktop.core.db import Database
from aes_desktop.core.enums import (
    ActionStatus,
    AnnotationKind,
    Classification,
    DecisionOutcome,
    DocType,
    Domain,
    DossierKind,
    DossierStatus,
    FollowUpStatus,
    Position,
    SessionStatus,
    State,
    Visibility,
)
from aes_desktop.core.errors import ValidationError
from aes_desktop.core.models import AppMeta, CouncilSession, FollowUpAction
from aes_desktop.core.resources import resource_path
from aes_desktop.core.services import (
    agenda,
    annotation,
    decisions,
    documents,
    dossiers,
    people,
    roadmap,
    sessions,
)
from aes_desktop.core.textblocks import parse_structured_text

DEMO_REFERENCE = "CM-2025-01"
SEEDED_KEY = "demo_seeded"


def demo_dir() -> Path:
    return resource_path("demo", "cm-2025-01")


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def load_demo(db: Database, folder: Path | None = None) -> int:
    """Load the demo session into ``db``; returns the new session's id."""
    folder = folder or demo_dir()
    spec: dict[str, Any] = json.loads((folder / "demo.json").read_text(encoding="utf-8"))
    with db.write() as s:
        person_ids: dict[str, int] = {}
        for p in spec["people"]:
            person_ids[p["key"]] = people.create_person(
                db, p["name"], p.get("ministry", ""), State(p["state"]), session=s
            ).id
        sess = spec["session"]
        session_row = sessions.create_session(
            db,
            sessions.SessionInput(
                reference=sess["reference"],
                body=sess["body"],
                title=sess["title"],
                start_date=date.fromisoformat(sess["start_date"]),
                end_date=_date(sess.get("end_date")),
                place=sess.get("place", ""),
                chair=sess.get("chair", ""),
                status=SessionStatus.PREPARATION,
                summary=sess.get("summary", ""),
            ),
            session=s,
        )
        dossier_ids: dict[str, int] = {}
        document_ids: list[int] = []
        version_ids: dict[tuple[str, str, int], int] = {}
        for d in spec["dossiers"]:
            dossier_id = dossiers.create_dossier(
                db,
                session_row.id,
                dossiers.DossierInput(
                    reference=d["reference"],
                    title=d["title"],
                    kind=DossierKind(d["kind"]),
                    domain=Domain(d["domain"]),
                    lead_state=State(d["lead_state"]),
                    summary=d.get("summary", ""),
                    status=DossierStatus(d["status"]),
                    classification=Classification(d["classification"]),
                    rapporteur=d.get("rapporteur", ""),
                    due_date=_date(d.get("due_date")),
                    tags=tuple(d.get("tags", ())),
                ),
                session=s,
            )
            dossier_ids[d["reference"]] = dossier_id
            for state, pos in d.get("positions", {}).items():
                dossiers.set_position(
                    db,
                    dossier_id,
                    State(state),
                    Position(pos["position"]),
                    pos.get("comment", ""),
                    session=s,
                )
            for doc in d.get("documents", []):
                document_id = documents.add_document(
                    db,
                    dossier_id,
                    doc["title"],
                    doc_type=DocType(doc["doc_type"]),
                    classification=Classification(doc.get("classification", "unclassified")),
                    session=s,
                )
                document_ids.append(document_id)
                for v in doc["versions"]:
                    raw = (folder / v["file"]).read_bytes()
                    version = documents.add_version(
                        db,
                        document_id,
                        parse_structured_text(raw.decode("utf-8")),
                        author=v.get("author", ""),
                        note=v.get("note", ""),
                        media_type="text/markdown",
                        source=raw,
                        source_filename=Path(v["file"]).name,
                        created_at=datetime.fromisoformat(v["created_at"])
                        if v.get("created_at")
                        else None,
                        session=s,
                    )
                    version_ids[(d["reference"], doc["title"], version.number)] = version.id
            actions = d.get("roadmap_actions") or []
            if actions:
                roadmap.add_actions(
                    db,
                    dossier_id,
                    [
                        roadmap.ActionInput(
                            axis=a["axis"],
                            code=a.get("code", ""),
                            title=a["title"],
                            responsible_state=State(a["responsible_state"]),
                            responsible_ministry=a.get("responsible_ministry", ""),
                            indicator=a.get("indicator", ""),
                            unit=a.get("unit", ""),
                            target=float(a.get("target", 0)),
                            achieved=float(a.get("achieved", 0)),
                            status=ActionStatus(a["status"]),
                            due_date=_date(a.get("due_date")),
                            comment=a.get("comment", ""),
                        )
                        for a in actions
                    ],
                    session=s,
                )
        for item in spec.get("agenda", []):
            ref = item.get("dossier")
            sessions.add_agenda_item(
                db,
                session_row.id,
                item["title"],
                presenter=item.get("presenter", ""),
                dossier_id=dossier_ids[ref] if ref else None,
                session=s,
            )
        for a in spec.get("annotations", []):
            key = (a["dossier"], a["document"], int(a.get("version", 1)))
            if key not in version_ids:
                raise ValidationError(f"Démo : document inconnu {key}.")
            annotation.create_by_quote(
                db,
                version_id=version_ids[key],
                quote=a["quote"],
                author_id=person_ids[a["author"]],
                data=annotation.AnnotationInput(
                    kind=AnnotationKind(a["kind"]),
                    body=a.get("body", ""),
                    visibility=Visibility(a.get("visibility", "private")),
                    color=a.get("color", "#ffd54f"),
                    resolved=bool(a.get("resolved", False)),
                    assignee=a.get("assignee") or "",
                    due_date=_date(a.get("due_date")),
                    created_at=datetime.fromisoformat(a["created_at"])
                    if a.get("created_at")
                    else None,
                ),
                session=s,
            )
        # Notes written on a first version follow the text to the current one, as they did when
        # the revision arrived: the reader then shows what changed in their passages.
        for document_id in document_ids:
            annotation.reanchor_to_current(db, document_id, session=s)
        status = SessionStatus(sess.get("status", "preparation"))
        if status is not SessionStatus.PREPARATION:
            sessions.set_session_status(db, session_row.id, status, session=s)
        _record_decisions(db, s, session_row.id, spec.get("decisions", []))
        meta = s.get(AppMeta, SEEDED_KEY)
        if meta is None:
            s.add(AppMeta(key=SEEDED_KEY, value=sess["reference"]))
        return session_row.id


def _record_decisions(db: Database, s: Session, session_id: int, spec: list[Any]) -> None:
    """The relevé de décisions of a past session, with its follow-up actions."""
    if not spec:
        return
    items = {
        i.dossier_reference: i.id
        for i in agenda.list_items_in(s, session_id)
        if i.dossier_reference
    }
    for d in spec:
        decision_id = decisions.record_decision(
            db,
            items[d["dossier"]],
            decisions.DecisionInput(
                DecisionOutcome(d["outcome"]),
                d.get("text", ""),
                {State(k): v for k, v in d.get("reservations", {}).items()},
                tuple(
                    decisions.ActionInput(a["title"], a.get("owner", ""), _date(a.get("due_date")))
                    for a in d.get("actions", [])
                ),
            ),
            session=s,
        )
        done = {a["title"] for a in d.get("actions", []) if a.get("done")}
        for action in s.scalars(
            select(FollowUpAction).where(FollowUpAction.decision_id == decision_id)
        ):
            if action.title in done:
                action.status = FollowUpStatus.DONE


def seed_if_new(db: Database) -> bool:
    """Seed the demo into a database that has never held anything; True if it did."""
    with db.read() as s:
        seeded = s.get(AppMeta, SEEDED_KEY) is not None
        has_sessions = (s.scalar(select(func.count(CouncilSession.id))) or 0) > 0
    if seeded or has_sessions:
        return False
    load_demo(db)
    return True
