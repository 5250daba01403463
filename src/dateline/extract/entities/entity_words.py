"""Word lists for telling people, organisations and places apart: titles, roles,
relation words, honorifics, name particles. Plain data, lower-cased, no story's names."""

from __future__ import annotations

# Honorifics and capitalised titles that stand before a name ("President Varga",
# "Chairman Park", "Mr. Lee"). Multi-word titles are listed whole.
TITLE_WORDS: frozenset[str] = frozenset(
    """
president vice-president chairman chairwoman chair chancellor premier prime minister
king queen prince princess emperor empress sultan emir sheikh shah crown
governor mayor senator sen. rep. representative congressman congresswoman
secretary minister ambassador envoy commissioner director general gen. lieutenant lt.
colonel col. major maj. captain capt. admiral adm. sergeant sgt. marshal commander
judge justice chief inspector superintendent detective officer
pope cardinal archbishop bishop rev. reverend father imam rabbi ayatollah
dr. dr doctor professor prof. mr. mr mrs. mrs ms. ms miss sir dame lord lady
speaker leader chief head deputy spokesman spokeswoman spokesperson
dictator general-secretary chief executive ceo cfo coo founder
sheriff gov. pres. supt. atty. gen. councillor councilman councilwoman alderman constable
trustee chairperson mp magistrate
""".split()
) | frozenset(
    {
        "prime minister",
        "foreign minister",
        "defence minister",
        "defense minister",
        "finance minister",
        "interior minister",
        "secretary of state",
        "secretary-general",
        "secretary general",
        "attorney general",
        "chief of staff",
        "supreme leader",
        "vice president",
        "deputy prime minister",
        "chief executive",
        "crown prince",
    }
)

# Nouns that head a role or title phrase ("Kremlin aide", "a professor at ...",
# "veteran nuclear negotiator", "the young leader").
ROLE_NOUNS: frozenset[str] = frozenset(
    """
leader president chairman chairwoman chair chancellor premier minister king queen prince
princess monarch emperor sultan emir sheikh governor mayor senator lawmaker legislator
congressman congresswoman representative secretary ambassador envoy diplomat commissioner
director general commander officer official officials spokesman spokeswoman spokesperson
aide adviser advisor assistant deputy negotiator delegate chief head boss founder
executive ceo cfo manager chairperson president-elect candidate nominee politician
professor lecturer researcher scientist economist analyst expert strategist historian
journalist reporter editor correspondent columnist photographer writer author
lawyer attorney prosecutor judge justice magistrate investigator detective inspector
soldier general colonel captain admiral sergeant lieutenant marshal pilot
priest pope cardinal bishop archbishop imam rabbi cleric monk
doctor physician surgeon nurse teacher student activist campaigner protester
owner partner investor banker trader broker founder co-founder entrepreneur
coach player striker captain manager athlete driver champion
dictator ruler successor predecessor incumbent heir
spy agent member chairman-elect governor-elect mp sheriff deputy councillor commander
clerk parliamentarian
""".split()
)

# Party labels written before a politician's full name ("Democrat Dana Whitfield").
PARTY_LABELS: frozenset[str] = frozenset(
    "republican democrat democratic gop socialist labour tory conservative liberal".split()
)

# Kinship words, with the gender they tell about the person they name.
KINSHIP: dict[str, str | None] = {
    "father": "m",
    "mother": "f",
    "son": "m",
    "daughter": "f",
    "brother": "m",
    "sister": "f",
    "half-brother": "m",
    "half-sister": "f",
    "husband": "m",
    "wife": "f",
    "grandfather": "m",
    "grandmother": "f",
    "grandson": "m",
    "granddaughter": "f",
    "uncle": "m",
    "aunt": "f",
    "nephew": "m",
    "niece": "f",
    "cousin": None,
    "father-in-law": "m",
    "mother-in-law": "f",
    "son-in-law": "m",
    "daughter-in-law": "f",
    "brother-in-law": "m",
    "sister-in-law": "f",
    "stepfather": "m",
    "stepmother": "f",
    "stepson": "m",
    "stepdaughter": "f",
    "great-grandfather": "m",
    "great-grandmother": "f",
    "fiance": "m",
    "fiancee": "f",
    "widow": "f",
    "widower": "m",
    "partner": None,
    "spouse": None,
    "child": None,
    "parent": None,
    "sibling": None,
    "twin": None,
    "girlfriend": "f",
    "boyfriend": "m",
}

# Employment or working relations: they are titles too ("His chief of staff X").
EMPLOYMENT: frozenset[str] = frozenset(
    {
        "chief of staff",
        "aide",
        "adviser",
        "advisor",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "deputy",
        "assistant",
        "secretary",
        "lawyer",
        "attorney",
        "bodyguard",
        "press secretary",
        "chief aide",
        "security chief",
        "successor",
        "predecessor",
        "lieutenant",
        "envoy",
        "minister",
        "ambassador",
        "boss",
        "employer",
        "employee",
        "doctor",
        "driver",
        "biographer",
        "protege",
        "mentor",
        "coach",
    }
)

# Other relations between people that are not titles.
OTHER_RELATIONS: frozenset[str] = frozenset(
    {
        "counterpart",
        "friend",
        "rival",
        "ally",
        "opponent",
        "colleague",
        "classmate",
        "associate",
        "partner",
        "host",
        "guest",
        "challenger",
    }
)

# Words that sit between a possessive and a relation word without changing it.
RELATION_MODIFIERS: frozenset[str] = frozenset(
    {
        "late",
        "former",
        "younger",
        "older",
        "elder",
        "eldest",
        "youngest",
        "then",
        "new",
        "current",
        "longtime",
        "long-time",
        "close",
        "top",
        "senior",
        "chief",
        "own",
        "estranged",
        "only",
        "twin",
        "second",
        "first",
        "third",
    }
)

# Gendered pronouns and honorifics.
PRONOUN_GENDER: dict[str, str | None] = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
SUBJECT_PRONOUNS: frozenset[str] = frozenset({"he", "she"})
# Pronouns that may stand for an organisation or a product, never for one person: the
# singular ones for a company or a thing, the plural ones for a company ("Boeing have
# unveiled their ...") or a group of organisations.
NEUTER_PRONOUNS: frozenset[str] = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS: frozenset[str] = frozenset({"they", "their", "them", "themselves"})
# Relative pronouns that refer to the name their clause hangs on ("Apple, which ...").
RELATIVE_PRONOUNS: dict[str, frozenset[str]] = {
    "which": frozenset({"ORG", "PRODUCT", "GPE", "LOC", "FAC", "EVENT", "LAW"}),
    "who": frozenset({"PERSON"}),
}
# Verbs whose "it" subject is a placeholder for a clause ("it is expected that ...").
EXPLETIVE_VERBS: frozenset[str] = frozenset(
    """
    be is was are were been being 's seem seems seemed appear appears appeared remain remains
    remained take takes took make makes made become becomes became look looks looked
""".split()
)  # as written: the pipeline may carry no lemmatizer
POSSESSIVE_PRONOUNS: frozenset[str] = frozenset({"his", "her"})
# Courtesy titles: they go with any role ("Mr Howard" is "Prime Minister John Howard").
COURTESY_TITLES: frozenset[str] = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr."})
HONORIFIC_GENDER: dict[str, str] = {
    "mr": "m",
    "mr.": "m",
    "sir": "m",
    "lord": "m",
    "king": "m",
    "prince": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "miss": "f",
    "dame": "f",
    "lady": "f",
    "queen": "f",
    "princess": "f",
}

# Lower-case particles inside names: they neither start nor end a surname match.
NAME_PARTICLES: frozenset[str] = frozenset(
    {
        "al",
        "al-",
        "el",
        "el-",
        "bin",
        "ibn",
        "bint",
        "abu",
        "abd",
        "ben",
        "de",
        "del",
        "della",
        "der",
        "den",
        "di",
        "da",
        "das",
        "do",
        "dos",
        "du",
        "la",
        "le",
        "van",
        "von",
        "y",
        "e",
        "ter",
        "ten",
        "zu",
        "st",
        "st.",
    }
)

# Words that open the closing credits and get glued to a place by the tagger
# ("OSLO Additional reporting by ...").
CREDIT_WORDS: frozenset[str] = frozenset(
    {
        "additional",
        "reporting",
        "editing",
        "writing",
        "compiled",
        "compiling",
        "edited",
        "written",
        "reported",
        "by",
        "and",
        "with",
        "contributing",
        "via",
        "photo",
        "photos",
    }
)

# Nouns that say the name next to them is a place ("the city of X", "X port").
PLACE_CUES: frozenset[str] = frozenset(
    {
        "city",
        "town",
        "village",
        "settlement",
        "port",
        "capital",
        "province",
        "region",
        "district",
        "county",
        "state",
        "island",
        "islands",
        "municipality",
        "prefecture",
        "oblast",
        "krai",
        "borough",
        "suburb",
        "hamlet",
        "resort",
        "valley",
        "harbour",
        "harbor",
    }
)

# Last words of an institution's name that often starts with a place's or a saint's name:
# "St. Mark United Methodist Church", "Springfield General Hospital", "Oak Grove High School".
INSTITUTION_HEADS: frozenset[str] = frozenset(
    {
        "church",
        "cathedral",
        "chapel",
        "mosque",
        "temple",
        "synagogue",
        "parish",
        "hospital",
        "clinic",
        "school",
        "schools",
        "college",
        "university",
        "academy",
        "institute",
        "seminary",
        "museum",
        "library",
        "foundation",
        "society",
        "association",
    }
)

# Heads that make the name before them an organisation ("Bernama news agency").
ORG_HEADS: frozenset[str] = frozenset(
    {
        "agency",
        "news agency",
        "newspaper",
        "daily",
        "broadcaster",
        "network",
        "television",
        "university",
        "institute",
        "ministry",
        "party",
        "bank",
        "group",
        "company",
        "corp",
        "inc",
        "ltd",
        "council",
        "committee",
        "commission",
        "airline",
        "airlines",
        "airways",
        "army",
        # a firm's line of business or its kind, never a surname ("Crosscut Strategies",
        # "Quellin Roofing", "Highway Patrol"; session 10, second part)
        "patrol",
        "partners",
        "associates",
        "holdings",
        "industries",
        "enterprises",
        "strategies",
        "consulting",
        "consultants",
        "solutions",
        "technologies",
        "roofing",
        "plumbing",
        "trucking",
        "publishing",
        "pharmaceuticals",
    }
)

# Heads that make a name before them a news organisation ("Bernama news agency").
MEDIA_HEADS: frozenset[str] = frozenset(
    {
        "agency",
        "news agency",
        "newspaper",
        "daily",
        "broadcaster",
        "television",
        "tv",
        "news",
        "radio",
        "weekly",
        "magazine",
    }
)

# Seats of government used for the government itself, with their country.
GOVERNMENT_SEATS: dict[str, str] = {
    "kremlin": "RU",
    "white house": "US",
    "pentagon": "US",
    "state department": "US",
    "downing street": "GB",
    "whitehall": "GB",
    "elysee": "FR",
    "élysée": "FR",
    "blue house": "KR",
    "zhongnanhai": "CN",
    "quai d'orsay": "FR",
    "bundestag": "DE",
    "knesset": "IL",
    "duma": "RU",
    "capitol hill": "US",
    "congress": "US",
}

# Determiners stripped from the edge of a name ("the United States").
LEADING_DETERMINERS: frozenset[str] = frozenset({"the"})

# Relative clauses that name a role after a person ("who was then president").
ROLE_CLAUSE_VERBS: frozenset[str] = frozenset({"was", "is", "became", "had been", "has been"})

# Nouns that stand for a product named before ("the plane made its maiden flight").
PRODUCT_NOUNS: frozenset[str] = frozenset(
    "plane aircraft airliner jet jetliner superjumbo index phone handset device car vehicle laptop computer".split()
)

# Nouns that stand for an organisation named before ("the company said").
ORG_NOUNS: frozenset[str] = frozenset(
    {
        "company",
        "firm",
        "group",
        "automaker",
        "carmaker",
        "manufacturer",
        "maker",
        "bank",
        "lender",
        "insurer",
        "airline",
        "carrier",
        "retailer",
        "giant",
        "conglomerate",
        "corporation",
        "startup",
        "agency",
        "ministry",
        "department",
        "party",
        "club",
        "team",
        "union",
        "university",
        "newspaper",
        "broadcaster",
        "network",
        "operator",
        "supplier",
        "producer",
        "exporter",
        "developer",
        "chipmaker",
        "planemaker",
        "utility",
        "magazine",
        "weekly",
        "tabloid",
        "website",
        "publisher",
        "charity",
    }
)


# Legal forms after a company's name: "Apple Inc.", "Ford Motor Company" and "Saturn Corp"
# are "Apple", "Ford Motor" and "Saturn" (folded, dots dropped).
LEGAL_FORMS: frozenset[str] = frozenset(
    {
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "company",
        "ltd",
        "limited",
        "plc",
        "llc",
        "llp",
        "ag",
        "sa",
        "nv",
        "gmbh",
        "bv",
        "spa",
    }
)


# Other names of one organisation, folded (lower case, no leading "the", dots kept) ->
# the name they are grouped under. Acronyms of a name in the story need no entry
# (``cluster.initials``), nor "X Department" for "Department of X" (``cluster.canonical``):
# only names no rule can tell apart.
ORG_ALIASES: dict[str, str] = {
    "fed": "federal reserve",
    "federal reserve board": "federal reserve",
    "federal reserve system": "federal reserve",
    "u.s. federal reserve": "federal reserve",
    "doj": "department of justice",
    "justice dept": "department of justice",
    "u.n.": "united nations",
    "un": "united nations",
    "u.n": "united nations",
    "pentagon": "department of defense",
    "dod": "department of defense",
    "defense department": "department of defense",
    "defence ministry": "ministry of defence",
    "treasury": "department of the treasury",
    "treasury department": "department of the treasury",
    "u.s. treasury": "department of the treasury",
    "ecb": "european central bank",
    "boj": "bank of japan",
    "boe": "bank of england",
    "opec": "organization of the petroleum exporting countries",
    "organisation of petroleum exporting countries": "organization of the petroleum exporting countries",
    "organization of petroleum exporting countries": "organization of the petroleum exporting countries",
    "imf": "international monetary fund",
    "eu": "european union",
    "ec": "european community",
    "nato": "north atlantic treaty organization",
    "north atlantic treaty organisation": "north atlantic treaty organization",
    "wto": "world trade organization",
    "world trade organisation": "world trade organization",
    "who": "world health organization",
    "world health organisation": "world health organization",
    "fbi": "federal bureau of investigation",
    "cia": "central intelligence agency",
    "sec": "securities and exchange commission",
    "gop": "republican party",
    "labour": "labour party",
    "tories": "conservative party",
    "tory party": "conservative party",
}


# Stock market indices by their brand, written as tokens (lower case) -> the index they
# name. A brand alone may be something else ("Dow" the chemical company, "S&P" the rating
# agency, "Russell" a name): those in ``INDEX_BRANDS_NEED_TAIL`` are an index only with a
# number or an index word after them ("S&P 500", "Dow Jones industrial average"), or where
# the story names that index so elsewhere.
INDEX_BRANDS: dict[tuple[str, ...], str] = {
    ("dow", "jones"): "dow jones",
    ("dow",): "dow jones",
    ("djia",): "dow jones",
    ("s&p",): "s&p",
    ("standard", "&", "poor", "'s"): "s&p",
    ("standard", "&", "poor's"): "s&p",
    ("standard", "and", "poor", "'s"): "s&p",
    ("standard", "and", "poor's"): "s&p",
    ("ftse",): "ftse",
    ("nikkei",): "nikkei",
    ("hang", "seng"): "hang seng",
    ("nasdaq",): "nasdaq",
    ("dax",): "dax",
    ("cac",): "cac",
    ("russell",): "russell",
    ("kospi",): "kospi",
    ("sensex",): "sensex",
    ("nifty",): "nifty",
    ("topix",): "topix",
    ("bovespa",): "bovespa",
    ("ibex",): "ibex",
    ("stoxx",): "stoxx",
    ("euro", "stoxx"): "stoxx",
    ("straits", "times"): "straits times",
    ("tsx",): "tsx",
    ("asx",): "asx",
}
INDEX_BRANDS_NEED_TAIL: frozenset[str] = frozenset(
    {"dow", "s&p", "standard", "nasdaq", "russell", "straits", "tsx", "asx", "nifty", "cac", "ibex"}
)
# Words after a brand that make it the index's name: "industrial average", "composite",
# "(stock) index" (MEANTIME and news style take the head noun into the name).
INDEX_TAILS: tuple[tuple[str, ...], ...] = (
    ("industrial", "average"),
    ("stock", "market", "index"),
    ("stock", "index"),
    ("share", "index"),
    ("stock", "average"),
    ("composite", "index"),
    ("composite",),
    ("average",),
    ("index",),
    ("indices",),
    ("indexes",),
)
# Time zones written as a capitalised abbreviation: the tagger takes them for organisations.
TIME_ZONES: frozenset[str] = frozenset(
    "utc gmt est edt cst cdt mst mdt pst pdt bst cet cest eet eest jst kst ist aest aedt hkt sgt".split()
)

# Last words that make a name a law, whatever the tagger typed it ("Financial Services Act",
# "Geneva Conventions", "Criminal Code", "Equal Rights Amendment"). Not "Accord" (a car),
# not "Convention" alone (a party's convention is an event), not "Bill" (a first name).
LAW_HEADS: frozenset[str] = frozenset(
    {"act", "acts", "code", "treaty", "treaties", "charter", "protocol", "amendment", "amendments", "accords",
     "conventions"}
)  # fmt: skip

# Last words of a street's or a road's name ("Darby Street", "Toure Drive", "Bruckner Blvd.").
# Not "Lane" on a person ("Nathan Lane"), nor "Square" or "Plaza" (companies, squares' banks).
STREET_HEADS: frozenset[str] = frozenset(
    {"street", "st.", "avenue", "ave.", "boulevard", "blvd.", "road", "rd.", "drive", "highway", "freeway",
     "expressway", "parkway", "turnpike", "lane"}
)  # fmt: skip
# Streets that stand for an industry ("Wall Street"): organisations when the tagger says so.
STREET_METONYMS: frozenset[str] = frozenset({"wall street", "fleet street", "bay street", "dalal street"})
# Words opening a street's name in French, Spanish, Italian, Portuguese ("Rue d'Enghien").
STREET_PREFIXES: frozenset[str] = frozenset({"rue", "calle", "avenida", "via", "rua", "boulevard"})

# Last words that make a catch-all "nationality" a facility ("International Space Station").
FACILITY_HEADS: frozenset[str] = frozenset(
    {"station", "airport", "stadium", "arena", "bridge", "tower", "dam", "prison", "base"}
)

# Last words that make a catch-all "nationality" an event ("Third World War", "Premier League").
EVENT_HEADS: frozenset[str] = frozenset(
    {"war", "league", "cup", "games", "olympics", "championship", "championships", "tournament", "festival",
     "convention", "summit", "expo", "marathon", "grand prix"}
)  # fmt: skip

# Last words that make a "person" a paper or an agency ("Jiji News", "Asian Tribune").
PRESS_HEADS: frozenset[str] = frozenset({"news", "tribune", "gazette", "herald", "chronicle", "times", "telegraph"})
# Last words that make a "person" a venue ("Meydan Racecourse", "St. Christopher Inn"): not
# "Mill" or "Bridge", which are surnames too.
VENUE_HEADS: frozenset[str] = frozenset(
    {"inn", "hotel", "motel", "canal", "racecourse", "stadium", "arena", "airport", "station", "casino"}
)
