"""What an import adds (or would add): the count by kind and along each dimension, a few rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from facilitate.i18n import get_language, t
from facilitate.model.entries import CardPayload, FieldsPayload
from facilitate.model.entry_rules import StepRules
from facilitate.model.import_types import ImportPlan, Planned
from facilitate.model.scoring_types import DotPlacement, PairSplit, Rating
from facilitate.records import Record
from facilitate.ui.safe_text import safe_line
from facilitate.ui.session_text import kind_name

SHOWN_ROWS = 5
SHOWN_VALUES = 12
"""A dimension with more values than this is shown as its number of values."""
TEXT_WIDTH = 60


class ImportHeading(Record):
    """Where the entries go, as people read it."""

    file: str
    session_id: str
    step: str
    step_title: str
    run_number: int | None
    method_name: str


def summary_lines(
    heading: ImportHeading,
    plan: ImportPlan,
    rules: StepRules,
    counts: Mapping[str, Mapping[str, int]],
) -> list[str]:
    """The preview: where, how many of which kind, counts along each dimension, a few rows."""
    run = (
        t("import.run", number=heading.run_number, method=heading.method_name)
        if heading.run_number is not None
        else t("import.no_run", method=heading.method_name)
    )
    lines = [
        t(
            "import.heading",
            file=heading.file,
            id=heading.session_id,
            run=run,
            step=heading.step,
            title=heading.step_title,
        ),
    ]
    if plan.new:
        lines.append(t("import.count", count=len(plan.new), kind=kind_name(plan.kind)))
    lines += [f"  {line}" for line in _count_lines(counts, rules)]
    lines += [f"  {_row_line(item, rules)}" for item in plan.new[:SHOWN_ROWS]]
    if len(plan.new) > SHOWN_ROWS:
        lines.append("  " + t("import.more_rows", count=len(plan.new) - SHOWN_ROWS))
    if plan.already:
        lines.append(t("import.already", count=plan.already))
    return [safe_line(line) for line in lines]


def _count_lines(counts: Mapping[str, Mapping[str, int]], rules: StepRules) -> list[str]:
    lines = []
    for dim, by_value in counts.items():
        name = _dimension_name(dim, rules)
        if len(by_value) > SHOWN_VALUES:
            lines.append(t("import.dim_values", dimension=name, count=len(by_value)))
            continue
        shown = " · ".join(f"{_value_name(dim, v, rules)}: {n}" for v, n in by_value.items())
        lines.append(f"{name}: {shown}")
    return lines


def _dimension_name(dim: str, rules: StepRules) -> str:
    rule = rules.dimension(dim)
    if rule is None:
        return t("import.round") if dim == "round" else dim
    return rule.name.sv if get_language() == "sv" else rule.name.en


def _value_name(dim: str, value: str, rules: StepRules) -> str:
    rule = rules.dimension(dim)
    found = next((v for v in rule.values or () if v.id == value), None) if rule else None
    if found is None:
        return value
    label = found.sv if get_language() == "sv" else found.en
    return label if value.casefold() in label.casefold() else f"{value} {label}"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TEXT_WIDTH else text[: TEXT_WIDTH - 1] + "…"


def _row_line(item: Planned, rules: StepRules) -> str:
    """One planned entry on a line: ``line 3: card 17 · Skolan och fritiden``."""
    entry, payload = item.entry, item.entry.payload
    parts: list[str] = []
    if isinstance(payload, PairSplit):
        parts.append(f"{payload.card_a}: {payload.points_a}, {payload.card_b}: {payload.points_b}")
    elif isinstance(payload, Rating):
        parts.append(f"{payload.card}: {payload.score}")
    elif isinstance(payload, DotPlacement):
        parts.append(f"{payload.target} ×{payload.count}")
    elif isinstance(payload, CardPayload):
        points = " ".join("–" if p is None else str(p) for p in payload.points)
        parts.append(payload.card + (f" [{points}]" if points else ""))
    parts += [_value_name(d, v, rules) for d, v in entry.dims.items()]
    if item.round is not None and not isinstance(payload, PairSplit | Rating):
        parts.append(f"{t('import.round')} {item.round}")
    if entry.text:
        parts.append(_short(entry.text))
    if isinstance(payload, FieldsPayload):
        parts += [f"{k}: {_short(v)}" for k, v in payload.fields.items() if v]
    return t("import.row", line=item.line, entry=" · ".join(parts))


def saved_line(count: int, seqs: Sequence[int]) -> str:
    """After saving: how many entries, at which records."""
    if not seqs:
        return t("import.nothing_new")
    return t("import.saved", count=count, first=seqs[0], last=seqs[-1])
