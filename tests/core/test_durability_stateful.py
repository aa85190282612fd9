"""A Hypothesis state machine over the services, checked against an in-memory model.

Steps: create a dossier, edit it, undo the last edit (the inverse edit), set a position,
annotate (private or shared), add a document, close a session and purge an aide's private notes
(deletion), take a backup, restore one, reopen the database. After every step the database, read
back through the services, must equal the model. At least 10,000 steps per run; the database is
small and lives on a RAM disk when there is one (fsync is not what this test measures).
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from aes_desktop.core import backup
from aes_desktop.core.db import Database, open_database
from aes_desktop.core.enums import (
    AnnotationKind,
    BlockKind,
    Domain,
    DossierKind,
    DossierStatus,
    Position,
    SessionStatus,
    State,
    Visibility,
)
from aes_desktop.core.errors import NotFoundError, ReadOnlyError, ValidationError
from aes_desktop.core.policy import purge_private_notes
from aes_desktop.core.services import annotation, documents, dossiers, people, sessions
from aes_desktop.core.services.dossiers import STATUS_TRANSITIONS, DossierInput, DossierQuery
from aes_desktop.core.textblocks import ParsedBlock

MIN_STEPS = int(os.environ.get("AES_STATEFUL_STEPS", "10000"))
STEPS_PER_EXAMPLE = 50
# Shrinking a failure can take many minutes on a slow machine; AES_STATEFUL_SHRINK=1 turns it on.
PHASES = (
    tuple(Phase)
    if os.environ.get("AES_STATEFUL_SHRINK")
    else (Phase.explicit, Phase.reuse, Phase.generate)
)
BLOCK_TEXT = "Les ministres adoptent le protocole additionnel relatif à la force unifiée."


@dataclass
class DossierModel:
    session_id: int
    reference: str
    title: str
    summary: str = ""
    status: DossierStatus = DossierStatus.DRAFT
    tags: tuple[str, ...] = ()
    documents: int = 0
    positions: dict[str, str] = field(default_factory=dict)


@dataclass
class NoteModel:
    dossier_id: int
    author_id: int
    visibility: Visibility
    body: str


@dataclass
class Model:
    closed: dict[int, bool]
    dossiers: dict[int, DossierModel]
    notes: dict[int, NoteModel]


def _scratch_root() -> Path:
    shm = Path("/dev/shm")
    return shm if shm.is_dir() and os.access(shm, os.W_OK) else Path(tempfile.gettempdir())


def _build_template(folder: Path) -> tuple[Path, Model, dict[str, int]]:
    path = folder / "template.sqlite"
    db = open_database(path)
    try:
        ids: dict[str, int] = {}
        model = Model({}, {}, {})
        for n, ref in enumerate(("CM-2026-01", "CM-2026-02")):
            sid = sessions.create_session(
                db,
                sessions.SessionInput(
                    reference=ref,
                    body="Conseil des ministres",
                    title=f"Session {n + 1}",
                    start_date=date(2026, 3 + n, 1),
                    status=SessionStatus.OPEN,
                ),
            ).id
            ids[f"session{n}"] = sid
            model.closed[sid] = False
        for n, (name, state) in enumerate(
            (("Aïssata Traoré", State.ML), ("Moussa Ouédraogo", State.BF))
        ):
            ids[f"author{n}"] = people.create_person(db, name, "Affaires étrangères", state).id
        for n in range(2):
            sid = ids[f"session{n}"]
            data = DossierInput(
                f"BASE-{n}", f"Dossier de base {n}", DossierKind.PROTOCOL, Domain.DEFENCE, State.AES
            )
            did = dossiers.create_dossier(db, sid, data)
            doc = documents.add_document(db, did, f"Protocole {n}")
            version = documents.add_version(db, doc, [ParsedBlock(BlockKind.PARAGRAPH, BLOCK_TEXT)])
            block = documents.version_blocks(db, version.id)[0]
            ids[f"version{n}"] = version.id
            ids[f"block{n}"] = block.id
            ids[f"dossier{n}"] = did
            model.dossiers[did] = DossierModel(
                sid,
                data.reference,
                data.title,
                documents=1,
                positions={
                    s.value: Position.NOT_EXPRESSED.value for s in (State.ML, State.BF, State.NE)
                },
            )
    finally:
        db.close()
    return path, model, ids


@pytest.fixture(scope="module")
def template() -> Iterator[tuple[Path, Model, dict[str, int]]]:
    folder = Path(tempfile.mkdtemp(prefix="aes-stateful-", dir=_scratch_root()))
    try:
        yield _build_template(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


texts = st.text(
    alphabet=st.sampled_from(list("abcdeéèçɛɔŋɲɓɗƙƴ AÉZ0123456789-'")), min_size=1, max_size=24
).filter(lambda t: t.strip() != "")
statuses = st.sampled_from(list(DossierStatus))


def run_machine(template: tuple[Path, Model, dict[str, int]], min_steps: int) -> tuple[int, int]:
    """Run the state machine until ``min_steps`` steps were taken; (steps, runs)."""
    template_path, template_model, ids = template
    steps: list[int] = [0]
    examples: list[int] = [0]

    class Services(RuleBasedStateMachine):
        created = Bundle("dossiers")

        @initialize()
        def start(self) -> None:
            self.folder = Path(tempfile.mkdtemp(prefix="run-", dir=template_path.parent))
            self.path = self.folder / "db.sqlite"
            shutil.copyfile(template_path, self.path)
            self.db: Database = open_database(self.path, backup_dir=self.folder / "backups")
            self.model = copy.deepcopy(template_model)
            self.undo: list[tuple[int, DossierModel]] = []
            self.backups: list[tuple[Path, Model]] = []
            self.serial = 0
            self.touched: set[int] = set()
            self.full_due = True
            examples[0] += 1

        def teardown(self) -> None:
            if hasattr(self, "db"):
                try:
                    for did in self.model.dossiers:
                        self._check_detail(did)
                    self._check_notes()
                finally:
                    self.db.close()
                shutil.rmtree(self.folder, ignore_errors=True)

        # -- steps -----------------------------------------------------------------------
        def _step(self, did: int | None = None) -> None:
            steps[0] += 1
            if did is not None:
                self.touched.add(did)

        @rule(target=created, session=st.sampled_from([0, 1]), title=texts)
        def create(self, session: int, title: str) -> int:
            self._step()
            sid = ids[f"session{session}"]
            self.serial += 1
            data = DossierInput(
                f"S{self.serial}-{examples[0]}", title, DossierKind.OTHER, Domain.ECONOMY, State.ML
            )
            if self.model.closed[sid]:
                with pytest.raises(ReadOnlyError):
                    dossiers.create_dossier(self.db, sid, data)
                return ids["dossier0"]
            did = dossiers.create_dossier(self.db, sid, data)
            self.model.dossiers[did] = DossierModel(
                sid,
                data.reference,
                title.strip(),
                positions={
                    s.value: Position.NOT_EXPRESSED.value for s in (State.ML, State.BF, State.NE)
                },
            )
            return did

        def _gone(self, did: int) -> bool:
            """A dossier created after the backup that was restored: the services must say
            it no longer exists."""
            if did in self.model.dossiers:
                return False
            with pytest.raises(NotFoundError):
                dossiers.get_dossier(self.db, did)
            return True

        def _save(self, did: int, target: DossierModel) -> bool:
            d = dossiers.get_dossier(self.db, did)
            r = d.row
            data = DossierInput(
                r.reference,
                target.title,
                r.kind,
                r.domain,
                r.lead_state,
                summary=target.summary,
                status=target.status,
                tags=target.tags,
                classification=r.classification,
                rapporteur=d.rapporteur,
                due_date=r.due_date,
            )
            if self.model.closed[target.session_id]:
                with pytest.raises(ReadOnlyError):
                    dossiers.update_dossier(self.db, did, data, expected_version=d.row_version)
                return False
            current = self.model.dossiers[did].status
            if target.status != current and target.status not in STATUS_TRANSITIONS[current]:
                # The status workflow refuses the move (e.g. back from a final "adopté"): the
                # service says so and changes nothing.
                with pytest.raises(
                    ValidationError, match=r"ne peut pas passer|ne change plus de statut"
                ):
                    dossiers.update_dossier(self.db, did, data, expected_version=d.row_version)
                return False
            dossiers.update_dossier(self.db, did, data, expected_version=d.row_version)
            return True

        @rule(did=created, title=texts, summary=texts, status=statuses, tag=st.none() | texts)
        def edit(
            self, did: int, title: str, summary: str, status: DossierStatus, tag: str | None
        ) -> None:
            self._step(did)
            if self._gone(did):
                return
            before = self.model.dossiers[did]
            tags = () if tag is None else (" ".join(tag.split())[:100],)
            after = replace(
                before, title=title.strip(), summary=summary.strip(), status=status, tags=tags
            )
            if self._save(did, after):
                self.undo.append((did, before))
                self.model.dossiers[did] = after

        @precondition(lambda self: bool(self.undo))
        @rule()
        def undo_last_edit(self) -> None:
            self._step()
            did, before = self.undo[-1]
            self.touched.add(did)
            if self._gone(did):
                self.undo.pop()
                return
            # The inverse of an edit puts back the edited fields, nothing else.
            target = replace(
                self.model.dossiers[did],
                title=before.title,
                summary=before.summary,
                status=before.status,
                tags=before.tags,
            )
            self.undo.pop()  # applied, or refused by the workflow: either way it is done
            if self._save(did, target):
                self.model.dossiers[did] = target

        @rule(
            did=created,
            state=st.sampled_from([State.ML, State.BF, State.NE]),
            position=st.sampled_from(list(Position)),
        )
        def position(self, did: int, state: State, position: Position) -> None:
            self._step(did)
            if self._gone(did):
                return
            m = self.model.dossiers[did]
            if self.model.closed[m.session_id]:
                with pytest.raises(ReadOnlyError):
                    dossiers.set_position(self.db, did, state, position)
                return
            dossiers.set_position(self.db, did, state, position)
            m.positions[state.value] = position.value

        @rule(did=created, title=texts)
        def add_document(self, did: int, title: str) -> None:
            self._step()  # the document count is compared at every step
            if self._gone(did):
                return
            m = self.model.dossiers[did]
            if self.model.closed[m.session_id]:
                with pytest.raises(ReadOnlyError):
                    documents.add_document(self.db, did, title)
                return
            documents.add_document(self.db, did, title)
            m.documents += 1

        @rule(
            session=st.sampled_from([0, 1]),
            author=st.sampled_from([0, 1]),
            shared=st.booleans(),
            body=texts,
            start=st.integers(0, 20),
        )
        def annotate(self, session: int, author: int, shared: bool, body: str, start: int) -> None:
            self._step()
            visibility = Visibility.SHARED if shared else Visibility.PRIVATE
            aid = annotation.create_text_annotation(
                self.db,
                version_id=ids[f"version{session}"],
                block_id=ids[f"block{session}"],
                start=start,
                end=start + 5,
                author_id=ids[f"author{author}"],
                data=annotation.AnnotationInput(
                    AnnotationKind.NOTE, body=body, visibility=visibility
                ),
            )
            self.model.notes[aid] = NoteModel(
                ids[f"dossier{session}"], ids[f"author{author}"], visibility, body
            )

        @rule(
            kind=st.sampled_from(["backup", "restore", "reopen", "purge0", "purge1"]),
            pick=st.integers(0, 1000),
        )
        def maintenance(self, kind: str, pick: int) -> None:
            """Backup, restore, reopen, or close a session and purge an aide's private notes:
            one rule, so these slower steps come less often than edits."""
            self._step()
            if kind.startswith("purge"):
                self.close_and_purge(int(kind[-1]))
                return
            self.full_due = kind != "backup"
            if kind == "backup":
                path = backup.snapshot(self.db, "essai", prune_after=False)
                self.backups.append((path, copy.deepcopy(self.model)))
                return
            if kind == "restore" and self.backups:
                path, saved = self.backups[pick % len(self.backups)]
                self.db.close()
                backup.restore(path, self.path, folder=self.folder / "aside")
                self.db = open_database(self.path, backup_dir=self.folder / "backups")
                self.model = copy.deepcopy(saved)
                self.undo.clear()
                return
            self.db.close()
            self.db = open_database(self.path, backup_dir=self.folder / "backups")

        # -- the comparison ----------------------------------------------------------------
        @invariant()
        def database_matches_model(self) -> None:
            """Every step: the dossier table (titles, statuses, counters) and the full detail of
            the dossiers the step touched. Every note and every dossier's detail after a
            backup, restore, reopen or purge, every 25 steps, and at the end of a run."""
            if not hasattr(self, "db"):
                return
            db_ids = dossiers.dossier_ids(self.db, DossierQuery())
            assert sorted(db_ids) == sorted(self.model.dossiers)
            rows = dossiers.dossier_rows(self.db, db_ids)
            per_dossier: dict[int, int] = {}
            for m in self.model.notes.values():
                per_dossier[m.dossier_id] = per_dossier.get(m.dossier_id, 0) + 1
            for did, m in self.model.dossiers.items():
                row = rows[did]
                assert (row.title, row.status, row.document_count) == (
                    m.title,
                    m.status,
                    m.documents,
                )
                assert row.annotation_count == per_dossier.get(did, 0)
            full = self.full_due or steps[0] % 25 == 0
            for did in (
                set(self.model.dossiers) if full else self.touched & set(self.model.dossiers)
            ):
                self._check_detail(did)
            if full:
                self._check_notes()
            self.touched = set()
            self.full_due = False

        def _check_detail(self, did: int) -> None:
            detail = dossiers.get_dossier(self.db, did)
            m = self.model.dossiers[did]
            assert detail.summary == m.summary and detail.tags == m.tags
            assert {p.state.value: p.position.value for p in detail.positions} == m.positions

        def _check_notes(self) -> None:
            notes = {
                a.id: a
                for author in (ids["author0"], ids["author1"])
                for a in annotation.list_annotations(self.db, viewer_id=author)
            }
            assert set(notes) == set(self.model.notes)
            for nid, note in notes.items():
                m = self.model.notes[nid]
                assert (note.body, note.author_id, note.visibility, note.dossier_id) == (
                    m.body,
                    m.author_id,
                    m.visibility,
                    m.dossier_id,
                )

    def close_and_purge(self: Any, author: int) -> None:
        sid = ids["session1"]
        sessions.set_session_status(self.db, sid, SessionStatus.CLOSED)
        self.model.closed[sid] = True
        author_id = ids[f"author{author}"]
        n = purge_private_notes(self.db, sid, author_id)
        gone = [
            k
            for k, v in self.model.notes.items()
            if v.author_id == author_id
            and v.visibility == Visibility.PRIVATE
            and self.model.dossiers[v.dossier_id].session_id == sid
        ]
        assert n == len(gone)
        for k in gone:
            del self.model.notes[k]
        self._check_notes()

    Services.close_and_purge = close_and_purge  # type: ignore[attr-defined]

    while steps[0] < min_steps:
        run_state_machine_as_test(
            Services,
            settings=settings(
                max_examples=40,
                phases=PHASES,
                stateful_step_count=STEPS_PER_EXAMPLE,
                deadline=None,
                database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            ),
        )
    return steps[0], examples[0]


def main(min_steps: int) -> None:
    """Entry point of the second process (prints its figures as JSON)."""
    folder = Path(tempfile.mkdtemp(prefix="aes-stateful-", dir=_scratch_root()))
    try:
        steps, runs = run_machine(_build_template(folder), min_steps)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps({"steps": steps, "runs": runs}))


@pytest.mark.slow  # 10,000 steps over two processes
@pytest.mark.timeout(1800)  # as long as it waits for its second process
def test_services_match_the_model(template: tuple[Path, Model, dict[str, int]]) -> None:
    # Half of the steps run in a second process, so both cores of a CI machine work.
    half = MIN_STEPS // 2
    other = subprocess.Popen(
        [sys.executable, "-c", f"from {__name__} import main; main({MIN_STEPS - half})"],
        cwd=Path(__file__).resolve().parents[2],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        steps, runs = run_machine(template, half)
    finally:
        out, err = other.communicate(timeout=1800)
    assert other.returncode == 0, (out + err)[-6000:]
    theirs = json.loads(out.strip().splitlines()[-1])
    total = steps + int(theirs["steps"])
    print(
        f"stateful steps: {total} in {runs + int(theirs['runs'])} runs "
        f"(two processes), divergences: 0"
    )
    assert total >= MIN_STEPS
