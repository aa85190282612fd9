"""Check that the UI writes only through the operation object or the undo stack.

A *writing service* is a function of the Qt-free layers that opens a write transaction itself
(``db.write()`` or ``unit_of_work(...)`` in its body) or calls one of the snapshot/restore
writers of :mod:`aes_desktop.core.backup`. In ``aes_desktop/ui`` a call to one is allowed only

- inside the job given to ``Operation(...)`` (a lambda or a function named in that call, or a
  function or lambda shaped like a job, ``def work(job: Job)`` or ``lambda _job: ...``, that a
  helper or a save queue hands to one), which runs it on the serialised database worker; or
- in the undo stack (``ui/undo.py``), whose commands replay short annotation ops.

A job given to ``Operation(..., database=False)`` runs on the parallel pool, not on the database
worker: a write there is reported too. A call that must stay outside (at start-up or exit, when
no worker runs) carries ``# write-path: <why>`` on its line. Anything else is reported with its
file and line. Model: qutebrowser's
``scripts/dev/misc_checks.py`` (a small script in the test command, not a habit). Run as a script
it prints the offending calls and exits with 1 when there is one; tests/test_structure.py runs it.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "aes_desktop"
SERVICE_DIRS = ("core", "exchange", "briefing")
ALLOWED_FILES = {"ui/undo.py"}
# The first parameter of a job (``Callable[[Job], T]``), the only thing an Operation calls.
JOB_PARAMETERS = ("job", "_job")


@dataclass(frozen=True)
class Offence:
    path: str
    line: int
    call: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.call}() writes outside the operation object"


def _opens_write(fn: ast.FunctionDef) -> bool:
    for node in ast.walk(fn):
        if isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Attribute) and f.attr == "write" and not node.args:
                return True
            if isinstance(f, ast.Name) and f.id == "unit_of_work":
                return True
    return False


def _called_names(
    fn: ast.FunctionDef, imported: dict[str, tuple[str, str]]
) -> set[tuple[str, str]]:
    """(module short name, function) pairs that ``fn`` calls, as far as names tell."""
    called: set[tuple[str, str]] = set()
    for node in ast.walk(fn):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        if isinstance(f, ast.Name):
            called.add(imported.get(f.id, ("", f.id)))
        elif isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name):
            called.add((f.value.id, f.attr))
    return called


def writing_services(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Module short name (``saved_searches``) -> its public functions that write, directly or
    through another writing function (``record_print`` -> ``audit.log`` -> ``db.write()``)."""
    functions: dict[tuple[str, str], set[tuple[str, str]]] = {}
    writers: set[tuple[str, str]] = set()
    for layer in SERVICE_DIRS:
        for path in sorted((package / layer).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            module = path.stem
            imported: dict[str, tuple[str, str]] = {}
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and node.module:
                    for alias in node.names:
                        key = alias.asname or alias.name
                        imported[key] = (node.module.rpartition(".")[2], alias.name)
            for node in tree.body:
                if isinstance(node, ast.FunctionDef):
                    calls = {
                        (module if owner == "" else owner, name)
                        for owner, name in _called_names(node, imported)
                    }
                    functions[(module, node.name)] = calls
                    if _opens_write(node):
                        writers.add((module, node.name))
    changed = True
    while changed:
        changed = False
        for key, calls in functions.items():
            if key not in writers and calls & writers:
                writers.add(key)
                changed = True
    found: dict[str, set[str]] = {}
    for module, name in writers:
        if not name.startswith("_"):
            found.setdefault(module, set()).add(name)
    return found


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return "?"


class _Scanner(ast.NodeVisitor):
    def __init__(self, writers: dict[str, set[str]], tree: ast.Module) -> None:
        self.writers = writers
        self.offences: list[tuple[int, str]] = []
        self._inside_job = 0
        self._off_worker = 0  # inside Operation(..., database=False): on the parallel pool
        # Names imported straight from a service module: ``from ...saved_searches import x``.
        self.direct: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                short = node.module.rpartition(".")[2]
                for alias in node.names:
                    if alias.name in writers.get(short, ()):
                        self.direct[alias.asname or alias.name] = f"{short}.{alias.name}"
        # Service modules under another name: ``import ... as service``, ``lazy_import("...")``.
        self.aliases: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if alias.asname and alias.name in writers:
                        self.aliases[alias.asname] = alias.name
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    short = alias.name.rpartition(".")[2]
                    if alias.asname and short in writers:
                        self.aliases[alias.asname] = short
            elif (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Call)
                and _dotted(node.value.func).endswith("lazy_import")
                and node.value.args
                and isinstance(node.value.args[0], ast.Constant)
            ):
                short = str(node.value.args[0].value).rpartition(".")[2]
                for target in node.targets:
                    if isinstance(target, ast.Name) and short in writers:
                        self.aliases[target.id] = short
        # Functions handed to Operation(...) by name: their bodies run on the worker.
        self.jobs: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _dotted(node.func).endswith("Operation"):
                for arg in [*node.args, *(k.value for k in node.keywords)]:
                    if isinstance(arg, ast.Name | ast.Attribute):
                        self.jobs.add(_dotted(arg).rpartition(".")[2])

    def _writer(self, call: ast.Call) -> str | None:
        f = call.func
        if isinstance(f, ast.Name):
            return self.direct.get(f.id)
        if isinstance(f, ast.Attribute):
            owner = _dotted(f.value).rpartition(".")[2]
            owner = self.aliases.get(owner, owner)
            if f.attr in self.writers.get(owner, ()):
                return f"{owner}.{f.attr}"
        return None

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        # A job for the worker: handed to Operation by name, or shaped like one (``(job: Job)``,
        # what the save queues hand to their Operation).
        first = node.args.args[0] if node.args.args else None
        shaped = first is not None and (
            first.arg in JOB_PARAMETERS
            or (first.annotation is not None and _dotted(first.annotation) == "Job")
        )
        job = node.name in self.jobs or shaped
        self._inside_job += job
        self.generic_visit(node)
        self._inside_job -= job

    def visit_Lambda(self, node: ast.Lambda) -> None:
        # ``lambda _job: service.write(...)``: the shape of a job, which only an Operation runs.
        first = node.args.args[0] if node.args.args else None
        job = first is not None and first.arg in JOB_PARAMETERS and not self._off_worker
        self._inside_job += job
        self.generic_visit(node)
        self._inside_job -= job

    def visit_Call(self, node: ast.Call) -> None:
        name = self._writer(node)
        if name is not None and not self._inside_job:
            self.offences.append((node.lineno, name))
        if _dotted(node.func).endswith("Operation"):
            off_worker = any(
                k.arg == "database" and isinstance(k.value, ast.Constant) and k.value.value is False
                for k in node.keywords
            )
            self.visit(node.func)
            saved = self._inside_job
            self._inside_job = 0 if off_worker else saved + 1
            self._off_worker += off_worker
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                self.visit(arg)
            self._off_worker -= off_worker
            self._inside_job = saved
            return
        self.generic_visit(node)


def offences(package: Path = PACKAGE) -> list[Offence]:
    writers = writing_services(package)
    found: list[Offence] = []
    for path in sorted((package / "ui").rglob("*.py")):
        relative = path.relative_to(package).as_posix()
        if relative in ALLOWED_FILES:
            continue
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        tree = ast.parse(text)
        scanner = _Scanner(writers, tree)
        scanner.visit(tree)
        found += [
            Offence(relative, line, call)
            for line, call in scanner.offences
            if "# write-path:" not in lines[line - 1]
        ]
    return found


def main() -> int:
    found = offences()
    for offence in found:
        print(offence)
    print(f"{len(found)} write(s) outside the operation object in aes_desktop/ui.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
