"""Use cases: domain rules and the actions the window and the commands call. Plain Python.

May import: db, domain (never Qt, ReportLab, documents, exchange or ui; checked by the
import-linter contracts in pyproject.toml). Never writes SQL strings of its own: storage
is db's.
"""
