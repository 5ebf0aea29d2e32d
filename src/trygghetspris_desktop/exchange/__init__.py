"""Import/export (JSON, CSV), backup and restore, the first-run seed, safe file writing.

May import: core, db, domain (never Qt, documents or ui; checked by the import-linter
contracts in pyproject.toml).
"""
