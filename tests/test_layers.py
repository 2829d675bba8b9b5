"""The import contract: which layer of the package may import which (the whole matrix).

Every ``import`` in every module is read (also those inside functions), so a lazy import
cannot slip past. The matrix is the architecture note's (docs/architecture.md).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "facilitate"

# layer -> the facilitate layers it may import (itself always).
ALLOWED: dict[str, set[str]] = {
    # Frozen dataclasses made on first use (facilitate/records.py): every layer's value types.
    "records": set(),
    "errors": set(),
    "i18n": set(),
    "clock": set(),
    "model": set(),
    # Offline suggestions (rapidfuzz, snowballstemmer): pure computation over the model's
    # types, kept out of the model so that the model needs nothing beyond pydantic.
    "suggest": {"model"},
    "library": {"model", "errors", "i18n"},
    "store": {"model", "errors", "i18n", "clock"},
    "export": {"model", "errors", "i18n"},
    # A storage adapter like the store (PostgreSQL): the application layer orchestrates the two.
    "archive": {"model", "errors", "i18n"},
    "app": {"model", "suggest", "library", "store", "archive", "export", "errors", "i18n", "clock"},
    "ui": {"model", "library", "errors", "i18n", "clock"},
    # The web room reads and writes only through the application layer (never the store).
    "web": {"app", "model", "errors", "i18n", "clock"},
    "cli": {"app", "ui", "web", "model", "errors", "i18n", "clock", "root"},
    "root": {"cli"},  # __init__ and __main__
}
for _layer in ALLOWED:
    if _layer != "records":
        ALLOWED[_layer].add("records")
# Third-party packages a layer may never import.
BANNED = {
    "model": {"rich", "typer", "questionary", "prompt_toolkit", "yaml", "filelock", "starlette"},
    "suggest": {"rich", "typer", "questionary", "prompt_toolkit", "yaml", "filelock", "starlette"},
    "library": {"rich", "typer", "questionary", "prompt_toolkit", "starlette", "filelock"},
    "store": {"rich", "typer", "questionary", "prompt_toolkit", "starlette", "yaml", "pydantic"},
    "export": {"rich", "typer", "questionary", "prompt_toolkit", "starlette", "filelock"},
    "archive": {"rich", "typer", "questionary", "prompt_toolkit", "starlette"},
    "app": {"rich", "typer", "questionary", "prompt_toolkit", "starlette", "uvicorn"},
    "ui": {"typer", "starlette", "filelock"},
    "web": {"rich", "typer", "questionary", "prompt_toolkit"},
}
# Only the archive talks to PostgreSQL.
for _layer in ALLOWED:
    if _layer != "archive":
        BANNED.setdefault(_layer, set()).add("psycopg")
# The web server's packages, used only by the web layer and `facilitate serve`.
WEB_PACKAGES = {"starlette", "uvicorn", "segno"}
WEB_USERS = ("web", "cli/serve.py")
# The pure layers also do no I/O and read no clock.
PURE_LAYERS = {"model", "suggest"}
MODEL_STDLIB_BANNED = {"os", "sys", "time", "pathlib", "io", "socket", "subprocess", "shutil"}


def layer_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    if len(parts) == 1:
        stem = path.stem
        return stem if stem in ALLOWED else "root"
    return parts[0]


def imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            if node.module == "facilitate":
                found += [(node.lineno, f"facilitate.{alias.name}") for alias in node.names]
    return found


def target_layer(module: str) -> str | None:
    """The facilitate layer ``module`` belongs to (None for other packages)."""
    parts = module.split(".")
    if parts[0] != "facilitate":
        return None
    if len(parts) == 1:
        return "root"
    return parts[1] if parts[1] in ALLOWED else "root"


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "_bundled" not in p.parts)


def violations() -> list[str]:
    found = []
    for path in modules():
        layer = layer_of(path)
        where = path.relative_to(PACKAGE.parent)
        for line, module in imported_modules(path):
            top = module.split(".")[0]
            target = target_layer(module)
            if target is not None:
                if target != layer and target not in ALLOWED[layer]:
                    found.append(f"{where}:{line}: {layer} may not import {module}")
            elif top in BANNED.get(layer, set()):
                found.append(f"{where}:{line}: {layer} may not use {top}")
            elif top in WEB_PACKAGES and not str(path.relative_to(PACKAGE)).startswith(WEB_USERS):
                found.append(f"{where}:{line}: only the web layer and cli/serve use {top}")
            elif layer in PURE_LAYERS and top in MODEL_STDLIB_BANNED:
                found.append(f"{where}:{line}: {layer} is pure and may not use {top}")
    return found


def test_every_module_belongs_to_a_known_layer() -> None:
    unknown = {layer_of(p) for p in modules()} - set(ALLOWED)
    assert not unknown


def test_the_import_contract_holds() -> None:
    assert violations() == []


@pytest.mark.parametrize(
    ("layer", "source", "complaint"),
    [
        ("model", "from facilitate.store import journal\n", "model may not import"),
        ("model", "import os\n", "model is pure"),
        ("suggest", "import pathlib\n", "suggest is pure"),
        ("suggest", "from facilitate.store import journal\n", "suggest may not import"),
        ("store", "def f():\n    import rich\n", "store may not use rich"),
        ("ui", "from facilitate.store.journal import Session\n", "ui may not import"),
        ("app", "from facilitate.cli import main\n", "app may not import"),
        ("app", "import psycopg\n", "app may not use psycopg"),
        ("archive", "from facilitate.store import journal\n", "archive may not import"),
        ("cli", "from facilitate.archive import push\n", "cli may not import"),
        ("web", "from facilitate.store import journal\n", "web may not import"),
        ("app", "import segno\n", "only the web layer and cli/serve use segno"),
    ],
)
def test_the_contract_catches_a_wrong_import(layer: str, source: str, complaint: str) -> None:
    probe = PACKAGE / layer / "_layer_probe_contract.py"
    created_folder = not probe.parent.exists()
    probe.parent.mkdir(exist_ok=True)
    probe.write_text(source, encoding="utf-8")
    try:
        assert any(complaint in v for v in violations())
    finally:
        probe.unlink()
        if created_folder:
            probe.parent.rmdir()
