"""The benchmark's data folders: N years × M nominations, generated once and cached.

Every data folder starts as a new user's does (the program's own first run: settings and the
2022 record from the seed), then gets invented years around it: the newest years up to this
one, each with its jury (5 persons, one chair), 3 criteria, ``per_year`` nominations with a
nominator and one or two organisations, and for every past year a full set of scores for its
10 finalists, a decision (winner and honourable mention) and two quotes. This year is "jury
at work": 10 finalists, the rest eligible, three quarters of the scores given. 2022 keeps the
seed's record unchanged, so a JSON export of the folder imports into a new folder (whose
seed is the same 2022). Rows go in through SQLAlchemy Core in bulk, so generating does not
depend on the speed of the program's own import.

Invented benchmark data, and visibly so ("Testperson", addresses at example.invalid); it
never goes into ``resources/``. The cache (``benchmarks/.cache/``) is keyed by this file, the
schema head and the year, so a new migration or generator makes new folders.
"""

from __future__ import annotations

import csv
import hashlib
import io
import random
import shutil
from datetime import date, datetime
from pathlib import Path

CACHE = Path(__file__).resolve().parent.parent / ".cache"
SEED_YEAR = 2022
FINALISTS = 10
JURORS = 5
CRITERIA = (("Nytänkande", 1.0), ("Långsiktighet", 1.0), ("Samverkan", 2.0))

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
KINDS = ("project", "activity", "organisation", "person")


def _text(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))


def _key(*parts: object) -> str:
    from trygghetspris_desktop.db.schema_version import SCHEMA_HEAD

    digest = hashlib.sha256(Path(__file__).read_bytes())
    for part in (SCHEMA_HEAD, *parts):
        digest.update(str(part).encode())
    return digest.hexdigest()[:10]


def this_year() -> int:
    return date.today().year


def _cached(prefix: str, key: str) -> tuple[Path, bool]:
    """``CACHE/prefix-key`` and whether it is ready; older versions of it are removed."""
    path = CACHE / f"{prefix}-{key}"
    for old in CACHE.glob(f"{prefix}-*"):
        if old.name.split(".")[0] != path.name.split(".")[0]:
            shutil.rmtree(old) if old.is_dir() else old.unlink()
    ready = path.exists() and (path.is_file() or (path / "ready").exists())
    if path.is_dir() and not ready:
        shutil.rmtree(path)
    return path, ready


def data_folder(years: int, per_year: int) -> Path:
    """The cached folder of ``years`` × ``per_year`` (made now if missing). Never write to
    it: copy it first (:func:`working_copy`)."""
    folder, ready = _cached(f"data-{years}x{per_year}", _key(years, per_year, this_year()))
    if not ready:
        generate(folder, years, per_year)
        (folder / "ready").write_text("ok\n")
    return folder


def working_copy(source: Path, target: Path) -> Path:
    """A fresh copy of a cached data folder (database and settings, no logs or backups)."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in ("trygghetspris.sqlite3",):
        shutil.copy2(source / name, target / name)
    return target


def generate(folder: Path, years: int, per_year: int, seed: int = 2012) -> None:
    """Make the data folder (see the module docstring)."""
    from sqlalchemy import func, insert, select, update

    from trygghetspris_desktop.context import open_context
    from trygghetspris_desktop.db import models as m

    rng = random.Random(seed)
    last = this_year()
    first = last - years + 1
    context = open_context(folder)  # the program's first run: migrated and seeded
    db = context.db

    with db.session() as session:

        def next_id(model: type) -> int:
            return (session.scalar(select(func.max(model.id))) or 0) + 1  # type: ignore[attr-defined]

        session.execute(update(m.PrizeSettings).values(first_year=min(first, SEED_YEAR)))
        person_id = next_id(m.Person)
        people = [
            {"id": person_id + n, "name": f"Testperson {f} {la}", "email": "", "phone": ""}
            for n, (f, la) in enumerate((f, la) for f in FIRST for la in LAST)
        ]
        session.execute(insert(m.Person), people)
        ids = {
            name: next_id(model)
            for name, model in (
                ("year", m.AwardYear),
                ("jury", m.JuryMembership),
                ("criterion", m.Criterion),
                ("nominator", m.Nominator),
                ("nomination", m.Nomination),
                ("decision", m.Decision),
            )
        }
        rows: dict[str, list[dict[str, object]]] = {
            name: []
            for name in (
                "year",
                "jury",
                "criterion",
                "nominator",
                "nomination",
                "organisation",
                "score",
                "decision",
                "placement",
                "quote",
            )
        }

        def new_id(name: str) -> int:
            value = ids[name]
            ids[name] += 1
            return value

        for number in range(first, last + 1):
            if number == SEED_YEAR:
                continue
            current = number == last
            year_id = new_id("year")
            rows["year"].append(
                {
                    "id": year_id,
                    "year": number,
                    "theme": _text(rng, 2, 4).capitalize(),
                    "nomination_deadline": date(number, 9, 15),
                    "ceremony_date": date(number, 11, 10),
                    "ceremony_event": "Trygghetskonferensen",
                    "prize_amount": 50000,
                    "status": "jury_at_work" if current else "published",
                    "notes": "",
                }
            )
            jurors = []
            for position, person in enumerate(rng.sample(people, JURORS)):
                juror_id = new_id("jury")
                jurors.append(juror_id)
                rows["jury"].append(
                    {
                        "id": juror_id,
                        "year_id": year_id,
                        "person_id": person["id"],
                        "role": "chair" if position == 0 else "member",
                        "title": _text(rng, 1, 3),
                        "position": position,
                    }
                )
            criteria = []
            for position, (name, weight) in enumerate(CRITERIA):
                criterion_id = new_id("criterion")
                criteria.append(criterion_id)
                rows["criterion"].append(
                    {
                        "id": criterion_id,
                        "year_id": year_id,
                        "name": name,
                        "description": _text(rng, 5, 12),
                        "weight": weight,
                        "scale_min": 1,
                        "scale_max": 5,
                        "position": position,
                    }
                )
            finalists = []
            for n in range(per_year):
                nomination_id, nominator_id = new_id("nomination"), new_id("nominator")
                if n < FINALISTS:
                    finalists.append(nomination_id)
                    status = (
                        "shortlisted"
                        if current
                        else ("winner", "honourable_mention")[n]
                        if n < 2
                        else "not_selected"
                    )
                elif current or n % 20:
                    status = "eligible"
                else:
                    status = "not_eligible" if n % 40 else "received"
                rows["nominator"].append(
                    {
                        "id": nominator_id,
                        "name": f"Testperson {rng.choice(FIRST)} {rng.choice(LAST)}",
                        "email": f"nominerande{nominator_id}@example.invalid",
                        "phone": "",
                        "organisation": rng.choice(ORGANISATIONS),
                    }
                )
                rows["nomination"].append(
                    {
                        "id": nomination_id,
                        "year_id": year_id,
                        "nominee_name": f"{rng.choice(WORDS).capitalize()} "
                        f"{rng.choice(WORDS)} {nomination_id}",
                        "full_name": "",
                        "kind": rng.choice(KINDS),
                        "district": rng.choice(DISTRICTS),
                        "nominator_text": _text(rng, 15, 45).capitalize() + ".",
                        "received_date": date(number, 1 + n % 8, 1 + n % 28),
                        "status": status,
                        "status_reason": "Inkom efter sista dagen."
                        if status == "not_eligible"
                        else "",
                        "notes": "",
                        "nominator_id": nominator_id,
                    }
                )
                for position, name in enumerate(rng.sample(ORGANISATIONS, rng.randint(1, 2))):
                    rows["organisation"].append(
                        {"nomination_id": nomination_id, "name": name, "position": position}
                    )
            for juror_id in jurors:
                for nomination_id in finalists:
                    for criterion_id in criteria:
                        if current and rng.random() < 0.25:
                            continue
                        rows["score"].append(
                            {
                                "membership_id": juror_id,
                                "nomination_id": nomination_id,
                                "criterion_id": criterion_id,
                                "scale_min": 1,
                                "scale_max": 5,
                                "value": rng.randint(1, 5),
                            }
                        )
            if current or not finalists:
                continue
            decision_id = new_id("decision")
            rows["decision"].append(
                {
                    "id": decision_id,
                    "year_id": year_id,
                    "motivation": _text(rng, 60, 120).capitalize() + ".",
                    "decision_date": date(number, 10, 20),
                    "release_date": date(number, 11, 10),
                    "headline": "",
                    "lead": _text(rng, 20, 30).capitalize() + ".",
                    "body": _text(rng, 80, 120).capitalize() + ".",
                    "keywords": "trygghet, samverkan",
                    "links": "",
                }
            )
            for position, kind in enumerate(("winner", "honourable_mention")):
                rows["placement"].append(
                    {
                        "decision_id": decision_id,
                        "nomination_id": finalists[position],
                        "kind": kind,
                        "motivation": "",
                        "position": position,
                    }
                )
            for position in range(2):
                speaker = rng.choice(people)
                rows["quote"].append(
                    {
                        "year_id": year_id,
                        "person_id": speaker["id"],
                        "speaker_name": speaker["name"],
                        "speaker_title": _text(rng, 1, 3),
                        "intro": "",
                        "text": _text(rng, 30, 70).capitalize() + ".",
                        "position": position,
                    }
                )
        for name, model in (
            ("year", m.AwardYear),
            ("jury", m.JuryMembership),
            ("criterion", m.Criterion),
            ("nominator", m.Nominator),
            ("nomination", m.Nomination),
            ("organisation", m.NominationOrganisation),
            ("score", m.Score),
            ("decision", m.Decision),
            ("placement", m.Placement),
            ("quote", m.Quote),
        ):
            if rows[name]:
                session.execute(insert(model), rows[name])
    context.close()


def years_only_folder(years: int) -> Path:
    """The years of :func:`data_folder` with their juries but no nominations (the target of
    the CSV import)."""
    return data_folder(years, 0)


def nominations_csv(years: int, per_year: int) -> Path:
    """A form export of ``years`` × ``per_year`` nominations, in the program's CSV columns,
    for the years of :func:`years_only_folder` (2022 included)."""
    key = _key(years, per_year, this_year())
    path, ready = _cached(f"nominations-{years}x{per_year}", f"{key}.csv")
    if ready:
        return path
    from trygghetspris_desktop.exchange.csv_io import COLUMN_NAMES

    rng = random.Random(7)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMN_NAMES)
    last = this_year()
    number = 0
    for year in range(last - years + 1, last + 1):
        for n in range(per_year):
            number += 1
            values = {
                "år": str(year),
                "nominerad": f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {number}",
                "fullständigt_namn": "",
                "typ": rng.choice(("Projekt", "Verksamhet", "Organisation")),
                "organisationer": ";".join(rng.sample(ORGANISATIONS, rng.randint(1, 2))),
                "stadsdelsområde": rng.choice(DISTRICTS),
                "beskrivning": _text(rng, 15, 45).capitalize() + ".",
                "inkommen": date(year, 1 + n % 8, 1 + n % 28).isoformat(),
                "status": "Inkommen",
                "statusorsak": "",
                "nominerad_av": f"Testperson {rng.choice(FIRST)} {rng.choice(LAST)}",
                "nominerad_av_epost": f"csv{number}@example.invalid",
                "nominerad_av_telefon": "",
                "nominerad_av_organisation": rng.choice(ORGANISATIONS),
                "anteckningar": "",
            }
            writer.writerow([values[column] for column in COLUMN_NAMES])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")
    return path


def stamp() -> str:
    return datetime.now().strftime("%Y-%m-%d %H:%M")
