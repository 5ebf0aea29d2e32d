"""Helpers for the document rows of benchmarks/run.py: DOCX files for LibreOffice."""
