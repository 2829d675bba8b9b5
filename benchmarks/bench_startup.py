"""Start-up and library-load benchmark.

Measures, in one run and interleaved so machine noise hits both sides alike:
  1. `facilitate --help` against a trivial Typer+Rich app (`--help`), wall time per process;
  2. parsing and validating every bundled method file, and loading the whole library without
     the method cache and from it.

Usage:  python benchmarks/bench_startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TRIVIAL_APP = '''
import typer
from rich.console import Console
from rich.panel import Panel

app = typer.Typer()
console = Console()

@app.command()
def hello(name: str = "facilitator"):
    """Say hello in a Rich panel."""
    console.print(Panel(f"Hello [bold]{name}[/bold]", title="facilitate"))

@app.command()
def version():
    console.print("0.0.1")

if __name__ == "__main__":
    app()
'''


def trivial_hello(folder: Path) -> list[str]:
    """The trivial app written into ``folder``: the command line of its ``hello``."""
    app = folder / "trivial.py"
    app.write_text(TRIVIAL_APP, encoding="utf-8")
    return [sys.executable, str(app), "hello"]


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def bench_help(runs: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        app = Path(tmp) / "app.py"
        app.write_text(TRIVIAL_APP, encoding="utf-8")
        trivial = [sys.executable, str(app), "--help"]
        ours = [sys.executable, "-m", "facilitate", "--help"]
        wall(trivial), wall(ours)  # warm-up: page cache and .pyc files
        a, b = [], []
        for _ in range(runs):
            a.append(wall(trivial))
            b.append(wall(ours))
    return statistics.median(a), statistics.median(b)


def bench_library(runs: int) -> dict[str, float]:
    """Medians of: parsing and validating every bundled file (as on a first run), and the
    whole library loaded without its cache and from it (as on every later run)."""
    from facilitate.library.methods import bundled_dir, load_library, method_files, parse_method
    from facilitate.library.yaml_source import USING_LIBYAML

    texts = [(p.name, p.read_text(encoding="utf-8")) for p in method_files(bundled_dir())]

    def median_of(work: Callable[[], object]) -> float:
        times = []
        for _ in range(runs + 1):
            start = time.perf_counter()
            work()
            times.append(time.perf_counter() - start)
        return statistics.median(times[1:])

    with tempfile.TemporaryDirectory() as tmp:
        off = {"FACILITATE_CACHE_DIR": "off", "FACILITATE_CONFIG_DIR": tmp}
        cached = {"FACILITATE_CACHE_DIR": tmp, "FACILITATE_CONFIG_DIR": tmp}
        results = {
            "parse": median_of(lambda: [parse_method(text, name) for name, text in texts]),
            "library": median_of(lambda: load_library(Path(tmp), off)),
            "cached": median_of(lambda: load_library(Path(tmp), cached)),
        }
    results["files"] = len(texts)
    results["bytes"] = sum(len(t.encode()) for _, t in texts)
    results["libyaml"] = float(USING_LIBYAML)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    trivial, ours = bench_help(args.runs)
    lib = bench_library(args.runs)
    print(f"## Start-up (median of {args.runs}, interleaved)\n")
    print("| command | wall p50 |")
    print("|---|---|")
    print(f"| trivial Typer+Rich app `--help` | {trivial * 1000:.0f} ms |")
    print(f"| `facilitate --help` | {ours * 1000:.0f} ms |")
    print(f"| ratio (target ≤ 1.15) | **{ours / trivial:.2f}×** |")
    loader = "libyaml" if lib["libyaml"] else "the pure-Python YAML loader"
    print(
        f"\n## Loading the bundled library ({lib['files']} files, {lib['bytes'] / 1024:.0f} KiB,"
        f" {loader}; median of {args.runs})\n"
    )
    print("| what | time |")
    print("|---|---|")
    print(f"| parse + validate every file | {lib['parse'] * 1000:.1f} ms (target < 100 ms) |")
    print(f"| the library, no cache (names, timelines too) | {lib['library'] * 1000:.1f} ms |")
    print(f"| the library from the method cache | {lib['cached'] * 1000:.1f} ms |")


if __name__ == "__main__":
    main()
