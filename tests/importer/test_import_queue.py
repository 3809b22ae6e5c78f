"""The chat import queue: its own few daemon threads, a bounded queue, "busy" beyond it."""

from __future__ import annotations

import threading
import time

from bot.importer.chat import ImportQueue, text


def test_runs_on_its_own_daemon_threads_and_refuses_beyond_the_queue() -> None:
    imports = ImportQueue(workers=2, waiting=1)
    release = threading.Event()
    threads: list[threading.Thread] = []

    def job(n: int) -> int:
        threads.append(threading.current_thread())
        release.wait(10)
        return n

    jobs = [imports.submit(job, n) for n in range(4)]
    assert jobs[3] is None  # two running, one waiting: the fourth is refused
    assert imports.admitted == 3
    release.set()
    assert [j.result(timeout=10) for j in jobs[:3] if j is not None] == [0, 1, 2]
    assert {t.name for t in threads} <= {"import-1", "import-2"} and all(t.daemon for t in threads)
    deadline = time.monotonic() + 5
    while imports.admitted and time.monotonic() < deadline:
        time.sleep(0.01)
    assert imports.admitted == 0
    again = imports.submit(lambda: "free again")
    assert again is not None and again.result(timeout=10) == "free again"


def test_a_cancelled_waiting_import_is_skipped_and_errors_reach_the_caller() -> None:
    imports = ImportQueue(workers=1, waiting=2)
    release = threading.Event()
    ran: list[str] = []
    first = imports.submit(lambda: release.wait(10))
    skipped = imports.submit(ran.append, "skipped")
    assert first is not None and skipped is not None and skipped.cancel()

    def broken() -> None:
        raise RuntimeError("database gone")

    failing = imports.submit(broken)
    release.set()
    assert failing is not None and isinstance(failing.exception(timeout=10), RuntimeError)
    assert ran == []


def test_busy_text_in_every_language() -> None:
    assert "try again" in text("busy", "en")
    assert "noch einmal" in text("busy", "de")
    assert "再试" in text("busy", "zh-hans")
    assert text("working", "en", count=2) == "Reading 2 page(s)…"  # the shared IMPORT texts still come first
