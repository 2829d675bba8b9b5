"""Both languages have every message; the language is chosen the way the help says."""

from __future__ import annotations

import string

import pytest

from facilitate.i18n import AREAS, detect_language, language_from_locale, set_language, t


@pytest.mark.parametrize("area", AREAS, ids=[a.__name__.rsplit(".", 1)[1] for a in AREAS])
def test_every_message_exists_in_swedish_and_english(area) -> None:
    assert set(area.EN) == set(area.SV), set(area.EN) ^ set(area.SV)


@pytest.mark.parametrize("area", AREAS, ids=[a.__name__.rsplit(".", 1)[1] for a in AREAS])
def test_translations_use_the_same_placeholders(area) -> None:
    def fields(text: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}

    for key, text in area.EN.items():
        assert fields(text) == fields(area.SV.get(key, text)), key


def test_flag_beats_environment_beats_locale() -> None:
    env = {"FACILITATE_LANG": "en", "LANG": "sv_SE.UTF-8"}
    assert detect_language(["--lang", "sv", "methods", "list"], env) == "sv"
    assert detect_language(["--lang=sv"], env) == "sv"
    assert detect_language(["methods"], env) == "en"
    assert detect_language(["methods"], {"LANG": "sv_SE.UTF-8"}) == "sv"
    assert detect_language(["methods"], {"LC_ALL": "C", "LANG": "sv_SE.UTF-8"}) == "en"
    assert detect_language([], {}) == "en"


def test_only_the_global_lang_option_sets_the_interface_language() -> None:
    assert detect_language(["--sessions-dir", "x", "--lang", "sv", "sessions"], {}) == "sv"
    assert detect_language(["sessions", "new", "--lang", "sv"], {}) == "en"


def test_locale_names() -> None:
    assert language_from_locale("sv_FI.UTF-8") == "sv"
    assert language_from_locale("en_GB") == "en"
    assert language_from_locale("nb_NO.UTF-8") is None


def test_messages_switch_language() -> None:
    try:
        set_language("sv")
        assert t("lib.unknown_method", id="x") == "okänd metod 'x'"
        set_language("en")
        assert t("lib.unknown_method", id="x") == "unknown method 'x'"
    finally:
        set_language("en")
