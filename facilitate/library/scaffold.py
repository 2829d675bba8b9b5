"""A commented, valid method file to start from (`facilitate methods new ID`)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from facilitate.errors import MessageLike, UsageError
from facilitate.i18n.messages import Message, message
from facilitate.library.files import file_kind
from facilitate.model.method import ID_PATTERN

TEMPLATE = """\
# A facilitate method. Validate it with:  facilitate methods validate {path}
# Every text can be written as {{sv: ..., en: ...}} or as one plain string for both languages.
# Editors with YAML support can check this file against:  facilitate methods schema
schema_version: 1
id: {id}
name: {{sv: "Min metod", en: "My method"}}
summary:
  sv: "En mening om vad metoden är."
  en: "One sentence on what the method is."
purpose:
  sv: "Vad gruppen får ut av den."
  en: "What the group gets out of it."
group_size: {{min: 4, max: 40}}
roles:
  - id: host
    name: {{sv: Processledare, en: Facilitator}}
    task: {{sv: "Håller tiden och ramen.", en: "Keeps time and frames the work."}}
  - id: note_taker
    name: {{sv: Dokumentatör, en: Note-taker}}
materials:
  - {{sv: Post-it-lappar och pennor, en: Sticky notes and pens}}
parameters:
  rounds:
    type: integer
    label: {{sv: Antal rundor, en: Number of rounds}}
    default: 2
    min: 1
    max: 10
  round_minutes:
    type: minutes
    label: {{sv: Minuter per runda, en: Minutes per round}}
    default: 10
warnings: [2m, 30s]          # warnings before the end of each step
steps:
  - id: intro
    title: {{sv: Inledning, en: Introduction}}
    instructions:
      sv: "Berätta syftet och hur övningen går till."
      en: "Explain the purpose and how the exercise works."
    minutes: 5
    roles: [host]
  - id: round
    title: {{sv: Runda, en: Round}}
    instructions:
      sv: "Samtala i små grupper. Dokumentatören skriver ner det viktigaste."
      en: "Talk in small groups. The note-taker writes down what matters most."
    minutes: round_minutes   # a number, or the name of a parameter
    repeat: rounds
    roles: [note_taker]
    collect:
      - kind: note
        along: [round]
        prompt: {{sv: "Vad var viktigast?", en: "What mattered most?"}}
  - id: harvest
    title: {{sv: Skörd, en: Harvest}}
    instructions:
      sv: "Varje grupp delar en insikt. Gruppera dem i teman."
      en: "Each group shares one insight. Group them into themes."
    minutes: 10
    collect:
      - kind: theme
        links: note
"""


def scaffold_method(method_id: str) -> str:
    """The text of a new, valid method file with id ``method_id``."""
    if not re.match(ID_PATTERN, method_id):
        raise UsageError(message("methods.new.bad_id", id=method_id))
    return TEMPLATE.format(id=method_id, path=f"methods/{method_id}.yaml")


def write_method_file(target: Path, text: str, *, force: bool, shown: str) -> None:
    """Write a new method file at ``target`` (``shown`` is how messages name it).

    Without ``force`` an existing file is never replaced (the file is created exclusively,
    so not even one that appears meanwhile). Any failure to write (a folder that cannot be
    made, no permission, a full disk) is one UsageError line.
    """
    try:
        if force and (target.exists() or target.is_symlink()) and not target.is_file():
            mode = os.stat(target).st_mode  # (a stat: never block on a pipe)
            raise UsageError(_cannot_write(shown, message(f"lib.kind.{file_kind(mode)}")))
        if not target.parent.is_dir():
            target.parent.mkdir(parents=True)
        with open(target, "w" if force else "x", encoding="utf-8") as file:
            file.write(text)
    except FileExistsError as error:
        if error.filename != str(target):  # a file where a folder was to be made
            reason = message("methods.new.not_a_folder", path=error.filename)
            raise UsageError(_cannot_write(shown, reason)) from None
        raise UsageError(message("methods.new.exists", path=shown)) from None
    except OSError as error:
        raise UsageError(_cannot_write(shown, error.strerror or str(error))) from None


def _cannot_write(shown: str, reason: MessageLike) -> Message:
    return message("methods.new.cannot_write", path=shown, error=reason)
