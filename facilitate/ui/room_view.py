"""Parts of the live view the room reads: the step's texts and what it shows, the phase,
the note line and the key bar. Pure: text in, fitted lines out."""

from __future__ import annotations

from rich.cells import cell_len

from facilitate.i18n import t
from facilitate.model.timeline import RoomItem, Segment
from facilitate.ui.format import format_minutes
from facilitate.ui.lines import Line, Part, line, parts_line, wrap
from facilitate.ui.note_input import NoteInput
from facilitate.ui.phases import PhaseNow

PHASE_STYLES = ("bold cyan", "bold green", "bold magenta", "bold blue")
"""The digits' colour in each phase (before the first warning); the phase's name is shown
too, so colour is never the only sign of a change."""
FOCUS_STYLE = "reverse"
BAR_KEYS = (
    ("room.bar.space", "room.bar.pause", "room.bar.pause"),
    ("+/-", "room.bar.minute", "room.bar.minute_short"),
    ("n", "room.bar.next", "room.bar.next"),
    ("b", "room.bar.back", "room.bar.back"),
    ("r", "room.bar.restart", "room.bar.restart_short"),
    ("a", "room.bar.note", "room.bar.note_short"),
    ("?", "room.bar.help", "room.bar.help_short"),
    ("q", "room.bar.quit", "room.bar.quit_short"),
)
"""Each key of the bar: the key (or its name's message), its long and its short word."""


def body_lines(seg: Segment, lang: str, width: int, phase: PhaseNow | None) -> list[Part]:
    """The texts above the countdown, most important first (the end is cut when short of
    room): the round's question, the phase's instructions, what the step shows, the step's
    instructions."""
    out: list[Part] = []
    if seg.round_text is not None:
        out += [(text, "bold") for text in wrap(seg.round_text.get(lang), width)]
    if phase is not None and phase.phase.instructions is not None:
        out += [(text, "bold") for text in wrap(phase.phase.instructions.get(lang), width)]
    for item in seg.room:
        out += room_lines(item, lang, width)
    out += [(text, "") for text in wrap(seg.instructions.get(lang), width)]
    return out


def room_lines(item: RoomItem, lang: str, width: int) -> list[Part]:
    """A shown item: "Question: …" for one text, "Stories: A · B" for several, and a
    heading with one line a value for values with prompts (the lenses)."""
    label = item.label.get(lang)
    if any(shown.prompt is not None for shown in item.values):
        out: list[Part] = [(label, "bold")]
        for shown in item.values:
            text = shown.text.get(lang)
            if shown.prompt is not None:
                text = f"{text} — {shown.prompt.get(lang)}"
            out += [(part, "") for part in wrap(text, width)]
        return out
    texts = [shown.text.get(lang) for shown in item.values]
    style = "bold" if len(texts) == 1 else ""
    return [(part, style) for part in wrap(f"{label}: {' · '.join(texts)}", width)]


def phase_style(phase: PhaseNow) -> str:
    return PHASE_STYLES[phase.index % len(PHASE_STYLES)]


def phase_banner(phase: PhaseNow, lang: str) -> str:
    """ "Swap cards (1/2)": the phase on, above the digits."""
    title = phase.phase.title.get(lang)
    return t("room.phase.banner", title=title, n=phase.index + 1, count=phase.count)


def phase_status(phase: PhaseNow, lang: str, round_left: str) -> str:
    """Below the digits in a phase before the last: what comes next and the round's time."""
    following = phase.next_phase
    then = t("room.phase.then", title=following.title.get(lang)) if following else ""
    return f"{then} · {t('room.phase.round_left', time=round_left)}"


def phase_flash(phase: PhaseNow, lang: str) -> str:
    """What is said when a phase begins: its name and length."""
    return t("room.phase.flash", title=phase.phase.title.get(lang), time=phase_length(phase))


def phase_line(phase: PhaseNow, lang: str) -> str:
    """The line plain output gives a phase: "phase 2/2: Score in pairs (2 min)"."""
    title = phase.phase.title.get(lang)
    n, count = phase.index + 1, phase.count
    return t("room.plain.phase", n=n, count=count, title=title, time=phase_length(phase))


def phase_length(phase: PhaseNow) -> str:
    return format_minutes(max(0.0, round(phase.left)))


# -- the note line ---------------------------------------------------------------------------


def note_lines(note: NoteInput, width: int, lang: str, *, paused: bool) -> list[Line]:
    """Two lines at the bottom: what the keys do (or why the note was refused), and the note."""
    if note.problem:
        hint = line(note.problem, width, "bold red")
    elif note.dims:
        names = ", ".join(dim.label.get(lang).lower() for dim in note.dims)
        hint = line(t("room.note.hint_dims", dims=names), width, "dim")
    else:
        hint = line(t("room.note.hint"), width, "dim")
    return [hint, _input_line(note, width, lang, paused=paused)]


def _input_line(note: NoteInput, width: int, lang: str, *, paused: bool) -> Line:
    head: list[Part] = [(t("room.note.label"), "bold")]
    if paused:
        head.append((" " + t("room.note.paused"), "dim"))
    for i in range(1, len(note.dims) + 1):
        style = FOCUS_STYLE if note.focus == i else ""
        head += [(" · ", "dim"), (_dim_text(note, i, lang), style)]
    head.append((" › ", "dim"))
    used = sum(cell_len(text) for text, _ in head)
    return parts_line(head + _text_parts(note, max(1, width - used)), width)


def _dim_text(note: NoteInput, index: int, lang: str) -> str:
    dim = note.dims[index - 1]
    chosen = note.chosen.get(dim.id)
    ids = [value for value, _ in dim.values]
    if chosen is None or chosen not in ids:
        return f"{dim.label.get(lang)}: {t('room.note.unset')}"
    place = ids.index(chosen)
    return f"{dim.label.get(lang)}: {place + 1} {dim.values[place][1].get(lang)}"


def _text_parts(note: NoteInput, room: int) -> list[Part]:
    """The text typed, scrolled so that the cursor shows; the cursor as a reversed cell."""
    text, at = note.text, note.cursor
    start = max(0, at - room + 1)
    while start < at and cell_len(text[start : at + 1]) > room:
        start += 1
    before = text[start:at]
    under = text[at] if at < len(text) else " "
    after = text[at + 1 :]
    cursor_style = FOCUS_STYLE if note.focus == 0 else ""
    return [(before, ""), (under, cursor_style), (after, "")]


# -- the keys --------------------------------------------------------------------------------


def key_bar(width: int) -> Line:
    """Every key with its word, as long as fits ``width``; at least "? help · q quit"."""
    for short, gap in ((False, " · "), (True, " · "), (True, "  ")):
        text = gap.join(_bar_parts(short))
        if cell_len(text) <= width:
            return line(text, width, "dim")
    return line(f"? {t('room.bar.help')} · q {t('room.bar.quit')}", width, "dim")


def _bar_parts(short: bool) -> list[str]:
    """Each key and its word ("n next"); the keys are plain to see, the bar is calm."""
    parts = []
    for key, word, short_word in BAR_KEYS:
        name = t(key) if key.startswith("room.") else key
        parts.append(f"{name} {t(short_word if short else word)}")
    return parts
