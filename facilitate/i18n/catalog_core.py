"""Interface messages shared by all commands, in English and Swedish."""

EN: dict[str, str] = {
    "app.help": (
        "Run participatory workshops from the terminal: a library of facilitation methods,"
        " live timed rounds and durable session records."
    ),
    "app.epilog": "Examples:  facilitate methods list   ·   facilitate --lang sv methods show world-cafe",
    "opt.lang": "Interface language: sv or en (default: FACILITATE_LANG, then the locale).",
    "opt.version": "Show the version and exit.",
    "opt.sessions_dir": "Folder of session records (default: FACILITATE_SESSIONS, then ./sessions).",
    "err.prefix": "error",
    "err.interrupted": "interrupted",
    "err.bad_lang": "unknown language {value!r}: use sv or en",
    "help.arguments": "Arguments",
    "help.options": "Options",
    "help.commands": "Commands",
    "help.error": "Error",
    "help.required": "[required]",
    "help.default": "[default: {}]",
    "help.aborted": "Aborted.",
    "help.try": "Try [blue]'{command_path} {help_option}'[/] for help.",
}

SV: dict[str, str] = {
    "app.help": (
        "Led deltagande workshoppar från terminalen: ett bibliotek av metoder för"
        " processledning, tidtagning av rundor och hållbara sessionsprotokoll."
    ),
    "app.epilog": "Exempel:  facilitate methods list   ·   facilitate --lang sv methods show world-cafe",
    "opt.lang": "Språk för gränssnittet: sv eller en (standard: FACILITATE_LANG, sedan systemets språk).",
    "opt.version": "Visa versionen och avsluta.",
    "opt.sessions_dir": "Mapp för sessionsprotokoll (standard: FACILITATE_SESSIONS, sedan ./sessions).",
    "err.prefix": "fel",
    "err.interrupted": "avbrutet",
    "err.bad_lang": "okänt språk {value!r}: använd sv eller en",
    "help.arguments": "Argument",
    "help.options": "Flaggor",
    "help.commands": "Kommandon",
    "help.error": "Fel",
    "help.required": "[krävs]",
    "help.default": "[standard: {}]",
    "help.aborted": "Avbrutet.",
    "help.try": "Se [blue]'{command_path} {help_option}'[/] för hjälp.",
}
