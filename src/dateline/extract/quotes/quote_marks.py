"""Quotation marks as data: which characters open, close or may do either.

Two families: double marks carry quotes, single marks nest inside them (and carry
quotes on their own only in stories that use no double marks, as British wires do).
Straight marks and the German low mark are read from context.
"""

from __future__ import annotations

import re

DOUBLE = "double"
SINGLE = "single"

# mark -> (family, may open, may close)
MARKS: dict[str, tuple[str, bool, bool]] = {
    '"': (DOUBLE, True, True),
    "“": (DOUBLE, True, True),  # closes only after a German low opener or by typo
    "”": (DOUBLE, True, True),  # opens only by typo: "”Hello" at a word start
    "„": (DOUBLE, True, False),
    "«": (DOUBLE, True, False),
    "»": (DOUBLE, False, True),
    "``": (DOUBLE, True, False),
    "''": (DOUBLE, False, True),
    "'": (SINGLE, True, True),
    "‘": (SINGLE, True, False),
    "’": (SINGLE, False, True),
    "‹": (SINGLE, True, False),
    "›": (SINGLE, False, True),
}

# Marks whose shape says which way they face; context only overrides them when the
# story's other marks leave no other reading.
SHAPED_OPEN = frozenset({"“", "„", "«", "``", "‘", "‹"})
SHAPED_CLOSE = frozenset({"”", "»", "''", "’", "›"})

# Two-character marks first so that `` and '' are not read as two single marks.
MARK_RE = re.compile(r"``|''|[\"“”„«»'‘’‹›]")

# Layouts that attribute without a verb.
# A quote signed after its closing mark: '"We are ready." ― Maria Lopez, 42, Tucson'.
SIGNATURE_RE = re.compile(r"[ \t\u00a0]*+(―|—|–|--)[ \t\u00a0]*+([A-Z][\w.'’-]*+(?:[ \t\u00a0]++[A-Z][\w.'’-]*+)*+)")
# What may follow a signature's name before the next signed quote on the same line, once
# lines are joined: a full stop, spaces.
SIGNATURE_TAIL = frozenset(". \t\n\u00a0")
# A transcript line: 'SMITH: Thank you for coming.' (the label in capitals, maybe after an
# opening mark that is never closed).
SPEAKER_LABEL_RE = re.compile(r"[\"“]?([A-Z][A-Z.'’-]+(?:[ \t][A-Z][A-Z.'’-]+){0,2})(:)[ \t]+(?=\S)")
# Labels in capitals that are the desk's, not a speaker's: a table's footnote ('NOTE: Share
# adjusted for ...'), an editor's note, a correction, a source line under a chart.
DESK_LABELS = frozenset(
    {
        "NOTE", "NOTES", "N.B.", "NB", "FOOTNOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "EDITORS NOTE",
        "EDITOR'S NOTES", "CORRECTION", "CLARIFICATION", "UPDATE", "UPDATED", "SOURCE", "SOURCES",
        "ADVISORY", "ATTENTION", "PHOTO", "PHOTOS", "VIDEO", "RELATED", "SEE ALSO", "CAPTION",
    }
)  # fmt: skip
# A headline that gives its source before a colon: 'Sanders: Clinton needs to ...',
# 'Poll: Clinton and Trump in dead heat' (the label is checked against the parse).
HEADLINE_LABEL_RE = re.compile(r"([^:\n]{2,40}?)(:)[ \t]+(?=\S)")
