"""Developer helper for schema changes (the application migrates by itself at start).

``python -m aes_desktop.core.migrate revision "what changes"`` compares the models with a fresh
database at head and writes a new revision under ``migrations/versions``;
``python -m aes_desktop.core.migrate check`` fails when the models and the migrations disagree.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from aes_desktop.core.db import alembic_config, open_database


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] not in {"revision", "check"}:
        print(__doc__)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "head.sqlite"
        open_database(db_path).close()
        cfg = alembic_config(f"sqlite+pysqlite:///{db_path}")
        if args[0] == "check":
            command.check(cfg)
        else:
            command.revision(cfg, message=" ".join(args[1:]) or "change", autogenerate=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
