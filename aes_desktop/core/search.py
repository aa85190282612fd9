"""Full-text search over document text, annotations and dossier metadata.

One interface, :func:`search`, ranked with BM25 (SQLite FTS5, ``unicode61 remove_diacritics 2``).
Whatever the user types is a valid query: the text is cut into words and quoted phrases, every
word is quoted for FTS5 (so ``AND``, ``NEAR(``, ``*`` or an unbalanced quote are just text), and
the last word matches as a prefix while the user is still typing. Folding (:mod:`textfold`) makes
"kene" find "kɛnɛ" and "haɗin" findable as "hadin".

The index holds folded text; snippets are cut here from the original text, so they show the
letters as written, with the matched words marked.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from aes_desktop.core.db import Database
from aes_desktop.core.jobs import Job, JobCancelledError
from aes_desktop.core.textfold import fold, fold_full, fold_with_offsets

if TYPE_CHECKING:
    from sqlalchemy.orm import Session
    from sqlalchemy.sql.elements import TextClause


def text(sql: str) -> TextClause:
    """SQLAlchemy's ``text``, imported when the index is written: a search reads the index in
    plain SQL on a DB-API connection, so ``aes-desktop search`` never loads SQLAlchemy."""
    from sqlalchemy import text as sa_text

    return sa_text(sql)


MAX_QUERY_CHARS = 500
MAX_TERMS = 16
#: BM25 column weights of each index (FTS5's ``bm25()``; the same in the benchmark's exhaustive
#: check). Every match of every index is ranked: there is no window.
BM25_WEIGHTS = {
    "search_blocks": "bm25(search_blocks)",
    "search_annotations": "bm25(search_annotations)",
    "search_dossiers": "bm25(search_dossiers, 6.0, 8.0, 2.0, 4.0)",
}
_WORD = re.compile(r"[^\W_]+")


class Scope(StrEnum):
    DOCUMENTS = "document"
    ANNOTATIONS = "annotation"
    DOSSIERS = "dossier"


ALL_SCOPES = frozenset(Scope)


@dataclass(frozen=True)
class Term:
    """A word or a quoted phrase of the query, fully folded (lower case, no accents)."""

    words: tuple[str, ...]
    prefix: bool = False
    negated: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple[Term, ...]

    @property
    def positive(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if not t.negated)

    def fts(self, completions: dict[str, list[str]] | None = None) -> str:
        """The FTS5 MATCH expression (every token quoted: no user text is ever syntax).

        ``completions`` maps a one-word prefix term to known words it may complete to; such a
        term becomes an OR of those words (read lazily by FTS5) instead of a prefix query.
        """
        completions = completions or {}
        positive = [_fts_term(t, completions) for t in self.terms if not t.negated]
        negative = [_fts_term(t, completions) for t in self.terms if t.negated]
        expression = " AND ".join(positive)
        for term in negative:
            expression += f" NOT {term}"
        return expression


#: French function words: left out of an unquoted query that has other words (they match almost
#: every passage, add nothing to the ranking and make it slow); kept inside quoted phrases.
STOPWORDS = frozenset(
    [
        "a",
        "au",
        "aux",
        "avec",
        "ce",
        "ces",
        "d",
        "dans",
        "de",
        "des",
        "du",
        "elle",
        "en",
        "et",
        "il",
        "l",
        "la",
        "le",
        "les",
        "leur",
        "leurs",
        "n",
        "ne",
        "ou",
        "par",
        "pas",
        "pour",
        "qu",
        "que",
        "qui",
        "s",
        "sa",
        "se",
        "ses",
        "son",
        "sur",
        "un",
        "une",
        "y",
    ]
)


def _fts_term(term: Term, completions: dict[str, list[str]]) -> str:
    if term.prefix and len(term.words) == 1 and completions.get(term.words[0]):
        return "(" + " OR ".join(f'"{word}"' for word in completions[term.words[0]]) + ")"
    return '"' + " ".join(term.words) + '"' + ("*" if term.prefix else "")


def _words(fragment: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold_full(fragment)))


MAX_COMPLETIONS = 24


def completions(conn: Any, prefix: str) -> list[str]:
    """The indexed words starting with ``prefix``, most frequent first (the word itself first).

    ``conn`` is a DB-API connection to the SQLite file (see :meth:`Database.reader`)."""
    rows = conn.execute(
        "SELECT term FROM search_terms WHERE term >= :p AND term < :hi ORDER BY docs DESC LIMIT :n",
        {"p": prefix, "hi": prefix + "\U0010ffff", "n": MAX_COMPLETIONS},
    ).fetchall()
    words = [row[0] for row in rows]
    if prefix in words:
        words.remove(prefix)
        words.insert(0, prefix)
    elif conn.execute("SELECT 1 FROM search_terms WHERE term = :p", {"p": prefix}).fetchone():
        words = [prefix, *words[:-1]]
    return words


def match_expression(conn: Any, parsed: ParsedQuery) -> str:
    """The FTS5 MATCH expression of a parsed query, its prefix words expanded to known words."""
    expand = {
        t.words[0]: completions(conn, t.words[0])
        for t in parsed.terms
        if t.prefix and len(t.words) == 1
    }
    return parsed.fts(expand)


def _record_terms(s: Session, texts: Iterable[str]) -> None:
    """Add the words of newly indexed text to the vocabulary (counts are refreshed on rebuild)."""
    found: set[str] = set()
    for value in texts:
        found.update(_words(value or ""))
    if found:
        _raw(s).executemany(
            "INSERT OR IGNORE INTO search_terms (term, docs) VALUES (?, 1)",
            [(term,) for term in found],
        )


def parse_query(query: str, *, prefix_last: bool = True) -> ParsedQuery | None:
    """Cut what the user typed into terms; None when nothing searchable remains."""
    query = query[:MAX_QUERY_CHARS]
    terms: list[Term] = []
    # Quoted phrases (an unbalanced quote runs to the end) and single words, in typing order; a
    # leading "-" excludes the word or phrase once something is required.
    for m in re.finditer(r'(-?)"([^"]*)"?|(-?)([^\s"]+)', query):
        if m.group(2) is not None:
            words = _words(m.group(2))
            if words:
                negated = m.group(1) == "-" and any(not t.negated for t in terms)
                terms.append(Term(words, negated=negated))
            continue
        negated = m.group(3) == "-" and any(not t.negated for t in terms)
        for word in _words(m.group(4)):
            terms.append(Term((word,), negated=negated))
    meaningful = [t for t in terms if len(t.words) > 1 or t.words[0] not in STOPWORDS]
    if any(not t.negated for t in meaningful):
        # The last word may still be typed (prefix), so it stays even if it is a stopword so far.
        last = terms[-1] if terms else None
        terms = [t for t in terms if t in meaningful or t is last]
    terms = terms[:MAX_TERMS]
    if not any(not t.negated for t in terms):
        return None
    if prefix_last and not query.endswith((" ", '"')):
        last = terms[-1]
        if not last.negated:
            terms[-1] = Term(last.words, prefix=True, negated=False)
    return ParsedQuery(tuple(terms))


@dataclass(frozen=True)
class SearchHit:
    kind: Scope
    score: float
    dossier_id: int
    dossier_ref: str
    dossier_title: str
    snippet: str
    marks: tuple[tuple[int, int], ...] = ()
    document_id: int | None = None
    document_title: str | None = None
    version_id: int | None = None
    block_id: int | None = None
    block_position: int | None = None
    annotation_id: int | None = None
    field: str = ""

    def marked(self, start: str = "[", end: str = "]") -> str:
        """The snippet with each matched passage wrapped in ``start`` … ``end``."""
        out, last = [], 0
        for a, b in self.marks:
            out += [self.snippet[last:a], start, self.snippet[a:b], end]
            last = b
        out.append(self.snippet[last:])
        return "".join(out)

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "dossier_ref": self.dossier_ref,
            "document_title": self.document_title,
            "snippet": self.marked(),
            "score": round(-self.score, 4),
            "dossier_title": self.dossier_title,
            "document_id": self.document_id,
            "block_id": self.block_id,
            "annotation_id": self.annotation_id,
        }


@dataclass
class _Found:
    rowid: int
    score: float
    extra: dict[str, object] = field(default_factory=dict)


# -- snippets --------------------------------------------------------------------------------


def _term_pattern(term: Term) -> re.Pattern[str]:
    """Where a term starts in folded text: its words as whole tokens (the last one a prefix for
    a prefix term), separated by anything that is not a word. Inside a lookahead, so that
    overlapping occurrences are all found."""
    body = r"[\W_]+".join(re.escape(word) for word in term.words)
    tail = r"[^\W_]*" if term.prefix else r"(?![^\W_])"
    return re.compile(rf"(?<![^\W_])(?=({body}{tail}))")


@functools.lru_cache(maxsize=256)
def _term_patterns(query: ParsedQuery) -> tuple[re.Pattern[str], ...]:
    return tuple(_term_pattern(term) for term in query.positive)


def find_marks(original: str, query: ParsedQuery) -> list[tuple[int, int]]:
    """Spans of ``original`` matched by the query's positive terms (folded comparison).

    Runs once per snippet (about fifty per search): the terms are compiled regular expressions
    over the folded text, so the text is never cut into words in Python.
    """
    folded, offsets = fold_with_offsets(original)
    marks: list[tuple[int, int]] = []
    for pattern in _term_patterns(query):
        for m in pattern.finditer(folded):
            a, b = m.start(1), m.end(1)
            marks.append((offsets[a], offsets[b - 1] + 1) if offsets is not None else (a, b))
    marks.sort()
    merged: list[tuple[int, int]] = []
    for a, b in marks:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def passage_marks(original: str, query: str) -> list[tuple[int, int]]:
    """Where the words of a typed query occur in ``original`` (to mark an opened hit)."""
    parsed = parse_query(query)
    return find_marks(original, parsed) if parsed is not None else []


def make_snippet(
    original: str, query: ParsedQuery, width: int = 200
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of about ``width`` characters around the densest group of matches."""
    flat = " ".join(original.split())
    marks = find_marks(flat, query)
    return _snippet(flat, marks, width)


def _snippet(
    flat: str, marks: list[tuple[int, int]], width: int = 200
) -> tuple[str, tuple[tuple[int, int], ...]]:
    if len(flat) <= width:
        return flat, tuple(marks)
    if not marks:
        cut = flat.rfind(" ", 0, width)
        return flat[: cut if cut > 0 else width] + " …", ()
    best_start, best_count = marks[0][0], 0
    for a, _b in marks:
        count = sum(1 for x, y in marks if x >= a and y <= a + width)
        if count > best_count:
            best_start, best_count = a, count
    start = max(0, best_start - width // 4)
    if start > 0:
        space = flat.find(" ", start)
        start = space + 1 if 0 <= space < best_start else start
    end = min(len(flat), start + width)
    if end < len(flat):
        space = flat.rfind(" ", start, end)
        end = space if space > best_start else end
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(flat) else ""
    shift = len(prefix) - start
    window = [(a + shift, b + shift) for a, b in marks if a >= start and b <= end]
    return prefix + flat[start:end] + suffix, tuple(window)


# -- queries ---------------------------------------------------------------------------------


def _raw(session: Session) -> sqlite3.Connection:
    return session.connection().connection.driver_connection  # type: ignore[return-value]


def search(
    db: Database,
    query: str,
    *,
    scopes: Iterable[Scope] = ALL_SCOPES,
    limit: int = 50,
    viewer_id: int | None = None,
    session_id: int | None = None,
    job: Job | None = None,
) -> list[SearchHit]:
    """The ``limit`` best hits for ``query`` over the chosen scopes, best first.

    Annotations are those the viewer may see (shared ones, and their own private ones); with no
    viewer, only shared ones. ``session_id`` restricts hits to one session's dossiers. A superseded
    query is cancelled through ``job`` (the running SQLite statement is interrupted).
    """
    parsed = parse_query(query)
    if parsed is None or limit <= 0:
        return []
    wanted = set(scopes)
    if not db.target.is_sqlite:
        return _server_search(db, parsed, wanted, limit, viewer_id, session_id)
    with db.reader() as conn:
        match = match_expression(conn, parsed)

    def run(scope: Scope) -> list[_Pending]:
        with db.reader() as s:
            remove = job.on_cancel(s.interrupt) if job is not None else None
            try:
                if job is not None:
                    job.check()
                if scope is Scope.DOCUMENTS:
                    return _search_blocks(s, match, parsed, limit, session_id)
                if scope is Scope.ANNOTATIONS:
                    return _search_annotations(s, match, parsed, limit, viewer_id, session_id)
                return _search_dossiers(s, match, parsed, limit, session_id)
            except Exception as exc:
                if job is not None and job.cancelled:
                    raise JobCancelledError from exc
                raise
            finally:
                if remove is not None:
                    remove()

    # Scopes run side by side on their own connections: SQLite releases the GIL while it
    # works, so the two cores of a modest laptop share the ranking.
    ordered = [
        scope for scope in (Scope.DOCUMENTS, Scope.ANNOTATIONS, Scope.DOSSIERS) if scope in wanted
    ]
    futures = [_POOL.submit(run, scope) for scope in ordered[1:]]
    pending = run(ordered[0]) if ordered else []
    for future in futures:
        pending += future.result()
    if job is not None:
        job.check()
    # Snippets are cut only for the hits that are kept: each scope brings its best ``limit``,
    # the merged list keeps ``limit`` of the three scopes' together.
    pending.sort(key=lambda p: p[0].score)
    return [_with_snippet(hit, make) for hit, make in pending[:limit]]


#: A hit whose snippet is still to be cut, and what cuts it: (snippet, marks, field).
_Snippet = tuple[str, tuple[tuple[int, int], ...], str]
_Pending = tuple[SearchHit, Callable[[], _Snippet]]


def _with_snippet(hit: SearchHit, make: Callable[[], _Snippet]) -> SearchHit:
    snippet, marks, field_name = make()
    return replace(hit, snippet=snippet, marks=marks, field=field_name)


def _block_snippet(body: str, parsed: ParsedQuery) -> _Snippet:
    snippet, marks = make_snippet(body, parsed)
    return snippet, marks, ""


def _annotation_snippet(body: str, quote: str | None, parsed: ParsedQuery) -> _Snippet:
    flat = " ".join(body.split())
    found = find_marks(flat, parsed)
    source = "body"
    if not found and quote:
        flat, source = " ".join(quote.split()), "quote"
        found = find_marks(flat, parsed)
    snippet, marks = _snippet(flat, found)
    return snippet, marks, source


def _dossier_snippet(
    reference: str, title: str, summary: str | None, parsed: ParsedQuery
) -> _Snippet:
    flat, found = " ".join((summary or title).split()), []
    for value in (title, summary, reference):
        candidate = " ".join((value or "").split())
        found = find_marks(candidate, parsed) if candidate else []
        if found:
            flat = candidate
            break
    snippet, marks = _snippet(flat, found)
    return snippet, marks, ""


_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="aes-search")


def _session_filter(session_id: int | None, column: str) -> str:
    return f" AND {column} = :session_id" if session_id is not None else ""


def _search_blocks(
    s: Any, match: str, parsed: ParsedQuery, limit: int, session_id: int | None
) -> list[_Pending]:
    if session_id is None:
        ranked = s.execute(
            (
                "SELECT rowid, rank FROM search_blocks WHERE search_blocks MATCH :q "
                "ORDER BY rank LIMIT :n"
            ),
            {"q": match, "n": limit},
        ).fetchall()
    else:
        ranked = s.execute(
            (
                "SELECT f.rowid, f.rank FROM search_blocks AS f "
                "JOIN blocks AS b ON b.id = f.rowid "
                "JOIN document_versions AS v ON v.id = b.version_id "
                "JOIN documents AS doc ON doc.id = v.document_id "
                "JOIN dossiers AS d ON d.id = doc.dossier_id "
                "WHERE search_blocks MATCH :q AND d.session_id = :session_id "
                "ORDER BY f.rank LIMIT :n"
            ),
            {"q": match, "n": limit, "session_id": session_id},
        ).fetchall()
    if not ranked:
        return []
    scores = {row[0]: row[1] for row in ranked}
    rows = s.execute(
        "SELECT b.id, b.text, b.position, b.version_id, doc.id, doc.title, d.id, "
        "d.reference, d.title FROM blocks AS b "
        "JOIN document_versions AS v ON v.id = b.version_id "
        "JOIN documents AS doc ON doc.id = v.document_id "
        "JOIN dossiers AS d ON d.id = doc.dossier_id "
        f"WHERE b.id IN ({','.join(str(int(i)) for i in scores)})"
    ).fetchall()
    hits: list[_Pending] = []
    for bid, body, position, version_id, doc_id, doc_title, did, ref, dtitle in rows:
        hit = SearchHit(
            Scope.DOCUMENTS,
            scores[bid],
            did,
            ref,
            dtitle,
            "",
            document_id=doc_id,
            document_title=doc_title,
            version_id=version_id,
            block_id=bid,
            block_position=position,
        )
        hits.append((hit, functools.partial(_block_snippet, body, parsed)))
    return hits


def _search_annotations(
    s: Any,
    match: str,
    parsed: ParsedQuery,
    limit: int,
    viewer_id: int | None,
    session_id: int | None,
) -> list[_Pending]:
    ranked = s.execute(
        (
            "SELECT a.id, f.rank, a.body, a.quote_exact, a.document_id, a.version_id, a.block_id, "
            "doc.title, d.id, d.reference, d.title "
            "FROM search_annotations AS f JOIN annotations AS a ON a.id = f.rowid "
            "JOIN documents AS doc ON doc.id = a.document_id "
            "JOIN dossiers AS d ON d.id = a.dossier_id "
            "WHERE search_annotations MATCH :q AND a.deleted_at IS NULL "
            "AND (a.visibility = 'shared' OR a.author_id = :viewer)"
            + _session_filter(session_id, "d.session_id")
            + " ORDER BY f.rank LIMIT :n"
        ),
        {
            "q": match,
            "n": limit,
            "viewer": viewer_id or -1,
            "session_id": session_id,
        },
    ).fetchall()
    hits: list[_Pending] = []
    for (
        aid,
        score,
        body,
        quote,
        doc_id,
        version_id,
        block_id,
        doc_title,
        did,
        ref,
        dtitle,
    ) in ranked:
        hit = SearchHit(
            Scope.ANNOTATIONS,
            score,
            did,
            ref,
            dtitle,
            "",
            document_id=doc_id,
            document_title=doc_title,
            version_id=version_id,
            block_id=block_id,
            annotation_id=aid,
        )
        hits.append((hit, functools.partial(_annotation_snippet, body, quote, parsed)))
    return hits


def _search_dossiers(
    s: Any, match: str, parsed: ParsedQuery, limit: int, session_id: int | None
) -> list[_Pending]:
    ranked = s.execute(
        (
            "SELECT d.id, f.rank, d.reference, d.title, d.summary "
            "FROM search_dossiers AS f JOIN dossiers AS d ON d.id = f.rowid "
            "WHERE search_dossiers MATCH :q AND f.rank MATCH 'bm25(6.0, 8.0, 2.0, 4.0)'"
            + _session_filter(session_id, "d.session_id")
            + " ORDER BY f.rank LIMIT :n"
        ),
        {"q": match, "n": limit, "session_id": session_id},
    ).fetchall()
    return [
        (
            SearchHit(Scope.DOSSIERS, score, did, ref, title, ""),
            functools.partial(_dossier_snippet, ref, title, summary, parsed),
        )
        for did, score, ref, title, summary in ranked
    ]


# -- index maintenance (called by the services, in their transaction) ---------------------------


def _sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _server(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def index_blocks_of_version(session: Session, version_id: int) -> None:
    """Add a version's blocks to the index (it has just become the current one)."""
    from aes_desktop.core import search_pg

    if _sqlite(session):
        session.execute(
            text(
                "INSERT INTO search_blocks(rowid, text) "
                "SELECT id, aes_fold(text) FROM blocks WHERE version_id = :v"
            ),
            {"v": version_id},
        )
        _record_terms(
            session,
            session.execute(
                text("SELECT text FROM blocks WHERE version_id = :v"), {"v": version_id}
            ).scalars(),
        )
    elif _server(session):
        search_pg.index_blocks_of_version(session, version_id)


def unindex_blocks_of_version(session: Session, version_id: int) -> None:
    """Remove a version's blocks from the index (it is no longer the current one)."""
    from aes_desktop.core import search_pg

    if _sqlite(session):
        session.execute(
            text(
                "INSERT INTO search_blocks(search_blocks, rowid, text) "
                "SELECT 'delete', id, aes_fold(text) FROM blocks WHERE version_id = :v"
            ),
            {"v": version_id},
        )
    elif _server(session):
        search_pg.unindex_blocks_of_version(session, version_id)


def unindex_annotations(session: Session, ids: Sequence[int]) -> None:
    """Call before an annotation's text changes or it goes to the trash."""
    from aes_desktop.core import search_pg

    if _sqlite(session) and ids:
        session.flush()
        session.execute(
            text(
                "INSERT INTO search_annotations(search_annotations, rowid, body, quote) "
                "SELECT 'delete', id, body, quote FROM search_annotation_source "
                f"WHERE id IN ({','.join(str(int(i)) for i in ids)})"
            )
        )
    elif _server(session):
        search_pg.unindex_annotations(session, ids)


def index_annotations(session: Session, ids: Sequence[int]) -> None:
    """Call after an annotation is created, edited or restored.

    Runs on the transaction's DB-API connection: creating an annotation is the app's most
    frequent write, and SQLAlchemy's own cost per statement was a large part of it.
    """
    from aes_desktop.core import search_pg

    if _sqlite(session) and ids:
        session.flush()
        raw = _raw(session)
        listed = ",".join(str(int(i)) for i in ids)
        raw.execute(
            "INSERT INTO search_annotations(rowid, body, quote) "
            f"SELECT id, body, quote FROM search_annotation_source WHERE id IN ({listed})"
        )
        texts = raw.execute(
            f"SELECT body || ' ' || quote_exact FROM annotations WHERE id IN ({listed})"
        )
        _record_terms(session, (row[0] for row in texts))
    elif _server(session):
        search_pg.index_annotations(session, ids)


def forget_terms(session: Session, texts: Iterable[str]) -> None:
    """Drop from the vocabulary the words of ``texts`` that no index holds any more.

    Called when text is deleted for good (a purged private note): its words must not linger in
    the vocabulary of completions.
    """
    if not _sqlite(session):
        return
    words: set[str] = set()
    for value in texts:
        words.update(_words(value or ""))
    for word in words:
        held = any(
            session.execute(
                text(f"SELECT 1 FROM {table}_vocab WHERE term = :t AND doc > 0"), {"t": word}
            ).first()
            for table in INDEX_TABLES
        )
        if not held:
            session.execute(text("DELETE FROM search_terms WHERE term = :t"), {"t": word})


def unindex_dossier(session: Session, dossier_id: int) -> None:
    """Call before a dossier's reference, title, summary or tags change."""
    from aes_desktop.core import search_pg

    if _sqlite(session):
        session.flush()
        session.execute(
            text(
                "INSERT INTO search_dossiers(search_dossiers, rowid, reference, title, summary, "
                "tags) SELECT 'delete', id, reference, title, summary, tags "
                "FROM search_dossier_source WHERE id = :id"
            ),
            {"id": dossier_id},
        )
    elif _server(session):
        search_pg.unindex_dossier(session, dossier_id)


def index_dossier(session: Session, dossier_id: int) -> None:
    """Call after a dossier is created or its searchable fields changed."""
    from aes_desktop.core import search_pg

    if _sqlite(session):
        session.flush()
        session.execute(
            text(
                "INSERT INTO search_dossiers(rowid, reference, title, summary, tags) "
                "SELECT id, reference, title, summary, tags FROM search_dossier_source "
                "WHERE id = :id"
            ),
            {"id": dossier_id},
        )
        _record_terms(
            session,
            session.execute(
                text(
                    "SELECT reference || ' ' || title || ' ' || summary || ' ' || "
                    "coalesce(tags, '') FROM search_dossier_source WHERE id = :id"
                ),
                {"id": dossier_id},
            ).scalars(),
        )
    elif _server(session):
        search_pg.index_dossiers(session, [dossier_id])


INDEX_TABLES = ("search_blocks", "search_annotations", "search_dossiers")


def rebuild_index(db: Database) -> None:
    """Rebuild the whole index from the data (after a bulk load, or to repair it)."""
    from aes_desktop.core import search_pg

    if not db.target.is_sqlite:
        with db.write() as s:
            search_pg.rebuild(s)
        return
    with db.write() as s:
        for table in INDEX_TABLES:
            s.execute(text(f"INSERT INTO {table}({table}) VALUES ('rebuild')"))
            # One segment per index: queries no longer merge many segments after a bulk load.
            s.execute(text(f"INSERT INTO {table}({table}) VALUES ('optimize')"))
        union = " UNION ALL ".join(f"SELECT term, doc FROM {t}_vocab" for t in INDEX_TABLES)
        s.execute(text("DELETE FROM search_terms"))
        s.execute(
            text(
                "INSERT INTO search_terms (term, docs) "
                f"SELECT term, sum(doc) FROM ({union}) GROUP BY term"
            )
        )


def check_index(db: Database) -> list[str]:
    """Problems FTS5 finds in the index compared with the data (empty when sound)."""
    from sqlalchemy.exc import OperationalError

    problems: list[str] = []
    if not db.target.is_sqlite:
        return problems
    with db.read() as s:
        for table in INDEX_TABLES:
            try:
                s.execute(text(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)"))
            except OperationalError as exc:
                problems.append(f"index {table} : {exc.orig}")
    return problems


def _server_search(
    db: Database,
    parsed: ParsedQuery,
    wanted: set[Scope],
    limit: int,
    viewer_id: int | None,
    session_id: int | None,
) -> list[SearchHit]:
    """The PostgreSQL backend (:mod:`search_pg`): same hits, ranked by ``ts_rank_cd``."""
    from aes_desktop.core import search_pg

    query = search_pg.tsquery(parsed.terms)
    found: list[search_pg.Ranked] = []
    with db.read() as s:
        if Scope.DOCUMENTS in wanted:
            found += search_pg.search_blocks(s, query, limit, session_id)
        if Scope.ANNOTATIONS in wanted:
            found += search_pg.search_annotations(s, query, limit, viewer_id, session_id)
        if Scope.DOSSIERS in wanted:
            found += search_pg.search_dossiers(s, query, limit, session_id)
    found.sort(key=lambda r: r.score)
    hits: list[SearchHit] = []
    for r in found[:limit]:
        kind = Scope(r.kind)
        if kind is Scope.DOCUMENTS:
            snippet, marks, field_name = _block_snippet(r.texts[0] or "", parsed)
        elif kind is Scope.ANNOTATIONS:
            snippet, marks, field_name = _annotation_snippet(r.texts[0] or "", r.texts[1], parsed)
        else:
            snippet, marks, field_name = _dossier_snippet(
                r.texts[0] or "", r.texts[1] or "", r.texts[2], parsed
            )
        hit = SearchHit(
            kind,
            r.score,
            r.dossier_id,
            r.dossier_ref,
            r.dossier_title,
            snippet,
            marks,
            document_id=r.document_id,
            document_title=r.document_title,
            version_id=r.version_id,
            block_id=r.block_id,
            block_position=r.block_position,
            annotation_id=r.annotation_id,
            field=field_name,
        )
        hits.append(hit)
    return hits


__all__ = [
    "ALL_SCOPES",
    "ParsedQuery",
    "Scope",
    "SearchHit",
    "Term",
    "check_index",
    "fold",
    "make_snippet",
    "parse_query",
    "rebuild_index",
    "search",
]
