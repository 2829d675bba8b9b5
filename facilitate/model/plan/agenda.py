"""The programme as lines to print: every block, the blocks of its tracks, and its steps.

Every renderer (terminal, Markdown, HTML, calendar) walks the same lines and only decides
how each looks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from facilitate.model.plan.programme import PlannedBlock, PlannedTrack, Programme
from facilitate.model.plan.schedule import lay_out, timed_steps
from facilitate.model.timeline import Segment
from facilitate.records import Record


class AgendaLine(Record):
    """One line of the programme. ``depth`` 0 is a block of the day; 1 is a block inside one
    of its ``track``s (``parent`` is the parallel block), or with ``step`` set one step (or
    round) of a method block; 2 is a step of a method block inside a track."""

    depth: int
    start: float
    end: float
    block: PlannedBlock
    track: PlannedTrack | None = None
    step: Segment | None = None
    parent: PlannedBlock | None = None


def agenda(
    programme: Programme, *, steps: bool = False, lengths: Mapping[str, float] | None = None
) -> list[AgendaLine]:
    """The lines of the day in order; with ``steps`` also each method block's steps."""
    lines = []
    for timed in lay_out(programme, lengths):
        lines.append(AgendaLine(0, timed.start, timed.end, timed.block))
        for track, blocks in zip(timed.block.tracks, timed.tracks, strict=True):
            for inner in blocks:
                line = AgendaLine(
                    1, inner.start, inner.end, inner.block, track=track, parent=timed.block
                )
                lines.append(line)
                if steps:
                    lines += _steps(inner.block, inner.start, inner.seconds, 2, track)
        if steps:
            lines += _steps(timed.block, timed.start, timed.seconds, 1, None)
    return lines


def _steps(
    block: PlannedBlock, start: float, seconds: float, depth: int, track: PlannedTrack | None
) -> list[AgendaLine]:
    return [
        AgendaLine(depth, s.start, s.end, block, track=track, step=s.segment)
        for s in timed_steps(block, start, seconds)
    ]


def line_text(line: AgendaLine, lang: str, round_label: Callable[[int, int | None], str]) -> str:
    """A track's block or a method's step as one line of text; ``round_label(n, of)`` words
    a round ("round 2 of 3") in the renderer's language."""
    if line.step is not None:
        text = line.step.title.get(lang)
        if line.step.round is not None:
            text += f" ({round_label(line.step.round, line.step.rounds)})"
            if line.step.round_text is not None:
                text += f": {line.step.round_text.get(lang)}"
        return text
    assert line.track is not None
    where = f" ({line.track.room})" if line.track.room else ""
    who = line.block.presenter or line.track.presenter
    text = f"{line.track.title.get(lang)}{where}: {line.block.title.get(lang)}"
    return text + (f" – {who}" if who else "")
