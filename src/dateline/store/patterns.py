"""Patterns the archive uses, kept as data: wire headline prefixes, honorifics, word shapes."""

from __future__ import annotations

import re

# Wire services prefix the headline of a story's later versions: "UPDATE 2-", "REFILE-",
# "CORRECTED-", "RPT-", "WRAPUP 1-" (Reuters), "(LEAD)" (Yonhap), "Update:" and friends.
VERSION_PREFIX = re.compile(
    r"^\s*(?:(?:update|refile|corrected|correction|rpt|repeat|wrapup|urgent|lead|exclusive|"
    r"recasts?|adds|changes|fixes|new|wrap)\b(?:\s*\d+)?\s*[-:–—|]\s*|\((?:lead|update|urgent)[^)]*\)\s*)+",
    re.IGNORECASE,
)

# Honorifics dropped from a name before it is used as an identity key ("Mr. Kim" is Kim).
HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady madam mme mlle herr prof rev".split())

# Name suffixes that are not a surname ("Martin Luther King Jr.").
NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())

# Places and peoples that country look-ups fold into their state but that are each their own
# entity in the news ("England" and "Scotland" are not the United Kingdom).
OWN_IDENTITY = frozenset(
    "england english scotland scottish scot scots wales welsh northern ireland".split()
    + ["northern ireland", "northern irish"]
)

WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")  # a figure: "375", "1,250", "2.1"
TOKEN = re.compile(r"\w+")  # words and numbers, for version shingles
NON_WORD = re.compile(r"[^\w\s]+")
SPACES = re.compile(r"\s+")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# spaCy labels that name something; numbers, dates and amounts are not archive entities.
NAME_TYPES = frozenset("PERSON ORG GPE LOC FAC NORP EVENT PRODUCT WORK_OF_ART LAW LANGUAGE".split())
POSSESSIVE = re.compile(r"['’]s?$")
