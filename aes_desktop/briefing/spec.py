"""What a briefing pack contains and for whom: :class:`PackSpec`, and its saved form.

A spec names rows by their database ids (a pack definition lives in the same database as the
rows it names). The password is never part of a saved definition.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from aes_desktop.core.enums import AnnotationKind, Classification
from aes_desktop.core.errors import ValidationError

MAX_COPY_NUMBER = 9999
MAX_FIELD_CHARS = 300


class AnnotationFilter(StrEnum):
    """Which annotations are printed: none, all shared ones, the aide's own, or both."""

    NONE = "none"
    SHARED = "shared"
    MINE = "mine"
    ALL = "all"


@dataclass(frozen=True)
class Recipient:
    name: str = ""
    title: str = ""
    ministry: str = ""

    @property
    def label(self) -> str:
        return ", ".join(part for part in (self.name, self.title) if part)

    @classmethod
    def parse(cls, text: str) -> Recipient:
        """``"Nom ; Titre ; Ministère"`` (the CLI's ``--recipient``), missing parts empty."""
        parts = [p.strip() for p in text.split(";")]
        parts += [""] * (3 - len(parts))
        return cls(parts[0], parts[1], "; ".join(p for p in parts[2:] if p))


@dataclass(frozen=True)
class DossierChoice:
    """A dossier in the pack, with its documents in print order (``None``: all, as filed)."""

    dossier_id: int
    document_ids: tuple[int, ...] | None = None


@dataclass(frozen=True)
class PackSpec:
    """Everything the builder needs to know besides the database."""

    session_id: int
    dossiers: tuple[DossierChoice, ...] = ()
    # Agenda items printed in the agenda section: None = the whole agenda, () = no agenda.
    agenda_item_ids: tuple[int, ...] | None = None
    recipient: Recipient = field(default_factory=Recipient)
    # None: the highest classification of what the pack contains.
    classification: Classification | None = None
    copy_number: int = 1
    annotations: AnnotationFilter = AnnotationFilter.SHARED
    annotation_kinds: frozenset[AnnotationKind] = frozenset(AnnotationKind)
    # Whose "mine" and whose private notes: the aide who builds the pack.
    viewer_id: int | None = None
    roadmap: bool = True
    annexes: bool = True
    positions: bool = True
    cover: bool = True
    toc: bool = True
    password: str = ""
    title: str = ""

    def validate(self) -> None:
        if not (1 <= self.copy_number <= MAX_COPY_NUMBER):
            raise ValidationError(
                f"Le numéro d'exemplaire doit être compris entre 1 et {MAX_COPY_NUMBER}.",
                field="copy_number",
            )
        for value, what in (
            (self.recipient.name, "Le nom du destinataire"),
            (self.recipient.title, "Le titre du destinataire"),
            (self.recipient.ministry, "Le ministère du destinataire"),
            (self.title, "Le titre du dossier"),
        ):
            if len(value) > MAX_FIELD_CHARS:
                raise ValidationError(f"{what} dépasse {MAX_FIELD_CHARS} caractères.")
        if self.annotations in (AnnotationFilter.MINE,) and self.viewer_id is None:
            raise ValidationError(
                "Choisissez le profil de l'auteur pour imprimer « mes annotations »."
            )

    def with_password(self, password: str) -> PackSpec:
        return replace(self, password=password)

    # -- saved definitions ----------------------------------------------------------------------
    def to_options(self) -> dict[str, Any]:
        """The JSON saved in ``pack_definitions.options`` (no password, ever)."""
        return {
            "format": 1,
            "dossiers": [
                {
                    "id": d.dossier_id,
                    "documents": list(d.document_ids) if d.document_ids is not None else None,
                }
                for d in self.dossiers
            ],
            "agenda": list(self.agenda_item_ids) if self.agenda_item_ids is not None else None,
            "recipient": {
                "name": self.recipient.name,
                "title": self.recipient.title,
                "ministry": self.recipient.ministry,
            },
            "classification": self.classification.value if self.classification else None,
            "copy_number": self.copy_number,
            "annotations": self.annotations.value,
            "annotation_kinds": sorted(k.value for k in self.annotation_kinds),
            "viewer_id": self.viewer_id,
            "roadmap": self.roadmap,
            "annexes": self.annexes,
            "positions": self.positions,
            "cover": self.cover,
            "toc": self.toc,
            "title": self.title,
        }

    @classmethod
    def from_options(cls, session_id: int, options: dict[str, Any]) -> PackSpec:
        """Read a saved definition back; unknown or damaged values fall back to defaults."""
        try:
            dossiers = tuple(
                DossierChoice(
                    int(d["id"]),
                    tuple(int(x) for x in d["documents"])
                    if d.get("documents") is not None
                    else None,
                )
                for d in options.get("dossiers") or []
            )
            agenda_raw = options.get("agenda")
            recipient = options.get("recipient") or {}
            classification = options.get("classification")
            return cls(
                session_id=session_id,
                dossiers=dossiers,
                agenda_item_ids=tuple(int(x) for x in agenda_raw)
                if agenda_raw is not None
                else None,
                recipient=Recipient(
                    str(recipient.get("name", "")),
                    str(recipient.get("title", "")),
                    str(recipient.get("ministry", "")),
                ),
                classification=Classification(classification) if classification else None,
                copy_number=int(options.get("copy_number", 1)),
                annotations=AnnotationFilter(options.get("annotations", "shared")),
                annotation_kinds=frozenset(
                    AnnotationKind(k)
                    for k in options.get("annotation_kinds", [k.value for k in AnnotationKind])
                ),
                viewer_id=int(options["viewer_id"]) if options.get("viewer_id") else None,
                roadmap=bool(options.get("roadmap", True)),
                annexes=bool(options.get("annexes", True)),
                positions=bool(options.get("positions", True)),
                cover=bool(options.get("cover", True)),
                toc=bool(options.get("toc", True)),
                title=str(options.get("title", "")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValidationError(
                "La définition de dossier enregistrée est illisible ; enregistrez-la à nouveau."
            ) from exc
