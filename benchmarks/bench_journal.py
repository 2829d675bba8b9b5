"""How fast the session journal saves and replays.

Measures, in a temporary session store:

* durable appends: one writer appending notes (lock + write + fsync per append), and four
  writer processes appending to the same session at once; appends per second and the
  latency of one append (p50, p99, max);
* replay of a 10,000-event session: reading and parsing the journal, folding it into the
  session state, and both together (the target is under 0.5 s).

Run it from the repository root::

    .venv/bin/python benchmarks/bench_journal.py            # full run (~1 minute)
    .venv/bin/python benchmarks/bench_journal.py --quick    # a few seconds
    .venv/bin/python benchmarks/bench_journal.py --dir /path/on/the/disk/to/test

Absolute figures depend on the disk: a virtual machine's fsync is often much cheaper than a
laptop SSD's (and macOS' fsync does not flush the drive cache). Compare ratios.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from facilitate.model.events import (
    EntryAdded,
    EntryDeleted,
    EntryEdited,
    Event,
    RunStarted,
    StepEnded,
    StepStarted,
    TimerAdjusted,
    TimerPaused,
    TimerResumed,
)
from facilitate.model.session import fold
from facilitate.store.line_format import encode_record
from facilitate.store.store import SessionStore

REFLECTION = (
    "Mod: att våga börja innan allt är klart. Genombrott när föreningarna fick egen budget."
    " Ledarskap som delas, ägarskap som växer. Ta med hem: fråga först, planera sedan."
)  # about 220 bytes, like one harvested reflection


def note(i: int, writer: str = "w") -> EntryAdded:
    return EntryAdded(
        entry_id=f"{writer}-{i:06d}",
        kind="reflection",
        text=REFLECTION,
        step="harvest",
        round=1 + i % 3,
        dims={"story": f"story-{i % 5}", "lens": "mod"},
    )


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def single_writer(root: Path, count: int) -> dict[str, Any]:
    session = SessionStore(root).create(title="Bench single", date="2026-11-22")
    latencies = []
    started = time.perf_counter()
    for i in range(count):
        before = time.perf_counter()
        session.append(note(i), author="Anna", role="note-taker")
        latencies.append(time.perf_counter() - before)
    total = time.perf_counter() - started
    return {"appends": count, "seconds": total, "latencies": latencies}


def _writer(args: tuple[str, str, str, int]) -> list[float]:
    root, session_id, name, count = args
    session = SessionStore(Path(root)).open(session_id)
    latencies = []
    for i in range(count):
        before = time.perf_counter()
        session.append(note(i, name), author=name, role="note-taker")
        latencies.append(time.perf_counter() - before)
    return latencies


def four_writers(root: Path, count: int) -> dict[str, Any]:
    session = SessionStore(root).create(title="Bench shared", date="2026-11-22")
    jobs = [(str(root), session.id, f"w{n}", count // 4) for n in range(4)]
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        pool.map(_writer, [(str(root), session.id, "warm", 1)] * 4)  # start the interpreters
        started = time.perf_counter()
        results = pool.map(_writer, jobs)
        total = time.perf_counter() - started
    latencies = [value for chunk in results for value in chunk]
    records = session.records()
    assert len(records) == 4 + count // 4 * 4, "lost or duplicated appends"
    return {"appends": len(latencies), "seconds": total, "latencies": latencies}


def workshop_events(count: int) -> list[Event]:
    """A plausible long session: a run with steps and timer events, mostly entries."""
    events: list[Event] = [RunStarted(method="storytelling", params={"stories": 5}, segments=60)]
    index = 0
    while len(events) < count:
        i = len(events)
        if i % 200 == 1:
            events.append(
                StepStarted(index=index, step="tell", round=index + 1, planned_seconds=600)
            )
        elif i % 200 == 100:
            events.append(TimerPaused(index=index, remaining_seconds=300.0))
        elif i % 200 == 101:
            events.append(TimerResumed(index=index, remaining_seconds=300.0, paused_seconds=42.0))
        elif i % 200 == 150:
            events.append(TimerAdjusted(index=index, delta_seconds=60.0, remaining_seconds=200.0))
        elif i % 200 == 199:
            events.append(
                StepEnded(
                    index=index, outcome="completed", elapsed_seconds=660, remaining_seconds=0
                )
            )
            index += 1
        elif i % 50 == 7:
            events.append(EntryEdited(entry_id=f"w-{i - 3:06d}", text=REFLECTION + " (rättad)"))
        elif i % 97 == 11:
            events.append(EntryDeleted(entry_id=f"w-{i - 4:06d}", reason="dubblett"))
        else:
            events.append(note(i))
    return events[:count]


def build_session(root: Path, count: int) -> Path:
    """Write a ``count``-event journal directly in the journal's format (no fsync per line)."""
    session = SessionStore(root).create(title=f"Bench replay {count}", date="2026-11-22")
    lines = [
        encode_record(
            seq, f"2026-11-22T10:{seq // 600 % 60:02d}:00.000+01:00", "Anna", "facilitator", e
        )
        for seq, e in enumerate(workshop_events(count), 1)
    ]
    session.journal_path.write_bytes(b"".join(lines))
    return session.path


def timed(action: Callable[[], object], repeats: int) -> tuple[float, float]:
    """(best, median) seconds of ``repeats`` runs."""
    times = []
    for _ in range(repeats):
        before = time.perf_counter()
        action()
        times.append(time.perf_counter() - before)
    return min(times), statistics.median(times)


def replay(root: Path, count: int, repeats: int) -> dict[str, Any]:
    path = build_session(root, count)
    store = SessionStore(root)
    session = store.open(path.name)
    records = session.records()
    assert len(records) == count and not session.warnings
    state = fold(records, session.header)
    raw = session.journal_path.read_bytes()
    return {
        "bytes": len(raw),
        "entries": len(state.entries),
        "json": timed(lambda: [json.loads(line) for line in raw.splitlines()], repeats),
        "read": timed(session.records, repeats),
        "fold": timed(lambda: fold(records, session.header), repeats),
        "state": timed(lambda: store.open(path.name).state(), repeats),
    }


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a short run")
    parser.add_argument("--dir", type=Path, default=None, help="where to put the test sessions")
    parser.add_argument("--events", type=int, default=10_000, help="events in the replayed session")
    args = parser.parse_args()
    appends = 300 if args.quick else 3000
    repeats = 3 if args.quick else 7

    with tempfile.TemporaryDirectory(prefix="bench-journal-", dir=args.dir) as tmp:
        root = Path(tmp)
        print(
            f"python {platform.python_version()} on {platform.system()} {platform.machine()},"
            f" sessions in {root}"
        )
        print()
        print(
            f"{'durable appends (lock + write + fsync)':<50}{'appends/s':>10}{'p50':>11}"
            f"{'p99':>11}{'max':>11}"
        )
        for label, run in (
            ("1 writer", single_writer),
            ("4 writer processes, one session", four_writers),
        ):
            result = run(root, appends)
            lat = result["latencies"]
            rate = result["appends"] / result["seconds"]
            name = f"{label} ({result['appends']} appends)"
            print(
                f"  {name:<48}{rate:>10.0f}"
                f"{ms(percentile(lat, 0.5)):>11}{ms(percentile(lat, 0.99)):>11}{ms(max(lat)):>11}"
            )
        print()
        data = replay(root, args.events, repeats)
        print(
            f"replay of a {args.events:,}-event session ({data['bytes'] / 1e6:.1f} MB,"
            f" {data['entries']:,} live entries)   best of {repeats}, median"
        )
        for key, label in (
            ("json", "(for scale: json.loads of each line alone)"),
            ("read", "read + parse journal.jsonl"),
            ("fold", "fold into SessionState"),
            ("state", "open + read + fold (Session.state)"),
        ):
            best, median = data[key]
            print(f"  {label:<48}{ms(best):>12}{ms(median):>12}")
        median_state = data["state"][1]
        verdict = "OK" if median_state < 0.5 else "TOO SLOW"
        print(f"  target: under 500 ms -> {verdict}")


if __name__ == "__main__":
    main()
