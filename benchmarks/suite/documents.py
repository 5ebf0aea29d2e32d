"""Documents: our commands against LibreOffice converting the same document, and a batch.

LibreOffice (``soffice --headless --convert-to pdf``, one process per document, as a
mail-merge-and-convert workflow runs it) converts a DOCX of the same content: the diploma
from ``documents/docx.py`` and the press release from the same blocks our PDF is set from.
Install it with ``apt-get install libreoffice-writer-nogui``; without it these rows say so.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import sys
import time
from pathlib import Path

from suite import processes

BENCHMARKS = Path(__file__).resolve().parent.parent
ROOT = BENCHMARKS.parent


def _record():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "tests" / "documents"))
    from igor import igor_2022_record

    return igor_2022_record()


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


class LibreOffice:
    """Converts one DOCX per call, with its own profile (warmed up once)."""

    def __init__(self, work: Path) -> None:
        from documents.docx import write_diploma_docx, write_press_release_docx

        self.work = work
        work.mkdir(parents=True, exist_ok=True)
        record = _record()
        self.files = {
            "diploma": write_diploma_docx(record, work / "diplom.docx"),
            "press-release": write_press_release_docx(record, work / "pressmeddelande.docx"),
        }
        self.env = processes.environment(HOME=str(work))
        for name in self.files:
            self.convert(name)  # the first run makes the profile

    def convert(self, name: str) -> float:
        binary = soffice()
        assert binary is not None
        source = self.files[name]
        args = [
            binary,
            f"-env:UserInstallation={(self.work / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(self.work / "out"),
            str(source),
        ]
        seconds = processes.run(args, env=self.env).seconds
        if not (self.work / "out" / f"{source.stem}.pdf").is_file():
            raise RuntimeError("LibreOffice made no PDF")
        return seconds


def command(name: str, data_dir: Path, out: Path) -> list[str]:
    """Our command for the 2022 document of ``data_dir``."""
    suffix = "pdf"
    return [*processes.program(), name, "2022", "-o", str(out / f"{name}.{suffix}"),
            "--data-dir", str(data_dir)]  # fmt: skip


def batch(count: int) -> tuple[float, float]:
    """Milliseconds per diploma over ``count`` diplomas in this process (after a first one):
    wall time and CPU time."""
    from trygghetspris_desktop.documents import render_diploma

    base = _record()
    districts = ("Södermalm", "Rinkeby-Kista", "Skärholmen", "Östermalm", "Hässelby-Vällingby")
    records = [
        dataclasses.replace(
            base,
            winners=(
                dataclasses.replace(
                    base.winners[0],
                    name=f"Trygghetsprojektet nr {i} i {districts[i % len(districts)]}",
                    organisations=(f"{districts[i % len(districts)]}s stadsdelsförvaltning",),
                ),
            ),
        )
        for i in range(count + 1)
    ]
    render_diploma(records[0])  # fonts load once per process
    started, cpu = time.perf_counter(), time.process_time()
    for record in records[1:]:
        render_diploma(record)
    wall = (time.perf_counter() - started) * 1000 / count
    return wall, (time.process_time() - cpu) * 1000 / count


def batch_process(count: int) -> tuple[float, float]:
    """:func:`batch` in a fresh process."""
    code = (
        f"import sys, json; sys.path.insert(0, {str(BENCHMARKS)!r});"
        f"from suite import documents; print(json.dumps(documents.batch({count})))"
    )
    output = processes.run([processes.PYTHON, "-c", code]).output
    wall, cpu = json.loads(output.strip().splitlines()[-1])
    return float(wall), float(cpu)
