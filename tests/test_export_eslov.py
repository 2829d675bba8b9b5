"""The Eslöv example's Markdown and Word documents carry what the day's documentation does.

The documentation (tests/data/eslov_2014_documentation.txt, as published) is read as text:
per story the reflections after "Reflektionerna var:", the 35:an's three areas, the World
Café's questions and the themes with their ideas. The exported documents are read back as
an outline (headings with the bullets and tables under them) and must give the same texts
in the same order, nothing missing and nothing added.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

import docx
import pytest

from facilitate.store.journal import SessionStore

from export_helpers import ESLOV, EXAMPLES, SEED, export


def seed_text() -> str:
    lines = [
        line for line in SEED.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    text = re.sub(r"\s*\n\s*\n\d+ ", " ", "\n".join(lines))  # page numbers
    return " ".join(text.split())


def squash(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Heading:
    level: int
    title: str
    bullets: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    children: list[Heading] = field(default_factory=list)

    def find(self, *path: str) -> Heading:
        """The heading under this one at ``path``; a title ending in ``…`` is a start."""
        node = self
        for title in path:
            node = next(child for child in node.children if _matches(child.title, title))
        return node


def _matches(title: str, wanted: str) -> bool:
    return title.startswith(wanted[:-1]) if wanted.endswith("…") else title == wanted


def tree(flat: list[Heading]) -> Heading:
    root = Heading(0, "")
    stack = [root]
    for heading in flat:
        while stack[-1].level >= heading.level:
            stack.pop()
        stack[-1].children.append(heading)
        stack.append(heading)
    return root


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def markdown_outline(text: str) -> Heading:
    flat: list[Heading] = []
    for line in text.splitlines():
        if match := re.match(r"^(#{1,6}) (.*)$", line):
            flat.append(Heading(len(match[1]), unescape(match[2])))
        elif line.startswith("- ") and flat:
            flat[-1].bullets.append(unescape(line[2:]))
        elif line.startswith("| ") and flat and not line.startswith("|---"):
            flat[-1].rows.append([unescape(c.strip()) for c in line.strip("|").split(" | ")])
    return tree(flat)


def word_outline(data: bytes) -> Heading:
    word = docx.Document(io.BytesIO(data))
    flat: list[Heading] = []
    tables = iter(word.tables)
    for block in word.element.body:
        tag = block.tag.rsplit("}", 1)[1]
        if tag == "tbl" and flat:
            table = next(tables)
            flat[-1].rows += [[cell.text for cell in row.cells] for row in table.rows]
        if tag != "p":
            continue
        paragraph = docx.text.paragraph.Paragraph(block, word)
        name = paragraph.style.name if paragraph.style is not None else ""
        if name == "Title" or name.startswith("Heading "):
            level = 1 if name == "Title" else int(name.split()[1]) + 1
            flat.append(Heading(level, paragraph.text))
        elif name == "List Bullet" and flat:
            flat[-1].bullets.append(paragraph.text)
    return tree(flat)


@pytest.fixture(scope="module", params=["md", "docx"])
def outline(request: pytest.FixtureRequest) -> Heading:
    data = export(SessionStore(EXAMPLES), [ESLOV], request.param)
    if request.param == "md":
        return markdown_outline(data.decode("utf-8")).children[0]
    return word_outline(data).children[0]


STORIES = ["Trelleborg", "Svalöv", "Röda Korset", "Röstånga tillsammans", "AlltMöjligt Verkstaden"]


def test_every_story_carries_the_reflections_of_the_documentation(outline: Heading) -> None:
    seed = seed_text()
    segments = seed.split("Reflektionerna var:")[1:]
    assert len(segments) == len(STORIES)
    harvest = outline.find("Storytelling och Harvesting")
    assert len(harvest.children) == len(STORIES)  # one chapter per story, named as planned
    ends = [*STORIES[1:], "35:AN"]  # each list ends where the next story's heading is
    for story, segment, end in zip(STORIES, segments, ends, strict=True):
        expected = squash(segment[: segment.index(end)])
        shown = harvest.find(f"{story}…", "Gruppens viktigaste reflektioner").bullets
        assert squash(" ".join(shown)) == expected, story


def test_the_35_gives_the_priority_list_of_the_documentation(outline: Heading) -> None:
    found = re.search(r"höga poäng: 1\. (.*?) 2\. (.*?) 3\. (.*?) WORLD CAFÉ", seed_text())
    assert found is not None
    ranking = outline.find("35:an", "Nedräkning").rows
    assert ranking[0][:3] == ["Plats", "Kort", "Summa"]
    assert [(row[0], row[1]) for row in ranking[1:]] == [
        ("1", found[1]),
        ("2", found[2]),
        ("3", found[3]),
    ]


def test_the_world_cafe_has_the_questions_and_the_themes_with_their_ideas(
    outline: Heading,
) -> None:
    seed = seed_text()
    asked = re.search(r"3 olika frågor: 1\. (.*?) 2\. (.*?) 3\. (.*?) I slutet", seed)
    assert asked is not None
    cafe = outline.find("World Café")
    rounds = [c.title for c in cafe.find("Caférunda").children]
    assert rounds == [f"Runda {n}: {asked[n]}" for n in (1, 2, 3)]
    themes = cafe.find("Gemensam skörd").children
    shown = " ".join(f"{theme.title} {' '.join(theme.bullets)}" for theme in themes)
    expected = seed[seed.index("Gruppernas tankar var:") + len("Gruppernas tankar var:") :]
    assert squash(shown) == squash(expected)
    assert len(themes) == 5 and sum(len(t.bullets) for t in themes) == 32
