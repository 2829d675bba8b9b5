"""How a session's results look in the terminal: rankings, tallies, themes, structured entries.

Views take the model's results (:mod:`facilitate.model.results_types`) and the language;
whatever people wrote is shown as plain text, made safe for the terminal.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text as RichText

from facilitate.i18n import t
from facilitate.model.results_types import (
    ItemResult,
    Ranking,
    RunResults,
    SessionResults,
    StructuredSection,
    Tally,
    TextSection,
    ThemeResult,
)
from facilitate.model.text import Text
from facilitate.ui.format import NONE
from facilitate.ui.safe_text import safe_line, safe_text
from facilitate.ui.session_text import cells, kind_name

Labels = Mapping[str, tuple[Text, Mapping[str, Text]]]


def all_labels(results: SessionResults) -> dict[str, tuple[Text, dict[str, Text]]]:
    """The dimension labels of every run's method (an item may come from any run)."""
    labels: dict[str, tuple[Text, dict[str, Text]]] = {}
    for run in results.runs:
        for dim, (label, values) in run.labels.items():
            known = labels.setdefault(dim, (label, {}))
            known[1].update(values)
    return labels


def rank_text(rank: int, shared: bool) -> str:
    """``1`` or, for a rank shared by several, ``1=``."""
    return f"{rank}=" if shared else str(rank)


def dimension_value(dim: str, value: str, labels: Labels, lang: str) -> str:
    """A dimension's value as people read it: ``Table 3``, ``Trelleborg``."""
    label, values = labels.get(dim, (Text.same(dim), {}))
    shown = values.get(value)
    return shown.get(lang) if shown else f"{label.get(lang)} {value}"


def origin(item: ItemResult, labels: Labels, lang: str) -> str:
    """Where an item came from: ``Table 3 · round 2`` (its dimensions, its round)."""
    parts = [dimension_value(dim, value, labels, lang) for dim, value in item.dims]
    if item.round is not None:
        parts.append(t("results.round", round=item.round))
    return " · ".join(parts)


def _titled(title: str, table: Table) -> Group:
    """A table under its title (a title of its own line: a table's title wraps to its width)."""
    return Group(RichText(safe_line(title), style="bold"), table)


def ranking_table(ranking: Ranking, lang: str) -> Group:
    """Rank, total, points per round, the card's id and text; ties share a rank (1=, 1=, 3)."""
    basis = t(f"results.basis.{ranking.basis}")
    title = f"{ranking.title.get(lang)} — {basis}"
    if ranking.max_total is not None:
        title += " " + t("results.max", total=ranking.max_total)
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column(t("results.col.rank"), justify="right", no_wrap=True)
    table.add_column(t("results.col.total"), justify="right", no_wrap=True)
    per_round = ranking.rounds if any(r.per_round for r in ranking.rows) else 0
    for n in range(1, per_round + 1):
        table.add_column(t("results.col.round", round=n), justify="right", no_wrap=True)
    table.add_column(t("results.col.card"), no_wrap=True)
    table.add_column(t("results.col.text"), overflow="fold")
    for row in ranking.rows:
        points = [NONE if p is None else str(p) for p in row.per_round[:per_round]]
        points += [NONE] * (per_round - len(points))
        table.add_row(
            *cells(rank_text(row.rank, row.shared), str(row.total), *points, row.card, row.text)
        )
    if ranking.uncounted:
        table.caption = t("results.uncounted", count=ranking.uncounted)
    return _titled(title, table)


def tally_table(tally: Tally, lang: str) -> Group:
    """Rank, option, dots per criterion (a colour) and in all."""
    title = f"{tally.title.get(lang)} — {t('results.tally')}"
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column(t("results.col.rank"), justify="right", no_wrap=True)
    table.add_column(t("results.col.option"), overflow="fold")
    for _, label in tally.criteria:
        table.add_column(safe_line(label.get(lang)), justify="right", no_wrap=True)
    table.add_column(t("results.col.dots"), justify="right", no_wrap=True)
    for row in tally.rows:
        counts = [str(n) for n in row.by_criterion]
        table.add_row(
            *cells(rank_text(row.rank, row.shared), row.text.get(lang), *counts, str(row.total))
        )
    if tally.uncounted:
        table.caption = t("results.uncounted", count=tally.uncounted)
    return _titled(title, table)


def structured_table(section: StructuredSection, labels: Labels, lang: str) -> Group:
    """A step's structured entries, a column per field."""
    table = Table(box=box.SIMPLE_HEAD)
    dims = list(dict.fromkeys(d for row in section.rows for d, _ in row.dims))
    for dim in dims:
        table.add_column(
            safe_line(labels.get(dim, (Text.same(dim), {}))[0].get(lang)), no_wrap=True
        )
    for _, label in section.fields:
        table.add_column(safe_line(label.get(lang)), overflow="fold")
    with_text = any(row.text for row in section.rows)
    if with_text:
        table.add_column(t("results.col.text"), overflow="fold")
    for row in section.rows:
        values = dict(row.dims)
        shown = [values.get(d, NONE) for d in dims] + list(row.values)
        table.add_row(*cells(*shown, *([row.text] if with_text else [])))
    return _titled(section.title.get(lang), table)


def item_line(item: ItemResult, labels: Labels, lang: str) -> RichText:
    """``  12  Table 3 · round 2   Fler mötesplatser``."""
    line = RichText(f"{item.number:>4}  ", style="dim")
    where = origin(item, labels, lang)
    if where:
        line.append(safe_line(where) + "   ", style="cyan")
    line.append(safe_text(item.text))
    return line


def theme_block(theme: ThemeResult, labels: Labels, lang: str) -> Group:
    heading = RichText(safe_line(theme.name), style="bold")
    heading.append(f"  ({len(theme.items)})", style="dim")
    return Group(heading, *(item_line(i, labels, lang) for i in theme.items), RichText(""))


def text_block(section: TextSection, labels: Labels, lang: str) -> Group:
    heading = RichText(safe_line(section.title.get(lang)), style="bold")
    heading.append(f" — {kind_name(section.kind)} ({len(section.items)})", style="dim")
    return Group(heading, *(item_line(i, labels, lang) for i in section.items), RichText(""))


def run_heading(run: RunResults, lang: str) -> RichText:
    name = run.method_name.get(lang)
    text = (
        t("results.run", number=run.number, method=name)
        if run.number
        else t("results.no_run", method=name)
    )
    return RichText(safe_line(text), style="bold underline")


def run_view(
    run: RunResults, labels: Labels, lang: str, *, texts: bool = True
) -> list[RenderableType]:
    parts: list[RenderableType] = [run_heading(run, lang)]
    parts += [ranking_table(r, lang) for r in run.rankings]
    parts += [tally_table(tally, lang) for tally in run.tallies]
    parts += [structured_table(s, labels, lang) for s in run.structured]
    if texts:
        parts += [text_block(s, labels, lang) for s in run.texts]
    if len(parts) == 1:
        parts.append(RichText(t("results.run_empty"), style="dim"))
    return parts


def results_view(results: SessionResults, lang: str, *, texts: bool = True) -> list[RenderableType]:
    """Every run's results, then the themes with their items and what is under no theme."""
    labels = all_labels(results)
    parts: list[RenderableType] = []
    for run in results.runs:
        parts += run_view(run, labels, lang, texts=texts)
    if results.themes:
        parts.append(
            RichText(t("results.themes", count=len(results.themes)), style="bold underline")
        )
        parts += [theme_block(theme, labels, lang) for theme in results.themes]
    if results.themes and results.unassigned:
        unassigned = ThemeResult("", t("results.unassigned"), results.unassigned)
        parts.append(theme_block(unassigned, labels, lang))
    if not parts:
        parts.append(RichText(t("results.empty")))
    return parts
