"""Generate a large data folder for benchmarks: N years × M nominations (default 100 × 200).

    .venv/bin/python benchmarks/generate_archive.py DIR [--years 100] [--per-year 200]

Made-up benchmark data, clearly so ("Testnominering …"); never use it as real history.
"""

from __future__ import annotations

import argparse
import random
from datetime import date
from pathlib import Path

from sqlalchemy import insert, select

from trygghetspris_desktop.context import open_context
from trygghetspris_desktop.db import models as m

WORDS = (
    "trygghet",
    "nattvandring",
    "samverkan",
    "skola",
    "park",
    "belysning",
    "grannsamverkan",
    "fritidsgård",
    "idrott",
    "förening",
    "polis",
    "socialtjänst",
    "stadsdel",
    "ungdomar",
    "äldre",
    "kvinnofrid",
    "brottsförebyggande",
    "mötesplats",
    "läxhjälp",
    "kultur",
    "bibliotek",
    "trafik",
    "torg",
    "tunnelbana",
    "förort",
    "gemenskap",
)
DISTRICTS = (
    "Bromma",
    "Farsta",
    "Kungsholmen",
    "Norrmalm",
    "Rinkeby-Kista",
    "Skärholmen",
    "Södermalm",
    "Östermalm",
    "Spånga-Tensta",
    "Hägersten-Älvsjö",
)


def generate(data_dir: Path, years: int = 100, per_year: int = 200, seed: int = 1) -> Path:
    rng = random.Random(seed)
    context = open_context(data_dir)
    db = context.db
    last = 2026
    with db.session() as session:
        session.info["os_user"] = "benchmark"
        existing = set(session.scalars(select(m.AwardYear.year)))
        year_rows = [
            {
                "year": y,
                "theme": f"Tema {rng.choice(WORDS)}",
                "ceremony_event": "",
                "status": "planning",
                "notes": "",
            }
            for y in range(last - years + 1, last + 1)
            if y not in existing
        ]
        session.execute(insert(m.AwardYear), year_rows)
        year_ids = dict(session.execute(select(m.AwardYear.year, m.AwardYear.id)).all())
        nominations = []
        for y in range(last - years + 1, last + 1):
            for n in range(per_year):
                text = " ".join(rng.choice(WORDS) for _ in range(40))
                nominations.append(
                    {
                        "year_id": year_ids[y],
                        "nominee_name": f"Testnominering {y}-{n} {rng.choice(WORDS)}",
                        "full_name": "",
                        "kind": "project",
                        "district": rng.choice(DISTRICTS),
                        "nominator_text": text,
                        "received_date": date(y, 9, 1 + n % 28),
                        "status": "received",
                        "status_reason": "",
                        "notes": "",
                    }
                )
        session.execute(insert(m.Nomination), nominations)
    context.close()
    return data_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--years", type=int, default=100)
    parser.add_argument("--per-year", type=int, default=200)
    args = parser.parse_args()
    generate(args.data_dir, args.years, args.per_year)
    print(f"generated {args.years} × {args.per_year} nominations in {args.data_dir}")


if __name__ == "__main__":
    main()
