"""Re-lay a story as old wire copy (indented paragraphs, no blank lines, lines hard-wrapped
at 65 columns) and map character offsets from the original to the re-laid text.

Used by ``dateline eval polnear --layout wire`` to measure whether reading a story depends
on its layout: the same words and the same gold spans, only the line breaks differ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WIDTH = 65
INDENT = "    "
_PARAGRAPHS = re.compile(r"\S(?:.*\S)?(?:\n(?![ \t]*\n)[^\n]*\S)*")  # blank-line separated
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Relaid:
    """The re-laid text and, per original character, where it went (-1 for white space)."""

    text: str
    moved: tuple[int, ...]

    def start(self, pos: int) -> int:
        """Where an original span start goes: the next character kept."""
        for i in range(pos, len(self.moved)):
            if self.moved[i] >= 0:
                return self.moved[i]
        return len(self.text)

    def end(self, pos: int) -> int:
        """Where an original span end goes: just after the last character kept before it."""
        for i in range(min(pos, len(self.moved)) - 1, -1, -1):
            if self.moved[i] >= 0:
                return self.moved[i] + 1
        return 0


def relay(text: str, width: int = WIDTH) -> Relaid:
    """Every blank-line paragraph becomes an indented block of lines at most ``width`` wide."""
    out: list[str] = []
    moved = [-1] * len(text)
    size = 0
    for p in _PARAGRAPHS.finditer(text):
        if out:
            out.append("\n")
            size += 1
        line = len(INDENT)
        out.append(INDENT)
        size += len(INDENT)
        first = True
        for w in _WORD.finditer(p.group()):
            word = w.group()
            if not first and line + 1 + len(word) > width:
                out.append("\n")
                size += 1
                line = 0
            elif not first:
                out.append(" ")
                size += 1
                line += 1
            first = False
            start = p.start() + w.start()
            for k in range(len(word)):
                moved[start + k] = size + k
            out.append(word)
            size += len(word)
            line += len(word)
    return Relaid("".join(out) + "\n", tuple(moved))
