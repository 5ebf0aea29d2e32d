"""Three group roles on a PostgreSQL server, and the rights the server enforces for them.

``trygghetspris --database-url URL server-setup`` (run as the database's owner with
CREATEROLE, or as a superuser) migrates the schema and then, idempotently:

- ``trygghetspris_admin``: owns every table and sequence, so it may do everything,
  including a later schema upgrade (which runs ``SET ROLE trygghetspris_admin``);
- ``trygghetspris_jury``: reads everything but the nominators, writes scores and conflicts
  (and the audit rows every write adds);
- ``trygghetspris_read``: reads everything but the nominators and the attachments (files
  the nominators sent may name them or others); writes nothing.

A login gets one of them with ``GRANT trygghetspris_read TO kim;`` (README).

The nominators' personal data (name, e-mail, phone, organisation) is kept from jury and
readers by *row-level security*: on ``nominator`` only the owner, trygghetspris_admin and
its members, sees rows, and on ``audit_entry`` (whose before/after snapshots would repeat
that data) the others do not see the nominator rows. Column privileges would do it too,
but then every read of a nomination's nominator through the ORM would fail; with row
security the same queries simply find no nominator, so the window works for a reader and
shows no one.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from trygghetspris_desktop.db.engine import Database

ADMIN = "trygghetspris_admin"
JURY = "trygghetspris_jury"
READ = "trygghetspris_read"
ROLES = (ADMIN, JURY, READ)
# What the jury writes: its scores and its conflicts of interest.
JURY_TABLES = ("score", "conflict")
# Rows of these tables are personal data of the nominators (see the module's doc).
PERSONAL_TABLE = "nominator"
AUDIT_TABLE = "audit_entry"
# The files nominators sent with a nomination (letters, pictures): they may name the
# nominator or others, so a reader does not see them (nor their names in the audit); the
# jury does, as the material it judges.
ATTACHMENT_TABLES = ("attachment", "attachment_content")
_JURY_MEMBER_SQL = f"pg_has_role('{JURY}', 'MEMBER')"


def _is_admin_sql() -> str:
    return f"pg_has_role(current_user, '{ADMIN}', 'USAGE')"


def roles_exist(connection: Connection) -> bool:
    found = connection.execute(
        text("SELECT count(*) FROM pg_roles WHERE rolname = ANY(:names)"),
        {"names": list(ROLES)},
    ).scalar()
    return found == len(ROLES)


def _our_relations(connection: Connection, kinds: str) -> list[str]:
    return list(
        connection.execute(
            text(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = current_schema() AND c.relkind = ANY(:kinds) "
                "ORDER BY c.relname"
            ),
            {"kinds": list(kinds)},
        ).scalars()
    )


def create_roles(connection: Connection) -> list[str]:
    """The three group roles (NOLOGIN), those that are missing; returns the new ones."""
    made = []
    for role in ROLES:
        exists = connection.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}
        ).scalar()
        if not exists:
            connection.execute(text(f"CREATE ROLE {role} NOLOGIN"))
            made.append(role)
    # The one running the setup must be able to hand the tables to the admin role.
    is_super = connection.execute(
        text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    ).scalar()
    if not is_super:
        connection.execute(text(f"GRANT {ADMIN} TO CURRENT_USER"))
    database = connection.execute(text("SELECT current_database()")).scalar()
    connection.execute(text(f'GRANT CONNECT, TEMPORARY ON DATABASE "{database}" TO {JURY}, {READ}'))
    connection.execute(text(f'GRANT ALL ON DATABASE "{database}" TO {ADMIN}'))
    connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {ADMIN}, {JURY}, {READ}"))
    connection.execute(text(f"GRANT CREATE ON SCHEMA public TO {ADMIN}"))  # schema upgrades
    return made


def grant(connection: Connection) -> None:
    """Ownership, privileges and row security on every table and sequence (idempotent).

    Needs only the admin role (as after a schema upgrade); the database and schema rights
    are given once by :func:`create_roles`."""
    tables = _our_relations(connection, "r")
    sequences = _our_relations(connection, "S")
    for table in tables:
        connection.execute(text(f'ALTER TABLE "{table}" OWNER TO {ADMIN}'))
        connection.execute(text(f'REVOKE ALL ON "{table}" FROM PUBLIC, {JURY}, {READ}'))
        connection.execute(text(f'GRANT SELECT ON "{table}" TO {JURY}, {READ}'))
    for sequence in sequences:
        connection.execute(text(f'ALTER SEQUENCE "{sequence}" OWNER TO {ADMIN}'))
        connection.execute(text(f'REVOKE ALL ON SEQUENCE "{sequence}" FROM PUBLIC, {JURY}, {READ}'))
        connection.execute(text(f'GRANT SELECT ON SEQUENCE "{sequence}" TO {JURY}, {READ}'))
    # Functions of the schema (the change feed's trigger function): the admin role owns
    # them too, so its schema upgrades may replace or drop them.
    for signature in connection.execute(
        text(
            "SELECT p.oid::regprocedure::text FROM pg_proc p "
            "JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = current_schema() AND p.prokind = 'f'"
        )
    ).scalars():
        connection.execute(text(f"ALTER FUNCTION {signature} OWNER TO {ADMIN}"))
    for table in (*JURY_TABLES, AUDIT_TABLE):
        if table in tables:
            rights = "INSERT" if table == AUDIT_TABLE else "INSERT, UPDATE, DELETE"
            connection.execute(text(f'GRANT {rights} ON "{table}" TO {JURY}'))
    for sequence in sequences:
        if sequence.split("_id_seq")[0] in (*JURY_TABLES, AUDIT_TABLE):
            connection.execute(text(f'GRANT USAGE ON SEQUENCE "{sequence}" TO {JURY}'))
    _row_security(connection, tables)


def _row_security(connection: Connection, tables: list[str]) -> None:
    """Nominators' rows only for the owner (trygghetspris_admin and its members, who
    bypass row security as owners, so their pg_dump still dumps everything); for everyone
    else no policy on ``nominator`` means no rows, and on ``audit_entry`` a policy hides
    the nominators' rows and lets every write add its audit row. Attachments (and their
    audit rows) only for the owner and the jury: a reader's queries find none."""
    attachments = ", ".join(f"'{table}'" for table in ATTACHMENT_TABLES)
    policies = {
        AUDIT_TABLE: [
            (
                "audit_without_nominators",
                "SELECT",
                f"entity <> '{PERSONAL_TABLE}' "
                f"AND (entity NOT IN ({attachments}) OR {_JURY_MEMBER_SQL})",
                None,
            ),
            ("audit_of_every_write", "INSERT", None, "true"),
        ],
        **{
            table: [("attachments_for_the_jury", "SELECT", _JURY_MEMBER_SQL, None)]
            for table in ATTACHMENT_TABLES
        },
    }
    for table in (PERSONAL_TABLE, AUDIT_TABLE, *ATTACHMENT_TABLES):
        if table not in tables:
            continue
        connection.execute(text(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY'))
        for name, command, using, check in policies.get(table, []):
            connection.execute(text(f'DROP POLICY IF EXISTS {name} ON "{table}"'))
            clauses = f" USING ({using})" if using else ""
            clauses += f" WITH CHECK ({check})" if check else ""
            connection.execute(
                text(f'CREATE POLICY {name} ON "{table}" FOR {command} TO PUBLIC{clauses}')
            )


def set_up_roles(db: Database) -> list[str]:
    """Create the roles if missing and give all grants, in one transaction; returns the
    roles that were new."""
    with db.engine.begin() as connection:
        made = create_roles(connection)
        grant(connection)
    return made


def grant_if_roles_exist(db: Database) -> None:
    """After a restore or a schema upgrade: the roles' grants on the (new) tables."""
    with db.engine.begin() as connection:
        if roles_exist(connection) and _may_grant(connection):
            grant(connection)


def _may_grant(connection: Connection) -> bool:
    return bool(
        connection.execute(
            text(f"SELECT rolsuper OR {_is_admin_sql()} FROM pg_roles WHERE rolname = current_user")
        ).scalar()
    )


def adopt_admin_role(connection: Connection) -> None:
    """Before a schema upgrade: act as trygghetspris_admin when the login is a member, so
    new tables belong to that role like the others (SET LOCAL: this transaction only)."""
    if connection.dialect.name != "postgresql":
        return
    # Only in a database server-setup has prepared (the admin role owns its tables): a
    # fresh one is built by whoever runs the program first, as its owner.
    member = connection.execute(
        text(
            "SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema() "
            "AND tablename = 'alembic_version' AND tableowner = :admin) "
            "AND pg_has_role(current_user, :admin, 'MEMBER')"
        ),
        {"admin": ADMIN},
    ).scalar()
    if member:
        connection.execute(text(f"SET LOCAL ROLE {ADMIN}"))
