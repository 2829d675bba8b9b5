"""`sessions show` names a session's methods and labels their parameters from each
method's own file, as the validated library would, without the method model."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from facilitate.app.methods import Methods
from facilitate.app.session_overview import method_texts
from facilitate.app.sessions import method_names, parameter_labels
from facilitate.library.method_dirs import bundled_dir
from facilitate.library.method_labels import READS_SCHEMA, read_method_labels
from facilitate.library.methods import load_method_file
from facilitate.model.digest_fold import DigestFolder
from facilitate.model.events import Recorded, RunStarted
from facilitate.model.method import SCHEMA_VERSION
from facilitate.model.plan.day import PLAN_KEY
from facilitate.model.session_digest import SessionDigest
from facilitate.store.store import SessionStore
from facilitate.store.summary import current_digest
from facilitate.ui import session_text

from cli_helpers import run_cli

BUNDLED = sorted(path.stem for path in bundled_dir().glob("*.yaml"))
LEGACY = Path(__file__).parent / "data" / "legacy_journals"
ESLOV = "2026-11-22-eslov-samverkan"
NO_ENV: dict[str, str] = {"FACILITATE_CONFIG_DIR": "/nonexistent"}


def test_the_constants_named_again_are_the_models() -> None:
    assert READS_SCHEMA == SCHEMA_VERSION
    assert session_text.PLAN_KEY == PLAN_KEY


@pytest.mark.parametrize("method_id", BUNDLED)
def test_a_bundled_method_gives_what_its_validated_model_gives(
    method_id: str, tmp_path: Path
) -> None:
    method = load_method_file(bundled_dir() / f"{method_id}.yaml")
    labels = read_method_labels(method_id, tmp_path, NO_ENV)
    assert labels is not None
    assert labels.name == method.name
    assert labels.parameters == {key: p.label for key, p in method.parameters.items()}


def digest_of_runs(*methods: str) -> SessionDigest:
    folder = DigestFolder()
    for seq, method in enumerate(methods, 1):
        event = RunStarted(method=method, run_id=f"r{seq}")
        folder.apply(Recorded(seq, "2026-11-22T10:00:00+01:00", "Anna", "facilitator", event))
    return folder.digest(None, (), 0)


def project_with(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / "methods").mkdir(exist_ok=True)
    (tmp_path / "methods" / name).write_text(text, encoding="utf-8")
    return tmp_path


def both_ways(cwd: Path, *methods: str) -> tuple[object, object]:
    """What the show's reader gives, and what the whole library gives."""
    store = SessionStore(cwd / "sessions")
    header = store.create(title="x", date="2026-11-22", language="sv", method=methods[0]).header
    digest = digest_of_runs(*methods)
    light = method_texts(Methods(cwd, NO_ENV), header, digest, "sv")
    library = Methods(cwd, NO_ENV)
    whole = (
        method_names(library, header, digest, "sv"),
        parameter_labels(library, digest, "sv"),
    )
    return light, whole


WORLD_CAFE = (bundled_dir() / "world-cafe.yaml").read_text(encoding="utf-8")


def test_a_project_method_overrides_a_bundled_one_for_the_view_too(tmp_path: Path) -> None:
    own = WORLD_CAFE.replace("name:\n  sv: World Café", "name:\n  sv: Vårt kafé", 1)
    assert own != WORLD_CAFE
    project_with(tmp_path, "world-cafe.yaml", own)
    light, whole = both_ways(tmp_path, "world-cafe", "35an", "@timer", "gone-now")
    assert light == whole
    assert light[0] == {"world-cafe": "Vårt kafé", "35an": whole[0]["35an"]}  # type: ignore[index]


@pytest.mark.parametrize(
    "change",
    [
        ("name:\n  sv: World Café", "name:\n  sv: World\x07Café"),  # a control character
        ("name:\n  sv: World Café", "name:\n  sv: ''\n  fr: Café"),  # an unknown language
        ("schema_version: 1", "schema_version: 2"),  # a newer version
        ("id: world-cafe", "id: another"),  # not named after its id
        ("name:\n  sv: World Café", "name: [1, 2"),  # not YAML
    ],
)
def test_a_file_the_reader_cannot_vouch_for_is_left_to_the_library(
    tmp_path: Path, change: tuple[str, str]
) -> None:
    assert change[0] in WORLD_CAFE
    project_with(tmp_path, "world-cafe.yaml", WORLD_CAFE.replace(*change, 1))
    assert read_method_labels("world-cafe", tmp_path, NO_ENV) is None
    light, whole = both_ways(tmp_path, "world-cafe")
    assert light == whole == ({}, {})  # the library finds the file broken: ids as recorded


def test_the_default_view_reads_neither_the_method_model_nor_the_plans(tmp_path: Path) -> None:
    root = tmp_path / "sessions"
    shutil.copytree(LEGACY / ESLOV, root / ESLOV, ignore=shutil.ignore_patterns("show-*"))
    command = ["-X", "importtime", "-m", "facilitate", "--sessions-dir", str(root)]
    proc = subprocess.run(
        [sys.executable, *command, "sessions", "show", ESLOV],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "", "FACILITATE_LANG": "en", "FACILITATE_CONFIG_DIR": str(tmp_path)},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    method = load_method_file(bundled_dir() / "storytelling-harvesting.yaml")
    assert method.name.sv in proc.stdout  # (a Swedish session) named from the method's file
    modules = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines() if "|" in line}
    assert "facilitate.library.method_labels" in modules
    unread = {"facilitate.model.method", "facilitate.model.method_schema", "pydantic"}
    assert not modules & {*unread, "facilitate.library.methods"}
    assert not {m for m in modules if m.startswith("facilitate.model.plan")}


def test_show_names_the_method_and_labels_its_parameters(tmp_path: Path) -> None:
    root = tmp_path / "sessions"
    shutil.copytree(LEGACY / ESLOV, root / ESLOV, ignore=shutil.ignore_patterns("show-*"))
    result = run_cli(["--lang", "en", "--sessions-dir", str(root), "sessions", "show", ESLOV])
    assert result.exit_code == 0, result.stderr
    store = SessionStore(root)
    session = store.open(ESLOV)
    digest = current_digest(session)
    library = Methods(Path.cwd(), {"FACILITATE_CONFIG_DIR": str(tmp_path)})
    names = method_names(library, session.header, digest, "en")
    labels = parameter_labels(library, digest, "en")
    assert names and labels
    for name in names.values():
        assert name in result.stdout
    for method_labels in labels.values():
        for label in method_labels.values():
            assert label in result.stdout
