"""Commands at the scale of a real programme, beside a trivial Typer+Rich app's command.

Measures whole commands as a user runs them (a new process each, start to end), interleaved
with the trivial app of ``bench_startup.py`` (``hello``: one Rich panel) so that the
machine's noise hits both alike; medians, and each command's ratio to the trivial app:

* ``facilitate note SESSION TEXT`` after another writer appended (a timer event written
  before each note, so ``summary.json`` never matches the journal and is carried on), at 50
  events and at 1,000 / 10,000 / 50,000; the target is 50,000 within 1.3× of 50, compared
  as each note's ratio to the trivial app beside it (their medians come from different
  minutes, which a noisy machine makes differ by more than the sizes do);
* ``facilitate sessions show SESSION`` (the default view), ``--json`` and ``--all``, with
  each one's peak memory (the maximum resident set, from GNU ``/usr/bin/time``);
* ``facilitate sessions list`` of 10 / 100 / 1,000 sessions of about 50 events each.

Usage:  python benchmarks/bench_scale.py [--quick] [--runs N] [--list-only]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_list import make_store, settled_index
from bench_note import build_session, environment
from bench_startup import trivial_hello
from facilitate.model.events import TimerPaused
from facilitate.store.store import SessionStore

ROOT = Path(__file__).resolve().parents[1]
TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None
"""GNU time, for each command's peak memory (without it, none is given)."""


def run_child(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from start to end of ``argv``, and its peak memory in MiB (its maximum
    resident set as GNU time reports it: this process's own would be inherited by a child
    started from it)."""
    with tempfile.NamedTemporaryFile("r") as report:
        timed_argv = [TIME, "-f", "%M", "-o", report.name, *argv] if TIME else argv
        before = time.perf_counter()
        result = subprocess.run(
            timed_argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        seconds = time.perf_counter() - before
        assert result.returncode == 0, (argv, result.stderr[-2000:])
        kib = report.read().strip().splitlines()[-1] if TIME else "0"
    return seconds, int(kib) / 1024


class Pairs:
    """Paired runs: the trivial app, then ours, ``runs`` times; medians and the ratio."""

    def __init__(self, trivial: list[str], env: dict[str, str], runs: int) -> None:
        self.trivial, self.env, self.runs = trivial, env, runs

    def measure(
        self, argv: list[str], before_each: Callable[[], object] | None = None
    ) -> dict[str, float]:
        ours, theirs, memory = [], [], []
        for _ in range(self.runs):
            theirs.append(run_child(self.trivial, self.env)[0])
            if before_each is not None:
                before_each()
            seconds, mib = run_child(argv, self.env)
            ours.append(seconds)
            memory.append(mib)
        median, trivial = statistics.median(ours), statistics.median(theirs)
        return {"ours": median, "trivial": trivial, "ratio": median / trivial, "mib": max(memory)}


def facilitate(*args: str) -> list[str]:
    return [sys.executable, "-m", "facilitate", *args]


def row(label: str, result: dict[str, float], extra: str = "") -> str:
    return (
        f"| {label} | {result['ours'] * 1000:.0f} ms | {result['trivial'] * 1000:.0f} ms"
        f" | {result['ratio']:.2f}× | {result['mib']:.0f} MiB |{extra}"
    )


def bench_sessions(root: Path, pairs: Pairs, sizes: tuple[int, ...]) -> list[str]:
    lines = []
    notes: dict[int, float] = {}  # size -> the note's ratio to the trivial app
    for count in (50, *sizes):
        session_id, run_id = build_session(root, count)

        def another_writer(session_id: str = session_id, run_id: str = run_id) -> None:
            session = SessionStore(root).open(session_id)
            session.append(TimerPaused(4, 200.0, run_id=run_id), author="A", role="f")

        note = facilitate("note", session_id, "Ägarskap", "-d", "story=Lund", "-d", "lens=mod")
        run_child(note, pairs.env)  # the first look makes summary.json
        result = pairs.measure(note, another_writer)
        notes[count] = result["ratio"]
        vs = f" {result['ratio'] / notes[50]:.2f}× the note at 50 events |"
        lines.append(row(f"note after another writer, {count:,} events", result, vs))
        if count == 50:
            continue
        show = facilitate("sessions", "show", session_id)
        lines.append(row(f"sessions show, {count:,} events", pairs.measure(show), " |"))
        for flag in ("--json", "--all"):
            every = facilitate("sessions", "show", session_id, flag)
            lines.append(row(f"sessions show {flag}, {count:,} events", pairs.measure(every), " |"))
    return lines


def bench_list(root: Path, pairs: Pairs, counts: tuple[int, ...]) -> list[str]:
    lines = []
    for count in counts:
        sessions = root / f"list-{count}"
        make_store(sessions, count)
        settled_index(sessions)  # summaries and the listing index, as a later listing finds them
        listing = facilitate("--sessions-dir", str(sessions), "sessions", "list")
        run_child(listing, pairs.env)  # warm: page cache
        lines.append(row(f"sessions list, {count:,} sessions", pairs.measure(listing), " |"))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, fewer runs")
    parser.add_argument("--runs", type=int, default=None, help="paired runs per figure")
    parser.add_argument("--list-only", action="store_true", help="only `sessions list`")
    args = parser.parse_args()
    runs = args.runs or (3 if args.quick else 7)
    sizes = (1_000, 10_000) if args.quick else (1_000, 10_000, 50_000)
    counts = (10, 100) if args.quick else (10, 100, 1_000)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, median of {runs} paired runs")
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        root = Path(tmp)
        trivial = trivial_hello(root)
        env = environment(root)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # commands as users run them: .pyc files kept
        pairs = Pairs(trivial, env, runs)
        print("\n| command | facilitate | trivial app | ratio | peak memory | |")
        print("|---|---|---|---|---|---|")
        lines = [] if args.list_only else bench_sessions(root, pairs, sizes)
        for line in lines + bench_list(root, pairs, counts):
            print(line, flush=True)


if __name__ == "__main__":
    main()
