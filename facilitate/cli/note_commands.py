"""The note-taker's slash commands: /undo, /edit, /step, /follow, /dim, /kind, /help, /quit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitate.errors import FacilitateError
from facilitate.i18n import t
from facilitate.ui.note_prompts import signals_held
from facilitate.ui.session_text import kind_name

if TYPE_CHECKING:
    from facilitate.cli.note_taking import NoteLoop


def run_command(loop: NoteLoop, name: str, rest: str) -> None:
    """Carry out command ``name`` with its argument ``rest``; problems are said, not raised."""
    from facilitate.app.input import EntryRefused
    from facilitate.cli.note_taking import Quit

    if name == "quit":
        raise Quit
    if name == "help":
        loop.prompter.say(t("note.mode.help"))
        return
    try:
        COMMANDS[name](loop, rest)
    except EntryRefused as refused:
        loop.problems(refused)
    except FacilitateError as error:
        for line in error.lines(loop.translate):
            loop.prompter.say(t("note.mode.problem", message=line))


def _undo(loop: NoteLoop, rest: str) -> None:
    with signals_held():
        saved = loop.taker.undo()
    if saved is None or saved.before is None:
        loop.prompter.say(t("note.mode.nothing_yours"))
        return
    loop.saved -= 1
    before = saved.before
    loop.prompter.say(
        t(
            "note.mode.withdrawn",
            kind=kind_name(before.kind),
            entry=saved.entry_id,
            text=before.text,
        )
    )


def _edit(loop: NoteLoop, rest: str) -> None:
    last = loop.taker.last()
    if last is None:
        loop.prompter.say(t("note.mode.nothing_yours"))
        return
    text = rest or loop.prompter.answer(t("note.mode.edit_ask"), default=last.text)
    with signals_held():
        saved = loop.taker.edit(text)
    if saved is not None:
        after = text.strip()
        loop.prompter.say(
            t("note.mode.edited", entry=saved.entry_id, before=last.text, after=after)
        )


def _step(loop: NoteLoop, rest: str) -> None:
    if not rest:
        steps = ", ".join(loop.taker.desk.targets().step_ids()) or "-"
        loop.prompter.say(t("note.mode.steps", steps=steps))
        return
    step, _, run = rest.partition(" ")
    loop.taker.pick(step, run.strip() or None)


def _follow(loop: NoteLoop, rest: str) -> None:
    loop.taker.follow()
    loop.shown = None  # say where entries go again


def _dim(loop: NoteLoop, rest: str) -> None:
    target = loop.taker.target()
    if not rest:
        for rule in loop.taker.dimensions(target):
            if loop.ask(rule) is not None:
                return
        return
    from facilitate.cli.note import pairs

    for name, value in pairs("/dim", rest.split()).items():
        loop.taker.choose_named(target, name, value)


def _kind(loop: NoteLoop, rest: str) -> None:
    target = loop.taker.target()
    kind = loop.taker.choose_kind(rest, target)
    loop.prompter.say(t("note.mode.kind_now", kind=kind_name(kind)))
    loop.shown = None


COMMANDS = {
    "undo": _undo,
    "edit": _edit,
    "step": _step,
    "follow": _follow,
    "dim": _dim,
    "kind": _kind,
}
