"""What the Eslöv documentation of 11 March 2014 records, as the example session enters it.

The texts are the documentation's own (tests/data/eslov_2014_documentation.txt), item by
item; the 35:an totals are illustrative, as the documentation gives only the order. The
stories, the 35:an's question and the World Café's questions are the plan's (plans/eslov-dag.yaml).
"""

from __future__ import annotations

STORIES: list[tuple[str, str, list[str]]] = [
    (
        "Trelleborg",
        "Trelleborg berättade om sin kartläggning av samverkansprocesser mellan idéburna"
        " organisationer och kommunen, samt om processen med den lokala överenskommelsen.",
        [
            "Nytt förhållningssätt",
            "Gemensamma begrepp",
            "Processen i sig är det viktiga",
            "Ömsesidig respekt",
            "Skynda långsamt",
            "Urval av representativitet",
            "Förväntningar på konkreta resultat",
        ],
    ),
    (
        "Svalöv",
        "Svalöv berättade om sin samverkan kring närmiljö som kommunen och LOBIS (Livskvalitet"
        " och boendemiljö i Svalöv kommun) arbetar med.",
        [
            "Tid",
            "Bred förankring",
            "Initiativ",
            "Förväntningar",
            "Kompetenskartläggning",
            "Kontinuitet",
            "Bieffekt: föreningar hittar varandra",
        ],
    ),
    (
        "Röda Korset",
        "Röda Korset berättade om den samverkan som sker med Röda Kors-värdar och frivilliga"
        " insatser vid flera av Skånes sjukhus, och som nu har fått ett nytt samarbetsavtal i"
        " form av Idéburet-Offentligt Partnerskap (IOP).",
        [
            "Politisk intention tydlighet och långsiktighet",
            "Ömsesidig vilja och respekt",
            "Öppen dialog mellan alla parter",
            "Våga skapa nytt utanför boxen",
            "Behov & särart tillit i grå zonen",
            "Båda parter satsar vi arbetar fram tillsammans",
            "Makt och resurser jämlikhet och fördelning?",
        ],
    ),
    (
        "Röstånga tillsammans",
        "Röstånga Tillsammans är en ideell förening som berättade om sitt arbete med"
        " samverkansfrågor och lokal utveckling.",
        [
            "Hur kommunicerar man?",
            "Samarbete hitta lösningar",
            "Lyssna på alla parter",
            "Konkret projekt att samlas kring",
            "Personligt mod, ge inte upp",
            "Tillit, förtroende",
            "Utveckla metoder för medskapande",
        ],
    ),
    (
        "AlltMöjligt Verkstaden",
        "Broby-föreningen AlltMöjligt Verkstaden berättade om sin långa tradition av lokal"
        " samverkan inom arbetsmarknadsområdet.",
        [
            "Holistisk syn hela människan",
            "Social mobilisering",
            "Övergripande ansats: vi gör allt möjligt",
            "Öppenhet: öppna människor, öppna verksamheter, öppna processer",
            "Ha en målsättning",
            "Dialog sektorsövergripande (Arbetsförmedling, Försäkringskassa, Kommun & Ideell"
            " förening)",
            "Samtal mellan människor skapar mötesplats i kombination med verksamhet",
        ],
    ),
]

CARDS: list[tuple[str, int]] = [
    ("Skolan, utbildning, barn och ungdomar, fritidsverksamhet", 31),
    ("Integration, flyktingmottagande och tillgänglighet", 29),
    ("Utanförskapsfrågor, ungas väg till arbetslivet, hemlöshet", 28),
]

IDEAS: list[tuple[str, list[str]]] = [
    (
        "Möten och relationer",
        [
            "Kreativa mötesplatser mellan och inom sektorerna",
            "fler mötesplatser som den här där man kan dela och utbyta erfarenheter",
            "Bygga relationer & tillit genom att underhålla och utveckla kontaktnätet, och för"
            " att skapa samverkan",
            "Förankringsprocesser bli en del av systemet. Och förankra bredare",
            "Lyssna mycket bygger förståelse",
            "Skapa lokala mötesplatser hitta smidiga och enkla vägar till varandra",
        ],
    ),
    (
        "Bygga kunskaper",
        [
            "Tydliggör nyttan av samverkan, visa på mervärdet och den gemensamma nyttan. Vad"
            " vinner vi på samverkan? Lyft fram det!",
            "Bygg kunskap om varandras arbete!",
            "Utveckla tillit till respektive parts arbete",
            "Gemensam kunskapsbank",
            "Bygga ett Forum som man kan samlas kring där man kan utbyta kunskaper. Satsa på"
            " inkludering och öppenhet här",
            "Går det att göra en light-version av lokal överenskommelse? Vissa sa nej och"
            " tydliggjorde att en sådan process måste tas på allvar och genomföras bra",
            "Skapa tydlighet i roller och ansvar",
            "Samla kunskaper om stödstrukturer, modeller och metoder",
            "Förtydliga begrepp och ord: förtydliga legitimiteten kring begrepp som"
            " överenskommelse, strategi och handlingsplan",
        ],
    ),
    (
        "Börja göra",
        [
            "Projekt börja i det lilla med ett tillåtande förhållningssätt",
            "Våga pröva sig fram utifrån gemensamt mål. Våga och vilja pröva nytt",
            "Våga samtala om normer, attityder",
            "Jobba långsiktigt",
            "Satsa på lust, energi och gemenskap ta till vara på individers kraft",
            "Vi behöver fler Sonny",
            "Jobba gränslöst över kommungränser och organisationsgränser",
            "Vårda och stötta initiativ som kommer fram",
        ],
    ),
    (
        "Konkreta förändringar",
        [
            "Ta fram en gemensam färdriktning och mål",
            "Utforma en infrastruktur för samverkan. Här måste det offentliga hitta nya"
            " strukturer som ökar möjligheter till",
            "Jobba med EU-koden",
            "Utveckla tydligare mandat för beslut",
            "Utveckla Lärandeprocesser utifrån befintlig samverkan tex som studiecirklar",
            "Årlig träff mellan sektorerna i respektive kommun",
        ],
    ),
    (
        "Utveckla strukturen",
        [
            "Bygg samverkanskompetens hitta förebilder och personer med kompetens som kan vara"
            " med i processen",
            "Hitta regelförenklingar saken är viktigare än reglerna! Regelsystemen behöver utmanas",
            "Samla goda exempel och ge tips på hur samverkan kan se ut och fungera",
        ],
    ),
]
