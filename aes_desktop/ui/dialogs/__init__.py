"""Dialogs: short, modal tasks (a new session from a template, ...)."""
