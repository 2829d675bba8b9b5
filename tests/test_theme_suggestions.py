"""Offline theme suggestions on the Eslöv World Café ideas: shared stems and near-duplicates."""

from __future__ import annotations

import subprocess
import sys

import pytest

from facilitate.model.themes import Theme, ThemeBoard, create_theme
from facilitate.suggest.stopwords import STOP_WORDS
from facilitate.suggest.themes import suggest_themes
from facilitate.suggest.words import detect_language, language_code

# The ideas the tables reported at the end of the World Café in Eslöv (2014-03-11), under the
# themes the documentation grouped them into.
ESLOV = {
    "Möten och relationer": [
        "Kreativa mötesplatser mellan och inom sektorerna",
        "Fler mötesplatser som den här där man kan dela och utbyta erfarenheter",
        "Bygga relationer & tillit genom att underhålla och utveckla kontaktnätet, och för att"
        " skapa samverkan",
        "Förankringsprocesser bli en del av systemet. Och förankra bredare",
        "Lyssna mycket bygger förståelse",
        "Skapa lokala mötesplatser hitta smidiga och enkla vägar till varandra",
    ],
    "Bygga kunskaper": [
        "Tydliggör nyttan av samverkan, visa på mervärdet och den gemensamma nyttan. Vad vinner"
        " vi på samverkan? Lyft fram det!",
        "Bygg kunskap om varandras arbete!",
        "Utveckla tillit till respektive parts arbete",
        "Gemensam kunskapsbank",
        "Bygga ett Forum som man kan samlas kring där man kan utbyta kunskaper. Satsa på"
        " inkludering och öppenhet här",
        "Går det att göra en light-version av lokal överenskommelse? Vissa sa nej och"
        " tydliggjorde att en sådan process måste tas på allvar och genomföras bra",
        "Skapa tydlighet i roller och ansvar",
        "Samla kunskaper om stödstrukturer, modeller och metoder",
        "Förtydliga begrepp och ord: förtydliga legitimiteten kring begrepp som"
        " överenskommelse, strategi och handlingsplan",
    ],
    "Börja göra": [
        "Projekt börja i det lilla med ett tillåtande förhållningssätt",
        "Våga pröva sig fram utifrån gemensamt mål. Våga och vilja pröva nytt",
        "Våga samtala om normer, attityder",
        "Jobba långsiktigt",
        "Satsa på lust, energi och gemenskap ta till vara på individers kraft",
        "Vi behöver fler Sonny",
        "Jobba gränslöst över kommungränser och organisationsgränser",
        "Vårda och stötta initiativ som kommer fram",
    ],
    "Konkreta förändringar": [
        "Ta fram en gemensam färdriktning och mål",
        "Utforma en infrastruktur för samverkan. Här måste det offentliga hitta nya strukturer"
        " som ökar möjligheter till",
        "Jobba med EU-koden",
        "Utveckla tydligare mandat för beslut",
        "Utveckla Lärandeprocesser utifrån befintlig samverkan tex som studiecirklar",
        "Årlig träff mellan sektorerna i respektive kommun",
        "Utveckla strukturen",
        "Bygg samverkanskompetens hitta förebilder och personer med kompetens som kan vara med"
        " i processen",
        "Hitta regelförenklingar saken är viktigare än reglerna! Regelsystemen behöver utmanas",
        "Samla goda exempel och ge tips på hur samverkan kan se ut och fungera",
    ],
}
IDEAS = {
    f"idea-{n}": text
    for n, text in enumerate((t for texts in ESLOV.values() for t in texts), start=1)
}
THEME_OF = {item: theme for theme, texts in ESLOV.items() for item in IDEAS if IDEAS[item] in texts}


def must(theme: Theme | None) -> Theme:
    assert theme is not None
    return theme


def items_with(*words: str) -> tuple[str, ...]:
    """The ideas whose text contains any of ``words`` (case-insensitive), in order."""
    return tuple(i for i, text in IDEAS.items() if any(w in text.lower() for w in words))


def by_word(suggestions) -> dict[str, tuple[str, ...]]:
    return {s.words[0]: s.items for s in suggestions if s.kind == "shared_stem"}


def test_the_eslov_ideas_are_swedish_and_the_meeting_places_are_suggested_together() -> None:
    assert detect_language(IDEAS.values()) == "sv"
    groups = by_word(suggest_themes(IDEAS))
    meeting_places = items_with("mötesplats")
    assert len(meeting_places) == 3
    assert groups["mötesplatser"] == meeting_places
    assert {THEME_OF[i] for i in meeting_places} == {"Möten och relationer"}


def test_a_compound_joins_its_first_part_knowledge_and_the_knowledge_bank() -> None:
    groups = by_word(suggest_themes(IDEAS, "sv"))
    knowledge = groups["kunskaper"]
    assert knowledge == items_with("kunskap")
    assert "Gemensam kunskapsbank" in [IDEAS[i] for i in knowledge]
    assert {THEME_OF[i] for i in knowledge} == {"Bygga kunskaper"}


def test_inflected_verbs_share_a_stem() -> None:
    groups = by_word(suggest_themes(IDEAS, "sv"))
    assert groups["våga"] == items_with("våga")
    assert {THEME_OF[i] for i in groups["våga"]} == {"Börja göra"}
    assert groups["jobba"] == items_with("jobba")
    assert groups["utveckla"] == items_with("utveckla")


def test_stop_words_and_short_words_are_never_suggested() -> None:
    suggestions = suggest_themes(IDEAS, "sv")
    words = [w for s in suggestions for w in s.words]
    assert len(words) > 10
    assert not [w for w in words if w in STOP_WORDS["sv"] or len(w) < 3]
    assert all(len(s.items) >= 2 for s in suggestions)


def test_suggestions_are_ordered_by_size_then_by_where_they_start() -> None:
    suggestions = suggest_themes(IDEAS, "sv")
    keys = [(-len(s.items), list(IDEAS).index(s.items[0])) for s in suggestions]
    assert keys == sorted(keys)


def run_in_fresh_interpreter(hash_seed: str) -> str:
    code = (
        "import sys; sys.path.insert(0, 'tests');"
        "from test_theme_suggestions import IDEAS;"
        "from facilitate.suggest.themes import suggest_themes;"
        "print(repr(suggest_themes(IDEAS)))"
    )
    env = {"PYTHONHASHSEED": hash_seed, "PATH": ""}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout


def test_the_same_ideas_give_the_same_suggestions_in_any_process() -> None:
    here = repr(suggest_themes(IDEAS)) + "\n"
    assert run_in_fresh_interpreter("1") == here
    assert run_in_fresh_interpreter("12345") == here


def test_a_group_already_under_one_theme_is_not_suggested_again() -> None:
    meeting_places = items_with("mötesplats")
    board = create_theme(ThemeBoard(), "t1", "Möten", meeting_places)
    groups = by_word(suggest_themes(IDEAS, "sv", board))
    assert "mötesplatser" not in groups
    assert "kunskaper" in groups
    assert must(board.get("t1")).items == meeting_places  # suggesting changes nothing


def test_near_duplicates_are_grouped_and_named_after_the_first() -> None:
    items = {
        "a": "Skynda långsamt",
        "b": "Ömsesidig respekt",
        "c": "skynda långsamt!",
        "d": "Tillit, förtroende",
        "e": "Ömsesidig vilja och respekt",
        "f": "Tillit och förtroende",
        "g": "Skynda  långsamt.",
    }
    suggestions = suggest_themes(items, "sv")
    duplicates = [s for s in suggestions if s.kind == "near_duplicate"]
    assert [(s.name, s.items) for s in duplicates] == [
        ("Skynda långsamt", ("a", "c", "g")),
        ("Tillit, förtroende", ("d", "f")),
    ]
    assert duplicates[0].similarity == 100
    assert 85 <= (duplicates[1].similarity or 0) < 100
    stems = [s for s in suggestions if s.kind == "shared_stem"]
    assert [(s.items, s.words) for s in stems] == [(("b", "e"), ("ömsesidig", "respekt"))]


def test_a_word_in_most_items_is_the_topic_not_a_theme() -> None:
    items = {
        "1": "Samverkan kring skolan",
        "2": "Skola och fritid i samverkan",
        "3": "Idrott som samverkan",
        "4": "Mer samverkan mellan föreningar",
        "5": "Samverkan och idrotten i kommunen",
        "6": "Samverkan nu",
    }
    groups = by_word(suggest_themes(items, "sv"))
    assert "samverkan" not in groups
    assert groups == {"skola": ("1", "2"), "idrott": ("3", "5")}
    assert "samverkan" in by_word(suggest_themes(items, "sv", max_share=1.0))


def test_norwegian_ideas_are_stemmed_as_norwegian() -> None:
    items = {
        "1": "Flere møteplasser i nærmiljøet",
        "2": "Lokale møteplasser for alle",
        "3": "Samarbeid med frivillige",
        "4": "Samarbeidet må være langsiktig og ikke bare et prosjekt",
    }
    assert detect_language(items.values()) == "no"
    assert by_word(suggest_themes(items)) == {"møteplasser": ("1", "2"), "samarbeid": ("3", "4")}


def test_english_ideas_are_stemmed_as_english() -> None:
    items = {
        "1": "More meeting places between the sectors",
        "2": "A meeting place in every town",
        "3": "Trust takes time",
        "4": "Build trusting relations",
    }
    assert detect_language(items.values()) == "en"
    groups = by_word(suggest_themes(items))
    assert groups["meeting"] == ("1", "2") and groups["trust"] == ("3", "4")


def test_languages_by_code() -> None:
    assert [language_code(c) for c in ("sv", "NB", "nn", "no", "en")] == [
        "sv",
        "no",
        "no",
        "no",
        "en",
    ]
    with pytest.raises(ValueError):
        language_code("de")
