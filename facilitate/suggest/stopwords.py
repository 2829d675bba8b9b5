"""Stop words: the little words that say nothing about a theme, per language.

Based on the Snowball project's stop word lists (Swedish, Norwegian, English), with a few
words that recur in workshop notes without carrying a theme ("fler", "behöver", "need").
"""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


SWEDISH = _words(
    """
    alla allt andra annan annat att av bara bli blir blev blivit de dem den denna dess dessa
    det detta dig din dina dit ditt du där då efter ej eller en er era ert ett från för får
    ha hade han hans har hela hem hen henne hennes hit hon honom hur här i ibland icke ingen
    inom inte jag ju kan kunde man med mellan men mer mera mig min mina mitt mot mycket många
    måste ni nu någon något några när och också om oss på redan samma sedan sig sin sina sitt
    själv skall ska skulle så sådan sådana sådant till tills under upp ut utan vad var
    vara varför varit varje vars vart vem vi vid vilka vilkas vilken vilket vår våra vårt än
    är åt över även fler flera tex etc kring genom hos ifrån inför som varandra varandras
    fram utifrån respektive behöver behövs göra gör finns kommer tas ge
    """
)

NORWEGIAN = _words(
    """
    alle andre at av bare begge ble blei bli blir blitt både da de deg dei deim deira deires
    dem den denne der dere deres det dette di din disse ditt du dykk dykkar då eg ein eit eitt
    eller elles en enn er et ett etter for fordi fra før ha hadde han hans har hennar henne
    hennes her hjå ho hoe honom hoss hossen hun hva hvem hver hvilke hvilken hvis hvor hvordan
    hvorfor i ikke ikkje ingen ingi inkje inn inni ja jeg kan kom korleis korso kun kunne kva
    kvar kvarhelst kven kvi kvifor man mange me med medan meg meget mellom men mer mi min mine
    mitt mot mykje ned no noe noen noka noko nokon nokor nokre nå når og også om opp oss over
    på samme seg selv si sia sidan siden sin sine sitt sjøl skal skulle slik so som somme somt
    så sånn til um upp ut uten var vart varte ved vere verte vi vil ville vore vors vort vår
    være vært å flere fram trenger behøver gjøre gjør finnes kommer gi hverandre
    """
)

ENGLISH = _words(
    """
    a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is
    it its itself just me more most my myself no nor not now of off on once only or other our
    ours ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your yours yourself
    yourselves also many much must need needs get make let each other
    """
)

STOP_WORDS = {"sv": SWEDISH, "no": NORWEGIAN, "en": ENGLISH}
