"""The reads behind the first screen, in plain SQL: sessions and agendas, the dossier table,
its tags, the aide's profile and the saved searches.

They run through :meth:`Database.query <aes_desktop.core.db.Database.query>` (the DB-API
connection, ``?`` placeholders) and import nothing of SQLAlchemy, so the main window paints its
session tree and dossier table before the ORM has loaded; the services re-export them. The SQL is
what SQLAlchemy's Core generated for the same queries (``ilike`` is ``lower() LIKE lower()``), and
it runs unchanged on SQLite and PostgreSQL. The dossier table never loads a whole table:
:func:`dossier_ids` returns the ordered ids that match a :class:`DossierQuery`, and
:func:`dossier_rows` fetches the visible rows by id.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from aes_desktop.core.enums import (
    Classification,
    Domain,
    DossierKind,
    DossierStatus,
    SessionStatus,
    State,
)

if TYPE_CHECKING:
    from aes_desktop.core.db import Database
    from aes_desktop.core.services.audit import Actor


def _date(value: Any) -> date | None:
    """A DATE column as the driver returns it: ISO text from SQLite, a date from PostgreSQL."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


# -- sessions and agendas -------------------------------------------------------------------------
@dataclass(frozen=True)
class SessionRow:
    id: int
    uuid: str
    reference: str
    body: str
    title: str
    start_date: date
    end_date: date | None
    place: str
    chair: str
    status: SessionStatus
    summary: str
    dossier_count: int
    row_version: int

    @property
    def is_closed(self) -> bool:
        return self.status is SessionStatus.CLOSED


@dataclass(frozen=True)
class AgendaItemRow:
    id: int
    uuid: str
    session_id: int
    position: int
    title: str
    presenter: str
    dossier_id: int | None
    dossier_reference: str | None


def list_sessions(db: Database) -> list[SessionRow]:
    """All sessions, most recent first, with their dossier counts."""
    rows = db.query(
        "SELECT s.id, s.uuid, s.reference, s.body, s.title, s.start_date, s.end_date, s.place, "
        "s.chair, s.status, s.summary, coalesce(n.n, 0), s.row_version "
        "FROM council_sessions AS s LEFT OUTER JOIN "
        "(SELECT session_id, count(id) AS n FROM dossiers GROUP BY session_id) AS n "
        "ON n.session_id = s.id "
        "ORDER BY s.start_date DESC, s.id DESC"
    )
    return [
        SessionRow(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            _date(r[5]),  # type: ignore[arg-type]  # NOT NULL
            _date(r[6]),
            r[7],
            r[8],
            SessionStatus(r[9]),
            r[10],
            r[11],
            r[12],
        )
        for r in rows
    ]


def list_agenda(db: Database, session_id: int) -> list[AgendaItemRow]:
    """A session's agenda in order, with the reference of each item's dossier."""
    rows = db.query(
        "SELECT a.id, a.uuid, a.session_id, a.position, a.title, a.presenter, a.dossier_id, "
        "d.reference FROM agenda_items AS a LEFT OUTER JOIN dossiers AS d ON d.id = a.dossier_id "
        "WHERE a.session_id = ? ORDER BY a.position",
        (session_id,),
    )
    return [AgendaItemRow(*r) for r in rows]


# -- the dossier table ----------------------------------------------------------------------------
@dataclass(frozen=True)
class DossierRow:
    """One line of the dossier table."""

    id: int
    uuid: str
    session_id: int
    reference: str
    title: str
    kind: DossierKind
    domain: Domain
    lead_state: State
    status: DossierStatus
    classification: Classification
    due_date: date | None
    document_count: int
    annotation_count: int


# Sortable columns of the table, by name; the id breaks ties so the order is total and stable.
SORTABLE = frozenset(
    {
        "reference",
        "title",
        "kind",
        "domain",
        "lead_state",
        "status",
        "classification",
        "due_date",
        "document_count",
        "annotation_count",
    }
)


@dataclass(frozen=True)
class DossierQuery:
    """Which dossiers the table shows, and in which order."""

    session_id: int | None = None
    kinds: frozenset[DossierKind] = frozenset()
    domains: frozenset[Domain] = frozenset()
    lead_states: frozenset[State] = frozenset()
    statuses: frozenset[DossierStatus] = frozenset()
    classifications: frozenset[Classification] = frozenset()
    tag: str | None = None
    text: str = ""
    sort: str = "reference"
    descending: bool = False
    ids: frozenset[int] | None = field(default=None)

    def with_sort(self, sort: str, descending: bool) -> DossierQuery:
        return replace(self, sort=sort, descending=descending)


def _in(column: str, values: Sequence[Any]) -> str:
    return f"{column} IN ({', '.join('?' * len(values))})"


def filtered(query: DossierQuery) -> tuple[str, list[Any]]:
    """``SELECT id FROM dossiers WHERE …`` for ``query`` (no order), and its parameters."""
    where: list[str] = []
    params: list[Any] = []
    if query.session_id is not None:
        where.append("session_id = ?")
        params.append(query.session_id)
    for column, values in (
        ("kind", query.kinds),
        ("domain", query.domains),
        ("lead_state", query.lead_states),
        ("status", query.statuses),
        ("classification", query.classifications),
    ):
        if values:
            chosen = sorted(str(v) for v in values)
            where.append(_in(column, chosen))
            params.extend(chosen)
    if query.tag:
        where.append("id IN (SELECT dossier_id FROM dossier_tags WHERE tag = ?)")
        params.append(query.tag)
    if query.ids is not None:
        if not query.ids:
            where.append("1 = 0")
        else:
            chosen_ids = sorted(query.ids)
            where.append(_in("id", chosen_ids))
            params.extend(chosen_ids)
    text = query.text.strip()
    if text:
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where.append(
            "(lower(reference) LIKE lower(?) ESCAPE '\\' OR lower(title) LIKE lower(?) ESCAPE '\\'"
            " OR lower(rapporteur) LIKE lower(?) ESCAPE '\\')"
        )
        params.extend([pattern] * 3)
    sql = "SELECT id FROM dossiers"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql, params


def dossier_ids(db: Database, query: DossierQuery) -> list[int]:
    """The ids of the matching dossiers in display order (a few ms for 10k dossiers)."""
    column = query.sort if query.sort in SORTABLE else "reference"
    direction = "DESC" if query.descending else "ASC"
    sql, params = filtered(query)
    sql += f" ORDER BY {column} {direction}, id {direction}"
    return [r[0] for r in db.query(sql, params)]


def count_dossiers(db: Database, query: DossierQuery | None = None) -> int:
    sql, params = filtered(query or DossierQuery())
    return int(db.query(f"SELECT count(*) FROM ({sql}) AS matching", params)[0][0])


#: The columns of a table row, in the order of :class:`DossierRow`.
ROW_FIELDS = (
    "id",
    "uuid",
    "session_id",
    "reference",
    "title",
    "kind",
    "domain",
    "lead_state",
    "status",
    "classification",
    "due_date",
    "document_count",
    "annotation_count",
)
_ROW_SQL = f"SELECT {', '.join(ROW_FIELDS)} FROM dossiers WHERE "


def row_from_values(r: Sequence[Any]) -> DossierRow:
    """A row from the values of :data:`ROW_FIELDS`, in that order."""
    return DossierRow(
        r[0],
        r[1],
        r[2],
        r[3],
        r[4],
        DossierKind(r[5]),
        Domain(r[6]),
        State(r[7]),
        DossierStatus(r[8]),
        Classification(r[9]),
        _date(r[10]),
        r[11],
        r[12],
    )


def dossier_rows(db: Database, ids: Sequence[int]) -> dict[int, DossierRow]:
    """The table rows of ``ids`` (a page of them), by id; ids that vanished are absent."""
    result: dict[int, DossierRow] = {}
    # Plain tuples, not ORM objects: a page of rows costs well under a millisecond.
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        for r in db.query(_ROW_SQL + _in("id", chunk), chunk):
            result[r[0]] = row_from_values(r)
    return result


def all_tags(db: Database) -> list[str]:
    return [r[0] for r in db.query("SELECT DISTINCT tag FROM dossier_tags ORDER BY tag")]


# -- the aide's profile ---------------------------------------------------------------------------
@dataclass(frozen=True)
class PersonRow:
    id: int
    uuid: str
    name: str
    ministry: str
    state: State

    @property
    def actor(self) -> Actor:
        from aes_desktop.core.services.audit import Actor

        return Actor(self.name, self.uuid)

    @property
    def label(self) -> str:
        return f"{self.name} ({self.ministry}, {self.state.value})" if self.ministry else self.name


def find_person_by_uuid(db: Database, uuid: str) -> PersonRow | None:
    rows = db.query("SELECT id, uuid, name, ministry, state FROM people WHERE uuid = ?", (uuid,))
    if not rows:
        return None
    r = rows[0]
    return PersonRow(r[0], r[1], r[2], r[3], State(r[4]))


# -- saved searches -------------------------------------------------------------------------------
@dataclass(frozen=True)
class SavedSearchRow:
    id: int
    uuid: str
    name: str
    query: str
    filters: dict[str, Any]


def list_saved_searches(db: Database) -> list[SavedSearchRow]:
    rows = db.query("SELECT id, uuid, name, query, filters FROM saved_searches ORDER BY name")
    return [SavedSearchRow(r[0], r[1], r[2], r[3], dict(_json(r[4]) or {})) for r in rows]


def _json(value: Any) -> Any:
    """A JSON column: text in SQLite, already decoded by PostgreSQL's driver."""
    return json.loads(value) if isinstance(value, str | bytes) else value
