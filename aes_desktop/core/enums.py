"""Closed vocabularies of the domain.

Values are stable English keys stored in the database and used in files that travel between
machines; what the user reads comes from the UI's translations or the briefing catalogue.
"""

from __future__ import annotations

from enum import StrEnum


class SessionStatus(StrEnum):
    PREPARATION = "preparation"
    OPEN = "open"
    CLOSED = "closed"


class DossierKind(StrEnum):
    ROADMAP_REPORT = "roadmap_report"
    PROTOCOL = "protocol"
    PARLIAMENTARY_PROVISIONS = "parliamentary_provisions"
    OTHER = "other"


class Domain(StrEnum):
    DEFENCE = "defence"
    SECURITY = "security"
    DIPLOMACY = "diplomacy"
    DEVELOPMENT = "development"
    ECONOMY = "economy"
    GOVERNANCE = "governance"
    LEGAL = "legal"
    CULTURE = "culture"
    OTHER = "other"


class DossierStatus(StrEnum):
    DRAFT = "draft"
    UNDER_REVIEW = "under_review"
    READY = "ready"
    ADOPTED = "adopted"
    POSTPONED = "postponed"
    REJECTED = "rejected"


class Classification(StrEnum):
    """Ordered from least to most protected (see :func:`classification_rank`)."""

    UNCLASSIFIED = "unclassified"
    RESTRICTED = "restricted"
    CONFIDENTIAL = "confidential"
    SECRET = "secret"


def classification_rank(value: Classification | str) -> int:
    """0 for non classifié up to 3 for secret."""
    return list(Classification).index(Classification(value))


class State(StrEnum):
    """A member state, or the Confederation itself for confederal matters."""

    ML = "ML"
    BF = "BF"
    NE = "NE"
    AES = "AES"


MEMBER_STATES: tuple[State, ...] = (State.ML, State.BF, State.NE)


class Position(StrEnum):
    FAVOURABLE = "favourable"
    RESERVATION = "reservation"
    OBJECTION = "objection"
    NOT_EXPRESSED = "not_expressed"


class DocType(StrEnum):
    PRESENTATION_NOTE = "presentation_note"
    DRAFT_PROTOCOL = "draft_protocol"
    TECHNICAL_SHEET = "technical_sheet"
    LEGAL_OPINION = "legal_opinion"
    REPORT = "report"
    LETTER = "letter"
    ANNEX = "annex"
    MINUTES = "minutes"
    NOTE = "note"


class BlockKind(StrEnum):
    HEADING = "heading"
    ARTICLE = "article"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    PAGE = "page"


class ActionStatus(StrEnum):
    DONE = "done"
    IN_PROGRESS = "in_progress"
    LATE = "late"
    NOT_STARTED = "not_started"
    ABANDONED = "abandoned"


class AnnotationKind(StrEnum):
    HIGHLIGHT = "highlight"
    NOTE = "note"
    QUESTION = "question"
    ACTION = "action"
    DECISION = "decision"


class Visibility(StrEnum):
    PRIVATE = "private"
    SHARED = "shared"


class AnchorStatus(StrEnum):
    """Where an annotation stands on its document's current version."""

    ANCHORED = "anchored"
    FUZZY = "fuzzy"
    ORPHAN = "orphan"


class Stance(StrEnum):
    """A member state's position sheet on an agenda item (fiche de position)."""

    NO_OBSERVATION = "no_observation"
    RESERVATION = "reservation"
    OBJECTION = "objection"
    REQUEST_FLOOR = "request_floor"


class DecisionOutcome(StrEnum):
    """What the Council decided on an agenda item (relevé de décisions)."""

    ADOPTED = "adopted"
    ADOPTED_WITH_RESERVATIONS = "adopted_with_reservations"
    POSTPONED = "postponed"
    REJECTED = "rejected"
    REFERRED = "referred"


class FollowUpStatus(StrEnum):
    """Stored state of a decision's follow-up action; "due" and "overdue" come from its date."""

    OPEN = "open"
    DONE = "done"
