"""Small plans built in code for the schedule tests: items, anchors, tracks, method blocks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from facilitate.library.plans import method_map
from facilitate.model.plan import Programme, build_programme, check_plan, parse_clock
from facilitate.model.plan.document_schema import validate_plan

HERE = Path(__file__).resolve().parent
METHODS = method_map(HERE, {"FACILITATE_CONFIG_DIR": str(HERE / "no-such-config")})


def at(clock: str) -> float:
    """``"10:50"`` -> seconds since midnight."""
    seconds = parse_clock(clock)
    assert seconds is not None, clock
    return seconds


def minutes(n: float) -> float:
    return n * 60.0


def item(length: float, title: str = "item", **fields: Any) -> dict[str, Any]:
    """A simple item of ``length`` minutes."""
    return {"item": fields.pop("kind", "other"), "title": title, "minutes": length, **fields}


def track(title: str, *blocks: dict[str, Any], room: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"title": title, "blocks": list(blocks)}
    if room:
        data["room"] = room
    return data


def programme(*blocks: dict[str, Any], start: str = "09:00", **plan: Any) -> Programme:
    """A checked programme of ``blocks`` (dicts as a plan file writes them)."""
    data = {"schema_version": 1, "id": "test", "title": "Test", "start": start, **plan}
    data["blocks"] = list(blocks)
    parsed = validate_plan(data)
    issues = check_plan(parsed, METHODS)
    assert not issues, issues
    return build_programme(parsed, METHODS)
