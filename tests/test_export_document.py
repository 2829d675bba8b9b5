"""The document an export builds: sections from each step's collect declaration.

Sessions are recorded in a real store as the runner and note-takers record them; what the
document holds is checked against what a facilitator would expect, worked out by hand.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from facilitate.app.export import read_records
from facilitate.export.build import ExportOptions, build_document
from facilitate.export.document import (
    Chapter,
    FieldsSection,
    Group,
    RankingSection,
    TallySection,
    TextSection,
    ThemesSection,
)
from facilitate.model.method import Method
from facilitate.store.journal import SessionStore

from export_helpers import ESLOV, EXAMPLES, Workshop, bundled, documents, texts


def only(parts, kind):  # type: ignore[no-untyped-def]
    found = [p for p in parts if isinstance(p, kind)]
    assert len(found) == 1, parts
    return found[0]


def group(groups: tuple[Group, ...], title: str) -> Group:
    return next(g for g in groups if g.title == title)


@pytest.fixture
def shop(tmp_path: Path) -> Workshop:
    return Workshop(tmp_path / "sessions")


def test_a_story_harvest_is_laid_out_per_story_with_the_notes_by_lens(shop: Workshop) -> None:
    shop.run(bundled("storytelling-harvesting"), {"stories": "Trelleborg|Svalöv"})
    shop.entry("note", "Hen vågade fråga", "storytelling", dims={"story": "1", "lens": "take_home"})
    shop.entry("note", "De gick först", "storytelling", dims={"story": "1", "lens": "courage"})
    shop.entry("note", "Berättelsen i korthet", "storytelling", dims={"story": "Svalöv"})
    shop.entry("reflection", "Skynda långsamt", "reflections", dims={"story": "1"})
    shop.entry("reflection", "Tid", "reflections", dims={"story": "svalöv"})
    shop.entry("note", "Ömsesidig respekt", "harvest", dims={"story": "1", "lens": "courage"})

    run = shop.document().sessions[0].runs[0]

    assert [p.title for p in run.parts] == ["Trelleborg", "Svalöv"]
    assert all(isinstance(p, Chapter) for p in run.parts)
    trelleborg, svalov = run.parts
    titles = [s.title for s in trelleborg.sections]
    assert titles == [
        "Berättelsen",
        "Skörd tillbaka till berättaren",
        "Gruppens viktigaste reflektioner",
    ]
    told = trelleborg.sections[0]
    assert [g.title for g in told.groups] == ["Mod", "Vad jag tar med mig hem"]  # the lenses' order
    assert texts(group(told.groups, "Mod").items) == ["De gick först"]
    assert texts(trelleborg.sections[2].items) == ["Skynda långsamt"]
    assert texts(svalov.sections[0].items) == ["Berättelsen i korthet"]  # no lens: no heading
    assert texts(svalov.sections[1].items) == ["Tid"]


def test_a_world_cafe_gives_each_question_its_tables_then_the_themes(shop: Workshop) -> None:
    questions = "Hur får vi fler med?|Vad saknas?|Vad gör vi nu?"
    shop.run(bundled("world-cafe"), {"questions": questions, "tables": "4"})
    shop.entry("note", "Bjud in brett", "round", round=1, dims={"table": "2"})
    shop.entry("note", "Fika lockar", "round", round=1, dims={"table": "1"})
    shop.entry("note", "Tid och pengar", "round", round=3, dims={"table": "2"})
    idea = shop.entry("reflection", "Fler mötesplatser", "harvest", dims={"table": "3"})
    other = shop.entry("reflection", "Gemensam kunskapsbank", "harvest", dims={"table": "1"})
    shop.entry("reflection", "Vi behöver fler Sonny", "harvest", dims={"table": "4"})
    shop.entry("theme", "Möten och relationer", "harvest", value={"items": [idea]})
    shop.entry("theme", "Bygga kunskaper", "harvest", value={"items": [other]})

    run = shop.document().sessions[0].runs[0]

    rounds = only(run.parts, TextSection)
    assert [g.title for g in rounds.groups] == [
        "Runda 1: Hur får vi fler med?",
        "Runda 2: Vad saknas?",  # a question nobody wrote to is still part of the record
        "Runda 3: Vad gör vi nu?",
    ]
    first = rounds.groups[0]
    assert [g.title for g in first.groups] == ["Bord 1", "Bord 2"]
    assert texts(first.groups[1].items) == ["Bjud in brett"]
    themes = only(run.parts, ThemesSection)
    assert [(t.name, texts(t.items)) for t in themes.themes] == [
        ("Möten och relationer", ["Fler mötesplatser"]),
        ("Bygga kunskaper", ["Gemensam kunskapsbank"]),
    ]
    assert [label.text for label in themes.themes[0].items[0].labels] == ["Bord 3"]
    assert texts(themes.unassigned) == ["Vi behöver fler Sonny"]


def split(a: str, pa: int, b: str, pb: int, round_: int) -> dict[str, object]:
    return {"round": round_, "card_a": a, "points_a": pa, "card_b": b, "points_b": pb}


def test_a_35_ranks_the_cards_from_their_pair_splits_with_shared_ranks(shop: Workshop) -> None:
    shop.run(bundled("35an"), {"rounds": "2"})
    for card, text in [
        ("1", "Skolan"),
        ("2", "Integration"),
        ("3", "Utanförskap"),
        ("4", "Kultur"),
    ]:
        shop.entry("card", text, "write", dims={"card": card}, value={"card": card})
    shop.entry("pair_split", "", "round", round=1, value=split("1", 4, "2", 3, 1))
    shop.entry("pair_split", "", "round", round=1, value=split("3", 4, "4", 3, 1))
    shop.entry("pair_split", "", "round", round=2, value=split("1", 3, "3", 4, 2))
    shop.entry("pair_split", "", "round", round=2, value=split("2", 4, "4", 3, 2))
    shop.entry("pair_split", "", "round", round=2, value=split("2", 5, "3", 1, 2))  # sums to 6
    wrong = shop.entry("pair_split", "", "round", round=2, value=split("4", 7, "1", 0, 2))
    shop.delete(wrong)

    run = shop.document().sessions[0].runs[0]

    ranking = only(run.parts, RankingSection)
    # by hand: Utanförskap 4+4 = 8, Skolan 4+3 = 7, Integration 3+4 = 7, Kultur 3+3 = 6
    rows = [(r.rank, r.tied, r.text, r.total, r.per_round) for r in ranking.rows]
    assert rows == [
        (1, False, "Utanförskap", 8, (4, 4)),
        (2, True, "Skolan", 7, (4, 3)),
        (2, True, "Integration", 7, (3, 4)),
        (4, False, "Kultur", 6, (3, 3)),
    ]
    assert (ranking.basis, ranking.max_total, ranking.uncounted) == ("pair_split", 14, 1)
    assert not any(isinstance(p, TextSection) for p in run.parts)  # the cards are in the ranking


def test_read_out_totals_make_the_ranking_when_no_pair_splits_were_entered(
    shop: Workshop,
) -> None:
    shop.run(bundled("35an"))
    for card, (text, total) in enumerate([("A", "30"), ("B", "25"), ("C", "30")], start=1):
        fields = {"text": text, "total": total}
        shop.entry("entry", "", "countdown", dims={"card": str(card)}, value={"fields": fields})

    ranking = only(shop.document().sessions[0].runs[0].parts, RankingSection)

    assert [(r.rank, r.tied, r.text, r.total) for r in ranking.rows] == [
        (1, True, "A", 30),
        (1, True, "C", 30),
        (3, False, "B", 25),
    ]
    assert (ranking.basis, ranking.max_total) == ("totals", 35)


def test_ratings_of_a_25_10_are_summed_per_card(shop: Workshop) -> None:
    shop.run(bundled("25-10-crowd-sourcing"), {"rounds": "2"})
    shop.entry("card", "Stora idén", "write", value={"card": "a"})
    shop.entry("card", "Lilla idén", "write", value={"card": "b"})
    for card, round_, score in [("a", 1, 5), ("b", 1, 2), ("a", 2, 4), ("b", 2, 5), ("b", 2, 1)]:
        shop.entry(
            "rating",
            "",
            "round",
            round=round_,
            value={"card": card, "round": round_, "score": score},
        )

    ranking = only(shop.document().sessions[0].runs[0].parts, RankingSection)

    assert [(r.text, r.total, r.per_round) for r in ranking.rows] == [
        ("Stora idén", 9, (5, 4)),
        ("Lilla idén", 7, (2, 5)),
    ]
    assert ranking.uncounted == 1  # card b rated twice in round 2


def test_a_dot_vote_is_tallied_per_option(shop: Workshop) -> None:
    shop.run(bundled("dot-voting"), {"options": "Bibliotek|Park|Badhus"})
    for target, count in [("2", 3), ("Bibliotek", 2), ("park", 1), ("1", 1)]:
        shop.entry("dots", "", "vote", value={"target": target, "count": count})

    tally = only(shop.document().sessions[0].runs[0].parts, TallySection)

    assert [(r.rank, r.text, r.total) for r in tally.rows] == [
        (1, "Park", 4),
        (2, "Bibliotek", 3),
        (3, "Badhus", 0),
    ]


def test_dots_per_criterion_are_tallied_on_the_cards(shop: Workshop) -> None:
    shop.run(bundled("tre-prickar"), {"criteria": "Nytta|Genomförbarhet"})
    a = shop.entry("card", "Läxhjälp", "ideas")
    b = shop.entry("card", "Öppet hus", "ideas")
    for target, criterion, count in [(a, "1", 2), (b, "1", 1), (b, "2", 3), (a, "2", 1)]:
        shop.entry(
            "dots", "", "dots", value={"target": target, "criterion": criterion, "count": count}
        )

    run = shop.document().sessions[0].runs[0]

    tally = only(run.parts, TallySection)
    assert tally.criteria == ("Nytta", "Genomförbarhet")
    assert [(r.text, r.total, r.by_criterion) for r in tally.rows] == [
        ("Öppet hus", 4, (1, 3)),
        ("Läxhjälp", 3, (2, 1)),
    ]
    assert not any(isinstance(p, TextSection) for p in run.parts)


def test_structured_entries_are_tables_and_actions_have_a_section_of_their_own(
    shop: Workshop,
) -> None:
    shop.run(bundled("follow-up-workshop"))
    shop.entry("entry", "", "case", value={"fields": {"title": "Läsfrämjande", "presenter": "Eva"}})
    shop.entry(
        "entry",
        "",
        "actions",
        value={"fields": {"what": "Boka lokal", "who": "Anna", "when": "v. 12"}},
    )

    session = shop.document().sessions[0]

    case = only(session.runs[0].parts, FieldsSection)
    assert case.columns == ("Rubrik", "Presentatör", "Sammanfattning")
    assert [f.text for f in case.rows[0].fields] == ["Läsfrämjande", "Eva", ""]
    assert session.actions is not None
    assert session.actions.columns == ("Från", "Vad", "Vem", "När")
    assert [f.text for f in session.actions.rows[0].fields] == [
        "Nästa steg",
        "Boka lokal",
        "Anna",
        "v. 12",
    ]


def test_deleted_entries_never_appear_and_edits_do(shop: Workshop) -> None:
    shop.run(bundled("world-cafe"), {"tables": "2"})
    kept = shop.entry("reflection", "Första versionen", "harvest", dims={"table": "1"})
    gone = shop.entry("reflection", "Hemlig dubblett", "harvest", dims={"table": "2"})
    shop.entry("theme", "Tema", "harvest", value={"items": [kept, gone]})
    shop.edit(kept, "Rättad text")
    shop.delete(gone)

    session = shop.document().sessions[0]

    themes = only(session.runs[0].parts, ThemesSection)
    assert [texts(t.items) for t in themes.themes] == [["Rättad text"]]
    assert "Hemlig dubblett" not in repr(session)
    assert [r.text for r in session.rows if r.kind == "reflection"] == ["Rättad text"]


def test_what_no_collect_declaration_takes_is_kept_as_other_entries(shop: Workshop) -> None:
    shop.run(bundled("35an"))
    shop.entry("note", "Glöm inte pennorna", "intro")
    shop.entry("idea", "Ett ord från 0.1.0", "write")

    run = shop.document().sessions[0].runs[0]

    assert texts(run.other) == ["Glöm inte pennorna", "Ett ord från 0.1.0"]
    assert run.other[0].labels[0].text == "Frågan och reglerna"


def test_the_layout_follows_the_declarations_not_the_method_name(shop: Workshop) -> None:
    original = bundled("storytelling-harvesting")
    renamed = replace(original, id="berattelsecafe")
    for method in (original, renamed):
        shop.run(method, {"stories": "A|B"})
        shop.entry("reflection", f"{method.id} om A", "reflections", dims={"story": "1"})
    found = {"storytelling-harvesting": original, "berattelsecafe": renamed}
    records, _, _ = read_records(shop.store, Library(found), [shop.id])

    runs = build_document(records, found, ExportOptions()).sessions[0].runs

    shapes = [[(p.title, [s.title for s in p.sections]) for p in run.parts] for run in runs]
    assert shapes[0] == shapes[1] == [("A", ["Gruppens viktigaste reflektioner"]), ("B", [])]
    assert texts(runs[1].parts[0].sections[0].items) == ["berattelsecafe om A"]


class Library:
    """A method library holding only the given methods."""

    def __init__(self, found: dict[str, Method]) -> None:
        self.found = found

    def get(self, method_id: str) -> Method | None:
        return self.found.get(method_id)


def test_several_sessions_make_one_document_in_the_order_given(tmp_path: Path) -> None:
    rooms = [Workshop(tmp_path / "a", title="Rum A"), Workshop(tmp_path / "b", title="Rum B")]
    for room in rooms:
        room.run(bundled("1-2-4-all"))
        room.entry("note", f"Idé från {room.title}", "four", dims={"group": "Grupp 1"})
    stores = [SessionStore(tmp_path / "b"), SessionStore(tmp_path / "a")]

    doc = documents(stores, [rooms[1].id, rooms[0].id])

    assert doc.title == "Dokumentation från 2 sessioner"
    assert [s.title for s in doc.sessions] == ["Rum B", "Rum A"]
    assert [r.text for s in doc.sessions for r in s.rows] == ["Idé från Rum B", "Idé från Rum A"]


def test_authors_are_left_out_unless_asked_for(shop: Workshop) -> None:
    shop.run(bundled("fishbowl"))
    shop.entry("note", "Ett inlägg", "discussion", author="Lisa Ek")

    hidden = shop.document().sessions[0]
    shown = shop.document(authors=True).sessions[0]

    assert "Lisa Ek" not in repr(hidden)
    assert only(shown.runs[0].parts, TextSection).items[0].author == "Lisa Ek"
    assert shown.rows[0].author == "Lisa Ek"


def test_a_session_being_run_says_so_with_the_time_it_was_read(shop: Workshop) -> None:
    shop.run(bundled("world-cafe"), finish=False, steps=2)

    session = shop.document(as_of="10:42").sessions[0]

    assert (session.status, session.as_of) == ("running", "10:42")
    assert session.programme[0].steps[-1].outcome == "running"
    assert session.runs[0].status == "running"


def test_entries_stay_with_their_own_run_when_methods_share_step_ids(shop: Workshop) -> None:
    cards = shop.run(bundled("35an"))
    shop.run(bundled("world-cafe"), {"tables": "2"})
    shop.entry("note", "Till caféets runda 1", "round", round=1, dims={"table": "1"})
    shop.entry("card", "Kortet kom sent", "write", value={"card": "9"}, run_id=cards)

    runs = shop.document().sessions[0].runs

    assert texts(only(runs[0].parts, TextSection).items) == ["Kortet kom sent"]
    cafe = only(runs[1].parts, TextSection)
    assert texts(cafe.groups[0].groups[0].items) == ["Till caféets runda 1"]
    assert [r.run for r in shop.document().sessions[0].rows] == [2, 1]


def test_a_planned_day_has_its_planned_and_actual_clock_times() -> None:
    programme = documents([SessionStore(EXAMPLES)], [ESLOV]).sessions[0].programme

    assert [(r.name, r.planned_start, r.planned_end) for r in programme[:3]] == [
        ("Kaffe och registrering", "09:00", "09:30"),
        ("Välkomna – dagens syfte och upplägg", "09:30", "09:45"),
        ("Storytelling och Harvesting", "09:45", "11:28"),
    ]
    harvest = programme[2]
    assert (harvest.started, harvest.ended, harvest.speed) == ("09:45", "11:28", 600.0)
    # a rehearsal's steps on the day's clock: the block's start plus the steps before them
    assert [s.started for s in harvest.steps[:3]] == ["09:45", "09:55", "10:00"]
    assert programme[0].steps == ()  # a coffee break is its own one step
