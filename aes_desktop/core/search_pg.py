"""The PostgreSQL backend of the search (:mod:`aes_desktop.core.search` is the one interface).

PostgreSQL's own parser and ``unaccent`` do not fold letters as the app does (ɛ → e, ŋ → ng,
Arabic marks dropped), and do not cut words where SQLite's ``unicode61`` does. So the words are
cut and folded here, by the same rule as the query (:func:`words`), and each indexed text is
stored as a ready ``tsvector`` (lexeme and positions) in a side table with a GIN index, kept up
to date by the services in their own transaction. PostgreSQL matches (``@@``) and ranks
(``ts_rank_cd``, cover density); snippets are cut by the interface from the original text, as
on SQLite.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import text
from sqlalchemy.orm import Session

from aes_desktop.core.textfold import fold_full

#: The same word rule as the query parser's (search._WORD): letters and digits, no underscore.
_WORD = re.compile(r"[^\W_]+")
#: PostgreSQL keeps positions up to 16383 and lexemes up to 2047 bytes.
_MAX_POSITION = 16383
_MAX_WORD = 200
TABLES = ("search_pg_blocks", "search_pg_annotations", "search_pg_dossiers")


def words(value: str | None) -> list[str]:
    return _WORD.findall(fold_full(value or ""))


def tsvector_literal(parts: Iterable[tuple[str | None, str]]) -> str:
    """A ``tsvector`` literal for texts given with a weight letter (A best … D).

    Positions run on across parts, with a gap, so a phrase never spans two fields.
    """
    positions: dict[str, list[str]] = {}
    position = 0
    for value, weight in parts:
        for word in words(value):
            position = min(position + 1, _MAX_POSITION)
            if len(word) <= _MAX_WORD:
                positions.setdefault(word, []).append(f"{position}{weight}")
        position = min(position + 100, _MAX_POSITION)
    return " ".join(f"'{word}':{','.join(at)}" for word, at in positions.items())


class TermLike(Protocol):
    @property
    def words(self) -> tuple[str, ...]: ...
    @property
    def prefix(self) -> bool: ...
    @property
    def negated(self) -> bool: ...


def tsquery(terms: Sequence[TermLike]) -> str:
    """The ``tsquery`` for parsed terms: words AND-ed, phrases with ``<->``, ``!`` to exclude.

    The terms' words are already folded and cut by :func:`words`' rule: no quote or operator of
    the user's ever reaches the query syntax.
    """

    def one(term: TermLike) -> str:
        lexemes = [f"'{word[:_MAX_WORD]}'" for word in term.words]
        if term.prefix:
            lexemes[-1] += ":*"
        body = " <-> ".join(lexemes)
        body = f"({body})" if len(lexemes) > 1 else body
        return f"!{body}" if term.negated else body

    return " & ".join(one(term) for term in terms)


@dataclass(frozen=True)
class Ranked:
    """One matching row, best first; the texts are the originals, for the snippet."""

    kind: str
    score: float
    dossier_id: int
    dossier_ref: str
    dossier_title: str
    texts: tuple[str | None, ...]
    document_id: int | None = None
    document_title: str | None = None
    version_id: int | None = None
    block_id: int | None = None
    block_position: int | None = None
    annotation_id: int | None = None


def _session_filter(session_id: int | None) -> str:
    return " AND d.session_id = :session_id" if session_id is not None else ""


def search_blocks(s: Session, query: str, limit: int, session_id: int | None) -> list[Ranked]:
    rows = s.execute(
        text(
            "SELECT b.id, ts_rank_cd(f.tsv, q) AS r, b.text, b.position, b.version_id, doc.id, "
            "doc.title, d.id, d.reference, d.title "
            "FROM search_pg_blocks AS f CROSS JOIN CAST(:q AS tsquery) AS q "
            "JOIN blocks AS b ON b.id = f.block_id "
            "JOIN document_versions AS v ON v.id = b.version_id "
            "JOIN documents AS doc ON doc.id = v.document_id "
            "JOIN dossiers AS d ON d.id = doc.dossier_id "
            "WHERE f.tsv @@ q"
            + _session_filter(session_id)
            + " ORDER BY r DESC, b.id DESC LIMIT :n"
        ),
        {"q": query, "n": limit, "session_id": session_id},
    ).all()
    return [
        Ranked(
            "document",
            -float(r),
            did,
            ref,
            dtitle,
            (body,),
            document_id=doc_id,
            document_title=doc_title,
            version_id=version_id,
            block_id=bid,
            block_position=position,
        )
        for bid, r, body, position, version_id, doc_id, doc_title, did, ref, dtitle in rows
    ]


def search_annotations(
    s: Session, query: str, limit: int, viewer_id: int | None, session_id: int | None
) -> list[Ranked]:
    rows = s.execute(
        text(
            "SELECT a.id, ts_rank_cd(f.tsv, q) AS r, a.body, a.quote_exact, a.document_id, "
            "a.version_id, a.block_id, doc.title, d.id, d.reference, d.title "
            "FROM search_pg_annotations AS f CROSS JOIN CAST(:q AS tsquery) AS q "
            "JOIN annotations AS a ON a.id = f.annotation_id "
            "JOIN documents AS doc ON doc.id = a.document_id "
            "JOIN dossiers AS d ON d.id = a.dossier_id "
            "WHERE f.tsv @@ q AND a.deleted_at IS NULL "
            "AND (a.visibility = 'shared' OR a.author_id = :viewer)"
            + _session_filter(session_id)
            + " ORDER BY r DESC, a.id DESC LIMIT :n"
        ),
        {"q": query, "n": limit, "viewer": viewer_id or -1, "session_id": session_id},
    ).all()
    return [
        Ranked(
            "annotation",
            -float(r),
            did,
            ref,
            dtitle,
            (body, quote),
            document_id=doc_id,
            document_title=doc_title,
            version_id=version_id,
            block_id=block_id,
            annotation_id=aid,
        )
        for aid, r, body, quote, doc_id, version_id, block_id, doc_title, did, ref, dtitle in rows
    ]


def search_dossiers(s: Session, query: str, limit: int, session_id: int | None) -> list[Ranked]:
    rows = s.execute(
        text(
            "SELECT d.id, ts_rank_cd(f.tsv, q) AS r, d.reference, d.title, d.summary "
            "FROM search_pg_dossiers AS f CROSS JOIN CAST(:q AS tsquery) AS q "
            "JOIN dossiers AS d ON d.id = f.dossier_id "
            "WHERE f.tsv @@ q"
            + _session_filter(session_id)
            + " ORDER BY r DESC, d.id DESC LIMIT :n"
        ),
        {"q": query, "n": limit, "session_id": session_id},
    ).all()
    return [
        Ranked("dossier", -float(r), did, ref, title, (ref, title, summary))
        for did, r, ref, title, summary in rows
    ]


# -- index maintenance (the services' transaction) ----------------------------------------------


def _upsert(s: Session, table: str, key: str, rows: list[dict[str, object]]) -> None:
    if rows:
        s.execute(
            text(
                f"INSERT INTO {table} ({key}, tsv) VALUES (:id, CAST(:tsv AS tsvector)) "
                f"ON CONFLICT ({key}) DO UPDATE SET tsv = EXCLUDED.tsv"
            ),
            rows,
        )


def _listed(ids: Sequence[int]) -> str:
    return ",".join(str(int(i)) for i in ids)


def index_blocks_of_version(s: Session, version_id: int) -> None:
    rows = s.execute(
        text("SELECT id, text FROM blocks WHERE version_id = :v"), {"v": version_id}
    ).all()
    _upsert(
        s,
        "search_pg_blocks",
        "block_id",
        [{"id": bid, "tsv": tsvector_literal([(body, "D")])} for bid, body in rows],
    )


def unindex_blocks_of_version(s: Session, version_id: int) -> None:
    s.execute(
        text(
            "DELETE FROM search_pg_blocks WHERE block_id IN "
            "(SELECT id FROM blocks WHERE version_id = :v)"
        ),
        {"v": version_id},
    )


def index_annotations(s: Session, ids: Sequence[int]) -> None:
    if not ids:
        return
    s.flush()
    rows = s.execute(
        text(
            "SELECT id, body, quote_exact FROM annotations "
            f"WHERE deleted_at IS NULL AND id IN ({_listed(ids)})"
        )
    ).all()
    _upsert(
        s,
        "search_pg_annotations",
        "annotation_id",
        [
            {"id": aid, "tsv": tsvector_literal([(body, "D"), (quote, "D")])}
            for aid, body, quote in rows
        ],
    )


def unindex_annotations(s: Session, ids: Sequence[int]) -> None:
    if ids:
        s.flush()
        s.execute(
            text(f"DELETE FROM search_pg_annotations WHERE annotation_id IN ({_listed(ids)})")
        )


def index_dossiers(s: Session, ids: Sequence[int] | None = None) -> None:
    """(Re)index the given dossiers, or all of them."""
    s.flush()
    where = f" WHERE d.id IN ({_listed(ids)})" if ids is not None else ""
    if ids is not None and not ids:
        return
    rows = s.execute(
        text(
            "SELECT d.id, d.reference, d.title, d.summary, "
            "(SELECT string_agg(t.tag, ' ; ') FROM dossier_tags AS t WHERE t.dossier_id = d.id) "
            "FROM dossiers AS d" + where
        )
    ).all()
    # Weights as SQLite's bm25(6, 8, 2, 4): title, then reference, tags, summary.
    _upsert(
        s,
        "search_pg_dossiers",
        "dossier_id",
        [
            {
                "id": did,
                "tsv": tsvector_literal([(ref, "B"), (title, "A"), (summary, "D"), (tags, "C")]),
            }
            for did, ref, title, summary, tags in rows
        ],
    )


def unindex_dossier(s: Session, dossier_id: int) -> None:
    s.execute(text("DELETE FROM search_pg_dossiers WHERE dossier_id = :id"), {"id": dossier_id})


def rebuild(s: Session) -> None:
    """Refill the three tables from the data (current versions' blocks only)."""
    s.execute(text("TRUNCATE " + ", ".join(TABLES)))
    s.execute(
        text(
            "INSERT INTO search_pg_blocks (block_id, tsv) SELECT b.id, CAST('' AS tsvector) "
            "FROM blocks AS b JOIN document_versions AS v ON v.id = b.version_id "
            "JOIN documents AS d ON d.id = v.document_id AND d.current_version = v.number"
        )
    )
    rows = s.execute(
        text("SELECT b.id, b.text FROM search_pg_blocks AS f JOIN blocks AS b ON b.id = f.block_id")
    ).all()
    _upsert(
        s,
        "search_pg_blocks",
        "block_id",
        [{"id": bid, "tsv": tsvector_literal([(body, "D")])} for bid, body in rows],
    )
    ids = list(s.execute(text("SELECT id FROM annotations WHERE deleted_at IS NULL")).scalars())
    for start in range(0, len(ids), 1000):
        index_annotations(s, ids[start : start + 1000])
    index_dossiers(s)
