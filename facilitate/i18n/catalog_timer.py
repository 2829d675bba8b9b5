"""Interface messages for the timer area (``run``, ``timer``, the live view), English and Swedish."""

EN: dict[str, str] = {
    # commands
    "timer.run.help": (
        "Run a method step by step in a full-screen view: a large countdown, the round's"
        " question, what comes next, the clock and how you are doing against the plan."
        " Every timer action is saved in the session journal.\n\n"
        "Keys: space pause/resume · + / - one minute more/less · n next · b back ·"
        " r restart the step · a type a note · ? help · q quit (the session is saved).\n\n"
        "Examples:\n\n"
        "  facilitate run world-cafe --param round_minutes=15\n\n"
        "  facilitate run world-cafe --speed 60 --quiet   (a rehearsal at 60x speed)"
    ),
    "timer.help": (
        "A standalone countdown with the same view and keys as `run`. DURATION is 10m, 90s,"
        " 1h30m, 2m30s, 5:00 (minutes:seconds) or a plain number of minutes.\n\n"
        "Examples:\n\n"
        '  facilitate timer 10m --title "Coffee break"\n\n'
        "  facilitate timer --until 12:30 --title Lunch"
    ),
    "timer.opt.method": "The method to run (see `facilitate methods list`).",
    "timer.opt.duration": "How long: 10m, 90s, 1h30m, 5:00 or a number of minutes.",
    "timer.opt.session": "Run in this existing session (default: a new session).",
    "timer.opt.param": 'Set a method parameter for this run, e.g. --param round_minutes=15 (repeatable). A list of texts is written with | between the texts: --param "stories=Trelleborg|Svalöv".',
    "timer.opt.warn": 'Warn at these times before the end, e.g. 2m,30s ("none": no warnings).',
    "timer.opt.quiet": "No terminal bell at warnings and at the end (the colours still change).",
    "timer.opt.auto_advance": "Go on to the next step by itself when a countdown reaches zero.",
    "timer.opt.session_timer": "Record the countdown in this session (default: not recorded).",
    "timer.opt.auto_advance_timer": (
        "End by itself when the countdown reaches zero, instead of counting overtime."
    ),
    "timer.opt.speed": (
        "Rehearsal: run everything N times faster (e.g. 60: a minute per second);"
        " above 1, steps also advance by themselves."
    ),
    "timer.opt.title": "What the countdown is for, shown above it.",
    "timer.opt.until": "Count down to this clock time (HH:MM) instead of a duration.",
    "timer.default_title": "Timer",
    "timer.err.bad_duration": "not a duration: {value!r} (use e.g. 10m, 90s, 1h30m or 5:00)",
    "timer.err.bad_warn": "not a list of warning times: {value!r} (use e.g. 2m,30s or none)",
    "timer.err.bad_until": "not a clock time: {value!r} (use HH:MM, e.g. 12:30)",
    "timer.err.bad_speed": "the speed must be a number above 0, e.g. 60; got {value!r}",
    "timer.err.bad_param": "expected --param key=value, got {value!r}",
    "timer.err.timer_needs_time": "give a DURATION (e.g. 10m) or --until HH:MM",
    "timer.err.timer_both": "give either a DURATION or --until, not both",
    "timer.err.nothing_to_resume": "session {id} has no run to continue (start one with facilitate run)",
    "timer.err.resume_finished": "the run in session {id} is finished; nothing to resume",
    "timer.err.resume_gone": "session {id} ran {method!r}, which cannot be found any more",
    "timer.err.resume_changed": (
        "session {id} stopped at step {index}, but {method!r} now has only {total} steps"
    ),
    "timer.err.session_busy": (
        "session {id} is being run in another terminal;"
        ' add notes with: facilitate sessions note {id} "TEXT"'
    ),
    "timer.err.stopped_run": (
        "session {id} has a stopped run of {method} (step {index}/{total});"
        " continue it with: facilitate sessions resume {id}"
    ),
    "timer.err.too_long": "a countdown can be at most 12 h; got {value!r}",
    "timer.err.until_past": (
        "--until {clock}: that time has passed (it is {now} now); give a later time"
    ),
    "timer.run.session_title": "{method} {date}",
    "timer.run.saved": "Session saved: {id}. Continue with: facilitate sessions resume {id}",
    "timer.run.interrupted": "Interrupted; session saved: {id}. Continue with: facilitate sessions resume {id}",
    "timer.run.interrupted_plain": "Interrupted.",
    "timer.run.finished": "Finished. Session: {id}",
    "timer.run.summary_title": "Planned and actual time",
    "timer.run.summary_step": "Step",
    "timer.run.summary_planned": "Planned",
    "timer.run.summary_actual": "Actual",
    "timer.run.journal_problem": "not saved: {detail}",
    # the live view
    "timer.view.step": "Step {index}/{total}",
    "timer.view.rehearsal": "rehearsal ×{speed}",
    "timer.view.on_plan": "on plan",
    "timer.view.behind": "{n} min behind plan",
    "timer.view.ahead": "{n} min ahead of plan",
    "timer.view.next": "Next: {title} ({length})",
    "timer.view.next_until": "until {clock}",
    "timer.view.last": "Last step",
    "timer.view.paused": "PAUSED {time}",
    "timer.view.overtime": "OVERTIME",
    "timer.view.until": "until {clock}",
    "timer.view.of": "of {total}",
    "timer.view.notes": "notes: {n}",
    "timer.keys.title": "Keys",
    "timer.keys.space_key": "space",
    "timer.keys.space": "pause / resume",
    "timer.keys.plus_minus": "one minute more / less",
    "timer.keys.next": "next step",
    "timer.keys.back": "back one step",
    "timer.keys.restart": "start this step over",
    "timer.keys.note": "type a note for this step (the clock keeps running)",
    "timer.keys.help": "show or hide this help",
    "timer.keys.close": "Press any key to go back.",
    "timer.flash.adjusted": "{sign}{amount}",
    "timer.flash.warning": "{time} left",
    "timer.flash.zero": "Time is up",
    "timer.flash.first_step": "This is the first step",
    "timer.flash.confirm_finish": "Last step: press n again to finish",
    "timer.flash.note_saved": "Note saved",
    "timer.flash.note_empty": "No note saved",
    "timer.flash.resynced": "The computer slept for {time}; the clock follows the wall clock",
    "timer.flash.restarted": "Step started over",
    "timer.prompt.note": (
        "Note for {title} ({time} left, the clock is running; an empty line cancels):"
    ),
    "timer.prompt.note_paused": (
        "Note for {title} ({time} left, the clock is paused; an empty line cancels):"
    ),
    "timer.flash.no_terminal_notes": (
        'Notes need a terminal here; add one with: facilitate sessions note {id} "TEXT"'
    ),
    "timer.flash.no_session_notes": "Notes need a session: start the timer with --session ID",
    # plain lines (not a terminal)
    "timer.plain.run_started": "{title}: {count} steps",
    "timer.plain.step": "[{index}/{total}] {title}: {length}",
    "timer.plain.paused": "paused at {time}",
    "timer.plain.resumed": "resumed at {time} after a pause of {pause}",
    "timer.plain.adjusted": "{sign}{amount}: {time} left",
    "timer.plain.left": "{time} left",
    "timer.plain.zero": "time is up",
    "timer.plain.over": "{time} over time",
    "timer.plain.restarted": "started over: {time}",
    "timer.plain.ended": "step ended ({outcome}) after {time}",
    "timer.plain.resynced": "the computer slept for {time}; following the wall clock: {left} left",
    "timer.plain.stopped": "stopped ({reason}) with {time} left",
    "timer.plain.finished": "finished",
    "timer.plain.note": "note: {text}",
    "timer.outcome.completed": "completed",
    "timer.outcome.skipped": "skipped",
    "timer.outcome.back": "went back",
    "timer.reason.quit": "quit",
    "timer.reason.interrupted": "interrupted",
    "timer.reason.finished": "finished",
}

SV: dict[str, str] = {
    # commands
    "timer.run.help": (
        "Kör en metod steg för steg i helskärm: en stor nedräkning, rundans fråga, vad som"
        " kommer sedan, klockan och hur ni ligger till mot planen. Varje åtgärd på timern"
        " sparas i sessionens journal.\n\n"
        "Tangenter: mellanslag paus/fortsätt · + / - en minut mer/mindre · n nästa ·"
        " b tillbaka · r börja om steget · a skriv en anteckning · ? hjälp ·"
        " q avsluta (sessionen sparas).\n\n"
        "Exempel:\n\n"
        "  facilitate run world-cafe --param round_minutes=15\n\n"
        "  facilitate run world-cafe --speed 60 --quiet   (en repetition i 60x fart)"
    ),
    "timer.help": (
        "En fristående nedräkning med samma vy och tangenter som `run`. TID är 10m, 90s,"
        " 1h30m, 2m30s, 5:00 (minuter:sekunder) eller ett antal minuter.\n\n"
        "Exempel:\n\n"
        '  facilitate timer 10m --title "Fikapaus"\n\n'
        "  facilitate timer --until 12:30 --title Lunch"
    ),
    "timer.opt.method": "Metoden som ska köras (se `facilitate methods list`).",
    "timer.opt.duration": "Hur länge: 10m, 90s, 1h30m, 5:00 eller ett antal minuter.",
    "timer.opt.session": "Kör i denna befintliga session (standard: en ny session).",
    "timer.opt.param": 'Sätt en parameter för körningen, t.ex. --param round_minutes=15 (kan upprepas). En lista av texter skrivs med | mellan texterna: --param "stories=Trelleborg|Svalöv".',
    "timer.opt.warn": 'Varna så här långt före slutet, t.ex. 2m,30s ("none": inga varningar).',
    "timer.opt.quiet": "Ingen ljudsignal vid varningar och vid slutet (färgerna ändras ändå).",
    "timer.opt.auto_advance": "Gå vidare till nästa steg av sig själv när nedräkningen når noll.",
    "timer.opt.session_timer": "Spara nedräkningen i denna session (standard: sparas inte).",
    "timer.opt.auto_advance_timer": (
        "Avsluta av sig själv när nedräkningen når noll, i stället för att räkna övertid."
    ),
    "timer.opt.speed": (
        "Repetition: kör allt N gånger snabbare (t.ex. 60: en minut per sekund);"
        " över 1 går stegen också vidare av sig själva."
    ),
    "timer.opt.title": "Vad nedräkningen gäller, visas ovanför den.",
    "timer.opt.until": "Räkna ned till detta klockslag (HH:MM) i stället för en tid.",
    "timer.default_title": "Timer",
    "timer.err.bad_duration": "inte en tid: {value!r} (använd t.ex. 10m, 90s, 1h30m eller 5:00)",
    "timer.err.bad_warn": "inte en lista med varningstider: {value!r} (använd t.ex. 2m,30s eller none)",
    "timer.err.bad_until": "inte ett klockslag: {value!r} (använd HH:MM, t.ex. 12:30)",
    "timer.err.bad_speed": "farten måste vara ett tal över 0, t.ex. 60; fick {value!r}",
    "timer.err.bad_param": "förväntade --param nyckel=värde, fick {value!r}",
    "timer.err.timer_needs_time": "ange en TID (t.ex. 10m) eller --until HH:MM",
    "timer.err.timer_both": "ange antingen en TID eller --until, inte båda",
    "timer.err.nothing_to_resume": (
        "sessionen {id} har ingen körning att fortsätta (starta en med facilitate run)"
    ),
    "timer.err.resume_finished": "körningen i sessionen {id} är klar; inget att fortsätta",
    "timer.err.resume_gone": "sessionen {id} körde {method!r}, som inte längre finns",
    "timer.err.resume_changed": (
        "sessionen {id} stannade vid steg {index}, men {method!r} har nu bara {total} steg"
    ),
    "timer.err.session_busy": (
        "sessionen {id} körs i en annan terminal;"
        ' lägg till anteckningar med: facilitate sessions note {id} "TEXT"'
    ),
    "timer.err.stopped_run": (
        "sessionen {id} har en stoppad körning av {method} (steg {index}/{total});"
        " fortsätt den med: facilitate sessions resume {id}"
    ),
    "timer.err.too_long": "en nedräkning får vara högst 12 h; fick {value!r}",
    "timer.err.until_past": (
        "--until {clock}: den tiden har redan passerat (klockan är {now}); ange en senare tid"
    ),
    "timer.run.session_title": "{method} {date}",
    "timer.run.saved": "Sessionen är sparad: {id}. Fortsätt med: facilitate sessions resume {id}",
    "timer.run.interrupted": (
        "Avbrutet; sessionen är sparad: {id}. Fortsätt med: facilitate sessions resume {id}"
    ),
    "timer.run.interrupted_plain": "Avbrutet.",
    "timer.run.finished": "Klart. Session: {id}",
    "timer.run.summary_title": "Planerad och faktisk tid",
    "timer.run.summary_step": "Steg",
    "timer.run.summary_planned": "Planerat",
    "timer.run.summary_actual": "Faktiskt",
    "timer.run.journal_problem": "inte sparat: {detail}",
    # the live view
    "timer.view.step": "Steg {index}/{total}",
    "timer.view.rehearsal": "repetition ×{speed}",
    "timer.view.on_plan": "enligt plan",
    "timer.view.behind": "{n} min efter plan",
    "timer.view.ahead": "{n} min före plan",
    "timer.view.next": "Nästa: {title} ({length})",
    "timer.view.next_until": "till {clock}",
    "timer.view.last": "Sista steget",
    "timer.view.paused": "PAUS {time}",
    "timer.view.overtime": "ÖVER TIDEN",
    "timer.view.until": "till {clock}",
    "timer.view.of": "av {total}",
    "timer.view.notes": "anteckningar: {n}",
    "timer.keys.title": "Tangenter",
    "timer.keys.space_key": "mellanslag",
    "timer.keys.space": "paus / fortsätt",
    "timer.keys.plus_minus": "en minut mer / mindre",
    "timer.keys.next": "nästa steg",
    "timer.keys.back": "ett steg tillbaka",
    "timer.keys.restart": "börja om detta steg",
    "timer.keys.note": "skriv en anteckning till steget (klockan går vidare)",
    "timer.keys.help": "visa eller dölj denna hjälp",
    "timer.keys.close": "Tryck på valfri tangent för att gå tillbaka.",
    "timer.flash.adjusted": "{sign}{amount}",
    "timer.flash.warning": "{time} kvar",
    "timer.flash.zero": "Tiden är ute",
    "timer.flash.first_step": "Detta är första steget",
    "timer.flash.confirm_finish": "Sista steget: tryck n igen för att avsluta",
    "timer.flash.note_saved": "Anteckningen är sparad",
    "timer.flash.note_empty": "Ingen anteckning sparad",
    "timer.flash.resynced": "Datorn sov i {time}; klockan följer väggklockan",
    "timer.flash.restarted": "Steget började om",
    "timer.prompt.note": (
        "Anteckning till {title} ({time} kvar, klockan går; en tom rad avbryter):"
    ),
    "timer.prompt.note_paused": (
        "Anteckning till {title} ({time} kvar, klockan är pausad; en tom rad avbryter):"
    ),
    "timer.flash.no_terminal_notes": (
        "Anteckningar kräver en terminal här; lägg till en med:"
        ' facilitate sessions note {id} "TEXT"'
    ),
    "timer.flash.no_session_notes": (
        "Anteckningar kräver en session: starta timern med --session ID"
    ),
    # plain lines (not a terminal)
    "timer.plain.run_started": "{title}: {count} steg",
    "timer.plain.step": "[{index}/{total}] {title}: {length}",
    "timer.plain.paused": "paus vid {time}",
    "timer.plain.resumed": "fortsätter vid {time} efter en paus på {pause}",
    "timer.plain.adjusted": "{sign}{amount}: {time} kvar",
    "timer.plain.left": "{time} kvar",
    "timer.plain.zero": "tiden är ute",
    "timer.plain.over": "{time} över tiden",
    "timer.plain.restarted": "började om: {time}",
    "timer.plain.ended": "steget slut ({outcome}) efter {time}",
    "timer.plain.resynced": "datorn sov i {time}; följer väggklockan: {left} kvar",
    "timer.plain.stopped": "stoppad ({reason}) med {time} kvar",
    "timer.plain.finished": "klart",
    "timer.plain.note": "anteckning: {text}",
    "timer.outcome.completed": "klart",
    "timer.outcome.skipped": "hoppades över",
    "timer.outcome.back": "gick tillbaka",
    "timer.reason.quit": "avslutad",
    "timer.reason.interrupted": "avbruten",
    "timer.reason.finished": "klar",
}
