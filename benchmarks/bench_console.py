"""The facilitator's console beside a live run, on this machine.

1. Idle cost of `facilitate console SESSION` in a 120x40 pty while a `facilitate timer
   --session SESSION` runs in the background (the live run): steady-state CPU seconds per
   minute, wake-ups per second and terminal bytes per second (the console redraws once a
   second through the diffing writer, and looks at the journal twice a second).
2. The control channel's latency: `send_control(store, session, "pause")` until the run has
   recorded the pause (its TimerPaused is in the journal), alternating pause and resume.

Usage:  python benchmarks/bench_console.py [--seconds 30] [--rounds 20]
Needs Linux (/proc).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from facilitate.app.control import send_control
from facilitate.store.journal import SessionStore
from pty_harness import run_in_pty

WARMUP = 5.0


def live_run(root: Path, session_id: str, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """A recorded timer in the background; returns once it holds the control channel."""
    argv = [sys.executable, "-m", "facilitate", "timer", "30m", "--session", session_id]
    quiet = subprocess.DEVNULL
    run = subprocess.Popen(argv, env=env, stdin=quiet, stdout=quiet, stderr=quiet)
    control = root / session_id / "control"
    deadline = time.monotonic() + 30
    while not control.exists():
        if time.monotonic() > deadline or run.poll() is not None:
            raise SystemExit("the live run did not start")
        time.sleep(0.02)
    return run


def timer_events(journal: Path) -> int:
    lines = journal.read_text(encoding="utf-8").splitlines()
    return sum(json.loads(line)["type"] in ("timer_paused", "timer_resumed") for line in lines)


def latency(store: SessionStore, session_id: str, rounds: int) -> list[float]:
    """Seconds from sending pause (or resume) until the run has recorded it."""
    journal = store.root / session_id / "journal.jsonl"
    found = []
    for _ in range(rounds):
        before = timer_events(journal)
        began = time.perf_counter()
        if not send_control(store, session_id, "pause"):
            raise SystemExit("the run took no command")
        while timer_events(journal) == before:
            time.sleep(0.0005)
        found.append(time.perf_counter() - began)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "sessions"
        env = {**os.environ, "FACILITATE_SESSIONS": str(root), "FACILITATE_LANG": "en"}
        store = SessionStore(root)
        session = store.create(title="Bench", language="en")
        run = live_run(root, session.id, env)
        try:
            argv = [sys.executable, "-m", "facilitate", "console", session.id]
            shown = run_in_pty(argv, args.seconds + WARMUP, env=env)
            cpu, wakeups, out = shown.steady(WARMUP)
            print(f"console 120x40: {cpu:.3f} CPU-s/min, {wakeups:.1f} wake-ups/s, {out:.0f} B/s")
            took = sorted(latency(store, session.id, args.rounds))
            median, worst = statistics.median(took) * 1000, took[-1] * 1000
            print(f"control channel, sent -> recorded: median {median:.1f} ms, max {worst:.1f} ms")
        finally:
            run.terminate()
            run.wait(timeout=10)


if __name__ == "__main__":
    main()
