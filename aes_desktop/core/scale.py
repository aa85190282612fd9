"""A large, deterministic database for benchmarks: ``aes-desktop demo --scale N [--seed S]``.

About N dossiers, 10 documents per dossier (one version of about 2 KB of varied French text, cut
into blocks), 10 annotations per document, roadmap actions in the execution reports, positions,
tags and people. N = 10 000 gives 100 000 documents and 1 000 000 annotations.

Rows are written with plain ``executemany`` on the SQLite connection inside a few large
transactions, with ``synchronous=OFF`` while building: the file is new and a failed build is
thrown away (the partial file is deleted), so the durability settings of normal use buy nothing
here.
"""

from __future__ import annotations

import random
import sqlite3
import uuid as uuid_module
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from aes_desktop.core.db import Database
from aes_desktop.core.enums import (
    MEMBER_STATES,
    ActionStatus,
    AnnotationKind,
    BlockKind,
    Classification,
    DocType,
    Domain,
    DossierKind,
    DossierStatus,
    Position,
    SessionStatus,
    State,
    Visibility,
)
from aes_desktop.core.errors import ValidationError
from aes_desktop.core.french import MONTHS
from aes_desktop.core.resources import resource_path
from aes_desktop.core.search import rebuild_index
from aes_desktop.core.textblocks import ParsedBlock, match_article

DOCS_PER_DOSSIER = 10
ANNOTATIONS_PER_DOCUMENT = 10
DOSSIERS_PER_SESSION = 25
TARGET_TEXT_BYTES = 2000
PEOPLE = 40

ProgressFn = Callable[[str, float], None]

_SUBJECTS = [
    "Le Conseil des ministres",
    "La Commission confédérale",
    "Le ministère chef de file",
    "Le comité technique conjoint",
    "Chaque État membre",
    "Le secrétariat permanent",
    "La force unifiée de la Confédération",
    "Le rapporteur du dossier",
    "La banque confédérale d'investissement",
    "Le groupe d'experts juridiques",
    "La délégation du Burkina Faso",
    "La délégation du Mali",
    "La délégation du Niger",
    "L'état-major conjoint",
    "Le comité de suivi de la feuille de route",
    "La cellule de communication confédérale",
    "Le conseil de défense",
    "L'autorité des corridors de transport",
]
_VERBS = [
    "examine",
    "approuve",
    "recommande",
    "prend acte de",
    "propose d'amender",
    "demande l'évaluation de",
    "assure le suivi de",
    "coordonne",
    "valide",
    "soumet au Collège des chefs d'État",
    "renforce",
    "finance",
    "harmonise",
    "met en œuvre",
    "précise les modalités de",
    "accélère",
]
_OBJECTS = [
    "la mutualisation du renseignement",
    "le passeport confédéral",
    "la libre circulation des personnes et des biens",
    "le prélèvement confédéral sur les importations",
    "les opérations conjointes dans le Liptako-Gourma",
    "l'interconnexion des réseaux électriques",
    "le corridor routier Bamako–Ouagadougou–Niamey",
    "la sécurité alimentaire des populations rurales",
    "le statut des forces engagées",
    "la télévision et la radio confédérales",
    "la stratégie commune de communication",
    "le fonds d'investissement et de développement",
    "les cartes d'identité biométriques",
    "la coopération judiciaire en matière pénale",
    "le calendrier des sessions parlementaires",
    "la position commune sur la scène internationale",
    "les infrastructures de télécommunications",
    "les championnats sportifs de la Confédération",
    "la protection des zones frontalières",
    "le budget de fonctionnement des institutions",
    "la formation des cadres de l'administration",
    "l'approvisionnement en produits pétroliers",
    "les semences certifiées et les engrais",
    "le patrimoine culturel des trois États",
]
_COMPLEMENTS = [
    "dans un délai de six mois",
    "conformément à l'article 12 du Traité",
    "avant la prochaine session ordinaire",
    "sous réserve de l'avis juridique",
    "en concertation avec les trois États",
    "selon le calendrier annexé",
    "au titre de l'An II de la feuille de route",
    "dans le respect de la souveraineté de chaque État",
    "avec un rapport d'étape trimestriel",
    "à Bamako, Ouagadougou et Niamey",
    "sur la base des indicateurs retenus",
    "en tenant compte des écarts constatés",
    "par voie de protocole additionnel",
    "après consultation des ministères concernés",
]
_CONNECTORS = [
    "En outre,",
    "Par ailleurs,",
    "À cet effet,",
    "En conséquence,",
    "Toutefois,",
    "Dans ce cadre,",
    "De plus,",
    "À titre transitoire,",
]
_LOCAL = [
    "Jɛkafɔ kɔnɔ, jamanaw bɛ ɲɔgɔn dɛmɛ.",
    "Haɗin kai tsakanin ƙasashe uku ɗaya ne.",
    "Ƴancin zirga-zirga yana da muhimmanci ga ɓangarori.",
    "Ŋaniya kelen bɛ Sahel jamanaw cɛ.",
    "Ɗaɗɗaɗa ƙarfin rundunar haɗin gwiwa.",
]
_TITLES = {
    DossierKind.ROADMAP_REPORT: "Rapport d'exécution de la feuille de route",
    DossierKind.PROTOCOL: "Protocole additionnel relatif à",
    DossierKind.PARLIAMENTARY_PROVISIONS: "Dispositions relatives aux sessions parlementaires",
    DossierKind.OTHER: "Note sur",
}
_TOPICS = [
    "la défense commune",
    "la coopération diplomatique",
    "le développement des infrastructures",
    "la sécurité alimentaire",
    "l'énergie et les mines",
    "les transports et corridors",
    "la santé publique",
    "l'éducation et la formation",
    "la culture et les sports",
    "les médias confédéraux",
    "la justice et les droits humains",
    "le financement des institutions",
    "la libre circulation",
    "les télécommunications",
    "l'eau et l'assainissement",
]
_DOC_TITLES = [
    (DocType.PRESENTATION_NOTE, "Note de présentation"),
    (DocType.DRAFT_PROTOCOL, "Projet de texte"),
    (DocType.TECHNICAL_SHEET, "Fiche technique"),
    (DocType.LEGAL_OPINION, "Avis juridique"),
    (DocType.REPORT, "Rapport d'étape"),
    (DocType.LETTER, "Lettre de transmission"),
    (DocType.ANNEX, "Annexe statistique"),
    (DocType.MINUTES, "Compte rendu de réunion"),
    (DocType.NOTE, "Note technique"),
    (DocType.NOTE, "Note complémentaire"),
]
_FIRST = [
    "Aminata",
    "Boubacar",
    "Fatoumata",
    "Issa",
    "Mariam",
    "Ousmane",
    "Salamatou",
    "Moussa",
    "Aïssata",
    "Hamidou",
    "Kadiatou",
    "Abdoulaye",
    "Zeinabou",
    "Seydou",
    "Ramatou",
]
_LAST = [
    "Traoré",
    "Ouédraogo",
    "Maïga",
    "Coulibaly",
    "Sawadogo",
    "Issoufou",
    "Diarra",
    "Kaboré",
    "Hama",
    "Keïta",
    "Zongo",
    "Abdou",
    "Sidibé",
    "Compaoré",
    "Ɓello",
]
_MINISTRIES = [
    "Ministère des Affaires étrangères",
    "Ministère de la Défense",
    "Ministère de l'Économie et des Finances",
    "Ministère de la Sécurité",
    "Ministère des Transports",
    "Ministère de la Communication",
]
_AXES = [
    "Axe 1 — Défense et sécurité",
    "Axe 2 — Diplomatie et voix commune",
    "Axe 3 — Libre circulation",
    "Axe 4 — Économie et financement",
    "Axe 5 — Infrastructures et énergie",
    "Axe 6 — Médias, culture et sport",
]


@dataclass(frozen=True)
class ScaleReport:
    sessions: int
    dossiers: int
    documents: int
    blocks: int
    annotations: int
    roadmap_actions: int


_TOWNS = [
    "Bamako",
    "Ouagadougou",
    "Niamey",
    "Gao",
    "Tombouctou",
    "Mopti",
    "Kidal",
    "Ségou",
    "Sikasso",
    "Kayes",
    "Koulikoro",
    "Ménaka",
    "Taoudéni",
    "Bobo-Dioulasso",
    "Koudougou",
    "Dori",
    "Djibo",
    "Kaya",
    "Fada N'Gourma",
    "Ouahigouya",
    "Banfora",
    "Tenkodogo",
    "Tillabéri",
    "Agadez",
    "Zinder",
    "Maradi",
    "Tahoua",
    "Dosso",
    "Diffa",
    "Arlit",
    "Ayorou",
    "Téra",
    "Ansongo",
    "Ménaka",
    "Douentza",
    "Gorom-Gorom",
    "Sebba",
    "Makalondi",
    "Kantchari",
    "Bankilaré",
]
_END = (".", "!", "?")


class _TextMaker:
    """Varied administrative French: Markov chains trained on the demo session's own texts.

    Each generated document takes most of its sentences from the chain of one demo document (its
    "subject"), the rest from a chain of the whole corpus, so words cluster by subject as they do
    in a real archive. Place names, dates and figures are drawn afresh, which gives the long tail
    of rare words a real vocabulary has.
    """

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        sources = _training_texts()
        self.chains = [_chain(text) for text in sources]
        self.common = _chain(" ".join(sources))

    @property
    def subjects(self) -> int:
        return len(self.chains)

    def sentence(self, subject: int | None = None) -> str:
        # The hot loop of the generator (tens of millions of words): plain floats from
        # random() instead of choice(), local names, no per-word method lookups.
        rand = self.rng.random
        chain = self.common if subject is None or rand() < 0.2 else self.chains[subject]
        starts, successors = chain
        prev, cur = starts[int(rand() * len(starts))]
        words = [prev, cur]
        append = words.append
        get = successors.get
        for _ in range(43):
            if cur[-1] in ".!?":
                break
            options = get((prev, cur))
            if not options:
                break
            x = rand()
            word = options[int(x * len(options))]
            # Now and then a place, date or figure is written instead; the chain goes on from
            # the word it replaces.
            append(self._fresh(word) if x * 1000 % 1 < 0.03 else word)
            prev, cur = cur, word
        text = " ".join(words)
        return text if text.endswith(_END) else text.rstrip(",;:") + "."

    def _fresh(self, word: str) -> str:
        """A place, a date or a figure in place of a word, for the long tail of rare tokens."""
        r = self.rng
        pick = r.random()
        if pick < 0.4:
            return r.choice(_TOWNS)
        if pick < 0.7:
            return f"{r.randint(1, 28)} {r.choice(MONTHS)} {r.randint(2024, 2031)}"
        return f"{r.randint(2, 9800)} {word}"

    def paragraph(self, n: int, subject: int | None = None) -> str:
        return " ".join(self.sentence(subject) for _ in range(n))

    def document(self, title: str, subject: int) -> list[ParsedBlock]:
        r = self.rng
        blocks = [ParsedBlock(BlockKind.HEADING, title, level=1)]
        size = len(title)
        article = 1
        while size < TARGET_TEXT_BYTES:
            choice = r.random()
            if choice < 0.5:
                heading = self.sentence(subject).split(",")[0].rstrip(".")[:80]
                text = f"Article {article} : {heading}\n" + "\n".join(
                    self.paragraph(r.randint(1, 2), subject) for _ in range(r.randint(1, 3))
                )
                blocks.append(ParsedBlock(BlockKind.ARTICLE, text, number=str(article)))
                article += 1
            elif choice < 0.8:
                text = self.paragraph(r.randint(2, 4), subject)
                if r.random() < 0.05:
                    text += " " + r.choice(_LOCAL)
                blocks.append(ParsedBlock(BlockKind.PARAGRAPH, text))
            elif choice < 0.9:
                blocks.append(ParsedBlock(BlockKind.LIST_ITEM, self.sentence(subject)))
            else:
                heading = self.sentence(subject).split(",")[0].rstrip(".")[:70]
                blocks.append(ParsedBlock(BlockKind.HEADING, heading, level=2))
            size += len(blocks[-1].text.encode("utf-8"))
        return blocks


Chain = tuple[list[tuple[str, str]], dict[tuple[str, str], list[str]]]


def _training_texts() -> list[str]:
    """The demo documents' running text (headings and article titles left out), one per file."""
    texts = []
    for path in sorted(resource_path("demo", "cm-2025-01", "documents").glob("*.md")):
        lines = path.read_text(encoding="utf-8").splitlines()
        body = [
            line.lstrip("- ").strip()
            for line in lines
            if line.strip() and not line.startswith("#") and match_article(line) is None
        ]
        texts.append(" ".join(body))
    extra = " ".join(
        f"{a} {v} {o} {c}."
        for a, v, o, c in zip(_SUBJECTS, _VERBS, _OBJECTS, _COMPLEMENTS, strict=False)
    )
    return [*texts, extra]


def _chain(text: str) -> Chain:
    """A second-order Markov chain: (w1, w2) → the words that follow them in ``text``."""
    words = text.split()
    successors: dict[tuple[str, str], list[str]] = {}
    starts: list[tuple[str, str]] = []
    for i in range(len(words) - 2):
        key = (words[i], words[i + 1])
        successors.setdefault(key, []).append(words[i + 2])
        if (i == 0 or words[i - 1].endswith(_END)) and not words[i + 1].endswith(_END):
            starts.append(key)
    return starts or [(words[0], words[1])], successors


def _chunks(rows: list[tuple[Any, ...]], size: int = 50_000) -> Iterator[list[tuple[Any, ...]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def build_scale(
    db: Database,
    n_dossiers: int,
    *,
    seed: int = 1,
    progress: ProgressFn | None = None,
    flush_every: int = 500,
) -> ScaleReport:
    """Fill an empty SQLite database with about ``n_dossiers`` dossiers (see module doc)."""
    if not db.target.is_sqlite:
        raise ValidationError("Le jeu de données de test ne se construit que dans une base SQLite.")
    if n_dossiers < 1:
        raise ValidationError("--scale doit être un entier positif.")
    report = progress or (lambda _stage, _fraction: None)
    rng = random.Random(seed)
    maker = _TextMaker(rng)

    def uid() -> str:
        return str(uuid_module.UUID(int=rng.getrandbits(128), version=4))

    raw = db.engine.raw_connection()
    try:
        conn: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
        if conn.execute("SELECT count(*) FROM dossiers").fetchone()[0]:
            raise ValidationError(
                "La base contient déjà des dossiers : choisissez un fichier neuf."
            )
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -200000")
        result = _build(conn, n_dossiers, rng, maker, uid, report, flush_every)
    finally:
        raw.close()
    report("index", 0.0)
    rebuild_index(db)  # one bulk pass is far faster than indexing row by row
    report("index", 1.0)
    return result


def _build(
    conn: sqlite3.Connection,
    n_dossiers: int,
    rng: random.Random,
    maker: _TextMaker,
    uid: Callable[[], str],
    report: ProgressFn,
    flush_every: int,
) -> ScaleReport:
    # Strings in the format SQLAlchemy writes (sqlite3's date adapters are deprecated).
    now = "2026-01-15 09:00:00.000000"
    conn.execute("BEGIN IMMEDIATE")
    people_rows = []
    for i in range(1, PEOPLE + 1):
        name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        people_rows.append(
            (i, uid(), name, rng.choice(_MINISTRIES), rng.choice(MEMBER_STATES).value, now)
        )
    conn.executemany(
        "INSERT INTO people (id, uuid, name, ministry, state, created_at) VALUES (?,?,?,?,?,?)",
        people_rows,
    )
    n_sessions = max(1, -(-n_dossiers // DOSSIERS_PER_SESSION))
    start = date(2026, 1, 10)
    session_rows = []
    for i in range(1, n_sessions + 1):
        day = start + timedelta(days=14 * (i - 1))
        session_rows.append(
            (
                i,
                uid(),
                "Conseil des ministres de la Confédération des États du Sahel",
                f"CM-S{i:05d}",
                f"Session {i} du Conseil des ministres",
                day.isoformat(),
                day.isoformat(),
                rng.choice(["Bamako", "Ouagadougou", "Niamey"]),
                "Président de la Confédération",
                SessionStatus.CLOSED.value if i < n_sessions else SessionStatus.OPEN.value,
                "",
                now,
                now,
                1,
            )
        )
    conn.executemany(
        "INSERT INTO council_sessions (id, uuid, body, reference, title, start_date, end_date, "
        "place, chair, status, summary, created_at, updated_at, row_version) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        session_rows,
    )
    kinds = (
        [DossierKind.ROADMAP_REPORT] * 1
        + [DossierKind.PROTOCOL] * 4
        + [DossierKind.PARLIAMENTARY_PROVISIONS] * 2
        + [DossierKind.OTHER] * 3
    )
    domains = list(Domain)
    statuses = list(DossierStatus)
    classes = list(Classification)
    states = list(State)
    dossiers, tags, positions, agenda, actions = [], [], [], [], []
    documents, versions, blocks, annotations = [], [], [], []
    block_id = version_id = doc_id = ann_id = action_id = 0
    for d in range(1, n_dossiers + 1):
        session_id = (d - 1) // DOSSIERS_PER_SESSION + 1
        kind = rng.choice(kinds)
        topic = rng.choice(_TOPICS)
        subject = rng.randrange(maker.subjects)
        title = (
            f"{_TITLES[kind]} {topic}"
            if kind is not DossierKind.ROADMAP_REPORT
            else (f"{_TITLES[kind]} — {topic}")
        )
        reference = f"CM-S{session_id:05d}/D{d:06d}"
        due = start + timedelta(days=rng.randint(0, 3650))
        dossiers.append(
            [
                d,
                uid(),
                session_id,
                reference,
                title,
                kind.value,
                rng.choice(domains).value,
                maker.paragraph(2, subject),
                rng.choice(statuses).value,
                rng.choice(classes).value,
                rng.choice(states).value,
                f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
                due.isoformat(),
                DOCS_PER_DOSSIER,
                0,
                now,
                now,
                1,
            ]
        )
        for tag in rng.sample(_TOPICS, rng.randint(1, 3)):
            tags.append((d, tag))
        for state in MEMBER_STATES:
            positions.append((d, state.value, rng.choice(list(Position)).value, "", now))
        agenda.append(
            (
                d,
                uid(),
                session_id,
                (d - 1) % DOSSIERS_PER_SESSION,
                f"Examen du dossier {reference}",
                "",
                d,
            )
        )
        if kind is DossierKind.ROADMAP_REPORT:
            for p in range(rng.randint(15, 30)):
                action_id += 1
                target = float(rng.choice([10, 20, 50, 100, 250, 1000]))
                achieved = float(round(target * rng.random() * 1.1))
                rate = round(min(100.0, achieved / target * 100), 1)
                actions.append(
                    (
                        action_id,
                        uid(),
                        d,
                        p,
                        rng.choice(_AXES),
                        f"A{p + 1:02d}",
                        maker.sentence(subject),
                        rng.choice(states).value,
                        rng.choice(_MINISTRIES),
                        "Nombre de réalisations",
                        "unités",
                        target,
                        achieved,
                        rate,
                        rng.choice(list(ActionStatus)).value,
                        due.isoformat(),
                        "",
                        now,
                        1,
                    )
                )
        annotation_total = 0
        for k in range(DOCS_PER_DOSSIER):
            doc_id += 1
            version_id += 1
            doc_type, label = _DOC_TITLES[k]
            doc_title = f"{label} — {topic}"
            parsed = maker.document(doc_title, subject)
            documents.append(
                (
                    doc_id,
                    uid(),
                    d,
                    doc_title,
                    doc_type.value,
                    rng.choice(classes).value,
                    k,
                    1,
                    now,
                    now,
                )
            )
            chars = sum(len(b.text) for b in parsed)
            versions.append(
                (version_id, uid(), doc_id, 1, now, "", "", None, "", "text/markdown", 0, chars)
            )
            first_block = block_id + 1
            for pos, b in enumerate(parsed):
                block_id += 1
                blocks.append(
                    (block_id, uid(), version_id, pos, b.kind.value, b.number, b.level, b.text)
                )
            for _ in range(ANNOTATIONS_PER_DOCUMENT):
                ann_id += 1
                annotation_total += 1
                pick = rng.randrange(len(parsed))
                text = parsed[pick].text
                # Whole words, as a user's selection would be.
                start_at = rng.randrange(max(1, len(text) - 40))
                start_at = text.rfind(" ", 0, start_at) + 1
                end_at = min(len(text), start_at + rng.randint(12, 60))
                space = text.find(" ", end_at)
                end_at = len(text) if space < 0 else space
                kind_a = rng.choice(list(AnnotationKind))
                annotations.append(
                    (
                        ann_id,
                        uid(),
                        d,
                        doc_id,
                        version_id,
                        version_id,
                        first_block + pick,
                        kind_a.value,
                        maker.sentence(subject) if kind_a is not AnnotationKind.HIGHLIGHT else "",
                        rng.randint(1, PEOPLE),
                        rng.choice(list(Visibility)).value,
                        rng.choice(["#ffd54f", "#81c784", "#64b5f6", "#e57373"]),
                        rng.random() < 0.3,
                        "",
                        None,
                        text[start_at:end_at],
                        text[max(0, start_at - 32) : start_at],
                        text[end_at : end_at + 32],
                        text[start_at:end_at],
                        start_at,
                        end_at,
                        "anchored",
                        now,
                        now,
                        1,
                    )
                )
        dossiers[-1][14] = annotation_total
        if d % flush_every == 0 or d == n_dossiers:
            # Committed in slices: the WAL stays small instead of growing to the whole file.
            _flush(
                conn,
                dossiers,
                tags,
                positions,
                agenda,
                actions,
                documents,
                versions,
                blocks,
                annotations,
            )
            conn.execute("COMMIT")
            conn.execute("BEGIN IMMEDIATE")
            report("dossiers", d / n_dossiers)
    conn.execute("COMMIT")
    return ScaleReport(n_sessions, n_dossiers, doc_id, block_id, ann_id, action_id)


def _flush(conn: sqlite3.Connection, *tables: list[Any]) -> None:
    dossiers, tags, positions, agenda, actions, documents, versions, blocks, annotations = tables
    statements = [
        (
            "INSERT INTO dossiers (id, uuid, session_id, reference, title, kind, domain, summary, "
            "status, classification, lead_state, rapporteur, due_date, document_count, "
            "annotation_count, created_at, updated_at, row_version) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [tuple(r) for r in dossiers],
        ),
        ("INSERT INTO dossier_tags (dossier_id, tag) VALUES (?,?)", tags),
        (
            "INSERT INTO dossier_positions (dossier_id, state, position, comment, updated_at) "
            "VALUES (?,?,?,?,?)",
            positions,
        ),
        (
            "INSERT INTO agenda_items (id, uuid, session_id, position, title, presenter, "
            "dossier_id) VALUES (?,?,?,?,?,?,?)",
            agenda,
        ),
        (
            "INSERT INTO roadmap_actions (id, uuid, dossier_id, position, axis, code, title, "
            "responsible_state, responsible_ministry, indicator, unit, target, achieved, rate, "
            "status, due_date, comment, updated_at, row_version) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            actions,
        ),
        (
            "INSERT INTO documents (id, uuid, dossier_id, title, doc_type, classification, "
            "position, current_version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            documents,
        ),
        (
            "INSERT INTO document_versions (id, uuid, document_id, number, created_at, author, "
            "note, source_sha256, source_filename, media_type, page_count, char_count) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            versions,
        ),
        (
            "INSERT INTO blocks (id, uuid, version_id, position, kind, number, level, text) "
            "VALUES (?,?,?,?,?,?,?,?)",
            blocks,
        ),
        (
            "INSERT INTO annotations (id, uuid, dossier_id, document_id, version_id, "
            "original_version_id, block_id, kind, body, author_id, visibility, color, resolved, "
            "assignee, due_date, quote_exact, quote_prefix, quote_suffix, original_quote, "
            "start_offset, end_offset, anchor_status, created_at, updated_at, row_version) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            annotations,
        ),
    ]
    for sql, rows in statements:
        for chunk in _chunks(rows):
            conn.executemany(sql, chunk)
    for table in tables:
        table.clear()
