"""Interface messages about a session's record as people read and correct it, in EN and SV.

Entry references, what an edit changed, the session list's layout, a quit timer, who signs.
"""

EN: dict[str, str] = {
    "records.field_problem": "{field}: {problem}",
    "records.err.entry_ref_short": (
        "{entry!r} is too short to name an entry: give its id or at least {min} of its first"
        " characters (see: facilitate sessions show {id})"
    ),
    "records.edit.before": "  before: {text}",
    "records.edit.after": "  now:    {text}",
    "records.delete.text": "  it read: {text}",
    "records.list.second": "Title",
    "records.list.third": "Method or plan · status",
    "records.status.timer_ended": "ended early",
    "records.timer.ended": (
        "Timer ended with {time} left. Session: {id}"
        " (to continue it anyway: facilitate sessions resume {id})"
    ),
    "records.timer.interrupted": (
        "Interrupted; the timer ended with {time} left. Session: {id}"
        " (to continue it anyway: facilitate sessions resume {id})"
    ),
    "records.opt.author": (
        "Who wrote it (default: FACILITATE_AUTHOR, then the session's first facilitator,"
        " then your user name)."
    ),
    "records.opt.author_run": (
        "Who signs what this run records, such as the notes typed with a (default:"
        " FACILITATE_AUTHOR, then the session's first facilitator, then your user name)."
    ),
}

SV: dict[str, str] = {
    "records.field_problem": "{field}: {problem}",
    "records.err.entry_ref_short": (
        "{entry!r} är för kort för att ange en post: ge dess id eller minst {min} av dess"
        " första tecken (se: facilitate sessions show {id})"
    ),
    "records.edit.before": "  före: {text}",
    "records.edit.after": "  nu:   {text}",
    "records.delete.text": "  den löd: {text}",
    "records.list.second": "Titel",
    "records.list.third": "Metod eller plan · status",
    "records.status.timer_ended": "avslutad i förtid",
    "records.timer.ended": (
        "Timern avslutades med {time} kvar. Session: {id}"
        " (för att ändå fortsätta den: facilitate sessions resume {id})"
    ),
    "records.timer.interrupted": (
        "Avbrutet; timern avslutades med {time} kvar. Session: {id}"
        " (för att ändå fortsätta den: facilitate sessions resume {id})"
    ),
    "records.opt.author": (
        "Vem som skrev den (standard: FACILITATE_AUTHOR, sedan sessionens första"
        " processledare, sedan ditt användarnamn)."
    ),
    "records.opt.author_run": (
        "Vem som signerar det körningen sparar, som anteckningar skrivna med a (standard:"
        " FACILITATE_AUTHOR, sedan sessionens första processledare, sedan ditt användarnamn)."
    ),
}
