"""Problems with scores, votes and themes, and theme suggestions, in English and Swedish.

Keys are the ``code`` of a :class:`facilitate.model.input_problems.InputProblem`; the
placeholders are its ``values``. The caller puts the place (row, field) in front.
"""

EN: dict[str, str] = {
    # scores
    "score.not_whole": "{value!r} is not a whole number",
    "score.round_range": "round {value} does not exist: the rounds are 1 to {rounds}",
    "score.points_range": "{value} points: give whole points from {low} to {high}",
    "score.pair_sum": "{a} + {b} points: the two cards of a pair share exactly {points}",
    "score.card_missing": "which card? The card is missing",
    "score.unknown_card": "unknown card {name!r}",
    "score.unknown_card_hint": "unknown card {name!r} (did you mean {hint!r}?)",
    "score.same_card": "card {card!r} cannot be paired with itself",
    "score.card_twice_in_round": "card {card!r} already has points in round {round}",
    "score.rating_range": "rating {value}: rate from {low} to {high}",
    "score.round_sum": (
        "round {round}: the points add up to {sum}, which whole pairs of {points} cannot give"
        " (a card read wrongly or missing?)"
    ),
    "score.total_range": "total {value}: a card's total is from {low} to {high}",
    "score.total_twice": "card {card!r} already has a total",
    # dots
    "score.target_missing": "which option? The option is missing",
    "score.unknown_target": "unknown option {name!r}",
    "score.unknown_target_hint": "unknown option {name!r} (did you mean {hint!r}?)",
    "score.criterion_missing": "which criterion (colour)? Choose one of: {options}",
    "score.criterion_not_used": "this vote has no criteria, so {name!r} does not apply",
    "score.unknown_criterion": "unknown criterion {name!r}",
    "score.unknown_criterion_hint": "unknown criterion {name!r} (did you mean {hint!r}?)",
    "score.dots_at_least_one": "{value} dots: place at least 1",
    "score.budget_voter": "{voter} would place {spent} dots, but each person has {dots}",
    "score.budget_voter_criterion": (
        "{voter} would place {spent} dots for {criterion!r}, but each person has {dots}"
    ),
    "score.budget_group": (
        "{spent} dots in all, but {participants} people have only {budget} between them"
    ),
    "score.budget_group_criterion": (
        "{spent} dots for {criterion!r}, but {participants} people have only {budget} between them"
    ),
    # themes
    "theme.name_empty": "a theme needs a name",
    "theme.name_control": "a theme's name cannot contain control characters",
    "theme.name_too_long": "the name is {length} characters long; at most {limit}",
    "theme.name_taken": "there is already a theme called {name!r}",
    "theme.unknown_theme": "no theme {name!r}",
    "theme.unknown_theme_hint": "no theme {name!r} (did you mean {hint!r}?)",
    "theme.id_taken": "there is already a theme with id {id!r}",
    "theme.unknown_item": "no item {name!r}",
    "theme.unknown_item_hint": "no item {name!r} (did you mean {hint!r}?)",
    "theme.item_not_assigned": "item {item!r} is not under any theme",
    "theme.nothing_to_merge": "name at least one theme to merge in",
    "theme.merge_self": "theme {theme!r} cannot be merged into itself",
    "theme.nothing_to_split": "name the items to split off from {theme!r}",
    "theme.item_not_in_theme": "item {item!r} is not under {theme!r}",
    "theme.ambiguous_text": "{count} items have the text {text!r}: use an item's id",
    # suggestions
    "suggest.near_duplicate": "nearly the same ({score}% alike): {count} items",
    "suggest.shared_stem": "share the word {word!r}: {count} items",
}

SV: dict[str, str] = {
    # scores
    "score.not_whole": "{value!r} är inte ett heltal",
    "score.round_range": "runda {value} finns inte: rundorna är 1 till {rounds}",
    "score.points_range": "{value} poäng: ge hela poäng från {low} till {high}",
    "score.pair_sum": "{a} + {b} poäng: parets två kort delar på exakt {points}",
    "score.card_missing": "vilket kort? Kortet saknas",
    "score.unknown_card": "okänt kort {name!r}",
    "score.unknown_card_hint": "okänt kort {name!r} (menade du {hint!r}?)",
    "score.same_card": "kort {card!r} kan inte bilda par med sig självt",
    "score.card_twice_in_round": "kort {card!r} har redan poäng i runda {round}",
    "score.rating_range": "betyg {value}: betygsätt från {low} till {high}",
    "score.round_sum": (
        "runda {round}: poängen blir {sum} tillsammans, vilket hela par om {points} inte kan ge"
        " (ett kort felläst eller saknas?)"
    ),
    "score.total_range": "summa {value}: ett korts summa är från {low} till {high}",
    "score.total_twice": "kort {card!r} har redan en summa",
    # dots
    "score.target_missing": "vilket förslag? Förslaget saknas",
    "score.unknown_target": "okänt förslag {name!r}",
    "score.unknown_target_hint": "okänt förslag {name!r} (menade du {hint!r}?)",
    "score.criterion_missing": "vilket kriterium (färg)? Välj ett av: {options}",
    "score.criterion_not_used": "den här röstningen har inga kriterier, så {name!r} gäller inte",
    "score.unknown_criterion": "okänt kriterium {name!r}",
    "score.unknown_criterion_hint": "okänt kriterium {name!r} (menade du {hint!r}?)",
    "score.dots_at_least_one": "{value} prickar: sätt minst 1",
    "score.budget_voter": "{voter} skulle sätta {spent} prickar, men var och en har {dots}",
    "score.budget_voter_criterion": (
        "{voter} skulle sätta {spent} prickar för {criterion!r}, men var och en har {dots}"
    ),
    "score.budget_group": (
        "{spent} prickar sammanlagt, men {participants} personer har bara {budget} tillsammans"
    ),
    "score.budget_group_criterion": (
        "{spent} prickar för {criterion!r}, men {participants} personer har bara {budget}"
        " tillsammans"
    ),
    # themes
    "theme.name_empty": "ett tema behöver ett namn",
    "theme.name_control": "ett temas namn får inte innehålla styrtecken",
    "theme.name_too_long": "namnet är {length} tecken långt; högst {limit}",
    "theme.name_taken": "det finns redan ett tema som heter {name!r}",
    "theme.unknown_theme": "inget tema {name!r}",
    "theme.unknown_theme_hint": "inget tema {name!r} (menade du {hint!r}?)",
    "theme.id_taken": "det finns redan ett tema med id {id!r}",
    "theme.unknown_item": "ingen post {name!r}",
    "theme.unknown_item_hint": "ingen post {name!r} (menade du {hint!r}?)",
    "theme.item_not_assigned": "posten {item!r} ligger inte under något tema",
    "theme.nothing_to_merge": "ange minst ett tema att slå ihop med",
    "theme.merge_self": "temat {theme!r} kan inte slås ihop med sig självt",
    "theme.nothing_to_split": "ange vilka poster som ska delas av från {theme!r}",
    "theme.item_not_in_theme": "posten {item!r} ligger inte under {theme!r}",
    "theme.ambiguous_text": "{count} poster har texten {text!r}: ange postens id",
    # suggestions
    "suggest.near_duplicate": "nästan likadana ({score} % lika): {count} poster",
    "suggest.shared_stem": "har ordet {word!r} gemensamt: {count} poster",
}
