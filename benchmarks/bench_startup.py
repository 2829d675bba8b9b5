"""Start-up and library-load benchmark.

Measures, in one run and interleaved so machine noise hits both sides alike:
  1. `facilitate --help` against a trivial Typer+Rich app (`--help`), wall time per process;
  2. loading and validating the whole bundled method library with the C YAML loader (libyaml)
     and with the pure-Python loader.

Usage:  python benchmarks/bench_startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
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
    import yaml

    from facilitate.library import yaml_source
    from facilitate.library.methods import bundled_dir, method_files, parse_method

    texts = [(p.name, p.read_text(encoding="utf-8")) for p in method_files(bundled_dir())]
    results = {}
    loaders = {"C (libyaml)": getattr(yaml, "CSafeLoader", None), "pure Python": yaml.SafeLoader}
    for label, loader in loaders.items():
        if loader is None:
            continue
        yaml_source.Loader = yaml_source.yaml12_booleans(loader)
        times = []
        for _ in range(runs + 1):
            start = time.perf_counter()
            for name, text in texts:
                parse_method(text, name)
            times.append(time.perf_counter() - start)
        results[label] = statistics.median(times[1:])
    results["files"] = len(texts)
    results["bytes"] = sum(len(t.encode()) for _, t in texts)
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
    print(
        f"\n## Loading the bundled library ({lib['files']} files, {lib['bytes'] / 1024:.0f} KiB;"
        f" parse + validate, median of {args.runs})\n"
    )
    print("| YAML loader | load + validate |")
    print("|---|---|")
    for label in ("C (libyaml)", "pure Python"):
        if label in lib:
            print(f"| {label} | {lib[label] * 1000:.1f} ms |")
    if "C (libyaml)" in lib:
        ratio = lib["pure Python"] / lib["C (libyaml)"]
        print(f"| pure / C | {ratio:.1f}× (target for C: < 100 ms) |")


if __name__ == "__main__":
    main()
