"""How fast a 10,000-entry session is exported to each format (the target is under 1 s).

The session is a conference day at scale: Storytelling & Harvesting (5 stories × 4 lenses,
1,600 notes and reflections), a World Café (3 questions × 26 tables, 3,000 notes, 900 ideas
in 12 themes), a 35:an of 350 cards × 5 rounds (875 pair splits, 350 read-out totals), a dot
vote of 2,000 placements and 100 actions: 10,000 live entries. Its journal is written once
(without fsync, it is only read here). For each format, the median wall-clock time (with
the best, and the CPU time, which other work on a shared machine disturbs less):

* **end to end**: read the journal without a lock, fold it, build the document, render it
  (what ``facilitate export`` does after start-up);
* **render**: the last step alone, from the built document.

Run it from the repository root::

    .venv/bin/python benchmarks/bench_export.py            # 7 repeats per format
    .venv/bin/python benchmarks/bench_export.py --quick    # 3 repeats
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from facilitate.app.export import FORMATS, ExportRequest, export_sessions, render  # noqa: E402
from facilitate.app.methods import Methods  # noqa: E402
from facilitate.model.events import EntryAdded, Event, RunStarted, RunStopped  # noqa: E402
from facilitate.model.expand import build_timeline  # noqa: E402
from facilitate.model.params import params_to_json, resolve_params  # noqa: E402
from facilitate.store.line_format import encode_record  # noqa: E402
from facilitate.store.store import SessionStore  # noqa: E402

TARGET_SECONDS = 1.0
TEXT = "Skapa lokala mötesplatser och hitta smidiga, enkla vägar till varandra"


class Journal:
    """Lines of a journal, numbered and timed one second apart."""

    def __init__(self) -> None:
        self.lines: list[bytes] = []
        self.run_id = ""

    def add(self, event: Event, role: str = "note-taker") -> None:
        n = len(self.lines) + 1
        at = f"2026-03-11T{9 + n // 3600:02d}:{n // 60 % 60:02d}:{n % 60:02d}.000+01:00"
        self.lines.append(encode_record(n, at, "Lisa", role, event))

    def run(self, methods: Methods, method_id: str, params: dict[str, str]) -> None:
        method = methods.get(method_id)
        assert method is not None
        values = resolve_params(method, params)
        self.run_id = f"run-{method_id}"
        segments = len(build_timeline(method, values))
        started = RunStarted(method_id, params_to_json(values), 1.0, segments, self.run_id)
        self.add(started, "facilitator")
        self.add(RunStopped(segments - 1, 0.0, False, "finished", self.run_id), "facilitator")

    def entry(self, entry_id: str, kind: str, text: str, step: str, **more: object) -> None:
        self.add(EntryAdded(entry_id, kind, text, step, run_id=self.run_id, **more))  # type: ignore[arg-type]


def storytelling(journal: Journal, methods: Methods) -> None:
    journal.run(methods, "storytelling-harvesting", {"stories": "A|B|C|D|E"})
    lenses = ("courage", "breakthroughs", "leadership", "take_home")
    for n in range(2213):
        dims = {"story": str(n % 5 + 1), "lens": lenses[n % 4]}
        journal.entry(f"s{n}", "note", f"{TEXT} {n}", ("storytelling", "harvest")[n % 2], dims=dims)
    for n in range(200):
        journal.entry(
            f"r{n}", "reflection", f"{TEXT} {n}", "reflections", dims={"story": str(n % 5 + 1)}
        )


def world_cafe(journal: Journal, methods: Methods) -> None:
    journal.run(methods, "world-cafe", {"tables": "26"})
    for n in range(3000):
        journal.entry(
            f"w{n}",
            "note",
            f"{TEXT} {n}",
            "round",
            round=n % 3 + 1,
            dims={"table": str(n % 26 + 1)},
        )
    for n in range(900):
        journal.entry(
            f"i{n}", "reflection", f"{TEXT} {n}", "harvest", dims={"table": str(n % 26 + 1)}
        )
    for t in range(12):
        items = [f"i{n}" for n in range(t, 880, 12)]
        journal.entry(f"t{t}", "theme", f"Tema {t}", "harvest", value={"items": items})


def thirty_five(journal: Journal, methods: Methods) -> None:
    journal.run(methods, "35an", {})
    for card in range(350):
        journal.entry(
            f"c{card}",
            "card",
            f"{TEXT} {card}",
            "write",
            dims={"card": str(card)},
            value={"card": str(card)},
        )
    for round_ in range(1, 6):
        for pair in range(175):
            a, b = (2 * pair + round_) % 350, (2 * pair + 1 + 3 * round_) % 350
            if a == b:
                b = (b + 1) % 350
            points = (pair + round_) % 8
            split = {
                "round": round_,
                "card_a": str(a),
                "points_a": points,
                "card_b": str(b),
                "points_b": 7 - points,
            }
            journal.entry(f"p{round_}-{pair}", "pair_split", "", "round", round=round_, value=split)
    for card in range(350):
        fields = {"text": f"{TEXT} {card}", "total": str(card % 36)}
        journal.entry(
            f"x{card}", "entry", "", "countdown", dims={"card": str(card)}, value={"fields": fields}
        )


def votes_and_actions(journal: Journal, methods: Methods) -> None:
    journal.run(methods, "dot-voting", {"options": "|".join(f"Alternativ {n}" for n in range(20))})
    for n in range(2000):
        journal.entry(f"d{n}", "dots", "", "vote", value={"target": str(n % 20 + 1), "count": 1})
    journal.run(methods, "follow-up-workshop", {})
    for n in range(100):
        fields = {"what": f"{TEXT} {n}", "who": "Anna", "when": "v. 12"}
        journal.entry(f"a{n}", "entry", "", "actions", value={"fields": fields})


def make_session(root: Path, methods: Methods) -> tuple[SessionStore, str, int]:
    store = SessionStore(root)
    session = store.create(title="Regional konferens", date="2026-03-11", place="Lund")
    journal = Journal()
    for part in (storytelling, world_cafe, thirty_five, votes_and_actions):
        part(journal, methods)
    session.journal_path.write_bytes(b"".join(journal.lines))
    return store, session.id, len(journal.lines)


def timed(call: Callable[[], object], repeats: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each of ``repeats`` calls."""
    wall, cpu = [], []
    for _ in range(repeats):
        started, used = time.perf_counter(), time.process_time()
        call()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - used)
    return wall, cpu


def measure(store: SessionStore, methods: Methods, session_id: str, repeats: int) -> bool:
    """Print a line per format; True if one is slower than the target."""
    print(f"{'format':<8}{'end to end':>11}{'(best)':>8}{'CPU':>8}{'render':>8}{'output':>9}")
    slow = False
    for fmt in FORMATS:
        request = ExportRequest([session_id], fmt)
        done = export_sessions(store, methods, request)
        whole, cpu = timed(lambda: export_sessions(store, methods, request), repeats)  # noqa: B023
        alone, _ = timed(lambda: render(done.document, request), repeats)  # noqa: B023
        median = statistics.median(whole)
        slow |= median >= TARGET_SECONDS
        verdict = "ok" if median < TARGET_SECONDS else "TOO SLOW"
        print(
            f"{fmt:<8}{median:>10.3f}s{min(whole):>7.3f}s{statistics.median(cpu):>7.3f}s"
            f"{statistics.median(alone):>7.3f}s{len(done.data) / 1e6:>7.1f}MB  {verdict}"
        )
    print("end to end: read (no lock), fold, build, render (target < 1 s); render alone")
    return slow


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 repeats instead of 7")
    args = parser.parse_args()
    repeats = 3 if args.quick else 7
    methods = Methods(ROOT, {})
    with tempfile.TemporaryDirectory() as folder:
        store, session_id, events = make_session(Path(folder), methods)
        size = (Path(folder) / session_id / "journal.jsonl").stat().st_size
        entries = export_sessions(store, methods, ExportRequest([session_id], "json")).entries
        print(
            f"Python {platform.python_version()} on {platform.machine()}; {events} events,"
            f" {entries} live entries, journal {size / 1e6:.1f} MB; median of {repeats}"
        )
        slow = measure(store, methods, session_id, repeats)
    sys.exit(1 if slow else 0)


if __name__ == "__main__":
    main()
