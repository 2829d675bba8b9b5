"""Workshop plans: a day's programme, its schedule arithmetic, and re-planning when late.

Pure: no I/O and no clock. Times are seconds since local midnight of the plan's day.

- :mod:`.document` — what a plan file declares (``Plan``, ``Block``, ``Track``);
- :mod:`.checks` — cross-field checks against the method library;
- :mod:`.programme` — a checked plan resolved into ``PlannedBlock``s with their lengths;
- :mod:`.schedule` — blocks, tracks and steps placed on the clock;
- :mod:`.diagnose` — what ``plan check`` reports;
- :mod:`.forecast` and :mod:`.proposal` — the day given actual times, and what to shorten.
"""

from facilitate.model.plan.checks import check_plan
from facilitate.model.plan.clocktime import format_clock, format_range, parse_clock
from facilitate.model.plan.diagnose import Clock, DayLength, Duration, Finding, diagnose
from facilitate.model.plan.document import ITEM_KINDS, Block, Plan, Track
from facilitate.model.plan.forecast import (
    Actual,
    AnchorOutlook,
    BlockForecast,
    Projection,
    project,
)
from facilitate.model.plan.programme import (
    PlannedBlock,
    PlannedTrack,
    Programme,
    build_programme,
)
from facilitate.model.plan.proposal import Cut, Proposal, Replan, accept, replan, share_cut
from facilitate.model.plan.schedule import (
    TimedBlock,
    TimedStep,
    lay_out,
    planned_day_end,
    timed_steps,
    timed_tracks,
)

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
