"""What changed: a small value announced once after each edit, so open views decide to refresh."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Change:
    """Ids of the records an operation created, edited or removed.

    ``sessions`` is set when sessions or agendas changed; ``everything`` after an operation that
    may touch anything (an import of a bundle, a restore): every view reloads.
    """

    dossiers: frozenset[int] = field(default_factory=frozenset)
    documents: frozenset[int] = field(default_factory=frozenset)
    annotations: frozenset[int] = field(default_factory=frozenset)
    roadmap_actions: frozenset[int] = field(default_factory=frozenset)
    sessions: bool = False
    everything: bool = False

    def __or__(self, other: Change) -> Change:
        return Change(
            self.dossiers | other.dossiers,
            self.documents | other.documents,
            self.annotations | other.annotations,
            self.roadmap_actions | other.roadmap_actions,
            self.sessions or other.sessions,
            self.everything or other.everything,
        )

    @property
    def empty(self) -> bool:
        return not (
            self.dossiers
            or self.documents
            or self.annotations
            or self.roadmap_actions
            or self.sessions
            or self.everything
        )


EVERYTHING = Change(everything=True)
