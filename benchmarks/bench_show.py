"""`sessions show` (the default view, ``--json``, ``--all``) beside the trivial app, and
beside another version of facilitate if given: interleaved runs, medians, peak memory.

Each round runs the trivial Typer+Rich app of ``bench_startup.py``, then the version before
(``--before DIR``: a checkout of it, put first on ``PYTHONPATH``) if given, then this one, so
that the machine's noise hits all alike. The sessions are those of ``bench_note.py``
(``build_session``), shared by both versions (the journal's format is the same); a first
run of each command, not counted, makes ``summary.json`` and warms the caches.

Usage:  python benchmarks/bench_show.py [--runs N] [--sizes 1000,10000,50000]
                                        [--flags ,--json,--all] [--before DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_commands import before_environment
from bench_note import build_session, environment
from bench_startup import trivial_hello

TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None
"""GNU time, for each command's peak memory (without it, none is given)."""


def run_child(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Seconds from start to end of ``argv`` run in ``cwd`` (not this checkout: ``python -m``
    would import the facilitate found there first), and its peak memory in MiB."""
    with tempfile.NamedTemporaryFile("r") as report:
        timed = [TIME, "-f", "%M", "-o", report.name, *argv] if TIME else argv
        before = time.perf_counter()
        result = subprocess.run(timed, cwd=cwd, env=env, capture_output=True, check=False)
        seconds = time.perf_counter() - before
        assert result.returncode == 0, (argv, result.stderr[-2000:])
        kib = report.read().strip().splitlines()[-1] if TIME else "0"
    return seconds, int(kib) / 1024


def measure(
    commands: dict[str, tuple[list[str], dict[str, str]]], runs: int, cwd: Path
) -> list[str]:
    """One line per command: median seconds, its ratio to the trivial app, peak MiB."""
    seconds: dict[str, list[float]] = {name: [] for name in commands}
    memory: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(runs + 1):
        for name, (argv, env) in commands.items():
            took, mib = run_child(argv, env, cwd)
            if round_:  # (the first round warms up)
                seconds[name].append(took)
                memory[name].append(mib)
    trivial = statistics.median(seconds["trivial app"])
    lines = []
    for name in commands:
        median = statistics.median(seconds[name])
        spread = f"{min(seconds[name]) * 1000:,.0f}–{max(seconds[name]) * 1000:,.0f}"
        lines.append(
            f"  {name:12s} {median * 1000:7,.0f} ms ({spread})  {median / trivial:5.2f}×"
            f"  {max(memory[name]):4.0f} MiB"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="interleaved rounds per figure")
    parser.add_argument("--sizes", default="1000,10000,50000", help="events per session")
    parser.add_argument("--flags", default=",--json,--all", help="views ('' is the default)")
    parser.add_argument("--before", type=Path, help="a checkout of the version to compare with")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, median of {args.runs} interleaved rounds")
    with tempfile.TemporaryDirectory(prefix="bench-show-") as tmp:
        root = Path(tmp)
        trivial = trivial_hello(root)
        env = environment(root)
        for size in (int(n) for n in args.sizes.split(",")):
            session_id, _ = build_session(root, size)
            for flag in args.flags.split(","):
                show = [sys.executable, "-m", "facilitate", "sessions", "show", session_id]
                show += [flag] if flag else []
                commands = {"trivial app": (trivial, env)}
                if args.before is not None:
                    commands["before"] = (show, before_environment(env, args.before, root))
                commands["this"] = (show, env)
                print(f"sessions show {flag or '(default)'}, {size:,} events", flush=True)
                print("\n".join(measure(commands, args.runs, root)), flush=True)


if __name__ == "__main__":
    main()
