"""Storage: SQLAlchemy 2 typed ORM models, the engine, Alembic migrations.

May import: domain only (never core, Qt or documents; checked by the import-linter
contracts in pyproject.toml).

Three modules use the standard library's sqlite3 alone, so that a headless document
command starts without SQLAlchemy: ``schema_version`` (the schema head), ``sqlite_direct``
(a read-only open of an up-to-date file) and ``record_query`` (a year's award record in
plain SQL, the one implementation the window uses too).
"""
