"""Help in Swedish is Swedish all through, as a user sees it in a fresh process."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from facilitate.i18n import AREAS
from test_help import PATHS

ENGLISH_ONLY = {
    en
    for area in AREAS
    for key, en in area.EN.items()
    if len(en) >= 16 and area.SV.get(key) != en and "{" not in en
}


# One fresh process started in Swedish renders every page: help texts are put into words
# when the command modules are imported, so the process must never have spoken English.
RENDER_ALL = """
import json, sys
from typer.testing import CliRunner
from facilitate.cli.main import build_app, translate_help_chrome
from facilitate.i18n import detect_language, set_language
import os
set_language(detect_language([], os.environ))
translate_help_chrome()
app = build_app()
pages = []
for path in json.loads(sys.argv[1]):
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, (path, result.output)
    pages.append(result.stdout)
print(json.dumps(pages))
"""


def swedish_help_pages(paths: list[list[str]]) -> list[str]:
    env = {**os.environ, "COLUMNS": "100", "FACILITATE_LANG": "sv"}
    proc = subprocess.run(
        [sys.executable, "-c", RENDER_ALL, json.dumps(paths)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    pages = json.loads(proc.stdout)
    return [re.sub(r"\s+", " ", re.sub(r"[│╭╮╰╯─]", " ", page)) for page in pages]


def test_swedish_help_has_no_english_messages_or_panel_titles() -> None:
    pages = dict(zip(map(" ".join, PATHS), swedish_help_pages(PATHS), strict=True))
    for name, page in pages.items():
        assert "Flaggor" in page or "Kommandon" in page, name
        assert " Options " not in page and "[required]" not in page, name
        leaked = [en for en in ENGLISH_ONLY if en in page]
        assert not leaked, (name, leaked)
