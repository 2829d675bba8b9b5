"""Make sessions/examples/: the Eslöv conference of 11 March 2014, run through facilitate.

The day as its documentation describes it (tests/data/eslov_2014_documentation.txt):
Storytelling & Harvesting with five stories and each group's key reflections, 35:an with
its priority list, lunch, a World Café with three questions whose ideas were grouped into
themes, and coffee. The session is made with the project's own commands: `sessions new`,
each method `run` at rehearsal speed, `timer --session`, and `sessions note` for the World
Café's ideas and the 35:an cards. Entries that need dimension values or a payload (a story's
reflections, the count-down's totals, the themes and their ideas) are appended through the
session store's own `append`, the call `sessions note` makes, because the command line has
no flags for them yet.

    python scripts/make_eslov_example.py            # rebuilds sessions/examples/
    python scripts/make_eslov_example.py --dir DIR  # somewhere else

The documentation gives the 35:an's order, not its points: the totals are illustrative.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eslov_content import (  # noqa: E402  (beside this script)
    CARDS,
    IDEAS,
    QUESTIONS,
    STORIES,
    THIRTY_FIVE_QUESTION,
)

from facilitate.app.methods import Methods  # noqa: E402
from facilitate.model.entry_check import EntryDraft, check_entry  # noqa: E402
from facilitate.model.entry_rules import step_rules  # noqa: E402
from facilitate.model.events import EntryAdded  # noqa: E402
from facilitate.model.params import params_from_json  # noqa: E402
from facilitate.store.journal import SessionStore  # noqa: E402

SPEED = "600"
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


def note(store: Path, session: str, text: str, step: str, kind: str) -> str:
    """Add an entry with `sessions note`; its id."""
    saved = facilitate(store, "sessions", "note", session, text, "--step", step, "--kind", kind,
                       "--author", NOTE_TAKER)  # fmt: skip
    found = re.search(r"\b([0-9a-f]{12})\b", saved)
    if found is None:
        raise SystemExit(f"no entry id in: {saved}")
    return found.group(1)


def append(store: Path, session: str, entry: EntryAdded) -> None:
    """Append an entry with dimension values or a payload through the session store, to the
    session's latest run, checked against its step's collect declaration first."""
    opened = SessionStore(store).open(session)
    run = opened.state().last_run
    assert run is not None and entry.step is not None
    method = Methods(ROOT, {}).get(run.method)
    assert method is not None, run.method
    rules = step_rules(method, entry.step, params_from_json(method, run.params))
    draft = EntryDraft(entry.kind, entry.text, entry.dims, entry.value, entry.round)
    checked = check_entry(draft, rules)  # raises InputError for anything that does not fit
    recorded = EntryAdded(entry.entry_id, checked.kind, checked.text, entry.step, entry.round,
                          checked.dims, checked.value, run.run_id)  # fmt: skip
    opened.append(recorded, author=NOTE_TAKER, role="note-taker")


def storytelling(store: Path, session: str) -> None:
    stories = "|".join(name for name, _, _ in STORIES)
    facilitate(
        store,
        "run",
        "storytelling-harvesting",
        "--session",
        session,
        "--speed",
        SPEED,
        "--quiet",
        "--param",
        f"stories={stories}",
        "--param",
        "story_minutes=22",
        "--param",
        "harvest_minutes=22",
    )
    for number, (_name, told, reflections) in enumerate(STORIES, start=1):
        story = {"story": str(number)}
        key = f"story{number}"
        append(store, session, EntryAdded(f"{key}-told", "note", told, "storytelling", dims=story))
        for n, text in enumerate(reflections, start=1):
            entry = EntryAdded(f"{key}-r{n}", "reflection", text, "reflections", dims=story)
            append(store, session, entry)


def thirty_five(store: Path, session: str) -> None:
    facilitate(
        store,
        "run",
        "35an",
        "--session",
        session,
        "--speed",
        SPEED,
        "--quiet",
        "--param",
        f"question={THIRTY_FIVE_QUESTION}",
    )
    for number, (text, total) in enumerate(CARDS, start=1):
        card = str(number)
        append(
            store,
            session,
            EntryAdded(
                f"card{card}", "card", text, "write", dims={"card": card}, value={"card": card}
            ),
        )
        fields = {"text": text, "total": str(total)}
        append(
            store,
            session,
            EntryAdded(
                f"countdown{card}",
                "entry",
                "",
                "countdown",
                dims={"card": card},
                value={"fields": fields},
            ),
        )


def world_cafe(store: Path, session: str) -> None:
    facilitate(
        store,
        "run",
        "world-cafe",
        "--session",
        session,
        "--speed",
        SPEED,
        "--quiet",
        "--param",
        f"questions={'|'.join(QUESTIONS)}",
        "--param",
        "tables=26",
    )
    for number, (theme, ideas) in enumerate(IDEAS, start=1):
        members = [note(store, session, idea, "harvest", "reflection") for idea in ideas]
        entry = EntryAdded(f"theme{number}", "theme", theme, "harvest", value={"items": members})
        append(store, session, entry)


def timer(store: Path, session: str, duration: str, title: str) -> None:
    facilitate(
        store,
        "timer",
        duration,
        "--title",
        title,
        "--session",
        session,
        "--speed",
        SPEED,
        "--quiet",
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
        "--json",
    )
    session = json.loads(created)["id"]
    storytelling(store, session)
    thirty_five(store, session)
    timer(store, session, "60m", "Lunch")
    world_cafe(store, session)
    timer(store, session, "15m", "Kaffe")
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
