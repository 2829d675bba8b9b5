"""How long listing a session store takes: from its listing index, from summaries, from journals.

Makes 10, 100 and 1,000 sessions of about 50 events each (a programme's archive), then times
``SessionStore.list()`` the first time (every journal read and folded, its summary written:
what every listing cost before summaries), from headers and summaries only (the listing index
removed before each: what every listing cost before the index), from the index (one ``lstat``
of each journal and header), and ``facilitate sessions list`` (and ``--json``) as a whole
command with the index in place. ``bench_scale.py`` times the command beside a trivial
Typer+Rich app.

Usage:  python benchmarks/bench_list.py [--quick]
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from facilitate.clock import local_now
from facilitate.model.events import EntryAdded, Event, RunStarted, StepEnded, StepStarted
from facilitate.store.line_format import encode_record
from facilitate.store.listing_index import INDEX_FILE
from facilitate.store.store import SessionStore

ROOT = Path(__file__).resolve().parents[1]
EVENTS = 50


def make_store(root: Path, count: int) -> SessionStore:
    store = SessionStore(root)
    for n in range(count):
        session = store.create(title=f"Workshop {n}", date="2026-11-22")
        events: list[Event] = [RunStarted(method="world-cafe", segments=3)]
        events.append(StepStarted(index=0, step="intro", planned_seconds=600))
        events += [
            EntryAdded(entry_id=f"e{i}", kind="note", text="En anteckning om samverkan " * 3)
            for i in range(EVENTS - 3)
        ]
        events.append(
            StepEnded(index=0, outcome="completed", elapsed_seconds=600, remaining_seconds=0)
        )
        at = "2026-11-22T10:00:00.000+01:00"
        lines = [encode_record(seq, at, "Anna", "note-taker", e) for seq, e in enumerate(events, 1)]
        session.journal_path.write_bytes(b"".join(lines))
    return store


def settled_index(root: Path) -> None:
    """List the store as a listing a few seconds after it was made does: the index keeps a
    session only once its files are :data:`~facilitate.store.listing_index.SETTLE_NS` old."""
    SessionStore(root, now=lambda: local_now() + timedelta(seconds=10)).list()


def without_index(root: Path) -> None:
    """A listing from headers and summaries: no index, and none written (by a clock that
    says every file was changed just now)."""
    (root / INDEX_FILE).unlink(missing_ok=True)
    SessionStore(root, now=lambda: local_now() - timedelta(seconds=10)).list()


def command_env() -> dict[str, str]:
    """The environment of a command run as users run it (with its compiled ``.pyc`` files)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "FACILITATE_LANG": "en", "PYTHONPATH": str(ROOT)}


def timed(action: object, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        before = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - before)
    return statistics.median(times)


def command_seconds(root: Path, repeats: int, *extra: str) -> float:
    env = command_env()
    argv = [sys.executable, "-m", "facilitate", "--sessions-dir", str(root), "sessions", "list"]
    argv += extra
    return timed(lambda: subprocess.run(argv, env=env, capture_output=True, check=True), repeats)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10 and 100 sessions only")
    args = parser.parse_args()
    sizes = (10, 100) if args.quick else (10, 100, 1000)
    print(
        f"{'sessions':>8} {'first list':>11} {'summaries':>11} {'index':>9}"
        f" {'command':>9} {'--json':>9}"
    )
    for count in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "sessions"
            store = make_store(root, count)
            before = time.perf_counter()
            store.list()
            first = time.perf_counter() - before
            summaries = timed(functools.partial(without_index, root), 5)
            settled_index(root)
            indexed = timed(store.list, 5)  # (the real clock: it keeps the rows it finds)
            command_seconds(root, 1)  # warm: page cache and .pyc files
            command = command_seconds(root, 5)
            as_json = command_seconds(root, 5, "--json")
            print(
                f"{count:>8} {first * 1000:>9.0f}ms {summaries * 1000:>9.0f}ms"
                f" {indexed * 1000:>7.0f}ms {command * 1000:>7.0f}ms {as_json * 1000:>7.0f}ms"
            )


if __name__ == "__main__":
    main()
