"""The two ways a run is shown: a full-screen Rich view, or plain timestamped lines."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import IO

from rich.console import Console

from facilitate.i18n import t
from facilitate.model.events import (
    ClockResynced,
    EntryAdded,
    Event,
    RunStarted,
    RunStopped,
    StepEnded,
    StepRestarted,
    StepStarted,
    TimerAdjusted,
    TimerPaused,
    TimerResumed,
)
from facilitate.model.run import RunSnapshot, Tick, segment_title
from facilitate.model.timeline import Segment
from facilitate.model.timer import shown_seconds
from facilitate.ui.format import format_clock, format_minutes
from facilitate.ui.safe_text import safe_line
from facilitate.ui.screen_writer import BELL, ScreenWriter
from facilitate.ui.signals import TerminalLost
from facilitate.ui.views import Overlay, format_countdown, key_help, render


class AlternateScreen:
    """A view on the terminal's alternate screen, sending only the cells that changed
    (:class:`~facilitate.ui.screen_writer.ScreenWriter`); an I/O error means the terminal
    is gone (TerminalLost, once, and nothing is written after it)."""

    def __init__(self, console: Console, lang: str) -> None:
        self.console = console
        self.lang = lang
        self.writer = ScreenWriter(console)
        self._running = False
        self.lost = False

    def start(self) -> None:
        if not self._running and not self.lost:
            self._write(self.writer.enter)
            self._running = True

    def _write(self, action: Callable[[], object]) -> None:
        """Do ``action``; an I/O error means the terminal is gone (TerminalLost, once)."""
        if self.lost:
            return
        try:
            action()
        except OSError:
            self.lost = True
            raise TerminalLost from None

    def leave(self) -> None:
        """Give the normal screen back (before the process is stopped with Ctrl-Z)."""
        self.writer.leave()

    def enter(self) -> None:
        """Take the alternate screen again after :meth:`leave`; the next frame is whole."""
        self.writer.enter()


class LiveDisplay(AlternateScreen):
    """The full-screen run view, redrawn only when told."""

    inline_notes = True
    """The note being typed is shown on the view's bottom line."""

    def stop(self) -> None:
        """Leave the view; an OSError (a terminal that is gone) is the caller's to ignore."""
        if self._running:
            self._running = False
            if not self.lost:
                self.writer.leave()

    def show(self, snap: RunSnapshot, overlay: Overlay) -> None:
        size = self.console.size
        frame = render(snap, (size.width, size.height), self.lang, overlay)
        self._write(lambda: self.writer.draw(frame, (size.width, size.height)))

    def bell(self) -> None:
        self._write(self.writer.bell)

    def help(self) -> bool:
        """The next frame draws the help over the view, until a key closes it."""
        return True

    def notice(self, text: str) -> None:
        """The view shows it as a flash."""

    def event(self, event: Event, snap: RunSnapshot) -> None:
        """The view shows the run's state; single events need no line of their own."""

    def tick(self, tick: Tick, snap: RunSnapshot) -> None:
        """Warnings show as colour and a message in the view."""


class StampedLines:
    """Lines each stamped with the time, for a log, a pipe or a screen reader; an I/O error
    (the terminal or pipe is gone) is TerminalLost, once, and nothing is written after it."""

    def __init__(self, stream: IO[str], stamp: Callable[[], str] | None = None) -> None:
        self.stream = stream
        self.stamp = stamp or (lambda: time.strftime("%H:%M:%S"))
        self.lost = False

    def _say(self, text: str) -> None:
        if self.lost:
            return
        try:
            self.stream.write(f"{self.stamp()} {safe_line(text)}\n")
            self.stream.flush()
        except OSError:
            self.lost = True
            raise TerminalLost from None


class PlainDisplay(StampedLines):
    """Plain timestamped lines for a log, a pipe or a screen reader (``--plain``): no
    escape codes, no animation; the bell only when ``ring`` (a terminal).

    A line for each event, each warning, each phase, the end of a round, each whole minute.
    """

    inline_notes = False
    """Notes are asked on lines of their own."""

    def __init__(
        self,
        stream: IO[str],
        segments: Sequence[Segment],
        lang: str,
        *,
        title: str = "",
        stamp: Callable[[], str] | None = None,
        ring: bool = False,
    ) -> None:
        super().__init__(stream, stamp)
        self.ring = ring
        self.segments = segments
        self.lang = lang
        self.title = title
        self._last: tuple[int, int, bool] | None = None
        self._last_left: tuple[int, int] | None = None

    def start(self) -> None:
        """Nothing to set up."""

    def stop(self) -> None:
        if not self.lost:
            self.stream.flush()

    def bell(self) -> None:
        """Ring on a terminal (``ring``); a log or a pipe gets no bell."""
        if self.ring and not self.lost:
            try:
                self.stream.write(BELL)
                self.stream.flush()
            except OSError:
                self.lost = True
                raise TerminalLost from None

    def help(self) -> bool:
        """Print the keys as lines; nothing stays on screen, so no key is needed to close it."""
        self._say(t("timer.keys.title"))
        for line in key_help():
            self._say(line)
        return False

    def notice(self, text: str) -> None:
        self._say(text)

    def show(self, snap: RunSnapshot, overlay: Overlay) -> None:
        seconds, overtime = shown_seconds(snap.remaining)
        key = (snap.index, seconds, overtime)
        if key == self._last or snap.paused:
            return
        first = self._last is None or self._last[0] != snap.index
        self._last = key
        if first or seconds == 0 or seconds % 60:
            return
        if overtime:
            self._say(t("timer.plain.over", time=format_clock(seconds)))
        else:
            self._left(snap.index, seconds)

    def _left(self, index: int, seconds: int) -> None:
        if (index, seconds) != self._last_left:  # a warning and a whole minute can coincide
            self._last_left = (index, seconds)
            self._say(t("timer.plain.left", time=format_clock(seconds)))

    def tick(self, tick: Tick, snap: RunSnapshot) -> None:
        if tick.warnings and not tick.reached_zero:
            self._left(snap.index, round(min(tick.warnings)))
        if tick.reached_zero:
            self._say(t("timer.plain.zero"))

    def event(self, event: Event, snap: RunSnapshot) -> None:
        text = self._describe(event)
        if text:
            self._say(text)

    def _describe(self, event: Event) -> str:
        if isinstance(event, RunStarted):
            if event.segments <= 1:
                return ""
            return t(
                "timer.plain.run_started", title=self.title or event.method, count=event.segments
            )
        if isinstance(event, StepStarted):
            seg = self.segments[event.index]
            left = format_clock(round(event.remaining_seconds or 0))
            length = left if seg.until is None else t("timer.view.until", clock=seg.until)
            return t(
                "timer.plain.step",
                index=event.index + 1,
                total=len(self.segments),
                title=segment_title(seg, self.lang),
                length=length,
            )
        if isinstance(event, TimerPaused):
            return t("timer.plain.paused", time=format_countdown(event.remaining_seconds))
        if isinstance(event, TimerResumed):
            return t(
                "timer.plain.resumed",
                time=format_countdown(event.remaining_seconds),
                pause=format_minutes(event.paused_seconds),
            )
        if isinstance(event, TimerAdjusted):
            return t(
                "timer.plain.adjusted",
                sign="+" if event.delta_seconds > 0 else "−",
                amount=format_minutes(abs(event.delta_seconds)),
                time=format_countdown(event.remaining_seconds),
            )
        if isinstance(event, StepRestarted):
            return t("timer.plain.restarted", time=format_countdown(event.remaining_seconds))
        if isinstance(event, StepEnded):
            return t(
                "timer.plain.ended",
                outcome=t(f"timer.outcome.{event.outcome}"),
                time=format_clock(round(event.elapsed_seconds)),
            )
        if isinstance(event, ClockResynced):
            return t(
                "timer.plain.resynced",
                time=format_minutes(event.jump_seconds),
                left=format_countdown(event.remaining_seconds),
            )
        if isinstance(event, RunStopped):
            if event.reason == "finished":
                return t("timer.plain.finished")
            return t(
                "timer.plain.stopped",
                reason=t(f"timer.reason.{event.reason}"),
                time=format_countdown(event.remaining_seconds),
            )
        if isinstance(event, EntryAdded):
            return t("timer.plain.note", text=event.text)
        return ""
