"""How fast is a diploma? Ours (ReportLab) against LibreOffice, side by side. Not a test.

Run from the repository root::

    .venv/bin/python benchmarks/bench_documents.py [--batch 100] [--runs 5]

(a) one diploma as a whole process, as a user or script gets it: the real command
    ``python -m trygghetspris_desktop diploma 2022 -o FILE --data-dir TMP`` when the CLI has
    it, else ``python -c`` rendering the 2022 test fixture;
(b) LibreOffice (``soffice --headless --convert-to pdf``) converting an equivalent DOCX,
    one process per document, as a mail-merge-and-convert workflow would;
(c) a batch of diplomas in one process (different names and organisations each time).

Targets: (a) at least 5x faster than (b); (c) at most 10 ms a diploma.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "documents"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from documents.docx import write_diploma_docx  # noqa: E402
from igor import igor_2022_record  # noqa: E402

PYTHON = sys.executable


def _time_command(command: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    """Median wall time of ``runs`` runs (after one warm-up run), in seconds."""
    subprocess.run(command, check=True, capture_output=True, env=env, timeout=300)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env, timeout=300)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _cli_available() -> bool:
    probe = [PYTHON, "-m", "trygghetspris_desktop", "diploma", "--help"]
    try:
        return subprocess.run(probe, capture_output=True, timeout=60).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def bench_processes(work: Path, runs: int) -> list[tuple[str, float]]:
    """The real CLI command when it exists, and always a bare renderer process beside it."""
    results = []
    if _cli_available():
        command = [
            PYTHON,
            "-m",
            "trygghetspris_desktop",
            "diploma",
            "2022",
            "-o",
            str(work / "cli.pdf"),
            "--data-dir",
            str(work / "data"),
        ]
        label = "ours, CLI process (python -m trygghetspris_desktop diploma)"
        results.append((label, _time_command(command, runs)))
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT / 'tests' / 'documents')!r});"
        "from igor import igor_2022_record;"
        "from trygghetspris_desktop.documents import render_diploma;"
        f"open({str(work / 'bare.pdf')!r}, 'wb').write(render_diploma(igor_2022_record()))"
    )
    label = "ours, renderer-only process (python -c, no database)"
    results.append((label, _time_command([PYTHON, "-c", code], runs)))
    return results


def bench_libreoffice(work: Path, runs: int) -> float | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    docx = work / "diploma.docx"
    write_diploma_docx(igor_2022_record(), docx)
    profile = (work / "lo-profile").as_uri()
    command = [
        soffice,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(work / "lo"),
        str(docx),
    ]
    env = dict(os.environ, HOME=str(work))
    seconds = _time_command(command, runs, env)
    if not (work / "lo" / "diploma.pdf").is_file():
        raise RuntimeError("LibreOffice produced no PDF")
    return seconds


def bench_batch(count: int) -> tuple[float, float, float]:
    """(first diploma incl. font loading, wall and CPU mean of the rest) in milliseconds.

    CPU time is shown too because wall time on a shared two-core machine swings with load.
    """
    from trygghetspris_desktop.documents import render_diploma

    base = igor_2022_record()
    districts = ("Södermalm", "Rinkeby-Kista", "Skärholmen", "Östermalm", "Hässelby-Vällingby")
    records = [
        dataclasses.replace(
            base,
            winners=(
                dataclasses.replace(
                    base.winners[0],
                    name=f"Trygghetsprojektet nr {i} i {districts[i % len(districts)]}",
                    organisations=(
                        f"{districts[i % len(districts)]}s stadsdelsförvaltning",
                        "Polisen",
                    ),
                ),
            ),
        )
        for i in range(count + 1)
    ]
    start = time.perf_counter()
    render_diploma(records[0])
    first = (time.perf_counter() - start) * 1000
    start, cpu = time.perf_counter(), time.process_time()
    for record in records[1:]:
        render_diploma(record)
    per = (time.perf_counter() - start) * 1000 / count
    per_cpu = (time.process_time() - cpu) * 1000 / count
    return first, per, per_cpu


def _accelerated() -> bool:
    try:
        import _rl_accel  # noqa: F401  (the C half of ReportLab's rl_accel, package rl-accel)
    except ImportError:
        return False
    return True


def bench_batch_without_accelerator(count: int) -> tuple[float, float, float]:
    """The batch again in a child process that hides ReportLab's C accelerator."""
    code = (
        "import sys, json; sys.modules['_rl_accel'] = None;"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parent)!r});"
        "import bench_documents as b;"
        f"print(json.dumps(b.bench_batch({count})))"
    )
    result = subprocess.run([PYTHON, "-c", code], check=True, capture_output=True, text=True)
    first, per, per_cpu = json.loads(result.stdout.strip().splitlines()[-1])
    return first, per, per_cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    accel = _accelerated()
    with tempfile.TemporaryDirectory(prefix="bench-documents-") as tmp:
        work = Path(tmp)
        processes = bench_processes(work, args.runs)
        office = bench_libreoffice(work, max(3, args.runs // 2))
        first, per, per_cpu = bench_batch(args.batch)
        plain = bench_batch_without_accelerator(args.batch) if accel else None
    rows = [(label, f"{seconds:.3f} s/doc") for label, seconds in processes]
    if office is not None:
        rows.append(("LibreOffice, soffice --convert-to pdf (DOCX)", f"{office:.3f} s/doc"))
    rows.append((f"ours, batch of {args.batch} in one process", f"{per:.1f} ms/diploma"))
    rows.append((f"ours, batch of {args.batch}, CPU time", f"{per_cpu:.1f} ms/diploma"))
    rows.append(("ours, first diploma in a process (fonts load)", f"{first:.1f} ms"))
    if plain is not None:
        rows.append(("ours, batch without the rl-accel C extension", f"{plain[1]:.1f} ms/diploma"))
        rows.append(("ours, batch without rl-accel, CPU time", f"{plain[2]:.1f} ms/diploma"))
    width = max(len(r[0]) for r in rows)
    print(f"{'what':<{width}}  time")
    print(f"{'-' * width}  {'-' * 16}")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    print()
    if office is not None:
        for label, seconds in processes:
            verdict = "met" if office / seconds >= 5 else "NOT met"
            print(f"{label}: {office / seconds:.1f}x LibreOffice's speed (target >= 5x: {verdict})")
    else:
        print("LibreOffice not installed (apt-get install libreoffice-writer-nogui)")
    verdict = "met" if per <= 10 else "NOT met"
    print(f"batch: {per:.1f} ms/diploma (target <= 10 ms: {verdict}); rl-accel in use: {accel}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
