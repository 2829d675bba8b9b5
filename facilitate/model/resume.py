"""Whether a stopped run can go on in a method's timeline as it is now.

A run records the step id and round it stopped at (:class:`ResumePoint`); if the method file
was changed since, the segment at that place may be another step. :func:`resume_problem`
says what no longer matches, so a resume can refuse with the step named instead of
continuing somewhere else.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from facilitate.model.session_state import ResumePoint
from facilitate.model.timeline import Segment
from facilitate.records import Record

ResumeProblemCode = Literal["step_gone", "step_changed"]


def step_label(step: str, round_: int | None) -> str:
    """``round#2`` for a round, else the step id (the same as :attr:`Segment.label`)."""
    return f"{step}#{round_}" if round_ else step


class ResumeProblem(Record):
    """Why a run cannot resume in the timeline: its step is gone, or another step is there.

    ``number`` is the stopped-at place (1-based); ``step`` the recorded step label (None in
    journals written by 0.1.0); ``found`` the label now at that place (None when the timeline
    is shorter); ``total`` the timeline's length; ``moved_to`` the place (1-based) where the
    recorded step is now, if it is there once.
    """

    code: ResumeProblemCode
    number: int
    step: str | None
    found: str | None
    total: int
    moved_to: int | None = None


def resume_problem(point: ResumePoint, segments: Sequence[Segment]) -> ResumeProblem | None:
    """What does not match between where a run stopped and ``segments``; None if all does."""
    recorded = step_label(point.step, point.round) if point.step is not None else None
    moved = [s.index + 1 for s in segments if recorded is not None and s.label == recorded]
    moved_to = moved[0] if len(moved) == 1 else None
    if point.index >= len(segments):
        return ResumeProblem("step_gone", point.index + 1, recorded, None, len(segments), moved_to)
    found = segments[point.index].label
    if recorded is None or found == recorded:
        return None
    return ResumeProblem("step_changed", point.index + 1, recorded, found, len(segments), moved_to)
