"""How long a note takes to be saved: the note-taker's mode, and `facilitate note` once.

Measures, in a temporary session store, with the Eslöv storytelling run live at its harvest
step and the session's journal 50 or 50,000 events long:

* the note-taker's mode (`facilitate note SESSION` in a pseudo-terminal, the story and the
  lens chosen): the time from pressing Enter to "saved" on the screen, fsync included
  (p50, p95, max; the target is a p95 under 50 ms); and the same without the terminal (the
  mode's own work from the typed line to "saved", in this process), with the disk's fsync
  alone and a bare prompt_toolkit prompt that only replies (the terminal's share) for
  comparison;
* `facilitate note SESSION "text" -d story=… -d lens=…` as a script runs it, from the
  start of the process to its end ("saved" is its last line): when the session's
  ``summary.json`` matches the journal (the note before kept it up to date), when the
  runner has written since (the journal is replayed once), and for a theme (its items are
  checked against the entries, so the journal is read whatever the summary says); and, for
  comparison, `facilitate --version`.

Run it from the repository root::

    .venv/bin/python benchmarks/bench_note.py            # about three minutes
    .venv/bin/python benchmarks/bench_note.py --quick    # about a minute
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pexpect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from facilitate.library.methods import find_method
from facilitate.model.events import (
    EntryAdded,
    Event,
    RunStarted,
    StepEnded,
    StepStarted,
    TimerPaused,
    TimerResumed,
)
from facilitate.model.expand import build_timeline
from facilitate.model.params import params_to_json, resolve_params
from facilitate.store.line_format import encode_record
from facilitate.store.store import SessionStore

ROOT = Path(__file__).resolve().parents[1]
STORIES = "Trelleborg|Svalöv|Lund|Höör|Eslöv"
LENSES = ("courage", "breakthroughs", "leadership", "take_home")
HARVEST = "Mod: att våga börja innan allt är klart. Genombrott när föreningarna fick egen budget."


def live_harvest(run_id: str) -> list[Event]:
    """The storytelling run as the runner records it, up to its harvest step (running)."""
    method = find_method("storytelling-harvesting", cwd=ROOT, env={}).method
    values = resolve_params(method, {"stories": STORIES})
    segments = build_timeline(method, values)
    events: list[Event] = [
        RunStarted(method.id, params_to_json(values), segments=len(segments), run_id=run_id)
    ]
    for segment in segments:
        seconds = segment.seconds or 600.0
        events.append(StepStarted(segment.index, segment.step_id, None, seconds, run_id=run_id))
        if segment.step_id == "harvest":
            return events
        events.append(StepEnded(segment.index, "completed", seconds, 0.0, run_id=run_id))
    raise AssertionError("no harvest step")


def build_session(root: Path, count: int) -> tuple[str, str]:
    """A session of ``count`` events, written directly in the journal's format."""
    session = SessionStore(root).create(title=f"Eslöv {count}", date="2026-11-22", language="en")
    run_id = uuid.uuid4().hex
    events = live_harvest(run_id)
    while len(events) < count:
        i = len(events)
        if i % 100 == 0:
            events.append(TimerPaused(4, 300.0, run_id=run_id))
        elif i % 100 == 1:
            events.append(TimerResumed(4, 300.0, 30.0, run_id=run_id))
        else:
            dims = {"story": str(1 + i % 5), "lens": LENSES[i % 4]}
            events.append(
                EntryAdded(f"e{i:07d}", "note", HARVEST, "harvest", None, dims, None, run_id)
            )
    at = "2026-11-22T10:00:00.000+01:00"
    lines = [encode_record(seq, at, "Anna", "facilitator", e) for seq, e in enumerate(events, 1)]
    session.journal_path.write_bytes(b"".join(lines))
    return session.id, run_id


def environment(root: Path) -> dict[str, str]:
    """Commands as a user runs them: compiled files kept, validated methods kept (in a cache
    of the benchmark's own), the sessions under ``root``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FACILITATE_", "LC_"))}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        FACILITATE_SESSIONS=str(root),
        FACILITATE_CACHE_DIR=str(root / "cache"),
        FACILITATE_LANG="en",
        FACILITATE_AUTHOR="Lisa",
        FACILITATE_CONFIG_DIR=str(root / "config"),
        TERM="xterm-256color",
        LANG="C.UTF-8",
        PROMPT_TOOLKIT_NO_CPR="1",
    )
    return env


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def note_taker(root: Path, session_id: str, notes: int) -> list[float]:
    """Seconds from Enter to "saved" for each of ``notes`` notes typed in the mode."""
    args = ["-m", "facilitate", "note", session_id, "-d", "story=Trelleborg", "-d", "lens=mod"]
    child = pexpect.spawn(
        sys.executable,
        args,
        cwd=str(ROOT),
        env=environment(root),
        encoding="utf-8",
        dimensions=(30, 110),
        timeout=30,
    )
    return typed(child, notes)


BARE_PROMPT = """
from prompt_toolkit import PromptSession
session = PromptSession()
while True:
    try:
        session.prompt(lambda: "[Trelleborg · Courage] note › ", refresh_interval=0.5,
                       bottom_toolbar=lambda: " step 5/7: Harvest · here 3 (2 yours) · /help")
    except EOFError:
        break
    print("saved: nothing", flush=True)
"""


def typed(child: pexpect.spawn, notes: int) -> list[float]:
    """Seconds from Enter to "saved" for ``notes`` lines typed at ``child``'s prompt."""
    child.delaybeforesend = None
    latencies = []
    for n in range(notes):
        child.expect("›")
        child.send(f"Skynda långsamt {n}")  # typed, then a moment later Enter
        time.sleep(0.1)
        before = time.perf_counter()
        child.send("\r")
        child.expect("saved: ")
        latencies.append(time.perf_counter() - before)
    child.expect("›")
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return latencies


def bare_prompt(root: Path, notes: int) -> list[float]:
    """The same for a prompt_toolkit prompt that saves nothing (the terminal's own share)."""
    child = pexpect.spawn(
        sys.executable,
        ["-c", BARE_PROMPT],
        env=environment(root),
        encoding="utf-8",
        dimensions=(30, 110),
        timeout=30,
    )
    return typed(child, notes)


def in_process(root: Path, session_id: str, notes: int) -> list[float]:
    """Seconds from a typed line to "saved" in the mode's own code (no terminal)."""
    from facilitate.app.input import SessionInput
    from facilitate.app.methods import Methods
    from facilitate.app.note_taking import NoteTaker
    from facilitate.cli.note_taking import NoteLoop
    from facilitate.ui.note_prompts import ScriptedNotePrompter

    desk = SessionInput.follow(SessionStore(root), Methods(ROOT, {}), session_id)
    taker = NoteTaker(desk, "Lisa", dims={"story": "Trelleborg", "lens": "mod"})
    taker.check_choices()
    loop = NoteLoop(taker, ScriptedNotePrompter([]), "en")
    latencies = []
    for n in range(notes):
        before = time.perf_counter()
        loop.message()  # the prompt is drawn once more as Enter is taken
        loop.toolbar()
        loop.save(f"Våga fråga {n}")
        latencies.append(time.perf_counter() - before)
    return latencies


def fsyncs(root: Path, count: int) -> list[float]:
    """Seconds of one small append and fsync on this disk, ``count`` times."""
    latencies = []
    with open(root / "fsync-probe", "ab") as probe:
        for _ in range(count):
            before = time.perf_counter()
            probe.write(b"x" * 300 + b"\n")
            probe.flush()
            os.fsync(probe.fileno())
            latencies.append(time.perf_counter() - before)
    return latencies


def figures(latencies: list[float]) -> str:
    p50, p95 = percentile(latencies, 0.5), percentile(latencies, 0.95)
    return f"p50 {p50 * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, max {max(latencies) * 1000:.1f} ms"


def one_note(root: Path, args: list[str]) -> float:
    """Seconds from starting ``facilitate ARGS`` to its end."""
    before = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "facilitate", *args],
        cwd=ROOT,
        env=environment(root),
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - before
    assert result.returncode == 0, result.stderr
    return seconds


def commands(root: Path, session_id: str, run_id: str, repeats: int) -> dict[str, float]:
    """The median start-to-end time of `facilitate note` in each case."""
    store = SessionStore(root)
    note = ["note", session_id, "Ägarskap", "-d", "story=Lund", "-d", "lens=mod"]
    theme = ["note", session_id, "Mönster", "--step", "converge", "--kind", "theme"]
    one_note(root, note)  # the first note makes summary.json
    fresh, stale, themed, version = [], [], [], []
    for _ in range(repeats):
        fresh.append(one_note(root, note))
        store.open(session_id).append(TimerPaused(4, 200.0, run_id=run_id), author="A", role="f")
        stale.append(one_note(root, note))
        themed.append(one_note(root, theme))
        version.append(one_note(root, ["--version"]))
    return {
        "summary matches": statistics.median(fresh),
        "runner wrote since": statistics.median(stale),
        "theme (reads entries)": statistics.median(themed),
        "facilitate --version": statistics.median(version),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a short run")
    args = parser.parse_args()
    notes, repeats = (30, 3) if args.quick else (200, 7)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory(prefix="bench-note-") as tmp:
        root = Path(tmp)
        print(f"this disk's fsync of a small append ({notes}): {figures(fsyncs(root, notes))}")
        bare = figures(bare_prompt(root, notes))
        print(f"a bare prompt_toolkit prompt, Enter → reply ({notes}): {bare}")
        for count in (50, 50_000):
            session_id, run_id = build_session(root, count)
            latencies = note_taker(root, session_id, notes)
            print(f"{count:>6} events · note-taker Enter → saved ({notes}): {figures(latencies)}")
            own = in_process(root, session_id, notes)
            print(f"{count:>6} events · the same without the terminal: {figures(own)}")
            for name, seconds in commands(root, session_id, run_id, repeats).items():
                print(f"{count:>6} events · facilitate note, {name}: {seconds * 1000:.0f} ms")


if __name__ == "__main__":
    main()
