"""Helpers for benchmarks/bench_documents.py."""
