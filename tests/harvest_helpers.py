"""What the import, results and themes tests share: a session store, files to import, and an
Eslöv-sized 35:an played with seeded randomness, with its tallies worked out by hand."""

from __future__ import annotations

import csv
import json
import random
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from facilitate.store.store import SessionStore

from cli_helpers import Outcome, run_cli

ESLOV_IDEAS = (
    "Skolan, utbildning, barn och ungdomar, fritidsverksamhet",
    "Integration, flyktingmottagande och tillgänglighet",
    "Utanförskapsfrågor, ungas väg till arbetslivet, hemlöshet",
    "Mötesplatser mellan föreningar och kommun",
    "Kultur för alla – även på landsbygden 🎭",
    "Äldreomsorg och ensamhet",
    "Folkhälsa och idrott",
    "Næringsliv og frivillighet sammen",
)


def cli(root: Path, *args: str, input: str | None = None) -> Outcome:
    """``facilitate --sessions-dir ROOT ARGS``."""
    return run_cli(["--sessions-dir", str(root), *args], input=input)


def new_session(root: Path, method: str, title: str = "Eslöv: samverkan") -> str:
    return (
        SessionStore(root).create(title=title, date="2026-11-22", method=method, language="en").id
    )


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def card_ids(count: int) -> list[str]:
    return [f"K{n}" for n in range(1, count + 1)]


def card_text(n: int) -> str:
    return f"{ESLOV_IDEAS[n % len(ESLOV_IDEAS)]} ({n})"


def play(cards: Sequence[str], rounds: int = 5, points: int = 7, seed: int = 2014) -> list[tuple]:
    """A 35:an: each round the cards are shuffled into pairs that split ``points``."""
    rng = random.Random(seed)
    splits = []
    for round_ in range(1, rounds + 1):
        order = list(cards)
        rng.shuffle(order)
        for a, b in zip(order[::2], order[1::2], strict=True):
            points_a = rng.randint(0, points)
            splits.append((round_, a, points_a, b, points - points_a))
    return splits


def hand_tally(cards: Sequence[str], splits: Iterable[tuple], rounds: int = 5) -> dict[str, list]:
    """Each card's points round by round, added up the plain way (None: not scored)."""
    backs: dict[str, list] = {card: [None] * rounds for card in cards}
    for round_, a, points_a, b, points_b in splits:
        backs[a][round_ - 1] = points_a
        backs[b][round_ - 1] = points_b
    return backs


def hand_ranks(totals: dict[str, int]) -> dict[str, int]:
    """Shared ranks: a card's rank is one more than the number of cards with a higher total."""
    return {
        card: 1 + sum(1 for other in totals.values() if other > t) for card, t in totals.items()
    }


def results_json(root: Path, session: str, *args: str) -> dict[str, Any]:
    outcome = cli(root, "results", session, "--json", *args)
    assert outcome.exit_code == 0, outcome.stderr
    return json.loads(outcome.stdout)


def journal_lines(root: Path, session: str) -> list[dict[str, Any]]:
    path = root / session / "journal.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
