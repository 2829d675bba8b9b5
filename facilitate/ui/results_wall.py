"""Results at projector size, one page at a time: the count-down read-out, a dot vote's bars,
and the harvest wall (themes with their items, or the notes by table when there are no themes).

Each page is a pure function of the results and the screen's size; the watch loop
(:mod:`facilitate.ui.results_watch`) redraws it as entries arrive.
"""

from __future__ import annotations

from typing import Literal

from rich.columns import Columns
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text as RichText

from facilitate.i18n import t
from facilitate.model.results_types import ItemResult, Ranking, SessionResults, Tally
from facilitate.records import Record
from facilitate.ui.results_view import Labels, all_labels, dimension_value, rank_text
from facilitate.ui.safe_text import safe_line

PageKind = Literal["countdown", "tally", "wall"]
PANEL_WIDTH = 38
BAR = "█"


class Page(Record):
    """A page of the watch: a ranking's count-down, a tally, or the wall; ``index`` says which."""

    kind: PageKind
    index: int = 0


def pages(results: SessionResults) -> list[Page]:
    """The pages there is something to show on, in order (the wall always, last)."""
    found: list[Page] = []
    rankings = [r for run in results.runs for r in run.rankings]
    found += [Page("countdown", i) for i in range(len(rankings))]
    tallies = [tally for run in results.runs for tally in run.tallies]
    found += [Page("tally", i) for i in range(len(tallies))]
    return [*found, Page("wall")]


def _short(text: str, width: int) -> str:
    text = safe_line(" ".join(text.split()))
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def countdown_page(ranking: Ranking, width: int, height: int, lang: str) -> list[RichText]:
    """ "Who has 35?": each total from the highest possible down, with the cards that have it.

    Totals nobody has are folded into one line (``33–30  –``); what does not fit is counted.
    """
    lines: list[RichText] = []
    gap: list[int] = []

    def close_gap() -> None:
        if gap:
            span = f"{gap[0]}–{gap[-1]}" if len(gap) > 1 else str(gap[0])
            lines.append(RichText(f"{span:>7}   –", style="dim"))
            gap.clear()

    text_width = max(10, width - 22)
    for call in ranking.calls():
        if not call.items:
            gap.append(call.score)
            continue
        close_gap()
        for i, row in enumerate(call.items):
            score = f"{call.score:>7}" if i == 0 else " " * 7
            line = RichText(score, style="bold yellow")
            line.append(f"  {rank_text(row.rank, row.shared):>4}  ", style="dim")
            line.append(f"{_short(row.card, 6):>6}  ", style="bold")
            line.append(_short(row.text, text_width))
            lines.append(line)
    close_gap()
    room = max(1, height)
    if len(lines) > room:
        more = len(lines) - room + 1
        lines = [*lines[: room - 1], RichText(t("results.watch.more", count=more), style="dim")]
    return lines


def tally_page(tally: Tally, width: int, height: int, lang: str) -> list[RichText]:
    """Each option with a bar as long as its dots, the most first."""
    most = max((r.total for r in tally.rows), default=0) or 1
    name_width = min(40, max((len(r.text.get(lang)) for r in tally.rows), default=10))
    bar_room = max(5, width - name_width - 14)
    lines = []
    for row in tally.rows[: max(1, height)]:
        line = RichText(f"{rank_text(row.rank, row.shared):>4}  ", style="dim")
        line.append(f"{_short(row.text.get(lang), name_width):<{name_width}}  ", style="bold")
        line.append(
            BAR * max(1, round(bar_room * row.total / most)) if row.total else "", style="green"
        )
        line.append(f" {row.total}")
        lines.append(line)
    return lines


def _panel(title: str, items: list[ItemResult], labels: Labels, lang: str, height: int) -> Panel:
    body = [RichText(_short(i.text, PANEL_WIDTH - 4)) for i in items[: max(1, height - 2)]]
    if len(items) > len(body):
        body.append(RichText(t("results.watch.more", count=len(items) - len(body)), style="dim"))
    heading = f"{_short(title, PANEL_WIDTH - 10)} ({len(items)})"
    return Panel(Group(*body), title=heading, title_align="left", width=PANEL_WIDTH)


def wall_page(results: SessionResults, width: int, height: int, lang: str) -> RenderableType:
    """The themes with their items (what no theme holds last), else the notes by table."""
    labels = all_labels(results)
    panels: list[Panel] = []
    if results.themes:
        for theme in results.themes:
            panels.append(_panel(theme.name, list(theme.items), labels, lang, height))
        if results.unassigned:
            title = t("results.unassigned")
            panels.append(_panel(title, list(results.unassigned), labels, lang, height))
    else:
        groups: dict[str, list[ItemResult]] = {}
        for run in results.runs:
            for section in run.texts:
                for item in section.items:
                    first = item.dims[0] if item.dims else None
                    key = dimension_value(*first, labels, lang) if first else ""
                    groups.setdefault(key or section.title.get(lang), []).append(item)
        panels = [_panel(name, items, labels, lang, height) for name, items in groups.items()]
    if not panels:
        return RichText(t("results.empty"), style="dim")
    return Columns(panels, equal=True, expand=False)


def _title(results: SessionResults, page: Page, lang: str) -> str:
    if page.kind == "countdown":
        runs = [run for run in results.runs for _ in run.rankings]
        name = runs[page.index].method_name.get(lang)
        return f"{name} — {t('results.watch.countdown')}"
    if page.kind == "tally":
        tally = [x for run in results.runs for x in run.tallies][page.index]
        return f"{tally.title.get(lang)} — {t('results.tally')}"
    return t("results.watch.wall")


def watch_frame(
    results: SessionResults,
    page: Page,
    size: tuple[int, int],
    lang: str,
    *,
    footer: str = "",
) -> RenderableType:
    """The whole screen: the page's title, the page, and a footer with the keys."""
    width, height = max(20, size[0]), max(4, size[1])
    room = height - 4
    title = RichText(f" {safe_line(_title(results, page, lang))} ", style="bold reverse")
    if page.kind == "countdown":
        ranking = [r for run in results.runs for r in run.rankings][page.index]
        body: RenderableType = Group(*countdown_page(ranking, width, room, lang))
    elif page.kind == "tally":
        tally = [x for run in results.runs for x in run.tallies][page.index]
        body = Group(*tally_page(tally, width, room, lang))
    else:
        body = wall_page(results, width, room, lang)
    return Group(title, RichText(""), body, RichText(""), RichText(safe_line(footer), style="dim"))
