"""Logging to a rotating file in the log folder (never imports Qt)."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _LogFile(logging.handlers.RotatingFileHandler):
    """The log file; when it cannot be written (a full disk, say), one line on stderr says
    so instead of logging's own traceback for every record."""

    _warned = False

    def handleError(self, record: logging.LogRecord) -> None:
        if self._warned:
            return
        self._warned = True
        error = sys.exc_info()[1]
        reason = getattr(error, "strerror", None) or error
        print(f"varning: loggen {self.baseFilename} kan inte skrivas ({reason}).", file=sys.stderr)


def setup_logging(log_file: Path, level: int = logging.INFO) -> None:
    """Send the program's log to ``log_file`` (1 MB x 5 files); safe to call twice."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in root.handlers:
        if getattr(handler, "baseFilename", None) == str(log_file):
            return
    handler = _LogFile(log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
