"""The one reader of NewsReader MEANTIME's token layer (NAF-style CAT XML), for the three
evaluations that score on it (``meantime`` coreference, ``meantime-events``, ``timeml``).

MEANTIME gives tokens, not text: the text is rebuilt by joining them, a sentence break
between sentences and a space between words. Each evaluation keeps the joining its figures
were measured with (how a sentence break reads to the parser, whether punctuation is glued
back), so the rebuild is a setting of this reader, not a copy of it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

# Detokenising: no space before closing punctuation and clitics, none after opening marks.
NO_SPACE_BEFORE = frozenset(",.;:!?)]}%'\"") | {"'s", "n't", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = frozenset('([{$"')


@dataclass(frozen=True, slots=True)
class Token:
    id: str  # t_id
    sentence: int
    start: int  # character span in the rebuilt text
    end: int


@dataclass(frozen=True, slots=True)
class MeantimeText:
    """A MEANTIME file: its XML root, its rebuilt text and its tokens in text order."""

    name: str
    root: ET.Element
    text: str
    tokens: tuple[Token, ...]

    def spans(self) -> dict[str, tuple[int, int]]:
        """Token id -> character span."""
        return {t.id: (t.start, t.end) for t in self.tokens}


def read_meantime(path: str | Path, sentence_break: str = "\n\n", detokenise: bool = False) -> MeantimeText:
    """Parse one MEANTIME file and join its tokens: ``sentence_break`` between sentences, a
    space between words (none around punctuation when ``detokenise``)."""
    root = ET.parse(path).getroot()
    pieces: list[str] = []
    tokens: list[Token] = []
    pos, sentence, glue = 0, None, False
    for tok in root.iter("token"):
        word = tok.text or ""
        if sentence is not None and tok.get("sentence") != sentence:
            pieces.append(sentence_break)
            pos += len(sentence_break)
        elif sentence is not None and not (detokenise and (glue or word in NO_SPACE_BEFORE)):
            pieces.append(" ")
            pos += 1
        sentence, glue = tok.get("sentence"), word in NO_SPACE_AFTER
        tokens.append(Token(tok.get("t_id", ""), int(sentence or 0), pos, pos + len(word)))
        pieces.append(word)
        pos += len(word)
    return MeantimeText(Path(path).stem, root, "".join(pieces), tuple(tokens))
