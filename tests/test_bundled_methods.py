"""Every shipped method validates strictly, in both languages, and keeps scoring rules as data."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitate.library.methods import bundled_dir, load_library, load_method_file
from facilitate.model.expand import build_timeline, dimension_values
from facilitate.model.params import resolve_params

FILES = sorted(bundled_dir().glob("*.yaml"))
REQUIRED = {
    "storytelling-harvesting",
    "35an",
    "world-cafe",
    "innovationsguiden",
    "open-space",
    "25-10-crowd-sourcing",
    "1-2-4-all",
    "dot-voting",
    "tre-prickar",
    "follow-up-workshop",
}


def test_the_library_has_every_required_method() -> None:
    assert {p.stem for p in FILES} >= REQUIRED


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_bundled_method_validates_with_both_languages(path: Path) -> None:
    method = load_method_file(path, strict_languages=True)
    assert method.id == path.stem
    timeline = build_timeline(method)
    assert timeline and all(s.seconds and s.seconds > 0 for s in timeline if not s.until)
    for text in (method.name, method.summary, method.purpose):
        assert text.sv.strip() and text.en.strip()


def test_the_whole_bundled_library_loads_without_problems(tmp_path: Path) -> None:
    library = load_library(  # every file read and checked: no cache
        cwd=tmp_path, env={"FACILITATE_CONFIG_DIR": str(tmp_path), "FACILITATE_CACHE_DIR": "off"}
    )
    assert not library.problems
    assert {m.origin for m in library.methods.values()} == {"bundled"}


def _load(method_id: str):
    return load_method_file(bundled_dir() / f"{method_id}.yaml")


def test_35an_scores_pairs_with_seven_points_over_five_rounds() -> None:
    method = _load("35an")
    values = resolve_params(method)
    splits = [c for s in method.steps for c in s.collect if c.kind == "pair_split"]
    assert splits
    rule = splits[0]
    points = values[rule.points] if isinstance(rule.points, str) else rule.points
    rounds = values[rule.rounds] if isinstance(rule.rounds, str) else rule.rounds
    assert (points, rounds) == (7, 5)
    assert sum(1 for s in build_timeline(method, values) if s.rounds == 5) == 5


def test_storytelling_harvests_through_the_four_lenses() -> None:
    method = _load("storytelling-harvesting")
    lens_dim = next(d for d in method.dimensions if "lens" in d or "lins" in d)
    labels = [c.label.sv for c in dimension_values(method, lens_dim, resolve_params(method))]
    assert len(labels) == 4
    joined = " ".join(labels).lower()
    for word in ("mod", "genombrott", "ledarskap", "hem"):
        assert word in joined


def test_world_cafe_has_a_question_per_round() -> None:
    method = _load("world-cafe")
    rounds = [s for s in build_timeline(method) if s.round]
    assert len(rounds) >= 3
    assert all(s.round_text is not None for s in rounds)


def test_innovationsguiden_walks_the_six_steps_in_order() -> None:
    method = _load("innovationsguiden")
    titles = " | ".join(s.title.sv for s in method.steps)
    order = ["Ringa in", "Undersöka", "Fokusera", "Ta fram idéer", "Testa idéer", "Förverkliga"]
    positions = [titles.find(name) for name in order]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    assert sum(len(s.exercises) for s in method.steps) >= 10


def test_tre_prickar_gives_three_dots_per_criterion() -> None:
    method = _load("tre-prickar")
    dots = next(c for s in method.steps for c in s.collect if c.kind == "dots")
    values = resolve_params(method)
    assert (values[dots.dots] if isinstance(dots.dots, str) else dots.dots) == 3
    assert dots.per is not None
