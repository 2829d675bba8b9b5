"""Golden files: the Eslöv example exported in every format, compared with what was approved.

A change to what an export writes shows here as a diff. When it is intended, write the new
files with ``FACILITATE_UPDATE_GOLDEN=1 pytest tests/test_export_golden.py`` and read the
diff before committing it. Word documents are compared as their outline (each paragraph's
style and text, each table's cells) and their language, since a .docx is a zip whose bytes
carry times. JSON is compared indented.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import docx
import pytest

from facilitate.store.journal import SessionStore

from export_helpers import ESLOV, EXAMPLES, export

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("FACILITATE_UPDATE_GOLDEN") == "1"


def word_dump(data: bytes) -> str:
    """A .docx as text: ``Style | text`` per paragraph, ``| a | b |`` per table row."""
    word = docx.Document(io.BytesIO(data))
    lines = []
    tables = iter(word.tables)
    for block in word.element.body:
        tag = block.tag.rsplit("}", 1)[1]
        if tag == "p":
            paragraph = docx.text.paragraph.Paragraph(block, word)
            name = paragraph.style.name if paragraph.style is not None else ""
            if paragraph.text or name != "Normal":
                lines.append(f"{name} | {paragraph.text}")
        elif tag == "tbl":
            for row in next(tables).rows:
                lines.append("| " + " | ".join(cell.text for cell in row.cells) + " |")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        styles = package.read("word/styles.xml").decode("utf-8")
    lines.append("lang: " + styles.split('<w:lang w:val="', 1)[1].split('"', 1)[0])
    return "\n".join(lines) + "\n"


CASES = [
    ("eslov.md", "md", {}),
    ("eslov.en.md", "md", {"lang": "en"}),
    ("eslov.html", "html", {}),
    ("eslov.csv", "csv", {}),
    ("eslov.excel.csv", "csv", {"excel": True}),
    ("eslov.json", "json", {}),
    ("eslov.docx.txt", "docx", {}),
]


@pytest.mark.parametrize(("name", "fmt", "options"), CASES, ids=[c[0] for c in CASES])
def test_the_example_exports_as_approved(name: str, fmt: str, options: dict[str, object]) -> None:
    data = export(SessionStore(EXAMPLES), [ESLOV], fmt, **options)
    got = word_dump(data).encode("utf-8") if fmt == "docx" else data
    if fmt == "json":  # compact on one line; the golden file is indented to be read
        assert data.count(b"\n") == 1 and data.endswith(b"\n")
        got = (json.dumps(json.loads(data), ensure_ascii=False, indent=2) + "\n").encode()
    golden = GOLDEN / name
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_bytes(got)
    assert golden.is_file(), f"no golden file {golden}: run with FACILITATE_UPDATE_GOLDEN=1"
    assert got.decode("utf-8") == golden.read_bytes().decode("utf-8")
