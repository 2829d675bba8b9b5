"""Sessions with runs as the runner records them, for the tests of entering input."""

from __future__ import annotations

import os
import uuid
from collections.abc import Mapping
from pathlib import Path

from facilitate.library.methods import find_method
from facilitate.model.events import RunStarted, RunStopped, StepEnded, StepStarted
from facilitate.model.expand import build_timeline
from facilitate.model.params import params_to_json, resolve_params
from facilitate.store.session import Session

TEST_CACHE = {"FACILITATE_CACHE_DIR": os.environ.get("FACILITATE_CACHE_DIR", "off")}
"""Methods looked up with only this in the environment use the test run's own cache."""

REPO = Path(__file__).resolve().parents[1]


def record_run(
    session: Session,
    method_id: str,
    params: Mapping[str, str] | None = None,
    *,
    at: str | None = None,
    finish: bool = False,
    stop: bool = False,
) -> str:
    """Record a run of ``method_id`` as the runner would: every step up to the one labelled
    ``at`` (``"harvest"``, ``"round#2"``) started and the earlier ones completed; then, with
    ``finish``, the rest completed too, or with ``stop``, the run quit there. Its run id."""
    method = find_method(method_id, cwd=REPO, env=TEST_CACHE).method
    values = resolve_params(method, dict(params or {}))
    segments = build_timeline(method, values)
    run_id = uuid.uuid4().hex
    events: list = [
        RunStarted(method_id, params_to_json(values), segments=len(segments), run_id=run_id)
    ]
    for segment in segments:
        label = f"{segment.step_id}#{segment.round}" if segment.round else segment.step_id
        seconds = segment.seconds or 60.0
        title = segment.title.get("en")
        events.append(
            StepStarted(
                segment.index, segment.step_id, segment.round, seconds, title=title, run_id=run_id
            )
        )
        if label == at and not finish:
            if stop:
                events.append(RunStopped(segment.index, seconds, False, "quit", run_id=run_id))
            break
        events.append(StepEnded(segment.index, "completed", seconds, 0.0, run_id=run_id))
    for event in events:
        session.append(event, author="Anna", role="facilitator")
    return run_id
