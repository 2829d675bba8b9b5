"""A plan that :func:`~facilitate.model.plan.checks.check_plan` accepted, resolved against
the method library into a :class:`~facilitate.model.plan.programme.Programme`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from facilitate.model.expand import build_timeline
from facilitate.model.method import Method
from facilitate.model.plan.checks import is_flexible, method_values, natural_seconds
from facilitate.model.plan.document import Block, Plan
from facilitate.model.plan.programme import Path, PlannedBlock, PlannedTrack, Programme
from facilitate.model.text import Text

DEFAULT_MIN_SHARE = 0.5
"""A flexible block without ``min_minutes`` may be shortened to half its planned length."""


def build_programme(plan: Plan, methods: Mapping[str, Method]) -> Programme:
    """Resolve a plan that :func:`~facilitate.model.plan.checks.check_plan` accepted."""
    taken = {b.id for b in _every_block(plan.blocks) if b.id}
    blocks = tuple(
        _planned(block, ("blocks", i), str(i + 1), methods, taken)
        for i, block in enumerate(plan.blocks)
    )
    return Programme(
        id=plan.id,
        title=plan.title,
        date=plan.date,
        place=plan.place,
        language=plan.language,
        timezone=plan.timezone,
        start=plan.start,
        end=plan.end,
        organiser=plan.organiser,
        notes=plan.notes,
        blocks=blocks,
    )


def _every_block(blocks: list[Block]) -> list[Block]:
    found = []
    for block in blocks:
        found.append(block)
        for track in block.parallel or []:
            found += _every_block(track.blocks)
    return found


def _unique(key: str, taken: set[str]) -> str:
    candidate, n = key, 1
    while candidate in taken:
        n += 1
        candidate = f"{key}-{n}"
    taken.add(candidate)
    return candidate


def _planned(
    block: Block, path: Path, position: str, methods: Mapping[str, Method], taken: set[str]
) -> PlannedBlock:
    key = block.id or _unique(position, taken)
    tracks = _tracks(block, path, key, methods, taken)
    seconds = natural_seconds(block, methods)
    if seconds is None:
        seconds = max(track.seconds for track in tracks)
    flexible = is_flexible(block)
    if block.min_minutes is not None:
        min_seconds = block.min_minutes * 60
    else:
        min_seconds = seconds * DEFAULT_MIN_SHARE if flexible else seconds
    method = methods[block.method] if block.method else None
    values = method_values(method, block.params) if method else {}
    return PlannedBlock(
        key=key,
        kind="method" if method else ("parallel" if tracks else str(block.item)),
        title=block.title or (method.name if method else Text.same(key)),
        seconds=seconds,
        anchor=block.at,
        flexible=flexible,
        min_seconds=min_seconds,
        path=path,
        method_id=block.method,
        values=values,
        segments=tuple(build_timeline(method, values)) if method else (),
        tracks=tracks,
        presenter=block.presenter,
        responsible=block.responsible,
        room=block.room,
        notes=block.notes,
        lists=_given_lists(method, block, values) if method else (),
    )


def _tracks(
    block: Block, path: Path, key: str, methods: Mapping[str, Method], taken: set[str]
) -> tuple[PlannedTrack, ...]:
    """The tracks of a parallel block; their blocks are keyed ``KEY.TRACK.N`` unless named."""
    return tuple(
        PlannedTrack(
            title=track.title,
            room=track.room,
            presenter=track.presenter,
            blocks=tuple(
                _planned(
                    inner,
                    (*path, "parallel", j, "blocks", k),
                    f"{key}.{j + 1}.{k + 1}",
                    methods,
                    taken,
                )
                for k, inner in enumerate(track.blocks)
            ),
        )
        for j, track in enumerate(block.parallel or [])
    )


def _given_lists(
    method: Method, block: Block, values: Mapping[str, Any]
) -> tuple[tuple[Text, tuple[Text, ...]], ...]:
    return tuple(
        (method.parameters[key].label, tuple(values[key]))
        for key in block.params
        if method.parameters[key].type == "texts"
    )
