"""Messages of the session store (files refused, session references, following), EN and SV."""

EN: dict[str, str] = {
    "store.err.not_regular": "is {what}, not a regular file of the session; refused",
    "store.kind.link": "a symbolic link",
    "store.kind.folder": "a folder",
    "store.kind.fifo": "a FIFO (named pipe)",
    "store.kind.device": "a device",
    "store.kind.special": "a special file",
    "store.err.ambiguous": "{ref!r} fits several sessions: {matches}; give more characters",
    "store.err.and_more": " and {count} more",
    "store.err.ref_short": " (name a session by its id, its UUID or at least {count} of their first characters)",
    "store.err.elsewhere": "; sessions kept elsewhere? give --sessions-dir DIR or set FACILITATE_SESSIONS",
    "store.warn.journal_replaced": "{file}: the journal was replaced or cut short since it was read; reading it again from the start",
    "sessions.header.uuid": "expected a UUID such as '6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e', got {got!r}",
    "sessions.field.uuid": "uuid",
}

SV: dict[str, str] = {
    "store.err.not_regular": "är {what}, inte en vanlig fil i sessionen; vägras",
    "store.kind.link": "en symbolisk länk",
    "store.kind.folder": "en mapp",
    "store.kind.fifo": "en FIFO (namngiven pipe)",
    "store.kind.device": "en enhetsfil",
    "store.kind.special": "en specialfil",
    "store.err.ambiguous": "{ref!r} passar flera sessioner: {matches}; ange fler tecken",
    "store.err.and_more": " och {count} till",
    "store.err.ref_short": " (ange en sessions id, dess UUID eller minst {count} av deras första tecken)",
    "store.err.elsewhere": "; sparas sessionerna någon annanstans? ange --sessions-dir MAPP eller sätt FACILITATE_SESSIONS",
    "store.warn.journal_replaced": "{file}: journalen har ersatts eller kortats sedan den lästes; läser om den från början",
    "sessions.header.uuid": "väntade en UUID som '6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e', fick {got!r}",
    "sessions.field.uuid": "uuid",
}
