"""Workshop plans: a day's programme, its schedule arithmetic, and re-planning when late.

Pure: no I/O and no clock. Times are seconds since local midnight of the plan's day.

- :mod:`.document` — what a plan file declares (``Plan``, ``Block``, ``Track``), as records
  that :mod:`.document_schema` makes from a file's data;
- :mod:`.checks` — cross-field checks against the method library;
- :mod:`.programme` — a checked plan resolved into ``PlannedBlock``s with their lengths
  (:mod:`.resolve` makes it);
- :mod:`.schedule` — blocks, tracks and steps placed on the clock;
- :mod:`.diagnose` — what ``plan check`` reports;
- :mod:`.forecast` and :mod:`.proposal` — the day given actual times, and what to shorten.

The names below are imported from their module when first read (``from facilitate.model.plan
import lay_out`` does not import the plan file's model).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# (imported now: the function ``diagnose`` is named as its module, which importing the module
# would otherwise make the package's ``diagnose``)
from facilitate.model.plan.diagnose import Clock, DayLength, Duration, Finding, diagnose

if TYPE_CHECKING:
    from facilitate.model.plan.checks import check_plan
    from facilitate.model.plan.clocktime import format_clock, format_range, parse_clock
    from facilitate.model.plan.document import ITEM_KINDS, Block, Plan, Track
    from facilitate.model.plan.forecast import (
        Actual,
        AnchorOutlook,
        BlockForecast,
        Projection,
        project,
    )
    from facilitate.model.plan.programme import PlannedBlock, PlannedTrack, Programme
    from facilitate.model.plan.proposal import Cut, Proposal, Replan, accept, replan, share_cut
    from facilitate.model.plan.resolve import build_programme
    from facilitate.model.plan.schedule import (
        TimedBlock,
        TimedStep,
        lay_out,
        planned_day_end,
        timed_steps,
        timed_tracks,
    )

_MODULES = {
    **dict.fromkeys(("check_plan",), "checks"),
    **dict.fromkeys(("format_clock", "format_range", "parse_clock"), "clocktime"),
    **dict.fromkeys(("ITEM_KINDS", "Block", "Plan", "Track"), "document"),
    **dict.fromkeys(
        ("Actual", "AnchorOutlook", "BlockForecast", "Projection", "project"), "forecast"
    ),
    **dict.fromkeys(("PlannedBlock", "PlannedTrack", "Programme"), "programme"),
    **dict.fromkeys(("build_programme",), "resolve"),
    **dict.fromkeys(("Cut", "Proposal", "Replan", "accept", "replan", "share_cut"), "proposal"),
    **dict.fromkeys(
        ("TimedBlock", "TimedStep", "lay_out", "planned_day_end", "timed_steps", "timed_tracks"),
        "schedule",
    ),
}
"""Each name of the package and the module it is defined in."""

__all__ = [
    "ITEM_KINDS",
    "Actual",
    "AnchorOutlook",
    "Block",
    "BlockForecast",
    "Clock",
    "Cut",
    "DayLength",
    "Duration",
    "Finding",
    "Plan",
    "PlannedBlock",
    "PlannedTrack",
    "Programme",
    "Projection",
    "Proposal",
    "Replan",
    "TimedBlock",
    "TimedStep",
    "Track",
    "accept",
    "build_programme",
    "check_plan",
    "diagnose",
    "format_clock",
    "format_range",
    "lay_out",
    "parse_clock",
    "planned_day_end",
    "project",
    "replan",
    "share_cut",
    "timed_steps",
    "timed_tracks",
]


def __getattr__(name: str) -> Any:
    """The name ``name`` from its module (imported now, the first time)."""
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The package's names, those not imported yet among them."""
    return sorted({*globals(), *_MODULES})
