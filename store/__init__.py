"""The data side of factcheck-tui: ingest, text analysis, SQLite storage, review and export.

Nothing here imports Textual or the UI; the UI talks to :class:`store.api.Store`.
"""
