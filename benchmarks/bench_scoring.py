"""How fast the 35:an is tallied and ranked, and how fast themes are suggested.

Measures, in memory (no disk):

* the 35:an with 350 cards and 5 rounds (875 pair splits): every split validated, the cards
  tallied (totals and per-round points), ranked with shared ranks, and the count-down from
  35 built (the target is under 50 ms);
* the same ranking from points entered card by card (1,750 rows) and from read-out totals;
* offline theme suggestions (shared stems and near-duplicates) for 300 short Swedish notes.

Run it from the repository root::

    .venv/bin/python benchmarks/bench_scoring.py            # 200 repeats (a few seconds)
    .venv/bin/python benchmarks/bench_scoring.py --quick    # 20 repeats
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from facilitate.model.scoring import (
    CardRound,
    CardTotal,
    PairSplit,
    PairSplitRules,
    countdown,
    rank,
    tally_card_rounds,
    tally_card_totals,
    tally_pair_splits,
)
from facilitate.suggest.themes import suggest_themes

RULES = PairSplitRules(points=7, rounds=5)
TARGET_MS = 50.0
WORDS = (
    "mötesplatser",
    "samverkan",
    "kunskap",
    "kunskapsbank",
    "tillit",
    "relationer",
    "förankring",
    "dialog",
    "lokala",
    "föreningar",
    "kommunen",
    "skolan",
    "fritid",
    "integration",
    "ungdomar",
    "arbete",
    "struktur",
    "process",
    "mod",
    "långsiktigt",
    "gemensam",
    "nyttan",
    "våga",
    "pröva",
    "jobba",
    "utveckla",
    "lärande",
    "mandat",
    "forum",
    "nätverk",
)


def game(card_count: int, seed: int = 35) -> tuple[list[str], list[PairSplit]]:
    """A 35:an: each round the cards are shuffled, paired and split 7 points."""
    rng = random.Random(seed)
    cards = [f"k{n}" for n in range(1, card_count + 1)]
    splits = []
    for round_ in range(1, RULES.rounds + 1):
        hands = cards[:]
        rng.shuffle(hands)
        for a, b in zip(hands[0::2], hands[1::2], strict=False):
            points = rng.randint(0, RULES.points)
            splits.append(PairSplit(round_, a, points, b, RULES.points - points))
    return cards, splits


def notes(count: int, seed: int = 9) -> dict[str, str]:
    rng = random.Random(seed)
    return {f"n{i}": " ".join(rng.sample(WORDS, rng.randint(3, 7))) for i in range(count)}


def timed(action: Callable[[], object], repeats: int) -> list[float]:
    action()  # warm up
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return times


def report(label: str, times: list[float]) -> None:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    median = statistics.median(ordered)
    print(f"  {label:<58}{median:>9.2f}{p95:>9.2f}{ordered[-1]:>9.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="20 repeats instead of 200")
    repeats = 20 if parser.parse_args().quick else 200

    cards, splits = game(350)
    scores = tally_pair_splits(RULES, splits, cards)
    per_card = [
        CardRound(s.card, r, p)
        for s in scores
        for r, p in enumerate(s.per_round, 1)
        if p is not None
    ]
    totals = [CardTotal(s.card, s.total) for s in scores]

    def pairs_to_countdown() -> object:
        ranked = rank(tally_pair_splits(RULES, splits, cards), lambda s: s.total)
        return countdown(ranked, RULES.max_total)

    print(f"python {platform.python_version()} on {platform.system()} {platform.machine()}")
    print(f"{repeats} repeats; milliseconds{'':<32}{'median':>9}{'p95':>9}{'max':>9}")
    pairs = timed(pairs_to_countdown, repeats)
    report(f"35:an {len(cards)} cards x 5 rounds ({len(splits)} splits) -> count-down", pairs)
    report(
        f"  the same from {len(per_card)} card-and-round rows",
        timed(lambda: rank(tally_card_rounds(RULES, per_card, cards), lambda s: s.total), repeats),
    )
    report(
        f"  the same from {len(totals)} read-out totals",
        timed(lambda: rank(tally_card_totals(RULES, totals, cards), lambda s: s.total), repeats),
    )
    items = notes(300)
    report("theme suggestions for 300 notes (stems + near-duplicates)", timed(
        lambda: suggest_themes(items, "sv"), max(5, repeats // 10)
    ))  # fmt: skip
    p95 = sorted(pairs)[int(0.95 * len(pairs))]
    verdict = "met" if p95 < TARGET_MS else "NOT met"
    print(f"  target: 35:an tally and ranking under {TARGET_MS:.0f} ms (p95) -> {verdict}")


if __name__ == "__main__":
    main()
