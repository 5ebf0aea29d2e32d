"""The three server roles: server-setup creates them, the server enforces them.

A reader's write is refused by the server itself (a clear Swedish message, exit 1 on the
command line) and no nominator's personal data reaches a reader or a juror by any path:
the ORM, plain SQL, the change log, the exports. The window disables what they may not do.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from tests.builders import add_nominations, make_criteria, make_jury, make_year
from trygghetspris_desktop.cli import EXIT_OK, EXIT_USER_ERROR, main
from trygghetspris_desktop.core import nominations, scoring, years
from trygghetspris_desktop.core.access import access_rights
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain.enums import NominationStatus
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.domain.server_errors import PermissionDeniedError

pytestmark = pytest.mark.postgresql_only
NOMINEES = ("Trygga gårdar (påhittad)", "Nattvandrarna (påhittad)", "Parkljus (påhittad)")
EMAILS = ("n1@example.se", "n2@example.se", "n3@example.se")


@pytest.fixture
def server_db(pg_database, postgres_server, capsys, data_dir) -> str:  # type: ignore[no-untyped-def]
    """A seeded database after `server-setup`, with a year of nominations and a jury."""
    url = pg_database("seeded")
    code = main(["--database-url", url, "server-setup"])
    out = capsys.readouterr().out
    assert code == EXIT_OK, out
    assert "GRANT trygghetspris_read TO" in out
    admin = Database.for_server(url)
    try:
        make_year(admin, 2025)
        add_nominations(
            admin,
            2025,
            names=NOMINEES,
            status=NominationStatus.ELIGIBLE,
        )
        make_jury(admin, 2025)
        make_criteria(admin, 2025)
    finally:
        admin.dispose()
    return url


@pytest.fixture
def login(postgres_server, server_db) -> Iterator[Callable[[str], str]]:  # type: ignore[no-untyped-def]
    """Factory: a new login with one of the roles; returns its URL. Dropped afterwards."""
    made: list[str] = []

    def make(role: str) -> str:
        name = f"kim_{secrets.token_hex(3)}"
        postgres_server.create_login(name)
        postgres_server.execute(f"GRANT {role} TO {name}")
        made.append(name)
        return make_url(server_db).set(username=name).render_as_string(False)

    yield make
    for name in made:
        postgres_server.execute(f'DROP OWNED BY "{name}"')
        postgres_server.execute(f'DROP ROLE "{name}"')


def test_server_setup_is_idempotent_and_names_the_roles(capsys, server_db) -> None:  # type: ignore[no-untyped-def]
    code = main(["--database-url", server_db, "server-setup"])
    out = capsys.readouterr().out
    assert code == EXIT_OK
    for role in ("trygghetspris_admin", "trygghetspris_jury", "trygghetspris_read"):
        assert f"{role}: fanns redan" in out


def test_a_readers_write_is_refused_by_the_server(capsys, login, data_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = login("trygghetspris_read")
    reader = Database.for_server(url)
    try:
        with pytest.raises(PermissionDeniedError, match="Servern nekade åtgärden") as refused:
            years.create_year(reader, 2030)
        assert "(tabellen award_year)" in str(refused.value)
        assert [y.year for y in years.list_years(reader)] == [2022, 2025]  # nothing stored
        access = access_rights(reader)
        assert (access.can_edit, access.can_score, access.can_back_up) == (False, False, False)
        assert access.role == "trygghetspris_read"
        assert "kan läsa men inte ändra" in access.reason
    finally:
        reader.dispose()
    # The command line: exit 1 with the message, never a bug.
    upload = tmp_path / "nomineringar.csv"
    upload.write_text("år;nominerad\n2025;Ny (påhittad)\n", encoding="utf-8")
    code = main(["--database-url", url, "import", str(upload), "--year", "2025"])
    err = capsys.readouterr().err
    assert code == EXIT_USER_ERROR, err
    assert "fel:" in err and ("behörighet" in err or "nekade" in err)
    assert "bugg" not in err


def test_no_personal_data_reaches_a_reader_by_any_path(capsys, login, server_db) -> None:  # type: ignore[no-untyped-def]
    url = login("trygghetspris_read")
    reader = Database.for_server(url)
    try:
        listed = nominations.list_nominations(reader, 2025)
        assert len(listed) == 3  # the nominations themselves are readable
        assert all(view.nominator is None for view in listed)
        with reader.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM nominator")).scalar() == 0
            audit = connection.execute(text("SELECT entity, before, after FROM audit_entry")).all()
            assert audit  # the change log is readable...
            assert all(entity != "nominator" for entity, _, _ in audit)  # ...without them
            dump = json.dumps([list(row) for row in audit])
            assert not any(email in dump for email in EMAILS)
    finally:
        reader.dispose()
    for args in (["export", "--format", "json", "--with-audit"], ["export", "--format", "csv"]):
        code = main(["--database-url", url, *args])
        out = capsys.readouterr().out
        assert code == EXIT_OK
        assert "Trygga gårdar" in out
        assert not any(email in out for email in EMAILS)
    code = main(["--database-url", url, "personal-data", EMAILS[0]])
    captured = capsys.readouterr()
    assert code == EXIT_USER_ERROR  # nothing is found: for a reader there is no one
    assert "Inga personuppgifter finns lagrade" in captured.err
    assert EMAILS[0] not in captured.out
    # The administrator does see them (so the test above is not empty by accident).
    code = main(["--database-url", server_db, "export", "--format", "csv"])
    assert EMAILS[0] in capsys.readouterr().out


def test_the_jury_scores_and_declares_conflicts_but_edits_nothing_else(login) -> None:  # type: ignore[no-untyped-def]
    juror = Database.for_server(login("trygghetspris_jury"))
    try:
        sheet = scoring.score_sheet(juror, 2025, all_eligible=True)
        member, nomination, criterion = sheet.jurors[0], sheet.nominations[0], sheet.criteria[0]
        scoring.record_score(juror, member.id, nomination.id, criterion.id, criterion.scale_max)
        scoring.declare_conflict(juror, sheet.jurors[1].id, nomination.id, "Styrelseledamot")
        assert scoring.score_sheet(juror, 2025, all_eligible=True).conflicts
        access = access_rights(juror)
        assert (access.can_edit, access.can_score) == (False, True)
        with pytest.raises(PermissionDeniedError, match="tabellen nomination"):
            nominations.change_status(juror, [nomination.id], NominationStatus.SHORTLISTED)
        assert all(view.nominator is None for view in nominations.list_nominations(juror, 2025))
    finally:
        juror.dispose()


def test_a_reader_cannot_take_a_backup_and_is_told_why(capsys, login) -> None:  # type: ignore[no-untyped-def]
    code = main(["--database-url", login("trygghetspris_read"), "backup"])
    err = capsys.readouterr().err
    assert code == EXIT_USER_ERROR
    assert "trygghetspris_admin" in err


def test_the_window_disables_what_a_reader_may_not_do(qtbot, login, data_dir) -> None:  # type: ignore[no-untyped-def]
    from trygghetspris_desktop.context import open_context
    from trygghetspris_desktop.ui.main_window import MainWindow
    from trygghetspris_desktop.ui.services import DataService

    context = open_context(data_dir, database_url=login("trygghetspris_read"))
    try:
        window = MainWindow(DataService(context))
        qtbot.addWidget(window)
        window.show()
        new_year = window.findChild(type(window.nominations_tab.new_action), "actionNewYear")
        assert not new_year.isEnabled()
        assert "trygghetspris_read" in new_year.toolTip()
        assert not window.nominations_tab.new_action.isEnabled()
        assert window.findChild(type(window.nominations_tab.new_action), "actionExport").isEnabled()
        window.select_year(2025)
        table = window.nominations_tab.table
        table.selectRow(0)  # a selection would enable the buttons: they stay off
        assert not window.nominations_tab.edit_action.isEnabled()
        assert not window.jury_tab.decide_button.isEnabled()
        label = window.statusBar().findChild(type(window.count_label), "roleLimitsLabel")
        assert label.text() == "Begränsad behörighet (läsare)"
        assert "kan läsa men inte ändra" in label.toolTip()
        window.select_year(2031)  # a year not created: its button stays off too
        assert not window.create_year_button.isEnabled()
    finally:
        context.close()


def test_a_schema_upgrade_by_an_administrator_keeps_the_roles_rights(login, data_dir) -> None:  # type: ignore[no-untyped-def]
    """An admin login (not a superuser) upgrades an older, set-up database: the new
    tables belong to trygghetspris_admin and the reader can read them."""
    from trygghetspris_desktop.context import open_context
    from trygghetspris_desktop.db.migrate import downgrade, head_revision

    admin_url = login("trygghetspris_admin")
    old = Database.for_server(admin_url)
    try:
        downgrade(old, "0003")
    finally:
        old.dispose()
    context = open_context(data_dir, database_url=admin_url)  # dumps first, then upgrades
    try:
        assert [info.reason for info in context._backups()] == ["fore-migrering"]
    finally:
        context.close()
    database = make_url(admin_url).database
    reader = Database.for_server(login("trygghetspris_read"))
    try:
        with reader.engine.connect() as connection:
            revision = connection.execute(text("SELECT version_num FROM alembic_version"))
            assert revision.scalar() == head_revision()
            owners = (
                connection.execute(
                    text("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")
                )
                .scalars()
                .all()
            )
            assert owners == ["trygghetspris_admin"], (database, owners)
            for table in connection.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            ).scalars():
                connection.execute(text(f'SELECT count(*) FROM "{table}"')).scalar()
    finally:
        reader.dispose()


def test_a_reader_sees_no_attachments_the_jury_and_an_administrator_do(  # type: ignore[no-untyped-def]
    capsys, login, server_db, tmp_path
) -> None:
    """Files a nominator sent may name them or others: a reader finds none by any path
    (the nomination, plain SQL, the change log, the export); the jury reads them as the
    material it judges; an administrator's login (a member, not the owner) too."""
    from trygghetspris_desktop.core import attachment_store

    letter = tmp_path / "Brev från Nominerare 1 (påhittad).txt"
    letter.write_text("Kontakta mig på n1@example.se", encoding="utf-8")
    owner = Database.for_server(server_db)
    try:
        nomination_id = nominations.list_nominations(owner, 2025)[0].id
        (attachment,) = nominations.add_attachment(
            owner, tmp_path, nomination_id, letter
        ).attachments
    finally:
        owner.dispose()
    url = login("trygghetspris_read")
    reader = Database.for_server(url)
    try:
        assert nominations.get_nomination(reader, nomination_id).attachments == ()
        with reader.engine.connect() as connection:
            for table in ("attachment", "attachment_content"):
                assert connection.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0
            audit = connection.execute(text("SELECT entity, after FROM audit_entry")).all()
            assert audit and all(not e.startswith("attachment") for e, _ in audit)
            assert "Brev från" not in json.dumps([list(row) for row in audit])
        with pytest.raises(UserError):
            attachment_store.content(reader, attachment.id)
    finally:
        reader.dispose()
    code = main(["--database-url", url, "export", "--format", "json", "--with-audit"])
    out = capsys.readouterr().out
    assert code == EXIT_OK and "Trygga gårdar" in out and "Brev från" not in out
    for role in ("trygghetspris_jury", "trygghetspris_admin"):
        other = Database.for_server(login(role))
        try:
            shown = nominations.get_nomination(other, nomination_id).attachments
            assert [a.filename for a in shown] == [letter.name], role
            assert attachment_store.content(other, attachment.id).startswith(b"Kontakta"), role
        finally:
            other.dispose()


def test_who_changed_it_is_the_server_login_whatever_the_computer_says(login) -> None:  # type: ignore[no-untyped-def]
    """Two administrators at two computers where both are «admin» to the computer: the
    conflict names the login that saved, which the server stamps on the audit entry."""
    from trygghetspris_desktop.core.nominations import NominationInput
    from trygghetspris_desktop.db import models as m
    from trygghetspris_desktop.domain.errors import EditConflictError

    anna_url, bo_url = login("trygghetspris_admin"), login("trygghetspris_admin")
    bo_login = make_url(bo_url).username
    anna, bo = Database.for_server(anna_url), Database.for_server(bo_url)
    for database in (anna, bo):
        database._sessions.configure(info={"os_user": "admin"})
    try:
        nomination_id = nominations.list_nominations(anna, 2025)[0].id
        seen_by_anna = nominations.get_nomination(anna, nomination_id)
        seen_by_bo = nominations.get_nomination(bo, nomination_id)
        nominations.update_nomination(
            bo,
            nomination_id,
            NominationInput(nominee_name=seen_by_bo.nominee_name, district="Kungsholmen"),
            base=seen_by_bo,
        )
        with pytest.raises(EditConflictError) as caught:
            nominations.update_nomination(
                anna,
                nomination_id,
                NominationInput(nominee_name=seen_by_anna.nominee_name, district="Kista"),
                base=seen_by_anna,
            )
        (change,) = caught.value.conflict.changes
        assert (change.who, change.computer_user) == (bo_login, "admin")
        assert bo_login in caught.value.message
        # A client cannot write another login into the log: the server sets it.
        with bo.session() as session:
            session.add(
                m.AuditEntry(
                    at=datetime(2025, 1, 1),
                    os_user="admin",
                    db_user="someone_else",
                    action="note",
                    entity="test",
                    before="",
                    after="",
                )
            )
        with anna.read_session() as session:
            stamped = session.scalars(
                text("SELECT db_user FROM audit_entry WHERE entity = 'test'")
            ).one()
        assert stamped == bo_login
    finally:
        anna.dispose()
        bo.dispose()
