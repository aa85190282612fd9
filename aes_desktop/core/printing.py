"""The system's print service (CUPS), Qt-free: printers, their options, and PDF jobs.

The finished PDF itself goes to the spooler with ``lp`` (never page images): CUPS converts it
for the printer, so the job keeps the pack's text and fonts and stays close to the file's size.
Printers, the default and the options come from CUPS (``lpstat``, ``lpoptions``). The command
line tools are used rather than a binding: they ship with every CUPS (Linux and macOS) and need
no compiled module. Where they are missing (Windows), :func:`available` is false and the UI
offers Qt's raster printing instead, labelled as such.

The commands run with ``LC_ALL=C`` so their output can be parsed; what reaches the user is a
French sentence (:class:`PrintingError`).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from aes_desktop.core.errors import AesError
from aes_desktop.core.jobs import Job

COMMAND_TIMEOUT_S = 20.0
MAX_COPIES = 999
_REQUEST_ID = re.compile(r"request id is (\S+)")
# "Resolution/Output Resolution: 150dpi *300dpi 600dpi"
_OPTION_LINE = re.compile(r"^([^/:\s]+)/([^:]*):\s*(.*)$")


class PrintingError(AesError):
    """The print service refused, or cannot be reached."""

    exit_code = 13


@dataclass(frozen=True)
class Printer:
    name: str
    is_default: bool


@dataclass(frozen=True)
class PrinterOption:
    """One option of a printer's driver (``lpoptions -l``): keyword, label, choices, default."""

    keyword: str
    label: str
    choices: tuple[str, ...]
    default: str


@dataclass(frozen=True)
class PrintJob:
    job_id: str
    printer: str
    title: str
    copies: int
    bytes: int


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise PrintingError(
            "Le service d'impression du système (CUPS) n'est pas installé sur ce poste : "
            "imprimez par Qt ou exportez le PDF."
        )
    return path


def available() -> bool:
    """True when the CUPS command line tools are present."""
    return all(shutil.which(t) for t in ("lp", "lpstat", "cancel"))


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["LC_ALL"] = "C"
    env["LANG"] = "C"
    return env


def _french(stderr: str, printer: str = "") -> str:
    """A French sentence for what CUPS said (in English, with LC_ALL=C)."""
    low = stderr.lower()
    who = f"« {printer} »" if printer else "demandée"
    if "does not exist" in low or "unknown printer" in low or "not found" in low:
        return f"L'imprimante {who} n'existe pas (ou plus) dans le service d'impression."
    if "unable to connect" in low or "scheduler is not running" in low or "bad file" in low:
        return (
            "Le service d'impression (CUPS) ne répond pas : vérifiez qu'il est démarré, "
            "puis réessayez."
        )
    if "not accepting" in low:
        return f"L'imprimante {who} n'accepte pas de travaux pour le moment."
    if "forbidden" in low or "not authorized" in low or "authentication" in low:
        return f"Le service d'impression refuse ce travail pour l'imprimante {who} (droits)."
    if "no default destination" in low:
        return "Aucune imprimante par défaut n'est définie : choisissez une imprimante."
    detail = " ".join(stderr.split())[:300]
    return f"Le service d'impression a refusé le travail : {detail or 'erreur inconnue'}."


def _run(args: Sequence[str], printer: str = "") -> str:
    try:
        done = subprocess.run(
            list(args),
            capture_output=True,
            text=True,
            env=_env(),
            timeout=COMMAND_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise PrintingError(
            "Le service d'impression (CUPS) ne répond pas dans les délais : réessayez."
        ) from exc
    except OSError as exc:
        raise PrintingError(f"Impossible de lancer « {args[0]} » : {exc.strerror}.") from exc
    if done.returncode != 0:
        raise PrintingError(_french(done.stderr or done.stdout, printer))
    return done.stdout


def list_printers() -> list[Printer]:
    """The print queues CUPS knows, the default one flagged; empty when there are none."""
    lpstat = _tool("lpstat")
    try:
        names = [n.strip() for n in _run([lpstat, "-e"]).splitlines() if n.strip()]
    except PrintingError as exc:
        if "no destinations" in exc.message.lower():
            return []
        raise
    default = default_printer()
    return [Printer(n, n == default) for n in names]


def default_printer() -> str | None:
    """The default queue (``lpstat -d``), or None."""
    lpstat = _tool("lpstat")
    try:
        out = _run([lpstat, "-d"])
    except PrintingError:
        return None
    match = re.search(r"destination:\s*(\S+)", out)
    return match.group(1) if match else None


def printer_options(printer: str) -> list[PrinterOption]:
    """The driver options of ``printer`` (``lpoptions -p P -l``), the default of each marked."""
    lpoptions = _tool("lpoptions")
    out = _run([lpoptions, "-p", printer, "-l"], printer)
    options: list[PrinterOption] = []
    for line in out.splitlines():
        match = _OPTION_LINE.match(line.strip())
        if match is None:
            continue
        keyword, label, rest = match.groups()
        choices: list[str] = []
        default = ""
        for word in rest.split():
            choice = word.removeprefix("*")
            if choice != word:
                default = choice
            choices.append(choice)
        options.append(PrinterOption(keyword, label.strip() or keyword, tuple(choices), default))
    return options


def submit_pdf(
    pdf: Path | str,
    printer: str,
    *,
    title: str,
    copies: int = 1,
    options: Mapping[str, str] | None = None,
    job: Job | None = None,
) -> PrintJob:
    """Hand the PDF file to the queue ``printer`` and return the job CUPS accepted.

    ``lp`` copies the file into the spool, so ``pdf`` may be removed once this returns. A
    cancel while ``lp`` runs stops it; a cancel after CUPS accepted the job cancels the job.
    """
    if not 1 <= copies <= MAX_COPIES:
        raise PrintingError(f"Le nombre d'exemplaires doit être compris entre 1 et {MAX_COPIES}.")
    if not printer:
        raise PrintingError("Choisissez une imprimante.")
    lp = _tool("lp")
    path = Path(pdf)
    args = [lp, "-d", printer, "-t", title[:255] or path.name, "-n", str(copies)]
    args += ["-o", "document-format=application/pdf"]
    for key, value in (options or {}).items():
        args += ["-o", f"{key}={value}"]
    args += ["--", str(path)]
    if job is not None:
        job.check()
    process = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env()
    )
    deadline = time.monotonic() + COMMAND_TIMEOUT_S
    try:
        while True:
            try:
                out, err = process.communicate(timeout=0.05)
                break
            except subprocess.TimeoutExpired:
                if job is not None and job.cancelled:
                    process.kill()
                    process.communicate()
                    job.check()
                if time.monotonic() > deadline:
                    process.kill()
                    process.communicate()
                    raise PrintingError(
                        "Le service d'impression (CUPS) ne répond pas dans les délais : réessayez."
                    ) from None
    except BaseException:
        if process.poll() is None:
            process.kill()
        raise
    if process.returncode != 0:
        raise PrintingError(_french(err or out, printer))
    match = _REQUEST_ID.search(out)
    if match is None:
        raise PrintingError(_french(out + err, printer))
    accepted = PrintJob(match.group(1), printer, title, copies, path.stat().st_size)
    if job is not None and job.cancelled:
        cancel_job(accepted.job_id)
        job.check()
    return accepted


def cancel_job(job_id: str) -> None:
    """Cancel a job CUPS has accepted (nothing when it is already done)."""
    # Finished or purged already: there is nothing left to cancel.
    with contextlib.suppress(PrintingError):
        _run([_tool("cancel"), job_id])


def job_completed(job_id: str, printer: str) -> bool:
    """True once CUPS lists ``job_id`` among the completed jobs of ``printer``."""
    out = _run([_tool("lpstat"), "-W", "completed", "-o", printer], printer)
    return any(line.split()[:1] == [job_id] for line in out.splitlines())
