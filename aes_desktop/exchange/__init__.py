"""Qt-free importers (PDF, DOCX, text, Akoma Ntoso) and the dossier bundle format."""
