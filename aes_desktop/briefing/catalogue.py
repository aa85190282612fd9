"""The French words printed in a briefing pack (Qt-free: the builder runs without Qt).

The UI translates its own strings through Qt Linguist; the PDF is always in French, the
language of the Council's documents, so its labels live here as plain data.
"""

from __future__ import annotations

from enum import StrEnum

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
from aes_desktop.core.french import MONTHS

_LABELS: dict[tuple[type[StrEnum], str], str] = {
    (SessionStatus, "preparation"): "En préparation",
    (SessionStatus, "open"): "Ouverte",
    (SessionStatus, "closed"): "Close",
    (DossierKind, "roadmap_report"): "Rapport d'exécution de la feuille de route",
    (DossierKind, "protocol"): "Protocole additionnel",
    (DossierKind, "parliamentary_provisions"): "Dispositions des sessions parlementaires",
    (DossierKind, "other"): "Autre dossier",
    (Domain, "defence"): "Défense",
    (Domain, "security"): "Sécurité",
    (Domain, "diplomacy"): "Diplomatie",
    (Domain, "development"): "Développement",
    (Domain, "economy"): "Économie",
    (Domain, "governance"): "Gouvernance",
    (Domain, "legal"): "Affaires juridiques",
    (Domain, "culture"): "Culture",
    (Domain, "other"): "Autre domaine",
    (DossierStatus, "draft"): "Brouillon",
    (DossierStatus, "under_review"): "En examen",
    (DossierStatus, "ready"): "Prêt",
    (DossierStatus, "adopted"): "Adopté",
    (DossierStatus, "postponed"): "Reporté",
    (DossierStatus, "rejected"): "Rejeté",
    (Classification, "unclassified"): "Non classifié",
    (Classification, "restricted"): "Diffusion restreinte",
    (Classification, "confidential"): "Confidentiel",
    (Classification, "secret"): "Secret",
    (State, "ML"): "Mali",
    (State, "BF"): "Burkina Faso",
    (State, "NE"): "Niger",
    (State, "AES"): "Confédération",
    (Position, "favourable"): "Favorable",
    (Position, "reservation"): "Réserve",
    (Position, "objection"): "Objection",
    (Position, "not_expressed"): "Non exprimée",
    (DocType, "presentation_note"): "Note de présentation",
    (DocType, "draft_protocol"): "Projet de protocole",
    (DocType, "technical_sheet"): "Fiche technique",
    (DocType, "legal_opinion"): "Avis juridique",
    (DocType, "report"): "Rapport",
    (DocType, "letter"): "Lettre",
    (DocType, "annex"): "Annexe",
    (DocType, "minutes"): "Compte rendu",
    (DocType, "note"): "Note",
    (ActionStatus, "done"): "Réalisée",
    (ActionStatus, "in_progress"): "En cours",
    (ActionStatus, "late"): "En retard",
    (ActionStatus, "not_started"): "Non démarrée",
    (ActionStatus, "abandoned"): "Abandonnée",
    (AnnotationKind, "highlight"): "Surlignage",
    (AnnotationKind, "note"): "Note",
    (AnnotationKind, "question"): "Question",
    (AnnotationKind, "action"): "Action",
    (AnnotationKind, "decision"): "Point de décision",
    (Visibility, "private"): "Privée",
    (Visibility, "shared"): "Partagée",
}

# The marking printed at the top and bottom of every page.
MARKINGS: dict[Classification, str] = {
    Classification.UNCLASSIFIED: "NON CLASSIFIÉ",
    Classification.RESTRICTED: "DIFFUSION RESTREINTE",
    Classification.CONFIDENTIAL: "CONFIDENTIEL",
    Classification.SECRET: "SECRET",
}

# Conventional colours (hex) shared with the UI's dashboard conventions.
COLOURS: dict[tuple[type[StrEnum], str], str] = {
    (ActionStatus, "done"): "#2e7d32",
    (ActionStatus, "in_progress"): "#1565c0",
    (ActionStatus, "late"): "#c62828",
    (ActionStatus, "not_started"): "#757575",
    (ActionStatus, "abandoned"): "#6d4c41",
    (Classification, "unclassified"): "#455a64",
    (Classification, "restricted"): "#1565c0",
    (Classification, "confidential"): "#ef6c00",
    (Classification, "secret"): "#b71c1c",
    (Position, "favourable"): "#2e7d32",
    (Position, "reservation"): "#ef6c00",
    (Position, "objection"): "#c62828",
    (Position, "not_expressed"): "#757575",
}


# Fixed texts of the pack, by key.
TEXT: dict[str, str] = {
    "confederation": "CONFÉDÉRATION DES ÉTATS DU SAHEL",
    "motto": "Burkina Faso — République du Mali — République du Niger",
    "pack_title": "Dossier du ministre",
    "pack_subject": "Dossier de préparation de la session",
    "recipient": "Destinataire",
    "copy": "Exemplaire n° {n}",
    "copy_short": "Ex. n° {n}",
    "prepared_by": "Préparé par {name}",
    "generated": "Établi le {date}",
    "date_place": "{date} — {place}",
    "toc": "Sommaire",
    "agenda": "Ordre du jour",
    "agenda_item": "Point",
    "agenda_presenter": "Présenté par",
    "agenda_dossier": "Dossier",
    "roadmap": "Exécution de la feuille de route",
    "roadmap_overview": "Vue d'ensemble",
    "roadmap_axis": "Axe",
    "roadmap_rate_axis": "Taux moyen de réalisation par axe (%)",
    "roadmap_statuses": "Actions par statut",
    "roadmap_states": "Taux moyen de réalisation par État responsable (%)",
    "roadmap_gaps": "Écarts à signaler",
    "roadmap_no_gap": "Aucun écart : toutes les actions sont dans les délais.",
    "roadmap_tables": "Actions par axe",
    "roadmap_figures": "{n} actions — taux moyen de réalisation {rate} %",
    "col_code": "Code",
    "col_action": "Action",
    "col_responsible": "Resp.",
    "col_target": "Cible",
    "col_achieved": "Réalisé",
    "col_rate": "Taux",
    "col_status": "Statut",
    "col_due": "Échéance",
    "col_gap": "Écart constaté",
    "gap_late": "en retard",
    "gap_overdue": "échéance dépassée",
    "gap_below": "sous la cible ({rate} %)",
    "summary_sheet": "Fiche de synthèse",
    "reference": "Référence",
    "kind": "Nature",
    "domain": "Domaine",
    "status": "Statut",
    "classification": "Classification",
    "rapporteur": "Rapporteur",
    "lead_state": "État chef de file",
    "due_date": "Échéance",
    "documents": "Documents",
    "positions": "Positions des États membres",
    "state": "État",
    "position": "Position",
    "comment": "Observations",
    "key_points": "Points clés",
    "open_questions": "Questions ouvertes",
    "action_items": "Actions à mener",
    "decision_points": "Points de décision",
    "none": "Aucune.",
    "assignee": "responsable : {name}",
    "due": "échéance : {date}",
    "notes": "Notes",
    "note_line": "{kind} — {author}, {date}",
    "note_unanchored": "(passage absent de la version imprimée)",
    "version": "Version {n} du {date}",
    "annex": "Annexe",
    "annex_pages": "Annexe : {title} ({n} page(s))",
    "annex_omitted": "Annexes non jointes : {titles}.",
    "page": "page {n} / ",
    "not_set": "—",
    "yes": "oui",
}


def label(value: StrEnum) -> str:
    """The French label of a vocabulary value."""
    return _LABELS[(type(value), value.value)]


def colour(value: StrEnum, default: str = "#455a64") -> str:
    return COLOURS.get((type(value), value.value), default)


def text(key: str, **values: object) -> str:
    return TEXT[key].format(**values) if values else TEXT[key]


def french_date(value: object) -> str:
    """``20 décembre 2025`` (``1er`` for the first day of a month)."""
    from datetime import date, datetime

    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        return TEXT["not_set"]
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


def french_number(value: float, decimals: int = 1) -> str:
    """``82,5`` / ``1 200``: French decimal comma and thin-space thousands."""
    if decimals == 0 or float(value).is_integer():
        whole = f"{round(value):,}".replace(",", "\u202f")
        return whole
    return f"{value:,.{decimals}f}".replace(",", "\u202f").replace(".", ",")
