"""`dateline eval datelines DIR`: does each dateline city land in the right country?

Reuters-21578 tags every story with the countries it is about (``PLACES``). For each
dateline city of the development files, the gold country is the most common tag over
that city's stories, and dateline's answer is the most common country its record gives
the dateline's first place over the same stories. A city is *right* when the two agree (some
only by the country the dateline's written state names, "ROGERS, Conn.", with no point),
a *namesake* when dateline placed it in another country (FRANKFURT in Kentucky), and
*unresolved* when the record gives it no country.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer

from dateline.eval import found
from dateline.eval.reuters21578 import _DOC, WireStory, _field, _story

# Reuters PLACES labels that are not a country's name in the gazetteer (label -> ISO alpha-2).
# Countries that have since split or merged count as their successor holding the capital.
REUTERS_COUNTRY_CODES: dict[str, str] = {
    "usa": "US",
    "uk": "GB",
    "ussr": "RU",
    "west-germany": "DE",
    "east-germany": "DE",
    "czechoslovakia": "CZ",
    "yugoslavia": "RS",
    "zaire": "CD",
    "kampuchea": "KH",
    "burma": "MM",
    "ivory-coast": "CI",
    "trinidad-tobago": "TT",
    "yemen-arab-republic": "YE",
    "yemen-demo-republic": "YE",
    "us-virgin-islands": "VI",
    "cayman-islands": "KY",
    "uae": "AE",
    "congo": "CG",
}


@dataclass(frozen=True)
class DatelineStory:
    city: str  # the dateline's first place as the wire wrote it, with its state or country ("DUBLIN, CALIF.")
    text: str
    published: str | None
    countries: tuple[str, ...]  # ISO codes of the story's PLACES tags


_PLACES = re.compile(r"<PLACES>(.*?)</PLACES>", re.S)


def iter_documents(path: Path) -> Iterator[tuple[WireStory, list[str], str]]:
    """Wire stories of one .sgm file with their PLACES labels and dateline city."""
    for doc in _DOC.findall(path.read_text(encoding="latin-1")):
        story = _story(doc)
        if story is not None:
            places = _PLACES.search(doc)
            labels = re.findall(r"<D>(.*?)</D>", places.group(1)) if places else []
            yield story, labels, dateline_city(_field(doc, "DATELINE") or "")


def dateline_city(dateline: str) -> str:
    """The city a dateline names, with the state or country written after it: "DUBLIN, CALIF."
    and "DUBLIN" are two cities, each with its own stories and gold country."""
    parts = [p.strip() for p in dateline.strip().split(",")]
    written = len(parts) > 2 and not _DATE_WORDS.search(parts[1])  # not "OKLA. MARCH 11"
    return ", ".join(parts[:2] if written else parts[:1]).upper()


_DATE_WORDS = re.compile(r"\d|\b(?:jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)\w*\.?(?:\s|$)", re.I)


def iter_dateline_stories(paths: Iterable[Path], country_code) -> Iterator[DatelineStory]:
    for path in paths:
        for story, labels, city in iter_documents(path):
            codes = tuple(c for c in (country_code(label) for label in labels) if c)
            if story.dateline_place and codes:
                yield DatelineStory(city, story.text, story.published, codes)


def gold_countries(stories: Iterable[DatelineStory]) -> dict[str, str]:
    """Each city's most common PLACES country over its stories."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for s in stories:
        counts[s.city].update(s.countries)
    return {city: c.most_common(1)[0][0] for city, c in counts.items()}


def dateline_country(article) -> str | None:
    """The country the record gives the dateline's first place (None when unresolved or absent);
    marked with a "~" when the place has no point, only the country its written state names."""
    first = article.dateline.places[0] if article.dateline and article.dateline.places else None
    if first is None:
        return None
    for place in article.places:
        for m in place.mentions:
            if _letters(m.text) == _letters(first) and place.country:
                return place.country if place.lat is not None else "~" + place.country
    return None


def _letters(name: str) -> str:
    """A name's letters in capitals: the dateline's "Melbourne" is the mention "ME}LBOURNE"."""
    return "".join(c for c in name.upper() if c.isalpha())


def score(predicted: dict[str, Counter], gold: dict[str, str]) -> dict[str, Any]:
    """Shares of cities right, in a namesake's country, and unresolved; with the wrong ones listed;
    and the same counts over every story read, each against its city's gold country."""
    right = namesake = unresolved = country_only = 0
    per_story: Counter = Counter()
    strays: list[tuple[str, str, str]] = []  # (city, gold, answer) for each story in another country
    for city, answers in predicted.items():
        for code, n in answers.items():
            verdict = "unresolved" if code is None else "right" if code.lstrip("~") == gold[city] else "other"
            per_story[verdict] += n
            strays += [(city, gold[city], code or "-")] * n if verdict == "other" else []
    wrong: list[tuple[str, str, str]] = []
    for city, answers in predicted.items():
        known = Counter({code: n for code, n in answers.items() if code is not None})
        top = known.most_common(1)[0][0] if known else None
        if top is None:
            unresolved += 1
            wrong.append((city, gold[city], "-"))
        elif top.lstrip("~") == gold[city]:
            right += 1
            country_only += top.startswith("~")
        else:
            namesake += 1
            wrong.append((city, gold[city], top))
    n = len(predicted) or 1
    return {
        "cities": len(predicted),
        "right": right / n,
        "namesake": namesake / n,
        "unresolved": unresolved / n,
        "country_only": country_only / n,
        "wrong": sorted(wrong),
        "story_counts": per_story,
        "strays": sorted(strays),
    }


def run(paths: list[Path], per_city: int = 3, gazetteer: str | None = None) -> dict[str, Any]:
    import os

    from dateline.geo import load
    from dateline.geo.resolve import Resolver
    from dateline.io.sources import Story
    from dateline.reader import Reader

    if gazetteer:
        os.environ["DATELINE_GAZETTEER"] = gazetteer
    resolver = Resolver(load(gazetteer))

    def country_code(label: str) -> str | None:
        return REUTERS_COUNTRY_CODES.get(label) or resolver.country_of(label.replace("-", " "))

    stories = list(iter_dateline_stories(paths, country_code))
    gold = gold_countries(stories)
    chosen: dict[str, list[DatelineStory]] = defaultdict(list)
    for s in stories:
        if per_city <= 0 or len(chosen[s.city]) < per_city:
            chosen[s.city].append(s)
    sample = [s for group in chosen.values() for s in group]
    reader = Reader(extractors=["entities", "places"])
    predicted: dict[str, Counter] = defaultdict(Counter)
    for s, article in zip(sample, reader.read_many(Story(text=s.text, published=s.published) for s in sample)):
        code = dateline_country(article)
        predicted[s.city].update([code])
    return score(predicted, gold) | {"stories": len(sample)}


def register(eval_app: typer.Typer) -> None:
    @eval_app.command("datelines")
    def datelines(
        path: Path = typer.Argument(..., exists=True, help="Reuters-21578 folder or reut2-*.sgm file"),
        per_city: int = typer.Option(3, "--per-city", help="Stories read per dateline city (0: all)."),
        show: int = typer.Option(30, "--show", help="List this many wrong cities."),
        gazetteer: str = typer.Option(None, "--gazetteer", help="Gazetteer file."),
    ) -> None:
        """Dateline cities against the country their Reuters stories are tagged with (PLACES)."""
        paths = (
            found(sorted(path.glob("reut2-*.sgm")), "Reuters-21578 files (reut2-*.sgm)", path)
            if path.is_dir()
            else [path]
        )
        m = run(paths, per_city, gazetteer)
        typer.echo(
            f"datelines: {m['cities']} cities ({m['stories']} stories read): right {100 * m['right']:.2f}% "
            f"(of which {100 * m['country_only']:.2f}% by the written state or country alone, no point), "
            f"namesake {100 * m['namesake']:.2f}%, unresolved {100 * m['unresolved']:.2f}%"
        )
        c = m["story_counts"]
        typer.echo(
            f"stories: {m['stories']:,} read, the dateline in its city's country {c['right']:,}, "
            f"another country {c['other']:,}, unresolved {c['unresolved']:,}"
        )
        for city, gold, got in m["wrong"][:show]:
            typer.echo(f"  {city}: gold {gold}, dateline {got}")
        if m["strays"]:
            typer.echo("stories whose dateline lands in another country than their city's:")
        for city, gold, got in m["strays"][:show]:
            typer.echo(f"  {city}: city's country {gold}, this story's dateline {got}")
