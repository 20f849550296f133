"""The journal: a durable local SQLite store of reflections (see store.py).

Importing this package loads nothing: the records every part shares live in
`belonging_cli.records`, so the engine and the report model never load sqlite3.
"""
