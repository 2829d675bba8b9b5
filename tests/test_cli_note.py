"""`facilitate note` without prompts, as a script or a second terminal uses it."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from facilitate.store.store import SessionStore
from facilitate.store.summary import current_snapshot

from cli_helpers import Outcome, run_cli
from note_helpers import record_run

STORIES = "Trelleborg|Svalöv|Lund|Höör|Eslöv"


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACILITATE_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("FACILITATE_AUTHOR", "Per")
    monkeypatch.delenv("FACILITATE_SESSIONS", raising=False)
    return tmp_path


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "store"


def note(root: Path, *args: str) -> Outcome:
    return run_cli(["--sessions-dir", str(root), "note", *args])


def shown(root: Path, session_id: str) -> dict:
    result = run_cli(["--sessions-dir", str(root), "sessions", "show", session_id, "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def journal_lines(root: Path, session_id: str) -> list[str]:
    return (root / session_id / "journal.jsonl").read_text(encoding="utf-8").splitlines()


def eslov(root: Path, *, harvest: bool = True) -> tuple[str, str]:
    """The Eslöv day's storytelling run, live at its harvest step; the session and run id."""
    session = SessionStore(root).create(title="Eslöv", date="2026-11-22", language="en")
    run_id = record_run(session, "storytelling-harvesting", {"stories": STORIES}, at="harvest")
    return session.id, run_id


# --- issue 7: the run an entry belongs to, and its kind --------------------------------------


def test_a_round_goes_to_the_run_that_has_that_round_not_to_the_latest() -> None:
    root = Path("store")
    session = SessionStore(root).create(title="Eslöv", date="2026-11-22", language="sv")
    cafe = record_run(session, "world-cafe", {"questions": "A?|B?|C?|D?"}, finish=True)
    thirtyfive = record_run(session, "35an", {"rounds": "3"}, at="round#2", stop=True)
    result = note(root, session.id, "Fler mötesplatser", "--step", "round#4")
    assert result.exit_code == 0, result.stderr
    assert "round#4, körning 1 (World Café)" in result.stdout  # in the session's language
    (entry,) = shown(root, session.id)["entries"]
    assert (entry["run_id"], entry["step"], entry["round"]) == (cafe, "round", 4)
    # a round both runs have goes to the latest of them, unless a run is named
    assert note(root, session.id, "Tre", "--step", "round#3").exit_code == 0
    assert note(root, session.id, "Tre igen", "--step", "round#3", "--run", "1").exit_code == 0
    rows = [(e["text"], e["run_id"]) for e in shown(root, session.id)["entries"]]
    assert rows[1:] == [("Tre", thirtyfive), ("Tre igen", cafe)]


def test_a_note_without_a_step_goes_to_the_live_runs_step_with_its_run_id(root: Path) -> None:
    session_id, run_id = eslov(root)
    assert note(root, session_id, "Skynda långsamt", "-d", "story=Trelleborg").exit_code == 0
    (entry,) = shown(root, session_id)["entries"]
    assert (entry["run_id"], entry["step"], entry["dims"]) == (run_id, "harvest", {"story": "1"})


def test_a_round_no_run_has_and_a_run_that_does_not_exist_are_refused(root: Path) -> None:
    session = SessionStore(root).create(title="Dag", date="2026-11-22", language="en")
    record_run(session, "35an", {"rounds": "3"}, finish=True)
    no_round = note(root, session.id, "x", "--step", "round#4")
    assert no_round.exit_code == 2
    assert "step 'round' has no round 4 in this session (run 1 (35 (Thiagi's 35)): rounds 1–3)" in (
        no_round.stderr
    )
    no_run = note(root, session.id, "x", "--run", "7")
    assert no_run.exit_code == 2 and "has no run '7'; its runs: run 1" in no_run.stderr
    finished = note(root, session.id, "x", "--run", "1")
    assert finished.exit_code == 2
    assert "is not running: name the step with --step" in finished.stderr
    assert shown(root, session.id)["entries"] == []


def test_kinds_by_their_swedish_names_are_one_group_and_an_unknown_kind_is_refused(
    root: Path,
) -> None:
    session_id, _ = eslov(root)
    for kind, text in [("reflektion", "Mod"), ("reflection", "Modigt"), ("Reflektioner", "M")]:
        result = note(root, session_id, text, "--kind", kind, "--step", "reflections")
        assert result.exit_code == 0, result.stderr
    assert shown(root, session_id)["entries_by_kind"] == {"reflection": 3}
    foo = note(root, session_id, "x", "--kind", "foo")
    assert foo.exit_code == 2
    assert foo.stderr == (
        "error: --kind: unknown entry kind 'foo'; the kinds are: note, reflection, card,"
        " pair_split, rating, dots, theme, entry\n"
    )
    typo = note(root, session_id, "x", "--kind", "reflction")
    assert typo.exit_code == 2 and "(did you mean 'reflection'?)" in typo.stderr
    assert len(shown(root, session_id)["entries"]) == 3


def test_a_kind_the_step_does_not_collect_is_refused(root: Path) -> None:
    session_id, _ = eslov(root)
    result = note(root, session_id, "x", "--kind", "card", "--card", "1")
    assert result.exit_code == 2
    assert "step 'harvest' does not collect card entries; it collects: note" in result.stderr


# --- the Eslöv harvest through flags ---------------------------------------------------------


def test_an_eslov_sized_harvest_by_story_and_lens_adds_up(root: Path) -> None:
    session_id, run_id = eslov(root)
    stories = STORIES.split("|")
    lenses = ["mod", "Genombrott", "leadership", "vad jag tar med mig hem"]  # ids or labels
    lens_ids = ["courage", "breakthroughs", "leadership", "take_home"]
    expected: Counter[tuple[str, str]] = Counter()
    for s, story in enumerate(stories):
        for k, lens in enumerate(lenses):
            for n in range(1 + (s + k) % 3):  # 1 to 3 notes in each pair
                text = f"{story}, {lens}: skörd {n + 1}"
                result = note(root, session_id, text, "-d", f"story={story}", "-d", f"lens={lens}")
                assert result.exit_code == 0, result.stderr
                expected[(str(s + 1), lens_ids[k])] += 1
    for story in stories:  # two key reflections per story
        for n in range(2):
            args = ["--step", "reflections", "-d", f"berättelse={story.upper()}"]
            assert note(root, session_id, f"Reflektion {n}", *args).exit_code == 0
    entries = shown(root, session_id)["entries"]
    notes = Counter((e["dims"]["story"], e["dims"]["lens"]) for e in entries if e["kind"] == "note")
    assert notes == expected and sum(notes.values()) == 39
    reflections = Counter(e["dims"]["story"] for e in entries if e["kind"] == "reflection")
    assert reflections == {str(n): 2 for n in range(1, 6)}
    assert {e["run_id"] for e in entries} == {run_id}
    assert {e["step"] for e in entries} == {"harvest", "reflections"}


def test_a_dimension_value_that_does_not_exist_gets_a_did_you_mean(root: Path) -> None:
    session_id, _ = eslov(root)
    result = note(root, session_id, "x", "-d", "lens=kourage")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: lens: no value 'kourage' (did you mean 'courage'?)")
    wrong = note(root, session_id, "x", "-d", "tabel=3")
    assert wrong.exit_code == 2 and "does not place entries along 'tabel'" in wrong.stderr
    bare = note(root, session_id, "x", "-d", "lens")
    assert bare.exit_code == 2 and "-d 'lens': write it as NAME=VALUE" in bare.stderr
    assert shown(root, session_id)["entries"] == []


# --- text ----------------------------------------------------------------------------------


def test_swedish_norwegian_letters_and_emoji_round_trip_exactly(root: Path) -> None:
    session_id, _ = eslov(root)
    text = "Skynda långsamt – ÅÄÖ åäö, Ærøskøbing blåbær ØÆ 🌱👩🏽‍🌾 på väg\nrad två\t(tab)"
    assert note(root, session_id, text, "-d", "story=Höör", "-d", "lens=MOD").exit_code == 0
    (entry,) = shown(root, session_id)["entries"]
    assert entry["text"] == text and entry["dims"] == {"story": "4", "lens": "courage"}
    (line,) = [line for line in journal_lines(root, session_id) if "entry_added" in line]
    assert "Ærøskøbing blåbær" in line  # stored as the letters themselves, not escapes
    assert json.loads(line)["data"]["text"] == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("  ", "error: TEXT: a note needs a text"),
        ("\u200b\u2060", "error: TEXT: the note has nothing visible in it"),
        ("x" * 5001, "error: TEXT: the note has 5001 characters; an entry keeps at most 5000"),
        ("Mod\x1b[2J", "error: TEXT: the note contains a control character, U+001B (ESC), at"),
        ("Mod\u202eevil", "error: TEXT: the note contains a control character, U+202E"),
    ],
)
def test_text_that_cannot_be_kept_is_refused_and_nothing_is_written(
    root: Path, text: str, message: str
) -> None:
    session_id, _ = eslov(root)
    before = journal_lines(root, session_id)
    result = note(root, session_id, text)
    assert result.exit_code == 2
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
    assert journal_lines(root, session_id) == before


def test_a_control_character_in_a_dimension_value_is_refused(root: Path) -> None:
    session = SessionStore(root).create(title="Dag", date="2026-11-22", language="en")
    record_run(session, "35an", {}, at="countdown")
    result = note(root, session.id, "--field", "total=31", "-d", "card=1\x1b]52;c;eA==\x07")
    assert result.exit_code == 2 and "card contains a control character, U+001B" in result.stderr


# --- scores and votes against what is recorded ---------------------------------------------


def test_pair_splits_are_checked_against_the_rules_and_what_the_round_holds(root: Path) -> None:
    session = SessionStore(root).create(title="35:an", date="2026-11-22", language="en")
    record_run(session, "35an", {"rounds": "5"}, at="round#2")
    ok = note(root, session.id, "--points", "17=4", "--points", "23=3")
    assert ok.exit_code == 0 and "saved: pair score" in ok.stdout and "round#2" in ok.stdout
    for points, message in [
        (["17=5", "41=3"], "--points: 5 + 3 points: the two cards of a pair share exactly 7"),
        (["23=8", "41=-1"], "--points: 8 points: give whole points from 0 to 7"),
        (["23=4", "40=3"], "--points: card '23' already has points in round 2"),
        (["5=4", "5=3"], "a pair split gives two different cards their points"),
        (["5=4"], "a pair split gives two different cards their points"),
    ]:
        args = [arg for p in points for arg in ("--points", p)]
        refused = note(root, session.id, *args)
        assert refused.exit_code == 2 and message in refused.stderr, refused.stderr
    later = note(root, session.id, "--step", "round#3", "--points", "23=4", "--points", "40=3")
    assert later.exit_code == 0, later.stderr  # another round: card 23 may score again
    splits = [e["value"] for e in shown(root, session.id)["entries"]]
    assert splits == [
        {"round": 2, "card_a": "17", "points_a": 4, "card_b": "23", "points_b": 3},
        {"round": 3, "card_a": "23", "points_a": 4, "card_b": "40", "points_b": 3},
    ]


def test_cards_written_first_are_what_pair_splits_may_name(root: Path) -> None:
    session = SessionStore(root).create(title="35:an", date="2026-11-22", language="en")
    record_run(session, "35an", {}, at="write")
    assert note(root, session.id, "Mer fika", "--card", "1").exit_code == 0
    assert note(root, session.id, "Mer samverkan", "--card", "2").exit_code == 0
    twice = note(root, session.id, "Igen", "--card", "1")
    assert twice.exit_code == 2 and "there already is a card '1'" in twice.stderr
    unknown = note(root, session.id, "--step", "round#1", "--points", "1=4", "--points", "3=3")
    assert unknown.exit_code == 2 and "--points: unknown card '3'" in unknown.stderr


def test_ratings_in_their_scale_once_per_card_and_round(root: Path) -> None:
    session = SessionStore(root).create(title="25/10", date="2026-11-22", language="en")
    record_run(session, "25-10-crowd-sourcing", {}, at="round#1")
    assert note(root, session.id, "--card", "9", "--score", "4").exit_code == 0
    high = note(root, session.id, "--card", "8", "--score", "6")
    assert high.exit_code == 2 and "--score: rating 6: rate from 1 to 5" in high.stderr
    twice = note(root, session.id, "--card", "9", "--score", "2")
    assert twice.exit_code == 2 and "card '9' already has points in round 1" in twice.stderr


def test_dots_by_option_label_within_each_persons_budget(root: Path) -> None:
    session = SessionStore(root).create(title="Prickar", date="2026-11-22", language="en")
    options = "Fler bänkar|Längre öppettider|Ny lekplats"
    record_run(session, "dot-voting", {"options": options, "dots": "3"}, at="vote")
    args = ["--voter", "Anna"]
    assert note(root, session.id, "--target", "ny lekplats", "--count", "2", *args).exit_code == 0
    assert note(root, session.id, "--target", "1", *args).exit_code == 0
    over = note(root, session.id, "--target", "2", *args)
    assert over.exit_code == 2 and "Anna would place 4 dots, but each person has 3" in over.stderr
    unknown = note(root, session.id, "--target", "Ny lekpats", "--voter", "Per")
    assert unknown.exit_code == 2 and "--target: unknown option 'Ny lekpats'" in unknown.stderr
    entries = shown(root, session.id)["entries"]
    assert [(e["value"]["target"], e["value"]["count"]) for e in entries] == [("3", 2), ("1", 1)]


# --- reading no more than needed -----------------------------------------------------------


def test_a_note_keeps_the_summary_so_the_next_note_needs_no_replay(root: Path) -> None:
    session_id, _ = eslov(root)
    assert note(root, session_id, "Ett", "-d", "story=1").exit_code == 0  # builds the summary
    session = SessionStore(root).open(session_id)
    assert current_snapshot(session).state is None  # the summary matches: nothing replayed
    assert note(root, session_id, "Två").exit_code == 0
    snapshot = current_snapshot(session)
    assert snapshot.state is None and snapshot.digest.entries == 2
    assert snapshot.digest.events == len(journal_lines(root, session_id))
    listed = run_cli(["--sessions-dir", str(root), "sessions", "list", "--json"])
    assert json.loads(listed.stdout)[0]["entries"] == 2


def test_sessions_note_is_the_same_command(root: Path) -> None:
    session_id, run_id = eslov(root)
    args = ["--sessions-dir", str(root), "sessions", "note", session_id, "Samma", "-d", "lens=mod"]
    result = run_cli(args)
    assert result.exit_code == 0 and result.stdout.startswith("saved: note ")
    (entry,) = shown(root, session_id)["entries"]
    assert (entry["run_id"], entry["dims"]) == (run_id, {"lens": "courage"})
    helps = [run_cli([*path, "--help"]).stdout for path in (["note"], ["sessions", "note"])]
    assert "--points" in helps[0] and "--points" in helps[1]
