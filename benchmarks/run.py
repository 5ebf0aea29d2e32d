"""What the user sees, at real size: one command, one table, ``N of M targets met``.

    .venv/bin/python benchmarks/run.py [--quick] [--only KEY,KEY...]

Generates (once, then cached in ``benchmarks/.cache/``) data folders of 15 × 200, 100 × 200
and 100 × 1 000 nominations with juries, criteria, scores and decisions (suite/data.py),
then measures each target of issue 13 as the user meets it:

- the window in a process of its own (suite/window_probe.py): from the process start, the
  key press or the click until the window has *painted* the result and the event loop has
  turned once more; a debounce is part of the time;
- the commands as whole processes, from their start to their exit (wall time, peak memory);
- comparisons (our window against a bare Qt window, 100 × 1 000 against 15 × 200, our
  documents against LibreOffice, ``--version`` against ``python -c pass``) interleaved
  round by round, each round giving one ratio.

Every row is measured several times; the table gives median, min and max, and the target
applies to the median. Progress goes to stderr, the table to stdout. ``--quick`` measures
every row fewer times (about two minutes); the whole run takes under ten minutes on two cores.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from suite import data, documents, processes
from suite.report import Row, table

MB = 1.048576  # MiB -> MB (the targets are in MB)


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


class Bench:
    """The run: its repeat counts, its scratch folder and its rows."""

    def __init__(self, quick: bool, work: Path) -> None:
        self.quick = quick
        self.work = work
        self.rows: dict[str, Row] = {}

    def times(self, full: int, quick: int) -> int:
        return quick if self.quick else full

    def row(self, key: str, what: str, unit: str, op: str, value: float, note: str = "") -> Row:
        self.rows[key] = Row(what, unit, (op, value), note=note)
        return self.rows[key]

    def copy(self, name: str, source: Path) -> Path:
        return data.working_copy(source, self.work / name)

    # ------------------------------------------------------------------ the window
    def startup(self) -> None:
        small = self.row(
            "startup",
            "start-up to a window with its rows, 15 × 200, vs a bare 3-tab window",
            "×",
            "<=",
            3,
        )
        large = self.row("startup-large", "start-up, 100 × 1 000, vs 15 × 200", "×", "<=", 1.5)
        folders = {
            "small": self.copy("startup-15x200", data.data_folder(15, 200)),
            "large": self.copy("startup-100x1000", data.data_folder(100, 1000)),
        }
        for folder in folders.values():  # the day's start-up backup, and a warm file cache
            processes.probe("startup", folder)
        processes.probe("bare", self.work)
        for _ in range(self.times(7, 3)):
            bare = processes.probe("bare", self.work).seconds
            ours = processes.probe("startup", folders["small"]).seconds
            big = processes.probe("startup", folders["large"]).seconds
            small.samples.append(ours / bare)
            large.samples.append(big / ours)
            log(f"  start-up: bare {bare:.3f} s, 15 × 200 {ours:.3f} s, 100 × 1 000 {big:.3f} s")

    def memory(self) -> None:
        row = self.row(
            "memory",
            "memory (peak), window on 100 × 1 000, History opened and searched",
            "MB",
            "<=",
            250,
        )
        folder = self.copy("memory", data.data_folder(100, 1000))
        for _ in range(self.times(3, 1)):
            result = processes.result(processes.probe("memory", folder))
            row.samples.append(float(result["peak_mib"]) * MB)  # type: ignore[arg-type]
            log(f"  memory: {result}")

    def window_samples(self, key: str, scenario: str, repeat: int) -> None:
        folder = self.copy(key, data.data_folder(100, 1000))
        result = processes.result(processes.probe(scenario, folder, repeat))
        samples = [float(s) for s in result["samples"]]  # type: ignore[attr-defined]
        cpu = [float(s) for s in result["cpu"]]  # type: ignore[attr-defined]
        row = self.rows[key]
        row.samples += samples
        row.cpu += cpu
        log(f"  {key}: {len(samples)} samples, max {max(samples):.1f} ms")

    def typing(self) -> None:
        self.row(
            "typing",
            "History: typing, per key press until painted, 100 × 1 000",
            "ms",
            "<=",
            16,
            note="five words typed letter by letter into History's search box",
        )
        self.window_samples("typing", "typing", self.times(2, 1))

    def year(self) -> None:
        self.row(
            "year",
            "Nominations: switching to a year of 1 000 nominations",
            "ms",
            "<=",
            50,
            note="↓/↑ in the year selector between two years of 1 000",
        )
        self.window_samples("year", "year", self.times(10, 4))

    def score(self) -> None:
        self.row(
            "score",
            "entering one score, ranking updated (10 finalists, year of 1 000)",
            "ms",
            "<=",
            16,
            note=(
                "a digit typed into a juror's cell, its editor painted; "
                "timed from Enter until painted"
            ),
        )
        self.row(
            "score-all",
            "the same with «Visa alla behöriga» (1 000 rows)",
            "ms",
            "<=",
            50,
        )
        self.window_samples("score", "score", self.times(15, 5))
        self.window_samples("score-all", "score-all", self.times(8, 3))

    # ------------------------------------------------------------------ commands
    def csv_import(self) -> None:
        seconds = self.row(
            "csv-import", "CSV import of 100 000 nominations, whole process", "s", "<=", 10
        )
        memory = self.row(
            "csv-memory", "CSV import of 100 000 nominations, peak memory", "MB", "<=", 400
        )
        source = data.nominations_csv(100, 1000)
        for number in range(self.times(3, 1)):
            folder = self.copy(f"csv-{number}", data.years_only_folder(100))
            run = processes.run([*processes.program(), "import", str(source), "--data-dir",
                                 str(folder)])  # fmt: skip
            seconds.samples.append(run.seconds)
            seconds.cpu.append(run.cpu_seconds)
            memory.samples.append(run.peak_mib * MB)
            log(f"  CSV import: {run.seconds:.1f} s, {run.peak_mib * MB:.0f} MB")

    def json(self) -> None:
        export = self.row("json-export", "JSON export, 100 × 1 000, whole process", "s", "<=", 3)
        imported = self.row(
            "json-import",
            "JSON import into an empty folder, 100 × 1 000, whole process",
            "s",
            "<=",
            10,
        )
        folder = self.copy("json-export", data.data_folder(100, 1000))
        out = self.work / "export.json"
        for _ in range(self.times(3, 1)):
            run = processes.run([*processes.program(), "export", "--format", "json", "-o",
                                 str(out), "--data-dir", str(folder)])  # fmt: skip
            export.samples.append(run.seconds)
            export.cpu.append(run.cpu_seconds)
            log(f"  JSON export: {run.seconds:.2f} s ({out.stat().st_size / 1e6:.0f} MB)")
        for number in range(self.times(3, 1)):
            target = self.work / f"json-import-{number}"
            run = processes.run([*processes.program(), "import", str(out), "--data-dir",
                                 str(target)])  # fmt: skip
            imported.samples.append(run.seconds)
            imported.cpu.append(run.cpu_seconds)
            log(f"  JSON import: {run.seconds:.1f} s, {run.peak_mib * MB:.0f} MB")

    def documents(self) -> None:
        rows = {
            "diploma": self.row(
                "diploma", "`diploma`, whole process, vs LibreOffice DOCX → PDF", "×", ">=", 5
            ),
            "press-release": self.row(
                "press-release", "`press-release`, whole process, vs LibreOffice", "×", ">=", 5
            ),
        }
        batch = self.row("batch", "100 diplomas in one process, each", "ms", "<=", 10)
        for _ in range(self.times(3, 1)):
            wall, cpu = documents.batch_process(100)
            batch.samples.append(wall)
            batch.cpu.append(cpu)
        log(f"  batch: {batch.samples}")
        if documents.soffice() is None:
            for row in rows.values():
                row.error = "LibreOffice not installed"
            return
        office = documents.LibreOffice(self.work / "libreoffice")
        folder = self.work / "documents-data"
        out = self.work / "documents-out"
        out.mkdir(exist_ok=True)
        for name in rows:  # the first run makes and seeds the data folder
            processes.run(documents.command(name, folder, out))
        for _ in range(self.times(5, 2)):
            for name, row in rows.items():
                ours = processes.run(documents.command(name, folder, out)).seconds
                theirs = office.convert(name)
                row.samples.append(theirs / ours)
                log(f"  {name}: ours {ours:.3f} s, LibreOffice {theirs:.3f} s")

    def version(self) -> None:
        row = self.row("version", "`trygghetspris --version` vs `python -c pass`", "×", "<=", 3)
        for _ in range(self.times(15, 5)):
            bare = processes.run([processes.PYTHON, "-c", "pass"]).seconds
            ours = processes.run([*processes.program(), "--version"]).seconds
            row.samples.append(ours / bare)


STEPS: dict[str, Callable[[Bench], None]] = {
    "startup": Bench.startup,
    "memory": Bench.memory,
    "typing": Bench.typing,
    "year": Bench.year,
    "score": Bench.score,
    "csv": Bench.csv_import,
    "json": Bench.json,
    "documents": Bench.documents,
    "version": Bench.version,
}


def compile_program() -> None:
    """Byte-compile the program's own modules first, as installing it does (pip compiles a
    package it installs). A checkout run with PYTHONDONTWRITEBYTECODE set (as some machines
    do) would otherwise compile every module from source in every timed process: about a
    fifth of a document command's instructions, none of which a user's program spends."""
    import compileall

    import trygghetspris_desktop

    package = Path(trygghetspris_desktop.__file__).resolve().parent
    if not compileall.compile_dir(str(package), quiet=1):
        raise SystemExit(f"could not byte-compile {package}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (about 2 minutes)")
    parser.add_argument("--only", default="", help=f"comma-separated steps: {', '.join(STEPS)}")
    options = parser.parse_args(argv)
    chosen = [s for s in options.only.split(",") if s] or list(STEPS)
    unknown = set(chosen) - set(STEPS)
    if unknown:
        parser.error(f"unknown steps: {', '.join(sorted(unknown))}")
    started = time.perf_counter()
    compile_program()
    log("data folders (cached in benchmarks/.cache/) ...")
    data.data_folder(15, 200)
    data.data_folder(100, 200)
    data.data_folder(100, 1000)
    with tempfile.TemporaryDirectory(prefix="trygghetspris-bench-") as tmp:
        bench = Bench(options.quick, Path(tmp))
        for name in chosen:
            log(f"{name} ...")
            step_started = time.perf_counter()
            try:
                STEPS[name](bench)
            except Exception as error:  # one broken step must not hide the others
                log(f"  {name} failed: {error}")
                for row in bench.rows.values():
                    if not row.samples and not row.error:
                        row.error = f"failed: {str(error).splitlines()[0][:60]}"
            log(f"  ({time.perf_counter() - step_started:.0f} s)")
        print(table(list(bench.rows.values())))
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    log(f"whole run: {time.perf_counter() - started:.0f} s ({data.stamp()}, load {load})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
