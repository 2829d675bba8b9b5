"""The application layer never puts a message into words: it raises errors carrying a
catalogue key and values, and the command line's edge renders them with a translator."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from facilitate.app.entries import add_entry, find_entry
from facilitate.app.methods import Methods, check_step, resolve_values
from facilitate.app.run_options import RunOptions
from facilitate.app.sessions import read_session
from facilitate.cli.main import report
from facilitate.errors import FacilitateError, UsageError
from facilitate.i18n import Translator, get_language
from facilitate.i18n.messages import Message
from facilitate.store.journal import SessionStore

APP = Path(__file__).resolve().parents[1] / "facilitate" / "app"
PROCESS_WIDE = {"t", "get_language", "set_language", "detect_language"}


def test_no_app_module_uses_the_process_wide_language() -> None:
    for path in sorted(APP.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "facilitate.i18n":
                used = {alias.name for alias in node.names} & PROCESS_WIDE
                assert not used, f"{path.name} imports {used} from facilitate.i18n"


@pytest.fixture
def methods(tmp_path: Path) -> Methods:
    return Methods(tmp_path, {"FACILITATE_CONFIG_DIR": str(tmp_path / "config")})


def caught(call, *args, **kwargs) -> FacilitateError:  # type: ignore[no-untyped-def]
    with pytest.raises(FacilitateError) as info:
        call(*args, **kwargs)
    return info.value


def test_an_error_carries_its_key_and_values_and_is_rendered_in_any_language(
    tmp_path: Path, methods: Methods
) -> None:
    store = SessionStore(tmp_path / "s")
    session = store.create(title="X", date="2026-11-22", language="en")
    error = caught(find_entry, session.id, read_session(store, session.id).state, "9")
    assert get_language() == "en"
    message = error.args[0]
    assert isinstance(message, Message)
    assert (message.key, message.values["entry"], message.values["min"]) == (
        "records.err.entry_ref_short",
        "9",
        4,
    )
    assert error.lines(Translator("sv")) == [
        f"'9' är för kort för att ange en post: ge dess id eller minst 4 av dess första tecken"
        f" (se: facilitate sessions show {session.id})"
    ]
    assert str(error).startswith("'9' is too short")  # English for developers and logs
    empty = caught(add_entry, store, methods, session.id, " ", author="a")
    assert empty.lines(Translator("sv")) == ["texten är tom"]


def test_hints_are_messages_too(tmp_path: Path, methods: Methods) -> None:
    store = SessionStore(tmp_path / "s")
    session = store.create(title="X", date="2026-11-22", method="dot-voting")
    state = read_session(store, session.id).state
    error = caught(check_step, "voet", session.header, state, methods)
    assert error.lines(Translator("en"))[0].startswith("unknown step 'voet' (did you mean 'vote'?)")
    assert "(menade du 'vote'?)" in error.lines(Translator("sv"))[0]
    method = methods.find("35an").method
    bad = caught(resolve_values, method, ["rouns=4"])
    assert "(did you mean 'rounds'?)" in bad.lines(Translator("en"))[0]
    assert "(menade du 'rounds'?)" in bad.lines(Translator("sv"))[0]
    assert bad.lines(Translator("sv")) != bad.lines(Translator("en"))


def test_the_edge_renders_with_the_translator_it_is_given(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(UsageError) as info:
        RunOptions.parse(warn=None, quiet=False, auto_advance=False, speed=0)
    assert report(info.value, Translator("sv")) == 2
    swedish = capsys.readouterr().err
    assert report(info.value, Translator("en")) == 2
    english = capsys.readouterr().err
    assert swedish.startswith("fel: ") and english.startswith("error: ")
    assert swedish != english.replace("error: ", "fel: ")
