"""Undo and redo of annotation changes (Ctrl+Z, Ctrl+Shift+Z), replayed through the services.

Every change is committed the moment it is made; the stack only remembers, as data, the op that
reverses it (:class:`aes_desktop.core.services.annotation.AnnotationOp`). Undoing a creation
moves the annotation to the trash, redoing it restores it; undoing an edit writes the old
values back; undoing a deletion restores from the trash. Each op carries the ``row_version`` it
expects: if someone changed the annotation since (a colleague resolved it, the trash was
emptied), the service refuses, nothing is overwritten, the user is told why in French, and the
command leaves the stack (Qt's "obsolete" commands) so the rest of the history still works.

Each op is one short transaction of a few milliseconds, run on the GUI thread: a
:class:`QUndoCommand` must have finished when ``undo()`` returns, and deferring it would let a
second Ctrl+Z overtake the first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack

from aes_desktop.core.changes import Change
from aes_desktop.core.db import Database
from aes_desktop.core.errors import AesError
from aes_desktop.ui.lazy import lazy_import
from aes_desktop.ui.operations import ChangeBus

if TYPE_CHECKING:
    from aes_desktop.core.services import annotation as service
    from aes_desktop.core.services.annotation import AnnotationEdit, AnnotationInput, AnnotationOp
else:
    # Loaded at the first annotation change, not at start-up.
    service = lazy_import("aes_desktop.core.services.annotation")


def change_of(applied: service.Applied) -> Change:
    """What an applied op changed, for the views to refresh."""
    return Change(
        dossiers=frozenset({applied.dossier_id}),
        documents=frozenset({applied.document_id}),
        annotations=frozenset({applied.annotation_id}),
    )


class _AppliedCommand(QUndoCommand):
    """A change already made: ``undo`` applies its inverse, ``redo`` makes it again."""

    def __init__(self, stack: AnnotationUndoStack, text: str, undo_op: AnnotationOp) -> None:
        super().__init__(text)
        self._stack = stack
        self._undo_op: AnnotationOp | None = undo_op
        self._redo_op: AnnotationOp | None = None
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # QUndoStack.push() calls redo(): the change is already made
            return
        self._undo_op = self._apply(self._redo_op)

    def undo(self) -> None:
        self._redo_op = self._apply(self._undo_op)

    def _apply(self, op: AnnotationOp | None) -> AnnotationOp | None:
        if op is None:
            self.setObsolete(True)
            return None
        applied = self._stack.apply(op)
        if applied is None:
            self.setObsolete(True)  # refused (conflict, purged...): leave the history
            return None
        return applied.inverse


class AnnotationUndoStack(QUndoStack):
    """The annotation changes of one profile, undoable; each method commits before it returns.

    ``failed`` carries the French message when an undo or redo could not be applied;
    ``changed`` (and the optional :class:`ChangeBus`) announce each change made.
    """

    failed = Signal(str)
    changed = Signal(object)

    def __init__(
        self,
        db: Database,
        actor_id: int | None,
        bus: ChangeBus | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor_id = actor_id
        self.bus = bus
        # The row version each annotation had after this stack's last change to it. The history
        # is linear, so when a step is undone every later step on that annotation has been undone
        # already: the step expects this version, not the (older) one it was recorded with. A
        # change made by someone else leaves a different version in the database: conflict.
        self._versions: dict[int, int] = {}

    # -- who acts ------------------------------------------------------------------------------
    def set_actor(self, actor_id: int | None) -> None:
        """Another profile takes over: its history starts empty (it cannot undo another's)."""
        if actor_id != self.actor_id:
            self.clear()
            self._versions.clear()
            self.actor_id = actor_id

    def _actor(self) -> int:
        if self.actor_id is None:
            raise AesError("Choisissez d'abord votre profil (menu Profil) pour annoter.")
        return self.actor_id

    # -- changes made now (they raise AesError; nothing is pushed when they fail) ---------------
    def create_text(
        self, *, version_id: int, block_id: int, start: int, end: int, data: AnnotationInput
    ) -> int:
        annotation_id = service.create_text_annotation(
            self.db,
            version_id=version_id,
            block_id=block_id,
            start=start,
            end=end,
            author_id=self._actor(),
            data=data,
        )
        self._created(annotation_id)
        return annotation_id

    def create_pdf(
        self,
        *,
        version_id: int,
        page: int,
        rects: Sequence[Sequence[float]],
        quote: str,
        data: AnnotationInput,
    ) -> int:
        annotation_id = service.create_pdf_annotation(
            self.db,
            version_id=version_id,
            page=page,
            rects=rects,
            quote=quote,
            author_id=self._actor(),
            data=data,
        )
        self._created(annotation_id)
        return annotation_id

    def _created(self, annotation_id: int) -> None:
        row = service.get_annotation(self.db, annotation_id, viewer_id=self.actor_id)
        self._announce_ids(annotation_id, row.dossier_id, row.document_id)
        self._versions[annotation_id] = row.row_version
        self.push(_AppliedCommand(self, self.tr("Annotate"), service.undo_of_create(annotation_id)))

    def edit(
        self, annotation_id: int, edit: AnnotationEdit, *, expected_version: int
    ) -> service.Applied:
        applied = service.update_annotation(
            self.db, annotation_id, edit, expected_version=expected_version, actor_id=self._actor()
        )
        self._announce(applied)
        if applied.inverse.edit is not None and not applied.inverse.edit.empty:
            text = (
                self.tr("Resolve annotation")
                if [name for name, _v in edit.items()] == ["resolved"]
                else self.tr("Edit annotation")
            )
            self.push(_AppliedCommand(self, text, applied.inverse))
        return applied

    def trash(self, annotation_id: int, *, expected_version: int | None = None) -> service.Applied:
        applied = service.trash_annotation(
            self.db, annotation_id, actor_id=self._actor(), expected_version=expected_version
        )
        self._announce(applied)
        self.push(_AppliedCommand(self, self.tr("Delete annotation"), applied.inverse))
        return applied

    def restore(
        self, annotation_id: int, *, expected_version: int | None = None
    ) -> service.Applied:
        applied = service.restore_annotation(
            self.db, annotation_id, actor_id=self._actor(), expected_version=expected_version
        )
        self._announce(applied)
        self.push(_AppliedCommand(self, self.tr("Restore annotation"), applied.inverse))
        return applied

    # -- replay (from the commands) ------------------------------------------------------------
    def apply(self, op: AnnotationOp) -> service.Applied | None:
        """Apply an undo/redo op; on refusal, tell why (``failed``) and return None."""
        op = replace(op, expected_version=self._versions.get(op.annotation_id, op.expected_version))
        try:
            applied = service.apply_op(self.db, op, actor_id=self._actor())
        except AesError as exc:
            self.failed.emit(
                self.tr("This change could not be undone or redone: {reason}").format(
                    reason=exc.message
                )
            )
            self._announce_ids(op.annotation_id, None, None)
            return None
        self._announce(applied)
        return applied

    def _announce(self, applied: service.Applied) -> None:
        self._versions[applied.annotation_id] = applied.row_version
        change = change_of(applied)
        self.changed.emit(change)
        if self.bus is not None:
            self.bus.announce(change)

    def _announce_ids(
        self, annotation_id: int, dossier_id: int | None, document_id: int | None
    ) -> None:
        change = Change(
            dossiers=frozenset({dossier_id}) if dossier_id is not None else frozenset(),
            documents=frozenset({document_id}) if document_id is not None else frozenset(),
            annotations=frozenset({annotation_id}),
        )
        self.changed.emit(change)
        if self.bus is not None:
            self.bus.announce(change)

    # -- actions for menus and toolbars --------------------------------------------------------
    def make_actions(self, parent: QObject) -> tuple[QAction, QAction]:
        """Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z, and Ctrl+Y as on Windows) actions."""
        undo = self.createUndoAction(parent, self.tr("Undo"))
        undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        redo = self.createRedoAction(parent, self.tr("Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        return undo, redo
