"""Whole processes, timed from their start: wall time, peak memory, a marker line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

PYTHON = sys.executable
PROBE = Path(__file__).resolve().parent / "window_probe.py"


def program() -> list[str]:
    """The ``trygghetspris`` command of this Python's environment (as a user runs it)."""
    script = Path(PYTHON).parent / "trygghetspris"
    if script.exists():
        return [str(script)]
    found = shutil.which("trygghetspris")
    return [found] if found else [PYTHON, "-m", "trygghetspris_desktop"]


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "TRYGGHETSPRIS_DATA_DIR"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


@dataclass
class Run:
    seconds: float  # from the start to the marker line, or to the exit without one
    peak_mib: float  # the process's peak resident memory
    output: str  # stdout
    cpu_seconds: float = 0.0  # user + system CPU time of the whole process


def run(
    args: list[str],
    *,
    marker: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 600,
    check: bool = True,
) -> Run:
    """Run ``args``; the clock stops at the line ``marker`` (else at the exit)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        args,
        env=env or environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    lines = []
    seconds = None
    for line in process.stdout:
        if marker is not None and seconds is None and line.strip() == marker:
            seconds = time.perf_counter() - started
        lines.append(line)
    _pid, status, usage = os.wait4(process.pid, 0)
    ended = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read() if process.stderr else ""
    if check and (process.returncode != 0 or (marker is not None and seconds is None)):
        raise RuntimeError(
            f"{' '.join(args)} exited {process.returncode}:\n{''.join(lines)[-2000:]}"
            f"\n{errors[-3000:]}"
        )
    if ended > timeout:
        raise RuntimeError(f"{' '.join(args)} took {ended:.0f} s")
    return Run(
        seconds if seconds is not None else ended,
        usage.ru_maxrss / 1024,
        "".join(lines),
        usage.ru_utime + usage.ru_stime,
    )


def probe(scenario: str, data_dir: Path, repeat: int = 1) -> Run:
    """The window probe (window_probe.py) on ``data_dir``."""
    args = [PYTHON, str(PROBE), scenario, "--data-dir", str(data_dir), "--repeat", str(repeat)]
    return run(args, marker="READY")


def result(run_: Run) -> dict[str, object]:
    """The probe's RESULT line."""
    import json

    for line in run_.output.splitlines():
        if line.startswith("RESULT "):
            value: dict[str, object] = json.loads(line[len("RESULT ") :])
            return value
    raise RuntimeError("the probe printed no RESULT:\n" + run_.output[-2000:])
