"""The parts of ``benchmarks/run.py``: data sets, timing of processes and of the window,
documents, and the report table."""
