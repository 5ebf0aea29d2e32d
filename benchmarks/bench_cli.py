"""Wall time of `trygghetspris --version` and `export --format json` as whole processes,
on a data folder of 100 years × 200 nominations (20 000 nominations).

    .venv/bin/python benchmarks/bench_cli.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_archive import generate


def wall(args: list[str], env: dict[str, str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        start = time.perf_counter()
        generate(data, 100, 200)
        print(f"generated 100 × 200 nominations in {time.perf_counter() - start:.1f} s")
        env = dict(os.environ, TRYGGHETSPRIS_DATA_DIR=str(data))
        command = [sys.executable, "-m", "trygghetspris_desktop"]
        rows = [
            ("trygghetspris --version", wall([*command, "--version"], env, options.runs)),
            (
                "trygghetspris export --format json",
                wall([*command, "export", "--format", "json"], env, options.runs),
            ),
        ]
        size = len(subprocess.run([*command, "export"], env=env, capture_output=True).stdout)
    print(f"{'command':40} {'median':>8} {'min':>8} {'max':>8}   (s, {options.runs} runs)")
    for name, times in rows:
        print(f"{name:40} {statistics.median(times):8.3f} {min(times):8.3f} {max(times):8.3f}")
    print(f"export size: {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
