"""Interface messages of the facilitator's console (`facilitate console`), in English and
Swedish."""

EN: dict[str, str] = {
    "console.help": (
        "The facilitator's own screen, in a second terminal beside the room view: the step"
        " and its time left (as the projector counts), the planned day's next anchor, the"
        " latest entries from note-takers, and the keys that steer the live run (space, +, -,"
        " n). The run in the other terminal records what the keys do; q twice quits the"
        " console only."
    ),
    "console.example": (
        "Examples:  facilitate run 35an --session 2026-11-22-eslov   (the projector)   ·  "
        " facilitate console 2026-11-22-eslov   (your own screen)   ·  "
        " facilitate console 2026-11-22-eslov --plain"
    ),
    "console.opt.plain": (
        "Text lines instead of the full-screen view (for screen readers and logs): the step,"
        " a pause, each new entry, a line a minute."
    ),
    "console.err.command": "{command!r} is no command of a live run; the commands: {commands}",
    "console.heading": "Console · {title}",
    "console.live": "live",
    "console.no_live": "no live run — keys do nothing",
    "console.no_run": "No run yet in this session.",
    "console.finished": "The last run has finished.",
    "console.stopped": "The run is stopped at {step}; resume it with: facilitate sessions resume {id}",
    "console.step": "Step {number}/{total}",
    "console.round": "round {round}",
    "console.left": "{time} left",
    "console.over": "{time} over",
    "console.paused": "PAUSED",
    "console.between": "between two steps",
    "console.next": "Next: {title}",
    "console.timer": "Timer",
    "console.block": "Block {number}/{total}",
    "console.entries": "Latest entries ({count} in all)",
    "console.no_entries": "No entries yet.",
    "console.by": "by {author}",
    "console.keys": "space pause · +/- minute · n next · ? help · q quit",
    "console.keys_short": "spc +/- n ? q",
    "console.help_title": "Keys of the console (they steer the live run in the other terminal)",
    "console.help_lines": (
        "space  pause / resume the run\n"
        "+ / -  one minute more / less for this step\n"
        "n      next step (on the last step: n again to finish)\n"
        "?      show or hide this help\n"
        "q      q twice quits the console; the run goes on"
    ),
    "console.help_close": "Press any key to go back.",
    "console.sent.pause": "Sent to the run: pause / resume",
    "console.sent.extend": "Sent to the run: one minute more",
    "console.sent.shorten": "Sent to the run: one minute less",
    "console.sent.next": "Sent to the run: next step",
    "console.sent.next_last": "Sent to the run: next — this is the last step, n again finishes",
    "console.not_taken": "No live run took it — keys do nothing",
    "console.not_now": "The run takes no keys now (between blocks, or no control channel)",
    "console.quit.confirm": "q again to quit the console (the run goes on)",
    "console.quit.kept": "The console stays.",
    "console.plain.step": "{step}: {title}{left}",
    "console.plain.paused": "{title}: paused",
    "console.plain.resumed": "{title}: running again",
    "console.plain.minute": "{title}: {left}",
    "console.plain.entry": "New {kind} ({where}) {by}: {text}",
    "console.plain.live": "A run is live: keys steer it.",
}

SV: dict[str, str] = {
    "console.help": (
        "Processledarens egen skärm, i en andra terminal bredvid rummets vy: steget och tiden"
        " kvar (som projektorn räknar), dagsplanens nästa hålltid, de senaste posterna från"
        " antecknarna, och tangenterna som styr den pågående körningen (mellanslag, +, -, n)."
        " Körningen i den andra terminalen registrerar vad tangenterna gör; q två gånger"
        " avslutar bara konsolen."
    ),
    "console.example": (
        "Exempel:  facilitate run 35an --session 2026-11-22-eslov   (projektorn)   ·  "
        " facilitate console 2026-11-22-eslov   (din egen skärm)   ·  "
        " facilitate console 2026-11-22-eslov --plain"
    ),
    "console.opt.plain": (
        "Textrader i stället för helskärmsvyn (för skärmläsare och loggar): steget, en paus,"
        " varje ny post, en rad i minuten."
    ),
    "console.err.command": (
        "{command!r} är inget kommando för en pågående körning; kommandona: {commands}"
    ),
    "console.heading": "Konsol · {title}",
    "console.live": "pågår",
    "console.no_live": "ingen körning pågår — tangenterna gör inget",
    "console.no_run": "Ingen körning ännu i den här sessionen.",
    "console.finished": "Den senaste körningen är klar.",
    "console.stopped": (
        "Körningen står still vid {step}; fortsätt den med: facilitate sessions resume {id}"
    ),
    "console.step": "Steg {number}/{total}",
    "console.round": "omgång {round}",
    "console.left": "{time} kvar",
    "console.over": "{time} över",
    "console.paused": "PAUS",
    "console.between": "mellan två steg",
    "console.next": "Nästa: {title}",
    "console.timer": "Timer",
    "console.block": "Block {number}/{total}",
    "console.entries": "Senaste posterna ({count} totalt)",
    "console.no_entries": "Inga poster ännu.",
    "console.by": "av {author}",
    "console.keys": "mellanslag paus · +/- minut · n nästa · ? hjälp · q avsluta",
    "console.keys_short": "mlsl +/- n ? q",
    "console.help_title": "Konsolens tangenter (de styr körningen i den andra terminalen)",
    "console.help_lines": (
        "mellanslag  pausa / fortsätt körningen\n"
        "+ / -       en minut mer / mindre för det här steget\n"
        "n           nästa steg (på sista steget: n igen för att avsluta)\n"
        "?           visa eller dölj den här hjälpen\n"
        "q           q två gånger avslutar konsolen; körningen fortsätter"
    ),
    "console.help_close": "Tryck på valfri tangent för att gå tillbaka.",
    "console.sent.pause": "Skickat till körningen: paus / fortsätt",
    "console.sent.extend": "Skickat till körningen: en minut mer",
    "console.sent.shorten": "Skickat till körningen: en minut mindre",
    "console.sent.next": "Skickat till körningen: nästa steg",
    "console.sent.next_last": "Skickat till körningen: nästa — sista steget, n igen avslutar",
    "console.not_taken": "Ingen pågående körning tog emot det — tangenterna gör inget",
    "console.not_now": "Körningen tar inga tangenter nu (mellan block, eller ingen styrkanal)",
    "console.quit.confirm": "q igen för att avsluta konsolen (körningen fortsätter)",
    "console.quit.kept": "Konsolen är kvar.",
    "console.plain.step": "{step}: {title}{left}",
    "console.plain.paused": "{title}: pausad",
    "console.plain.resumed": "{title}: igång igen",
    "console.plain.minute": "{title}: {left}",
    "console.plain.entry": "Ny {kind} ({where}) {by}: {text}",
    "console.plain.live": "En körning pågår: tangenterna styr den.",
}
