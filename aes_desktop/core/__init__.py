"""Qt-free core of AES Dossiers: models, database, migrations, services and search.

Nothing here imports PySide6 or the other layers; an import-linter contract run by the test
command enforces it.
"""
