"""Working commands at small sizes beside the trivial Typer+Rich app, counted in instructions.

The same commands as ``bench_commands.py``, each run once under Valgrind's instruction counter
(``valgrind --tool=cachegrind --cache-sim=no``; Debian's ``valgrind`` package), beside the
trivial app of ``bench_startup.py`` (its ``hello``; its ``--help`` beside ``--help``). An
instruction count does not change with what else the
machine is doing, so the ratios are the same on every run; they are not times (an instruction
that waits for memory costs more than one that does not), and a wall-time ratio is closer to 1
than the instruction ratio (on this project's machine about 1 + 0.7 × (ratio − 1)).

With ``--before DIR`` (a checkout of another version) each command is counted from DIR's code
too. Before counting, the package's bytecode is compiled and each command runs once (the
method cache, summary.json), as for a user's second command.

Usage:  python benchmarks/bench_instructions.py [--before DIR]
"""

from __future__ import annotations

import argparse
import compileall
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_commands import before_environment, commands, small_sessions, trivial_for
from bench_note import environment
from bench_startup import trivial_hello

ROOT = Path(__file__).resolve().parents[1]
COUNTER = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]


def instructions(argv: list[str], env: dict[str, str]) -> int:
    """The instructions one run of ``argv`` executes (in the sessions' folder, as a user's)."""
    done = subprocess.run(
        [*COUNTER, *argv],
        cwd=env["FACILITATE_SESSIONS"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    assert found, done.stderr[-2000:]
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="a checkout of the version to compare")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("needs valgrind (apt-get install valgrind)")
    for folder in (ROOT, args.before):
        if folder is not None:
            compileall.compile_dir(folder / "facilitate", quiet=1)
    with tempfile.TemporaryDirectory(prefix="bench-instructions-") as tmp:
        root = Path(tmp)
        trivial_app = trivial_hello(root)
        env = environment(root)
        session_id, sessions = small_sessions(root)
        trivial = instructions(trivial_app, env)
        trivial_help = instructions(trivial_for(["--help"], trivial_app), env)
        before_env = before_environment(env, args.before, root) if args.before else None
        print(
            f"python {sys.version.split()[0]}; the trivial app: {trivial / 1e6:,.0f} M "
            f"(its --help: {trivial_help / 1e6:,.0f} M)"
        )
        print("\n| command | instructions | ratio | before |\n|---|---|---|---|")
        for label, argv in commands(session_id, sessions):
            ours = [sys.executable, "-m", "facilitate", *argv]
            for warm in (env, before_env):  # bytecode, the method cache, summary.json
                if warm is not None:
                    subprocess.run(ours, cwd=root, env=warm, capture_output=True, check=True)
            count = instructions(ours, env)
            beside = trivial_help if argv == ["--help"] else trivial
            was = f"{instructions(ours, before_env) / beside:.2f}×" if before_env else ""
            print(f"| `{label}` | {count / 1e6:,.0f} M | {count / beside:.2f}× | {was} |")


if __name__ == "__main__":
    main()
