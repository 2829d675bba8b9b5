"""Interface messages for the sessions area, in English and Swedish."""

EN: dict[str, str] = {
    # command group and commands
    "sessions.help": (
        "Session records: create sessions, list and show them, read their history, add notes,"
        " resume, archive and delete."
    ),
    "sessions.example": (
        'Examples:  facilitate sessions new --title "Eslöv: samverkan"   ·'
        "   facilitate sessions list   ·   facilitate sessions show ID"
    ),
    "sessions.new.help": (
        "Create a session record: title, date, place, language, method or plan, facilitators."
        " Asks for them in a terminal when --title is not given."
    ),
    "sessions.new.example": (
        'Examples:  facilitate sessions new   ·   facilitate sessions new --title "Eslöv:'
        ' samverkan" --date 2026-11-22 --place Eslöv --method world-cafe --facilitator Anna'
    ),
    "sessions.list.help": (
        "List the sessions: id, title, date, method or plan, entries and status (archived ones"
        " only with --all)."
    ),
    "sessions.list.example": "Examples:  facilitate sessions list   ·   facilitate sessions list --all --json",
    "sessions.show.help": (
        "Show a session: the steps run with planned and actual times, and the entries by kind."
    ),
    "sessions.show.example": (
        "Examples:  facilitate sessions show 2026-11-22-eslov-samverkan   ·"
        "   facilitate sessions show 2026-11-22-eslov-samverkan --json"
    ),
    "sessions.history.help": (
        "Show a session's journal, event by event: every step, pause, note, edit and deletion."
    ),
    "sessions.history.example": "Example:  facilitate sessions history 2026-11-22-eslov-samverkan",
    "sessions.archive.help": "Archive a session: it is kept, but hidden from 'sessions list'.",
    "sessions.archive.example": "Example:  facilitate sessions archive 2026-11-22-eslov-samverkan",
    "sessions.delete.help": "Delete a session and its journal for good (asks first).",
    "sessions.delete.example": (
        "Examples:  facilitate sessions delete 2026-11-22-test   ·"
        "   facilitate sessions delete 2026-11-22-test --yes"
    ),
    "sessions.resume.help": "Continue a stopped or interrupted run where it stopped.",
    "sessions.resume.example": "Example:  facilitate sessions resume 2026-11-22-eslov-samverkan",
    "sessions.edit.help": "Change the text of an entry (the old text stays in the journal).",
    "sessions.edit.example": (
        'Example:  facilitate sessions edit-entry 2026-11-22-eslov-samverkan 3f2a "New text"'
    ),
    "sessions.remove.help": (
        "Delete an entry: it disappears from results and exports but stays in the journal."
    ),
    "sessions.remove.example": (
        'Example:  facilitate sessions delete-entry 2026-11-22-eslov-samverkan 3f2a --reason "duplicate"'
    ),
    # arguments and options
    "sessions.arg.id": "The session's id (see: facilitate sessions list).",
    "sessions.arg.new_text": "The new text.",
    "sessions.arg.entry": "The entry's id, or its first characters (see: facilitate sessions show).",
    "sessions.opt.title": "The session's title.",
    "sessions.opt.date": "The date, yyyy-mm-dd (default: today).",
    "sessions.opt.place": "Where the session takes place.",
    "sessions.opt.language": "The language the session is held in, sv or en; its records and exports use it (default: the interface language).",
    "sessions.opt.method": "The method the session runs (see: facilitate methods list).",
    "sessions.opt.plan": "The plan the session follows.",
    "sessions.opt.facilitator": "A facilitator's name (repeat for several).",
    "sessions.opt.json": "Print JSON for scripts.",
    "sessions.opt.all": "Also list archived sessions.",
    "sessions.opt.yes": "Do not ask for confirmation (for scripts).",
    "sessions.opt.quiet": "No terminal bell at warnings and at the end (the colours still change).",
    "sessions.opt.auto_advance": "Go on to the next step by itself when a step's time is up.",
    "sessions.opt.speed": "Rehearsal speed: 60 makes a minute pass in a second.",
    "sessions.opt.warn": 'Warn at these times before the end, e.g. 2m,30s ("none": no warnings).',
    "sessions.opt.reason": "Why the entry is deleted (kept in the journal).",
    # prompts of `sessions new`
    "sessions.ask.title": "Title of the session:",
    "sessions.ask.date": "Date (yyyy-mm-dd):",
    "sessions.ask.place": "Place (optional):",
    "sessions.ask.language": "Language of the session (sv or en):",
    "sessions.ask.method": "Method id (optional, see: facilitate methods list):",
    "sessions.ask.facilitators": "Facilitators (comma-separated, optional):",
    "sessions.ask.required": "Please enter a title.",
    # results
    "sessions.created": "Created session {id}",
    "sessions.created_in": "in {path}",
    "sessions.created_next": 'Add a note:  facilitate sessions note {id} "..."',
    "sessions.none": "No sessions in {root}. Create one: facilitate sessions new",
    "sessions.none_active": "No active sessions in {root} ({archived} archived: facilitate sessions list --all).",
    "sessions.hidden_archived": "Archived sessions not shown: {count} (see: facilitate sessions list --all).",
    "sessions.archived": "Archived {id}. It is kept in {path}.",
    "sessions.already_archived": "{id} was already archived.",
    "sessions.deleted": "Deleted {id}.",
    "sessions.delete.confirm": "Delete session {id} ({title}) with {entries} entries and {events} events? This cannot be undone.",
    "sessions.delete.confirm_damaged": "Delete the damaged session {id}? This cannot be undone.",
    "sessions.not_deleted": "Nothing was deleted.",
    "sessions.saved": "saved: {kind} {entry} (#{seq}) in {id}",
    "sessions.saved_edit": "saved: entry {entry} changed (#{seq})",
    "sessions.saved_delete": "saved: entry {entry} deleted (#{seq}); it stays in the journal",
    "sessions.warning": "warning: {message}",
    # columns and labels
    "sessions.col.id": "Id",
    "sessions.col.title": "title",
    "sessions.col.date": "Date",
    "sessions.col.method": "method/plan",
    "sessions.col.entries": "Entries",
    "sessions.col.status": "Status",
    "sessions.col.index": "#",
    "sessions.col.step": "Step",
    "sessions.col.planned": "Planned",
    "sessions.col.actual": "Actual",
    "sessions.col.outcome": "Outcome",
    "sessions.col.started": "Started",
    "sessions.col.text": "Text",
    "sessions.col.by": "By",
    "sessions.col.time": "Time",
    "sessions.label.date": "Date",
    "sessions.label.place": "Place",
    "sessions.label.language": "Language",
    "sessions.label.method": "Method",
    "sessions.label.plan": "Plan",
    "sessions.label.facilitators": "Facilitators",
    "sessions.label.status": "Status",
    "sessions.label.runs": "Runs ({count})",
    "sessions.label.run": "Run {number}: {name}",
    "sessions.label.run_started": "started {time}",
    "sessions.label.run_speed": "speed ×{speed}",
    "sessions.label.entries": "Entries ({count})",
    "sessions.label.no_steps": "No steps run yet.",
    "sessions.label.no_runs": "Nothing has been run yet.",
    "sessions.label.no_entries": "No entries yet.",
    "sessions.label.deleted": "Deleted entries, kept in the journal: {count} (see: facilitate sessions history {id}).",
    "sessions.label.resume": "Continue:  facilitate sessions resume {id}",
    "sessions.label.total": "Total",
    "sessions.label.edited": "edited",
    "sessions.label.no_events": "The journal is empty.",
    # statuses
    "sessions.status.not_started": "not started",
    "sessions.status.running": "running",
    "sessions.status.running_at": "running (step {step})",
    "sessions.status.stopped": "stopped",
    "sessions.status.stopped_at": "stopped at step {step}",
    "sessions.status.finished": "finished",
    "sessions.status.archived": "archived",
    "sessions.status.cut_off": "cut off (never ended)",
    "sessions.status.damaged": "damaged",
    "sessions.status.left": "{time} left",
    "sessions.status.paused": "paused",
    "sessions.outcome.completed": "completed",
    "sessions.outcome.skipped": "skipped",
    "sessions.outcome.back": "went back",
    "sessions.outcome.stopped": "stopped",
    "sessions.outcome.running": "running",
    "sessions.outcome.cut_off": "interrupted",
    "sessions.outcome.resumed": "resumed ×{count}",
    "sessions.outcome.adjusted": "{delta} adjusted",
    "sessions.outcome.paused": "paused {time}",
    # runs, entry kinds and languages
    "sessions.run.timer": "Timer: {title} {length}",
    "sessions.run.timer_untitled": "Timer {length}",
    "sessions.run.until": "until {until}",
    "sessions.run.timer_short": "timer",
    "sessions.kind.note": "note",
    "sessions.kind.reflection": "reflection",
    "sessions.kind.card": "card",
    "sessions.kind.idea": "idea",
    "sessions.kind.question": "question",
    "sessions.kind.story": "story",
    "sessions.kind.pair_split": "pair score",
    "sessions.kind.rating": "rating",
    "sessions.kind.dot": "dot",
    "sessions.kind.dots": "dots",
    "sessions.kind.theme": "theme",
    "sessions.kind.entry": "entry",
    "sessions.role.facilitator": "facilitator",
    "sessions.role.note-taker": "note-taker",
    "sessions.language.sv": "Swedish (sv)",
    "sessions.language.en": "English (en)",
    # history lines
    "sessions.ev.run_started": "run started: {method} ({segments} steps{speed})",
    "sessions.ev.speed": ", speed ×{speed}",
    "sessions.ev.timer_started": "run started: {timer}{speed}",
    "sessions.ev.step_started": "step {number} started: {step} (planned {planned})",
    "sessions.ev.step_resumed": "step {number} started: {step} ({remaining} left)",
    "sessions.ev.step_until": "step {number} started: {step} (until {until})",
    "sessions.ev.timer_paused": "paused ({remaining} left)",
    "sessions.ev.timer_resumed": "resumed after {paused} ({remaining} left)",
    "sessions.ev.timer_adjusted": "time {delta} ({remaining} left)",
    "sessions.ev.step_restarted": "step {number} restarted ({remaining} left)",
    "sessions.ev.step_ended": "step {number} {outcome} after {elapsed}",
    "sessions.ev.clock_resynced": "clock resynced after a jump of {jump} ({remaining} left)",
    "sessions.ev.run_stopped": "run stopped at step {number} ({reason}, {remaining} left{paused})",
    "sessions.ev.run_finished": "run finished",
    "sessions.ev.paused_flag": ", paused",
    "sessions.ev.entry_added": "{kind} added [{entry}]{where}: {text}",
    "sessions.ev.entry_edited": "entry edited [{entry}]: {text}",
    "sessions.ev.entry_deleted": "entry deleted [{entry}]{reason}",
    "sessions.ev.other": "{type}: {data}",
    "sessions.stop.quit": "quit",
    "sessions.stop.interrupted": "interrupted",
    "sessions.stop.finished": "finished",
    # errors and warnings
    "sessions.err.bad_id": (
        "invalid session id {id!r}: use lower-case letters, digits and dashes,"
        " e.g. 2026-11-22-eslov-samverkan"
    ),
    "sessions.err.not_found": "no session {id!r} in {root}",
    "sessions.err.did_you_mean": " (did you mean {id!r}?)",
    "sessions.err.gone": "session {id!r} no longer exists (deleted?)",
    "sessions.err.delete_running": "session {id} is being run in another terminal: quit that run (q) before deleting the session",
    "sessions.err.too_many": "too many sessions called {id!r}: choose another title",
    "sessions.err.method_and_plan": "give either --method or --plan, not both",
    "sessions.err.title_needed": (
        "--title is needed when not in a terminal,"
        ' e.g. facilitate sessions new --title "Eslöv: samverkan"'
    ),
    "sessions.err.yes_needed": "deleting needs confirmation: run in a terminal, or add --yes",
    "sessions.err.root_not_folder": (
        "{root} is a file, not a folder: give the sessions folder with --sessions-dir"
        " or FACILITATE_SESSIONS"
    ),
    "sessions.err.bad_language": (
        "unsupported language {got!r}: a session is held in sv (Swedish) or en (English)"
    ),
    "sessions.err.unknown_step": "unknown step {step!r}{hint}; this session's steps: {steps}",
    "sessions.err.empty_text": "the text is empty",
    "sessions.err.bad_kind": "invalid kind {kind!r}: use lower-case letters, digits, - and _",
    "sessions.err.no_entry": "no entry {entry!r} in {id} (see: facilitate sessions show {id})",
    "sessions.err.ambiguous_entry": "{entry!r} matches several entries: {matches}; give more characters",
    "sessions.err.bad_speed": "--speed must be more than 0",
    "sessions.warn.damaged": (
        "session {id} is damaged ({problem}); remove it with: facilitate sessions delete {id} --yes"
    ),
    # session header fields
    "sessions.field.id": "id",
    "sessions.field.title": "title",
    "sessions.field.date": "date",
    "sessions.field.place": "place",
    "sessions.field.language": "language",
    "sessions.field.method": "method",
    "sessions.field.plan": "plan",
    "sessions.field.facilitators": "facilitators",
    "sessions.field.schema_version": "schema_version",
    "sessions.field.created_at": "created_at",
    "sessions.field.status": "status",
    "sessions.header.no_file": "the file is missing",
    "sessions.header.not_json": "not valid JSON",
    "sessions.header.not_object": "expected a JSON object with the session's fields",
    "sessions.header.unknown_field": "unknown field",
    "sessions.header.missing": "missing required field",
    "sessions.header.text": "expected text",
    "sessions.header.id": "expected an id such as 'world-cafe', got {got!r}",
    "sessions.header.title_empty": "the title is empty",
    "sessions.header.title_long": "the title is longer than {limit} characters",
    "sessions.header.date": "expected a date yyyy-mm-dd, got {got!r}",
    "sessions.header.language": "expected a language code such as sv or en, got {got!r}",
    "sessions.header.names": "expected a list of names",
    "sessions.header.integer": "expected a whole number",
    "sessions.header.status": "expected 'active' or 'archived', got {got!r}",
    # the journal on disk
    "journal.err.newer": (
        "{file}: written by a newer version of facilitate (journal version {version});"
        " upgrade to read it"
    ),
    "journal.err.unknown_type": (
        "{file}:{line}: unknown event type {type!r}: written by a newer version of"
        " facilitate? upgrade to read it"
    ),
    "journal.err.locked": (
        "session {id} stayed locked by another program for 30 seconds; nothing was saved, try again"
    ),
    "journal.err.write": "could not save to {file}: {detail}; nothing was saved",
    "journal.err.disk": "{file}: {detail}",
    "journal.err.not_json": "event {type} cannot be saved: {detail}",
    "journal.err.unregistered": "event {type} is not a known event type",
    "journal.warn.torn": (
        "{file}:{line}: an unfinished last line (a write cut short, never saved) was skipped"
    ),
    "journal.warn.torn_moved": (
        "{file}: an unfinished last line (a write cut short, never saved) was moved to journal.torn"
    ),
    "journal.warn.bad_line": "{file}:{line}: not a readable record, skipped",
    "journal.warn.bad_field": "{file}:{line}: field {field!r} is missing or invalid, record skipped",
    "journal.warn.seq_order": "{file}:{line}: sequence number {seq} is out of order",
}

SV: dict[str, str] = {
    # command group and commands
    "sessions.help": (
        "Sessionsprotokoll: skapa sessioner, lista och visa dem, läs deras historik, lägg till"
        " anteckningar, återuppta, arkivera och ta bort."
    ),
    "sessions.example": (
        'Exempel:  facilitate sessions new --title "Eslöv: samverkan"   ·'
        "   facilitate sessions list   ·   facilitate sessions show ID"
    ),
    "sessions.new.help": (
        "Skapa ett sessionsprotokoll: titel, datum, plats, språk, metod eller plan,"
        " processledare. Frågar efter dem i en terminal när --title inte anges."
    ),
    "sessions.new.example": (
        'Exempel:  facilitate sessions new   ·   facilitate sessions new --title "Eslöv:'
        ' samverkan" --date 2026-11-22 --place Eslöv --method world-cafe --facilitator Anna'
    ),
    "sessions.list.help": (
        "Lista sessionerna: id, titel, datum, metod eller plan, poster och status (arkiverade"
        " bara med --all)."
    ),
    "sessions.list.example": "Exempel:  facilitate sessions list   ·   facilitate sessions list --all --json",
    "sessions.show.help": (
        "Visa en session: stegen som körts med planerad och faktisk tid, och posterna per sort."
    ),
    "sessions.show.example": (
        "Exempel:  facilitate sessions show 2026-11-22-eslov-samverkan   ·"
        "   facilitate sessions show 2026-11-22-eslov-samverkan --json"
    ),
    "sessions.history.help": (
        "Visa en sessions journal, händelse för händelse: varje steg, paus, anteckning,"
        " ändring och borttagning."
    ),
    "sessions.history.example": "Exempel:  facilitate sessions history 2026-11-22-eslov-samverkan",
    "sessions.archive.help": "Arkivera en session: den sparas men visas inte i 'sessions list'.",
    "sessions.archive.example": "Exempel:  facilitate sessions archive 2026-11-22-eslov-samverkan",
    "sessions.delete.help": "Ta bort en session och dess journal för gott (frågar först).",
    "sessions.delete.example": (
        "Exempel:  facilitate sessions delete 2026-11-22-test   ·"
        "   facilitate sessions delete 2026-11-22-test --yes"
    ),
    "sessions.resume.help": "Fortsätt en stoppad eller avbruten körning där den stannade.",
    "sessions.resume.example": "Exempel:  facilitate sessions resume 2026-11-22-eslov-samverkan",
    "sessions.edit.help": "Ändra texten i en post (den gamla texten finns kvar i journalen).",
    "sessions.edit.example": (
        'Exempel:  facilitate sessions edit-entry 2026-11-22-eslov-samverkan 3f2a "Ny text"'
    ),
    "sessions.remove.help": (
        "Ta bort en post: den försvinner ur resultat och exporter men finns kvar i journalen."
    ),
    "sessions.remove.example": (
        'Exempel:  facilitate sessions delete-entry 2026-11-22-eslov-samverkan 3f2a --reason "dubblett"'
    ),
    # arguments and options
    "sessions.arg.id": "Sessionens id (se: facilitate sessions list).",
    "sessions.arg.new_text": "Den nya texten.",
    "sessions.arg.entry": "Postens id, eller dess första tecken (se: facilitate sessions show).",
    "sessions.opt.title": "Sessionens titel.",
    "sessions.opt.date": "Datum, åååå-mm-dd (standard: i dag).",
    "sessions.opt.place": "Var sessionen hålls.",
    "sessions.opt.language": "Språket sessionen hålls på, sv eller en; protokoll och exporter använder det (standard: gränssnittets språk).",
    "sessions.opt.method": "Metoden som sessionen kör (se: facilitate methods list).",
    "sessions.opt.plan": "Planen som sessionen följer.",
    "sessions.opt.facilitator": "En processledares namn (upprepa för flera).",
    "sessions.opt.json": "Skriv ut JSON för skript.",
    "sessions.opt.all": "Lista även arkiverade sessioner.",
    "sessions.opt.yes": "Fråga inte om bekräftelse (för skript).",
    "sessions.opt.quiet": "Ingen ljudsignal vid varningar och vid slutet (färgerna ändras ändå).",
    "sessions.opt.auto_advance": "Gå vidare till nästa steg av sig själv när ett stegs tid är slut.",
    "sessions.opt.speed": "Repetitionshastighet: 60 låter en minut gå på en sekund.",
    "sessions.opt.warn": 'Varna så här långt före slutet, t.ex. 2m,30s ("none": inga varningar).',
    "sessions.opt.reason": "Varför posten tas bort (sparas i journalen).",
    # prompts of `sessions new`
    "sessions.ask.title": "Sessionens titel:",
    "sessions.ask.date": "Datum (åååå-mm-dd):",
    "sessions.ask.place": "Plats (valfritt):",
    "sessions.ask.language": "Sessionens språk (sv eller en):",
    "sessions.ask.method": "Metodens id (valfritt, se: facilitate methods list):",
    "sessions.ask.facilitators": "Processledare (kommaseparerade, valfritt):",
    "sessions.ask.required": "Skriv en titel.",
    # results
    "sessions.created": "Skapade sessionen {id}",
    "sessions.created_in": "i {path}",
    "sessions.created_next": 'Lägg till en anteckning:  facilitate sessions note {id} "..."',
    "sessions.none": "Inga sessioner i {root}. Skapa en: facilitate sessions new",
    "sessions.none_active": "Inga aktiva sessioner i {root} ({archived} arkiverade: facilitate sessions list --all).",
    "sessions.hidden_archived": "Arkiverade sessioner som inte visas: {count} (se: facilitate sessions list --all).",
    "sessions.archived": "Arkiverade {id}. Den finns kvar i {path}.",
    "sessions.already_archived": "{id} var redan arkiverad.",
    "sessions.deleted": "Tog bort {id}.",
    "sessions.delete.confirm": "Ta bort sessionen {id} ({title}) med {entries} poster och {events} händelser? Det går inte att ångra.",
    "sessions.delete.confirm_damaged": "Ta bort den skadade sessionen {id}? Det går inte att ångra.",
    "sessions.not_deleted": "Inget togs bort.",
    "sessions.saved": "sparat: {kind} {entry} (#{seq}) i {id}",
    "sessions.saved_edit": "sparad: posten {entry} ändrad (#{seq})",
    "sessions.saved_delete": "sparad: posten {entry} borttagen (#{seq}); den finns kvar i journalen",
    "sessions.warning": "varning: {message}",
    # columns and labels
    "sessions.col.id": "Id",
    "sessions.col.title": "titel",
    "sessions.col.date": "Datum",
    "sessions.col.method": "metod/plan",
    "sessions.col.entries": "Poster",
    "sessions.col.status": "Status",
    "sessions.col.index": "#",
    "sessions.col.step": "Steg",
    "sessions.col.planned": "Planerat",
    "sessions.col.actual": "Faktiskt",
    "sessions.col.outcome": "Utfall",
    "sessions.col.started": "Start",
    "sessions.col.text": "Text",
    "sessions.col.by": "Av",
    "sessions.col.time": "Tid",
    "sessions.label.date": "Datum",
    "sessions.label.place": "Plats",
    "sessions.label.language": "Språk",
    "sessions.label.method": "Metod",
    "sessions.label.plan": "Plan",
    "sessions.label.facilitators": "Processledare",
    "sessions.label.status": "Status",
    "sessions.label.runs": "Körningar ({count})",
    "sessions.label.run": "Körning {number}: {name}",
    "sessions.label.run_started": "startade {time}",
    "sessions.label.run_speed": "hastighet ×{speed}",
    "sessions.label.entries": "Poster ({count})",
    "sessions.label.no_steps": "Inga steg har körts än.",
    "sessions.label.no_runs": "Inget har körts än.",
    "sessions.label.no_entries": "Inga poster än.",
    "sessions.label.deleted": "Borttagna poster, kvar i journalen: {count} (se: facilitate sessions history {id}).",
    "sessions.label.resume": "Fortsätt:  facilitate sessions resume {id}",
    "sessions.label.total": "Totalt",
    "sessions.label.edited": "ändrad",
    "sessions.label.no_events": "Journalen är tom.",
    # statuses
    "sessions.status.not_started": "ej startad",
    "sessions.status.running": "pågår",
    "sessions.status.running_at": "pågår (steg {step})",
    "sessions.status.stopped": "stoppad",
    "sessions.status.stopped_at": "stoppad vid steg {step}",
    "sessions.status.finished": "avslutad",
    "sessions.status.archived": "arkiverad",
    "sessions.status.cut_off": "avbruten (avslutades aldrig)",
    "sessions.status.damaged": "skadad",
    "sessions.status.left": "{time} kvar",
    "sessions.status.paused": "pausad",
    "sessions.outcome.completed": "klart",
    "sessions.outcome.skipped": "hoppades över",
    "sessions.outcome.back": "gick tillbaka",
    "sessions.outcome.stopped": "stoppad",
    "sessions.outcome.running": "pågår",
    "sessions.outcome.cut_off": "avbrutet",
    "sessions.outcome.resumed": "återupptaget ×{count}",
    "sessions.outcome.adjusted": "{delta} justerat",
    "sessions.outcome.paused": "pausat {time}",
    # runs, entry kinds and languages
    "sessions.run.timer": "Timer: {title} {length}",
    "sessions.run.timer_untitled": "Timer {length}",
    "sessions.run.until": "till {until}",
    "sessions.run.timer_short": "timer",
    "sessions.kind.note": "anteckning",
    "sessions.kind.reflection": "reflektion",
    "sessions.kind.card": "kort",
    "sessions.kind.idea": "idé",
    "sessions.kind.question": "fråga",
    "sessions.kind.story": "berättelse",
    "sessions.kind.pair_split": "parpoäng",
    "sessions.kind.rating": "betyg",
    "sessions.kind.dot": "prick",
    "sessions.kind.dots": "prickar",
    "sessions.kind.theme": "tema",
    "sessions.kind.entry": "post",
    "sessions.role.facilitator": "processledare",
    "sessions.role.note-taker": "antecknare",
    "sessions.language.sv": "svenska (sv)",
    "sessions.language.en": "engelska (en)",
    # history lines
    "sessions.ev.run_started": "körning startad: {method} ({segments} steg{speed})",
    "sessions.ev.speed": ", hastighet ×{speed}",
    "sessions.ev.timer_started": "körning startad: {timer}{speed}",
    "sessions.ev.step_started": "steg {number} startat: {step} (planerat {planned})",
    "sessions.ev.step_resumed": "steg {number} startat: {step} ({remaining} kvar)",
    "sessions.ev.step_until": "steg {number} startat: {step} (till {until})",
    "sessions.ev.timer_paused": "pausad ({remaining} kvar)",
    "sessions.ev.timer_resumed": "fortsatte efter {paused} ({remaining} kvar)",
    "sessions.ev.timer_adjusted": "tid {delta} ({remaining} kvar)",
    "sessions.ev.step_restarted": "steg {number} omstartat ({remaining} kvar)",
    "sessions.ev.step_ended": "steg {number} {outcome} efter {elapsed}",
    "sessions.ev.clock_resynced": "klockan synkad efter ett hopp på {jump} ({remaining} kvar)",
    "sessions.ev.run_stopped": "körning stoppad vid steg {number} ({reason}, {remaining} kvar{paused})",
    "sessions.ev.run_finished": "körning avslutad",
    "sessions.ev.paused_flag": ", pausad",
    "sessions.ev.entry_added": "la till {kind} [{entry}]{where}: {text}",
    "sessions.ev.entry_edited": "post ändrad [{entry}]: {text}",
    "sessions.ev.entry_deleted": "post borttagen [{entry}]{reason}",
    "sessions.ev.other": "{type}: {data}",
    "sessions.stop.quit": "avslutad av användaren",
    "sessions.stop.interrupted": "avbruten",
    "sessions.stop.finished": "klar",
    # errors and warnings
    "sessions.err.bad_id": (
        "ogiltigt sessions-id {id!r}: använd små bokstäver, siffror och bindestreck,"
        " t.ex. 2026-11-22-eslov-samverkan"
    ),
    "sessions.err.not_found": "ingen session {id!r} i {root}",
    "sessions.err.did_you_mean": " (menade du {id!r}?)",
    "sessions.err.gone": "sessionen {id!r} finns inte längre (borttagen?)",
    "sessions.err.delete_running": "sessionen {id} körs i en annan terminal: avsluta den körningen (q) innan du raderar sessionen",
    "sessions.err.too_many": "för många sessioner som heter {id!r}: välj en annan titel",
    "sessions.err.method_and_plan": "ange antingen --method eller --plan, inte båda",
    "sessions.err.title_needed": (
        "--title behövs utanför en terminal,"
        ' t.ex. facilitate sessions new --title "Eslöv: samverkan"'
    ),
    "sessions.err.yes_needed": "borttagning kräver bekräftelse: kör i en terminal, eller lägg till --yes",
    "sessions.err.root_not_folder": (
        "{root} är en fil, inte en mapp: ange sessionsmappen med --sessions-dir"
        " eller FACILITATE_SESSIONS"
    ),
    "sessions.err.bad_language": (
        "språket {got!r} stöds inte: en session hålls på sv (svenska) eller en (engelska)"
    ),
    "sessions.err.unknown_step": "okänt steg {step!r}{hint}; sessionens steg: {steps}",
    "sessions.err.empty_text": "texten är tom",
    "sessions.err.bad_kind": "ogiltig sort {kind!r}: använd små bokstäver, siffror, - och _",
    "sessions.err.no_entry": "ingen post {entry!r} i {id} (se: facilitate sessions show {id})",
    "sessions.err.ambiguous_entry": "{entry!r} passar flera poster: {matches}; ange fler tecken",
    "sessions.err.bad_speed": "--speed måste vara större än 0",
    "sessions.warn.damaged": (
        "sessionen {id} är skadad ({problem}); ta bort den med: facilitate sessions delete {id} --yes"
    ),
    # session header fields
    "sessions.field.id": "id",
    "sessions.field.title": "titel",
    "sessions.field.date": "datum",
    "sessions.field.place": "plats",
    "sessions.field.language": "språk",
    "sessions.field.method": "metod",
    "sessions.field.plan": "plan",
    "sessions.field.facilitators": "processledare",
    "sessions.field.schema_version": "schema_version",
    "sessions.field.created_at": "created_at",
    "sessions.field.status": "status",
    "sessions.header.no_file": "filen saknas",
    "sessions.header.not_json": "inte giltig JSON",
    "sessions.header.not_object": "väntade ett JSON-objekt med sessionens fält",
    "sessions.header.unknown_field": "okänt fält",
    "sessions.header.missing": "obligatoriskt fält saknas",
    "sessions.header.text": "väntade text",
    "sessions.header.id": "väntade ett id som 'world-cafe', fick {got!r}",
    "sessions.header.title_empty": "titeln är tom",
    "sessions.header.title_long": "titeln är längre än {limit} tecken",
    "sessions.header.date": "väntade ett datum åååå-mm-dd, fick {got!r}",
    "sessions.header.language": "väntade en språkkod som sv eller en, fick {got!r}",
    "sessions.header.names": "väntade en lista med namn",
    "sessions.header.integer": "väntade ett heltal",
    "sessions.header.status": "väntade 'active' eller 'archived', fick {got!r}",
    # the journal on disk
    "journal.err.newer": (
        "{file}: skriven av en nyare version av facilitate (journalversion {version});"
        " uppgradera för att läsa den"
    ),
    "journal.err.unknown_type": (
        "{file}:{line}: okänd händelsetyp {type!r}: skriven av en nyare version av"
        " facilitate? uppgradera för att läsa den"
    ),
    "journal.err.locked": (
        "sessionen {id} var låst av ett annat program i 30 sekunder; inget sparades, försök igen"
    ),
    "journal.err.write": "kunde inte spara i {file}: {detail}; inget sparades",
    "journal.err.disk": "{file}: {detail}",
    "journal.err.not_json": "händelsen {type} kan inte sparas: {detail}",
    "journal.err.unregistered": "händelsen {type} är ingen känd händelsetyp",
    "journal.warn.torn": (
        "{file}:{line}: en ofullständig sista rad (en skrivning som avbröts, aldrig sparad)"
        " hoppades över"
    ),
    "journal.warn.torn_moved": (
        "{file}: en ofullständig sista rad (en skrivning som avbröts, aldrig sparad) flyttades"
        " till journal.torn"
    ),
    "journal.warn.bad_line": "{file}:{line}: inte en läsbar post, hoppades över",
    "journal.warn.bad_field": "{file}:{line}: fältet {field!r} saknas eller är ogiltigt, posten hoppades över",
    "journal.warn.seq_order": "{file}:{line}: löpnummer {seq} är i fel ordning",
}
