"""What the user reads for each value of the domain's vocabularies, through Qt Linguist.

Source strings are English; the French catalogue (``resources/translations``) is the default.
``QT_TRANSLATE_NOOP`` marks them for ``lupdate``; :func:`label` translates at display time.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from aes_desktop.core.enums import (
    ActionStatus,
    AnnotationKind,
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


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # the name lupdate looks for
    """Marks ``source`` for ``lupdate`` in ``context``; typed (PySide6's own returns object)."""
    del context
    return source


CONTEXT = "Labels"

# Keys are (vocabulary, value): StrEnum members of different vocabularies compare equal when
# their values do (DossierKind.OTHER == Domain.OTHER == "other").
Key = tuple[type[StrEnum], str]


def _key(value: StrEnum) -> Key:
    return (type(value), value.value)


_SOURCE_PAIRS: list[tuple[StrEnum, str]] = [
    (SessionStatus.PREPARATION, QT_TRANSLATE_NOOP("Labels", "In preparation")),
    (SessionStatus.OPEN, QT_TRANSLATE_NOOP("Labels", "Open")),
    (SessionStatus.CLOSED, QT_TRANSLATE_NOOP("Labels", "Closed")),
    (DossierKind.ROADMAP_REPORT, QT_TRANSLATE_NOOP("Labels", "Roadmap execution report")),
    (DossierKind.PROTOCOL, QT_TRANSLATE_NOOP("Labels", "Additional protocol")),
    (
        DossierKind.PARLIAMENTARY_PROVISIONS,
        QT_TRANSLATE_NOOP("Labels", "Parliamentary session provisions"),
    ),
    (DossierKind.OTHER, QT_TRANSLATE_NOOP("Labels", "Other")),
    (Domain.DEFENCE, QT_TRANSLATE_NOOP("Labels", "Defence")),
    (Domain.SECURITY, QT_TRANSLATE_NOOP("Labels", "Security")),
    (Domain.DIPLOMACY, QT_TRANSLATE_NOOP("Labels", "Diplomacy")),
    (Domain.DEVELOPMENT, QT_TRANSLATE_NOOP("Labels", "Development")),
    (Domain.ECONOMY, QT_TRANSLATE_NOOP("Labels", "Economy")),
    (Domain.GOVERNANCE, QT_TRANSLATE_NOOP("Labels", "Governance")),
    (Domain.LEGAL, QT_TRANSLATE_NOOP("Labels", "Legal affairs")),
    (Domain.CULTURE, QT_TRANSLATE_NOOP("Labels", "Culture")),
    (Domain.OTHER, QT_TRANSLATE_NOOP("Labels", "Other domain")),
    (DossierStatus.DRAFT, QT_TRANSLATE_NOOP("Labels", "Draft")),
    (DossierStatus.UNDER_REVIEW, QT_TRANSLATE_NOOP("Labels", "Under review")),
    (DossierStatus.READY, QT_TRANSLATE_NOOP("Labels", "Ready")),
    (DossierStatus.ADOPTED, QT_TRANSLATE_NOOP("Labels", "Adopted")),
    (DossierStatus.POSTPONED, QT_TRANSLATE_NOOP("Labels", "Postponed")),
    (DossierStatus.REJECTED, QT_TRANSLATE_NOOP("Labels", "Rejected")),
    (Classification.UNCLASSIFIED, QT_TRANSLATE_NOOP("Labels", "Unclassified")),
    (Classification.RESTRICTED, QT_TRANSLATE_NOOP("Labels", "Restricted")),
    (Classification.CONFIDENTIAL, QT_TRANSLATE_NOOP("Labels", "Confidential")),
    (Classification.SECRET, QT_TRANSLATE_NOOP("Labels", "Secret")),
    (State.ML, QT_TRANSLATE_NOOP("Labels", "Mali")),
    (State.BF, QT_TRANSLATE_NOOP("Labels", "Burkina Faso")),
    (State.NE, QT_TRANSLATE_NOOP("Labels", "Niger")),
    (State.AES, QT_TRANSLATE_NOOP("Labels", "Confederation")),
    (Position.FAVOURABLE, QT_TRANSLATE_NOOP("Labels", "In favour")),
    (Position.RESERVATION, QT_TRANSLATE_NOOP("Labels", "Reservation")),
    (Position.OBJECTION, QT_TRANSLATE_NOOP("Labels", "Objection")),
    (Position.NOT_EXPRESSED, QT_TRANSLATE_NOOP("Labels", "Not expressed")),
    (DocType.PRESENTATION_NOTE, QT_TRANSLATE_NOOP("Labels", "Presentation note")),
    (DocType.DRAFT_PROTOCOL, QT_TRANSLATE_NOOP("Labels", "Draft protocol")),
    (DocType.TECHNICAL_SHEET, QT_TRANSLATE_NOOP("Labels", "Technical sheet")),
    (DocType.LEGAL_OPINION, QT_TRANSLATE_NOOP("Labels", "Legal opinion")),
    (DocType.REPORT, QT_TRANSLATE_NOOP("Labels", "Report")),
    (DocType.LETTER, QT_TRANSLATE_NOOP("Labels", "Letter")),
    (DocType.ANNEX, QT_TRANSLATE_NOOP("Labels", "Annex")),
    (DocType.MINUTES, QT_TRANSLATE_NOOP("Labels", "Minutes")),
    (DocType.NOTE, QT_TRANSLATE_NOOP("Labels", "Note")),
    (ActionStatus.DONE, QT_TRANSLATE_NOOP("Labels", "Done")),
    (ActionStatus.IN_PROGRESS, QT_TRANSLATE_NOOP("Labels", "In progress")),
    (ActionStatus.LATE, QT_TRANSLATE_NOOP("Labels", "Late")),
    (ActionStatus.NOT_STARTED, QT_TRANSLATE_NOOP("Labels", "Not started")),
    (ActionStatus.ABANDONED, QT_TRANSLATE_NOOP("Labels", "Abandoned")),
    (AnnotationKind.HIGHLIGHT, QT_TRANSLATE_NOOP("Labels", "Highlight")),
    (AnnotationKind.NOTE, QT_TRANSLATE_NOOP("Labels", "Note (annotation)")),
    (AnnotationKind.QUESTION, QT_TRANSLATE_NOOP("Labels", "Question")),
    (AnnotationKind.ACTION, QT_TRANSLATE_NOOP("Labels", "Action item")),
    (AnnotationKind.DECISION, QT_TRANSLATE_NOOP("Labels", "Decision point")),
    (Visibility.PRIVATE, QT_TRANSLATE_NOOP("Labels", "Private")),
    (Visibility.SHARED, QT_TRANSLATE_NOOP("Labels", "Shared")),
]
_SOURCE: dict[Key, str] = {_key(member): text for member, text in _SOURCE_PAIRS}

# Colours follow the conventions aides know from paper dashboards (green done, red late...).
_COLOUR_PAIRS: list[tuple[StrEnum, QColor]] = [
    (ActionStatus.DONE, QColor("#2e7d32")),
    (ActionStatus.IN_PROGRESS, QColor("#1565c0")),
    (ActionStatus.LATE, QColor("#c62828")),
    (ActionStatus.NOT_STARTED, QColor("#757575")),
    (ActionStatus.ABANDONED, QColor("#6d4c41")),
    (DossierStatus.DRAFT, QColor("#757575")),
    (DossierStatus.UNDER_REVIEW, QColor("#1565c0")),
    (DossierStatus.READY, QColor("#00838f")),
    (DossierStatus.ADOPTED, QColor("#2e7d32")),
    (DossierStatus.POSTPONED, QColor("#ef6c00")),
    (DossierStatus.REJECTED, QColor("#c62828")),
    (Classification.UNCLASSIFIED, QColor("#455a64")),
    (Classification.RESTRICTED, QColor("#1565c0")),
    (Classification.CONFIDENTIAL, QColor("#ef6c00")),
    (Classification.SECRET, QColor("#b71c1c")),
    (Position.FAVOURABLE, QColor("#2e7d32")),
    (Position.RESERVATION, QColor("#ef6c00")),
    (Position.OBJECTION, QColor("#c62828")),
    (Position.NOT_EXPRESSED, QColor("#757575")),
]
_COLOURS: dict[Key, QColor] = {_key(member): colour for member, colour in _COLOUR_PAIRS}


def label(value: StrEnum) -> str:
    """The translated label of a vocabulary value."""
    return QCoreApplication.translate(CONTEXT, _SOURCE[_key(value)])


def colour(value: StrEnum) -> QColor | None:
    """The conventional colour of a status, classification or position (None if it has none)."""
    return _COLOURS.get(_key(value))


def source_labels() -> list[tuple[StrEnum, str]]:
    """The untranslated labels (tests check that each has a French translation)."""
    return list(_SOURCE_PAIRS)


# What the user reads for each audit action (the dossier's activity, the audit log viewer) and
# each kind of object; an unknown code (a newer version's) is shown as it is.
ACTIVITY_CONTEXT = "DossierActivity"
_AUDIT_ACTIONS = {
    "dossier.create": QT_TRANSLATE_NOOP("DossierActivity", "Dossier created"),
    "dossier.update": QT_TRANSLATE_NOOP("DossierActivity", "Dossier edited"),
    "dossier.position": QT_TRANSLATE_NOOP("DossierActivity", "Position of a state"),
    "dossier.duplicate": QT_TRANSLATE_NOOP("DossierActivity", "Created as a copy"),
    "document.create": QT_TRANSLATE_NOOP("DossierActivity", "Document added"),
    "document.version": QT_TRANSLATE_NOOP("DossierActivity", "New version"),
    "document.import": QT_TRANSLATE_NOOP("DossierActivity", "File imported"),
    "annotation.create": QT_TRANSLATE_NOOP("DossierActivity", "Annotation created"),
    "annotation.update": QT_TRANSLATE_NOOP("DossierActivity", "Annotation edited"),
    "annotation.trash": QT_TRANSLATE_NOOP("DossierActivity", "Annotation moved to the trash"),
    "annotation.restore": QT_TRANSLATE_NOOP("DossierActivity", "Annotation restored"),
    "annotation.purge": QT_TRANSLATE_NOOP("DossierActivity", "Annotation deleted for good"),
    "annotation.reanchor": QT_TRANSLATE_NOOP(
        "DossierActivity", "Annotations carried to a new version"
    ),
    "roadmap.add": QT_TRANSLATE_NOOP("DossierActivity", "Roadmap actions added"),
    "roadmap.update": QT_TRANSLATE_NOOP("DossierActivity", "Progress updated"),
    "session.create": QT_TRANSLATE_NOOP("DossierActivity", "Session created"),
    "session.from_template": QT_TRANSLATE_NOOP(
        "DossierActivity", "Session created from a past one"
    ),
    "session.status": QT_TRANSLATE_NOOP("DossierActivity", "Session status changed"),
    "pack.export": QT_TRANSLATE_NOOP("DossierActivity", "Briefing pack exported"),
    "pack.export_failed": QT_TRANSLATE_NOOP("DossierActivity", "Briefing pack export failed"),
    "pack.print": QT_TRANSLATE_NOOP("DossierActivity", "Printed"),
    "print": QT_TRANSLATE_NOOP("DossierActivity", "Printed"),
    "pack_definition.create": QT_TRANSLATE_NOOP("DossierActivity", "Pack definition saved"),
    "pack_definition.update": QT_TRANSLATE_NOOP("DossierActivity", "Pack definition changed"),
    "pack_definition.delete": QT_TRANSLATE_NOOP("DossierActivity", "Pack definition deleted"),
    "backup.create": QT_TRANSLATE_NOOP("DossierActivity", "Backup taken"),
    "restore": QT_TRANSLATE_NOOP("DossierActivity", "Database restored from a backup"),
    "database.encrypt": QT_TRANSLATE_NOOP("DossierActivity", "Database encrypted"),
    "passphrase.change": QT_TRANSLATE_NOOP("DossierActivity", "Passphrase changed"),
}
_AUDIT_OBJECTS = {
    "annotation": QT_TRANSLATE_NOOP("DossierActivity", "annotation"),
    "database": QT_TRANSLATE_NOOP("DossierActivity", "database"),
    "document": QT_TRANSLATE_NOOP("DossierActivity", "document"),
    "dossier": QT_TRANSLATE_NOOP("DossierActivity", "dossier"),
    "pack": QT_TRANSLATE_NOOP("DossierActivity", "briefing pack"),
    "pack_definition": QT_TRANSLATE_NOOP("DossierActivity", "pack definition"),
    "roadmap_action": QT_TRANSLATE_NOOP("DossierActivity", "roadmap action"),
    "session": QT_TRANSLATE_NOOP("DossierActivity", "session"),
}


def audit_action(code: str) -> str:
    """The translated name of an audit action (the code itself when it is unknown)."""
    source = _AUDIT_ACTIONS.get(code)
    return QCoreApplication.translate(ACTIVITY_CONTEXT, source) if source else code


def audit_object(code: str) -> str:
    """The translated name of the kind of object an audit entry is about."""
    source = _AUDIT_OBJECTS.get(code)
    return QCoreApplication.translate(ACTIVITY_CONTEXT, source) if source else code
