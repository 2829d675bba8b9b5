"""Make sessions/examples/: the Eslöv conference of 11 March 2014, run through facilitate.

The day as its documentation describes it (tests/data/eslov_2014_documentation.txt), run as
the bundled plan `eslov-dag`: coffee, welcome, Storytelling & Harvesting with five stories,
35:an, lunch, a World Café with three questions, coffee and the closing. The session is made
with the project's own commands, `sessions new --plan` and `run eslov-dag` at rehearsal
speed (×600), and then holds what the documentation records: each story's key reflections,
the 35:an's priority list, and the World Café's ideas grouped into themes.

The command line cannot yet name the run an entry belongs to, nor give an entry its
dimensions (story, card) or a payload (a total, a theme's ideas), so the entries are
appended through the session store's own `append` (the call `sessions note` makes), each
checked first against its step's collect declaration as the application layer checks them.

    python scripts/make_eslov_example.py            # rebuilds sessions/examples/
    python scripts/make_eslov_example.py --dir DIR  # somewhere else

The documentation gives the 35:an's order, not its points: the totals are illustrative.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eslov_content import CARDS, IDEAS, STORIES  # noqa: E402  (beside this script)

from facilitate.app.methods import Methods  # noqa: E402
from facilitate.model.entry_check import EntryDraft, check_entry  # noqa: E402
from facilitate.model.entry_rules import step_rules  # noqa: E402
from facilitate.model.events import EntryAdded  # noqa: E402
from facilitate.model.params import params_from_json  # noqa: E402
from facilitate.model.session import Run  # noqa: E402
from facilitate.store.journal import Session, SessionStore  # noqa: E402

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


class Recorder:
    """Appends checked entries to the runs of one session."""

    def __init__(self, store: Path, session_id: str) -> None:
        self.session: Session = SessionStore(store).open(session_id)
        runs = self.session.state().runs
        self.runs: dict[str, Run] = {run.method: run for run in runs if not run.is_timer}
        self.methods = Methods(ROOT, {})

    def add(
        self,
        method_id: str,
        entry_id: str,
        kind: str,
        text: str,
        step: str,
        dims: dict[str, str] | None = None,
        value: dict[str, Any] | None = None,
    ) -> str:
        """Check the entry against its step's collect declaration, then append it to the run."""
        run = self.runs[method_id]
        method = self.methods.get(method_id)
        assert method is not None, method_id
        rules = step_rules(method, step, params_from_json(method, run.params))
        checked = check_entry(EntryDraft(kind, text, dims or {}, value), rules)
        entry = EntryAdded(
            entry_id,
            checked.kind,
            checked.text,
            step,
            None,
            checked.dims,
            checked.value,
            run.run_id,
        )
        self.session.append(entry, author=NOTE_TAKER, role="note-taker")
        return entry_id


def storytelling(record: Recorder) -> None:
    for number, (_name, told, reflections) in enumerate(STORIES, start=1):
        story = {"story": str(number)}
        key = f"story{number}"
        record.add("storytelling-harvesting", f"{key}-told", "note", told, "storytelling", story)
        for n, text in enumerate(reflections, start=1):
            record.add(
                "storytelling-harvesting", f"{key}-r{n}", "reflection", text, "reflections", story
            )


def thirty_five(record: Recorder) -> None:
    for number, (text, total) in enumerate(CARDS, start=1):
        card = str(number)
        record.add("35an", f"card{card}", "card", text, "write", {"card": card}, {"card": card})
        fields = {"fields": {"text": text, "total": str(total)}}
        record.add("35an", f"countdown{card}", "entry", "", "countdown", {"card": card}, fields)


def world_cafe(record: Recorder) -> None:
    for number, (theme, ideas) in enumerate(IDEAS, start=1):
        items = [
            record.add("world-cafe", f"idea{number}-{n}", "reflection", idea, "harvest")
            for n, idea in enumerate(ideas, start=1)
        ]
        record.add(
            "world-cafe", f"theme{number}", "theme", theme, "harvest", value={"items": items}
        )


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
    record = Recorder(store, session)
    storytelling(record)
    thirty_five(record)
    world_cafe(record)
    for lock in (store / session).glob("*.lock"):  # made by the runs; not part of the record
        lock.unlink()
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
