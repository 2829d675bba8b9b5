"""The live view of a run: pure functions from a snapshot and a terminal size to Rich text.

Nothing here reads the clock or the terminal: :func:`render` gets the
:class:`~facilitate.model.run.RunSnapshot`, the size and the language, and returns a
renderable that is never taller or wider than the size, whatever the terminal.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment as RichSegment

from facilitate.i18n import t
from facilitate.model.run import RunSnapshot, segment_title
from facilitate.model.timeline import Segment
from facilitate.model.timer import shown_seconds
from facilitate.ui.digits import best_scale, render_digits
from facilitate.ui.format import format_clock, format_minutes
from facilitate.ui.safe_text import safe_line

LEVEL_STYLES = ("bold green", "bold yellow", "bold dark_orange", "bold red")
PAUSED_STYLE = "bold bright_blue"
MAX_TEXT_SHARE = 0.25
KEYS = (
    ("timer.keys.space_key", "timer.keys.space"),
    ("+ / -", "timer.keys.plus_minus"),
    ("n", "timer.keys.next"),
    ("b", "timer.keys.back"),
    ("r", "timer.keys.restart"),
    ("a", "timer.keys.note"),
    ("?", "timer.keys.help"),
    ("q", "timer.keys.quit"),
    ("Ctrl-C", "timer.keys.interrupt"),
)


@dataclass(frozen=True)
class Overlay:
    """What the loop adds on top of the run: a short message, the help, the session's name."""

    flash: str = ""
    help: bool = False
    heading: str = ""
    problem: str = ""


def format_countdown(remaining: float) -> str:
    """What the big digits show: ``07:32``, or ``+01:05`` in overtime."""
    seconds, overtime = shown_seconds(remaining)
    return ("+" if overtime else "") + format_clock(seconds)


def local_hhmm(wall: float, utc_offset: float) -> str:
    """The wall-clock time ``HH:MM`` in local time."""
    local = int(wall + utc_offset)
    return f"{local // 3600 % 24:02d}:{local // 60 % 60:02d}"


def plan_text(delta: float | None) -> str:
    """ "on plan", "3 min behind plan" or "2 min ahead of plan"."""
    if delta is None:
        return ""
    minutes = round(delta / 60)
    if minutes == 0:
        return t("timer.view.on_plan")
    return t("timer.view.behind" if minutes > 0 else "timer.view.ahead", n=abs(minutes))


def signature(snap: RunSnapshot, lang: str) -> tuple[object, ...]:
    """Everything :func:`render` shows that can change: the loop redraws when this changes."""
    return (
        snap.index,
        shown_seconds(snap.remaining),
        snap.paused,
        int(snap.paused_for) if snap.paused else 0,
        snap.level,
        local_hhmm(snap.wall, snap.utc_offset),
        plan_text(snap.plan_delta),
        snap.notes,
        snap.finished,
        lang,
    )


@dataclass(frozen=True)
class Line:
    """One screen line, already fitted to the width: styled parts side by side."""

    parts: tuple[tuple[str, str], ...] = ()

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.parts)


class Frame:
    """A whole screen of :class:`Line` objects; renders straight to segments (cheap)."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        newline = RichSegment.line()
        for line in self.lines:
            for text, style in line.parts:
                yield RichSegment(text, console.get_style(style) if style else None)
            yield newline


BLANK = Line()


def _line(text: str, width: int, style: str = "", *, center: bool = False) -> Line:
    text = safe_line(text)
    size = cell_len(text)
    if size > width:
        text = set_cell_size(text, max(0, width - 1)) + "…" if width > 1 else text[:width]
    elif center:
        text = " " * ((width - size) // 2) + text
    return Line(((text, style),))


def _spread(left: str, right: str, width: int, style: str = "") -> Line:
    room = width - cell_len(left) - cell_len(right)
    if room < 2:
        return _line(left, width, style)
    return _line(left + " " * room + right, width, style)


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.strip().splitlines():
        lines.extend(textwrap.wrap(paragraph, max(width, 8)) or [""])
    return lines


def _clip(lines: list[str], limit: int) -> list[str]:
    if len(lines) <= limit:
        return lines
    if limit <= 0:
        return []
    return [*lines[: limit - 1], lines[limit - 1].rstrip() + " …"]


def _text_lines(segment: Segment, lang: str, width: int) -> list[tuple[str, str]]:
    """The round's question (bold) and the step's instructions, wrapped."""
    out: list[tuple[str, str]] = []
    if segment.round_text is not None:
        out.extend((line, "bold") for line in _wrap(segment.round_text.get(lang), width))
    out.extend((line, "") for line in _wrap(segment.instructions.get(lang), width))
    return out


def _header(snap: RunSnapshot, overlay: Overlay, width: int) -> Line:
    parts = [overlay.heading] if overlay.heading else []
    if snap.total > 1:
        parts.append(t("timer.view.step", index=snap.index + 1, total=snap.total))
    left = " · ".join(parts)
    if snap.speed != 1.0:
        left += " · " + t("timer.view.rehearsal", speed=f"{snap.speed:g}")
    right = local_hhmm(snap.wall, snap.utc_offset)
    plan = plan_text(snap.plan_delta)
    if plan and snap.total > 1:
        right = f"{plan} · {right}"
    return _spread(left, right, width, "dim")


def _status(snap: RunSnapshot, overlay: Overlay) -> tuple[str, str]:
    style = _style(snap)
    if snap.paused:
        text = t("timer.view.paused", time=format_clock(int(snap.paused_for)))
    elif snap.remaining <= 0:
        text = t("timer.view.overtime")
    elif snap.until_wall is not None:
        text = t("timer.view.until", clock=local_hhmm(snap.until_wall, snap.utc_offset))
    else:
        text = t("timer.view.of", total=format_minutes(snap.step_total))
    if snap.notes:
        text += " · " + t("timer.view.notes", n=snap.notes)
    if overlay.problem:
        return overlay.problem, "bold red"
    return text, style


def _style(snap: RunSnapshot) -> str:
    if snap.paused:
        return PAUSED_STYLE
    if snap.remaining <= 0:
        return LEVEL_STYLES[-1]
    if not snap.warnings:
        return LEVEL_STYLES[0]
    steps = len(LEVEL_STYLES) - 2
    return LEVEL_STYLES[min(snap.level, steps) if snap.level < len(snap.warnings) else steps]


def _next_line(snap: RunSnapshot, lang: str) -> str:
    seg = snap.next_segment
    if seg is None:
        return t("timer.view.last") if snap.total > 1 else ""
    if seg.until is not None:
        length = t("timer.view.next_until", clock=seg.until)
    else:
        length = format_minutes(seg.seconds or 0)
    return t("timer.view.next", title=segment_title(seg, lang), length=length)


def _progress(snap: RunSnapshot, width: int) -> Line:
    filled = round(snap.progress * width)
    style = _style(snap).replace("bold ", "")
    return Line((("━" * filled, style), ("─" * (width - filled), "grey35")))


def _footer(width: int) -> Line:
    for key in ("timer.keys.footer", "timer.keys.footer_medium"):
        text = t(key)
        if len(text) <= width:
            return _line(text, width, "dim")
    return _line(t("timer.keys.footer_short"), width, "dim")


def key_help() -> list[str]:
    """The keys and what they do, one line each, in the interface language."""
    keys = [(t(key) if key.startswith("timer.") else key, t(label)) for key, label in KEYS]
    column = max(cell_len(key) for key, _ in keys)
    return [f"  {key}{' ' * (column - cell_len(key))}  {label}" for key, label in keys]


def _help(width: int, height: int) -> list[Line]:
    lines = [_line(t("timer.keys.title"), width, "bold")]
    lines += [_line(line, width) for line in key_help()]
    lines += [BLANK, _line(t("timer.keys.close"), width, "dim")]
    return lines[:height]


def render(
    snap: RunSnapshot, size: tuple[int, int], lang: str, overlay: Overlay | None = None
) -> Frame:
    """The full-screen view of ``snap`` for a terminal of ``size`` (columns, rows)."""
    width, height = max(1, size[0]), max(1, size[1])
    overlay = overlay or Overlay()
    if overlay.help:
        return Frame(_help(width, height))
    return Frame(layout(snap, width, height, lang, overlay))


def layout(snap: RunSnapshot, width: int, height: int, lang: str, overlay: Overlay) -> list[Line]:
    """The lines of the view, fitted to ``height``.

    Header on top, keys at the bottom, the rest centred between. When rows are short,
    spacing goes first, then progress and next step, then the instructions are shortened,
    then the digits get smaller, down to one line.
    """
    seg = snap.segment
    countdown = format_countdown(snap.remaining)
    style = _style(snap)
    status_text, status_style = _status(snap, overlay)
    if height < 6:
        lines = [
            _line(f"{countdown}  {segment_title(seg, lang)}", width, style),
            _line(overlay.flash or status_text, width, status_style),
            _footer(width),
        ]
        return lines if height >= 3 else [lines[0], lines[2]][:height]
    body = _text_lines(seg, lang, width - 4)
    room = height - 5  # header, title, status, flash, footer
    extras = [_progress(snap, width), _line(_next_line(snap, lang), width, "", center=True)]
    least = min(1, len(body))  # the question (or instructions) keeps at least a line
    fit = _fit_digits(countdown, width, room, len(body), least, height)
    if fit is None:
        digits, kept = [countdown], max(0, min(len(extras), room - 1 - least))
    else:
        kept, digits = fit
    extras = extras[:kept]
    room -= len(extras)
    text_cap = max(0, min(len(body), room - len(digits)))
    spare = room - len(digits) - text_cap
    gap = [BLANK]
    middle = [
        _line(segment_title(seg, lang), width, "bold", center=True),
        *[_line(line, width, s, center=True) for line, s in _clip_styled(body, text_cap)],
        *(gap if spare >= 1 and text_cap else []),
        *[_line(line, width, style, center=True) for line in digits],
        _line(status_text, width, status_style, center=True),
        *(gap if spare >= 2 else []),
        *extras,
        _line(overlay.flash, width, "bold", center=True),
    ]
    free = height - 2 - len(middle)
    top = free // 2
    lines = [_header(snap, overlay, width), *gap * top, *middle, *gap * (free - top)]
    return [*lines, _footer(width)][:height]


def _clip_styled(body: list[tuple[str, str]], limit: int) -> list[tuple[str, str]]:
    if len(body) <= limit:
        return body
    clipped = _clip([line for line, _ in body], limit)
    return [(line, style) for line, (_, style) in zip(clipped, body, strict=False)]


def _fit_digits(
    countdown: str, width: int, room: int, body: int, least: int, height: int
) -> tuple[int, list[str]] | None:
    """How many extra lines to keep, and block digits as big as fit beside them and the text.

    Text gives way first (down to ``least`` lines), then the two extra lines; None when
    even the smallest block digits do not fit.
    """
    cap = min(body, max(least, int(height * MAX_TEXT_SHARE)))
    for extras in (2, 1, 0):
        for text in range(cap, least - 1, -1):
            digits = _digits(countdown, width, room - extras - text)
            if digits is not None:
                return extras, digits
    return None


def _digits(countdown: str, width: int, rows: int) -> list[str] | None:
    scale = best_scale(countdown, width - 4, rows)
    return None if scale is None else render_digits(countdown, scale)
