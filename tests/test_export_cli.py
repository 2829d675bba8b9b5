"""`facilitate export` as a coordinator uses it: formats, files, languages, templates, mistakes."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import docx
import pexpect
import pytest

from cli_helpers import run_cli
from export_helpers import ESLOV, EXAMPLES, ROOT, Workshop, bundled

STORE = ["--sessions-dir", str(EXAMPLES)]
BASE = ["--lang", "en", *STORE, "export", ESLOV]


def test_markdown_goes_to_standard_output_by_default() -> None:
    result = run_cli(BASE)

    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Kommunalt och idéburet medskapande\n")
    assert "### Trelleborg" in result.stdout and "| 1 | Skolan, utbildning" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "csv", "json"])
def test_every_format_is_written_to_the_file_named(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"eslov.{fmt}"
    target.write_text("an older export", encoding="utf-8")

    result = run_cli([*BASE, "--format", fmt, "--out", str(target)])

    assert result.exit_code == 0, result.stderr
    assert f"written: {target} ({fmt}, 1 session(s), 83 entries)" in result.stdout
    data = target.read_bytes()
    assert data != b"an older export"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temporary left
    if fmt == "docx":
        assert docx.Document(str(target)).paragraphs[0].text == "Kommunalt och idéburet medskapande"
    elif fmt == "json":
        assert json.loads(data)["sessions"][0]["id"] == ESLOV


def test_the_document_language_and_participants_can_be_chosen() -> None:
    result = run_cli([*BASE, "--lang", "en", "--participants", "130"])

    assert result.exit_code == 0, result.stderr
    assert "- **Participants:** 130" in result.stdout
    assert "## Programme" in result.stdout and "#### The group's key reflections" in result.stdout


def test_the_schema_is_printed_without_a_session() -> None:
    result = run_cli(["export", "--schema"])

    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["properties"]["format_version"] == {"const": 1}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "pdf"], "unknown format 'pdf': use md, html, docx, csv or json"),
        (["--excel"], "--excel applies to --format csv only"),
        (["--lang", "fi"], "unknown document language 'fi': use sv or en"),
        (["--participants", "0"], "--participants: give a whole number from 1, got 0"),
        (["--templates", "/no/such/folder"], "/no/such/folder: no such template folder"),
        (["--out", "/no/such/folder/x.md"], "/no/such/folder/x.md: the folder /no/such/folder"),
        ([ESLOV], f"session {ESLOV} is named twice"),
    ],
)
def test_mistakes_are_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = run_cli([*BASE, *args])

    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_an_unknown_session_is_named_with_a_hint() -> None:
    result = run_cli([*STORE, "export", "2014-03-11-kommunalt-och-ideburot"])

    assert result.exit_code == 2
    assert "did you mean '2014-03-11-kommunalt-och-ideburet'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_unique_start_of_an_id_names_the_session_and_its_language_is_spoken(
    tmp_path: Path,
) -> None:
    target = tmp_path / "eslov.json"
    result = run_cli([*STORE, "export", "2014-03-11-kommunalt", "-f", "json", "-o", str(target)])

    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"skrivet: {target} (json, 1 session(er), 83 poster)\n"


def test_a_device_or_a_pipe_is_never_replaced(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    for target in ("/dev/null", str(pipe)):
        result = run_cli([*BASE, "--out", target])

        assert result.exit_code == 2
        assert f"{target}: not a regular file" in result.stderr
    assert Path("/dev/null").is_char_device() and pipe.is_fifo()


def test_a_link_at_the_out_path_is_replaced_and_its_target_kept(tmp_path: Path) -> None:
    kept = tmp_path / "kept.txt"
    kept.write_text("keep me", encoding="utf-8")
    link = tmp_path / "export.md"
    link.symlink_to(kept)

    result = run_cli([*BASE, "--out", str(link)])

    assert result.exit_code == 0, result.stderr
    assert kept.read_text(encoding="utf-8") == "keep me"
    assert not link.is_symlink() and link.read_text(encoding="utf-8").startswith("# Kommunalt")


def test_an_out_path_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    result = run_cli([*BASE, "--out", str(tmp_path)])

    assert result.exit_code == 2
    assert f"{tmp_path}: is a folder; give a file name" in result.stderr


def test_messages_follow_the_interface_language() -> None:
    result = run_cli(["--lang", "sv", *STORE, "export", ESLOV, "--format", "pdf"])

    assert result.exit_code == 2
    assert "okänt format 'pdf'" in result.stderr


def test_several_sessions_combine_into_one_document_and_one_csv(tmp_path: Path) -> None:
    rooms = []
    for name in ("Rum A", "Rum B"):
        room = Workshop(tmp_path / "sessions", title=name)
        room.run(bundled("1-2-4-all"))
        room.entry("note", f"Idé i {name}", "four", dims={"group": "1"})
        rooms.append(room)
    args = ["--sessions-dir", str(tmp_path / "sessions"), "export", rooms[0].id, rooms[1].id]

    md = run_cli(args)
    table = run_cli([*args, "--format", "csv"])

    assert md.stdout.startswith("# Dokumentation från 2 sessioner\n")
    assert "\n## Rum A\n" in md.stdout and "\n## Rum B\n" in md.stdout
    lines = table.stdout.splitlines()
    assert len(lines) == 3
    assert [line.split(",")[0] for line in lines[1:]] == [rooms[0].id, rooms[1].id]


def test_authors_appear_only_when_asked_for(tmp_path: Path) -> None:
    shop = Workshop(tmp_path / "sessions")
    shop.run(bundled("fishbowl"))
    shop.entry("note", "Ett inlägg", "discussion", author="Lisa Ek")
    args = ["--sessions-dir", str(shop.root), "export", shop.id]

    hidden = run_cli(args)
    shown = run_cli([*args, "--authors"])

    assert "Lisa Ek" not in hidden.stdout and "utelämnade" in hidden.stdout
    assert "- Ett inlägg — av Lisa Ek" in shown.stdout
    assert "visas vid varje post" in shown.stdout


def test_a_template_folder_replaces_the_built_in_templates(tmp_path: Path) -> None:
    folder = tmp_path / "mallar"
    (folder / "sv").mkdir(parents=True)
    (folder / "sv" / "document.md.j2").write_text(
        "Vår egen rapport: {{ doc.title | md }}\n"
        "{% for s in doc.sessions %}{% for r in s.rows %}* {{ r.text | md }}\n"
        "{% endfor %}{% endfor %}",
        encoding="utf-8",
    )
    (folder / "_blocks.html.j2").write_text(
        (ROOT / "facilitate/export/templates/_blocks.html.j2")
        .read_text(encoding="utf-8")
        .replace("<li>{{ i.text }}", '<li class="egen">{{ i.text }}'),
        encoding="utf-8",
    )

    md = run_cli([*BASE, "--templates", str(folder)])
    html = run_cli([*BASE, "--templates", str(folder), "--format", "html"])

    assert md.stdout.startswith("Vår egen rapport: Kommunalt och idéburet medskapande\n")
    assert "* Nytt förhållningssätt\n" in md.stdout
    assert '<li class="egen">Nytt förhållningssätt</li>' in html.stdout


def test_a_broken_template_is_one_line_naming_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "document.md.j2").write_text("# {{ doc.title }}\n{% for %}\n", encoding="utf-8")

    result = run_cli([*BASE, "--templates", str(tmp_path)])

    assert result.exit_code == 2
    assert f"{tmp_path / 'document.md.j2'}:2: template error" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_running_session_says_it_is_in_progress_and_when_it_was_read(tmp_path: Path) -> None:
    shop = Workshop(tmp_path / "sessions", language="en")
    shop.run(bundled("world-cafe"), finish=False, steps=2)
    shop.entry("note", "While it runs", "round", round=1, dims={"table": "1"})

    result = run_cli(["--sessions-dir", str(shop.root), "export", shop.id])

    assert result.exit_code == 0
    assert "While it runs" in result.stdout
    status = next(line for line in result.stdout.splitlines() if "**Status:**" in line)
    assert re.fullmatch(r"- \*\*Status:\*\* in progress, as of \d\d:\d\d", status)


def test_a_word_document_is_not_sent_to_a_terminal() -> None:
    child = pexpect.spawn(
        sys.executable,
        ["-m", "facilitate", *BASE, "--format", "docx"],
        cwd=str(ROOT),
        env={**os.environ, "FACILITATE_LANG": "en"},
        encoding="utf-8",
        timeout=20,
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert "a Word document is not for the terminal: give --out FILE" in child.before
    assert "PK" not in child.before  # no zip bytes reached the terminal


def test_a_damaged_line_is_a_warning_and_the_rest_is_exported(tmp_path: Path) -> None:
    shop = Workshop(tmp_path / "sessions", language="en")
    shop.run(bundled("fishbowl"))
    shop.entry("note", "Before the damage", "discussion")
    with shop.session.journal_path.open("a", encoding="utf-8") as journal:
        journal.write("{not a record\n")
    shop.entry("note", "After the damage", "discussion")

    result = run_cli(["--sessions-dir", str(shop.root), "export", shop.id])

    assert result.exit_code == 0
    assert "Before the damage" in result.stdout and "After the damage" in result.stdout
    assert f"{shop.session.journal_path}:" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
