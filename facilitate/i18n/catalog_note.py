"""Interface messages about entering the group's input (`facilitate note`, the note-taker's
mode), in English and Swedish."""

EN: dict[str, str] = {
    # the command
    "note.help": (
        "Enter the group's input: a note, a reflection, a card, a score or a vote, at the step"
        " running now or at --step. 'saved' is printed only once the entry is on disk. Without"
        " TEXT, in a terminal: the note-taker's mode, one entry after another."
        " `facilitate sessions note` is the same command."
    ),
    "note.example": (
        'Examples:  facilitate note 2026-11-22-eslov "Skynda långsamt" --step harvest'
        " -d story=Trelleborg -d lens=mod   ·   facilitate note ID --step round#2 --points 17=4"
        " --points 23=3   ·   facilitate note ID   (the note-taker's mode)"
    ),
    "note.arg.text": (
        "The entry's text (at most 5,000 characters). Leave it out in a terminal to take notes"
        " one after another."
    ),
    "note.opt.step": (
        "The step the entry belongs to: harvest, or round#2 for a round. It goes to the latest"
        " run that has that step (default: the step the live run is on)."
    ),
    "note.opt.run": "The run the step belongs to: its number (as `sessions show` lists it) or id.",
    "note.opt.kind": (
        "The kind of entry: note, reflection, card, pair_split, rating, dots, theme, entry"
        " (Swedish names too: reflektion, kort ...). Default: what the step collects."
    ),
    "note.opt.dim": (
        "A dimension's value, by id or label in either language: -d story=Trelleborg -d lens=mod"
        " (also -d round=2, and a vote's criterion)."
    ),
    "note.opt.card": "A card's id (a new card, or the card a rating is for).",
    "note.opt.points": "A pair split: twice, one card and its points each: --points 17=4 --points 23=3.",
    "note.opt.score": "A rating's score (with --card).",
    "note.opt.target": "What a dot vote is for: an option by id or label, or a card's id.",
    "note.opt.count": "How many dots (default 1).",
    "note.opt.voter": "Who placed the dots (each person's budget is checked).",
    "note.opt.field": "A structured entry's field, by id or label: --field who=Anna.",
    "note.opt.item": "An entry a theme links (its id); repeat for several.",
    "note.opt.value": "Any field of the entry's payload: --value round=3.",
    "note.err.no_text": (
        "give the entry's TEXT (or its payload, e.g. --points); without them the note-taker's"
        " mode needs a terminal"
    ),
    "note.err.pair": "{option} {given!r}: write it as NAME=VALUE",
    "note.err.points": (
        "a pair split gives two different cards their points: --points 17=4 --points 23=3"
    ),
    "note.saved_where": " · {step}, {run}",
    "note.saved_where_no_run": " · {step}",
    # where an entry goes
    "note.run": "run {number} ({method})",
    "note.rounds": "{run}: rounds 1–{last}",
    "note.err.no_run": "session {id} has no run {run!r}; its runs: {runs}",
    "note.err.run_not_live": "{run} is not running: name the step with --step",
    "note.err.step_not_in_run": "{run} has no step {step!r}{hint}; its steps: {steps}",
    "note.err.no_round": "step {step!r} has no round {round} in this session ({rounds})",
    # an entry's text and values
    "note.what.text": "the text",
    "note.what.note": "the note",
    "note.what.reflection": "the reflection",
    "note.what.card": "the card",
    "note.what.theme": "the theme",
    "note.text_control": (
        "{what} contains a control character, {char}, at position {position}: such characters"
        " can change what a terminal shows; write it without"
    ),
    "note.text_invisible": "{what} has nothing visible in it",
    "note.text_long": "{what} has {length} characters; an entry keeps at most {max}",
    "note.bad_round": "round {value!r}: give the round as a whole number from 1",
    "note.round_conflict": "round {value}: the entry is for round {round} of step {step!r}",
    # the note-taker's mode
    "note.mode.start": (
        "Taking notes in {title} ({id}) as {author}. Enter saves; /help lists the commands;"
        " Ctrl-D ends."
    ),
    "note.mode.following": "Following {run}: {step}",
    "note.mode.picked": "Entries go to {step}, {run} (/follow follows the live run again)",
    "note.mode.picked_no_run": "Entries go to {step} (/follow follows the live run again)",
    "note.mode.no_live": (
        "No run is live: entries are for the session as a whole (/step STEP picks a step)"
    ),
    "note.mode.collects": "  collects {kinds}{along}",
    "note.mode.along": " along {dimensions}",
    "note.mode.step": "step {number}/{total}: {title}",
    "note.mode.whole_session": "the session as a whole",
    "note.mode.ask_dimension": "{dimension} ({choices})",
    "note.mode.ask_default": " [{value}]",
    "note.mode.syntax.card": "17: the idea (or only the idea: the next number)",
    "note.mode.syntax.pair_split": "card=points card=points, e.g. 17=4 23=3",
    "note.mode.syntax.rating": "card=score, e.g. 17=4",
    "note.mode.syntax.dots": "option=dots, e.g. 2=3 (or only the option: 1 dot)",
    "note.mode.syntax.entry": "field=value; field=value",
    "note.mode.syntax_line": "  type: {syntax}",
    "note.mode.saved": "saved: {kind} {entry} (#{seq}) · here {here} ({mine} yours)",
    "note.mode.withdrawn": "withdrawn: {kind} {entry}: {text}",
    "note.mode.nothing_yours": "nothing of yours to change here yet",
    "note.mode.edited": "changed {entry}: {before} → {after}",
    "note.mode.edit_ask": "new text",
    "note.mode.unknown_command": "unknown command {command}; /help lists them",
    "note.mode.kind_now": "entries are now of kind {kind}",
    "note.mode.steps": "steps: {steps}",
    "note.mode.problem": "  ✗ {message}",
    "note.mode.toolbar": " {where} · here {here} ({mine} yours) · {saved} saved in all · /help",
    "note.mode.end": "{count} entries saved in {id}.",
    "note.mode.help": (
        "Type an entry and press Enter: it is saved at once, with the values shown in [ ].\n"
        "  /dim [DIM=VALUE ...]   change a dimension's value (alone: asks for each)\n"
        "  /kind KIND             enter another kind (note, reflection, card ...)\n"
        "  /step STEP[#ROUND]     file entries at that step (alone: lists the steps)\n"
        "  /follow                follow the live run's step again\n"
        "  /edit [TEXT]           change the text of your last entry\n"
        "  /undo                  withdraw your last entry (it stays in the journal)\n"
        "  //text                 an entry that starts with /\n"
        "  /quit, Ctrl-D, Ctrl-C  end"
    ),
}

SV: dict[str, str] = {
    # the command
    "note.help": (
        "Skriv in gruppens resultat: en anteckning, en reflektion, ett kort, poäng eller en"
        " röst, vid steget som pågår nu eller vid --step. 'sparat' skrivs först när posten"
        " finns på disken. Utan TEXT, i en terminal: dokumentatörens läge, en post i taget."
        " `facilitate sessions note` är samma kommando."
    ),
    "note.example": (
        'Exempel:  facilitate note 2026-11-22-eslov "Skynda långsamt" --step harvest'
        " -d story=Trelleborg -d lens=mod   ·   facilitate note ID --step round#2 --points 17=4"
        " --points 23=3   ·   facilitate note ID   (dokumentatörens läge)"
    ),
    "note.arg.text": (
        "Postens text (högst 5 000 tecken). Utelämna den i en terminal för att skriva en post"
        " i taget."
    ),
    "note.opt.step": (
        "Steget som posten hör till: harvest, eller round#2 för en runda. Den hamnar i den"
        " senaste körningen som har steget (standard: steget som pågår nu)."
    ),
    "note.opt.run": "Körningen som steget hör till: dess nummer (som i `sessions show`) eller id.",
    "note.opt.kind": (
        "Sorts post: note, reflection, card, pair_split, rating, dots, theme, entry (eller på"
        " svenska: anteckning, reflektion, kort ...). Standard: det steget samlar in."
    ),
    "note.opt.dim": (
        "En dimensions värde, med id eller namn på något av språken: -d story=Trelleborg"
        " -d lens=mod (även -d round=2, och en omröstnings kriterium)."
    ),
    "note.opt.card": "Ett korts id (ett nytt kort, eller kortet ett betyg gäller).",
    "note.opt.points": "Parpoäng: två gånger, ett kort och dess poäng: --points 17=4 --points 23=3.",
    "note.opt.score": "Ett betyg (med --card).",
    "note.opt.target": "Vad en prick gäller: ett förslag med id eller namn, eller ett korts id.",
    "note.opt.count": "Hur många prickar (standard 1).",
    "note.opt.voter": "Vem som satte prickarna (var och ens budget kontrolleras).",
    "note.opt.field": "Ett fält i en strukturerad post, med id eller namn: --field who=Anna.",
    "note.opt.item": "En post som ett tema länkar (dess id); upprepa för flera.",
    "note.opt.value": "Vilket fält som helst i postens innehåll: --value round=3.",
    "note.err.no_text": (
        "ange postens TEXT (eller dess innehåll, t.ex. --points); utan dem behöver"
        " dokumentatörens läge en terminal"
    ),
    "note.err.pair": "{option} {given!r}: skriv det som NAMN=VÄRDE",
    "note.err.points": ("parpoäng ger två olika kort var sina poäng: --points 17=4 --points 23=3"),
    "note.saved_where": " · {step}, {run}",
    "note.saved_where_no_run": " · {step}",
    # where an entry goes
    "note.run": "körning {number} ({method})",
    "note.rounds": "{run}: rundorna 1–{last}",
    "note.err.no_run": "sessionen {id} har ingen körning {run!r}; dess körningar: {runs}",
    "note.err.run_not_live": "{run} pågår inte: ange steget med --step",
    "note.err.step_not_in_run": "{run} har inget steg {step!r}{hint}; dess steg: {steps}",
    "note.err.no_round": "steget {step!r} har ingen runda {round} i den här sessionen ({rounds})",
    # an entry's text and values
    "note.what.text": "texten",
    "note.what.note": "anteckningen",
    "note.what.reflection": "reflektionen",
    "note.what.card": "kortet",
    "note.what.theme": "temat",
    "note.text_control": (
        "{what} innehåller ett styrtecken, {char}, på plats {position}: sådana tecken kan"
        " ändra vad en terminal visar; skriv utan det"
    ),
    "note.text_invisible": "{what} har inget synligt innehåll",
    "note.text_long": "{what} har {length} tecken; en post rymmer högst {max}",
    "note.bad_round": "runda {value!r}: ange rundan som ett heltal från 1",
    "note.round_conflict": "runda {value}: posten gäller runda {round} av steget {step!r}",
    # the note-taker's mode
    "note.mode.start": (
        "Antecknar i {title} ({id}) som {author}. Enter sparar; /hjälp visar kommandona;"
        " Ctrl-D avslutar."
    ),
    "note.mode.following": "Följer {run}: {step}",
    "note.mode.picked": "Posterna hamnar i {step}, {run} (/följ följer körningen igen)",
    "note.mode.picked_no_run": "Posterna hamnar i {step} (/följ följer körningen igen)",
    "note.mode.no_live": (
        "Ingen körning pågår: posterna gäller hela sessionen (/steg STEG väljer ett steg)"
    ),
    "note.mode.collects": "  samlar in {kinds}{along}",
    "note.mode.along": " efter {dimensions}",
    "note.mode.step": "steg {number}/{total}: {title}",
    "note.mode.whole_session": "hela sessionen",
    "note.mode.ask_dimension": "{dimension} ({choices})",
    "note.mode.ask_default": " [{value}]",
    "note.mode.syntax.card": "17: idén (eller bara idén: nästa nummer)",
    "note.mode.syntax.pair_split": "kort=poäng kort=poäng, t.ex. 17=4 23=3",
    "note.mode.syntax.rating": "kort=betyg, t.ex. 17=4",
    "note.mode.syntax.dots": "förslag=prickar, t.ex. 2=3 (eller bara förslaget: 1 prick)",
    "note.mode.syntax.entry": "fält=värde; fält=värde",
    "note.mode.syntax_line": "  skriv: {syntax}",
    "note.mode.saved": "sparat: {kind} {entry} (#{seq}) · här {here} ({mine} dina)",
    "note.mode.withdrawn": "återtaget: {kind} {entry}: {text}",
    "note.mode.nothing_yours": "inget av ditt att ändra här ännu",
    "note.mode.edited": "ändrat {entry}: {before} → {after}",
    "note.mode.edit_ask": "ny text",
    "note.mode.unknown_command": "okänt kommando {command}; /hjälp visar kommandona",
    "note.mode.kind_now": "posterna är nu av sorten {kind}",
    "note.mode.steps": "steg: {steps}",
    "note.mode.problem": "  ✗ {message}",
    "note.mode.toolbar": " {where} · här {here} ({mine} dina) · {saved} sparade i allt · /hjälp",
    "note.mode.end": "{count} poster sparade i {id}.",
    "note.mode.help": (
        "Skriv en post och tryck Enter: den sparas direkt, med värdena som visas inom [ ].\n"
        "  /dim [DIM=VÄRDE ...]   ändra en dimensions värde (ensamt: frågar efter varje)\n"
        "  /sort SORT             skriv en annan sorts poster (anteckning, reflektion, kort ...)\n"
        "  /steg STEG[#RUNDA]     lägg posterna i det steget (ensamt: visar stegen)\n"
        "  /följ                  följ körningens steg igen\n"
        "  /ändra [TEXT]          ändra texten i din senaste post\n"
        "  /ångra                 ta tillbaka din senaste post (den finns kvar i journalen)\n"
        "  //text                 en post som börjar med /\n"
        "  /sluta, Ctrl-D, Ctrl-C avsluta"
    ),
}
