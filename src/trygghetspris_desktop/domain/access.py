"""What the login may do, as the database server says (on a SQLite file: everything).

The window uses it to disable what the role may not do and to say why; the server enforces
it regardless (``db/server_roles.py``), so a disabled button is a courtesy, not the guard.
"""

from __future__ import annotations

from dataclasses import dataclass

ROLE_NAMES = {
    "trygghetspris_admin": "administratör",
    "trygghetspris_jury": "jury",
    "trygghetspris_read": "läsare",
}


@dataclass(frozen=True)
class Access:
    """The rights of one login.

    Attributes:
        login: the user the server knows ("" for a SQLite file).
        role: the Trygghetspris role it has (``trygghetspris_jury``...), or None.
        can_edit: may change years, nominations, jury, criteria, decisions and settings.
        can_score: may write scores and conflicts of interest.
        can_back_up: may read everything, so a backup can be taken.
        sees_personal_data: may read the nominators' personal data.
    """

    login: str = ""
    role: str | None = None
    can_edit: bool = True
    can_score: bool = True
    can_back_up: bool = True
    sees_personal_data: bool = True

    @property
    def limited(self) -> bool:
        return not (self.can_edit and self.can_score and self.can_back_up)

    @property
    def reason(self) -> str:
        """Why some things are off, in Swedish; "" when everything is allowed."""
        if not self.limited:
            return ""
        who = f"Du är inloggad som {self.login}"
        if self.role:
            who += f" med rollen {self.role} ({ROLE_NAMES.get(self.role, self.role)})"
        if self.can_score:
            what = "du kan sätta poäng och anmäla jäv, men inte ändra år, nomineringar, jury "
            what += "eller beslut"
        elif not self.can_edit:
            what = "du kan läsa men inte ändra något"
        else:
            what = "du kan inte sätta poäng"
        if not self.sees_personal_data:
            what += "; nominerarnas personuppgifter visas inte"
        return f"{who}: {what}. Servern tillåter inte mer för den rollen."


FULL_ACCESS = Access()
