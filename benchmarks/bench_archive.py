"""How fast sessions are pushed to the archive, and how cheap an up-to-date push is.

200 sessions of 400 records each (a 35:an of 40 cards × 5 rounds with its read-out, a World
Café's notes and themes: 80,000 records) are written once, then pushed to a throwaway
PostgreSQL started here (Debian's postgresql, as the tests start it; or ``--db URL``):

* **first push**: every record sent (COPY), and the rows folded from them: records per second;
* **up-to-date push**: the same sessions again; nothing is sent (each session's last seq and
  digest are compared with the archive's): milliseconds per session.

Run it from the repository root::

    .venv/bin/python benchmarks/bench_archive.py              # 200 sessions × 400 records
    .venv/bin/python benchmarks/bench_archive.py --sessions 20
"""

from __future__ import annotations

import argparse
import contextlib
import platform
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from facilitate.app.archive import push_sessions  # noqa: E402
from facilitate.model.events import EntryAdded, Event, RunStarted, RunStopped  # noqa: E402
from facilitate.store.line_format import encode_record  # noqa: E402
from facilitate.store.store import SessionStore  # noqa: E402

RECORDS = 400
TEXT = "Biblioteket och kulturskolan når fler när de går ut dit folk redan är"


def journal(run: str) -> bytes:
    """One session's 400 records: a 35:an and a World Café's notes and themes."""
    events: list[Event] = [RunStarted("35an", {}, 1.0, 12, f"{run}-a")]
    for card in range(40):
        value, dims = {"card": str(card)}, {"card": str(card)}
        events.append(EntryAdded(f"c{card}", "card", f"{TEXT} {card}", "write",
                                 dims=dims, value=value, run_id=f"{run}-a"))  # fmt: skip
    for round_ in range(1, 6):
        for pair in range(20):
            a, b = (2 * pair + round_) % 40, (2 * pair + 1 + 3 * round_) % 40
            b = (b + 1) % 40 if a == b else b
            split = {"round": round_, "card_a": str(a), "points_a": pair % 8,
                     "card_b": str(b), "points_b": 7 - pair % 8}  # fmt: skip
            events.append(EntryAdded(f"p{round_}-{pair}", "pair_split", "", "round",
                                     round=round_, value=split, run_id=f"{run}-a"))  # fmt: skip
    events.append(RunStopped(11, 0.0, False, "finished", f"{run}-a"))
    events.append(RunStarted("world-cafe", {"tables": "6"}, 1.0, 7, f"{run}-b"))
    while len(events) < RECORDS - 5:
        n = len(events)
        events.append(EntryAdded(f"w{n}", "note", f"{TEXT} {n}", "round", round=n % 3 + 1,
                                 dims={"table": str(n % 6 + 1)}, run_id=f"{run}-b"))  # fmt: skip
    for t in range(RECORDS - len(events)):
        items = [f"w{n}" for n in range(145 + t, 390, 10)]
        events.append(EntryAdded(f"t{t}", "theme", f"Tema {t}", "harvest",
                                 value={"items": items}, run_id=f"{run}-b"))  # fmt: skip
    return b"".join(
        encode_record(n, f"2018-05-15T10:{n // 60 % 60:02d}:{n % 60:02d}.000+02:00", "Lisa",
                      "note-taker", event)
        for n, event in enumerate(events, 1)
    )  # fmt: skip


def make_store(root: Path, sessions: int) -> SessionStore:
    store = SessionStore(root)
    for n in range(sessions):
        session = store.create(title=f"Mer för fler {n}", date="2018-05-15", language="sv")
        (session.path / "journal.jsonl").write_bytes(journal(f"r{n}"))
    return store


@contextlib.contextmanager
def archive(url: str | None) -> Iterator[str]:
    if url:
        yield url
        return
    from pg_server import postgres_bin, throwaway_server

    binaries = postgres_bin()
    if binaries is None:
        sys.exit("PostgreSQL is not installed (apt-get install postgresql), or give --db URL")
    with throwaway_server(binaries) as (started, _port):
        yield started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--db", help="an archive to push to (default: a throwaway server)")
    args = parser.parse_args()
    print(f"python {platform.python_version()} on {platform.machine()}")
    with tempfile.TemporaryDirectory() as folder, archive(args.db) as url:
        store = make_store(Path(folder), args.sessions)
        records = args.sessions * RECORDS
        start, cpu = time.perf_counter(), time.process_time()
        pushed = push_sessions(store, url)
        first, first_cpu = time.perf_counter() - start, time.process_time() - cpu
        assert sum(p.added for p in pushed) == records
        print(f"first push: {args.sessions} sessions, {records} records in {first:.2f} s"
              f" ({records / first:,.0f} records/s; client CPU {first_cpu:.2f} s)")  # fmt: skip
        times = []
        for _ in range(3):
            start = time.perf_counter()
            again = push_sessions(store, url)
            times.append(time.perf_counter() - start)
            assert all(p.comparison.standing == "up_to_date" for p in again)
        best = min(times)
        print(f"up-to-date push: {best * 1000 / args.sessions:.1f} ms per session"
              f" (best of 3, {best:.2f} s for {args.sessions}; one connection)")  # fmt: skip


if __name__ == "__main__":
    main()
