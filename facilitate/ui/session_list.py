"""`sessions list` in the terminal: three lines per session that fit an 80-column screen.

Each session is its id (never cut, so that it can be copied), its date and its live entries
on the first line; its title on the second; its method or plan and its status on the third.
The second and third lines have the whole width, so nothing needs a narrow column. What
people typed (titles, step titles) is shown with its control characters made visible. The
lines are laid out here to fit the width, so they are printed without Rich's cropping (which
would cut an id wider than a very narrow terminal).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from facilitate.i18n import t
from facilitate.model.run_clock import LiveStatus
from facilitate.model.session_listing import ListedSession
from facilitate.ui.safe_text import safe_line
from facilitate.ui.session_text import live_detail, method_cell, status_text

Damaged = tuple[str, str]
"""A session that cannot be read: its id and what is wrong."""

GAP = "   "
DATE_WIDTH = 10
BOLD, DIM, RED = Style(bold=True), Style(dim=True), Style(color="red")


class SessionList:
    """The rows of ``sessions list``, laid out for the width of the console they print on."""

    def __init__(
        self,
        listed: Sequence[ListedSession],
        damaged: Sequence[Damaged] = (),
        live: Mapping[str, LiveStatus] | None = None,
    ) -> None:
        self.listed = listed
        self.damaged = damaged
        self.live = live or {}
        ids = [s.header.id for s in listed] + [session_id for session_id, _ in damaged]
        self.id_width = max(
            [cell_len(t("sessions.col.id")), *(cell_len(safe_line(i)) for i in ids)]
        )
        self.count_width = max(cell_len(t("sessions.col.entries")), 3)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        # Lines are laid out here and sent as segments: a thousand sessions are three
        # thousand lines, and Rich's wrapping of each as a Text would cost most of the time.
        width = options.max_width
        first = self.first_line(
            t("sessions.col.id"), t("sessions.col.date"), t("sessions.col.entries")
        )
        yield from _line(console, first, width, BOLD)
        yield from _line(console, fit(t("records.list.second"), width), width, DIM)
        yield from _line(console, fit(t("records.list.third"), width), width, DIM)
        yield from _line(console, "─" * min(width, cell_len(first)), width, DIM)
        for number, listed in enumerate(self.listed):
            if number:
                yield Segment.line()
            session_id = safe_line(listed.header.id)
            yield Segment(session_id, BOLD)
            yield Segment("".join(self.rest_of(console, listed, session_id, width)))
        for session_id, _ in self.damaged:
            yield Segment.line()
            yield from _line(console, self.first_line(safe_line(session_id), "", ""), width)
            yield from _line(console, t("sessions.status.damaged"), width, RED)

    def rest_of(
        self, console: Console, listed: ListedSession, session_id: str, width: int
    ) -> Iterator[str]:
        """A session's lines after its id (the first line's rest, its title, its method and
        status), each ended, as one text: a thousand sessions are three thousand lines."""
        header = listed.header
        line = self.first_line(session_id, header.date, str(listed.entries))
        yield from _wrapped(console, line[len(session_id) :], max(width - cell_len(session_id), 1))
        yield from _wrapped(console, fit(safe_line(header.title), width), width)
        live = self.live.get(header.id)
        status = status_text(listed, live) + (live_detail(live) if live else "")
        yield from _wrapped(console, safe_line(f"{method_cell(header, listed)} · {status}"), width)

    def first_line(self, session_id: str, date: str, count: str) -> str:
        """The id padded to the widest id, the date, and the entries right-aligned."""
        padded = session_id + " " * (self.id_width - cell_len(session_id))
        text = f"{padded}{GAP}{date:<{DATE_WIDTH}}{GAP}{count:>{self.count_width}}"
        return text.rstrip()


def _line(console: Console, text: str, width: int, style: Style | None = None) -> Iterator[Segment]:
    """``text`` as lines of at most ``width`` cells, each ended; a longer one is wrapped
    between words as Rich wraps (a word longer than the width is folded)."""
    if cell_len(text) <= width:
        yield Segment(text, style)
        yield Segment.line()
        return
    for part in Text(text, style=style or "", overflow="fold").wrap(console, max(width, 1)):
        yield from part.render(console)
        yield Segment.line()


def _wrapped(console: Console, text: str, width: int) -> Iterator[str]:
    """``text`` as lines of at most ``width`` cells, each ended (wrapped as :func:`_line`)."""
    if cell_len(text) <= width:
        yield text + "\n"
        return
    for part in Text(text, overflow="fold").wrap(console, max(width, 1)):
        yield part.plain + "\n"


def fit(text: str, width: int) -> str:
    """``text`` on one line of at most ``width`` cells, ending in "…" when it was longer."""
    text = " ".join(text.split())
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(width - 1, 0)) + "…"


def sessions_list(
    listed: Sequence[ListedSession],
    damaged: Sequence[Damaged] = (),
    live: Mapping[str, LiveStatus] | None = None,
) -> SessionList:
    """What ``sessions list`` prints: every readable session (``live``: id -> how the run of
    one being run now stands), then the damaged ones."""
    return SessionList(listed, damaged, live)
