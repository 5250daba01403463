"""Attribution cues as data: the verbs and phrases that introduce what someone said.

``BASE_CUES`` are the speech verbs every newsroom uses; ``learned_cues()`` adds the
word forms learned from the PolNeAR training split by ``scripts/learn_cues.py``
(``cues.tsv``: form, times seen as a cue, share of its occurrences that are cues).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

_SAY = "say says said saying"
_TELL = "tell tells told telling"
_ADD = "add adds added adding"
_REPORT = "report reports reported reporting"
_WRITE = "write writes wrote writing written"
_TWEET = "tweet tweets tweeted tweeting"
_DENY = "deny denies denied denying"
_OTHERS = (
    "announce announces announced claim claims claimed insist insists insisted "
    "argue argues argued explain explains explained note notes noted warn warns warned "
    "state states stated assert asserts asserted declare declares declared "
    "acknowledge acknowledges acknowledged admit admits admitted confirm confirms confirmed "
    "suggest suggests suggested predict predicts predicted promise promises promised "
    "reply replies replied respond responds responded recall recalls recalled "
    "remark remarks remarked comment comments commented "
    "ask asks asked urge urges urged vow vows vowed contend contends contended "
    "allege alleges alleged maintain maintains maintained believe believes believed "
    "think thinks thought posted post posts quipped quip joked shouted yelled "
    "estimate estimates estimated indicate indicates indicated"
)
BASE_CUES: frozenset[str] = frozenset(" ".join((_SAY, _TELL, _ADD, _REPORT, _WRITE, _TWEET, _DENY, _OTHERS)).split())

# Cue phrases whose source is the object of the last word: "according to X".
SOURCE_AFTER_PHRASES: tuple[tuple[str, ...], ...] = (("according", "to"),)
# Opening a sentence, "In a poll (survey) ..." attributes the clause to the poll: "In a CBS
# News poll, she led by 24 points" (PolNeAR train: 21 of 25 such sentences annotated so).
POLL_HEADS: frozenset[str] = frozenset({"poll", "polls", "survey", "surveys"})
SENTENCE_OPENERS: frozenset[str] = frozenset({"but", "and", "yet", "still", "meanwhile", "now"})

# Nouns of speech, writing and belief whose "that" clause is what was said or believed:
# "his claim that ...", "repeated warnings from his lawyer that ...", "media pronouncements
# that ...". Lemmas; nouns of fact or chance ("the fact that", "the possibility that") are not
# attributions and stay out.
SPEECH_NOUNS: frozenset[str] = frozenset(
    """
    claim charge allegation accusation assertion contention insistence argument suggestion
    statement announcement report warning admission acknowledgment acknowledgement denial
    conclusion finding pronouncement declaration testimony complaint promise pledge vow
    assurance prediction forecast belief fear worry concern hope recognition suspicion
    speculation rumor rumour notion view message boast threat
    """.split()
)

# Nouns of intent voiced by someone, whose "to" clause is what was planned, promised or
# decided: "her decision to meet him", "his vow to cut taxes".
INTENT_NOUNS: frozenset[str] = frozenset(
    """
    plan promise pledge vow threat call demand decision agreement determination eagerness
    refusal offer proposal request intention
    """.split()
)

# Verbs that only voice a speech noun ("made the claim", "issued a warning that ...").
VOICING_VERBS: frozenset[str] = frozenset(
    """
    make makes made making issue issues issued issuing repeat repeats repeated repeating
    voice voices voiced voicing express expresses expressed expressing reiterate reiterates
    reiterated reiterating offer offers offered offering raise raises raised raising
    """.split()
)
# Verbs that take a speech noun as their object: "the report that the engineers wrote" is a
# relative clause (its object is the noun), not what the report says.
PRODUCING_VERBS: frozenset[str] = VOICING_VERBS | frozenset(
    """
    write writes wrote written writing publish publishes published release releases released
    file files filed hear hears heard read reads receive receives received send sends sent
    give gives gave given cite cites cited deliver delivers delivered post posts posted
    commission commissioned prepare prepared produce produced generate generates generated
    spark sparks sparked fuel fuels fueled fuelled spread spreads
    """.split()
)

# Verbs that report no speech, writing or belief, by Levin's classes: motion, bodily contact,
# possession and commerce (hiring is one), containment, consumption, sighting, tendency.
# Whatever the cue model scores them, they attribute nothing ("the plan includes ...",
# "boarded a bus", "is hiring staff"): issue 15 asks that non-speech verbs never make quotes.
NON_SPEECH_VERBS: frozenset[str] = frozenset(
    """
    go goes went gone going come comes came coming board boards boarded boarding
    walk walks walked walking travel travels traveled travelled traveling travelling
    arrive arrives arrived arriving fly flies flew flown flying drive drives drove driven driving
    hike hikes hiked hiking climb climbs climbed climbing
    toss tosses tossed tossing kick kicks kicked kicking
    hug hugs hugged hugging grab grabs grabbed grabbing shake shakes shook shaken shaking
    buy buys bought buying sell sells sold selling purchase purchases purchased purchasing
    hire hires hired hiring employ employs employed employing spend spends spent spending
    earn earns earned earning own owns owned owning acquire acquires acquired acquiring
    include includes included including contain contains contained containing
    feature features featured featuring comprise comprises comprised comprising
    eat eats ate eaten eating drink drinks drank drunk drinking
    spot spots spotted spotting
    tend tends tended tending
    """.split()
)
# A verb followed by a particle, adverb or preposition is judged as its phrase, which is often
# figurative ("walked back the comments", "went after Trump", "went on to say"); only a
# preposition of place or direction leaves it literal ("went to Ohio"). Phrasal verbs of
# motion are listed: "showed up at the debate", "turned up at the rally".
PLACE_PREPOSITIONS: frozenset[str] = frozenset(
    "to into onto at from through across toward towards in inside around".split()
)
NON_SPEECH_PHRASAL: frozenset[tuple[str, str]] = frozenset(
    (verb, "up") for verb in "show shows showed shown showing turn turns turned turning come comes came coming".split()
)
# Subordinators of a clause after a cue that tells when, why or despite what something was
# said, not what: "condemned the vote because ...", "said before he died".
CIRCUMSTANCE_MARKS: frozenset[str] = frozenset(
    "when before after while as because since until although though once whenever".split()
)

# Heads of a speaker phrase that name an organisation or outlet rather than a person:
# "Yonhap news agency", "state television", "the ministry". The named part of such a
# phrase is the speaker.
OUTLET_HEADS: frozenset[str] = frozenset(
    "agency agencies newspaper newspapers daily paper television tv radio ministry "
    "department office website site network outlet channel broadcaster service "
    "magazine journal wire tabloid station committee council commission spokesperson "
    "statement campaign".split()
)

# Head nouns of sources that are documents or data ("the report found", "a poll shows")
# and of institutions described rather than named ("the ministry said"): speaker_type.
DOCUMENT_HEADS: frozenset[str] = frozenset(
    "report reports statement statements study studies poll polls survey surveys letter letters memo memos "
    "analysis analyses document documents data article articles book books video videos ad ads tweet tweets "
    "post posts filing filings complaint lawsuit suit indictment ruling rulings research records record figures "
    "findings email emails e-mail message messages release transcript transcripts editorial column op-ed "
    "paper papers audit review investigation probe petition resolution bill law order decision "
    "platform proposal plan guidelines guidance memorandum affidavit testimony speech interview communique "
    "announcement notice forecast estimate".split()
)
INSTITUTION_HEADS: frozenset[str] = frozenset(
    "government administration ministry department agency office court committee commission council "
    "campaign company firm bank party board police army military embassy authority authorities union "
    "organization organisation group coalition institute university school hospital team panel "
    "congress parliament senate legislature cabinet secretariat foundation fund "
    "newspaper network station magazine outlet".split()
)

# Verbs of speaking manner: a cue only right after a closing quote mark with its subject
# after it ('"...!" railed Cleaver'), where the construction itself marks the attribution.
MANNER_CUES: frozenset[str] = frozenset(
    """
    rail railed fume fumed thunder thundered quip quipped snap snapped scoff scoffed
    shout shouted yell yelled bark barked sneer sneered snarl snarled exclaim exclaimed
    retort retorted gush gushed huff huffed grumble grumbled growl growled hiss hissed
    """.split()
)

# An object that says nothing ("said little", "made no comment"): the attribution is of
# the topic after the preposition, as PolNeAR marks it (cue "said little about", content
# what it was about); with no topic there is no attribution at all.
EMPTY_OBJECTS: frozenset[str] = frozenset({"little", "nothing", "much", "less"})
SPEECH_ACT_OBJECTS: frozenset[str] = frozenset({"comment", "comments", "statement", "mention", "word", "words"})
EMPTY_DETERMINERS: frozenset[str] = frozenset({"no", "few", "little"})
TOPIC_PREPOSITIONS: frozenset[str] = frozenset({"about", "on", "of", "regarding"})

# "As X put it, ...", "as he said so often": an object that stands for the clause commented on.
AS_OBJECTS: frozenset[str] = frozenset({"it", "so", "much", "this", "that"})
# "as they pushed against the rules", "as he hinted at a deal": an "as" clause with its own topic.
AS_TOPIC_PREPOSITIONS: frozenset[str] = frozenset({"about", "at", "against", "on", "over", "for", "with", "of"})

# Prepositions whose phrase belongs to a described speaker: "a spokesman for the ministry",
# "a statement by four senators".
DESCRIPTION_PREPS = frozenset({"for", "of", "at", "from", "with", "by"})

# Modality of an attribution: "did not say", "declined to confirm" are negated; "would
# say", "could argue", "if he said" hypothetical.
NEGATORS: frozenset[str] = frozenset({"not", "n't", "never", "no", "neither", "nor"})
REFUSALS: frozenset[str] = frozenset(
    "decline declines declined declining refuse refuses refused refusing fail fails failed failing".split()
)
MODALS: frozenset[str] = frozenset({"would", "could", "might", "may", "should", "'d", "’d", "must"})
CONDITION_MARKS: frozenset[str] = frozenset({"if", "unless", "whether"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "them", "it"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "you"})
# Holders of a noun cue ("his claim", "their plan") resolve as pronouns do.
POSSESSIVE_PERSON = frozenset({"his"})
POSSESSIVE_GROUP = frozenset({"its", "their"})
# Quantifiers that stand for a group of people as a subject: "some believe", "all agreed".
QUANTIFIER_SOURCES = frozenset(
    {"some", "all", "many", "most", "others", "both", "few", "several", "each", "those", "one"}
)
INDEFINITE_DETERMINERS = frozenset({"a", "an", "another", "one"})
DETERMINERS = frozenset({"a", "an", "the", "another", "one", "this", "that", "these", "those"})

# Learned cues must be seen this often, and be a cue this share of the time, to count.
MIN_COUNT = 5
MIN_SHARE = 0.25
# Content as an object ("announced a plan") only for forms that are a cue most of the time.
MIN_OBJECT_SHARE = 0.3


@lru_cache(maxsize=4)
def learned_cues(min_count: int = MIN_COUNT, min_share: float = MIN_SHARE) -> frozenset[str]:
    """Single-word cue forms learned from PolNeAR train (empty when the file is missing)."""
    try:
        text = resources.files("dateline.extract.quotes").joinpath("cues.tsv").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        return frozenset()
    forms = set()
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        form, count, share = line.split("\t")[:3]
        if int(count) >= min_count and float(share) >= min_share:
            forms.add(form)
    return frozenset(forms)


@lru_cache(maxsize=1)
def object_cue_forms() -> frozenset[str]:
    """Cue forms whose object is what was said: the base verbs and the strongest learned forms."""
    return BASE_CUES | learned_cues(MIN_COUNT, MIN_OBJECT_SHARE)


@lru_cache(maxsize=1)
def cue_forms() -> frozenset[str]:
    """Every single-word cue form dateline recognises."""
    return BASE_CUES | learned_cues()
