"""A developer's window on one document: the reader (or the comparison) alone, on a database.

Outside the package on purpose: the reader widget must not import the application module.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QWidget


def main(argv: list[str] | None = None) -> int:
    """``python -m tests.tools.show_reader --db FILE --document ID``: look at a document."""
    parser = argparse.ArgumentParser(prog="python -m tests.tools.show_reader")
    parser.add_argument("--db", required=True, help="base de données (fichier SQLite)")
    parser.add_argument("--document", type=int, required=True, help="identifiant du document")
    parser.add_argument("--version", type=int, help="identifiant de la version (défaut : actuelle)")
    parser.add_argument(
        "--compare", action="store_true", help="comparer les deux dernières versions"
    )
    args = parser.parse_args(argv)

    from PySide6.QtCore import QSettings

    from aes_desktop.core.db import open_database
    from aes_desktop.ui.app import configure_application, create_application

    app = create_application()
    configure_application(app, QSettings(), None)
    db = open_database(args.db)
    try:
        widget: QWidget
        if args.compare:
            from aes_desktop.ui.widgets.compare import CompareWidget

            widget = CompareWidget(db)
            widget.show_document(args.document)
        else:
            from aes_desktop.ui.widgets.reader import ReaderWidget

            reader = ReaderWidget(db)
            if args.version:
                reader.show_version(args.version)
            else:
                reader.show_document(args.document)
            widget = reader
        widget.resize(1200, 800)
        widget.show()
        return app.exec()
    finally:
        db.close()


if __name__ == "__main__":
    sys.exit(main())
