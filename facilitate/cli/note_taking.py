"""The note-taker's mode on this terminal: `facilitate note SESSION` without a text.

:class:`NoteLoop` drives a :class:`~facilitate.app.note_taking.NoteTaker` with a
:class:`~facilitate.ui.note_prompts.NotePrompter`: it shows where entries go (the live
run's current step, followed through the journal), asks for the dimension values the step
collects that are not chosen yet, saves each typed line (on disk before the next prompt),
and runs the slash commands (/undo, /edit, /step, /follow, /dim, /kind, /help, /quit).
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any

from facilitate.errors import FacilitateError, in_words
from facilitate.i18n import Translator, get_language, t
from facilitate.ui.note_prompts import NotePrompter, signals_held
from facilitate.ui.note_view import (
    collects_line,
    dimension_question,
    entry_prompt,
    step_heading,
    step_title,
    syntax_line,
    value_label,
)
from facilitate.ui.session_text import kind_name

if TYPE_CHECKING:
    from facilitate.app.input import SavedEntry
    from facilitate.app.input_targets import StepTarget
    from facilitate.app.note_taking import NoteTaker
    from facilitate.cli.context import AppContext
    from facilitate.model.entry_check import EntryDraft
    from facilitate.model.entry_rules import DimensionRule

COMMANDS = {
    "undo": "undo",
    "ångra": "undo",
    "edit": "edit",
    "ändra": "edit",
    "step": "step",
    "steg": "step",
    "follow": "follow",
    "följ": "follow",
    "dim": "dim",
    "dims": "dim",
    "kind": "kind",
    "sort": "kind",
    "help": "help",
    "hjälp": "help",
    "quit": "quit",
    "sluta": "quit",
}
"""Each command in English and Swedish."""


class Quit(Exception):
    """The note-taker ends the mode (/quit, or a signal while an entry was written)."""


def take_notes(
    app_ctx: AppContext,
    session: str,
    draft: EntryDraft,
    *,
    step: str | None,
    run: str | None,
    author: str | None,
) -> None:
    """The note-taker's mode in this terminal, until Ctrl-D, Ctrl-C or /quit."""
    from facilitate.app.input import SessionInput
    from facilitate.app.note_taking import NoteTaker
    from facilitate.ui.note_prompts import TerminalNotePrompter

    desk = SessionInput.follow(app_ctx.store(), app_ctx.methods(), session)
    gc.freeze()  # the session as read so far stays: the collector need not scan it each time
    taker = NoteTaker(desk, app_ctx.author_or(author), draft.kind, dict(draft.dims))
    if step or run:
        taker.pick(step or "", run)
    taker.check_choices()  # a -d value that does not exist: refused before the first prompt
    NoteLoop(taker, TerminalNotePrompter()).run()


class NoteLoop:
    """One note-taker's terminal, from the first prompt to the last."""

    def __init__(self, taker: NoteTaker, prompter: NotePrompter, lang: str = "") -> None:
        self.taker = taker
        self.prompter = prompter
        self.lang = lang or get_language()
        self.translate = Translator(self.lang)
        self.shown: StepTarget | None = None
        self.saved = 0
        self.retry = ""
        self._message = ""
        self._toolbar = ""
        self._drawn: tuple[Any, ...] | None = None

    def run(self) -> int:
        """Take entries until the note-taker ends; the number saved."""
        desk = self.taker.desk
        author = desk.author_name(self.taker.author)
        start = t("note.mode.start", title=desk.header.title, id=desk.session.id, author=author)
        self.prompter.say(start)
        try:
            while True:
                target = self.taker.target()
                self._show_where(target)
                for rule in self.taker.missing(target):
                    command = self.ask(rule)
                    if command is not None:
                        self.handle(command)
                        break
                default, self.retry = self.retry, ""
                line = self.prompter.entry(self.message, self.toolbar, default, self.notices)
                self.handle(line)
        except (EOFError, KeyboardInterrupt, Quit):
            pass
        self.prompter.say(t("note.mode.end", count=self.saved, id=desk.session.id))
        return self.saved

    # -- the entry line ----------------------------------------------------------------------

    def message(self) -> str:
        """The entry line's prompt, for the step entries go to now (drawn again and again)."""
        self._draw()
        return self._message

    def toolbar(self) -> str:
        """The bar under the entry line: the step, its entries from everyone, mine."""
        self._draw()
        return self._toolbar

    def _draw(self) -> None:
        """Make the prompt and the bar again when anything they show may have changed: the
        journal (another writer, the run moving on), a choice, an entry saved here."""
        taker = self.taker
        try:
            taker.desk.refresh()
            key: tuple[Any, ...] = (
                taker.desk.version,
                taker.picked,
                taker.kind,
                tuple(taker.dims.items()),
                self.saved,
            )
            if key == self._drawn:
                return
            target = taker.target()
            values = [self._shown_value(r) for r in taker.dimensions(target)]
            self._message = entry_prompt([v for v in values if v], taker.kind_at(target))
            here, mine = taker.counts(target)
            where = self._title(target)
            self._toolbar = t(
                "note.mode.toolbar", where=where, here=here, mine=mine, saved=self.saved
            )
            self._drawn = key
        except FacilitateError:
            pass  # (the journal could not be read just now: show what was shown)

    def _shown_value(self, rule: DimensionRule) -> str:
        value = self.taker.dims.get(rule.name.id, "")
        return value_label(rule, value, self.lang) if value else ""

    def handle(self, line: str) -> None:
        """One typed line: an entry, or a command."""
        text = line.strip()
        if not text:
            return
        if text.startswith("//"):
            self.save(line.strip()[1:])
        elif text.startswith("/"):
            self.command(text[1:])
        else:
            self.save(line)

    def save(self, line: str) -> None:
        """Save ``line`` at the step entries go to now; a refused one is offered again."""
        from facilitate.app.input import EntryRefused

        target = self.taker.target()
        self._show_where(target)
        for rule in self.taker.missing(target):
            command = self.ask(rule)
            if command is not None:  # a command instead of a value: the entry waits
                self.retry = line.strip()
                self.handle(command)
                return
        try:
            with signals_held() as caught:
                saved = self.taker.save(line, target)
        except EntryRefused as refused:
            self.problems(refused)
            self.retry = line.strip()
            return
        self.saved += 1
        self._say_saved(saved)
        if caught:
            raise Quit

    def _say_saved(self, saved: SavedEntry) -> None:
        target = self.taker.target()
        here, mine = self.taker.counts(saved.target or target)
        for warning in saved.warnings:
            self.prompter.say(t("sessions.warning", message=in_words(warning)))
        event: Any = saved.record.event
        self.prompter.say(
            t(
                "note.mode.saved",
                kind=kind_name(event.kind),
                entry=saved.entry_id,
                seq=saved.record.seq,
                here=here,
                mine=mine,
            )
        )

    def problems(self, refused: Any) -> None:
        """Each problem with what was typed, on its own line."""
        from facilitate.app.input_checks import problem_text

        for problem in refused.problems:
            text = problem_text(problem, self.translate)
            self.prompter.say(t("note.mode.problem", message=text))

    # -- where entries go --------------------------------------------------------------------

    def _title(self, target: StepTarget) -> str:
        if target.step is None:
            return t("note.mode.whole_session")
        recorded = None
        if target.run is not None:
            recorded = next(
                (
                    r.title
                    for r in target.run.steps
                    if (r.step, r.round) == (target.step, target.round)
                ),
                None,
            )
        title = step_title(target.segment, recorded, target.label or "", self.lang)
        return step_heading(target.segment, target.segments, title)

    def _show_where(self, target: StepTarget) -> None:
        """Say where entries go when that changed (the run moved on, a step was picked)."""
        for line in self._where_lines(target):
            self.prompter.say(line)

    def notices(self) -> list[str]:
        """While the entry line waits: where entries go, if that changed meanwhile."""
        try:
            return self._where_lines(self.taker.target())
        except FacilitateError:
            return []

    def _where_lines(self, target: StepTarget) -> list[str]:
        shown = self.shown
        if shown is not None and shown.same_place(target) and shown.followed == target.followed:
            return []
        from facilitate.app.input_targets import run_label

        self.shown = target
        label = run_label(target)
        title, run = self._title(target), label.render(self.translate) if label else ""
        if target.step is None:
            return [t("note.mode.no_live")]
        if target.followed:
            first = t("note.mode.following", run=run, step=title)
        elif run:
            first = t("note.mode.picked", step=title, run=run)
        else:
            first = t("note.mode.picked_no_run", step=title)
        lines = [first, collects_line(target.rules, self.taker.dimensions(target), self.lang)]
        lines.append(syntax_line(self.taker.kind_at(target)))
        return [line for line in lines if line]

    def ask(self, rule: DimensionRule) -> str | None:
        """Ask for one dimension's value until it is one (Enter keeps the current one, or
        leaves it out); a command typed instead is returned (None otherwise)."""
        from facilitate.app.input import EntryRefused

        current = self.taker.dims.get(rule.name.id)
        while True:
            answer = self.prompter.answer(dimension_question(rule, self.lang, current)).strip()
            if answer.startswith("/") and not answer.startswith("//"):
                return answer
            if not answer:
                self.taker.dims.setdefault(rule.name.id, "")  # left out: none
                return None
            try:
                self.taker.choose(rule, answer)
                return None
            except EntryRefused as refused:
                self.problems(refused)

    # -- commands ----------------------------------------------------------------------------

    def command(self, text: str) -> None:
        """A slash command (``undo``, ``step round#2`` ...), in English or Swedish."""
        from facilitate.cli.note_commands import run_command

        word, _, rest = text.partition(" ")
        name = COMMANDS.get(word.strip().lower())
        if name is None:
            self.prompter.say(t("note.mode.unknown_command", command="/" + word))
            return
        run_command(self, name, rest.strip())
