"""Interface messages about the session record (entries, reading the journal, resuming), in
English and Swedish."""

EN: dict[str, str] = {
    # reading the journal
    "journal.warn.unknown_type": (
        "{file}:{line}: unknown event type {type!r} (a damaged line), record skipped"
    ),
    "journal.warn.missing_data": (
        "{file}:{line}: {type}: field {field!r} is missing, record skipped"
    ),
    "journal.warn.bad_data": (
        "{file}:{line}: {type}: field {field!r} has a value of the wrong type, record skipped"
    ),
    # step outcomes
    "sessions.outcome.ended_early": "ended early",
    "timer.outcome.ended_early": "ended early",
    # resuming after the method file changed
    "resume.err.step_gone": (
        "cannot resume session {id}: its run of {method!r} stopped at step {number} ({step}),"
        " but the method now has only {total} steps; the method file was changed since."
        " Restore it to go on{moved}"
    ),
    "resume.err.step_changed": (
        "cannot resume session {id}: its run of {method!r} stopped at step {number} ({step}),"
        " but step {number} of the method is now {found}; the method file was changed since."
        " Restore it to go on{moved}"
    ),
    "resume.moved": " ({step} is now step {number})",
    # entry problems (field, code and values from facilitate.model.entry_problem)
    "entry.problem.did_you_mean": " (did you mean {suggestion!r}?)",
    "entry.problem.unknown_kind": "unknown entry kind {kind!r}{hint}; the kinds are: {kinds}",
    "entry.problem.kind_not_collected": (
        "step {step!r} does not collect {kind} entries; it collects: {kinds}"
    ),
    "entry.problem.text_empty": "a {kind} needs a text",
    "entry.problem.entry_empty": "the entry has no text and no field filled in",
    "entry.problem.unknown_dimension": (
        "step {step!r} does not place entries along {dimension!r}{hint}; it does along:"
        " {dimensions}"
    ),
    "entry.problem.unknown_value": (
        "{dimension}: no value {value!r}{hint}; the values are: {choices}"
    ),
    "entry.problem.empty_value": "{dimension}: the value is empty",
    "entry.problem.missing": "{name}: missing",
    "entry.problem.unexpected": "{name}: not a field of this kind of entry",
    "entry.problem.not_text": "{name}: expected a text",
    "entry.problem.not_whole": "{name}: expected a whole number, got {value!r}",
    "entry.problem.out_of_range": "{name}: {value} is outside {low}..{high}",
    "entry.problem.pair_sum": (
        "the pair's points {points_a} + {points_b} do not add up to {points}"
    ),
    "entry.problem.same_card": "a pair splits points between two different cards, not {card!r} twice",
    "entry.problem.unknown_card": "no card {card!r} in this session",
    "entry.problem.card_exists": "there already is a card {card!r} in this session",
    "entry.problem.unknown_entry": "no entry {entry!r} in this session",
    "entry.problem.unknown_field": "unknown field {name!r}{hint}; the fields are: {fields}",
}

SV: dict[str, str] = {
    # reading the journal
    "journal.warn.unknown_type": (
        "{file}:{line}: okänd händelsetyp {type!r} (en skadad rad), posten hoppades över"
    ),
    "journal.warn.missing_data": (
        "{file}:{line}: {type}: fältet {field!r} saknas, posten hoppades över"
    ),
    "journal.warn.bad_data": (
        "{file}:{line}: {type}: fältet {field!r} har ett värde av fel typ, posten hoppades över"
    ),
    # step outcomes
    "sessions.outcome.ended_early": "avslutat i förtid",
    "timer.outcome.ended_early": "avslutat i förtid",
    # resuming after the method file changed
    "resume.err.step_gone": (
        "kan inte återuppta sessionen {id}: körningen av {method!r} stannade vid steg {number}"
        " ({step}), men metoden har nu bara {total} steg; metodfilen har ändrats sedan dess."
        " Återställ den för att fortsätta{moved}"
    ),
    "resume.err.step_changed": (
        "kan inte återuppta sessionen {id}: körningen av {method!r} stannade vid steg {number}"
        " ({step}), men steg {number} i metoden är nu {found}; metodfilen har ändrats sedan"
        " dess. Återställ den för att fortsätta{moved}"
    ),
    "resume.moved": " ({step} är nu steg {number})",
    # entry problems
    "entry.problem.did_you_mean": " (menade du {suggestion!r}?)",
    "entry.problem.unknown_kind": "okänd sorts post {kind!r}{hint}; sorterna är: {kinds}",
    "entry.problem.kind_not_collected": (
        "steget {step!r} samlar inte in poster av sorten {kind}; det samlar in: {kinds}"
    ),
    "entry.problem.text_empty": "en post av sorten {kind} behöver en text",
    "entry.problem.entry_empty": "posten har ingen text och inget ifyllt fält",
    "entry.problem.unknown_dimension": (
        "steget {step!r} placerar inte poster efter {dimension!r}{hint}; det gör det efter:"
        " {dimensions}"
    ),
    "entry.problem.unknown_value": (
        "{dimension}: inget värde {value!r}{hint}; värdena är: {choices}"
    ),
    "entry.problem.empty_value": "{dimension}: värdet är tomt",
    "entry.problem.missing": "{name}: saknas",
    "entry.problem.unexpected": "{name}: inget fält för den här sortens post",
    "entry.problem.not_text": "{name}: väntade en text",
    "entry.problem.not_whole": "{name}: väntade ett heltal, fick {value!r}",
    "entry.problem.out_of_range": "{name}: {value} ligger utanför {low}..{high}",
    "entry.problem.pair_sum": "parets poäng {points_a} + {points_b} blir inte {points}",
    "entry.problem.same_card": "ett par delar poäng mellan två olika kort, inte {card!r} två gånger",
    "entry.problem.unknown_card": "inget kort {card!r} i den här sessionen",
    "entry.problem.card_exists": "det finns redan ett kort {card!r} i den här sessionen",
    "entry.problem.unknown_entry": "ingen post {entry!r} i den här sessionen",
    "entry.problem.unknown_field": "okänt fält {name!r}{hint}; fälten är: {fields}",
}
