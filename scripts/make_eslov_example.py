"""Make sessions/examples/: the Eslöv conference of 11 March 2014, run through facilitate.

The day as its documentation describes it (tests/data/eslov_2014_documentation.txt), run as
the bundled plan `eslov-dag`: coffee, welcome, Storytelling & Harvesting with five stories,
35:an, lunch, a World Café with three questions, coffee and the closing. Everything is done
with the project's own commands, as a coordinator would type them:

* `sessions new --plan eslov-dag`, then `run eslov-dag` at rehearsal speed (×600);
* `note --step storytelling -d story=N` for what each story was about, and `import` of a
  CSV (`story,text`) for each group's key reflections;
* `import` of the 35:an's cards (`card,text`) and `note --step countdown --field` for the
  totals read out in the count-down;
* `import` of the World Café's ideas (a text file, one per line) and `themes --from` a YAML
  file grouping them under the documentation's themes.

    python scripts/make_eslov_example.py            # rebuilds sessions/examples/
    python scripts/make_eslov_example.py --dir DIR  # somewhere else

The documentation gives the 35:an's order, not its points: the totals are illustrative.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from eslov_content import CARDS, IDEAS, STORIES  # beside this script

ROOT = Path(__file__).resolve().parent.parent

SPEED = "600"
PLAN = "eslov-dag"
NOTE_TAKER = "Dokumentatör"
FACILITATOR = "Processledare"


def facilitate(store: Path, *args: str) -> str:
    """Run ``facilitate --sessions-dir STORE ARGS`` in Swedish; its standard output."""
    env = {**os.environ, "FACILITATE_LANG": "sv", "FACILITATE_AUTHOR": FACILITATOR}
    command = [sys.executable, "-m", "facilitate", "--sessions-dir", str(store), *args]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{done.stderr}")
    return done.stdout


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def storytelling(store: Path, session: str, files: Path) -> None:
    rows = []
    for number, (_name, told, reflections) in enumerate(STORIES, start=1):
        facilitate(
            store,
            "note",
            session,
            told,
            "--step",
            "storytelling",
            "-d",
            f"story={number}",
            "--author",
            NOTE_TAKER,
        )
        rows += [[str(number), text] for text in reflections]
    table = write_csv(files / "reflektioner.csv", ["story", "text"], rows)
    facilitate(
        store, "import", session, str(table), "--step", "reflections", "--author", NOTE_TAKER
    )


def thirty_five(store: Path, session: str, files: Path) -> None:
    rows = [[str(n), text] for n, (text, _) in enumerate(CARDS, start=1)]
    cards = write_csv(files / "kort.csv", ["card", "text"], rows)
    facilitate(store, "import", session, str(cards), "--step", "write", "--author", NOTE_TAKER)
    for number, (text, total) in enumerate(CARDS, start=1):
        facilitate(
            store,
            "note",
            session,
            "--step",
            "countdown",
            "-d",
            f"card={number}",
            "--field",
            f"text={text}",
            "--field",
            f"total={total}",
            "--author",
            NOTE_TAKER,
        )


def world_cafe(store: Path, session: str, files: Path) -> None:
    ideas = files / "ideer.txt"
    ideas.write_text("".join(f"{idea}\n" for _, group in IDEAS for idea in group), "utf-8")
    facilitate(
        store,
        "import",
        session,
        str(ideas),
        "--step",
        "harvest",
        "--kind",
        "reflection",
        "--author",
        NOTE_TAKER,
    )
    themes = files / "teman.yaml"
    themes.write_text(
        "".join(
            f"{json.dumps(name, ensure_ascii=False)}:\n"
            + "".join(f"  - {json.dumps(idea, ensure_ascii=False)}\n" for idea in group)
            for name, group in IDEAS
        ),
        encoding="utf-8",
    )
    facilitate(store, "themes", session, "--from", str(themes), "--author", FACILITATOR)


def make(store: Path) -> str:
    """A new store at ``store`` holding the Eslöv day; the session's id."""
    shutil.rmtree(store, ignore_errors=True)
    store.mkdir(parents=True)
    created = facilitate(
        store,
        "sessions",
        "new",
        "--title",
        "Kommunalt och idéburet medskapande",
        "--date",
        "2014-03-11",
        "--place",
        "Eslövs medborgarhus, Eslöv",
        "--language",
        "sv",
        "--plan",
        PLAN,
        "--json",
    )
    session = json.loads(created)["id"]
    facilitate(store, "run", PLAN, "--session", session, "--speed", SPEED, "--quiet")
    with tempfile.TemporaryDirectory() as folder:
        for part in (storytelling, thirty_five, world_cafe):
            part(store, session, Path(folder))
    for cache in ("*.lock", "summary.json"):  # locks and the listing's cache: not the record
        for path in (store / session).glob(cache):
            path.unlink()
    return session


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=ROOT / "sessions" / "examples")
    args = parser.parse_args()
    readme = args.dir / "README.md"
    kept = readme.read_text(encoding="utf-8") if readme.is_file() else None
    session = make(args.dir)
    if kept is not None:
        readme.write_text(kept, encoding="utf-8")
    print(f"made {args.dir / session}")


if __name__ == "__main__":
    main()
