"""The lines a planned day shows between its blocks: where the day stands, what to shorten.

Pure: the projection and the proposal come from :func:`facilitate.model.plan.replan`; these
only put them into words (clock times in the language's style: 09.30 or 09:30).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from facilitate.i18n import t
from facilitate.model.plan import AnchorOutlook, Proposal
from facilitate.model.plan.clocktime import format_clock, format_range
from facilitate.model.plan.day import PLAN_KEY, read_stamp
from facilitate.model.plan.forecast import BlockForecast, Projection
from facilitate.ui.format import format_minutes
from facilitate.ui.safe_text import safe_line

ON_TIME = 30.0
"""Less than half a minute from the plan reads as on time."""


def where_text(behind: float) -> str:
    """ "3 min behind", "2 min ahead" or "on time"."""
    if abs(behind) < ON_TIME:
        return t("plan_run.on_time")
    key = "plan_run.behind" if behind > 0 else "plan_run.ahead"
    return t(key, time=format_minutes(_whole_minutes(abs(behind))))


def anchor_text(anchor: AnchorOutlook, lang: str) -> str:
    """ "Lunch 12.30 (4 min late)", or the end of the day."""
    slack = anchor.slack
    if abs(slack) < ON_TIME:
        slack_text = t("plan_run.slack_none")
    elif slack < 0:
        slack_text = t("plan_run.slack_late", time=format_minutes(_whole_minutes(-slack)))
    else:
        slack_text = t("plan_run.slack_spare", time=format_minutes(_whole_minutes(slack)))
    at = format_clock(anchor.at, lang)
    if anchor.key is None or anchor.title is None:
        return t("plan_run.anchor_end", at=at, slack=slack_text)
    title = safe_line(anchor.title.get(lang))
    return t("plan_run.anchor", title=title, at=at, slack=slack_text)


def status_line(projection: Projection, lang: str) -> str:
    """One line: ahead or behind, the re-computed end of the day, the next anchor."""
    anchor = projection.next_anchor
    return t(
        "plan_run.status",
        where=where_text(projection.behind),
        end=format_clock(projection.day_end, lang),
        planned=format_clock(projection.planned_day_end, lang),
        anchor=anchor_text(anchor, lang) if anchor is not None else "",
    )


def block_done_line(done: BlockForecast, number: int, total: int, lang: str) -> str:
    """ "Block 1/3 Welcome: 09.00–09.12 (planned 09.00–09.10)"."""
    return t(
        "plan_run.block_done",
        number=number,
        total=total,
        title=safe_line(done.block.title.get(lang)),
        actual=format_range(done.start, done.end, lang),
        planned=format_range(done.planned_start, done.planned_end, lang),
    )


def cuts_text(proposal: Proposal, lang: str) -> str:
    """ "World Café 90 → 80 min, 35:an 30 → 27 min"."""
    return ", ".join(
        t(
            "plan_run.cut",
            title=safe_line(cut.title.get(lang)),
            before=_minutes(cut.before),
            after=_minutes(cut.after),
        )
        for cut in proposal.cuts
    )


def proposal_lines(proposal: Proposal, lang: str) -> list[str]:
    """What to shorten, and the anchors that would be missed even so."""
    lines = [t("plan_run.proposal", cuts=cuts_text(proposal, lang))]
    for anchor in proposal.still_late:
        title = safe_line(anchor.title.get(lang)) if anchor.title else format_clock(anchor.at)
        time = format_minutes(_whole_minutes(-anchor.slack))
        lines.append(t("plan_run.still_late", title=title, time=time))
    return lines


def _whole_minutes(seconds: float) -> float:
    return max(60.0, round(seconds / 60) * 60)


def _minutes(seconds: float) -> str:
    minutes = seconds / 60
    return f"{minutes:g}" if minutes == int(minutes) else f"{minutes:.1f}"


def stamp_row(params: Mapping[str, Any]) -> tuple[str, str] | None:
    """A block run's plan stamp as a row of its parameters: "Plan  pty-day · block 2/3 ·
    planned 09.20–09.30 (10 min) · run from 09.22 for 8 min" (None: no plan's block)."""
    stamp = read_stamp(params)
    if stamp is None:
        return None
    data = params[PLAN_KEY]
    planned = f"{data.get('planned_start', '?')}–{data.get('planned_end', '?')}"
    planned_seconds = data.get("planned_seconds")
    text = t(
        "plan_run.stamp",
        plan=safe_line(stamp.plan),
        block=safe_line(stamp.block),
        number=stamp.number,
        total=stamp.blocks,
        planned=safe_line(planned),
        planned_length=format_minutes(planned_seconds)
        if isinstance(planned_seconds, int | float)
        else "?",
        start=safe_line(str(data.get("start", "?"))),
        length=format_minutes(stamp.seconds),
    )
    return t("plan_run.stamp_label"), text
