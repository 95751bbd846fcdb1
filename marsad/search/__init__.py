"""Full-text search over the store: SQLite FTS5 over Arabic search keys (``keys``), kept in step
with the documents (``index``), queried with highlighted snippets (``query``)."""
