"""The questions `plan new` asks in a terminal: the day's facts, then block after block.

Every answer is checked in the prompt itself, so a typo is corrected there and loses nothing.
The questions go through a small :class:`PlanPrompter`, so tests can answer them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol

from facilitate.i18n import t
from facilitate.library.plan_scaffold import DEFAULT_MINUTES, DraftBlock, PlanDraft
from facilitate.library.user_text import text_error_message
from facilitate.model.expand import build_timeline
from facilitate.model.method import Method
from facilitate.model.plan.clocktime import parse_clock
from facilitate.model.plan.document import ITEM_KINDS
from facilitate.model.text_rules import UserTextError, check_user_text

Check = Callable[[str], str | None]
"""Says what is wrong with an answer, or None when it is fine."""
DONE = ""


class PlanPrompter(Protocol):
    def text(self, message: str, *, default: str = "", check: Check | None = None) -> str: ...

    def choose(self, message: str, choices: list[tuple[str, str]]) -> str: ...


class QuestionaryPlanPrompter:
    """Asks with questionary; Ctrl-C interrupts the command (nothing has been written)."""

    def text(self, message: str, *, default: str = "", check: Check | None = None) -> str:
        import questionary

        def validate(answer: str) -> bool | str:
            return (check(answer) if check else None) or True

        return _answer(questionary.text(message, default=default, validate=validate))

    def choose(self, message: str, choices: list[tuple[str, str]]) -> str:
        import questionary

        options = [questionary.Choice(title=label, value=value) for value, label in choices]
        return _answer(questionary.select(message, choices=options))


def _answer(question: Any) -> str:
    answer = question.ask()
    if answer is None:
        raise KeyboardInterrupt
    return str(answer).strip()


class ScriptedPlanPrompter:
    """Answers from a list in order; an answer its check refuses is noted and the next taken."""

    def __init__(self, answers: Iterable[str]) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []
        self.refused: list[tuple[str, str]] = []

    def text(self, message: str, *, default: str = "", check: Check | None = None) -> str:
        while True:
            self.asked.append(message)
            answer = self.answers.pop(0).strip() or default
            problem = check(answer) if check else None
            if problem is None:
                return answer
            self.refused.append((answer, problem))

    def choose(self, message: str, choices: list[tuple[str, str]]) -> str:
        self.asked.append(message)
        answer = self.answers.pop(0)
        assert answer in [value for value, _ in choices], (answer, choices)
        return answer


def _text(field: str, *, required: bool) -> Check:
    """A check for typed text: no control characters, something visible (if required)."""

    def check(answer: str) -> str | None:
        if not answer.strip():
            return t("plan.ask.required") if required else None
        try:
            check_user_text(answer, field)
        except UserTextError as error:
            return text_error_message(error).render(t)
        return None

    return check


def _clock(optional: bool) -> Check:
    def check(answer: str) -> str | None:
        if optional and not answer.strip():
            return None
        return None if parse_clock(answer) is not None else t("plan.ask.bad_clock")

    return check


def _date(answer: str) -> str | None:
    if not answer.strip():
        return None
    try:
        dt.date.fromisoformat(answer.strip())
    except ValueError:
        return t("plan.ask.bad_date")
    return None


def _minutes(optional: bool) -> Check:
    def check(answer: str) -> str | None:
        if optional and not answer.strip():
            return None
        try:
            ok = 0 < float(answer.replace(",", ".")) <= 720
        except ValueError:
            ok = False
        return None if ok else t("plan.ask.bad_minutes")

    return check


def block_choices(methods: Mapping[str, Method], lang: str, *, done: bool) -> list[tuple[str, str]]:
    """What the next block can be: done, an item kind, or a method (``method:ID``)."""
    choices = [(DONE, t("plan.ask.done"))] if done else []
    choices += [(kind, t(f"plan.kind.{kind}")) for kind in ITEM_KINDS]
    for method_id, method in sorted(methods.items()):
        choices.append((f"method:{method_id}", t("plan.ask.method", name=method.name.get(lang))))
    return choices


def ask_block(
    prompter: PlanPrompter, choice: str, methods: Mapping[str, Method], lang: str
) -> DraftBlock:
    """The questions for one block once its kind (or method) is chosen."""
    if choice.startswith("method:"):
        method_id = choice.removeprefix("method:")
        own = sum(s.seconds or 0.0 for s in build_timeline(methods[method_id])) / 60
        minutes = prompter.text(
            t("plan.ask.method_minutes", minutes=f"{own:g}"), check=_minutes(True)
        )
        block = DraftBlock(method=method_id, minutes=float(minutes) if minutes else None)
    else:
        title = prompter.text(
            t("plan.ask.block_title"),
            default=t(f"plan.kind.{choice}"),
            check=_text("title", required=True),
        )
        default = str(DEFAULT_MINUTES[choice])
        minutes = prompter.text(t("plan.ask.minutes"), default=default, check=_minutes(False))
        block = DraftBlock(item=choice, minutes=float(minutes.replace(",", ".")), title=title)
    at = prompter.text(t("plan.ask.at"), check=_clock(True))
    block.at = parse_clock(at) if at else None
    return block


def ask_plan_draft(
    prompter: PlanPrompter, plan_id: str, methods: Mapping[str, Method], lang: str
) -> PlanDraft:
    """Ask for the day's title, date, place and times, then its blocks until done."""
    title = prompter.text(t("plan.ask.title"), check=_text("title", required=True))
    date = prompter.text(t("plan.ask.date"), check=_date)
    place = prompter.text(t("plan.ask.place"), check=_text("place", required=False))
    start = prompter.text(t("plan.ask.start"), default="09:00", check=_clock(False))
    end = prompter.text(t("plan.ask.end"), check=_clock(True))
    draft = PlanDraft(
        id=plan_id,
        title=title,
        start=parse_clock(start) or 0.0,
        end=parse_clock(end) if end else None,
        date=date or None,
        place=place or None,
        language=lang,
    )
    while True:
        n = len(draft.blocks) + 1
        choices = block_choices(methods, lang, done=bool(draft.blocks))
        choice = prompter.choose(t("plan.ask.block", n=n), choices)
        if choice == DONE:
            return draft
        draft.blocks.append(ask_block(prompter, choice, methods, lang))
