"""The archive on PostgreSQL: its commands, its messages, and the words of its report.

Keys under ``archive.doc.`` are words in a report; they are looked up in the report's language.
"""

EN: dict[str, str] = {
    # the commands
    "archive.help": (
        "The organisation's archive on PostgreSQL: push sessions to it, see how they stand,"
        " pull one back, report across sessions. The local sessions stay the default."
    ),
    "archive.example": (
        "Examples:  facilitate archive push --db postgresql://anna@archive.example.org/workshops"
        "   ·   FACILITATE_ARCHIVE_URL=... facilitate archive status   ·"
        "   facilitate archive report --programme mer-for-fler --format md"
    ),
    "archive.push.help": (
        "Copy sessions (all when none is named) to the archive, record by record. Safe to run"
        " again and again, from several laptops at once and after a crash: only what is new is"
        " sent. A copy that diverged from the archived one is reported, never merged."
    ),
    "archive.push.example": (
        "Examples:  facilitate archive push --db postgresql://anna@archive.example.org/workshops"
        "   ·   facilitate archive push 2014-03-11-eslov --programme mer-for-fler"
    ),
    "archive.status.help": (
        "How the local sessions stand against the archive: pushed, new, ahead, behind or diverged."
    ),
    "archive.status.example": (
        "Examples:  facilitate archive status   ·   facilitate archive status 2014-03-11-eslov --json"
    ),
    "archive.pull.help": (
        "Copy an archived session into the local sessions folder (read-only unless --writable)."
    ),
    "archive.pull.example": (
        "Examples:  facilitate archive pull 2014-03-11-eslov   ·"
        "   facilitate archive pull 93c003fb --writable"
    ),
    "archive.report.help": (
        "A report across sessions: the themes and their items, the top of each 35:an, and the"
        " time planned against actual per method."
    ),
    "archive.report.example": (
        "Examples:  facilitate archive report --programme mer-for-fler --since 2018-01-01"
        "   ·   facilitate archive report --format csv --out report.csv   ·"
        "   facilitate archive report --local --format json"
    ),
    "archive.arg.sessions": "The sessions (ids or UUIDs; default: every local session).",
    "archive.arg.session": "The archived session: its id, its UUID or the start of its UUID.",
    "archive.opt.db": (
        "The archive's PostgreSQL URL (default: FACILITATE_ARCHIVE_URL); sslmode=require asks"
        " for TLS."
    ),
    "archive.opt.programme": "The programme the sessions belong to (a name such as mer-for-fler).",
    "archive.opt.report_programme": "Only the sessions of this programme (or of this plan).",
    "archive.opt.since": "Only the sessions dated on or after this day (YYYY-MM-DD).",
    "archive.opt.format": "The format: md, csv or json.",
    "archive.opt.out": "The file to write (default: print to standard output).",
    "archive.opt.top": "How many cards of each ranking (default 3).",
    "archive.opt.local": "Report over the local sessions instead of the archive.",
    "archive.opt.writable": "Make the copy writable (it is read-only by default).",
    "archive.opt.json": "Print JSON instead of text.",
    "archive.opt.lang": "The report's language, sv or en (default: the interface's).",
    "export.opt.archive": "Export sessions from this archive (a PostgreSQL URL) instead of the local ones.",
    # what they say
    "archive.standing.new": "{id}: new, {added} record(s) pushed",
    "archive.standing.ahead": "{id}: {added} new record(s) pushed",
    "archive.standing.up_to_date": "{id}: up to date",
    "archive.standing.behind": "{id}: the archive has {missing} record(s) this copy lacks (nothing to push)",
    "archive.standing.diverged": (
        "{id}: DIVERGED at record {seq}: this copy and the archived one differ; nothing was"
        " merged (keep one copy, or give the other a session of its own)"
    ),
    "archive.status.new": "{id}: not archived yet ({records} record(s))",
    "archive.status.ahead": "{id}: {records} record(s) to push",
    "archive.status.up_to_date": "{id}: pushed, up to date",
    "archive.status.behind": "{id}: the archive has {missing} record(s) this copy lacks",
    "archive.status.diverged": "{id}: DIVERGED at record {seq}: this copy and the archived one differ",
    "archive.status.total": "archive: {sessions} session(s), {records} record(s)",
    "archive.pushed.total": "pushed: {added} record(s) of {sessions} session(s)",
    "archive.pulled": "pulled: {id} into {path} ({records} record(s), {mode})",
    "archive.pulled.read_only": "read-only",
    "archive.pulled.writable": "writable",
    "archive.written": "written: {path} ({format}, {sessions} session(s))",
    "archive.err.no_psycopg": (
        "the archive needs psycopg, which is not installed: pip install 'facilitate[archive]'"
    ),
    "archive.err.no_url": "which archive? Give --db URL or set FACILITATE_ARCHIVE_URL",
    "archive.err.failed": "archive {url}: {detail}",
    "archive.err.schema_newer": (
        "the archive's schema is version {version}, newer than this facilitate knows ({known}):"
        " update facilitate"
    ),
    "archive.err.not_archived": "no archived session {ref!r} (see: facilitate archive status)",
    "archive.err.ambiguous": "{ref!r} names several archived sessions: {matches}; name one by its UUID",
    "archive.err.bad_header": "archived session {id}: its header has a bad field {field!r}",
    "archive.err.bad_id": (
        "archived session {uuid}: its id {id!r} is not a safe folder name; it is not used"
    ),
    "archive.err.bad_url": (
        "the archive's URL cannot be read (see libpq's connection strings:"
        " postgresql://user@host/db or host=... dbname=...)"
    ),
    "archive.url.unreadable": "(a URL that cannot be read)",
    "archive.err.bad_since": "--since {value!r}: not a date (YYYY-MM-DD)",
    "archive.err.bad_format": "unknown format {format!r}: use md, csv or json",
    "archive.err.bad_top": "--top {top}: give 1 or more",
    "archive.err.diverged": "{count} session(s) diverged from the archive: nothing of them was merged",
    "store.err.copy_same": "session {id} is already here ({path}); see: facilitate archive status {id}",
    "store.err.copy_taken": (
        "another session is already called {id} ({path}); pull it into another folder"
        " (--sessions-dir)"
    ),
    # the report's words
    "archive.doc.title": "Across sessions",
    "archive.doc.sessions": "{count} session(s):",
    "archive.doc.themes": "Themes",
    "archive.doc.theme": "{name} ({sessions} session(s))",
    "archive.doc.top": "The top {top} of each ranking",
    "archive.doc.run": "run {number}",
    "archive.doc.times": "Time planned and actual per method (minutes, steps that ended)",
    "archive.doc.col.method": "Method",
    "archive.doc.col.runs": "Runs",
    "archive.doc.col.steps": "Steps",
    "archive.doc.col.planned": "Planned",
    "archive.doc.col.actual": "Actual",
    "archive.doc.col.difference": "Difference",
}

SV: dict[str, str] = {
    "archive.help": (
        "Organisationens arkiv i PostgreSQL: skicka sessioner dit, se hur de står, hämta"
        " tillbaka en, gör rapporter över flera sessioner. De lokala sessionerna gäller först."
    ),
    "archive.example": (
        "Exempel:  facilitate archive push --db postgresql://anna@arkiv.example.org/workshops"
        "   ·   FACILITATE_ARCHIVE_URL=... facilitate archive status   ·"
        "   facilitate archive report --programme mer-for-fler --format md"
    ),
    "archive.push.help": (
        "Kopiera sessioner (alla om ingen nämns) till arkivet, post för post. Går att köra"
        " om och om igen, från flera datorer samtidigt och efter en krasch: bara det nya"
        " skickas. En kopia som gått isär från den arkiverade rapporteras, slås aldrig ihop."
    ),
    "archive.push.example": (
        "Exempel:  facilitate archive push --db postgresql://anna@arkiv.example.org/workshops"
        "   ·   facilitate archive push 2014-03-11-eslov --programme mer-for-fler"
    ),
    "archive.status.help": (
        "Hur de lokala sessionerna står mot arkivet: skickade, nya, före, efter eller isärgångna."
    ),
    "archive.status.example": (
        "Exempel:  facilitate archive status   ·   facilitate archive status 2014-03-11-eslov --json"
    ),
    "archive.pull.help": (
        "Kopiera en arkiverad session till den lokala sessionsmappen (skrivskyddad om inte"
        " --writable)."
    ),
    "archive.pull.example": (
        "Exempel:  facilitate archive pull 2014-03-11-eslov   ·"
        "   facilitate archive pull 93c003fb --writable"
    ),
    "archive.report.help": (
        "En rapport över flera sessioner: teman och deras poster, toppen i varje 35:an och"
        " planerad mot faktisk tid per metod."
    ),
    "archive.report.example": (
        "Exempel:  facilitate archive report --programme mer-for-fler --since 2018-01-01"
        "   ·   facilitate archive report --format csv --out rapport.csv   ·"
        "   facilitate archive report --local --format json"
    ),
    "archive.arg.sessions": "Sessionerna (id eller UUID; standard: alla lokala sessioner).",
    "archive.arg.session": "Den arkiverade sessionen: dess id, dess UUID eller början av den.",
    "archive.opt.db": (
        "Arkivets PostgreSQL-URL (standard: FACILITATE_ARCHIVE_URL); sslmode=require kräver TLS."
    ),
    "archive.opt.programme": "Programmet sessionerna hör till (ett namn som mer-for-fler).",
    "archive.opt.report_programme": "Bara sessionerna i det här programmet (eller med den här planen).",
    "archive.opt.since": "Bara sessioner daterade denna dag eller senare (ÅÅÅÅ-MM-DD).",
    "archive.opt.format": "Formatet: md, csv eller json.",
    "archive.opt.out": "Filen att skriva (standard: skriv ut på standard ut).",
    "archive.opt.top": "Hur många kort i varje rangordning (standard 3).",
    "archive.opt.local": "Rapportera över de lokala sessionerna i stället för arkivet.",
    "archive.opt.writable": "Gör kopian skrivbar (den är skrivskyddad som standard).",
    "archive.opt.json": "Skriv JSON i stället för text.",
    "archive.opt.lang": "Rapportens språk, sv eller en (standard: gränssnittets).",
    "export.opt.archive": "Exportera sessioner från det här arkivet (en PostgreSQL-URL) i stället för de lokala.",
    "archive.standing.new": "{id}: ny, {added} post(er) skickade",
    "archive.standing.ahead": "{id}: {added} nya post(er) skickade",
    "archive.standing.up_to_date": "{id}: aktuell",
    "archive.standing.behind": "{id}: arkivet har {missing} post(er) som den här kopian saknar (inget att skicka)",
    "archive.standing.diverged": (
        "{id}: ISÄRGÅNGEN vid post {seq}: den här kopian och den arkiverade skiljer sig; inget"
        " slogs ihop (behåll en kopia, eller ge den andra en egen session)"
    ),
    "archive.status.new": "{id}: inte arkiverad än ({records} post(er))",
    "archive.status.ahead": "{id}: {records} post(er) att skicka",
    "archive.status.up_to_date": "{id}: skickad, aktuell",
    "archive.status.behind": "{id}: arkivet har {missing} post(er) som den här kopian saknar",
    "archive.status.diverged": "{id}: ISÄRGÅNGEN vid post {seq}: den här kopian och den arkiverade skiljer sig",
    "archive.status.total": "arkivet: {sessions} session(er), {records} post(er)",
    "archive.pushed.total": "skickat: {added} post(er) från {sessions} session(er)",
    "archive.pulled": "hämtad: {id} till {path} ({records} post(er), {mode})",
    "archive.pulled.read_only": "skrivskyddad",
    "archive.pulled.writable": "skrivbar",
    "archive.written": "skriven: {path} ({format}, {sessions} session(er))",
    "archive.err.no_psycopg": (
        "arkivet behöver psycopg, som inte är installerat: pip install 'facilitate[archive]'"
    ),
    "archive.err.no_url": "vilket arkiv? Ange --db URL eller sätt FACILITATE_ARCHIVE_URL",
    "archive.err.failed": "arkivet {url}: {detail}",
    "archive.err.schema_newer": (
        "arkivets schema har version {version}, nyare än den här facilitate känner till"
        " ({known}): uppdatera facilitate"
    ),
    "archive.err.not_archived": "ingen arkiverad session {ref!r} (se: facilitate archive status)",
    "archive.err.ambiguous": "{ref!r} passar flera arkiverade sessioner: {matches}; ange en med dess UUID",
    "archive.err.bad_header": "den arkiverade sessionen {id}: dess huvud har ett felaktigt fält {field!r}",
    "archive.err.bad_id": (
        "den arkiverade sessionen {uuid}: dess id {id!r} är inget säkert mappnamn; det används inte"
    ),
    "archive.err.bad_url": (
        "arkivets URL går inte att läsa (se libpq:s anslutningssträngar:"
        " postgresql://användare@värd/db eller host=... dbname=...)"
    ),
    "archive.url.unreadable": "(en URL som inte går att läsa)",
    "archive.err.bad_since": "--since {value!r}: inget datum (ÅÅÅÅ-MM-DD)",
    "archive.err.bad_format": "okänt format {format!r}: använd md, csv eller json",
    "archive.err.bad_top": "--top {top}: ange 1 eller fler",
    "archive.err.diverged": "{count} session(er) har gått isär från arkivet: inget av dem slogs ihop",
    "store.err.copy_same": "sessionen {id} finns redan här ({path}); se: facilitate archive status {id}",
    "store.err.copy_taken": (
        "en annan session heter redan {id} ({path}); hämta den till en annan mapp (--sessions-dir)"
    ),
    "archive.doc.title": "Över sessionerna",
    "archive.doc.sessions": "{count} session(er):",
    "archive.doc.themes": "Teman",
    "archive.doc.theme": "{name} ({sessions} session(er))",
    "archive.doc.top": "Topp {top} i varje rangordning",
    "archive.doc.run": "körning {number}",
    "archive.doc.times": "Planerad och faktisk tid per metod (minuter, avslutade steg)",
    "archive.doc.col.method": "Metod",
    "archive.doc.col.runs": "Körningar",
    "archive.doc.col.steps": "Steg",
    "archive.doc.col.planned": "Planerat",
    "archive.doc.col.actual": "Faktiskt",
    "archive.doc.col.difference": "Skillnad",
}
