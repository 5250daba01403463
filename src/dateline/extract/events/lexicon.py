"""The event taxonomy and the cue words the frame finder reads, kept as data.

Each type lists base-form verbs and event nouns; ``inflect.forms`` expands them, since
dateline runs spaCy without its lemmatizer. ``cameo`` is the CAMEO top-level code
(Schrodt's Conflict and Mediation Event Observations) where one fits, else None:
CAMEO codes interactions between actors, so travel, death or appointment have none.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    cameo: str | None  # CAMEO top-level code, "01".."20"
    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    symmetric: bool = False  # "X and Y met": the second party is a counterpart, not a second agent
    motion: bool = False  # a place as direct object is where the event happens ("visited Oslo")


EVENT_TYPES: tuple[EventType, ...] = (
    EventType(
        "travel",
        None,
        ("travel", "cross", "enter", "fly", "journey", "return", "head", "sail", "drive"),
        ("trip", "journey", "voyage", "return"),
        motion=True,
    ),
    EventType("arrive", None, ("arrive", "land", "reach", "stop"), ("arrival",), motion=True),
    EventType("depart", None, ("depart", "leave"), ("departure",), motion=True),
    EventType("visit", "04", ("visit", "tour"), ("visit", "tour"), motion=True),
    EventType("meet", "04", ("meet", "greet", "host", "welcome"), ("meeting", "summit", "encounter"), symmetric=True),
    EventType(
        "talk",
        "04",
        ("talk", "negotiate", "confer", "consult", "discuss"),
        ("talks", "negotiation", "discussion", "consultation", "dialogue"),
        symmetric=True,
    ),
    EventType(
        "say",
        "01",
        ("say", "tell", "announce", "state", "add", "declare", "report", "claim"),
        ("statement", "announcement"),
    ),
    EventType("agree", "03", ("agree", "pledge", "promise"), ("agreement", "deal", "pledge"), symmetric=True),
    EventType("sign", "05", ("sign", "ratify"), ("signing", "treaty"), symmetric=True),
    EventType("appeal", "02", ("urge", "appeal", "plead"), ("appeal",)),
    EventType("demand", "10", ("demand", "insist"), ("demand", "ultimatum")),
    EventType(
        "accuse",
        "11",
        ("accuse", "criticize", "criticise", "condemn", "blame", "denounce"),
        ("accusation", "criticism", "condemnation"),
    ),
    EventType("reject", "12", ("reject", "refuse", "veto"), ("rejection", "refusal", "veto")),
    EventType("threaten", "13", ("threaten", "warn"), ("threat", "warning")),
    EventType("protest", "14", ("protest", "demonstrate"), ("protest", "demonstration", "rally")),
    EventType("sanction", "16", ("sanction", "embargo", "boycott", "expel"), ("sanction", "embargo", "boycott")),
    EventType("arrest", "17", ("arrest", "detain", "jail", "imprison"), ("arrest", "detention")),
    EventType(
        "attack",
        "18",
        ("attack", "bomb", "shell", "raid", "assault", "invade"),
        ("attack", "bombing", "raid", "assault", "invasion", "airstrike"),
    ),
    EventType("fight", "19", ("fight", "clash", "battle"), ("fighting", "clash", "battle", "war"), symmetric=True),
    EventType("kill", "18", ("kill", "murder", "assassinate", "slay"), ("killing", "murder", "assassination")),
    EventType("die", None, ("die",), ("death",)),
    EventType("appoint", None, ("appoint", "nominate", "elect", "promote"), ("appointment", "nomination", "election")),
    EventType("resign", None, ("resign", "quit", "retire"), ("resignation", "retirement")),
    # Business and market news: no CAMEO code, but what such stories report happened.
    EventType(
        "trade",
        None,
        ("buy", "sell", "purchase", "acquire", "deliver", "supply"),
        ("purchase", "sale", "order", "delivery", "acquisition", "takeover"),
    ),
    EventType("launch", None, ("launch", "unveil", "introduce", "debut"), ("launch", "unveiling", "debut")),
    EventType("merge", None, ("merge",), ("merger",), symmetric=True),
    EventType("win", None, ("win", "defeat", "beat"), ("victory", "win", "defeat")),
    EventType(
        "rise",
        None,
        ("rise", "climb", "gain", "jump", "surge", "increase"),
        ("rise", "gain", "jump", "surge", "increase"),
    ),
    EventType(
        "fall",
        None,
        ("fall", "drop", "decline", "plunge", "slide", "tumble", "sink", "slump"),
        ("fall", "drop", "decline", "plunge", "slide", "slump", "loss"),
    ),
    EventType("cut", None, ("cut", "slash", "eliminate"), ("cut", "layoff")),
    EventType("bankrupt", None, (), ("bankruptcy",)),
)

# The type of a verb outside the lexicon, when the finder is asked for every predicate.
OTHER = EventType("other", None)

# Verbs that are events only with a place or a destination ("stopped at the station", not
# "stopped testing"; "left for Oslo", not "left the party").
NEEDS_PLACE: frozenset[str] = frozenset({"stop", "leave", "head", "return", "drive", "reach"})

# Senses that are not the event: a verb taking a to-infinitive ("declined to comment",
# "failed to"), a particle that changes the verb ("signed up"), an object no party can be
# ("meet its debt", "meet demand").
NOT_WITH_INFINITIVE: frozenset[str] = frozenset({"decline", "fall", "drop", "fail", "refuse", "gain"})
PARTICLE_SENSES: frozenset[tuple[str, str]] = frozenset(
    {
        ("sign", "up"),
        ("sign", "on"),
        ("sign", "off"),
        ("beat", "up"),
        ("leave", "out"),
        ("leave", "off"),
        ("fall", "through"),
        ("fall", "apart"),
        ("drop", "out"),
        ("stop", "by"),
        ("head", "off"),
        ("cut", "off"),
        ("turn", "down"),
        ("land", "up"),
        ("enter", "into"),
    }
)
PARTY_OBJECT_TYPES: frozenset[str] = frozenset({"meet"})
INTRANSITIVE_TYPES: frozenset[str] = frozenset({"rise", "fall"})  # "gained access", "drop sanctions"

# Verbs whose object is the event ("held a summit", "had talks"): the nominal is the trigger
# and the verb lends it its subject, time and place.
LIGHT_VERBS: tuple[str, ...] = (
    "hold",
    "have",
    "attend",
    "host",
    "conduct",
    "begin",
    "start",
    "open",
    "join",
    "make",
    "pay",
    "wrap",
    "end",
    "conclude",
    "resume",
    "sit",
)

# Speech and report verbs: an event in their complement clause is reported, not asserted.
REPORT_VERBS: tuple[str, ...] = (
    "say",
    "tell",
    "report",
    "announce",
    "state",
    "add",
    "claim",
    "confirm",
    "quote",
    "cite",
    "write",
    "believe",
    "think",
    "allege",
    "note",
    "suggest",
)

# Governing verbs and adjectives that make an event planned ("is expected to meet").
PLAN_WORDS: tuple[str, ...] = (
    "expect",
    "plan",
    "schedule",
    "set",
    "due",
    "intend",
    "prepare",
    "aim",
    "arrange",
    "agree",
    "decide",
    "likely",
    "scheduled",
    "going",
)
PLAN_MODIFIERS: frozenset[str] = frozenset(
    {
        "planned",
        "upcoming",
        "expected",
        "proposed",
        "scheduled",
        "next",
        "forthcoming",
        "future",
        "possible",
        "potential",
    }
)
FUTURE_AUX: frozenset[str] = frozenset({"will", "'ll", "shall", "wo"})
HYPOTHETICAL_AUX: frozenset[str] = frozenset({"would", "could", "might", "may", "should", "'d", "can"})
HYPOTHETICAL_WORDS: tuple[str, ...] = ("hope", "want", "wish", "seek", "try", "consider", "propose")
CONDITION_MARKS: frozenset[str] = frozenset({"if", "unless"})
NEGATORS: frozenset[str] = frozenset({"not", "n't", "never", "no"})

# Adverbs that continue a narrative: the event happens where the agent's last one did.
SEQUENCE_ADVERBS: frozenset[str] = frozenset(
    {"then", "later", "afterwards", "afterward", "subsequently", "next", "thereafter"}
)

# Prepositions that place an event; DESTINATION ones count for motion events only.
LOCATIVE_PREPS: frozenset[str] = frozenset(
    {"in", "at", "inside", "near", "outside", "within", "across", "through", "throughout"}
)
DESTINATION_PREPS: frozenset[str] = frozenset({"for", "to", "into", "toward", "towards", "onto"})
TEMPORAL_PREPS: frozenset[str] = frozenset({"in", "on", "at", "during", "over", "throughout"})
WITH_PREPS: frozenset[str] = frozenset({"with", "alongside", "between", "among"})

# Nouns naming a settlement or region: the name after "the town of" is a place, whatever NER says.
SETTLEMENT_NOUNS: frozenset[str] = frozenset(
    {
        "city",
        "town",
        "village",
        "settlement",
        "port",
        "region",
        "province",
        "state",
        "county",
        "district",
        "capital",
        "island",
        "republic",
        "area",
        "municipality",
        "suburb",
        "prefecture",
    }
)

# Types whose "of" names the one acted on ("the killing of X"), not the actor ("the death of X").
PATIENT_OF_TYPES: frozenset[str] = frozenset({"kill", "arrest", "attack", "appoint", "sanction", "accuse"})

# Entity types that can be a party to an event (agent or counterpart).
PARTY_TYPES: frozenset[str] = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PLACE_TYPES: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})

# Means of travel ("by train") and vehicles that carry the real agent ("the train carrying X").
VEHICLES: frozenset[str] = frozenset(
    {
        "train",
        "plane",
        "aircraft",
        "jet",
        "car",
        "motorcade",
        "convoy",
        "ship",
        "boat",
        "helicopter",
        "bus",
        "vessel",
        "ferry",
        "flight",
        "road",
        "air",
        "sea",
        "rail",
        "foot",
        "yacht",
        "limousine",
        "airplane",
    }
)
CARRY_VERBS: frozenset[str] = frozenset({"carrying", "bearing", "transporting", "ferrying", "bringing"})

# Definite leadership descriptions that stand for the last person in focus ("the young leader").
LEADER_NOUNS: frozenset[str] = frozenset(
    {
        "leader",
        "president",
        "premier",
        "chancellor",
        "king",
        "queen",
        "monarch",
        "dictator",
        "chairman",
        "emperor",
        "pope",
        "strongman",
    }
)

# Definite company descriptions that stand for the last organisation in focus ("the airline").
COMPANY_NOUNS: frozenset[str] = frozenset(
    {
        "company",
        "firm",
        "airline",
        "carrier",
        "manufacturer",
        "automaker",
        "carmaker",
        "maker",
        "group",
        "bank",
        "retailer",
        "insurer",
        "lender",
        "conglomerate",
        "corporation",
        "planemaker",
        "producer",
        "giant",
    }
)

PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
THING_PRONOUNS: frozenset[str] = frozenset({"it", "its", "itself"})
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "whom", "whose", "which", "that"})
