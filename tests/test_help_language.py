"""Help in Swedish is Swedish all through, as a user sees it in a fresh process."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from facilitate.i18n import AREAS
from test_help import PATHS

ENGLISH_ONLY = {
    en
    for area in AREAS
    for key, en in area.EN.items()
    if len(en) >= 16 and area.SV.get(key) != en and "{" not in en
}


def swedish_help(path: list[str]) -> str:
    env = {**os.environ, "COLUMNS": "100", "FACILITATE_LANG": "sv"}
    proc = subprocess.run(
        [sys.executable, "-m", "facilitate", *path, "--help"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return re.sub(r"\s+", " ", re.sub(r"[│╭╮╰╯─]", " ", proc.stdout))


def test_swedish_help_has_no_english_messages_or_panel_titles() -> None:
    with ThreadPoolExecutor(max_workers=2) as pool:
        pages = dict(zip(map(" ".join, PATHS), pool.map(swedish_help, PATHS), strict=True))
    for name, page in pages.items():
        assert "Flaggor" in page or "Kommandon" in page, name
        assert " Options " not in page and "[required]" not in page, name
        leaked = [en for en in ENGLISH_ONLY if en in page]
        assert not leaked, (name, leaked)
