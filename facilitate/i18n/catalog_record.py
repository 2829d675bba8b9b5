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
    # entry problems (codes and values from facilitate.model.entry_problem)
    "entry.unknown_kind": "unknown entry kind {name!r}; the kinds are: {kinds}",
    "entry.unknown_kind_hint": (
        "unknown entry kind {name!r} (did you mean {hint!r}?); the kinds are: {kinds}"
    ),
    "entry.kind_not_collected": "step {step!r} does not collect {kind} entries; it collects: {kinds}",
    "entry.text_empty": "a {kind} needs a text",
    "entry.entry_empty": "the entry has no text and no field filled in",
    "entry.unknown_dimension": (
        "step {step!r} does not place entries along {name!r}; it does along: {dimensions}"
    ),
    "entry.unknown_dimension_hint": (
        "step {step!r} does not place entries along {name!r} (did you mean {hint!r}?);"
        " it does along: {dimensions}"
    ),
    "entry.unknown_value": "{dimension}: no value {name!r}; the values are: {choices}",
    "entry.unknown_value_hint": (
        "{dimension}: no value {name!r} (did you mean {hint!r}?); the values are: {choices}"
    ),
    "entry.empty_value": "{dimension}: the value is empty",
    "entry.missing": "{name}: missing",
    "entry.unexpected": "{name}: not a field of this kind of entry",
    "entry.not_text": "{name}: expected a text",
    "entry.card_exists": "there already is a card {card!r} in this session",
    "entry.unknown_field": "unknown field {name!r}; the fields are: {fields}",
    "entry.unknown_field_hint": (
        "unknown field {name!r} (did you mean {hint!r}?); the fields are: {fields}"
    ),
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
    "entry.unknown_kind": "okänd sorts post {name!r}; sorterna är: {kinds}",
    "entry.unknown_kind_hint": (
        "okänd sorts post {name!r} (menade du {hint!r}?); sorterna är: {kinds}"
    ),
    "entry.kind_not_collected": (
        "steget {step!r} samlar inte in poster av sorten {kind}; det samlar in: {kinds}"
    ),
    "entry.text_empty": "en post av sorten {kind} behöver en text",
    "entry.entry_empty": "posten har ingen text och inget ifyllt fält",
    "entry.unknown_dimension": (
        "steget {step!r} placerar inte poster efter {name!r}; det gör det efter: {dimensions}"
    ),
    "entry.unknown_dimension_hint": (
        "steget {step!r} placerar inte poster efter {name!r} (menade du {hint!r}?);"
        " det gör det efter: {dimensions}"
    ),
    "entry.unknown_value": "{dimension}: inget värde {name!r}; värdena är: {choices}",
    "entry.unknown_value_hint": (
        "{dimension}: inget värde {name!r} (menade du {hint!r}?); värdena är: {choices}"
    ),
    "entry.empty_value": "{dimension}: värdet är tomt",
    "entry.missing": "{name}: saknas",
    "entry.unexpected": "{name}: inget fält för den här sortens post",
    "entry.not_text": "{name}: väntade en text",
    "entry.card_exists": "det finns redan ett kort {card!r} i den här sessionen",
    "entry.unknown_field": "okänt fält {name!r}; fälten är: {fields}",
    "entry.unknown_field_hint": "okänt fält {name!r} (menade du {hint!r}?); fälten är: {fields}",
}
