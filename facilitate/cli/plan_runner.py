"""`facilitate run PLAN`: the day block by block on this terminal, re-planned between blocks.

Each block is driven by the ordinary live runner (:func:`facilitate.cli.runner.drive`);
between two blocks one status line says where the day stands, and when it runs late the
proposal of what to shorten is shown: ``y`` accepts it, ``q`` stops the day (to resume
later), any other key goes on as planned. When standard input is not a terminal nobody can
answer, so a proposal is only shown (and said to be not applied) and the day goes on.
"""

from __future__ import annotations

import sys

import typer

from facilitate.app.plan_runs import PlanDay, open_day
from facilitate.app.plans import Plans
from facilitate.app.run_options import RunOptions
from facilitate.app.runs import LiveRun
from facilitate.cli.context import AppContext
from facilitate.cli.output import err, out, print_error
from facilitate.cli.runner import drive
from facilitate.clock import SystemClock
from facilitate.errors import FacilitateError, UsageError
from facilitate.i18n import t
from facilitate.i18n.messages import message
from facilitate.model.events import StopReason
from facilitate.model.plan.clocktime import format_clock
from facilitate.ui.plan_status import (
    block_done_line,
    cuts_text,
    proposal_lines,
    status_line,
    where_text,
)


def plan_wanted(app_ctx: AppContext, ref: str, *, forced: bool, params: list[str]) -> bool:
    """Does `facilitate run REF` run a plan? With --plan, or when REF is a plan file or an id
    that only a plan has (a method of the same id wins, and a note says so)."""
    from facilitate.app.plan_runs import is_plan

    plans = Plans(app_ctx.cwd, app_ctx.env)
    methods = app_ctx.methods()
    wanted = forced or is_plan(ref, methods, plans)
    if wanted and params:
        raise UsageError(message("plan_run.err.params", id=ref))
    if not wanted and methods.get(ref) is not None and _plan_exists(plans, ref):
        print_error(t("plan_run.note.both", id=ref))
    return wanted


def _plan_exists(plans: Plans, ref: str) -> bool:
    try:
        plans.find(ref)
    except FacilitateError:
        return False
    return True


def run_plan(
    app_ctx: AppContext,
    ref: str,
    *,
    session_id: str | None,
    options: RunOptions,
    author: str | None = None,
    plain: bool = False,
) -> None:
    """Run the day of plan ``ref`` (an id or a file) in a session, from where it stopped;
    ``plain`` shows each block as text lines on a terminal too."""
    if session_id:
        app_ctx.enter_session(session_id)
    plans = Plans(app_ctx.cwd, app_ctx.env)
    with open_day(
        app_ctx.store(),
        plans,
        ref,
        session_id=session_id,
        lang=app_ctx.lang,
        speed=options.speed,
    ) as day:
        if day.stopped is not None:
            _say(t("plan_run.resuming", **_block_names(day, app_ctx.lang)))
        elif not _between(app_ctx, day):
            return
        while True:
            reason = _run_block(app_ctx, day, options, author, plain)
            if reason != "finished":
                return
            if day.complete:
                _day_done(app_ctx, day)
                return
            if not _between(app_ctx, day):
                return


def _run_block(
    app_ctx: AppContext, day: PlanDay, options: RunOptions, author: str | None, plain: bool
) -> StopReason:
    """Drive the next block's run; note it done when it finished."""
    clock = SystemClock()
    wall = clock.time()
    behind = day.replan(wall, clock.utc_offset(wall)).projection.behind
    heading = t("plan_run.block_heading", **_block_names(day, app_ctx.lang))
    heading += f" · {where_text(behind)}"
    live = day.block_run(
        heading=heading,
        lang=app_ctx.lang,
        author=app_ctx.author_or(author),
        options=options,
        clock=clock,
    )
    number = day.position + 1

    def report(reason: StopReason, live: LiveRun, lang: str, exit_code: int) -> None:
        if reason == "finished":
            return
        saved = t("plan_run.day_saved", number=number, total=_total(day), id=day.session.id)
        if reason == "interrupted":
            _say(saved, stream=err())
            raise typer.Exit(exit_code)
        _say(saved)

    reason = drive(app_ctx, live, options, report=report, plain=plain)
    if reason == "finished":
        run = day.session.state().run(live.controller.run_id)
        if run is not None:
            day.finished_block(run)
    return reason


def _between(app_ctx: AppContext, day: PlanDay) -> bool:
    """Where the day stands, and a proposal when it is late; False when the day stops here."""
    lang = app_ctx.lang
    clock = SystemClock()
    wall = clock.time()
    plan = day.replan(wall, clock.utc_offset(wall))
    if day.done:
        key = day.done[-1][0]
        done = next(b for b in plan.projection.blocks if b.key == key)
        _say(block_done_line(done, day.position, _total(day), lang))
    _say(status_line(plan.projection, lang))
    proposal = plan.proposal
    if proposal is None:
        return True
    for line in proposal_lines(proposal, lang):
        _say(line)
    if not sys.stdin.isatty():
        _say(t("plan_run.not_terminal"))
        return True
    _say(t("plan_run.ask"))
    key = _read_key(day)
    if key == "y":
        day.accept(proposal)
        _say(t("plan_run.accepted", cuts=cuts_text(proposal, lang)))
    elif key == "q":
        _say(t("plan_run.day_saved", number=day.position + 1, total=_total(day), id=day.session.id))
        return False
    else:
        _say(t("plan_run.ignored"))
    return True


def _read_key(day: PlanDay) -> str:
    """One key from the terminal; Ctrl-C or a hang-up stops the day (saved: nothing runs)."""
    from facilitate.ui.keys import RESIZE, TerminalKeys
    from facilitate.ui.signals import StopRequested, StopSignals

    with StopSignals() as stops:
        try:
            with TerminalKeys.for_stdin(stops=stops) as keys:
                key = keys.next_key(None)
                while key is None or key == RESIZE:
                    key = keys.next_key(None)
        except StopRequested:
            stops.settle()
            number = day.position + 1
            _say(
                t("plan_run.day_saved", number=number, total=_total(day), id=day.session.id),
                stream=err(),
            )
            raise typer.Exit(stops.exit_code) from None
    return key.lower() if len(key) == 1 else key


def _day_done(app_ctx: AppContext, day: PlanDay) -> None:
    lang = app_ctx.lang
    clock = SystemClock()
    wall = clock.time()
    projection = day.replan(wall, clock.utc_offset(wall)).projection
    last = projection.blocks[-1]
    _say(block_done_line(last, _total(day), _total(day), lang))
    end = format_clock(projection.day_end, lang)
    planned = format_clock(projection.planned_day_end, lang)
    _say(t("plan_run.day_done", end=end, planned=planned, id=day.session.id))


def _block_names(day: PlanDay, lang: str) -> dict[str, object]:
    return {"number": day.position + 1, "total": _total(day), "title": day.block.title.get(lang)}


def _total(day: PlanDay) -> int:
    return len(day.programme.blocks)


def _say(text: str, *, stream: object = None) -> None:
    console = stream if stream is not None else out()
    console.print(text, markup=False, highlight=False, soft_wrap=True)  # type: ignore[attr-defined]
