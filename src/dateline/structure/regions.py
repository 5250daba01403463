"""What a dateline's region says: a country ("Russia") or a state or province ("Ky.", "Ont.",
"Ohio"), and the ISO 3166-1 alpha-2 code of its country."""

from __future__ import annotations

from functools import lru_cache

from dateline.geo.text import strip_accents
from dateline.structure.layout import Field

# Names older copy uses that the ISO lists no longer carry (folded) -> ISO 3166-1 alpha-2.
OLD_COUNTRY_NAMES: dict[str, str] = {"west germany": "DE", "federal republic of germany": "DE"}
# Division names and abbreviations older or looser than ISO's ("Dela.", "Newfoundland").
OLD_DIVISION_NAMES: dict[str, str] = {"dela": "US", "newfoundland": "CA", "labrador": "CA", "nwt": "CA"}

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


@lru_cache(maxsize=1)
def _divisions() -> dict[str, str]:
    """Division name or news-style abbreviation (folded, no dots) -> country code."""
    import pycountry

    from dateline.geo.lexicon import REGION_ABBREVIATIONS

    top = [
        (code, sub)
        for code in DATELINE_DIVISION_COUNTRIES
        for sub in pycountry.subdivisions.get(country_code=code) or ()
        if sub.parent_code is None
    ]
    table: dict[str, str] = {}
    for code, sub in top:
        table.setdefault(_key(sub.name), code)
    for code, sub in top:  # ISO codes after all names: "NSW", "KY"
        table.setdefault(_key(sub.code.split("-")[1]), code)
    for abbreviation, division in REGION_ABBREVIATIONS.items():
        table[abbreviation] = division[:2]
    return {**table, **OLD_DIVISION_NAMES}
