"""The Qt user interface. Widgets talk to data only through :mod:`.services`.

May import: context, exchange, documents, core, domain, and Qt; never db, SQLAlchemy or
Alembic (the window gets what it needs from core or context). Checked by the import-linter
contracts in pyproject.toml.
"""
