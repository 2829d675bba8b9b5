"""The facilitator's console: pure functions from a :class:`ConsoleSnapshot` and a terminal
size to lines (no clock, no terminal).

From the top: the session and whether a run is live, the step with its time left (in block
digits when the screen is tall enough), the phase, the next step, the planned day's outlook,
then the latest entries (newest first, as many as fit), a message line and the keys. Never
taller or wider than the size.
"""

from __future__ import annotations

from rich.cells import cell_len

from facilitate.i18n import t
from facilitate.model.console import ConsoleEntry, ConsoleSnapshot, ConsoleStep
from facilitate.model.run_view import segment_title
from facilitate.model.timer import shown_seconds
from facilitate.records import Record
from facilitate.ui.digits import best_scale, render_digits
from facilitate.ui.lines import BLANK, Frame, Line, fit, line, parts_line
from facilitate.ui.phases import PhaseNow, phase_now
from facilitate.ui.plan_status import status_line
from facilitate.ui.room_view import phase_banner
from facilitate.ui.session_text import kind_name
from facilitate.ui.views import format_countdown, local_hhmm

DIGIT_ROWS_MAX = 10
"""The block digits take at most this many rows, and only what the entries can spare."""
ENTRY_ROWS_MIN = 6
"""Rows kept for entries before the digits get any."""
PAUSED_STYLE = "bold bright_blue"
LIVE_STYLE = "bold green"
IDLE_STYLE = "bold yellow"


class ConsoleOverlay(Record):
    """What the console loop adds: a short message, or the help instead of the view."""

    flash: str = ""
    help: bool = False


def time_text(step: ConsoleStep) -> str:
    """ "12:34 left", "+01:05 over", "PAUSED 12:34" or "between two steps"."""
    if step.time_left is None:
        return t("console.between")
    countdown = format_countdown(step.time_left)
    if step.paused:
        return f"{t('console.paused')} {countdown}"
    if step.time_left <= 0:
        return t("console.over", time=countdown)
    return t("console.left", time=countdown)


def phase_of(step: ConsoleStep) -> PhaseNow | None:
    """The phase on in the step, when its method declares phases."""
    if step.segment is None or step.time_left is None or step.total is None:
        return None
    return phase_now(step.segment, step.time_left, step.total)


def signature(snap: ConsoleSnapshot, overlay: ConsoleOverlay) -> tuple[object, ...]:
    """Everything the view shows that can change (the loop redraws when this does)."""
    step = snap.step
    shown = None
    if step is not None:
        left = None if step.time_left is None else shown_seconds(step.time_left)
        phase = phase_of(step)
        shown = (step.index, step.title, left, step.paused, phase and phase.index)
    plan = snap.plan and (snap.plan.projection.behind // 30, snap.plan.projection.next_anchor)
    return (
        snap.live,
        snap.progress,
        shown,
        plan,
        snap.entries,
        snap.entry_count,
        local_hhmm(snap.wall, snap.utc_offset),
        snap.problem,
        overlay,
    )


def render(
    snap: ConsoleSnapshot, size: tuple[int, int], lang: str, overlay: ConsoleOverlay
) -> Frame:
    """The console for a terminal of ``size`` (columns, rows)."""
    width, height = max(1, size[0]), max(1, size[1])
    if overlay.help:
        return Frame(_help(width, height))
    top = [_header(snap, width), BLANK, *_run_lines(snap, width, lang)]
    if snap.plan is not None:
        top.append(line(status_line(snap.plan.projection, lang), width))
    if snap.problem:
        top.append(line(snap.problem, width, "bold red"))
    bottom = [line(overlay.flash, width, "bold"), _keys(width)]
    room = height - len(top) - len(bottom) - 1
    digits = _digits(snap, width, room - ENTRY_ROWS_MIN)
    room -= len(digits)
    entries = _entry_lines(snap, width, room, lang)
    middle = [*top[:4], *digits, *top[4:]] if digits else top
    lines = [*middle, BLANK, *entries]
    lines += [BLANK] * (height - len(lines) - len(bottom))
    return Frame([*lines[: max(0, height - len(bottom))], *bottom][:height])


def _header(snap: ConsoleSnapshot, width: int) -> Line:
    """The session on the left; on the right whether a run is live, and the clock."""
    clock = f"  {local_hhmm(snap.wall, snap.utc_offset)}"
    if snap.live:
        state, style = t("console.live"), LIVE_STYLE
    else:
        state, style = t("console.no_live"), IDLE_STYLE
    room = width - cell_len(state) - cell_len(clock) - 1
    if room < 8:
        return parts_line([(state, style), (clock, "")], width)
    left = fit(t("console.heading", title=snap.title), room)
    gap = " " * (width - cell_len(left) - cell_len(state) - cell_len(clock))
    return Line(((left, "bold"), (gap, ""), (state, style), (clock, "")))


def _run_lines(snap: ConsoleSnapshot, width: int, lang: str) -> list[Line]:
    """Where the run is: step number, title (and phase), time left, what comes next."""
    step = snap.step
    if snap.progress == "none":
        return [line(t("console.no_run"), width)]
    if snap.progress == "finished" or step is None:
        return [line(t("console.finished"), width)]
    where = t("console.step", number=step.index + 1, total=step.steps or "?")
    if step.round:
        where += f" · {t('console.round', round=step.round)}"
    if snap.plan is not None:
        where = f"{t('console.block', number=snap.plan.number, total=snap.plan.blocks)} · {where}"
    title = step.title
    phase = phase_of(step)
    if phase is not None:
        title = f"{title} · {phase_banner(phase, lang)}"
    if snap.progress in ("stopped", "cut_off"):
        state = t("console.stopped", step=step.title, id=snap.session_id)
        return [
            line(where, width, "dim"),
            line(title, width, "bold"),
            line(state, width, IDLE_STYLE),
        ]
    style = PAUSED_STYLE if step.paused else ("bold red" if (step.time_left or 1) <= 0 else "bold")
    lines = [
        line(where, width, "dim"),
        line(title, width, "bold"),
        line(time_text(step), width, style),
    ]
    if step.next_segment is not None:
        lines.append(line(t("console.next", title=segment_title(step.next_segment, lang)), width))
    return lines


def _digits(snap: ConsoleSnapshot, width: int, room: int) -> list[Line]:
    """The time left in block digits, if the screen can spare the rows."""
    step = snap.step
    if step is None or step.time_left is None or snap.progress != "running" or room < 5:
        return []
    text = format_countdown(step.time_left)
    scale = best_scale(text, width - 4, min(room - 1, DIGIT_ROWS_MAX))
    if scale is None:
        return []
    style = PAUSED_STYLE if step.paused else "bold"
    rows = render_digits(text, scale)
    return [Line(((" " * ((width - len(r)) // 2) + r, style),)) for r in rows] + [BLANK]


def _entry_lines(snap: ConsoleSnapshot, width: int, room: int, lang: str) -> list[Line]:
    if room <= 0:
        return []
    if not snap.entries:
        return [line(t("console.no_entries"), width, "dim")][:room]
    heading = line(t("console.entries", count=snap.entry_count), width, "bold")
    return [heading, *(_entry_line(e, width) for e in snap.entries[: room - 1])][:room]


def entry_where(entry: ConsoleEntry) -> str:
    """ "round#2 · story=Trelleborg lens=mod": the step and the dimensions."""
    dims = " ".join(f"{k}={v}" for k, v in entry.dims)
    return " · ".join(part for part in (entry.step or "", dims) if part)


def _entry_line(entry: ConsoleEntry, width: int) -> Line:
    where = entry_where(entry)
    parts = [(f"{kind_name(entry.kind)}  ", "bold"), (f"{where}  " if where else "", "dim")]
    parts += [(f"{entry.author}: ", "italic"), (" ".join(entry.text.split()), "")]
    return parts_line(parts, width)


def _keys(width: int) -> Line:
    text = t("console.keys")
    return line(text if len(text) <= width else t("console.keys_short"), width, "dim")


def _help(width: int, height: int) -> list[Line]:
    lines = [line(t("console.help_title"), width, "bold"), BLANK]
    lines += [line(text, width) for text in t("console.help_lines").splitlines()]
    lines += [BLANK, line(t("console.help_close"), width, "dim")]
    return [*lines, *[BLANK] * (height - len(lines))][:height]
