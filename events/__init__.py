"""events: rule-based CAMEO event coding of Indonesian and English news, with linked-data output."""

__version__ = "0.1.0"
