"""The schema revision this program writes, in a module that imports nothing.

Kept apart from :mod:`db.migrate` (SQLAlchemy, Alembic) so that a headless command can
tell a database at the current schema with the standard library alone.
"""

from __future__ import annotations

# The newest revision in migrations/versions; a test keeps it equal to Alembic's head.
SCHEMA_HEAD = "0008"
