"""The common actions on PostgreSQL next to SQLite: open, save, switch year (medians).

    .venv/bin/python benchmarks/bench_engines.py [--years 15] [--per-year 200] [--runs 7]

The same made-up archive (suite/data.py) in a data folder's SQLite file and in a
database on a PostgreSQL server: ``$TRYGGHETSPRIS_TEST_POSTGRESQL`` when set, else a
throwaway cluster started here with pg_ctl (tests/postgres_server.py) on 127.0.0.1, so the
network is the loopback: a server across a real network adds its round trips on top.

Each timing runs in this process with an offscreen window and stops when the window has
painted the result (``repaint()`` after the view updated):

- open: open_context + the main window with its rows (the window's second phase, after
  the frame is shown; the first is the same on both engines);
- save: one nomination's note saved through the DataService, as the form does, until the
  table shows it;
- switch year: the year selector to another full year, until its table is painted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

from suite.data import generate  # noqa: E402

from tests.postgres_server import URL_ENV, start  # noqa: E402


def _server_url(folder: Path) -> tuple[str, object | None]:
    import psycopg

    cluster = None
    url = os.environ.get(URL_ENV)
    if not url:
        cluster = start(folder / "pg")
        os.environ["PGPASSFILE"] = str(cluster.passfile)
        url = cluster.url
    name = "trygghetspris_bench"
    with psycopg.connect(
        url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True
    ) as c:
        c.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        c.execute(f"CREATE DATABASE {name}")
    return url.rsplit("/", 1)[0] + f"/{name}", cluster


def _measure(data_dir: Path, url: str | None, runs: int) -> dict[str, float]:
    from trygghetspris_desktop.context import open_context
    from trygghetspris_desktop.core import nominations
    from trygghetspris_desktop.ui import services as topics
    from trygghetspris_desktop.ui.application import application
    from trygghetspris_desktop.ui.main_window import MainWindow
    from trygghetspris_desktop.ui.services import DataService

    app = application()
    opens, saves, switches = [], [], []
    for run in range(runs):
        start_at = time.perf_counter()
        context = open_context(data_dir, database_url=url)
        window = MainWindow(DataService(context))
        window.resize(1280, 800)
        window.show()
        window.select_year(2026)
        window.repaint()
        opens.append(time.perf_counter() - start_at)
        services = window.services
        assert services is not None
        rows = nominations.list_nominations(context.db, 2026)
        for step in range(5):
            target = rows[step]
            data = nominations.NominationInput(
                nominee_name=target.nominee_name,
                district=target.district,
                nominator_text=target.nominator_text,
                notes=f"Anteckning {run}-{step}",
            )
            start_at = time.perf_counter()
            services.write([topics.NOMINATIONS], nominations.update_nomination, target.id, data)
            app.processEvents()  # the change signal's refresh, then paint
            window.repaint()
            saves.append(time.perf_counter() - start_at)
        for step in range(6):
            start_at = time.perf_counter()
            window.select_year(2025 if step % 2 == 0 else 2026)
            window.repaint()
            switches.append(time.perf_counter() - start_at)
        window.close()
        window.deleteLater()
        app.processEvents()
        context.close()
    return {
        "open": statistics.median(opens),
        "save": statistics.median(saves),
        "switch year": statistics.median(switches),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=15)
    parser.add_argument("--per-year", type=int, default=200)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-engines-") as tmp:
        folder = Path(tmp)
        folder.chmod(0o755)
        url, cluster = _server_url(folder)
        try:
            generate(folder / "sqlite", args.years, args.per_year)
            os.environ["TRYGGHETSPRIS_DATABASE_URL"] = url
            generate(folder / "pg", args.years, args.per_year)
            del os.environ["TRYGGHETSPRIS_DATABASE_URL"]
            results = {
                "SQLite": _measure(folder / "sqlite", None, args.runs),
                "PostgreSQL": _measure(folder / "pg", url, args.runs),
            }
        finally:
            if cluster is not None:
                cluster.stop()  # type: ignore[attr-defined]
    print(f"{args.years} years × {args.per_year} nominations, medians of {args.runs} runs")
    print(f"{'action':<12} {'SQLite':>10} {'PostgreSQL':>12} {'ratio':>7}")
    for action in results["SQLite"]:
        lite, server = results["SQLite"][action], results["PostgreSQL"][action]
        print(f"{action:<12} {lite * 1000:>8.1f}ms {server * 1000:>10.1f}ms {server / lite:>6.2f}×")


if __name__ == "__main__":
    main()
