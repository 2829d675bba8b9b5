"""The live timer, side by side with termdown, in one run on this machine.

1. Idle cost of a countdown in a 120x40 pty: `termdown` and `facilitate timer`, one after
   the other, the same window; steady-state CPU seconds per minute of countdown (after a
   warm-up), wake-ups per second, terminal bytes per second (the view sends only the cells
   that changed).
2. Drift over a long run of the real loop: `facilitate timer` at real speed with
   FACILITATE_TRACE set, which logs every wake-up against the boundary it aimed at. The
   lateness of the last tick is the drift; a straight line through all of them shows
   whether anything accumulates.
3. Warnings and round end: a countdown with a warning every few seconds; each is logged
   when the screen shows it, against its deadline.

With --session, also the idle cost of `facilitate timer --session`, which follows the
session's journal (for notes from other terminals) about twice a second.

Usage:  python benchmarks/bench_timer.py [--quick] [--session] [--seconds 60] [--drift-seconds 300]
Needs Linux (/proc) and termdown (pip install '.[bench]').
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pty_harness import PtyRun, run_in_pty

ROOT = Path(__file__).resolve().parent.parent
WARMUP = 5.0


def facilitate(*args: str) -> list[str]:
    return [sys.executable, "-m", "facilitate", *args]


def termdown_argv(seconds: int) -> list[str] | None:
    found = shutil.which("termdown") or str(Path(sys.executable).parent / "termdown")
    return [found, str(seconds)] if Path(found).exists() else None


def subject_env(tmp: str, trace: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACILITATE_")}
    env.update(FACILITATE_LANG="en", FACILITATE_SESSIONS=str(Path(tmp) / "sessions"))
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    if trace:
        env["FACILITATE_TRACE"] = trace
    return env


def idle_cost(seconds: float, tmp: str) -> dict[str, PtyRun | None]:
    length = int(seconds + 60)
    runs: dict[str, PtyRun | None] = {}
    argv = termdown_argv(length)
    runs["termdown"] = run_in_pty(argv, seconds, env=subject_env(tmp), cwd=tmp) if argv else None
    timer = facilitate("timer", f"{length}s", "--title", "Benchmark", "--quiet")
    runs["facilitate"] = run_in_pty(timer, seconds, env=subject_env(tmp), cwd=tmp)
    return runs


def recorded_idle_cost(seconds: float, tmp: str) -> PtyRun:
    """The countdown of `idle_cost`, recorded in a session (so the journal is followed)."""
    import subprocess

    new = facilitate("sessions", "new", "--title", "Benchmark", "--json")
    created = subprocess.run(new, env=subject_env(tmp), cwd=tmp, capture_output=True, text=True)
    session_id = json.loads(created.stdout)["id"]
    timer = facilitate("timer", f"{int(seconds + 60)}s", "--quiet", "--session", session_id)
    return run_in_pty(timer, seconds, env=subject_env(tmp), cwd=tmp)


def read_trace(path: Path) -> tuple[list[tuple[float, float]], list[tuple[str, float, float]]]:
    wakes, events = [], []
    for line in path.read_text().splitlines():
        kind, *numbers = line.split()
        values = [float(n) for n in numbers]
        if kind == "wake":
            wakes.append((values[0], values[1]))
        elif kind in ("warn", "zero"):
            events.append((kind, values[0], values[1]))
    return wakes, events


def drift_run(seconds: float, tmp: str) -> dict[str, float]:
    trace = Path(tmp) / "drift.trace"
    argv = facilitate("timer", f"{int(seconds) + 30}s", "--quiet", "--warn", "none")
    run_in_pty(argv, seconds, env=subject_env(tmp, str(trace)), cwd=tmp)
    wakes, _ = read_trace(trace)
    lateness = [(target, (woke - target) * 1000) for woke, target in wakes]
    t0 = lateness[0][0]
    xs = [(target - t0) / 3600 for target, _ in lateness]
    ys = [late for _, late in lateness]
    slope = statistics.linear_regression(xs, ys).slope if len(xs) > 2 else 0.0
    return {
        "ticks": len(ys),
        "span": (lateness[-1][0] - t0),
        "last": ys[-1],
        "p50": statistics.median(ys),
        "max": max(ys),
        "slope_ms_per_hour": slope,
    }


def warning_run(seconds: int, tmp: str) -> list[float]:
    trace = Path(tmp) / "warnings.trace"
    marks = ",".join(f"{s}s" for s in range(seconds - 2, 0, -2))
    argv = facilitate("timer", f"{seconds}s", "--warn", marks)
    run_in_pty(argv, seconds + 2, env=subject_env(tmp, str(trace)), cwd=tmp)
    _, events = read_trace(trace)
    return [(shown - deadline) * 1000 for _, shown, deadline in events]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="short runs (about 1 minute)")
    parser.add_argument("--session", action="store_true", help="also a timer in a session")
    parser.add_argument("--seconds", type=float, default=None, help="idle window per program")
    parser.add_argument("--drift-seconds", type=float, default=None, help="drift run length")
    args = parser.parse_args()
    idle = args.seconds or (20.0 if args.quick else 60.0)
    drift = args.drift_seconds or (30.0 if args.quick else 300.0)
    warn_len = 12 if args.quick else 30
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores; idle window {idle:.0f} s "
        f"(after {WARMUP:.0f} s warm-up), drift run {drift:.0f} s, warnings over {warn_len} s"
    )
    with tempfile.TemporaryDirectory() as tmp:
        runs = idle_cost(idle, tmp)
        drift_stats = drift_run(drift, tmp)
        lateness = warning_run(warn_len, tmp)
        recorded = recorded_idle_cost(idle, tmp) if args.session else None

    def cost(name: str) -> tuple[str, str, str, str]:
        run = runs.get(name)
        if run is None:
            return ("not installed",) * 4
        cpu, wakeups, out = run.steady(WARMUP)
        return f"{cpu:.3f}", f"{wakeups:.1f}", f"{out:,.0f}", f"{run.rusage_cpu:.2f}"

    rows = [
        ("CPU-s per minute of countdown (steady)", *[cost(n)[0] for n in runs], "<= 0.2"),
        ("wake-ups per second", *[cost(n)[1] for n in runs], "<= 5"),
        ("terminal bytes per second (120x40)", *[cost(n)[2] for n in runs], "< 1,000"),
        ("CPU-s for the whole run incl. start-up", *[cost(n)[3] for n in runs], ""),
        (
            f"drift: last tick after {drift_stats['span']:.0f} s (ms)",
            "-",
            f"{drift_stats['last']:.2f}",
            "< 10, not growing",
        ),
        (
            "drift trend (ms per hour, fitted)",
            "-",
            f"{drift_stats['slope_ms_per_hour']:+.2f}"
            if drift_stats["span"] >= 120
            else "(run 2 min or more)",
            "~0",
        ),
        (
            "tick lateness p50 / max (ms)",
            "-",
            f"{drift_stats['p50']:.2f} / {drift_stats['max']:.2f}",
            "",
        ),
        (
            f"warnings + end shown after deadline, n={len(lateness)} (ms, p50 / max)",
            "-",
            f"{statistics.median(lateness):.2f} / {max(lateness):.2f}" if lateness else "none",
            "<= 50",
        ),
    ]
    widths = [max(len(str(row[i])) for row in rows) for i in range(4)]
    header = ("measure", "termdown 2.0", "facilitate timer", "target")
    widths = [max(w, len(h)) for w, h in zip(widths, header, strict=True)]
    print()
    print(" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("-+-".join("-" * w for w in widths))
    for row in rows:
        print(" | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))
    if recorded is not None:
        cpu, wakeups, out = recorded.steady(WARMUP)
        print(
            f"\nfacilitate timer --session (following the journal): {cpu:.3f} CPU-s per minute,"
            f" {wakeups:.1f} wake-ups per second, {out:,.0f} terminal bytes per second"
        )


if __name__ == "__main__":
    main()
