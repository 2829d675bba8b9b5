"""How fast `facilitate import` takes in 10,000 rows (the target is under 2 s).

Measures, on a real session folder (fsync included), each in a fresh session:

* 10,000 World Café notes (``table,round,text``): read, every row checked, one batch written;
* a 35:an of 4,000 cards (imported first) and 5 rounds: 10,000 pair splits, each checked
  against the cards and the rules, and all of them together (a card once per round);
* the same pair-split file imported again (every row found already imported: nothing written);
* the whole command, ``python -m facilitate import`` in a new process, start-up included.

Run it from the repository root::

    .venv/bin/python benchmarks/bench_import.py             # 5 repeats (about a minute)
    .venv/bin/python benchmarks/bench_import.py --quick     # 1 repeat
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from facilitate.app.importing import ImportRequest, import_file
from facilitate.app.methods import Methods
from facilitate.store.store import SessionStore

ROWS = 10_000
TARGET_S = 2.0
WORDS = [
    "mötesplatser",
    "samverkan",
    "kunskap",
    "tillit",
    "föreningar",
    "kommunen",
    "skolan",
    "unga",
    "mod",
    "dialog",
]


def write_csv(path: Path, header: list[str], rows: list[tuple[object, ...]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def files(folder: Path) -> tuple[Path, Path, Path]:
    rng = random.Random(2014)
    notes = [
        (rng.randint(1, 6), rng.randint(1, 3), " ".join(rng.sample(WORDS, 5)) + f" {n}")
        for n in range(ROWS)
    ]
    cards = [f"K{n}" for n in range(1, 2 * ROWS // 5 + 1)]
    splits = []
    for round_ in range(1, 6):
        order = cards[:]
        rng.shuffle(order)
        for a, b in zip(order[::2], order[1::2], strict=True):
            points = rng.randint(0, 7)
            splits.append((round_, a, points, b, 7 - points))
    return (
        write_csv(folder / "notes.csv", ["table", "round", "text"], notes),
        write_csv(folder / "cards.csv", ["card", "text"], [(c, f"Idé {c}") for c in cards]),
        write_csv(
            folder / "pairs.csv", ["round", "card_a", "points_a", "card_b", "points_b"], splits
        ),
    )


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (the CPU time shows the cost on a machine shared with
    other work, where the wall clock also counts the waits)."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def measure(folder: Path, notes: Path, cards: Path, pairs: Path) -> dict[str, tuple[float, float]]:
    store = SessionStore(folder / "sessions")
    methods = Methods(Path.cwd(), dict(os.environ))

    def run(session: str, path: Path, step: str) -> object:
        return import_file(store, methods, session, ImportRequest(path, step), author="bench")

    cafe = store.create(title="Café", method="world-cafe").id
    thirty_five = store.create(title="35", method="35an").id
    run(thirty_five, cards, "write")
    return {
        f"{ROWS:,} notes (table, round, text)": timed(lambda: run(cafe, notes, "round")),
        f"{ROWS:,} pair splits of 4,000 cards": timed(lambda: run(thirty_five, pairs, "round")),
        "the same pair splits again (already imported)": timed(
            lambda: run(thirty_five, pairs, "round")
        ),
    }


def whole_command(folder: Path, pairs: Path, cards: Path) -> tuple[float, float]:
    store = SessionStore(folder / "sessions")
    session = store.create(title="35 cli", method="35an").id
    env = {**os.environ, "FACILITATE_SESSIONS": str(folder / "sessions"), "FACILITATE_LANG": "en"}
    base = [sys.executable, "-m", "facilitate", "import", session]
    subprocess.run([*base, str(cards), "--step", "write"], env=env, check=True, capture_output=True)
    before = os.times()
    started = time.perf_counter()
    subprocess.run([*base, str(pairs), "--step", "round"], env=env, check=True, capture_output=True)
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return time.perf_counter() - started, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="1 repeat instead of 5")
    parser.add_argument("--dir", type=Path, help="where to make the sessions (another disk)")
    args = parser.parse_args()
    repeats = 1 if args.quick else 5
    print(f"python {platform.python_version()} on {platform.system()} {platform.machine()}")
    found: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        notes, cards, pairs = files(Path(tmp))
        for n in range(repeats):
            folder = Path(tmp) / f"run{n}"
            for label, seconds in measure(folder, notes, cards, pairs).items():
                found.setdefault(label, []).append(seconds)
            found.setdefault("the whole command (pair splits, a new process)", []).append(
                whole_command(folder, pairs, cards)
            )
    print(f"{repeats} repeats; seconds{'':<30}{'wall p50':>9}{'max':>8}{'CPU p50':>9}{'max':>8}")
    for label, times in found.items():
        walls, cpus = [w for w, _ in times], [c for _, c in times]
        print(
            f"  {label:<44}{statistics.median(walls):>9.3f}{max(walls):>8.3f}"
            f"{statistics.median(cpus):>9.3f}{max(cpus):>8.3f}"
        )
    rows = [times for label, times in found.items() if "whole command" not in label]
    worst = max(statistics.median(w for w, _ in times) for times in rows)
    verdict = "met" if worst < TARGET_S else "NOT met"
    print(f"  target: importing {ROWS:,} rows under {TARGET_S:.0f} s (median wall) -> {verdict}")


if __name__ == "__main__":
    main()
