"""The `trygghetspris` command: no arguments opens the window, a subcommand works headless.

Headless commands never import Qt (a test checks it), so they start fast; the document
commands (diploma, press-release, documents) on a data folder that is already up to date
do not even import SQLAlchemy (see :func:`_year_record`). Problems the user can fix print a
Swedish message and exit 1; a bug is logged with its traceback and exits 3 with the path
of the log.

May import: context, exchange, documents, core, domain; the window and the screenshot only
through :mod:`.app`, lazily (the one exception in pyproject.toml's import-linter contracts).
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from trygghetspris_desktop import __version__

if TYPE_CHECKING:
    from trygghetspris_desktop.context import AppContext
    from trygghetspris_desktop.domain.award_record import AwardRecord
    from trygghetspris_desktop.paths import AppPaths

log = logging.getLogger(__name__)

EXIT_OK, EXIT_USER_ERROR, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3


# argparse's own messages, in Swedish (the first group of each pattern is kept).
_ARGPARSE_MESSAGES = (
    (re.compile(r"^the following arguments are required: (.*)$"), "detta saknas: {0}"),
    (re.compile(r"^unrecognized arguments: (.*)$"), "okända argument: {0}"),
    (
        re.compile(r"^argument (.*): invalid choice: (.*) \(choose from (.*)\)$"),
        "{0}: {1} finns inte (välj bland {2})",
    ),
    (re.compile(r"^argument (.*): invalid int value: (.*)$"), "{0}: {1} är inget heltal"),
    (re.compile(r"^argument (.*): expected one argument$"), "{0}: ett värde saknas"),
    (re.compile(r"^argument (.*)$"), "{0}"),  # anything else: at least name the argument
)


def _swedish(message: str) -> str:
    for pattern, template in _ARGPARSE_MESSAGES:
        match = pattern.match(message)
        if match:
            return template.format(*match.groups())
    return message


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        # None means "the default"; argparse passes "" when it builds a subcommand's name.
        super().add_usage(usage, actions, groups, "användning: " if prefix is None else prefix)


class SwedishParser(argparse.ArgumentParser):
    """argparse in Swedish: headings, the -h and --version help, and its error messages."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        add_help = kwargs.pop("add_help", True)
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "argument"
        self._optionals.title = "flaggor"
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", help="visa den här hjälpen och avsluta"
            )

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: fel: {_swedish(message)}\n")


def _add_data_dir(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument(
        "--data-dir",
        metavar="MAPP",
        default=argparse.SUPPRESS,
        help="datamapp (annars $TRYGGHETSPRIS_DATA_DIR eller användarens datamapp)",
    )
    parser.add_argument(
        "--database-url",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="en PostgreSQL-server i stället för datamappens fil, t.ex. "
        "postgresql+psycopg://kim@server/trygghetspris (annars $TRYGGHETSPRIS_DATABASE_URL); "
        "lösenordet i PGPASSWORD, ~/.pgpass eller en tjänst, aldrig i adressen",
    )
    return parser


def _database_url(args: argparse.Namespace) -> str | None:
    """The server's URL from --database-url or the environment; None for the folder's file."""
    from trygghetspris_desktop.paths import resolve_database_url

    return resolve_database_url(getattr(args, "database_url", None))


def _command(sub: _Subcommands, name: str, help: str) -> Any:
    """A subcommand that, like the program itself, takes --data-dir."""
    parser = sub.add_parser(name, help=help)
    return parser if isinstance(parser, _NotBuilt) else _add_data_dir(parser)


class _NotBuilt:
    """The parser of a subcommand this run does not name: what is added to it is dropped."""

    def add_argument(self, *_args: Any, **_kwargs: Any) -> None:
        return None

    def set_defaults(self, **_kwargs: Any) -> None:
        return None


class _Subcommands:
    """argparse's subcommands, or only the one named ``only`` (see :func:`build_parser`).

    Attributes:
        built: whether a subcommand was built (False: ``only`` names none).
    """

    def __init__(self, action: Any, only: str | None) -> None:
        self._action = action
        self._only = only
        self.built = False

    def add_parser(self, name: str, help: str) -> argparse.ArgumentParser | _NotBuilt:
        if self._only is not None and name != self._only:
            return _NotBuilt()
        self.built = True
        parser: argparse.ArgumentParser = self._action.add_parser(name, help=help)
        return parser


_GLOBAL_OPTIONS_WITH_VALUE = ("--data-dir", "--database-url")


def _named_command(argv: Sequence[str]) -> str | None:
    """The first argument that is no option nor a global option's value: the subcommand,
    if ``argv`` names one; None before any (``-h``, the window)."""
    arguments = iter(argv)
    for argument in arguments:
        if argument in _GLOBAL_OPTIONS_WITH_VALUE:
            next(arguments, None)
        elif not argument.startswith("-"):
            return argument
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with ``only``, with that subcommand alone (the whole
    parser if there is no such subcommand).

    A command's run parses its arguments with its own subcommand only: building all fifteen
    (argparse checks each argument through a help formatter and looks up translations) was
    about 4 % of a ``press-release``. Usage, help and messages of that subcommand are the
    same as in the whole parser; anything else (``-h``, a mistyped command) gets the whole.
    """
    parser = SwedishParser(
        prog="trygghetspris",
        description="Trygghetspris Desktop. Utan kommando öppnas programfönstret.",
    )
    _add_data_dir(parser)
    parser.add_argument(
        "--version",
        action="version",
        version=f"trygghetspris {__version__}",
        help="visa programmets version och avsluta",
    )
    parser._positionals.title = "kommandon"
    sub = _Subcommands(parser.add_subparsers(dest="command", metavar="KOMMANDO"), only)

    p = _command(sub, "export", help="exportera data (JSON eller CSV)")
    p.add_argument("--format", choices=("json", "csv"), default="json", help="standard: json")
    p.add_argument("-o", "--output", metavar="FIL", help="fil att skriva (annars standard ut)")
    p.add_argument("--year", type=int, metavar="ÅR", help="CSV: bara detta år")
    p.add_argument("--public", action="store_true", help="CSV: utan nominerarnas personuppgifter")
    p.add_argument("--with-audit", action="store_true", help="JSON: ta med ändringsloggen")
    p.add_argument(
        "--archive",
        action="store_true",
        help="CSV: arkivlistan (en rad per vinnare och hedersomnämnande) i stället för "
        "nomineringarna",
    )
    p.set_defaults(handler=cmd_export)

    p = _command(sub, "import", help="importera en JSON-export eller en CSV")
    p.add_argument("file", metavar="FIL", help="en .json-export eller en .csv med nomineringar")
    p.add_argument("--year", type=int, metavar="ÅR", help="CSV: år för rader utan år")
    p.add_argument(
        "--archive",
        action="store_true",
        help="CSV: en arkivlista (en rad per vinnare och hedersomnämnande, se README)",
    )
    p.set_defaults(handler=cmd_import)

    p = _command(sub, "search", help="sök i alla år och all text, som sökningen under Historik")
    p.add_argument(
        "text", metavar="TEXT", help="det som söks (skiftläge och accenter spelar ingen roll)"
    )
    p.add_argument("--year", type=int, metavar="ÅR", help="bara träffar från detta år")
    p.add_argument(
        "--limit", type=int, default=200, metavar="ANTAL", help="högst så många träffar (200)"
    )
    p.set_defaults(handler=cmd_search)

    p = _command(sub, "backup", help="säkerhetskopiera databasen")
    p.add_argument(
        "-o", "--output", metavar="FIL", help="fil att skriva (annars i datamappens backups/)"
    )
    p.set_defaults(handler=cmd_backup)

    p = _command(sub, "restore", help="återställ från en säkerhetskopia")
    p.add_argument("file", metavar="FIL", help="säkerhetskopian (kontrolleras först)")
    p.set_defaults(handler=cmd_restore)

    p = _command(sub, "check", help="kontrollera databasens integritet")
    p.set_defaults(handler=cmd_check)

    p = _command(
        sub,
        "server-setup",
        help="PostgreSQL: uppdatera schemat och skapa rollerna trygghetspris_admin, "
        "trygghetspris_jury och trygghetspris_read med sina behörigheter",
    )
    p.set_defaults(handler=cmd_server_setup)

    p = _command(sub, "diploma", help="skapa årets diplom (PDF)")
    p.add_argument("year", type=int, metavar="ÅR", help="prisåret")
    p.add_argument("-o", "--output", metavar="FIL", help="standard: diplom-ÅR.pdf")
    p.add_argument("--crop-marks", action="store_true", help="med skärmärken")
    p.set_defaults(handler=cmd_diploma)

    p = _command(sub, "press-release", help="skapa årets pressmeddelande")
    p.add_argument("year", type=int, metavar="ÅR", help="prisåret")
    p.add_argument("--format", choices=("pdf", "txt", "html"), default="pdf", help="standard: pdf")
    p.add_argument("-o", "--output", metavar="FIL", help="standard: pressmeddelande-ÅR.FORMAT")
    p.set_defaults(handler=cmd_press_release)

    p = _command(sub, "documents", help="alla årets dokument i en mapp")
    p.add_argument("year", type=int, metavar="ÅR", help="prisåret")
    p.add_argument("--out", required=True, metavar="MAPP", help="mappen att skriva i")
    p.set_defaults(handler=cmd_documents)

    p = _command(sub, "personal-data", help="visa allt som är lagrat om en nominerande (JSON)")
    p.add_argument("email", metavar="E-POST", help="den nominerandes e-postadress")
    p.add_argument("-o", "--output", metavar="FIL", help="fil att skriva (annars standard ut)")
    p.set_defaults(handler=cmd_personal_data)

    p = _command(sub, "anonymise", help="avidentifiera nominerande efter lagringstiden")
    p.add_argument("--dry-run", action="store_true", help="visa bara hur många som berörs")
    p.set_defaults(handler=cmd_anonymise)

    p = _command(sub, "protocol", help="skapa årets juryprotokoll (PDF)")
    p.add_argument("year", type=int, metavar="ÅR", help="prisåret")
    p.add_argument("-o", "--output", metavar="FIL", help="standard: juryprotokoll-ÅR.pdf")
    p.set_defaults(handler=cmd_protocol)

    p = _command(sub, "screenshot", help="spara en bild av programfönstret (PNG) och avsluta")
    p.add_argument("-o", "--output", required=True, metavar="FIL.png", help="bilden att skriva")
    p.add_argument(
        "--tab",
        choices=("nomineringar", "jury", "historik"),
        default="nomineringar",
        help="fliken som visas",
    )
    p.add_argument("--year", type=int, metavar="ÅR", help="prisåret som visas")
    p.add_argument(
        "--size", default="1280x800", metavar="BxH", help="fönstrets storlek i bildpunkter"
    )
    p.set_defaults(handler=cmd_screenshot)
    if only is not None and not sub.built:
        return build_parser()
    return parser


def _refuse_unwritable(paths: AppPaths) -> None:
    """A read-only data folder or database file, or a full disk: say so before anything."""
    from trygghetspris_desktop.exchange.faults import write_problem

    problem = write_problem(paths)
    if problem is not None:
        raise problem


@contextmanager
def _opened(args: argparse.Namespace) -> Iterator[AppContext]:
    """The command's data folder, opened (migrated, seeded) and closed again afterwards."""
    from trygghetspris_desktop.context import open_context
    from trygghetspris_desktop.logging_setup import setup_logging
    from trygghetspris_desktop.paths import resolve_paths

    paths = resolve_paths(getattr(args, "data_dir", None))
    _refuse_unwritable(paths)
    # The log first, so that a failure while opening is written there, not on the console.
    setup_logging(paths.ensure().log_file)
    context = open_context(getattr(args, "data_dir", None), database_url=_database_url(args))
    try:
        yield context
    finally:
        context.close()


def _write(output: str | None, data: bytes | str, *, encoding: str = "utf-8") -> None:
    from trygghetspris_desktop.exchange.files import write_atomic

    if output is None or output == "-":
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(data)
            sys.stdout.flush()
        return
    path = write_atomic(output, data, encoding=encoding)
    print(f"Skrev {path}", file=sys.stderr)


def cmd_export(args: argparse.Namespace) -> int:
    from trygghetspris_desktop.domain.errors import UserError

    if args.archive and args.format != "csv":
        raise UserError("--archive gäller CSV: skriv --format csv --archive.", "archive")
    with _opened(args) as context:
        if args.archive:
            from trygghetspris_desktop.exchange.archive_csv_export import export_archive_csv
            from trygghetspris_desktop.exchange.csv_io import CSV_ENCODING

            text = export_archive_csv(context.db, args.year)
            _write(args.output, text, encoding=CSV_ENCODING if args.output else "utf-8")
        elif args.format == "json":
            from trygghetspris_desktop.exchange.json_export import export_file_bytes

            _write(args.output, export_file_bytes(context.db, with_audit=args.with_audit))
        else:
            from trygghetspris_desktop.exchange.csv_io import CSV_ENCODING, export_nominations_csv

            text = export_nominations_csv(
                context.db, args.year, include_personal_data=not args.public
            )
            _write(args.output, text, encoding=CSV_ENCODING if args.output else "utf-8")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from trygghetspris_desktop.domain.errors import UserError

    path = Path(args.file)
    if args.archive and path.suffix.lower() != ".csv":
        raise UserError(f"En arkivlista är en .csv-fil; «{path}» är inte det.", "file")
    from trygghetspris_desktop.exchange.json_io import check_import_size

    check_import_size(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError(f"Filen «{path}» finns inte.", "file") from None
    except UnicodeDecodeError:
        raise UserError(f"Filen «{path}» är inte UTF-8-kodad text.", "file") from None
    with _opened(args) as context:
        context.backup("fore-import")
        if args.archive:
            from trygghetspris_desktop.exchange.archive_csv_import import import_archive_csv

            print(f"Importerade arkivlistan {path}: {import_archive_csv(context.db, text)}.")
        elif path.suffix.lower() == ".csv":
            from trygghetspris_desktop.domain.swedish import count_noun
            from trygghetspris_desktop.exchange.csv_io import import_nominations_csv

            count = import_nominations_csv(context.db, text, default_year=args.year)
            print(f"Importerade {count_noun(count, 'nominering', 'nomineringar')} från {path}.")
        else:
            from trygghetspris_desktop.exchange.json_io import import_json

            summary = import_json(context.db, text)
            print(f"Importerade {path}: {summary}.")
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    """The hits of History's search, one per line: year, kind, title and snippet, by tabs."""
    from trygghetspris_desktop.core.search import build_index

    with _opened(args) as context:
        index = build_index(context.db)
    limit = max(args.limit, 1)
    # History's search, then this year's hits only: the year filter keeps every hit of it.
    hits, total = index.search(args.text, limit=len(index) if args.year else limit)
    if args.year is not None:
        hits = [hit for hit in hits if hit.item.year == args.year]
        total = len(hits)
        hits = hits[:limit]
    for hit in hits:
        item = hit.item
        print(
            "\t".join(
                _one_line(part) for part in (str(item.year), item.kind, item.title, hit.snippet)
            )
        )
    shown = f" (visar {len(hits)})" if len(hits) < total else ""
    print(
        "Inga träffar." if not total else f"{total} träff{'ar' if total != 1 else ''}{shown}.",
        file=sys.stderr,
    )
    return EXIT_OK


def _one_line(text: str) -> str:
    return " ".join(text.split())


def cmd_backup(args: argparse.Namespace) -> int:
    with _opened(args) as context:
        if args.output and context.db.is_server:
            from trygghetspris_desktop.exchange.server_backup import backup_server_to_file

            path = backup_server_to_file(context.db, Path(args.output))
        elif args.output:
            from trygghetspris_desktop.exchange.backup import backup_to_file

            path = backup_to_file(context.paths.database, Path(args.output), context.paths.backups)
        else:
            path = context.backup("manuell")
        print(f"Säkerhetskopia: {path}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    if _database_url(args):
        return _restore_server(args)
    # The data folder is not opened (migrated) first: a restore must also work when the
    # current database is damaged, or missing on a new computer.
    from trygghetspris_desktop.exchange.backup import backups_to_keep, restore_database
    from trygghetspris_desktop.logging_setup import setup_logging
    from trygghetspris_desktop.paths import resolve_paths

    paths = resolve_paths(getattr(args, "data_dir", None)).ensure()
    setup_logging(paths.log_file)
    safety = restore_database(
        paths.database, Path(args.file), paths.backups, keep=backups_to_keep(paths.database)
    )
    kept = f" Den tidigare databasen sparades som {safety}." if safety else ""
    print(f"Återställde från {args.file}.{kept}")
    return EXIT_OK


def _restore_server(args: argparse.Namespace) -> int:
    """Into an empty database on the server (never over one in use); nothing is opened
    or migrated first, since the database must be empty."""
    from trygghetspris_desktop.context import restore_to_server
    from trygghetspris_desktop.logging_setup import setup_logging
    from trygghetspris_desktop.paths import resolve_paths

    setup_logging(resolve_paths(getattr(args, "data_dir", None)).ensure().log_file)
    location = restore_to_server(_database_url(args) or "", Path(args.file))
    print(f"Återställde {location} från {args.file}.")
    return EXIT_OK


def cmd_server_setup(args: argparse.Namespace) -> int:
    """Migrate the server's database and give the three roles their rights (idempotent)."""
    from trygghetspris_desktop.context import set_up_server
    from trygghetspris_desktop.domain.access import ROLE_NAMES
    from trygghetspris_desktop.domain.errors import UserError

    if not _database_url(args):
        raise UserError(
            "server-setup gäller en PostgreSQL-server: ange den med --database-url URL "
            "(eller $TRYGGHETSPRIS_DATABASE_URL).",
            "database_url",
        )
    with _opened(args) as context:
        created, revision = set_up_server(context)
        print(f"Databasen {context.location} har schemaversion {revision}.")
    for role, meaning in ROLE_NAMES.items():
        state = "skapad" if role in created else "fanns redan"
        print(f"  {role}: {state} ({meaning}); behörigheterna är givna.")
    print("Ge en inloggning en roll, t.ex.: GRANT trygghetspris_read TO kim;")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from trygghetspris_desktop.exchange.integrity import check_database

    with _opened(args) as context:
        report = check_database(context.db, context.paths.backups)
    for line in report.lines:
        print(line)
    if report.advice:
        print(report.advice, file=sys.stderr)
    return EXIT_OK if report.ok else EXIT_USER_ERROR


def _year_record(args: argparse.Namespace) -> AwardRecord:
    """The record of ``args.year`` for a document command.

    A database already at the current schema, with its settings, is read through a
    read-only sqlite3 connection: nothing would be migrated or seeded, and the command
    starts without importing SQLAlchemy. Any other data folder (new, older, foreign,
    damaged...) is opened the full way, with its usual messages.
    """
    from trygghetspris_desktop.core.readonly_record import record_if_current
    from trygghetspris_desktop.paths import resolve_paths

    paths = resolve_paths(getattr(args, "data_dir", None))
    if _database_url(args):  # a server: the full way (the fast path reads the file)
        from trygghetspris_desktop.core.records import award_record

        with _opened(args) as context:
            return award_record(context.db, args.year, context.paths.data_dir)

    def set_up_log() -> None:
        from trygghetspris_desktop.logging_setup import setup_logging

        _refuse_unwritable(paths)
        paths.ensure()
        setup_logging(paths.log_file)

    record = record_if_current(paths.database, args.year, paths.data_dir, set_up_log)
    if record is not None:
        return record
    from trygghetspris_desktop.core.records import award_record

    with _opened(args) as context:
        return award_record(context.db, args.year, context.paths.data_dir)


def _say_what_is_missing(lines: Sequence[str]) -> None:
    """What a document leaves out because it is not known, on stderr before it is written."""
    for line in lines:
        print(f"Obs: {line}", file=sys.stderr)


def _without_cyclic_gc(command: Callable[[argparse.Namespace], int]) -> Callable[..., int]:
    """A document command without Python's cyclic garbage collector (restored after), and
    with Pillow loaded only if a logo needs it (documents/deferred_pillow.py).

    Such a command imports ReportLab, parses its fonts and renders one year's documents,
    then ends. The collector, started again and again by those allocations, kept traversing
    the imported modules and the fonts' tables, none of it garbage: about 8 % of the
    command's time. Reference counting frees what a rendering leaves behind.
    """

    def run(args: argparse.Namespace) -> int:
        import gc

        from trygghetspris_desktop.documents.deferred_pillow import defer_pillow

        defer_pillow()  # a single-threaded process: Pillow loads only for a logo
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return command(args)
        finally:
            if was_enabled:
                gc.enable()

    run.__name__ = run.__qualname__ = command.__name__
    run.__doc__ = command.__doc__
    return run


@_without_cyclic_gc
def cmd_diploma(args: argparse.Namespace) -> int:
    from trygghetspris_desktop.documents import render_diploma
    from trygghetspris_desktop.documents.omissions import diploma_omissions

    record = _year_record(args)
    _say_what_is_missing(diploma_omissions(record))
    data = render_diploma(record, crop_marks=args.crop_marks)
    _write(args.output or f"diplom-{args.year}.pdf", data)
    return EXIT_OK


@_without_cyclic_gc
def cmd_press_release(args: argparse.Namespace) -> int:
    from trygghetspris_desktop.documents import (
        press_release_html,
        press_release_text,
        render_press_release_pdf,
    )

    renderers: dict[str, Callable[[AwardRecord], bytes | str]] = {
        "pdf": render_press_release_pdf,
        "txt": press_release_text,
        "html": press_release_html,
    }
    from trygghetspris_desktop.documents.omissions import press_release_omissions

    record = _year_record(args)
    _say_what_is_missing(press_release_omissions(record))
    data = renderers[args.format](record)
    _write(args.output or f"pressmeddelande-{args.year}.{args.format}", data)
    return EXIT_OK


@_without_cyclic_gc
def cmd_documents(args: argparse.Namespace) -> int:
    from trygghetspris_desktop.documents.bundle import year_documents
    from trygghetspris_desktop.documents.omissions import (
        diploma_omissions,
        press_release_omissions,
    )
    from trygghetspris_desktop.exchange.files import write_atomic

    record = _year_record(args)
    _say_what_is_missing([*diploma_omissions(record), *press_release_omissions(record)])
    documents = year_documents(record)
    out = Path(args.out)
    for name, data in documents.items():
        print(write_atomic(out / name, data))
    return EXIT_OK


def cmd_personal_data(args: argparse.Namespace) -> int:
    import json  # here: the other commands need no json module (a document command starts faster)

    from trygghetspris_desktop.core.privacy import personal_data

    with _opened(args) as context:
        data = personal_data(context.db, args.email)
    _write(args.output, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


class _Progress:
    """Long work's progress on stderr, step by step (a script's stdout stays clean).

    On a terminal: one line per step, rewritten in place as the count grows. Otherwise (a
    log, a pipe): a line when a step begins, one every :attr:`every` seconds while it runs,
    and one when it ends. A step without a count has ``total`` 0 and ``done`` 0, then 1.
    """

    every = 10.0  # seconds between two lines when stderr is not a terminal

    def __init__(self, stream: Any = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.terminal = bool(getattr(self.stream, "isatty", lambda: False)())
        self.step: str | None = None
        self.shown_at = 0.0
        self.open_line = False  # a terminal line not ended yet

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *_exc: object) -> None:
        """End a line left open (an error stopped the step), so what follows starts anew."""
        if self.open_line:
            self.stream.write("\n")
            self.stream.flush()
            self.open_line = False

    def __call__(self, step: str, done: int, total: int) -> None:
        import time

        from trygghetspris_desktop.domain.swedish import swedish_number

        now = time.monotonic()
        first, last = step != self.step, done >= max(total, 1)
        if not (first or last or now - self.shown_at >= (0.2 if self.terminal else self.every)):
            return
        self.step, self.shown_at = step, now
        text = f"{step}: {swedish_number(done, ' ')} av {swedish_number(total, ' ')}"
        if not total:
            text = f"{step}: klart" if last else f"{step} …"
        if self.terminal:
            self.stream.write(f"\r\x1b[K{text}" + ("\n" if last else ""))
            self.open_line = not last
        else:
            self.stream.write(text + "\n")
        self.stream.flush()


def cmd_anonymise(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from trygghetspris_desktop.core.privacy import anonymise_expired
    from trygghetspris_desktop.domain.swedish import count_noun
    from trygghetspris_desktop.exchange.backup_privacy import anonymise_backups

    with _opened(args) as context, _Progress() as progress:
        if not args.dry_run:
            context.backup("fore-avidentifiering")
        result = anonymise_expired(context.db, dry_run=args.dry_run, progress=progress)
        if args.dry_run:
            print(
                f"Skulle avidentifiera {result.nominators} nominerande "
                f"(prisår t.o.m. {result.cutoff_year})."
            )
            return EXIT_OK
        now = datetime.now(UTC).replace(tzinfo=None)
        on_server = context.on_server
        if on_server:
            from trygghetspris_desktop.exchange.server_backup_privacy import (
                anonymise_server_backups,
            )

            server = anonymise_server_backups(
                context.db,
                context.backups_dir,
                result.cutoff_year,
                now,
                lambda done, total: progress(
                    "Avidentifierar säkerhetskopior på servern", done, total
                ),
            )
            anonymised, unreachable, removed = server.anonymised, server.unreachable, []
        else:
            copies = anonymise_backups(
                context.paths.backups,
                result.cutoff_year,
                now,
                lambda done, total: progress("Avidentifierar säkerhetskopior", done, total),
            )
            anonymised, unreachable, removed = copies.anonymised, [], copies.removed
    print(
        f"Avidentifierade {result.nominators} nominerande (prisår t.o.m. {result.cutoff_year}); "
        f"{result.audit_entries} poster i ändringsloggen rensades på personuppgifter."
    )
    print(f"Säkerhetskopior som avidentifierades: {len(anonymised)}.")
    if unreachable:
        print(
            f"Obs: {count_noun(len(unreachable), 'säkerhetskopia', 'säkerhetskopior')} på "
            "servern kunde inte avidentifieras: inloggningen får inte skapa databaser "
            "(CREATEDB), vilket behövs för att skriva om en pg_dump-kopia. Kör anonymise med "
            "en inloggning som får det, eller radera kopiorna i "
            f"{unreachable[0].parent}.",
            file=sys.stderr,
        )
    for path in removed:
        print(f"Togs bort (skadad, gick inte att avidentifiera säkert): {path}")
    if not result.file_clean:
        print(
            "Obs: ett annat program (t.ex. programfönstret) läser databasen; dess WAL-fil töms "
            "när det stängs.",
            file=sys.stderr,
        )
    return EXIT_OK


def cmd_protocol(args: argparse.Namespace) -> int:
    from trygghetspris_desktop.core.protocol import protocol_record
    from trygghetspris_desktop.documents.protocol import render_protocol

    with _opened(args) as context:
        data = render_protocol(protocol_record(context.db, args.year))
    _write(args.output or f"juryprotokoll-{args.year}.pdf", data)
    return EXIT_OK


def cmd_screenshot(args: argparse.Namespace) -> int:
    """The one command that loads Qt: it renders the window offscreen."""
    from trygghetspris_desktop.domain.errors import UserError

    try:
        width, height = (int(part) for part in args.size.lower().split("x"))
    except ValueError:
        raise UserError(
            f"Storleken «{args.size}» ska skrivas som BREDDxHÖJD, t.ex. 1280x800.", "size"
        ) from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise UserError(f"Storleken {width}x{height} är orimlig (320x240–7680x4320).", "size")
    from trygghetspris_desktop.app import screenshot

    path = screenshot(
        getattr(args, "data_dir", None),
        Path(args.output),
        args.tab,
        args.year,
        (width, height),
        _database_url(args),
    )
    print(f"Skrev {path}", file=sys.stderr)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_named_command(argv))
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        from trygghetspris_desktop.app import run

        return run(getattr(args, "data_dir", None), _database_url(args))
    from trygghetspris_desktop.documents import DocumentError
    from trygghetspris_desktop.domain.errors import UserError

    try:
        return int(handler(args))
    except (UserError, DocumentError) as error:
        print(f"fel: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("avbrutet", file=sys.stderr)
        return 130
    except Exception as error:
        fault = _storage_fault(error, args)
        if fault is not None:  # a damaged file, a read-only place, a full disk: no bug
            # The driver's error alone: SQLAlchemy's text carries the rows' values.
            log.info("command %s: %s", args.command, getattr(error, "orig", error))
            print(f"fel: {fault}", file=sys.stderr)
            return EXIT_USER_ERROR
        log.exception("bug in command %s", args.command)
        log_file = _log_file_hint(args)
        print(
            f"Ett oväntat fel inträffade (en bugg). Detaljer finns i loggen: {log_file}",
            file=sys.stderr,
        )
        return EXIT_BUG


def _storage_fault(error: Exception, args: argparse.Namespace) -> Exception | None:
    from trygghetspris_desktop.exchange.faults import storage_fault
    from trygghetspris_desktop.paths import resolve_paths

    return storage_fault(error, resolve_paths(getattr(args, "data_dir", None)))


def _log_file_hint(args: argparse.Namespace) -> str:
    from trygghetspris_desktop.paths import resolve_paths

    return str(resolve_paths(getattr(args, "data_dir", None)).log_file)


if __name__ == "__main__":
    raise SystemExit(main())
