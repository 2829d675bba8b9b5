"""Each format on its own terms: hostile text stays text, and the files are what they claim.

HTML is one self-contained file with print styles; Word has real headings, lists, tables
and its language; CSV neutralises formulas and opens in Swedish Excel; JSON follows its
schema and is stable.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import docx
import jsonschema
import pytest
from markdown_it import MarkdownIt

from facilitate.export.tables import json_schema, neutralised

from export_helpers import Workshop, bundled, export

HOSTILE = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    "**fet** [länk](http://example.com) `kod`",
    "# inte en rubrik",
    "- inte en lista",
    '=HYPERLINK("http://example.com","klicka")',
    "+46 70 123 45 67",
    "-2 poäng",
    "@SUM(A1:A9)",
    "Åsa & Örjan &amp; 🌱 «citat»",
    "två\nrader",
]


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Workshop:
    shop = Workshop(tmp_path_factory.mktemp("formats") / "sessions", title="<b>Dag</b> & natt")
    shop.run(bundled("world-cafe"), {"tables": "3", "questions": "Fråga <1>?|Fråga 2"})
    ids = [
        shop.entry("reflection", text, "harvest", dims={"table": str(n % 3 + 1)})
        for n, text in enumerate(HOSTILE)
    ]
    shop.entry("theme", "<i>Tema</i> =1+1", "harvest", value={"items": ids[:4]})
    shop.entry("note", "Bord två <tänker>", "round", round=1, dims={"table": "2"})
    shop.run(bundled("35an"), {"rounds": "1"})
    for card, text in [("1", "=1+1"), ("2", "<b>Kort</b>")]:
        shop.entry("card", text, "write", dims={"card": card}, value={"card": card})
    shop.entry(
        "pair_split",
        "",
        "round",
        round=1,
        value={"round": 1, "card_a": "1", "points_a": 5, "card_b": "2", "points_b": 2},
    )
    shop.run(bundled("follow-up-workshop"))
    shop.entry(
        "entry",
        "",
        "actions",
        value={"fields": {"what": "-rm -rf", "who": "@Anna", "when": "=NOW()"}},
    )
    return shop


def render(shop: Workshop, fmt: str, **options: object) -> bytes:
    return export(shop.store, [shop.id], fmt, **options)


class TextOf(HTMLParser):
    """The text inside elements, and every tag and attribute seen."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.texts.append(data)


def test_html_escapes_every_user_text_and_shows_it_exactly(shop: Workshop) -> None:
    page = render(shop, "html").decode("utf-8")
    parser = TextOf()
    parser.feed(page)

    assert "<script" not in page and "<img" not in page and "<b>Kort" not in page
    assert "&lt;script&gt;" in page
    shown = "".join(parser.texts)
    for text in [*HOSTILE, "<b>Dag</b> & natt", "<i>Tema</i> =1+1", "Bord två <tänker>"]:
        assert text in shown
    assert {tag for tag, _ in parser.tags} <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "header",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "article",
        "section",
        "dl",
        "dt",
        "dd",
        "p",
        "ul",
        "li",
        "span",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "strong",
    }


def test_html_is_one_file_that_needs_no_network_and_prints_a_run_per_page(shop: Workshop) -> None:
    page = render(shop, "html").decode("utf-8")
    parser = TextOf()
    parser.feed(page)

    attributes = {name for _, attrs in parser.tags for name, _ in attrs}
    assert not attributes & {"src", "href"}
    assert "@import" not in page and "url(" not in page and "<link" not in page
    assert '<html lang="sv">' in page
    style = page[page.index("<style>") : page.index("</style>")]
    assert re.search(r"@media print\s*{[^@]*section\.run\s*{[^}]*break-before: page", style)
    assert page.count('<section class="run"') == 3


def test_markdown_keeps_user_text_inert(shop: Workshop) -> None:
    text = render(shop, "md").decode("utf-8")
    html = MarkdownIt("commonmark").render(text)

    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<strong>fet</strong>" not in html and "<code>" not in html
    assert "<h1>inte en rubrik</h1>" not in html
    parser = TextOf()
    parser.feed(html)
    shown = "".join(parser.texts)
    for hostile in HOSTILE[:-1]:
        assert hostile.replace("&amp;", "&") in shown or hostile in shown


def word_document(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def test_word_has_heading_styles_lists_and_tables(shop: Workshop) -> None:
    word = word_document(render(shop, "docx"))
    styles = [(p.style.name, p.text) for p in word.paragraphs]

    assert styles[0] == ("Title", "<b>Dag</b> & natt")
    assert ("Heading 1", "World Café") in styles and ("Heading 1", "35:an") in styles
    assert ("Heading 2", "Gemensam skörd") in styles
    assert ("Heading 3", "<i>Tema</i> =1+1") in styles
    bullets = [text for name, text in styles if name == "List Bullet"]
    assert "<script>alert('x')</script> (Bord 1)" in bullets
    assert "två\nrader (Bord 2)" in bullets
    headings = {p.style.name for p in word.paragraphs if p.style.name.startswith("Heading")}
    assert headings == {"Heading 1", "Heading 2", "Heading 3", "Heading 4"}
    for name in headings:  # Word's navigation pane reads the outline level
        outline = word.styles[name].element.pPr.find(docx.oxml.ns.qn("w:outlineLvl"))
        assert outline is not None
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in word.tables]
    ranking = next(t for t in tables if t[0][:3] == ["Plats", "Kort", "Summa"])
    assert ranking[1:] == [["1", "=1+1", "5", "5"], ["2", "<b>Kort</b>", "2", "2"]]
    actions = next(t for t in tables if t[0][0] == "Från")
    assert actions[1] == ["Nästa steg", "-rm -rf", "@Anna", "=NOW()"]


def test_word_sets_the_language_and_holds_no_fields_or_links(shop: Workshop) -> None:
    data = render(shop, "docx", lang="en")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = package.read("word/document.xml").decode("utf-8")
        styles = package.read("word/styles.xml").decode("utf-8")
        core = package.read("docProps/core.xml").decode("utf-8")

    assert re.search(r'<w:rPrDefault><w:rPr>.*<w:lang w:val="en-GB"', styles, re.S)
    assert "<dc:language>en-GB</dc:language>" in core
    assert "&lt;script&gt;" in body
    for active in ("w:fldSimple", "w:instrText", "w:hyperlink", "w:object", "<script"):
        assert active not in body
    assert word_document(data).paragraphs[0].text == "<b>Dag</b> & natt"


def test_csv_has_a_row_per_entry_with_its_dimensions_and_no_formulas(shop: Workshop) -> None:
    rows = list(csv.DictReader(io.StringIO(render(shop, "csv").decode("utf-8"))))

    assert len(rows) == len(HOSTILE) + 1 + 1 + 2 + 1 + 1
    first = rows[0]
    assert (first["run"], first["method"], first["step"], first["kind"]) == (
        "1",
        "world-cafe",
        "harvest",
        "reflection",
    )
    assert (first["dim.table"], first["theme"]) == ("Bord 1", "<i>Tema</i> =1+1")
    assert [r["text"] for r in rows[: len(HOSTILE)]] == [neutralised(t) for t in HOSTILE]
    assert rows[5]["text"] == '\'=HYPERLINK("http://example.com","klicka")'
    assert [rows[n]["text"][:2] for n in (6, 7, 8)] == ["'+", "'-", "'@"]
    assert rows[len(HOSTILE) + 1]["round"] == "1"
    card = next(r for r in rows if r["kind"] == "card")
    assert (card["text"], card["score"], card["rank"]) == ("'=1+1", "5", "1")
    action = rows[-1]
    assert (action["field.what"], action["field.who"], action["field.when"]) == (
        "'-rm -rf",
        "'@Anna",
        "'=NOW()",
    )
    for row in rows:
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row.values() if cell)


def test_csv_for_excel_has_a_byte_order_mark_and_semicolons(shop: Workshop) -> None:
    data = render(shop, "csv", excel=True)

    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("session;run;run_id;method;")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert "Åsa & Örjan &amp; 🌱 «citat»" in [cell for row in rows for cell in row]
    assert "två\nrader" in [cell for row in rows for cell in row]


def schema() -> dict:  # type: ignore[type-arg]
    return json.loads(json_schema())


def test_json_follows_its_schema_and_is_stable(shop: Workshop) -> None:
    first = render(shop, "json", authors=True)
    data = json.loads(first)

    jsonschema.Draft202012Validator.check_schema(schema())
    jsonschema.validate(data, schema(), cls=jsonschema.Draft202012Validator)
    assert render(shop, "json", authors=True) == first
    assert list(data) == ["format", "format_version", "title", "language", "authors", "sessions"]
    assert (data["format"], data["format_version"]) == ("facilitate-export", 1)
    entries = data["sessions"][0]["entries"]
    assert [e["text"] for e in entries[: len(HOSTILE)]] == HOSTILE
    assert {e["author"] for e in entries} == {"Lisa"}


def test_the_schema_rejects_what_the_export_never_writes(shop: Workshop) -> None:
    data = json.loads(render(shop, "json"))
    data["sessions"][0]["entries"][0]["kind"] = 7
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema(), cls=jsonschema.Draft202012Validator)
    data = json.loads(render(shop, "json"))
    data["sessions"][0]["surprise"] = True
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema(), cls=jsonschema.Draft202012Validator)


def test_the_schema_file_in_the_repository_is_the_one_printed() -> None:
    path = Path(__file__).resolve().parent.parent / "facilitate" / "export" / "schema.json"
    assert json_schema() == path.read_text(encoding="utf-8")
