"""Working commands at small sizes, beside a trivial Typer+Rich app's command.

Each command is a new process from start to end, interleaved with the trivial app of
``bench_startup.py`` (``hello``: one Rich panel; for ``--help``, its ``--help``, which loads
the same help renderer) so that the machine's noise hits both alike;
medians of wall time and of CPU time (user + system, which a busy machine disturbs less), and
the median of each round's ratio to the trivial app's run beside it (a round's two runs share
the machine's mood; medians taken apart do not). The target is 1.3x.

Before measuring, the package's bytecode is compiled (as ``pip install`` does) and each
command runs once, so that validated methods are in the benchmark's own method cache: what
a user's second and later commands cost.

With ``--before DIR`` (a checkout of another version, e.g. ``git worktree add DIR <commit>``)
each command also runs from DIR's code (``PYTHONPATH=DIR``, the same interpreter and
packages), interleaved in the same rounds, for a ratio of before and after on one machine.

Usage:  python benchmarks/bench_commands.py [--runs N] [--before DIR]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_note import build_session, environment
from bench_startup import trivial_hello

ROOT = Path(__file__).resolve().parents[1]
DIMS = ["-d", "story=Lund", "-d", "lens=mod"]
METHOD_FILE = ROOT / "methods" / "world-cafe.yaml"


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (the child's user + system time) of one run of ``argv``, in the
    folder of the sessions (not this checkout: ``python -m`` imports the package from the
    working folder before ``PYTHONPATH``)."""
    with tempfile.TemporaryFile() as errors:
        before = time.perf_counter()
        cwd = env["FACILITATE_SESSIONS"]
        child = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - before
        errors.seek(0)
        assert os.waitstatus_to_exitcode(status) == 0, (argv, errors.read()[-2000:])
    return wall, usage.ru_utime + usage.ru_stime


def trivial_for(argv: list[str], trivial: list[str]) -> list[str]:
    """The trivial app's command beside ``argv``: its own help for a help, else ``hello``."""
    return [*trivial[:-1], "--help"] if argv == ["--help"] else trivial


def before_environment(env: dict[str, str], before: Path, root: Path) -> dict[str, str]:
    """The environment of the version in ``before``: its code, and a cache of its own (the
    method cache keeps one version's entries: two versions sharing one would each clear the
    other's)."""
    return {**env, "PYTHONPATH": str(before), "FACILITATE_CACHE_DIR": str(root / "cache-before")}


def small_sessions(root: Path) -> tuple[str, Path]:
    """A session of 50 events in ``root``, and the folder of a store of 10 sessions."""
    session_id, _ = build_session(root, 50)
    for number in range(10):
        build_session(root / "ten", 50 + number)
    return session_id, root / "ten"


def commands(session_id: str, sessions: Path) -> list[tuple[str, list[str]]]:
    """(label, arguments) of each command measured, on a session of 50 events."""
    listing = ["--sessions-dir", str(sessions), "sessions", "list"]
    return [
        ("note S TEXT", ["note", session_id, "Ägarskap"]),
        ("note S TEXT -d story=… -d lens=…", ["note", session_id, "Mod", *DIMS]),
        ("sessions show S", ["sessions", "show", session_id]),
        ("sessions show S --last 5", ["sessions", "show", session_id, "--last", "5"]),
        ("sessions list (10 sessions)", listing),
        ("methods list", ["methods", "list"]),
        ("methods show world-cafe", ["methods", "show", "world-cafe"]),
        ("plan show eslov-dag", ["plan", "show", "eslov-dag"]),
        ("results S", ["results", session_id]),
        ("results S --top 3", ["results", session_id, "--top", "3"]),
        ("methods validate world-cafe.yaml", ["methods", "validate", str(METHOD_FILE)]),
        ("plan check eslov-dag", ["plan", "check", "eslov-dag"]),
        ("export S --format md", ["export", session_id, "--format", "md"]),
        ("--help", ["--help"]),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="paired runs per command")
    parser.add_argument("--before", type=Path, help="a checkout of the version to compare")
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "facilitate", quiet=1)
    if args.before:
        compileall.compile_dir(args.before / "facilitate", quiet=1)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, medians of {args.runs}")
    with tempfile.TemporaryDirectory(prefix="bench-commands-") as tmp:
        root = Path(tmp)
        trivial = trivial_hello(root)
        env = environment(root)
        session_id, sessions = small_sessions(root)
        before_env = before_environment(env, args.before, root) if args.before else None
        print("\n| command | wall (trivial app) | ratio | CPU (trivial app) | ratio | before |")
        print("|---|---|---|---|---|---|")
        for label, argv in commands(session_id, sessions):
            ours = [sys.executable, "-m", "facilitate", *argv]
            for warm in (env, before_env):  # bytecode, the method cache, summary.json
                if warm is not None:
                    run_once(ours, warm)
            beside = trivial_for(argv, trivial)
            rounds = [_round(beside, ours, env, before_env) for _ in range(args.runs)]
            wall_t, cpu_t, wall, cpu = (statistics.median(r[i] for r in rounds) for i in range(4))
            wall_ratio = statistics.median(r[2] / r[0] for r in rounds)
            cpu_ratio = statistics.median(r[3] / r[1] for r in rounds)
            before = statistics.median(r[4] / r[1] for r in rounds) if before_env else None
            was = f"{before:.2f}× (CPU)" if before is not None else ""
            print(
                f"| `{label}` | {wall * 1000:.0f} ms ({wall_t * 1000:.0f}) | {wall_ratio:.2f}× "
                f"| {cpu * 1000:.0f} ms ({cpu_t * 1000:.0f}) | {cpu_ratio:.2f}× | {was} |",
                flush=True,
            )


def _round(
    trivial: list[str], ours: list[str], env: dict[str, str], before: dict[str, str] | None
) -> tuple[float, ...]:
    """One round: the trivial app, ours (and the version before): wall and CPU seconds."""
    figures = [*run_once(trivial, env), *run_once(ours, env)]
    if before is not None:
        figures.append(run_once(ours, before)[1])
    return tuple(figures)


if __name__ == "__main__":
    main()
