"""Background tasks are never unheard, however fast they finish (issue 12, point 9).

The pool is replaced by one that runs each task to its end inside ``start()``, before the
caller gets the task back: the task wins every race. Its results must still arrive, in a
later event-loop turn, and the callers (History's search index, the CSV preview) must
still see them.
"""

from __future__ import annotations

import threading

import pytest

from trygghetspris_desktop.core import nominations
from trygghetspris_desktop.core.nominations import NominationInput
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui import workers


class _TaskAlwaysWins:
    """A pool that runs the task at once, in the calling thread, before start() returns."""

    def __init__(self) -> None:
        self.ran = 0

    def start(self, task) -> None:  # type: ignore[no-untyped-def]
        task.run()
        self.ran += 1


@pytest.fixture
def task_wins(monkeypatch):  # type: ignore[no-untyped-def]
    pool = _TaskAlwaysWins()
    monkeypatch.setattr(workers, "_pool", lambda: pool)
    return pool


def test_a_task_that_finishes_before_start_returns_is_still_heard(qtbot, task_wins):
    heard: list[object] = []
    task = workers.run_in_background(
        lambda token, report: (report(1, "ett"), 42)[1],
        progress=lambda done, text: heard.append(("progress", done, text)),
        succeeded=lambda result: heard.append(("succeeded", result)),
        finished=lambda: heard.append(("finished",)),
    )
    assert task_wins.ran == 1 and task.done  # the task was over before we got it back
    assert heard == []  # ... and no callback ran inside the caller
    qtbot.waitUntil(lambda: len(heard) == 3)
    assert heard == [("progress", 1, "ett"), ("succeeded", 42), ("finished",)]
    qtbot.waitUntil(lambda: task not in workers._running)


def test_a_fast_failure_is_heard_too_and_says_whether_it_is_a_bug(qtbot, task_wins):
    heard: list[tuple[str, bool]] = []

    def refuse(token, report):  # type: ignore[no-untyped-def]
        raise UserError("Fel i rad 3.")

    def crash(token, report):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom")

    workers.run_in_background(refuse, failed=lambda message, bug: heard.append((message, bug)))
    workers.run_in_background(crash, failed=lambda message, bug: heard.append((message, bug)))
    qtbot.waitUntil(lambda: len(heard) == 2)
    assert heard[0] == ("Fel i rad 3.", False)
    assert heard[1][1] is True and "RuntimeError" in heard[1][0]


def test_callbacks_of_a_real_pool_thread_run_in_the_ui_thread(qtbot):
    threads: list[threading.Thread] = []
    workers.run_in_background(
        lambda token, report: threading.current_thread(),
        succeeded=lambda worker: threads.extend([worker, threading.current_thread()]),
    )
    qtbot.waitUntil(lambda: len(threads) == 2)
    worker, receiver = threads
    assert worker is not threading.main_thread()
    assert receiver is threading.main_thread()


def test_history_sees_new_data_when_every_index_build_wins_the_race(
    main_window, qtbot, services, task_wins
):
    tab = main_window.history_tab
    main_window.show_tab("historik")
    tab.search_edit.setText("IGOR")
    qtbot.waitUntil(lambda: tab.search_model.total > 0)
    tab.search_edit.clear()
    for name in ("Zebrapatrullen", "Nattvandrarna i Zinkensdamm"):
        services.write(
            {topics.NOMINATIONS},
            nominations.add_nomination,
            2022,
            NominationInput(nominee_name=name),
        )
    tab.search_edit.setText("zinkensdamm")
    qtbot.waitUntil(lambda: tab.search_model.total == 1, timeout=10_000)
    tab.search_edit.setText("zebrapatr")
    qtbot.waitUntil(lambda: tab.search_model.total == 1, timeout=10_000)
    assert task_wins.ran >= 3  # the first build and one per change, all of them won


def test_the_csv_preview_shows_a_check_that_won_the_race(
    qtbot, services, db, tmp_path, monkeypatch, task_wins
):
    from trygghetspris_desktop.core import years
    from trygghetspris_desktop.ui.dialogs import csv_import_dialog

    years.create_year(db, 2026)
    monkeypatch.setattr(csv_import_dialog, "BACKGROUND_ROWS", 2)
    path = tmp_path / "formular.csv"
    rows = "".join(f"Verksamhet {n};Farsta\n" for n in range(20))
    path.write_text("nominerad;stadsdelsområde\n" + rows, encoding="utf-8")
    dialog = csv_import_dialog.CsvImportDialog(services, path, 2026)
    qtbot.addWidget(dialog)
    dialog.show()
    assert task_wins.ran == 1
    qtbot.waitUntil(lambda: dialog.result is not None)
    qtbot.waitUntil(lambda: not dialog.progress.isVisible())
    assert dialog.preview_model.rowCount() == 20
    assert dialog.import_button.isEnabled()
