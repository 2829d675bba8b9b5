"""`results --watch`: the results full-screen, redrawn as entries arrive from any terminal.

The loop waits for a key in one blocking wait of at most :data:`FOLLOW_SECONDS`, asks the
injected ``poll`` for new results (a ``stat`` of the journal when nothing changed), and
redraws only when the results, the page or the screen's size changed. ``n``/space show the
next page, ``p`` the one before, ``q`` or Escape end it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from rich.console import Console, RenderableType
from rich.live import Live

from facilitate.i18n import t
from facilitate.model.results_types import SessionResults
from facilitate.ui.keys import ESCAPE, RESIZE, KeySource
from facilitate.ui.results_wall import Page, pages, watch_frame

FOLLOW_SECONDS = 0.5
NEXT_KEYS = frozenset({"n", " ", "l"})
BACK_KEYS = frozenset({"p", "b", "h"})
QUIT_KEYS = frozenset({"q", "Q", ESCAPE})


class WatchScreen(Protocol):
    """Where frames go: the terminal's alternate screen, or a list in tests."""

    def size(self) -> tuple[int, int]: ...

    def show(self, frame: RenderableType) -> None: ...


def watch(
    first: SessionResults,
    poll: Callable[[], SessionResults | None],
    keys: KeySource,
    screen: WatchScreen,
    lang: str,
    *,
    problem: Callable[[], str] = lambda: "",
    every: float = FOLLOW_SECONDS,
) -> None:
    """Show ``first`` and follow ``poll`` until a quit key (see the module text)."""
    results, index = first, 0
    shown: tuple[object, ...] | None = None
    while True:
        available = pages(results)
        index = max(0, min(index, len(available) - 1))
        state = (id(results), index, screen.size(), problem())
        if state != shown:
            screen.show(_frame(results, available, index, screen.size(), lang, problem()))
            shown = state
        key = keys.next_key(every)
        if key in QUIT_KEYS:
            return
        if key in NEXT_KEYS:
            index = (index + 1) % len(available)
        elif key in BACK_KEYS:
            index = (index - 1) % len(available)
        elif key == RESIZE:
            shown = None
        fresh = poll()
        if fresh is not None:
            results = fresh


def _frame(
    results: SessionResults,
    available: list[Page],
    index: int,
    size: tuple[int, int],
    lang: str,
    problem: str,
) -> RenderableType:
    footer = t("results.watch.keys", page=index + 1, pages=len(available))
    if problem:
        footer = f"{footer}   {problem}"
    return watch_frame(results, available[index], size, lang, footer=footer)


class LiveScreen:
    """The terminal's alternate screen through Rich Live, redrawn only when told (a context
    manager: the normal screen comes back however the watch ends)."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.live = Live(
            console=console,
            screen=True,
            auto_refresh=False,
            transient=True,
            redirect_stdout=False,
            redirect_stderr=False,
        )

    def __enter__(self) -> LiveScreen:
        self.live.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.live.stop()

    def size(self) -> tuple[int, int]:
        size = self.console.size
        return size.width, size.height

    def show(self, frame: RenderableType) -> None:
        self.live.update(frame, refresh=True)
