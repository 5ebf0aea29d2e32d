"""The login's rights, read from the server's own privileges (see :mod:`domain.access`).

Asked of the server rather than inferred from role names, so it is right also for a login
whose rights an administrator set by hand; the role name is only for the message.
"""

from __future__ import annotations

from sqlalchemy import text

from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.server_roles import ROLES
from trygghetspris_desktop.domain.access import FULL_ACCESS, Access

_RIGHTS = """
    SELECT current_user,
           has_table_privilege('nomination', 'UPDATE')
             AND has_table_privilege('award_year', 'INSERT'),
           has_table_privilege('score', 'INSERT') AND has_table_privilege('conflict', 'INSERT'),
           r.rolsuper OR r.rolbypassrls OR pg_has_role(current_user, t.tableowner, 'USAGE')
             OR NOT c.relrowsecurity
    FROM pg_roles r, pg_tables t JOIN pg_class c ON c.relname = t.tablename
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = t.schemaname
    WHERE r.rolname = current_user AND t.tablename = 'nominator'
      AND t.schemaname = current_schema()
"""
_ROLE = """
    SELECT rolname FROM pg_roles WHERE rolname = ANY(:roles)
      AND pg_has_role(current_user, rolname, 'USAGE')
"""


def access_rights(db: Database) -> Access:
    """What the login may do; everything on a SQLite file."""
    if not db.is_server:
        return FULL_ACCESS
    with db.read_session() as session:
        login, can_edit, can_score, sees_personal = session.execute(text(_RIGHTS)).one()
        held = set(session.execute(text(_ROLE), {"roles": list(ROLES)}).scalars())
    role = next((name for name in ROLES if name in held), None)
    return Access(
        login=login,
        role=role,
        can_edit=bool(can_edit),
        can_score=bool(can_score),
        can_back_up=bool(sees_personal),
        sees_personal_data=bool(sees_personal),
    )
