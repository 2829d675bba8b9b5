"""Messages about a session being run live elsewhere, and the pieces messages are built from."""

from __future__ import annotations

EN: dict[str, str] = {
    # Pieces: text already in words, and a field named before its problem.
    "msg.text": "{text}",
    "store.field_problem": "{field}: {problem}",
    # A session whose run holds the run lock now (another terminal, a web page).
    "live.status.live": "live",
    "live.status.live_at": "live (step {step})",
    "live.status.over": "{time} over",
    "live.label.live": "Run live in another terminal. Add notes:  facilitate sessions note {id} TEXT",
}

SV: dict[str, str] = {
    "msg.text": "{text}",
    "store.field_problem": "{field}: {problem}",
    "live.status.live": "körs live",
    "live.status.live_at": "körs live (steg {step})",
    "live.status.over": "{time} över",
    "live.label.live": "Körs live i en annan terminal. Anteckna:  facilitate sessions note {id} TEXT",
}
