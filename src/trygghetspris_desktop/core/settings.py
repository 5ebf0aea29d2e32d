"""Use cases for the prize settings (the organiser profile)."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from trygghetspris_desktop.core import validation as v
from trygghetspris_desktop.core.attachment_store import LIMIT_RANGE_MB
from trygghetspris_desktop.core.concurrency import check_version, retry_on_stale
from trygghetspris_desktop.core.convert import settings_view
from trygghetspris_desktop.core.lookup import settings_row
from trygghetspris_desktop.core.views import SettingsView
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain import limits
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.domain.templates import template_problems

_LABELS = {
    "prize_name": "Prisets namn",
    "organiser": "Arrangör",
    "first_year": "Första året",
    "default_prize_amount": "Prissumma",
    "backups_to_keep": "Antal säkerhetskopior",
    "personal_data_retention_months": "Lagringstid för personuppgifter",
    "attachment_max_mb": "Största bilaga",
}


SETTINGS_LABELS = {
    **_LABELS,
    "purpose": "Syfte",
    "place": "Ort",
    "address": "Adress",
    "phone": "Telefon",
    "web": "Webbplats",
    "about_heading": "«Om»-rubrik",
    "about_text": "«Om»-text",
    "logo_path": "Logotyp",
    "headline_template": "Rubrikmall",
    "lead_template": "Ingressmall",
    "districts": "Stadsdelsområden",
}


def get_settings(db: Database) -> SettingsView:
    with db.read_session() as session:
        return settings_view(settings_row(session))


def _stored(view: SettingsView, name: str) -> Any:
    """A view's value as the row stores it (the districts are one per line)."""
    value = getattr(view, name)
    return "\n".join(value) if name == "districts" else value


def update_settings(
    db: Database, *, base: SettingsView | None = None, **changes: Any
) -> SettingsView:
    """Change some settings; unknown names are a bug, bad values a UserError.

    ``base`` is the settings as the dialog opened them: a newer version saved meanwhile
    that differs in one of ``changes`` raises EditConflictError and writes nothing.
    """
    known = {f.name for f in fields(SettingsView)}
    unknown = set(changes) - known
    if unknown:
        raise TypeError(f"unknown settings: {sorted(unknown)}")
    clean: dict[str, Any] = {}
    for name, value in changes.items():
        label = SETTINGS_LABELS.get(name, name)
        if name in ("prize_name", "organiser"):
            clean[name] = v.limited(v.required(value, label, name), label, 200, name)
        elif name == "first_year":
            clean[name] = v.year_number(value, label, name)
        elif name == "default_prize_amount":
            clean[name] = v.bounded_int(value, label, limits.integer_range(name), name)
        elif name in ("backups_to_keep", "personal_data_retention_months"):
            number = v.non_negative_int(value, label, name)
            low, high = limits.integer_range(name)
            if number is None or number < low:
                raise UserError(f"{label} måste vara minst {low}.", name)
            if number > high:
                raise UserError(f"{label} får vara högst {limits.swedish_number(high)}.", name)
            clean[name] = number
        elif name == "attachment_max_mb":
            number = v.non_negative_int(value, label, name)
            low, high = LIMIT_RANGE_MB
            if number is None or not low <= number <= high:
                raise UserError(f"{label} måste vara mellan {low} och {high} MB.", name)
            clean[name] = number
        elif name in ("headline_template", "lead_template"):
            text = v.limited(value, label, limits.text_limit(name), name)
            problems = template_problems(text)
            if problems:
                raise UserError(f"{label}: {problems[0]}.", name)
            clean[name] = text
        elif name == "districts":
            items = value.splitlines() if isinstance(value, str) else list(value)
            clean[name] = "\n".join(d.strip() for d in items if str(d).strip())
        elif name == "phone":
            clean[name] = v.phone(value, "Telefon", name)
        elif isinstance(value, str):
            clean[name] = v.limited(value, label, limits.text_limit(name), name)
        else:
            clean[name] = value

    def attempt() -> SettingsView:
        with db.session() as session:
            row = settings_row(session)
            if base is not None:
                check_version(
                    session,
                    row,
                    base_version=base.version,
                    base={name: _stored(base, name) for name in clean},
                    mine=clean,
                    theirs={name: getattr(row, name) for name in clean},
                    what="Inställningarna",
                    labels=SETTINGS_LABELS,
                )
            for name, value in clean.items():
                setattr(row, name, value)
            session.flush()
            return settings_view(row)

    return retry_on_stale(attempt)
