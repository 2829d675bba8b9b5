"""What the archive commands print never holds the URL's password, in whatever form it is given,
and an archived session id that could reach outside the store is never used as a path."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_helpers import archive_cli, eslov_copies
from cli_helpers import run_cli
from pg_server import DATABASE, PASSWORD, USER

WRONG = "TopSecret42"


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql://{USER}:{WRONG}@127.0.0.1:{{port}}/{DATABASE}",
        f"postgresql://{USER}@127.0.0.1:{{port}}/{DATABASE}?password={WRONG}",
        f"host=127.0.0.1 port={{port}} user={USER} password={WRONG} dbname={DATABASE}",
    ],
    ids=["userinfo", "query", "keywords"],
)
def test_a_wrong_password_in_any_form_is_one_line_without_it(
    tmp_path: Path, archive_server: tuple[str, int], url: str
) -> None:
    eslov_copies(tmp_path, 1)
    for command in ("push", "status"):
        done = archive_cli(tmp_path, url.format(port=archive_server[1]), command)
        assert done.exit_code == 1, done.stderr
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1, lines
        assert "password authentication failed" in lines[0]
        assert "***" in lines[0] and "Traceback" not in done.stderr
        assert WRONG not in done.stdout + done.stderr
        assert PASSWORD not in done.stdout + done.stderr


def test_a_url_that_cannot_be_read_is_one_line_without_its_password(tmp_path: Path) -> None:
    eslov_copies(tmp_path, 1)
    for lang in ("en", "sv"):
        done = run_cli(
            ["--lang", lang, "--sessions-dir", str(tmp_path), "archive", "push",
             "--db", f"postgresql://{USER}:{WRONG}@[oops/x"]
        )  # fmt: skip
        assert done.exit_code == 2
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1, lines
        assert "URL" in lines[0]
        assert WRONG not in done.stdout + done.stderr and "oops" not in done.stderr
