"""Every working command imports only what it uses (``python -X importtime``, per command).

Pydantic only where a method or a plan is validated (Typer's converters, which import it, are
built only for a value that needs converting: :mod:`facilitate.cli.param_values`; a method
validated once is read back as plain records), the method library (and PyYAML and the method
model with it) only where methods are read, no Markdown renderer (markdown-it, Pygments) but
Typer's help, prompts
only where something is asked, templates and Word only where they are written.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

LEGACY = Path(__file__).parent / "data" / "legacy_journals"
ESLOV = "2026-11-22-eslov-samverkan"
PLAIN = "2026-11-22-plain"

LIBRARY = ("yaml", "facilitate.model.method", "facilitate.library.methods")
METHOD = ("facilitate.model.method", "facilitate.library.methods")
PROMPTS = ("questionary", "prompt_toolkit")
WRITERS = ("jinja2", "docx", "lxml")
MARKDOWN = ("rich.markdown", "markdown_it", "pygments")
PYDANTIC = ("pydantic", "pydantic_core")
SCHEMAS = ("facilitate.model.method_schema", "facilitate.model.plan.document_schema")
UNREAD = PYDANTIC + LIBRARY + PROMPTS + WRITERS + MARKDOWN
"""What a command that reads no method does not import."""
NEW = ("--title", "Plain", "--date", "2026-11-22")
COMMAND_MODULES = ("facilitate.cli.note", "facilitate.cli.sessions", "facilitate.cli.plan")
"""Modules of commands, which the whole app's help (a listing of names) does not import."""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("imports") / "sessions"
    shutil.copytree(LEGACY / ESLOV, root / ESLOV, ignore=shutil.ignore_patterns("show-*"))
    made = subprocess.run(
        [
            sys.executable,
            "-m",
            "facilitate",
            "--sessions-dir",
            str(root),
            "sessions",
            "new",
            "--title",
            "Plain",
            "--date",
            "2026-11-22",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    return root


def imported(store: Path, *args: str, cache: Path | None = None) -> set[str]:
    """Every module (dotted names) ``python -X importtime -m facilitate ARGS`` imported,
    with validated methods kept in ``cache`` (none kept when None)."""
    proc = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "facilitate",
            "--sessions-dir",
            str(store),
            *list(args),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={
            "PATH": "",
            "FACILITATE_LANG": "en",
            "FACILITATE_AUTHOR": "Lisa",
            "FACILITATE_CACHE_DIR": str(cache) if cache else "off",
        },
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return {
        line.rsplit("|", 1)[1].strip()
        for line in proc.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


COMMANDS = [
    (["note", PLAIN, "a plain note"], UNREAD),
    (["sessions", "note", PLAIN, "a plain note"], UNREAD),
    (["sessions", "list"], UNREAD),
    (["sessions", "list", "--json"], (*UNREAD, "rich.table")),
    (["sessions", "show", ESLOV], PROMPTS + WRITERS + MARKDOWN),
    (["sessions", "show", ESLOV, "--json"], UNREAD),
    (["sessions", "show", ESLOV, "--all"], UNREAD),
    (["sessions", "history", ESLOV, "--json"], UNREAD),
    (["export", ESLOV, "--format", "md"], (*PROMPTS, "docx", "lxml", *MARKDOWN)),
    (["methods", "list"], PROMPTS + WRITERS + MARKDOWN),
    (["methods", "show", "world-cafe"], PROMPTS + WRITERS + MARKDOWN),
    (["plan", "show", "eslov-dag"], PROMPTS + WRITERS + MARKDOWN),
    (["run", "--help"], LIBRARY + PROMPTS + WRITERS),
    (["--help"], PYDANTIC + LIBRARY + PROMPTS + WRITERS + COMMAND_MODULES),
]


@pytest.mark.parametrize(("args", "unused"), COMMANDS, ids=[" ".join(c[0]) for c in COMMANDS])
def test_a_command_imports_only_what_it_uses(
    store: Path, args: list[str], unused: tuple[str, ...]
) -> None:
    modules = imported(store, *args)
    assert "facilitate.cli.main" in modules  # the measurement itself works
    assert not set(unused) & modules, sorted(set(unused) & modules)


def test_a_note_that_names_a_method_step_reads_the_method(store: Path) -> None:
    modules = imported(store, "note", ESLOV, "Ett kort", "--step", "round#1", "--run", "4")
    assert set(LIBRARY) <= modules  # the check that needs the method does read it


def test_a_method_validated_once_is_not_read_as_yaml_again(store: Path, tmp_path: Path) -> None:
    first = imported(store, "methods", "list", cache=tmp_path)
    again = imported(store, "methods", "list", cache=tmp_path)
    assert set(LIBRARY) <= first
    assert set(METHOD) <= again
    assert "yaml" not in again


WARM = [
    ["note", ESLOV, "Ett kort", "--step", "round#1", "--run", "4"],
    ["methods", "list"],
    ["methods", "show", "world-cafe"],
    ["results", ESLOV],
    ["export", ESLOV, "--format", "md"],
    ["plan", "show", "eslov-dag"],
]


@pytest.mark.parametrize("args", WARM, ids=[" ".join(a) for a in WARM])
def test_a_command_reading_validated_methods_again_imports_no_pydantic(
    store: Path, tmp_path: Path, args: list[str]
) -> None:
    """Methods (and plans) validated once are read back as plain records: no YAML, no
    schema, no pydantic."""
    first = imported(store, *args, cache=tmp_path)
    again = imported(store, *args, cache=tmp_path)
    assert {"pydantic_core", "facilitate.model.method_schema"} <= first  # (validated first)
    assert not {"yaml", *PYDANTIC, *SCHEMAS} & again, sorted({"yaml", *PYDANTIC, *SCHEMAS} & again)


def test_a_plan_validated_once_is_shown_without_yaml_or_a_model(
    store: Path, tmp_path: Path
) -> None:
    models = ("yaml", "pydantic_core", "facilitate.model.method", *SCHEMAS)
    models += ("facilitate.model.plan.document",)
    first = imported(store, "plan", "show", "eslov-dag", cache=tmp_path)
    again = imported(store, "plan", "show", "eslov-dag", cache=tmp_path)
    assert set(models) <= first
    assert not set(models) & again, sorted(set(models) & again)


def test_the_plan_package_imports_a_name_from_its_module_when_first_read() -> None:
    script = (
        "import sys\n"
        "import facilitate.model.plan as plan\n"
        "from facilitate.model.plan import lay_out, Programme\n"
        "names = dir(plan)\n"
        "print('facilitate.model.plan.document' in sys.modules, 'build_programme' in names,\n"
        "      callable(plan.diagnose), plan.lay_out is lay_out)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True", "True", "True"]
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        import facilitate.model.plan as plan

        _ = plan.nothing
