"""What a dateline's region says: a country ("Russia") or a state or province ("Ky.", "Ont.",
"Ohio"), and the ISO 3166-1 alpha-2 code of its country."""

from __future__ import annotations

from functools import lru_cache

from dateline.geo.text import strip_accents
from dateline.structure.layout import Field

# Names older copy uses that the ISO lists no longer carry (folded) -> ISO 3166-1 alpha-2.
OLD_COUNTRY_NAMES: dict[str, str] = {"west germany": "DE", "federal republic of germany": "DE"}
# Division names and abbreviations older or looser than ISO's ("Dela.", "Newfoundland") -> ISO 3166-2.
OLD_DIVISION_NAMES: dict[str, str] = {"dela": "US-DE", "newfoundland": "CA-NL", "labrador": "CA-NL", "nwt": "CA-NT"}

# Countries whose first-level divisions follow the place in a dateline ("DAYTON, Ohio").
DATELINE_DIVISION_COUNTRIES = ("US", "CA", "GB", "AU", "IN", "BR", "MX", "DE", "CN")


def locate_region(region: Field | None) -> tuple[Field | None, str | None]:
    """(the region when it is a state or province, else None; the country's ISO code or None)."""
    if region is None:
        return None, None
    from dateline.extract.entities.gazetteer import country_code

    code = country_code(region.text) or OLD_COUNTRY_NAMES.get(_key(region.text))
    if code is not None:
        return None, code
    return region, _divisions().get(_key(region.text))


def is_known_place(name: str) -> bool:
    """A country, a first-level division of the countries datelines name them for, or a city
    of GeoNames' list: what a dateline's weakest form ("Mumbai: ...") must name."""
    from dateline.extract.entities.gazetteer import city_population, country_code

    return bool(country_code(name) or city_population(name) or _key(name) in _divisions())


def _key(text: str) -> str:
    """Case, dots and accents folded: "N.S.W." -> "nsw", "Mahārāshtra" -> "maharashtra"."""
    return " ".join(strip_accents(text).replace(".", "").split()).casefold()


def division_name(text: str) -> str | None:
    """ISO's name of the first-level division a dateline's region writes ("Ia." -> "Iowa",
    "Dela." -> "Delaware", "Newfoundland" -> "Newfoundland and Labrador"), if it writes one."""
    import pycountry

    code = _division_codes().get(_key(text))
    sub = pycountry.subdivisions.get(code=code) if code else None
    return sub.name if sub is not None else None


@lru_cache(maxsize=1)
def _divisions() -> dict[str, str]:
    """Division name or news-style abbreviation (folded, no dots) -> country code."""
    return {key: code[:2] for key, code in _division_codes().items()}


@lru_cache(maxsize=1)
def _division_codes() -> dict[str, str]:
    """Division name or news-style abbreviation (folded, no dots) -> ISO 3166-2 code."""
    import pycountry

    from dateline.geo.lexicon import REGION_ABBREVIATIONS

    top = [
        sub
        for code in DATELINE_DIVISION_COUNTRIES
        for sub in pycountry.subdivisions.get(country_code=code) or ()
        if sub.parent_code is None
    ]
    table: dict[str, str] = {}
    for sub in top:
        table.setdefault(_key(sub.name), sub.code)
    for sub in top:  # ISO codes after all names: "NSW", "KY"
        table.setdefault(_key(sub.code.split("-")[1]), sub.code)
    table.update(REGION_ABBREVIATIONS)
    return {**table, **OLD_DIVISION_NAMES}
