"""AES Dossiers: the Council of Ministers' dossiers of the Sahel States Confederation, offline."""

__version__ = "0.1.0"
