"""The usual sex of a first name, a clue to which pronouns can refer to a person.

The list (``name_genders.tsv``, beside this module) keeps only names that are given to one sex at least
97% of the time in the US Social Security Administration's baby-name counts (public
domain; built by ``scripts/build_name_genders.py``). Names it lacks, or shares between the
sexes ("Kim", "Jordan"), tell nothing. A title or a kin word the story uses wins over it.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from dateline.extract.entities import names


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    text = resources.files("dateline.extract.entities").joinpath("name_genders.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {name: sex for name, sex in rows}


def gender_of(full_name: str) -> str | None:
    """ "m" or "f" for a full name whose first part is a listed first name; an initial or a
    one-part name tells nothing."""
    parts = names.parts(full_name)
    if len(parts) < 2 or len(parts[0]) < 2:
        return None
    return _table().get(parts[0])


def is_first_name(word: str) -> bool:
    """A listed first name ("Maria"), whichever sex."""
    parts = names.parts(word)
    return bool(parts) and parts[0] in _table()
