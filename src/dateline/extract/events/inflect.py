"""Word forms of the lexicon's base words: dateline runs spaCy without a lemmatizer.

Regular English inflection plus a small table of irregular forms is enough for a closed
lexicon; ``forms`` is called once per word when the frame finder is built.
"""

from __future__ import annotations

IRREGULAR_VERBS: dict[str, tuple[str, ...]] = {
    "meet": ("met",),
    "hold": ("held",),
    "have": ("has", "had", "having"),
    "leave": ("left",),
    "fly": ("flew", "flown", "flies"),
    "say": ("said",),
    "tell": ("told",),
    "make": ("made",),
    "pay": ("paid",),
    "begin": ("began", "begun"),
    "fight": ("fought",),
    "sit": ("sat", "sitting"),
    "quit": ("quitting",),
    "drive": ("drove", "driven"),
    "think": ("thought",),
    "write": ("wrote", "written"),
    "set": ("setting",),
    "go": ("went", "gone", "goes"),
    "die": ("dying",),
    "lie": ("lying",),
    "shell": ("shelled", "shelling"),
    "bring": ("brought",),
    "seek": ("sought",),
    "wish": ("wishes",),
    "plead": ("pled",),
    "rise": ("rose", "risen"),
    "fall": ("fell", "fallen"),
    "buy": ("bought",),
    "sell": ("sold",),
    "win": ("won", "winning"),
    "beat": ("beaten",),
    "sink": ("sank", "sunk"),
    "slide": ("slid",),
    "cut": ("cutting",),
    "lay": ("laid",),
    "slay": ("slew", "slain"),
}
# Two-syllable verbs stressed on the last syllable double their final consonant.
DOUBLING: frozenset[str] = frozenset(
    {"admit", "commit", "regret", "patrol", "control", "expel", "compel", "occur", "refer", "prefer", "transfer"}
)
VOWELS = "aeiou"


def forms(word: str, pos: str) -> set[str]:
    """All forms of a base ``word`` as ``pos`` ("VERB" or "NOUN"), lower case."""
    word = word.lower()
    if pos == "NOUN":
        return {word, _plural(word)}
    out = {word, _third_person(word), _past(word), _gerund(word)}
    out.update(IRREGULAR_VERBS.get(word, ()))
    return out


def _plural(word: str) -> str:
    if word.endswith("s"):
        return word
    return _third_person(word)


def _third_person(word: str) -> str:
    if word.endswith(("s", "sh", "ch", "x", "z", "o")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def _doubles(word: str) -> bool:
    if word in DOUBLING:
        return True
    return (
        len(word) <= 4
        and len(word) >= 3
        and word[-1] not in VOWELS + "wxy"
        and word[-2] in VOWELS
        and word[-3] not in VOWELS
    )


def _past(word: str) -> str:
    if word.endswith("e"):
        return word + "d"
    if word.endswith("y") and word[-2] not in VOWELS:
        return word[:-1] + "ied"
    return word + word[-1] + "ed" if _doubles(word) else word + "ed"


def _gerund(word: str) -> str:
    if word.endswith("ie"):
        return word[:-2] + "ying"
    if word.endswith("e") and not word.endswith("ee"):
        return word[:-1] + "ing"
    return word + word[-1] + "ing" if _doubles(word) else word + "ing"
