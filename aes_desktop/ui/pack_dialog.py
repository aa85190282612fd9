"""The pack builder: choose what goes into the minister's pack, for whom; export, print, preview.

Agenda items and dossiers (with their documents) are checkable; dossiers and documents are
reordered by drag and drop (or Alt+Up / Alt+Down). Options cover the recipient, the marking,
the copy number, which annotations, the roadmap section, annexes, positions and a password.
A definition can be saved by name and loaded again. Export, print and preview all build the
PDF through one background :class:`~aes_desktop.ui.operations.Operation`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QDropEvent, QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aes_desktop.briefing.export import PackResult, RenderedPack, export_pack, record_print
from aes_desktop.briefing.spec import AnnotationFilter, DossierChoice, PackSpec, Recipient
from aes_desktop.core.db import Database
from aes_desktop.core.enums import AnnotationKind, Classification
from aes_desktop.core.jobs import Job
from aes_desktop.core.services import documents, packs, people, sessions
from aes_desktop.core.services.audit import SYSTEM_ACTOR, Actor
from aes_desktop.core.services.dossiers import dossier_rows
from aes_desktop.ui.labels import label
from aes_desktop.ui.operations import Operation, show_error
from aes_desktop.ui.printing import SystemPrintDialog, paint_pdf

IdRole = Qt.ItemDataRole.UserRole


class OrderTree(QTreeWidget):
    """Dossiers at the top level, their documents below; drops never change a parent."""

    def dropEvent(self, event: QDropEvent) -> None:
        moving = self.currentItem()
        target = self.itemAt(event.position().toPoint())
        where = self.dropIndicatorPosition()
        above_below = (
            QAbstractItemView.DropIndicatorPosition.AboveItem,
            QAbstractItemView.DropIndicatorPosition.BelowItem,
        )
        if moving is None or target is None or where not in above_below:
            event.ignore()
            return
        if target.parent() is not moving.parent():
            event.ignore()
            return
        super().dropEvent(event)

    def move_current(self, step: int) -> None:
        item = self.currentItem()
        if item is None:
            return
        parent = item.parent()
        if parent is None:
            index = self.indexOfTopLevelItem(item)
            new = index + step
            if 0 <= new < self.topLevelItemCount():
                expanded = item.isExpanded()
                self.takeTopLevelItem(index)
                self.insertTopLevelItem(new, item)
                item.setExpanded(expanded)
                self.setCurrentItem(item)
        else:
            index = parent.indexOfChild(item)
            new = index + step
            if 0 <= new < parent.childCount():
                parent.takeChild(index)
                parent.insertChild(new, item)
                self.setCurrentItem(item)


T = TypeVar("T")


class PackDialog(QDialog):
    """Build, save, export and print a briefing pack."""

    def __init__(self, db: Database, parent: QWidget | None = None, session_id: int | None = None):
        super().__init__(parent)
        self.db = db
        self.setObjectName("PackDialog")
        self.setWindowTitle(self.tr("Minister's pack"))
        self.resize(980, 720)
        self.last_result: PackResult | None = None
        self.last_error: BaseException | None = None
        self.last_printed = 0
        # The last job the print service accepted (aes_desktop.briefing.printing.PrintResult).
        self.last_job: Any = None

        self.session_combo = QComboBox()
        self.session_combo.setAccessibleName(self.tr("Session"))
        for s in sessions.list_sessions(db):
            self.session_combo.addItem(f"{s.reference} — {s.title}", s.id)
        self.author_combo = QComboBox()
        self.author_combo.setAccessibleName(self.tr("Prepared by"))
        self.author_combo.addItem(self.tr("(no profile)"), None)
        for p in people.list_people(db):
            self.author_combo.addItem(p.label, p.id)

        self.definition_combo = QComboBox()
        self.definition_combo.setAccessibleName(self.tr("Saved definitions"))
        load = QPushButton(self.tr("&Load"))
        load.clicked.connect(self.load_selected_definition)
        save = QPushButton(self.tr("&Save as…"))
        save.clicked.connect(self._save_definition_asked)
        delete = QPushButton(self.tr("Delete"))
        delete.clicked.connect(self._delete_definition)

        self.agenda_list = QListWidget()
        self.agenda_list.setAccessibleName(self.tr("Agenda items"))
        self.tree = OrderTree()
        self.tree.setAccessibleName(self.tr("Dossiers and documents"))
        self.tree.setHeaderLabels([self.tr("Dossiers and documents")])
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        up = QPushButton(self.tr("Move &up"))
        up.clicked.connect(lambda: self.tree.move_current(-1))
        down = QPushButton(self.tr("Move &down"))
        down.clicked.connect(lambda: self.tree.move_current(1))
        QShortcut(QKeySequence("Alt+Up"), self.tree, lambda: self.tree.move_current(-1))
        QShortcut(QKeySequence("Alt+Down"), self.tree, lambda: self.tree.move_current(1))

        self.recipient_name = QLineEdit()
        self.recipient_title = QLineEdit()
        self.recipient_ministry = QLineEdit()
        self.classification_combo = QComboBox()
        self.classification_combo.addItem(self.tr("Highest of the content"), None)
        for c in Classification:
            self.classification_combo.addItem(label(c), c.value)
        self.copy_spin = QSpinBox()
        self.copy_spin.setRange(1, 9999)
        self.annotations_combo = QComboBox()
        for value, text in (
            (AnnotationFilter.NONE, self.tr("None")),
            (AnnotationFilter.SHARED, self.tr("Shared annotations")),
            (AnnotationFilter.MINE, self.tr("My annotations")),
            (AnnotationFilter.ALL, self.tr("Shared and mine")),
        ):
            self.annotations_combo.addItem(text, value.value)
        self.annotations_combo.setCurrentIndex(1)
        self.kind_boxes: dict[AnnotationKind, QCheckBox] = {}
        kinds = QHBoxLayout()
        for kind in AnnotationKind:
            box = QCheckBox(label(kind))
            box.setChecked(True)
            self.kind_boxes[kind] = box
            kinds.addWidget(box)
        self.roadmap_box = QCheckBox(self.tr("Roadmap section"))
        self.annexes_box = QCheckBox(self.tr("Imported PDF annexes"))
        self.positions_box = QCheckBox(self.tr("States' positions"))
        for box in (self.roadmap_box, self.annexes_box, self.positions_box):
            box.setChecked(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password_again = QLineEdit()
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again.setAccessibleName(self.tr("Password again"))

        form = QFormLayout()
        form.addRow(self.tr("Recipient"), self.recipient_name)
        form.addRow(self.tr("Recipient's title"), self.recipient_title)
        form.addRow(self.tr("Ministry"), self.recipient_ministry)
        form.addRow(self.tr("Marking"), self.classification_combo)
        form.addRow(self.tr("Copy number"), self.copy_spin)
        form.addRow(self.tr("Annotations"), self.annotations_combo)
        form.addRow(self.tr("Kinds"), kinds)
        form.addRow(self.roadmap_box)
        form.addRow(self.annexes_box)
        form.addRow(self.positions_box)
        form.addRow(self.tr("Password (AES-256)"), self.password)
        form.addRow(self.tr("Confirm password"), self.password_again)
        options = QGroupBox(self.tr("Options"))
        options.setLayout(form)

        self.export_button = QPushButton(self.tr("&Export PDF…"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self._export_asked)
        self.preview_button = QPushButton(self.tr("Print pre&view…"))
        # Lambdas: clicked(bool) must not reach the optional printer/callback parameter.
        self.preview_button.clicked.connect(lambda: self.preview())  # noqa: PLW0108
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.clicked.connect(lambda: self.print_pack())  # noqa: PLW0108
        self.print_document_button = QPushButton(self.tr("Print selected &document…"))
        self.print_document_button.clicked.connect(lambda: self.print_document())  # noqa: PLW0108
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)

        top = QFormLayout()
        top.addRow(self.tr("Session"), self.session_combo)
        top.addRow(self.tr("Prepared by"), self.author_combo)
        definitions = QHBoxLayout()
        definitions.addWidget(self.definition_combo, 1)
        for button in (load, save, delete):
            definitions.addWidget(button)
        top.addRow(self.tr("Definition"), definitions)

        left = QVBoxLayout()
        left.addWidget(self.agenda_list, 1)
        left.addWidget(self.tree, 3)
        moves = QHBoxLayout()
        moves.addWidget(up)
        moves.addWidget(down)
        moves.addStretch(1)
        left.addLayout(moves)
        middle = QHBoxLayout()
        middle.addLayout(left, 3)
        middle.addWidget(options, 2)
        buttons = QHBoxLayout()
        for button in (self.print_document_button, self.preview_button, self.print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addLayout(buttons)

        self.session_combo.currentIndexChanged.connect(self._fill_session)
        if session_id is not None:
            index = self.session_combo.findData(session_id)
            if index >= 0:
                self.session_combo.setCurrentIndex(index)
        self._fill_session()

    # -- content ---------------------------------------------------------------------------------
    def session_id(self) -> int | None:
        value = self.session_combo.currentData()
        return int(value) if value is not None else None

    def _fill_session(self) -> None:
        self.agenda_list.clear()
        self.tree.clear()
        session_id = self.session_id()
        if session_id is None:
            return
        for item in sessions.list_agenda(self.db, session_id):
            entry = QListWidgetItem(f"{item.position + 1}. {item.title}")
            entry.setData(IdRole, item.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked)
            self.agenda_list.addItem(entry)
        from aes_desktop.briefing.content import default_spec

        spec = default_spec(self.db, session_id)
        rows = dossier_rows(self.db, [c.dossier_id for c in spec.dossiers])
        for choice in spec.dossiers:
            row = rows[choice.dossier_id]
            node = QTreeWidgetItem([f"{row.reference} — {row.title}"])
            node.setData(0, IdRole, row.id)
            node.setFlags(
                (node.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled)
                & ~Qt.ItemFlag.ItemIsDropEnabled
            )
            node.setCheckState(0, Qt.CheckState.Checked)
            for doc in documents.list_documents(self.db, row.id):
                child = QTreeWidgetItem([doc.title])
                child.setData(0, IdRole, doc.id)
                child.setFlags(
                    (child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    & ~Qt.ItemFlag.ItemIsDropEnabled
                )
                child.setCheckState(0, Qt.CheckState.Checked)
                node.addChild(child)
            self.tree.addTopLevelItem(node)
        self._fill_definitions()

    def _fill_definitions(self) -> None:
        self.definition_combo.clear()
        for d in packs.list_definitions(self.db, self.session_id()):
            self.definition_combo.addItem(d.name, d.name)

    def current_spec(self) -> PackSpec:
        session_id = self.session_id()
        if session_id is None:
            raise ValueError("no session")
        agenda = tuple(
            int(self.agenda_list.item(i).data(IdRole))
            for i in range(self.agenda_list.count())
            if self.agenda_list.item(i).checkState() == Qt.CheckState.Checked
        )
        chosen: list[DossierChoice] = []
        for i in range(self.tree.topLevelItemCount()):
            node = self.tree.topLevelItem(i)
            if node.checkState(0) != Qt.CheckState.Checked:
                continue
            docs = tuple(
                int(node.child(j).data(0, IdRole))
                for j in range(node.childCount())
                if node.child(j).checkState(0) == Qt.CheckState.Checked
            )
            chosen.append(DossierChoice(int(node.data(0, IdRole)), docs))
        classification = self.classification_combo.currentData()
        author = self.author_combo.currentData()
        return PackSpec(
            session_id=session_id,
            dossiers=tuple(chosen),
            agenda_item_ids=agenda,
            recipient=Recipient(
                self.recipient_name.text().strip(),
                self.recipient_title.text().strip(),
                self.recipient_ministry.text().strip(),
            ),
            classification=Classification(classification) if classification else None,
            copy_number=self.copy_spin.value(),
            annotations=AnnotationFilter(self.annotations_combo.currentData()),
            annotation_kinds=frozenset(k for k, box in self.kind_boxes.items() if box.isChecked()),
            viewer_id=int(author) if author is not None else None,
            roadmap=self.roadmap_box.isChecked(),
            annexes=self.annexes_box.isChecked(),
            positions=self.positions_box.isChecked(),
            password=self.password.text(),
        )

    def apply_spec(self, spec: PackSpec) -> None:
        """Show a loaded definition: order, checks and options."""
        index = self.session_combo.findData(spec.session_id)
        if index >= 0 and index != self.session_combo.currentIndex():
            self.session_combo.setCurrentIndex(index)
        wanted_agenda = None if spec.agenda_item_ids is None else set(spec.agenda_item_ids)
        for i in range(self.agenda_list.count()):
            item = self.agenda_list.item(i)
            on = wanted_agenda is None or int(item.data(IdRole)) in wanted_agenda
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        nodes = {
            int(self.tree.topLevelItem(i).data(0, IdRole)): self.tree.topLevelItem(i)
            for i in range(self.tree.topLevelItemCount())
        }
        order = [c.dossier_id for c in spec.dossiers if c.dossier_id in nodes]
        order += [d for d in nodes if d not in order]
        while self.tree.topLevelItemCount():
            self.tree.takeTopLevelItem(0)
        by_id = {c.dossier_id: c for c in spec.dossiers}
        for dossier_id in order:
            node = nodes[dossier_id]
            self.tree.addTopLevelItem(node)
            choice = by_id.get(dossier_id)
            node.setCheckState(0, Qt.CheckState.Checked if choice else Qt.CheckState.Unchecked)
            children = [node.takeChild(0) for _ in range(node.childCount())]
            ids = [int(c.data(0, IdRole)) for c in children]
            if choice is not None and choice.document_ids is not None:
                doc_order = [d for d in choice.document_ids if d in ids]
                doc_order += [d for d in ids if d not in doc_order]
                checked = set(choice.document_ids)
            else:
                doc_order, checked = ids, set(ids)
            for doc_id in doc_order:
                child = children[ids.index(doc_id)]
                node.addChild(child)
                child.setCheckState(
                    0, Qt.CheckState.Checked if doc_id in checked else Qt.CheckState.Unchecked
                )
        self.recipient_name.setText(spec.recipient.name)
        self.recipient_title.setText(spec.recipient.title)
        self.recipient_ministry.setText(spec.recipient.ministry)
        self.classification_combo.setCurrentIndex(
            self.classification_combo.findData(spec.classification.value)
            if spec.classification
            else 0
        )
        self.copy_spin.setValue(spec.copy_number)
        self.annotations_combo.setCurrentIndex(
            self.annotations_combo.findData(spec.annotations.value)
        )
        for kind, box in self.kind_boxes.items():
            box.setChecked(kind in spec.annotation_kinds)
        author = self.author_combo.findData(spec.viewer_id)
        self.author_combo.setCurrentIndex(max(0, author))
        self.roadmap_box.setChecked(spec.roadmap)
        self.annexes_box.setChecked(spec.annexes)
        self.positions_box.setChecked(spec.positions)

    # -- definitions -----------------------------------------------------------------------------
    def actor(self) -> Actor:
        person_id = self.author_combo.currentData()
        if person_id is None:
            return SYSTEM_ACTOR
        return people.get_person(self.db, int(person_id)).actor

    def save_definition(self, name: str) -> Operation[Any]:
        """Save the current choices under ``name`` (on the database worker)."""
        spec = self.current_spec()
        db, actor = self.db, self.actor()

        def saved(_result: object) -> None:
            self._fill_definitions()
            self.definition_combo.setCurrentIndex(
                self.definition_combo.findData(" ".join(name.split()))
            )

        return self._write(
            lambda _job: packs.save_definition(
                db, name, spec.session_id, spec.to_options(), author_id=spec.viewer_id, actor=actor
            ),
            saved,
        )

    def _write(self, fn: Callable[[Job], T], done: Callable[[T], None]) -> Operation[T]:
        """A short write on the database worker; a failure is shown."""
        return (
            Operation(self, fn, title=self.windowTitle(), cancellable=False, show_progress=False)
            .success(done)
            .failure(lambda exc: show_error(self, exc, self.windowTitle()))
            .run()
        )

    def _save_definition_asked(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save definition"), self.tr("Name:"))
        if ok and name.strip():
            self.save_definition(name)

    def load_selected_definition(self) -> None:
        name = self.definition_combo.currentData()
        if not name:
            return
        try:
            saved = packs.get_definition(self.db, str(name))
            self.apply_spec(PackSpec.from_options(saved.session_id or 0, saved.options))
        except Exception as exc:
            show_error(self, exc, self.windowTitle())

    def _delete_definition(self) -> None:
        name = self.definition_combo.currentData()
        if not name:
            return
        saved = packs.get_definition(self.db, str(name))
        db, actor = self.db, self.actor()
        self._write(
            lambda _job: packs.delete_definition(db, saved.id, actor=actor),
            lambda _result: self._fill_definitions(),
        )

    # -- export ----------------------------------------------------------------------------------
    def _checked_spec(self) -> PackSpec | None:
        if self.password.text() != self.password_again.text():
            QMessageBox.warning(
                self, self.windowTitle(), self.tr("The two passwords are different.")
            )
            return None
        return self.current_spec()

    def _export_asked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the pack"), "", self.tr("PDF documents (*.pdf)")
        )
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.export_to(Path(path))

    def export_to(self, path: Path) -> Operation[PackResult] | None:
        spec = self._checked_spec()
        if spec is None:
            return None
        actor = self.actor()
        definition = str(self.definition_combo.currentData() or "")
        db = self.db

        def work(job: Job) -> PackResult:
            return export_pack(db, spec, path, actor=actor, definition=definition, job=job)

        def done(result: PackResult) -> None:
            self.last_result = result

        # On the database worker: the export writes its audit entry in the same transaction as
        # the rename of the file (briefing.export), so it must not race another write.
        return self._background(work, self.tr("Building the pack…"), done, database=True)

    def _background(
        self,
        work: Callable[[Job], T],
        label: str,
        done: Callable[[T], None],
        *,
        database: bool = False,
    ) -> Operation[T]:
        """Run ``work`` off the GUI thread with progress and Cancel; a failure is shown.

        ``database=False`` (rendering for print or preview: reads only) runs it on the parallel
        pool; a job that writes passes ``database=True``, for the serialised database worker.
        """

        def failed(error: BaseException) -> None:
            self.last_error = error
            show_error(self, error, self.windowTitle())

        return (
            Operation(self, work, title=self.windowTitle(), label=label, database=database)
            .success(done)
            .failure(failed)
            .run()
        )

    # -- printing --------------------------------------------------------------------------------
    def _render(
        self, spec: PackSpec, then: Callable[[RenderedPack], None]
    ) -> Operation[RenderedPack]:
        """Build the pack in memory for printing or preview: no copy of it touches the disk."""
        from aes_desktop.briefing.export import render_pack

        db = self.db

        def work(job: Job) -> RenderedPack:
            return render_pack(db, spec.with_password(""), job)

        return self._background(work, self.tr("Preparing the print…"), then)

    def _print_rendered(self, rendered: RenderedPack, printer: QPrinter | None, what: str) -> None:
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
        pages = paint_pdf(rendered.data, printer)
        db, actor = self.db, self.actor()
        printer_name = printer.printerName() or printer.outputFileName()

        def printed(_result: object) -> None:
            self.last_printed = pages  # printed and in the audit log

        self._write(
            lambda _job: record_print(
                db,
                actor=actor,
                spec=rendered.content.spec,
                content=rendered.content,
                sha256=rendered.sha256,
                pages=pages,
                printer=printer_name,
                what=what,
            ),
            printed,
        )

    def print_pack(
        self,
        printer: QPrinter | None = None,
        on_dialog: Callable[[SystemPrintDialog], bool] | None = None,
    ) -> Operation[Any] | None:
        """Print the pack: its PDF to a printer of the system's print service, chosen in
        :class:`SystemPrintDialog` (``on_dialog`` replaces ``exec()`` in tests and returns
        whether it was accepted); straight to ``printer`` through Qt's raster path when given."""
        spec = self._checked_spec()
        if spec is None:
            return None
        if printer is not None:
            return self._render(spec, lambda r: self._print_rendered(r, printer, "pack"))
        return self._print_system(spec, "pack", on_dialog)

    def _print_system(
        self,
        spec: PackSpec,
        what: str,
        on_dialog: Callable[[SystemPrintDialog], bool] | None,
    ) -> Operation[Any] | None:
        from aes_desktop.briefing.printing import PrintResult, print_pack

        dialog = SystemPrintDialog(self, spec.copy_number)
        if on_dialog is not None:
            accepted = on_dialog(dialog)
        else:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if not accepted:
            return None
        if dialog.fallback_chosen:
            return self._render(spec, lambda r: self._print_rendered(r, None, what))
        printer_name = dialog.printer_name()
        copies = dialog.copies_spin.value()
        options = dialog.options()
        db, actor = self.db, self.actor()

        def work(job: Job) -> PrintResult:
            return print_pack(
                db,
                spec,
                printer_name,
                actor=actor,
                copies=copies,
                options=options,
                what=what,
                job=job,
            )

        def done(result: PrintResult) -> None:
            self.last_job = result
            self.last_printed = result.pages

        return self._background(work, self.tr("Sending the pack to the printer…"), done)

    def document_spec(self) -> PackSpec | None:
        """A pack of the selected document alone: no cover, contents, agenda or roadmap."""
        item = self.tree.currentItem()
        if item is None or item.parent() is None:
            QMessageBox.information(
                self, self.windowTitle(), self.tr("Select a document in the list first.")
            )
            return None
        spec = self.current_spec()
        from dataclasses import replace

        return replace(
            spec,
            dossiers=(
                DossierChoice(int(item.parent().data(0, IdRole)), (int(item.data(0, IdRole)),)),
            ),
            agenda_item_ids=(),
            roadmap=False,
            cover=False,
            toc=False,
            positions=False,
        )

    def select_document(self, document_id: int) -> bool:
        """Make ``document_id`` the current item of the list (for "print this document")."""
        for i in range(self.tree.topLevelItemCount()):
            dossier = self.tree.topLevelItem(i)
            for j in range(dossier.childCount()):
                item = dossier.child(j)
                if int(item.data(0, IdRole)) == document_id:
                    self.tree.setCurrentItem(item)
                    return True
        return False

    def print_document(
        self,
        printer: QPrinter | None = None,
        on_dialog: Callable[[SystemPrintDialog], bool] | None = None,
    ) -> Operation[Any] | None:
        spec = self.document_spec()
        if spec is None:
            return None
        if printer is not None:
            return self._render(spec, lambda r: self._print_rendered(r, printer, "document"))
        return self._print_system(spec, "document", on_dialog)

    def preview(self, on_dialog: Callable[[QPrintPreviewDialog], None] | None = None) -> Any:
        """Show the print preview; ``on_dialog`` replaces ``exec()`` (tests)."""
        spec = self._checked_spec()
        if spec is None:
            return None

        def show(rendered: RenderedPack) -> None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintPreviewDialog(printer, self)
            # The preview keeps a raw pointer to the printer: keep both alive with the dialog.
            self._preview = (printer, dialog)
            dialog.setWindowTitle(self.tr("Print preview"))
            dialog.paintRequested.connect(lambda p: self._preview_paint(rendered, p))
            if on_dialog is not None:
                on_dialog(dialog)
            else:
                dialog.exec()

        return self._render(spec, show)

    def _preview_paint(self, rendered: RenderedPack, printer: QPrinter) -> None:
        # The preview repaints on every page-setup change: from the bytes in memory each time.
        self.last_printed = paint_pdf(rendered.data, printer)
