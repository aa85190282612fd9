"""The one entry point that turns the bytes of a file into text blocks: :func:`extract`.

It never lets anything but an :class:`ImportFileError` out: a recognised defect of the file gets
its own French message; anything else (a bug of ours, a library's surprise) gets a generic one,
flagged ``unexpected`` with the traceback in ``detail``. It runs inside the extraction process
(:mod:`aes_desktop.exchange.sandbox`), which adds the time budget and survives crashes. It sits
above the importers, which share :mod:`aes_desktop.exchange.formats`.
"""

from __future__ import annotations

import traceback

from aes_desktop.exchange.formats import (
    Deadline,
    Extracted,
    FileKind,
    Progress,
    too_big_message,
    unreadable_message,
)
from aes_desktop.exchange.limits import DEFAULT_LIMITS, ImportFileError, Limits


def extract(
    kind: FileKind,
    data: bytes,
    filename: str,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
) -> Extracted:
    """The text of a file of ``kind``; raises only :class:`ImportFileError`."""
    report: Progress = progress or (lambda _fraction, _message: None)
    deadline = Deadline(limits.seconds_per_file, filename)
    try:
        if len(data) > limits.max_file_bytes:
            raise ImportFileError(too_big_message(filename, len(data), limits))
        if kind is FileKind.PDF:
            from aes_desktop.exchange.pdf_import import extract_pdf

            return extract_pdf(data, filename, limits, report, deadline)
        if kind is FileKind.DOCX:
            from aes_desktop.exchange.docx_import import extract_docx

            return extract_docx(data, filename, limits, report, deadline)
        from aes_desktop.exchange.text_import import extract_text

        return extract_text(kind, data, filename, limits)
    except ImportFileError:
        raise
    except MemoryError:
        raise ImportFileError(
            f"« {filename} » demande trop de mémoire pour être lu : le fichier est trop "
            "volumineux ou construit pour saturer la mémoire."
        ) from None
    except RecursionError:
        raise ImportFileError(unreadable_message(filename, kind)) from None
    except Exception as exc:
        raise ImportFileError(
            unreadable_message(filename, kind),
            detail="".join(traceback.format_exception(exc)),
            unexpected=True,
        ) from exc
