"""Search: top 50 hits with snippets for realistic French queries, on the scale database.

Targets (issue 18): p50 ≤ 15 ms, p95 ≤ 60 ms, worst ≤ 150 ms, each query run as the app runs it
(all scopes, snippets cut from the original text), in this process, after one warm-up pass (the
OS page cache is warm). Relevance: for every query, the overlap of the app's top 50 with an
exhaustive ranking (every matching row of every index scored with the same BM25, sorted in
Python): ≥ 95 % on average, ≥ 80 % for each query. A hit whose score ties the exhaustive 50th
counts as agreeing (ties may be broken either way).
"""

from __future__ import annotations

import argparse
import time

from aes_desktop.core.db import Database, open_database
from aes_desktop.core.search import BM25_WEIGHTS, SearchHit, match_expression, parse_query, search
from tests.benchmarks.common import Row, median, percentile, print_table, scale_db, stopwatch

# What aides type: subjects of the roadmap, legal vocabulary, places, names, phrases, prefixes
# typed as they go, words in national languages typed on a French keyboard.
QUERIES = [
    "passeport confédéral",
    "libre circulation",
    "sécurité alimentaire",
    "prélèvement confédéral",
    "banque confédérale d'investissement",
    "force unifiée",
    "opérations conjointes",
    "renseignement",
    "Liptako-Gourma",
    "corridor Bamako",
    "Niamey",
    "Ouagadougou",
    "interconnexion électrique",
    "télécommunications",
    "semences certifiées",
    "engrais",
    "cartes d'identité biométriques",
    "coopération judiciaire",
    "sessions parlementaires",
    "calendrier des sessions",
    "article 12 du Traité",
    '"position commune"',
    '"protection des zones frontalières"',
    "statut des forces",
    "budget de fonctionnement",
    "formation des cadres",
    "produits pétroliers",
    "patrimoine culturel",
    "championnats sportifs",
    "télévision confédérale",
    "stratégie de communication",
    "avis juridique",
    "rapport d'étape trimestriel",
    "taux de réalisation",
    "écarts constatés",
    "mesures correctives",
    "souveraineté",
    "Collège des chefs d'État",
    "protocole additionnel",
    "état-major conjoint",
    "comité de suivi",
    "fonds d'investissement",
    "pass",
    "sécu",
    "interco",
    "biomé",
    "haɗin kai",
    "hadin kai",
    "nyogon deme",
    "kasashe",
    "infrastructures -télécommunications",
    "approvisionnement produits",
    "consultation des ministères",
    "délai de six mois",
    "souveraineté de chaque État",
]


def _key(hit: SearchHit) -> tuple[str, int | None]:
    ids = {"document": hit.block_id, "annotation": hit.annotation_id, "dossier": hit.dossier_id}
    return hit.kind.value, ids[hit.kind.value]


def shared_annotations(db: Database) -> set[int]:
    """Annotations the command line may see (shared, not in the trash)."""
    conn = db.raw_connection()
    try:
        rows = conn.execute(
            "SELECT id FROM annotations WHERE deleted_at IS NULL AND visibility = 'shared'"
        ).fetchall()
    finally:
        conn.close()
    return {row[0] for row in rows}


def exhaustive_top(
    db: Database, query: str, limit: int, visible: set[int]
) -> list[tuple[float, tuple[str, int]]]:
    """Every match of every index scored (no ORDER BY, no LIMIT), sorted here: the reference."""
    parsed = parse_query(query)
    if parsed is None:
        return []
    conn = db.raw_connection()
    try:
        match = match_expression(conn, parsed)
        scored: list[tuple[float, tuple[str, int]]] = []
        for kind, table in (
            ("document", "search_blocks"),
            ("annotation", "search_annotations"),
            ("dossier", "search_dossiers"),
        ):
            rows = conn.execute(
                f"SELECT rowid, {BM25_WEIGHTS[table]} FROM {table} WHERE {table} MATCH ?",
                (match,),
            ).fetchall()
            scored += [
                (score, (kind, rowid))
                for rowid, score in rows
                if kind != "annotation" or rowid in visible
            ]
    finally:
        conn.close()
    scored.sort()
    return scored[:limit]


def overlap(hits: list[SearchHit], reference: list[tuple[float, tuple[str, int]]]) -> float:
    """Share of the reference top found in the app's top (ties with the last one count)."""
    if not reference:
        return 1.0
    keys = {key for _score, key in reference}
    last = reference[-1][0]
    agree = sum(1 for h in hits if _key(h) in keys or h.score <= last + 1e-9)
    return min(agree, len(reference)) / len(reference)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks search")
    parser.add_argument("--db", help="base de test (défaut : bench-data/scale-10000.sqlite)")
    parser.add_argument("--limit", type=int, default=50)
    parser.add_argument("--verbose", action="store_true", help="temps de chaque requête")
    args = parser.parse_args(argv)
    db = open_database(scale_db(args.db))
    try:
        for q in QUERIES:  # warm the page cache as a running app would be
            search(db, q, limit=args.limit)
        times: list[float] = []
        cpu: list[float] = []
        for q in QUERIES:
            cpu_start = time.thread_time()
            with stopwatch() as elapsed:
                hits = search(db, q, limit=args.limit)
            times.append(elapsed())
            cpu.append((time.thread_time() - cpu_start) * 1000)
            if args.verbose:
                print(f"{elapsed():8.1f} ms  (CPU {cpu[-1]:6.1f})  {len(hits):3d} hits  {q}")
        visible = shared_annotations(db)
        overlaps = [
            overlap(search(db, q, limit=args.limit), exhaustive_top(db, q, args.limit, visible))
            * 100
            for q in QUERIES
        ]
        if args.verbose:
            for q, o in zip(QUERIES, overlaps, strict=True):
                print(f"overlap {o:5.1f} %  {q}")
    finally:
        db.close()
    rows = [
        Row("queries", len(QUERIES), None, unit=""),
        Row("search p50", median(times), 15),
        Row("search p95", percentile(times, 95), 60),
        Row("search worst", max(times), 150),
        Row(
            "overlap with the exhaustive top, mean",
            sum(overlaps) / len(overlaps),
            95,
            unit="%",
            lower_is_better=False,
        ),
        Row("overlap, worst query", min(overlaps), 80, unit="%", lower_is_better=False),
        Row("CPU time p50 (diagnostic: wall time is what counts)", median(cpu), None),
        Row("CPU time p95", percentile(cpu, 95), None),
    ]
    ok = print_table(f"Search, top {args.limit} with snippets", rows)
    return 0 if ok else 1
