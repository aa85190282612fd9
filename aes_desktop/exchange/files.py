"""Writing exchange files (identities, valises, acknowledgements) all at once or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from aes_desktop.core.errors import ValidationError


def write_atomically(path: Path, data: bytes) -> Path:
    """Write next to the target, then rename: a failure never leaves half a file."""
    target = Path(path).expanduser().resolve()
    if not target.parent.is_dir():
        raise ValidationError(f"Le dossier « {target.parent} » n'existe pas.")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
