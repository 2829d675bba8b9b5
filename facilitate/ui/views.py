"""The live view of a run: pure functions from a snapshot and a terminal size to Rich text.

Nothing here reads the clock or the terminal: :func:`render` gets the
:class:`~facilitate.model.run.RunSnapshot`, the size and the language, and returns a
renderable that is never taller or wider than the size, whatever the terminal. In a step
with phases the big digits count down the phase, its name stands above them, and the
round's own time below; while a note is typed its line takes the bottom of the screen.
"""

from __future__ import annotations

from rich.cells import cell_len

from facilitate.i18n import t
from facilitate.model.run import RunSnapshot, segment_title
from facilitate.model.timer import shown_seconds
from facilitate.records import Record
from facilitate.ui.digits import best_scale, render_digits
from facilitate.ui.format import format_clock, format_minutes
from facilitate.ui.lines import BLANK, Frame, Line, Part, clip, line, spread
from facilitate.ui.note_input import NoteInput
from facilitate.ui.phases import PhaseNow, phase_now
from facilitate.ui.room_view import (
    body_lines,
    key_bar,
    note_lines,
    phase_banner,
    phase_status,
    phase_style,
)

__all__ = ["Frame", "Line", "Overlay", "format_countdown", "key_help", "render", "signature"]

LEVEL_STYLES = ("bold green", "bold yellow", "bold dark_orange", "bold red")
PAUSED_STYLE = "bold bright_blue"
MAX_TEXT_SHARE = 0.25
MAX_ROOM_SHARE = 0.4
"""Of the rows, what the texts may take: more when the step shows the room something."""
KEYS = (
    ("timer.keys.space_key", "timer.keys.space"),
    ("+ / -", "timer.keys.plus_minus"),
    ("n", "timer.keys.next"),
    ("b", "timer.keys.back"),
    ("r", "timer.keys.restart"),
    ("a", "timer.keys.note"),
    ("room.keys.tab_key", "room.keys.tab"),
    ("Esc", "room.keys.escape"),
    ("?", "timer.keys.help"),
    ("q", "room.keys.quit"),
    ("Ctrl-C", "room.keys.interrupt"),
)


class Overlay(Record):
    """What the loop adds on top of the run: a short message, the help, the session's name,
    a problem with the journal, the note being typed."""

    flash: str = ""
    help: bool = False
    heading: str = ""
    problem: str = ""
    note: NoteInput | None = None


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


def current_phase(snap: RunSnapshot) -> PhaseNow | None:
    return phase_now(snap.segment, snap.remaining, snap.step_total)


def signature(snap: RunSnapshot, lang: str) -> tuple[object, ...]:
    """Everything :func:`render` shows that can change: the loop redraws when this changes."""
    phase = current_phase(snap)
    return (
        snap.index,
        shown_seconds(snap.remaining),
        None if phase is None else (phase.index, shown_seconds(phase.left)),
        snap.paused,
        int(snap.paused_for) if snap.paused else 0,
        snap.level,
        local_hhmm(snap.wall, snap.utc_offset),
        plan_text(snap.plan_delta),
        snap.notes,
        snap.finished,
        lang,
    )


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
    return spread(left, right, width, "dim")


def _status(snap: RunSnapshot, overlay: Overlay, phase: PhaseNow | None, lang: str) -> Part:
    style = _style(snap, phase)
    if snap.paused:
        text = t("timer.view.paused", time=format_clock(int(snap.paused_for)))
    elif snap.remaining <= 0:
        text = t("timer.view.overtime")
    elif phase is not None and not phase.last:
        text = phase_status(phase, lang, format_countdown(snap.remaining))
    elif snap.until_wall is not None:
        text = t("timer.view.until", clock=local_hhmm(snap.until_wall, snap.utc_offset))
    else:
        text = t("timer.view.of", total=format_minutes(snap.step_total))
    if snap.notes:
        text += " · " + t("timer.view.notes", n=snap.notes)
    if overlay.problem:
        return overlay.problem, "bold red"
    return text, style


def _style(snap: RunSnapshot, phase: PhaseNow | None = None) -> str:
    if snap.paused:
        return PAUSED_STYLE
    if snap.remaining <= 0:
        return LEVEL_STYLES[-1]
    if snap.level == 0 and phase is not None:
        return phase_style(phase)
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


def _progress(snap: RunSnapshot, width: int, style: str) -> Line:
    filled = round(snap.progress * width)
    style = style.replace("bold ", "")
    return Line((("━" * filled, style), ("─" * (width - filled), "grey35")))


def key_help() -> list[str]:
    """The keys and what they do, one line each, in the interface language."""
    keys = [(t(key) if "." in key else key, t(label)) for key, label in KEYS]
    column = max(cell_len(key) for key, _ in keys)
    return [f"  {key}{' ' * (column - cell_len(key))}  {label}" for key, label in keys]


def _help(width: int, height: int) -> list[Line]:
    lines = [line(t("timer.keys.title"), width, "bold")]
    lines += [line(text, width) for text in key_help()]
    lines += [BLANK, line(t("timer.keys.close"), width, "dim")]
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


def _bottom(snap: RunSnapshot, overlay: Overlay, width: int, lang: str) -> list[Line]:
    """The last two lines: the message and the keys, or the note line's hint and the note."""
    if overlay.note is not None:
        return note_lines(overlay.note, width, lang, paused=snap.paused)
    return [line(overlay.flash, width, "bold", center=True), key_bar(width)]


def layout(snap: RunSnapshot, width: int, height: int, lang: str, overlay: Overlay) -> list[Line]:
    """The lines of the view, fitted to ``height``.

    Header on top, keys (or the note line) at the bottom, the rest centred between. When
    rows are short, spacing goes first, then progress and next step, then the texts are
    shortened, then the digits get smaller, down to one line.
    """
    seg = snap.segment
    phase = current_phase(snap)
    countdown = format_countdown(phase.left if phase is not None else snap.remaining)
    style = _style(snap, phase)
    status = _status(snap, overlay, phase, lang)
    bottom = _bottom(snap, overlay, width, lang)
    title = segment_title(seg, lang)
    if phase is not None:
        title = f"{title} · {phase_banner(phase, lang)}"
    if height < 6:
        first = line(f"{countdown}  {title}", width, style)
        return _tiny(first, bottom, overlay, status, width, height)
    body = body_lines(seg, lang, width - 4, phase)
    room = height - 5  # header, title, status, the two bottom lines
    extras = [_progress(snap, width, style), line(_next_line(snap, lang), width, "", center=True)]
    least = min(1, len(body))  # the question (or instructions) keeps at least a line
    share = MAX_ROOM_SHARE if seg.room else MAX_TEXT_SHARE
    fit = _fit_digits(countdown, width, room, len(body), least, int(height * share))
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
        line(title, width, "bold" if phase is None else style, center=True),
        *[line(text, width, s, center=True) for text, s in _clip_styled(body, text_cap)],
        *(gap if spare >= 1 and text_cap else []),
        *[_digit_line(text, width, style) for text in digits],
        line(status[0], width, status[1], center=True),
        *(gap if spare >= 2 else []),
        *extras,
    ]
    free = height - 3 - len(middle)
    top = free // 2
    lines = [_header(snap, overlay, width), *gap * top, *middle, *gap * (free - top)]
    return [*lines, *bottom][:height]


def _digit_line(text: str, width: int, style: str) -> Line:
    """A row of block digits (made here, so safe as it is), centred."""
    return Line(((" " * ((width - len(text)) // 2) + text, style),))


def _tiny(
    first: Line, bottom: list[Line], overlay: Overlay, status: Part, width: int, height: int
) -> list[Line]:
    """Under six rows: the countdown and title, the message (or status), the keys or note."""
    if overlay.note is None:
        bottom = [line(overlay.flash or status[0], width, status[1]), bottom[1]]
    return [first, *bottom] if height >= 3 else [first, bottom[-1]][:height]


def _clip_styled(body: list[Part], limit: int) -> list[Part]:
    if len(body) <= limit:
        return body
    clipped = clip([text for text, _ in body], limit)
    return [(text, style) for text, (_, style) in zip(clipped, body, strict=False)]


def _fit_digits(
    countdown: str, width: int, room: int, body: int, least: int, text_rows: int
) -> tuple[int, list[str]] | None:
    """How many extra lines to keep, and block digits as big as fit beside them and the text.

    Text gives way first (down to ``least`` lines, from at most ``text_rows``), then the
    two extra lines; None when even the smallest block digits do not fit.
    """
    cap = min(body, max(least, text_rows))
    for extras in (2, 1, 0):
        for text in range(cap, least - 1, -1):
            digits = _digits(countdown, width, room - extras - text)
            if digits is not None:
                return extras, digits
    return None


def _digits(countdown: str, width: int, rows: int) -> list[str] | None:
    scale = best_scale(countdown, width - 4, rows)
    return None if scale is None else render_digits(countdown, scale)
