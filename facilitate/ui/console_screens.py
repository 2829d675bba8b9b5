"""Where the console is shown: full screen through the diffing writer, or plain lines."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

from facilitate.i18n import t
from facilitate.model.console import ConsoleSnapshot, ConsoleStep
from facilitate.model.timer import shown_seconds
from facilitate.ui.console_view import ConsoleOverlay, entry_where, render, time_text
from facilitate.ui.screens import AlternateScreen, StampedLines
from facilitate.ui.session_text import kind_name


class ConsoleScreen(AlternateScreen):
    """The console on the alternate screen; only changed cells are sent. A resize (or
    ``fg`` after Ctrl-Z) draws it whole; leaving clears it."""

    def stop(self) -> None:
        if self._running:
            self._running = False
            self._write(self.writer.leave)

    def show(self, snap: ConsoleSnapshot, overlay: ConsoleOverlay) -> None:
        size = self.console.size
        frame = render(snap, (size.width, size.height), self.lang, overlay)
        self._write(lambda: self.writer.draw(frame, (size.width, size.height)))

    def notice(self, text: str) -> None:
        """The screen shows it as the message line."""


class ConsolePlain(StampedLines):
    """Timestamped lines (``--plain``, a pipe): a line when a run goes live or away, when
    the step changes, for a pause and a resume, for each new entry and each whole minute."""

    def __init__(self, stream: IO[str], stamp: Callable[[], str] | None = None) -> None:
        super().__init__(stream, stamp)
        self._live: bool | None = None
        self._step: tuple[str, int] | None = None
        self._paused = False
        self._minute: int | None = None
        self._seq = -1

    def start(self) -> None:
        """Nothing to set up."""

    def stop(self) -> None:
        if not self.lost:
            self.stream.flush()

    def notice(self, text: str) -> None:
        self._say(text)

    def show(self, snap: ConsoleSnapshot, overlay: ConsoleOverlay) -> None:
        if snap.live != self._live:
            self._live = snap.live
            self._say(t("console.plain.live") if snap.live else t("console.no_live"))
        if snap.step is not None and snap.progress == "running":
            self._step_lines(snap.step)
        fresh = [e for e in reversed(snap.entries) if e.seq > self._seq]
        for entry in fresh if self._seq >= 0 else []:
            by = t("console.by", author=entry.author)
            where = entry_where(entry) or "—"
            text = " ".join(entry.text.split())
            self._say(
                t("console.plain.entry", kind=kind_name(entry.kind), where=where, by=by, text=text)
            )
        if snap.entries:
            self._seq = max(self._seq, snap.entries[0].seq)
        elif self._seq < 0:
            self._seq = 0

    def _step_lines(self, step: ConsoleStep) -> None:
        key = (step.title, step.index)
        left = time_text(step)
        if key != self._step:
            self._step, self._paused = key, step.paused
            number = t("console.step", number=step.index + 1, total=step.steps or "?")
            self._say(t("console.plain.step", step=number, title=step.title, left=f" — {left}"))
        elif step.paused != self._paused:
            self._paused = step.paused
            said = "console.plain.paused" if step.paused else "console.plain.resumed"
            self._say(t(said, title=step.title))
        if step.time_left is None or step.paused:
            return
        seconds, over = shown_seconds(step.time_left)
        minute = seconds // 60 if seconds % 60 == 0 and not over else None
        if minute is not None and minute != self._minute:
            self._minute = minute
            self._say(t("console.plain.minute", title=step.title, left=left))
