"""The store and the library never put a message into words either: their errors, problems
and warnings carry a catalogue key and values, and the edge (the command line, a view)
renders them with the translator of the command. Only the terminal views use the
process-wide language."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from facilitate.errors import FacilitateError, InvalidFileError, NotFoundError
from facilitate.i18n import Translator, get_language
from facilitate.i18n.messages import Message
from facilitate.library.methods import find_method, parse_method
from facilitate.model.events import EntryAdded
from facilitate.store.journal import SessionStore

from cli_helpers import run_cli

PACKAGE = Path(__file__).resolve().parents[1] / "facilitate"
PROCESS_WIDE = {"t", "get_language", "set_language", "detect_language"}
EN, SV = Translator("en"), Translator("sv")


def process_wide_uses(path: Path) -> list[str]:
    """Where a module imports, calls or reaches for the process-wide language."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "facilitate.i18n":
            found += [f"imports {a.name}" for a in node.names if a.name in PROCESS_WIDE]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            found += [f"line {node.lineno}: t(...)"] if node.func.id == "t" else []
        elif isinstance(node, ast.Attribute) and node.attr in PROCESS_WIDE:
            found.append(f"line {node.lineno}: .{node.attr}")
    return found


@pytest.mark.parametrize("layer", ["store", "library"])
def test_no_store_or_library_module_uses_the_process_wide_language(layer: str) -> None:
    modules = sorted((PACKAGE / layer).glob("*.py"))
    assert modules
    uses = {path.name: process_wide_uses(path) for path in modules}
    assert {name: found for name, found in uses.items() if found} == {}


def test_the_check_finds_a_call_of_t() -> None:
    assert process_wide_uses(PACKAGE / "ui" / "session_views.py")  # the views may, and do


def caught(call, *args, **kwargs) -> FacilitateError:  # type: ignore[no-untyped-def]
    with pytest.raises(FacilitateError) as info:
        call(*args, **kwargs)
    return info.value


def test_a_store_error_carries_its_message_and_speaks_either_language(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "sessions")
    store.create(title="Eslöv samverkan", date="2026-11-22")
    error = caught(store.open, "2026-11-22-eslov-samverkn")
    assert isinstance(error, NotFoundError) and isinstance(error.message, Message)
    assert error.message.key == "sessions.err.not_found"
    english, swedish = error.lines(EN)[0], error.lines(SV)[0]
    assert english.startswith("no session '2026-11-22-eslov-samverkn' in ")
    assert "(did you mean '2026-11-22-eslov-samverkan'?)" in english
    assert swedish.startswith("ingen session '2026-11-22-eslov-samverkn' i ")
    assert "(menade du '2026-11-22-eslov-samverkan'?)" in swedish
    assert swedish.endswith("ange --sessions-dir MAPP eller sätt FACILITATE_SESSIONS")
    assert str(error) == english  # English for logs


def test_a_library_problem_is_rendered_in_the_language_of_the_edge() -> None:
    error = caught(parse_method, "id: x\nnmae: {sv: a, en: b}\n", "x.yaml")
    assert isinstance(error, InvalidFileError)
    assert get_language() == "en"
    (swedish,) = [line for line in error.lines(SV) if "nmae" in line]
    (english,) = [line for line in error.lines(EN) if "nmae" in line]
    assert swedish.startswith("x.yaml:2:1: nmae: ") and "(menade du 'name'?)" in swedish
    assert english.startswith("x.yaml:2:1: nmae: ") and "(did you mean 'name'?)" in english
    missing = caught(find_method, "wrold-cafe", cwd=Path.cwd(), env={})
    assert "(menade du 'world-cafe'?)" in missing.lines(SV)[0]


def test_journal_warnings_are_messages_rendered_by_the_command(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "sessions")
    session = store.create(title="Eslöv", date="2026-11-22", language="sv")
    session.append(
        EntryAdded(entry_id="e1", kind="note", text="ok", step=None), author="A", role="f"
    )
    with open(session.journal_path, "a", encoding="utf-8") as journal:
        journal.write("not a record\n")
    reopened = store.open(session.id)
    reopened.records()
    (warning,) = reopened.warnings
    assert isinstance(warning, Message) and warning.key == "journal.warn.bad_line"
    assert warning.render(SV).endswith(":2: inte en läsbar post, hoppades över")
    env = {"FACILITATE_SESSIONS": str(store.root)}
    shown = run_cli(["sessions", "show", session.id], env=env)  # a Swedish session
    assert "varning: " in shown.stderr and "inte en läsbar post" in shown.stderr
    english = run_cli(["--lang", "en", "sessions", "show", session.id], env=env)
    assert "warning: " in english.stderr and "not a readable record" in english.stderr


def test_the_list_speaks_the_language_of_each_look_not_of_the_cached_summary(
    tmp_path: Path,
) -> None:
    store = SessionStore(tmp_path / "sessions")
    session = store.create(title="Eslöv", date="2026-11-22", language="sv")
    with open(session.journal_path, "a", encoding="utf-8") as journal:
        journal.write("not a record\n")
    env = {"FACILITATE_SESSIONS": str(store.root)}
    swedish = run_cli(["--lang", "sv", "sessions", "list"], env=env)
    assert "inte en läsbar post" in swedish.stderr
    summary = json.loads((session.path / "summary.json").read_text(encoding="utf-8"))
    assert summary["digest"]["warnings"][0]["key"] == "journal.warn.bad_line"
    english = run_cli(["--lang", "en", "sessions", "list"], env=env)  # from the summary
    assert "not a readable record" in english.stderr and "inte en" not in english.stderr


def test_a_damaged_session_is_described_in_the_language_of_the_list(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "sessions")
    session = store.create(title="Eslöv", date="2026-11-22")
    (session.path / "session.json").write_text("{not json", encoding="utf-8")
    env = {"FACILITATE_SESSIONS": str(store.root)}
    swedish = run_cli(["--lang", "sv", "sessions", "list", "--json"], env=env)
    english = run_cli(["--lang", "en", "sessions", "list", "--json"], env=env)
    assert json.loads(swedish.stdout)[0]["problem"] != json.loads(english.stdout)[0]["problem"]
    assert "session.json" in json.loads(english.stdout)[0]["problem"]


def test_plan_check_of_an_unknown_plan_speaks_the_language_of_the_command(tmp_path: Path) -> None:
    env = {"FACILITATE_CONFIG_DIR": str(tmp_path / "config")}
    swedish = run_cli(["--lang", "sv", "plan", "check", "eslov-dagn"], env=env)
    english = run_cli(["--lang", "en", "plan", "check", "eslov-dagn"], env=env)
    assert swedish.exit_code == english.exit_code == 2
    assert "okänd plan 'eslov-dagn'" in swedish.stderr
    assert "unknown plan 'eslov-dagn'" in english.stderr
