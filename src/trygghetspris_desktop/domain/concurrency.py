"""What a save that met someone else's newer version reports: who, when, which fields.

Plain values, built by :mod:`trygghetspris_desktop.core.concurrency` and shown by the
window's conflict dialog, which lets the user keep theirs, take the other's, or merge.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class ChangeBy:
    """One stored change of the record since the user opened it (from the audit log).

    Attributes:
        who: the server login that saved it (PostgreSQL), else the computer's user.
        computer_user: the computer's user name when it differs from ``who``.
        at: when, in UTC (as the audit stores it).
        fields: the names of the fields that change touched, as the use case names them.
    """

    who: str
    at: datetime
    fields: tuple[str, ...] = ()
    computer_user: str = ""

    @property
    def person(self) -> str:
        """Who, for a message: the login, and the computer's user beside it if it differs."""
        if self.computer_user:
            return f"{self.who} (datorns användare: {self.computer_user})"
        return self.who


@dataclass(frozen=True)
class FieldConflict:
    """One field whose stored value differs from what the user is saving.

    Attributes:
        name: the field's name in code (``"district"``).
        label: its Swedish label.
        base: the value when the user opened the record.
        mine: the value the user is saving.
        theirs: the value stored now.
    """

    name: str
    label: str
    base: Any
    mine: Any
    theirs: Any

    @property
    def changed_by_them(self) -> bool:
        return self.theirs != self.base

    @property
    def changed_by_me(self) -> bool:
        return self.mine != self.base

    @property
    def preferred(self) -> str:
        """``"theirs"`` where only the other person changed the field, else ``"mine"``."""
        return "theirs" if self.changed_by_them and not self.changed_by_me else "mine"


@dataclass(frozen=True)
class EditConflict:
    """A save refused because the record changed since it was opened.

    Attributes:
        what: the record in Swedish, e.g. ``"Nomineringen «IGOR»"``.
        entity: the table; entity_id: the row.
        current_version: the version stored now (save again with it once resolved).
        changes: the stored changes since the user's version, oldest first.
        fields: the fields whose stored value differs from the user's.
        labels: field name -> Swedish label, for the fields ``changes`` name.
    """

    what: str
    entity: str
    entity_id: int
    current_version: int
    changes: tuple[ChangeBy, ...]
    fields: tuple[FieldConflict, ...]
    # Swedish labels of every field a change may name (not only the differing ones).
    labels: Mapping[str, str] = field(default_factory=dict)

    def merged(self, mine: dict[str, Any], choice: dict[str, str]) -> dict[str, Any]:
        """``mine`` with each differing field taken from ``choice`` ("mine" / "theirs")."""
        result = dict(mine)
        for conflict in self.fields:
            if choice.get(conflict.name, conflict.preferred) == "theirs":
                result[conflict.name] = conflict.theirs
        return result
