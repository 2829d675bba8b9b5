"""The facilitator's console as a pure view (80x24 up to 200x55, a fake clock), and its
loop with a scripted feed, keys and sender: what each key sends, and q twice to quit."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from rich.console import Console

from facilitate.i18n import set_language
from facilitate.model.console import ConsoleEntry, ConsoleSnapshot, ConsoleStep, PlanOutlook
from facilitate.model.plan.forecast import project
from facilitate.model.text import Text
from facilitate.model.timeline import PhaseSpan, Segment
from facilitate.ui.console_loop import run_console
from facilitate.ui.console_screens import ConsolePlain, ConsoleScreen
from facilitate.ui.console_view import ConsoleOverlay, render
from facilitate.ui.keys import RESIZE

from fakes import FakeClock, ScriptedKeys
from plan_helpers import at, item, programme

SIZES = [(80, 24), (120, 40), (200, 55)]


@pytest.fixture(autouse=True)
def english() -> None:
    set_language("en")


def segment(index: int, title: str, phases: tuple[PhaseSpan, ...] = ()) -> Segment:
    return Segment(index, f"s{index}", Text.same(title), Text.same(""), 180.0, phases=phases)


SWAP = PhaseSpan("swap", Text(sv="Byt kort", en="Swap cards"), 60.0)
SCORE = PhaseSpan("score", Text(sv="Poängsätt", en="Score"), None)


def entries(count: int) -> tuple[ConsoleEntry, ...]:
    """Newest first, as the feed gives them."""
    return tuple(
        ConsoleEntry(
            100 - n,
            "note",
            "round#2",
            (("lens", "mod"), ("story", "Lund")),
            "Anna",
            f"idea {100 - n}",
        )
        for n in range(count)
    )


def snapshot(clock: FakeClock, **changes: object) -> ConsoleSnapshot:
    step = ConsoleStep(
        index=3,
        steps=9,
        title="Swap and score 1/5",
        round=1,
        time_left=154.2,
        total=180.0,
        paused=False,
        segment=segment(3, "Swap and score", (SWAP, SCORE)),
        next_segment=segment(4, "Swap and score again"),
    )
    snap = ConsoleSnapshot(
        session_id="2026-11-22-eslov",
        title="Eslöv",
        language="en",
        live=True,
        progress="running",
        method="35an",
        step=step,
        entries=entries(12),
        entry_count=40,
        plan=None,
        wall=clock.time(),
        utc_offset=clock.offset,
    )
    return replace(snap, **changes)  # type: ignore[arg-type]


def text_of(
    snap: ConsoleSnapshot, size: tuple[int, int], overlay: ConsoleOverlay | None = None
) -> list[str]:
    frame = render(snap, size, "en", overlay or ConsoleOverlay())
    console = Console(file=io.StringIO(), width=size[0], height=size[1], record=True)
    console.print(frame)
    lines = console.export_text().rstrip("\n").split("\n")
    assert len(frame.lines) == size[1], "the frame fills the screen exactly"
    assert all(len(line.plain) <= size[0] for line in frame.lines)
    return lines


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_console_shows_the_step_its_time_the_phase_and_entries_newest_first(
    size: tuple[int, int],
) -> None:
    clock = FakeClock(offset=3600.0)
    lines = text_of(snapshot(clock), size)
    text = "\n".join(lines)
    assert "Console · Eslöv" in lines[0] and lines[0].endswith("live  21:26")
    assert "Step 4/9 · round 1" in text
    assert "Swap and score 1/5 · Swap cards (1/2)" in text  # 26 s into a 60 s phase
    assert "02:35 left" in text
    assert "Next: Swap and score again" in text
    assert "Latest entries (40 in all)" in text
    shown = [line for line in lines if "idea" in line]
    assert shown[0].endswith("Anna: idea 100") and "round#2 · lens=mod story=Lund" in shown[0]
    assert [int(line.rsplit(" ", 1)[1]) for line in shown] == sorted(
        (int(line.rsplit(" ", 1)[1]) for line in shown), reverse=True
    )
    assert len(shown) >= (5 if size[1] == 24 else 10)
    assert "space pause" in lines[-1] and "q quit" in lines[-1]
    digits = [y for y, line in enumerate(lines) if "█" in line]
    assert len(digits) in (5, 10) and digits == list(range(digits[0], digits[0] + len(digits)))


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_paused_no_live_run_and_a_flash_are_said_in_words(size: tuple[int, int]) -> None:
    clock = FakeClock()
    snap = snapshot(clock, live=False)
    snap = replace(snap, step=replace(snap.step, paused=True))  # type: ignore[arg-type]
    text = "\n".join(text_of(snap, size, ConsoleOverlay(flash="Sent to the run: next step")))
    assert "PAUSED 02:35" in text
    assert "no live run — keys do nothing" in text
    assert "Sent to the run: next step" in text


def test_overtime_a_finished_run_and_a_session_without_runs() -> None:
    clock = FakeClock()
    snap = snapshot(clock)
    over = replace(snap, step=replace(snap.step, time_left=-65.0, segment=None))  # type: ignore[arg-type]
    assert "+01:05 over" in "\n".join(text_of(over, (80, 24)))
    done = "\n".join(text_of(replace(snap, progress="finished", step=None), (80, 24)))
    assert "The last run has finished." in done
    empty = replace(snap, progress="none", step=None, entries=(), entry_count=0, live=False)
    assert "No run yet" in "\n".join(text_of(empty, (80, 24)))


def test_a_planned_day_shows_its_block_the_next_anchor_and_how_late_it_is() -> None:
    day = programme(item(60, "Opening"), item(30, "Lunch", at="10:00"), start="09:00")
    projection = project(day, {}, at("09:10"))  # ten minutes past the planned start
    snap = snapshot(FakeClock(), plan=PlanOutlook(1, 2, projection))
    text = "\n".join(text_of(snap, (80, 24)))
    assert "Block 1/2 · Step 4/9" in text
    assert "10 min behind" in text and "Lunch 10:00" in text


def test_the_help_replaces_the_view_in_the_session_language() -> None:
    assert "Keys of the console" in "\n".join(
        text_of(snapshot(FakeClock()), (80, 24), ConsoleOverlay(help=True))
    )
    set_language("sv")
    text = "\n".join(text_of(snapshot(FakeClock(), live=False), (80, 24)))
    assert "ingen körning pågår — tangenterna gör inget" in text and "kvar" in text


# -- the loop --------------------------------------------------------------------------------


class FakeFeed:
    """The session as a scripted feed: time left counts down with the fake clock."""

    def __init__(self, clock: FakeClock, live: bool = True) -> None:
        self.clock = clock
        self.start = clock.time()
        self.live = live
        self.updates = 0

    def update(self) -> bool:
        self.updates += 1
        return False

    def snapshot(self, wall: float, utc_offset: float) -> ConsoleSnapshot:
        snap = snapshot(self.clock, live=self.live, wall=wall, utc_offset=utc_offset)
        left = 154.2 - (wall - self.start)
        return replace(snap, step=replace(snap.step, time_left=left))  # type: ignore[arg-type]


class Shown:
    def __init__(self) -> None:
        self.stream = io.StringIO()
        console = Console(file=self.stream, force_terminal=True, width=80, height=24)
        self.screen = ConsoleScreen(console, "en")
        self.frames: list[ConsoleOverlay] = []
        self.notices: list[str] = []

    def start(self) -> None:
        self.screen.start()

    def stop(self) -> None:
        self.screen.stop()

    def show(self, snap: ConsoleSnapshot, overlay: ConsoleOverlay) -> None:
        self.frames.append(overlay)
        self.screen.show(snap, overlay)

    def notice(self, text: str) -> None:
        self.notices.append(text)


def drive(
    script: list[tuple[float, str]], taken: bool = True, live: bool = True
) -> tuple[list[str], Shown, ScriptedKeys, FakeFeed]:
    clock = FakeClock()
    sent: list[str] = []

    def send(command: str) -> bool:
        sent.append(command)
        return taken

    feed, shown = FakeFeed(clock, live), Shown()
    keys = ScriptedKeys(clock, script)
    run_console(feed, send, clock=clock, keys=keys, display=shown)
    return sent, shown, keys, feed


def test_each_key_sends_its_command_and_says_so() -> None:
    sent, shown, _, _ = drive([(1, " "), (2, "+"), (3, "-"), (4, "n"), (5, "x"), (6, "=")])
    assert sent == ["pause", "extend", "shorten", "next", "extend"]
    assert shown.notices[:4] == [
        "Sent to the run: pause / resume",
        "Sent to the run: one minute more",
        "Sent to the run: one minute less",
        "Sent to the run: next step",
    ]


def test_next_on_the_last_step_says_that_a_second_n_finishes() -> None:
    clock = FakeClock()
    feed = FakeFeed(clock)
    last = snapshot(clock)
    last = replace(last, step=replace(last.step, index=8))  # type: ignore[arg-type]
    feed.snapshot = lambda wall, offset: replace(last, wall=wall)  # type: ignore[method-assign]
    shown = Shown()
    run_console(
        feed, lambda c: True, clock=clock, keys=ScriptedKeys(clock, [(1, "n")]), display=shown
    )
    assert shown.notices[0] == "Sent to the run: next — this is the last step, n again finishes"


def test_with_no_live_run_a_key_says_it_did_nothing() -> None:
    _, shown, _, _ = drive([(1, " ")], taken=False, live=False)
    assert shown.notices[0] == "No live run took it — keys do nothing"
    _, shown, _, _ = drive([(1, " ")], taken=False, live=True)  # a day between two blocks
    assert shown.notices[0] == "The run takes no keys now (between blocks, or no control channel)"


def test_q_once_keeps_the_console_and_twice_quits_leaving_a_clean_screen() -> None:
    sent, shown, _, _ = drive([(1, "q"), (2, "x"), (3, "?"), (4, "k")])
    assert shown.notices[:2] == [
        "q again to quit the console (the run goes on)",
        "The console stays.",
    ]
    assert any(frame.help for frame in shown.frames)
    assert sent == []  # the keys that quit and the help send nothing to the run
    assert shown.stream.getvalue().endswith("\x1b[0m\x1b[H\x1b[2J\x1b[?1049l\x1b[?25h")


def test_the_loop_sleeps_until_the_next_second_or_look_never_busy() -> None:
    _, shown, keys, feed = drive([(20, RESIZE)])
    waits = [w for w in keys.waits if w is not None]
    assert sum(w < 0.05 for w in waits) <= 3  # never a busy wait (the keys came at once)
    assert max(waits) <= 0.51  # the journal is looked at twice a second
    assert 35 <= feed.updates <= 45
    assert len(shown.frames) >= 20  # a frame a second (and one after the resize)


def test_plain_lines_say_the_step_a_pause_and_each_new_entry_once() -> None:
    stream = io.StringIO()
    plain = ConsolePlain(stream, stamp=lambda: "12:00:00")
    clock = FakeClock()
    snap = snapshot(clock, entries=entries(2))
    plain.show(snap, ConsoleOverlay())
    plain.show(replace(snap, step=replace(snap.step, paused=True)), ConsoleOverlay())  # type: ignore[arg-type]
    newer = (ConsoleEntry(101, "note", None, (), "Bo", "late\x1b[2J idea"), *entries(2))
    plain.show(replace(snap, entries=newer), ConsoleOverlay())
    plain.show(replace(snap, entries=newer), ConsoleOverlay())
    lines = stream.getvalue().splitlines()
    assert lines[0] == "12:00:00 A run is live: keys steer it."
    assert lines[1] == "12:00:00 Step 4/9: Swap and score 1/5 — 02:35 left"
    assert lines[2] == "12:00:00 Swap and score 1/5: paused"
    assert lines[-2] == "12:00:00 Swap and score 1/5: running again"
    assert lines[-1].startswith("12:00:00 New note (—) by Bo: late") and "\x1b" not in lines[-1]
    assert (
        sum("New note" in line for line in lines) == 1
    )  # the entries already seen are not repeated


def test_an_unknown_session_is_one_line_and_exit_2(tmp_path) -> None:
    from cli_helpers import run_cli

    result = run_cli(["--sessions-dir", str(tmp_path), "console", "no-such-session"])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
