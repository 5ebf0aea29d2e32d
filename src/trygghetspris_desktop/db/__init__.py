"""Storage: SQLAlchemy 2 typed ORM models, the engine, Alembic migrations. Never imports Qt."""
