"""The results watch with a fake clock and scripted keys: redrawn only when something changed."""

from __future__ import annotations

import io
import os
from pathlib import Path

from rich.console import Console, RenderableType

from facilitate.library.methods import find_method
from facilitate.model.events import EntryAdded, Event, Recorded, RunStarted
from facilitate.model.results import session_results
from facilitate.model.results_types import SessionResults
from facilitate.model.session import SessionHeader, fold
from facilitate.ui.results_watch import watch

from fakes import FakeClock, ScriptedKeys

REPO = Path(__file__).resolve().parents[1]
METHODS = {"35an": find_method("35an", cwd=REPO, env=dict(os.environ)).method}


def results(totals: dict[str, int]) -> SessionResults:
    events: list[Event] = [RunStarted(method="35an", params={}, run_id="r")]
    events += [
        EntryAdded(
            entry_id=f"e{card}",
            kind="entry",
            text="",
            step="countdown",
            dims={"card": card},
            value={"fields": {"text": f"Idé {card}", "total": str(total)}},
            run_id="r",
        )
        for card, total in totals.items()
    ]
    records = [Recorded(n, "2026-11-22T10:00", "a", "r", e) for n, e in enumerate(events, 1)]
    header = SessionHeader(id="s", title="S", date="2026-11-22", method="35an")
    return session_results(fold(records, header), METHODS)


class Screen:
    def __init__(self) -> None:
        self.frames: list[str] = []

    def size(self) -> tuple[int, int]:
        return (100, 30)

    def show(self, frame: RenderableType) -> None:
        console = Console(width=100, height=30, record=True, file=io.StringIO())
        console.print(frame)
        self.frames.append(console.export_text())


def test_the_watch_redraws_when_entries_arrive_or_a_page_is_turned_and_never_else() -> None:
    clock = FakeClock()
    keys = ScriptedKeys(clock, [(3.2, "n"), (4.2, "p"), (6.0, "q")], then_quit=False)
    later = results({"17": 33, "4": 35})
    arriving = iter([None, None, later])
    screen = Screen()
    watch(results({"17": 33}), lambda: next(arriving, None), keys, screen, "en")
    assert len(screen.frames) == 4  # the first, the new entry, the next page, back again
    first, updated, wall, back = screen.frames
    assert "Idé 17" in first and "Idé 4" not in first
    assert "35 (Thiagi's 35) — count-down" in first
    assert updated.index("Idé 4") < updated.index("Idé 17")  # 35 is called before 33
    assert "     34   –" in updated.splitlines()  # a total nobody has is still called
    assert "Harvest wall" in wall and "page 2/2" in wall
    assert back == updated
    assert all(wait == 0.5 for wait in keys.waits)  # one blocking wait per turn, no busy loop


def test_q_ends_the_watch_at_once() -> None:
    clock = FakeClock()
    keys = ScriptedKeys(clock, [(0.1, "q")], then_quit=False)
    screen = Screen()
    watch(results({}), lambda: None, keys, screen, "en")
    assert len(screen.frames) == 1
    assert "No results yet." in screen.frames[0]
