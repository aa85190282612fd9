"""Alembic migrations of the AES Dossiers schema (``render_as_batch`` for SQLite)."""
