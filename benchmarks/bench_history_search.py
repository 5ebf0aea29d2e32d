"""Benchmark (not a test): search as you type over 100 000 nominations.

Builds a temporary database with the years 1927..2026 (1 000 nominations a year, with
organisations, a jury, a decision and quotes every year), inserted in bulk through
SQLAlchemy core, then:

1. times ``core.search.build_index``;
2. types words letter by letter ("t", "tr", "try", …) and a few other queries, timing
   ``SearchIndex.search`` per keystroke (median and max over the keystrokes);
3. times the whole per-keystroke UI path: the History tab's search box → index search →
   ``SearchModel.set_rows`` → the sorting proxy (offscreen Qt, no painting).

Target: ≤ 16 ms per keystroke (one frame at 60 Hz). Run::

    .venv/bin/python benchmarks/bench_history_search.py [--per-year 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert

from trygghetspris_desktop.core.search import (
    SearchIndex,
    build_index,
)
from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.migrate import migrate
from trygghetspris_desktop.domain.enums import JuryRole, NominationKind, NominationStatus

FIRST_YEAR, LAST_YEAR = 1927, 2026
TYPED_WORDS = ("trygghet", "nattvandrare", "södermalm", "relationsvåld", "kvinnofrid")
OTHER_QUERIES = ("igor", "rinkeby trygg", "ungdomar fritid", "xyzzy", "e", "ojanne")

_WORD_TEXT = (
    "trygghet trygga tryggare trygghetsvandring nattvandrare nattvandring grannsamverkan "
    "ungdomar unga fritid fritidsgård idrott fotboll kvällsfotboll skola skolan "
    "föräldrar föräldravandring polisen polis samverkan stadsdelsförvaltning "
    "bostadsbolag fastighetsägare hyresgäster belysning ljus park parken torg torget "
    "tunnelbana station centrum förorten området kvarteret gården gårdar våld "
    "relationsvåld kvinnofrid brott brottsoffer brottsförebyggande förebygga uppsökande "
    "stöd hjälp socialtjänsten fältassistenter mentorer volontärer ideella föreningen "
    "förening kyrkan moskén biblioteket kultur musik dans konst festival sommar vinter "
    "höst vår arbetet projektet verksamheten insatsen metoden nytänkande nyskapande "
    "engagemang långsiktigt hållbart tillsammans gemensamt dialog möten medborgare "
    "boende invånare äldre barn familjer kvinnor män flickor pojkar nyanlända språk "
    "läxhjälp jobb sommarjobb praktik utbildning kurser trafik cykel gångväg belysta "
    "säkra säkerhet klotter skadegörelse nedskräpning städning städdag blommor odling "
    "stadsodling"
)
WORDS = tuple(_WORD_TEXT.split())
DISTRICTS = (
    "Rinkeby-Kista",
    "Spånga-Tensta",
    "Hässelby-Vällingby",
    "Bromma",
    "Kungsholmen",
    "Norrmalm",
    "Östermalm",
    "Södermalm",
    "Enskede-Årsta-Vantör",
    "Skarpnäck",
    "Farsta",
    "Älvsjö",
    "Hägersten-Älvsjö",
    "Skärholmen",
)
ORGANISATIONS = (
    "Polisen",
    "Stockholmshem",
    "Familjebostäder",
    "Svenska Bostäder",
    "Fryshuset",
    "Röda Korset",
    "Nattvandrarna",
    "Stadsmissionen",
    "Brandkåren",
    "Fältgruppen",
    "Idrottsföreningen",
    "Hyresgästföreningen",
)
FIRST = ("Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Eva", "Mats", "Sara", "Ali")
LAST = ("Andersson", "Lindqvist", "Öberg", "Nyström", "Åkesson", "Berg", "Holm", "Yilmaz")


def _text(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))


def make_database(path: Path, per_year: int, seed: int = 2012) -> Database:
    """A migrated database with ``per_year`` nominations for every year 1927..2026."""
    rng = random.Random(seed)
    db = Database.for_file(path)
    migrate(db)
    with db.session() as session:
        session.add(
            m.PrizeSettings(
                prize_name="Stockholms stads trygghetspris",
                organiser="Stockholms stad",
                first_year=FIRST_YEAR,
                default_prize_amount=50000,
                place="Stockholm",
            )
        )
        session.execute(
            insert(m.AwardYear.__table__),
            [
                {"id": n, "year": year, "theme": _text(rng, 2, 4).capitalize(), "notes": ""}
                for n, year in enumerate(range(FIRST_YEAR, LAST_YEAR + 1), start=1)
            ],
        )
        years = LAST_YEAR - FIRST_YEAR + 1
        nominations, organisations = [], []
        for year_id in range(1, years + 1):
            for _ in range(per_year):
                number = len(nominations) + 1
                nominations.append(
                    {
                        "id": number,
                        "year_id": year_id,
                        "nominee_name": f"{rng.choice(WORDS).capitalize()} "
                        f"{rng.choice(WORDS)} {number}",
                        "full_name": "",
                        "kind": rng.choice(list(NominationKind)),
                        "district": rng.choice(DISTRICTS),
                        "nominator_text": _text(rng, 15, 45).capitalize() + ".",
                        "status": NominationStatus.RECEIVED,
                        "status_reason": "",
                        "notes": "",
                    }
                )
                for position, name in enumerate(rng.sample(ORGANISATIONS, rng.randint(1, 2))):
                    organisations.append(
                        {"nomination_id": number, "name": name, "position": position}
                    )
        session.execute(insert(m.Nomination.__table__), nominations)
        session.execute(insert(m.NominationOrganisation.__table__), organisations)
        people = [
            {"id": n, "name": f"{first} {last}"}
            for n, (first, last) in enumerate(((f, la) for f in FIRST for la in LAST), start=1)
        ]
        session.execute(insert(m.Person.__table__), people)
        session.execute(
            insert(m.JuryMembership.__table__),
            [
                {
                    "year_id": year_id,
                    "person_id": person["id"],
                    "role": JuryRole.CHAIR if position == 0 else JuryRole.MEMBER,
                    "title": _text(rng, 1, 3),
                    "position": position,
                }
                for year_id in range(1, years + 1)
                for position, person in enumerate(rng.sample(people, 5))
            ],
        )
        session.execute(
            insert(m.Decision.__table__),
            [
                {"year_id": year_id, "motivation": _text(rng, 60, 120).capitalize() + "."}
                for year_id in range(1, years + 1)
            ],
        )
        session.execute(
            insert(m.Quote.__table__),
            [
                {
                    "year_id": year_id,
                    "speaker_name": rng.choice(people)["name"],
                    "speaker_title": _text(rng, 1, 3),
                    "text": _text(rng, 30, 70).capitalize() + ".",
                    "position": position,
                }
                for year_id in range(1, years + 1)
                for position in range(2)
            ],
        )
    return db


# --------------------------------------------------------------------- timing
def keystrokes(word: str) -> list[str]:
    return [word[:n] for n in range(1, len(word) + 1)]


@dataclass
class Timing:
    label: str
    samples_ms: list[float]

    def line(self) -> str:
        return (
            f"{self.label:<38} median {statistics.median(self.samples_ms):7.2f} ms   "
            f"max {max(self.samples_ms):7.2f} ms   ({len(self.samples_ms)} keystrokes)"
        )


def time_core(
    index: SearchIndex, queries: list[str], repeat: int, label: str
) -> tuple[Timing, dict]:
    samples, totals, times = [], {}, repeat
    for query in queries:
        best = float("inf")
        for _ in range(times):
            start = time.perf_counter()
            _hits, total = index.search(query, 500)
            best = min(best, (time.perf_counter() - start) * 1000)
        samples.append(best)
        totals[query] = (total, best)
    return Timing(label, samples), totals


def time_ui(
    db: Database, index: SearchIndex, queries: list[str], repeat: int, label: str
) -> Timing:
    """The History tab's own slot, run as the search box's textChanged would run it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from trygghetspris_desktop.ui.services import DataService
    from trygghetspris_desktop.ui.tabs.history_tab import HistoryTab

    app = QApplication.instance() or QApplication([])

    class _Context:  # DataService only needs .db for reads
        def __init__(self, database: Database) -> None:
            self.db = database

    tab = HistoryTab(DataService(_Context(db)))  # type: ignore[arg-type]
    tab._index = index  # as if the background build had finished
    samples = []
    for query in queries:
        best = float("inf")
        for _ in range(repeat):
            tab.search_edit.blockSignals(True)
            tab.search_edit.setText(query)
            tab.search_edit.blockSignals(False)
            start = time.perf_counter()
            tab._search()  # index search + SearchModel.set_rows + proxy sort + label
            best = min(best, (time.perf_counter() - start) * 1000)
        samples.append(best)
    tab.deleteLater()
    app.processEvents()
    return Timing(label, samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-year", type=int, default=1000, help="nominations per year")
    parser.add_argument("--repeat", type=int, default=3, help="best of N per keystroke")
    parser.add_argument("--no-ui", action="store_true", help="skip the Qt part")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-search-") as folder:
        start = time.perf_counter()
        db = make_database(Path(folder) / "bench.sqlite3", args.per_year)
        print(
            f"database: {args.per_year * (LAST_YEAR - FIRST_YEAR + 1):,} nominations, "
            f"years {FIRST_YEAR}..{LAST_YEAR}, made in {time.perf_counter() - start:.1f} s"
        )
        start = time.perf_counter()
        index = build_index(db)
        build_s = time.perf_counter() - start
        print(f"build_index: {build_s * 1000:.0f} ms for {len(index):,} items")

        typed = [q for word in TYPED_WORDS for q in keystrokes(word)]
        queries = typed + list(OTHER_QUERIES)
        for name, candidate in (("core", index),):
            timing, totals = time_core(candidate, queries, args.repeat, f"{name}: search")
            print()
            print(timing.line())
            long_ones = [totals[q][1] for q in queries if len(max(q.split(), key=len)) >= 3]
            print(Timing(f"{name}:   queries with a 3+ letter word", long_ones).line())
            slowest = sorted(totals.items(), key=lambda item: -item[1][1])[:5]
            print(
                "  slowest: "
                + ", ".join(f"{q!r} {ms:.1f} ms ({n:,} hits)" for q, (n, ms) in slowest)
            )
            if not args.no_ui:
                label = f"{name}: UI path (search+model+proxy)"
                print(time_ui(db, candidate, queries, args.repeat, label).line())
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
