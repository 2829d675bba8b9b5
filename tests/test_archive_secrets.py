"""What the archive commands print never holds the URL's password, in whatever form it is given,
and an archived session id that could reach outside the store is never used as a path."""

from __future__ import annotations

import json
import re
from pathlib import Path

import psycopg
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


def _poison(url: str, session_id: str, bad_id: str) -> str:
    """Give the archived session ``session_id`` the header id ``bad_id``, as anyone who may
    push could; its UUID."""
    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute(
            "UPDATE facilitate.sessions SET id = %s, header = jsonb_set(header, '{id}', %s::jsonb)"
            " WHERE id = %s RETURNING uuid::text",
            (bad_id, json.dumps(bad_id), session_id),
        ).fetchone()
    assert row is not None
    return str(row[0])


def _files(root: Path) -> list[Path]:
    return sorted(root.rglob("*"))


def test_an_archived_id_that_leaves_the_store_is_refused(tmp_path: Path, archive_db: str) -> None:
    laptop, store = tmp_path / "laptop", tmp_path / "deep" / "store"
    (session_id,) = eslov_copies(laptop, 1)
    assert archive_cli(laptop, archive_db, "push").exit_code == 0
    uuid = _poison(archive_db, session_id, "../../escaped")
    before = _files(tmp_path)

    pulled = archive_cli(store, archive_db, "pull", uuid)
    report = archive_cli(store, archive_db, "report", "-f", "json")
    exported = run_cli(
        ["--sessions-dir", str(store), "export", uuid, "-f", "json", "--archive", archive_db]
    )
    for done in (pulled, report, exported):
        assert done.exit_code == 2, done.stdout
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1, lines
        assert uuid in lines[0] and "'../../escaped'" in lines[0]
    assert _files(tmp_path) == before
    assert not (tmp_path / "escaped").exists()


def test_a_copy_is_never_written_outside_the_store(tmp_path: Path) -> None:
    from dataclasses import replace

    from facilitate.errors import UsageError
    from facilitate.store.copy_in import write_session_copy
    from facilitate.store.store import SessionStore

    (session_id,) = eslov_copies(tmp_path / "laptop", 1)
    header = SessionStore(tmp_path / "laptop").open(session_id).header
    root = tmp_path / "deep" / "store"
    for bad in ("../../escaped", "../escaped", "/tmp/escaped", "a/b", ".hidden", ""):
        with pytest.raises(UsageError):
            write_session_copy(root, replace(header, id=bad), ['{"v":1}'])
    assert not (tmp_path / "escaped").exists() and not (tmp_path / "deep").exists()


def _hostile_copy(root: Path) -> str:
    """An Eslöv copy whose title, a theme's item and a top card are markup and a formula."""
    (session_id,) = eslov_copies(root, 1)
    folder = root / session_id
    header = json.loads((folder / "session.json").read_text(encoding="utf-8"))
    header["title"] = "<script>alert(1)</script>"
    (folder / "session.json").write_text(json.dumps(header, ensure_ascii=False), encoding="utf-8")
    journal = (folder / "journal.jsonl").read_text(encoding="utf-8")
    for text, hostile in (
        ("Bygg kunskap om varandras arbete!", "<img src=x onerror=alert(1)>"),
        ("Skolan, utbildning, barn och ungdomar, fritidsverksamhet", '=HYPERLINK("http://x","y")'),
    ):
        assert json.dumps(text, ensure_ascii=False) in journal
        journal = journal.replace(
            json.dumps(text, ensure_ascii=False), json.dumps(hostile, ensure_ascii=False)
        )
    (folder / "journal.jsonl").write_text(journal, encoding="utf-8")
    return session_id


def test_the_report_shows_titles_and_cards_inert(tmp_path: Path, archive_db: str) -> None:
    import csv
    import io

    _hostile_copy(tmp_path)
    assert archive_cli(tmp_path, archive_db, "push").exit_code == 0
    markdown = archive_cli(tmp_path, archive_db, "report", "--format", "md")
    assert markdown.exit_code == 0, markdown.stderr
    assert not re.search(r"(?<!\\)[<>]", markdown.stdout)  # no unescaped tag anywhere
    assert r"\<script\>alert(1)\</script\>" in markdown.stdout
    assert r"\<img src=x onerror=alert(1)\>" in markdown.stdout
    table = archive_cli(tmp_path, archive_db, "report", "--format", "csv")
    assert table.exit_code == 0, table.stderr
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    texts = [row["text"] for row in rows]
    assert '\'=HYPERLINK("http://x","y")' in texts
    assert not any(cell.startswith("=") for row in rows for cell in row.values())
    assert any(row["section"] == "top" and row["value"].isdigit() for row in rows)
