"""Short texts about sessions shared by the list, the session view and the history."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from rich.text import Text

from facilitate.i18n import get_language, t
from facilitate.model.run_clock import LiveStatus
from facilitate.model.session_digest import SessionDigest
from facilitate.model.session_header import SessionHeader
from facilitate.model.session_listing import ListedSession
from facilitate.model.session_state import TIMER_METHOD, Entry, Run, SessionState
from facilitate.ui.format import NONE, format_clock, format_duration, format_minutes
from facilitate.ui.safe_text import safe_text

PLAN_KEY = "plan"
"""Where a planned run's params hold its plan stamp (``facilitate.model.plan.day.PLAN_KEY``,
named again here: the plan model is imported only for a run that has one)."""
ENTRY_ID_SHOWN = 8


def cells(*values: str | Text) -> list[Text]:
    """Table cells as plain text: what people typed is never read as Rich markup or emoji,
    and a control character in it is shown, not obeyed."""
    return [safe_cell(value) for value in values]


def safe_cell(value: str | Text) -> Text:
    """``value`` as a Rich Text made safe for the terminal (a clean Text is kept as it is)."""
    if isinstance(value, Text):
        shown = safe_text(value.plain)
        return value if shown == value.plain else Text(shown, style=value.style)
    return Text(safe_text(value))


def short_id(entry_id: str) -> str:
    return entry_id[:ENTRY_ID_SHOWN]


def clock_time(at: str | None, *, seconds: bool = False) -> str:
    """The local time of a record's timestamp: ``10:02`` (or ``10:02:11``)."""
    if not at:
        return NONE
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at
    return moment.strftime("%H:%M:%S" if seconds else "%H:%M")


def _known(key: str, fallback: str) -> str:
    """The message ``key``, or ``fallback`` when the catalogue has no such message."""
    text = t(key)
    return fallback if text == key else text


def kind_name(kind: str) -> str:
    """An entry kind in the interface language (``note`` -> ``anteckning``); others as typed."""
    return _known(f"sessions.kind.{kind}", kind)


def role_name(role: str) -> str:
    """A writer's role in the interface language (``note-taker`` -> ``antecknare``)."""
    return _known(f"sessions.role.{role}", role)


def language_name(code: str) -> str:
    """A session's language by name (``sv`` -> ``Swedish``); an older code as it stands."""
    return _known(f"sessions.language.{code}", code)


def run_title(method: str, params: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """What a run is called: the method's name, or ``Timer: Fika 10 min`` for a timer."""
    if method != TIMER_METHOD:
        return names.get(method, method)
    seconds, until, title = params.get("seconds"), params.get("until"), params.get("title")
    if until:
        length = t("sessions.run.until", until=until)
    elif isinstance(seconds, int | float):
        length = format_minutes(seconds)
    else:
        length = ""
    if title:
        return t("sessions.run.timer", title=title, length=length).strip()
    return t("sessions.run.timer_untitled", length=length).strip()


def run_params(run: Run, labels: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
    """A method run's parameters as (label, value) to show; none for a standalone timer.

    ``labels`` maps keys to labels in the interface language; a key without one is shown.
    """
    plan = None
    if isinstance(run.params.get(PLAN_KEY), dict):  # (a plan stamp is a mapping)
        from facilitate.ui.plan_status import stamp_row

        plan = stamp_row(run.params)
    if run.is_timer:
        return [plan] if plan else []
    labels = labels or {}
    rows = [
        (labels.get(key) or key, param_text(value))
        for key, value in run.params.items()
        if not (plan and key == PLAN_KEY)
    ]
    return [*rows, plan] if plan else rows


def param_text(value: Any) -> str:
    """A recorded parameter value for people: a bilingual text in the interface language;
    a list of several values numbered, one a line (a value may itself hold a comma)."""
    if isinstance(value, dict) and set(value) <= {"sv", "en"}:
        lang = get_language()
        other = "en" if lang == "sv" else "sv"
        return str(value.get(lang) or value.get(other) or "")
    if isinstance(value, list):
        items = [param_text(item) for item in value]
        if len(items) == 1:
            return items[0]
        return "\n".join(f"{number}. {item}" for number, item in enumerate(items, 1))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def step_ref(run: Run) -> str:
    """Where a run is: ``3/4: Think in fours`` (number of total, and the step's title)."""
    index = run.current_index
    if index is None:
        return ""
    number = f"{index + 1}/{run.segments}" if run.segments else str(index + 1)
    current = run.current_step_run
    return f"{number}: {current.name}" if current is not None else number


def ended_timer(run: Run | None) -> bool:
    """True for a standalone timer that was quit or interrupted: it has ended early."""
    return run is not None and run.is_timer and run.progress == "stopped"


def run_status(run: Run, live: LiveStatus | None = None) -> str:
    """ "stopped at step 3/4: Think in fours", "running (step 1/4: ...)", "finished", ...;
    "live (step 1/4: ...)" while ``live`` says the run is being run now."""
    if live is not None and live.run_id == run.run_id:
        if not run.is_timer and run.current_index is not None:
            return t("live.status.live_at", step=step_ref(run))
        return t("live.status.live")
    if ended_timer(run):
        return t("records.status.timer_ended")
    if (
        run.progress in ("running", "stopped")
        and not run.is_timer
        and run.current_index is not None
    ):
        key = (
            "sessions.status.stopped_at"
            if run.progress == "stopped"
            else "sessions.status.running_at"
        )
        return t(key, step=step_ref(run))
    return t(f"sessions.status.{run.progress}")


def status_text(
    state: SessionState | SessionDigest | ListedSession, live: LiveStatus | None = None
) -> str:
    """The session's status: live (``live``: its run is being run now), archived, not
    started, or the last run's status."""
    run = state.last_run
    if run is not None and live is not None:
        return run_status(run, live)
    if state.status == "archived":
        return t("sessions.status.archived")
    return run_status(run) if run is not None else t("sessions.status.not_started")


def live_detail(live: LiveStatus) -> str:
    """``(07:12 left)``, ``(07:12 left, paused)`` or ``(00:30 over)`` for a live run's step
    at the time it was looked at; ``""`` between steps."""
    if live.time_left is None:
        return ""
    if round(live.time_left) < 0:
        parts = [t("live.status.over", time=format_clock(live.time_left))]
    else:
        parts = [t("sessions.status.left", time=format_duration(live.time_left))]
    if live.paused:
        parts.append(t("sessions.status.paused"))
    return f" ({', '.join(parts)})"


def status_detail(state: SessionState | SessionDigest, live: LiveStatus | None) -> str:
    """What follows the status: a live run's time left now, else where it can be resumed."""
    return live_detail(live) if live is not None else resume_detail(state.last_run)


def resume_detail(run: Run | None) -> str:
    """``(12:30 left, paused)`` for a run that can be continued, else ``""``."""
    if run is None or run.progress == "finished":
        return ""
    point = run.resume_point
    if point is None or point.remaining_seconds is None:
        return ""
    parts = [t("sessions.status.left", time=format_duration(point.remaining_seconds))]
    if point.paused and not ended_timer(run):
        parts.append(t("sessions.status.paused"))
    return f" ({', '.join(parts)})"


def entry_step(state: SessionState, entry: Entry) -> str:
    """The step an entry belongs to: its title as recorded in its run, else its id and round."""
    if not entry.step:
        return NONE
    label = f"{entry.step}#{entry.round}" if entry.round else entry.step
    return state.step_title(entry.step, entry.round, entry.run_id) or label


def method_cell(header: SessionHeader, state: SessionState | SessionDigest | ListedSession) -> str:
    """The list's method column: the header's method or plan, else the methods run."""
    if header.method_or_plan:
        return header.method_or_plan
    methods = list(dict.fromkeys(run.method for run in state.runs if not run.is_timer))
    if methods:
        return ", ".join(methods)
    return t("sessions.run.timer_short") if state.runs else NONE
