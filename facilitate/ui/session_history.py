"""A session's journal as readable lines (``sessions history``), and as JSON."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from facilitate.i18n import t
from facilitate.model.events import (
    ClockResynced,
    EntryAdded,
    EntryDeleted,
    EntryEdited,
    Event,
    Recorded,
    RunStarted,
    RunStopped,
    StepEnded,
    StepRestarted,
    StepStarted,
    TimerAdjusted,
    TimerPaused,
    TimerResumed,
)
from facilitate.model.session import TIMER_METHOD, legacy_run_id
from facilitate.ui.format import format_duration, format_signed
from facilitate.ui.safe_text import safe_line
from facilitate.ui.session_text import clock_time, kind_name, role_name, run_title, short_id


def history_lines(records: Sequence[Recorded], names: Mapping[str, str]) -> list[str]:
    """One readable line per record: number, time, who, what happened.

    ``names`` maps method ids to the methods' names in the interface language.
    """
    with_date = len({record.at[:10] for record in records}) > 1
    steps = _Steps()
    rows = []
    for record in records:
        when = clock_time(record.at, seconds=True)
        if with_date:
            when = f"{record.at[:10]} {when}"
        who = f"{record.author} ({role_name(record.role)})" if record.role else record.author
        what = describe(record.event, steps, names)
        rows.append((str(record.seq), safe_line(when), safe_line(who), safe_line(what)))
    widths = [max((len(row[i]) for row in rows), default=0) for i in range(3)]
    return [
        f"{seq:>{widths[0]}}  {when:<{widths[1]}}  {who:<{widths[2]}}  {what}"
        for seq, when, who, what in rows
    ]


class _Steps:
    """The step titles seen so far: by run and place, and by run, step id and round.

    An event without a run id (a 0.1.0 journal) belongs to the latest run.
    """

    def __init__(self) -> None:
        self.runs = 0
        self.latest: str | None = None
        self.by_index: dict[tuple[str | None, int], str] = {}
        self.by_step: dict[tuple[str | None, str, int | None], str] = {}

    def new_run(self, event: RunStarted) -> None:
        self.runs += 1
        self.latest = event.run_id or legacy_run_id(self.runs)

    def _run(self, run_id: str | None) -> str | None:
        return run_id if run_id is not None else self.latest

    def started(self, event: StepStarted) -> str:
        label = f"{event.step}#{event.round}" if event.round else event.step
        name = event.title or label
        run = self._run(event.run_id)
        self.by_index[(run, event.index)] = name
        self.by_step[(run, event.step, event.round)] = name
        return name

    def at(self, index: int, run_id: str | None = None) -> dict[str, Any]:
        name = self.by_index.get((self._run(run_id), index), f"#{index + 1}")
        return {"number": index + 1, "step": name}

    def of_entry(self, event: EntryAdded) -> str:
        step, round_ = event.step or "", event.round
        label = f"{step}#{round_}" if round_ else step
        return self.by_step.get((self._run(event.run_id), step, round_), label)


def describe(event: Event, steps: _Steps, names: Mapping[str, str]) -> str:
    """What one event says, in words (``steps`` collects step titles as it goes)."""
    match event:
        case RunStarted():
            steps.new_run(event)
            name = run_title(event.method, event.params, names)
            speed = f"{event.speed:g}" if event.speed != 1 else ""
            if event.method == TIMER_METHOD:
                speed = f" ({t('sessions.label.run_speed', speed=speed)})" if speed else ""
                return t("sessions.ev.timer_started", timer=name, speed=speed)
            speed = t("sessions.ev.speed", speed=speed) if speed else ""
            return t("sessions.ev.run_started", method=name, segments=event.segments, speed=speed)
        case StepStarted():
            name = steps.started(event)
            where = {"number": event.index + 1, "step": name}
            if event.until:
                return t("sessions.ev.step_until", until=event.until, **where)
            resumed = (
                event.remaining_seconds is not None
                and event.planned_seconds is not None
                and abs(event.remaining_seconds - event.planned_seconds) > 0.5
            )
            if resumed:
                left = format_duration(event.remaining_seconds)
                return t("sessions.ev.step_resumed", remaining=left, **where)
            planned = format_duration(event.planned_seconds)
            return t("sessions.ev.step_started", planned=planned, **where)
        case TimerPaused():
            return t("sessions.ev.timer_paused", remaining=format_duration(event.remaining_seconds))
        case TimerResumed():
            return t(
                "sessions.ev.timer_resumed",
                paused=format_duration(event.paused_seconds),
                remaining=format_duration(event.remaining_seconds),
            )
        case TimerAdjusted():
            return t(
                "sessions.ev.timer_adjusted",
                delta=format_signed(event.delta_seconds),
                remaining=format_duration(event.remaining_seconds),
            )
        case StepRestarted():
            left = format_duration(event.remaining_seconds)
            where = steps.at(event.index, event.run_id)
            return t("sessions.ev.step_restarted", remaining=left, **where)
        case StepEnded():
            return t(
                "sessions.ev.step_ended",
                outcome=t(f"sessions.outcome.{event.outcome}"),
                elapsed=format_duration(event.elapsed_seconds),
                **steps.at(event.index, event.run_id),
            )
        case ClockResynced():
            return t(
                "sessions.ev.clock_resynced",
                jump=format_duration(event.jump_seconds),
                remaining=format_duration(event.remaining_seconds),
            )
        case RunStopped():
            if event.reason == "finished":
                return t("sessions.ev.run_finished")
            return t(
                "sessions.ev.run_stopped",
                reason=t(f"sessions.stop.{event.reason}"),
                remaining=format_duration(event.remaining_seconds),
                paused=t("sessions.ev.paused_flag") if event.paused else "",
                **steps.at(event.index, event.run_id),
            )
        case EntryAdded():
            place = f" ({steps.of_entry(event)})" if event.step else ""
            return t(
                "sessions.ev.entry_added",
                kind=kind_name(event.kind),
                entry=short_id(event.entry_id),
                where=place,
                text=event.text,
            )
        case EntryEdited():
            text = event.text if event.text is not None else json.dumps(event.dims or event.value)
            return t("sessions.ev.entry_edited", entry=short_id(event.entry_id), text=text)
        case EntryDeleted():
            reason = f": {event.reason}" if event.reason else ""
            return t("sessions.ev.entry_deleted", entry=short_id(event.entry_id), reason=reason)
    data = json.dumps(event.to_data(), ensure_ascii=False)
    return t("sessions.ev.other", type=event.TYPE, data=data)


def record_data(record: Recorded) -> dict[str, Any]:
    """A record as it stands in the journal (for ``sessions history --json``)."""
    return {
        "seq": record.seq,
        "at": record.at,
        "author": record.author,
        "role": record.role,
        "type": record.event.TYPE,
        "data": record.event.to_data(),
    }
