"""The group's input: importing files, results, themes; in English and Swedish."""

EN: dict[str, str] = {
    # the store
    "journal.err.changed": "{file} changed while the change was being prepared; nothing was saved, try again",
}

SV: dict[str, str] = {
    # the store
    "journal.err.changed": "{file} ändrades medan ändringen förbereddes; inget sparades, försök igen",
}
