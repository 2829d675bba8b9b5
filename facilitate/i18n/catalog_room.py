"""What the room sees during a live run: the key bar, the note line, phases, quitting;
and the method-file checks of timed phases and of what a step shows."""

EN = {
    # the key bar: a key and its word, the long word where it fits
    "room.bar.space": "space",
    "room.bar.pause": "pause",
    "room.bar.minute": "minute",
    "room.bar.minute_short": "min",
    "room.bar.next": "next",
    "room.bar.back": "back",
    "room.bar.restart": "restart",
    "room.bar.restart_short": "again",
    "room.bar.note": "note",
    "room.bar.note_short": "note",
    "room.bar.help": "help",
    "room.bar.help_short": "all keys",
    "room.bar.quit": "quit",
    "room.bar.quit_short": "quit",
    # the help
    "room.keys.quit": "quit (press q twice); the session is saved and can be resumed",
    "room.keys.interrupt": "stop at once; the session is saved",
    "room.keys.escape": "close a message; in a note: cancel the note",
    "room.keys.tab_key": "Tab, ←/→",
    "room.keys.tab": "in a note: choose {dims}",
    "room.keys.tab_none": "in a note: move the cursor",
    # quitting
    "room.quit.confirm": "Press q again to quit; the session is saved",
    "room.quit.confirm_unsaved": "Press q again to quit",
    "room.quit.kept": "Not quitting: the run goes on",
    # the note line
    "room.note.label": "Note",
    "room.note.paused": "(clock paused)",
    "room.note.unset": "–",
    "room.note.hint": "Enter save · Esc cancel",
    "room.note.hint_dims": "Enter save · Esc cancel · Tab {dims} · ←/→ choose",
    # phases
    "room.phase.banner": "{title} ({n}/{count})",
    "room.phase.then": "then: {title}",
    "room.phase.round_left": "round: {time} left",
    "room.phase.flash": "{title}: {time}",
    "room.plain.phase": "phase {n}/{count}: {title} ({time})",
    "room.opt.plain": (
        "Show the run as plain text lines, on a terminal too (for screen readers):"
        " announcements as lines, no animation, no colour"
    ),
    # method files
    "what.shown": "parameter or dimension",
    "what.phase": "phase",
    "v.show_kind": (
        "parameter {name!r} cannot be shown: the room sees text parameters (type text or texts)"
    ),
    "v.show_open_dimension": (
        "dimension {name!r} has no values to show (give it values or from_parameter)"
    ),
    "v.phases_until": "a step with until: HH:MM has no phases: give it minutes",
    "v.phases_few": "give at least {min} phases (one phase is the step itself)",
    "v.phase_needs_minutes": "every phase but the last needs minutes",
    "v.phase_last_minutes": (
        "the last phase takes what is left of the step's minutes: leave out its minutes"
    ),
    "v.phases_too_long": (
        "the phases before the last take up to {phases} min, but the step can be as short as"
        " {step} min: leave the last phase some time"
    ),
}

SV = {
    "room.bar.space": "mellanslag",
    "room.bar.pause": "paus",
    "room.bar.minute": "minut",
    "room.bar.minute_short": "min",
    "room.bar.next": "nästa",
    "room.bar.back": "bakåt",
    "room.bar.restart": "börja om",
    "room.bar.restart_short": "om",
    "room.bar.note": "anteckning",
    "room.bar.note_short": "notera",
    "room.bar.help": "hjälp",
    "room.bar.help_short": "alla",
    "room.bar.quit": "avsluta",
    "room.bar.quit_short": "sluta",
    "room.keys.quit": "avsluta (tryck q två gånger); sessionen sparas och kan fortsättas",
    "room.keys.interrupt": "stoppa direkt; sessionen sparas",
    "room.keys.escape": "stäng ett meddelande; i en anteckning: avbryt anteckningen",
    "room.keys.tab_key": "Tab, ←/→",
    "room.keys.tab": "i en anteckning: välj {dims}",
    "room.keys.tab_none": "i en anteckning: flytta markören",
    "room.quit.confirm": "Tryck q igen för att avsluta; sessionen sparas",
    "room.quit.confirm_unsaved": "Tryck q igen för att avsluta",
    "room.quit.kept": "Avslutar inte: körningen fortsätter",
    "room.note.label": "Anteckning",
    "room.note.paused": "(klockan pausad)",
    "room.note.unset": "–",
    "room.note.hint": "Enter sparar · Esc avbryter",
    "room.note.hint_dims": "Enter sparar · Esc avbryter · Tab {dims} · ←/→ väljer",
    "room.phase.banner": "{title} ({n}/{count})",
    "room.phase.then": "sedan: {title}",
    "room.phase.round_left": "rundan: {time} kvar",
    "room.phase.flash": "{title}: {time}",
    "room.plain.phase": "fas {n}/{count}: {title} ({time})",
    "room.opt.plain": (
        "Visa körningen som vanliga textrader, även i en terminal (för skärmläsare):"
        " meddelanden som rader, ingen animering, inga färger"
    ),
    "what.shown": "parameter eller dimension",
    "what.phase": "fas",
    "v.show_kind": (
        "parametern {name!r} kan inte visas: rummet ser textparametrar (typ text eller texts)"
    ),
    "v.show_open_dimension": (
        "dimensionen {name!r} har inga värden att visa (ge den values eller from_parameter)"
    ),
    "v.phases_until": "ett steg med until: TT:MM har inga faser: ge det minutes",
    "v.phases_few": "ge minst {min} faser (en fas är steget självt)",
    "v.phase_needs_minutes": "varje fas utom den sista behöver minutes",
    "v.phase_last_minutes": (
        "den sista fasen tar det som är kvar av stegets minuter: utelämna dess minutes"
    ),
    "v.phases_too_long": (
        "faserna före den sista tar upp till {phases} min, men steget kan vara så kort som"
        " {step} min: lämna tid åt den sista fasen"
    ),
}
