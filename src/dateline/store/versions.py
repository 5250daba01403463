"""What changed between two versions of a story: a word-level diff of their bodies.

``difflib`` on word tokens (white space kept with the word before it), so the pieces joined
give back each text exactly: ``equal`` pieces are in both, ``delete`` only in the older,
``insert`` only in the newer.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True, slots=True)
class Piece:
    op: str  # equal | delete | insert
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"op": self.op, "text": self.text}


def diff(old: str, new: str) -> list[Piece]:
    """The pieces that turn ``old`` into ``new``, in reading order."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    out: list[Piece] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(Piece("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(Piece("delete", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(Piece("insert", "".join(b[j1:j2])))
    return out
