"""The HTML pages. Every value reaches the page through Jinja2 autoescaping; the story text
through ``highlight``, which escapes it piece by piece."""
from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from dateline.extract.quotes.cite import attribution, citation, sentence_text, speaker_names
from dateline.render.digest import dateline_label
from dateline.store import Store
from dateline.web.highlight import highlighted_paragraphs

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))
FILTERS = ("q", "entity", "speaker", "place", "bbox", "since", "until", "agency", "topic")
PAGE_SIZE = 20
# Facet name -> (heading, the search filter a facet value sets).
FACETS = {"people": ("People", "entity"), "organisations": ("Organisations", "entity"),
          "places": ("Places", "place"), "agencies": ("Agencies", "agency"), "months": ("Months", "month")}


def register(app: FastAPI, store: Store) -> None:
    """Add the page routes to ``app`` (not in the OpenAPI document: they are not an API)."""
    get = lambda path: app.get(path, response_class=HTMLResponse, include_in_schema=False)  # noqa: E731

    @get("/")
    def home(request: Request):
        return _page(request, "home.html", stories=store.search(limit=50), threads=store.threads(limit=20),
                     stats=store.stats(), topics=store.topics(limit=20))

    @get("/search")
    def search_page(request: Request):
        from dateline.api.app import search

        args: dict[str, Any] = {k: request.query_params.get(k) for k in FILTERS}
        searched = any(args.values())
        sort, offset = request.query_params.get("sort"), _offset(request.query_params.get("offset"))
        found = search(store, **args, sort=sort, facets=True, limit=PAGE_SIZE, offset=offset) if searched else None
        return _page(request, "search.html", found=found, args=args, searched=searched,
                     links=search_links(args, found) if found else {}, facets=FACETS)

    @get("/stories/{story_id}")
    def story(request: Request, story_id: str):
        found = store.get_story(story_id)
        if found is None:
            raise HTTPException(404, f"no story {story_id!r}")
        record = found.record
        return _page(request, "story.html", story=found, record=record, dateline=dateline_line(record),
                     paragraphs=highlighted_paragraphs(record, found.entity_ids), panel=side_panel(record))

    @get("/entities")
    def entity_search(request: Request, name: str = ""):
        found = store.entities(name.strip() or None, limit=100)
        if name.strip() and len(found) == 1:
            return RedirectResponse(f"/entities/{found[0].id}", status_code=303)
        return _page(request, "entities.html", entities=found, name=name)

    @get("/entities/{entity_id}")
    def entity(request: Request, entity_id: int):
        profile = store.entity(entity_id)
        if profile is None:
            raise HTTPException(404, f"no entity {entity_id}")
        return _page(request, "entity.html", p=profile, bars=timeline_bars(profile.timeline),
                     tone=tone_summary(profile.tone))

    @get("/threads/{thread_id}")
    def thread(request: Request, thread_id: int):
        hits = store.thread(thread_id)
        if not hits:
            raise HTTPException(404, f"no thread {thread_id}")
        return _page(request, "thread.html", thread=thread_id, hits=hits)

    @get("/map")
    def map_page(request: Request):
        return _page(request, "map.html")

    @get("/timeline")
    def timeline(request: Request, entity: str = "", since: str = "", until: str = ""):
        from dateline.api.params import clean, parse_day, until_day

        days = store.timeline(entity=clean(entity), since=parse_day(clean(since), "since"),
                              until=until_day(clean(until)))
        return _page(request, "timeline.html", bars=timeline_bars(days), entity=entity, since=since, until=until)


def _offset(text: str | None) -> int:
    try:
        return max(0, int(text or 0))
    except ValueError:
        raise HTTPException(400, f"offset must be a whole number, got {text!r}") from None


def search_links(args: Mapping[str, str | None], found) -> dict[str, Any]:
    """Query strings for the search page's previous/next page, sort and facet links (filters kept)."""
    base = {k: v for k, v in args.items() if v}
    sort = {"sort": found.sort}

    def url(**changes: Any) -> str:
        return "/search?" + urlencode({**base, **sort, **changes})

    def narrowed(key: str, f) -> str:
        if key == "month":  # the month's first to last day
            return url(since=f.value, until=f.value)
        return url(**{key: f.value if key == "entity" else f.label})

    facet = {name: {f.value: narrowed(key, f) for f in found.facets.get(name, ())}
             for name, (_, key) in FACETS.items()}
    return {
        "prev": url(offset=max(0, found.offset - found.limit)) if found.offset > 0 else None,
        "next": url(offset=found.offset + found.limit) if found.offset + found.limit < found.total else None,
        "sort": {s: "/search?" + urlencode({**base, "sort": s}) for s in ("relevance", "newest", "oldest")
                 if s != "relevance" or base.get("q")},
        "facet": facet,
    }


def marked(snippet: str | None, marks: Any = ()) -> Markup:
    """A search snippet as HTML: the text escaped, each matched word in ``<mark>``."""
    if not snippet:
        return Markup("")
    out, at = [], 0
    for start, end in marks or ():
        out += [str(escape(snippet[at:start])), "<mark>", str(escape(snippet[start:end])), "</mark>"]
        at = end
    out.append(str(escape(snippet[at:])))
    return Markup("".join(out))


def dateline_line(record: Mapping[str, Any]) -> str:
    """Where and when the story says it was filed: "LISBON, Portugal, 4 March 2031"."""
    d = record.get("dateline") or {}
    where = dateline_label({**d, "country": country_name(d.get("country"))}, full=False)
    return ", ".join(filter(None, [where, readable_date(d.get("date"))]))


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str | None:
    """A two-letter country code as its common English name (pycountry); unknown codes as given."""
    if not code:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=code.upper())
    return (getattr(country, "common_name", None) or country.name) if country else code


def readable_date(value: str | None) -> str:
    """A date, timestamp or TIMEX3 value as a reader says it: "4 March 2031" (time kept as
    "10:00 UTC"), "4 March" when the year is unknown, "week 10 of 1987", "Q1 1987", "2 weeks",
    "now"; what is not known ("XXXX-XX-XX") or not understood stays as given."""
    if not value:
        return ""
    if value in _REFS:
        return _REFS[value]
    for pattern, say in _READABLE:
        match = pattern.match(value)
        if match:
            return say(match) or value
    return value


def _day(m: re.Match) -> str | None:
    year, month, day, clock, zone = m.groups()
    if not (month.isdigit() and 1 <= int(month) <= 12):
        return None
    text = " ".join(filter(None, [str(int(day)) if day and day.isdigit() else None, _MONTHS[int(month) - 1],
                                  None if year == "XXXX" else year]))
    if clock in _PARTS_OF_DAY:
        return f"{text}, {_PARTS_OF_DAY[clock]}"
    if clock:
        text += f", {clock}" + (" UTC" if zone in ("Z", "+00:00") else f" {zone}" if zone else "")
    return text


def _duration(m: re.Match) -> str:
    n, unit = int(m.group(2)), _UNITS[(m.group(1), m.group(3))]
    return f"{n} {unit}{'' if n == 1 else 's'}"


_REFS = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}
_PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_UNITS = {("", "Y"): "year", ("", "M"): "month", ("", "W"): "week", ("", "D"): "day", ("T", "H"): "hour",
          ("T", "M"): "minute", ("T", "S"): "second", ("", "DE"): "decade", ("", "CE"): "century"}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
# (TIMEX3 or ISO 8601 shape, how to say it), tried in order.
_READABLE = (
    (re.compile(r"^(\d{4}|XXXX)-(\d{2})(?:-(\d{2}|XX))?"
                r"(?:T(MO|AF|EV|NI|DT|\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$"), _day),
    (re.compile(r"^(\d{4})-W(\d{2})$"), lambda m: f"week {int(m.group(2))} of {m.group(1)}"),
    (re.compile(r"^(\d{4})-Q([1-4])$"), lambda m: f"Q{m.group(2)} {m.group(1)}"),
    (re.compile(r"^(\d{4})-H([12])$"), lambda m: f"H{m.group(2)} {m.group(1)}"),
    (re.compile(r"^P(T?)(\d+)(Y|M|W|D|H|S|DE|CE)$"), lambda m: _duration(m) if (m.group(1), m.group(3)) in _UNITS else None),
)
TEMPLATES.env.filters["marked"] = marked
TEMPLATES.env.filters["readable_date"] = readable_date


def _page(request: Request, template: str, **context: Any) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, template, context)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    response = _page(request, "error.html", status=status, message=message)
    response.status_code = status
    return response


def side_panel(record: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Who, said what, when and where: the record's facts in reading order, for the side panel."""
    names = {e["id"]: e.get("name") for e in record.get("entities") or ()}
    places = {p.get("entity") for p in record.get("places") or ()}
    polarity: dict[str, list[int]] = {}
    for s in record.get("sentiments") or ():
        polarity.setdefault(s["entity"], []).append(s["polarity"])
    who = [{"id": e["id"], "name": e.get("name"), "type": e.get("type"), "titles": e.get("titles") or [],
             "mentions": len(e.get("mentions") or ()), "journalist": e.get("journalist", False),
             "tone": tone_word(polarity.get(e["id"]))}
           for e in record.get("entities") or () if e["id"] not in places]
    who.sort(key=lambda e: -e["mentions"])
    said = [_said(record, q, speaker_names(record)) for q in record.get("quotes") or ()]
    when = [{"id": t["id"], "text": t.get("text"), "value": t.get("value"), "type": t.get("type")}
            for t in record.get("timexes") or ()]
    where = [dict(p) for p in record.get("places") or ()]
    events = [{"id": v["id"], "type": v.get("type"), "trigger": (v.get("trigger") or {}).get("text"),
               "who": [names.get(w, w) for w in v.get("who") or ()], "modality": v.get("modality")}
              for v in record.get("events") or ()]
    return {"who": who, "said": said, "when": when, "where": where, "events": events}


def tone_word(polarities: list[int] | None) -> str | None:
    """How a story speaks of an entity, in a word, from its mentions' polarities."""
    if not polarities:
        return None
    mean = sum(polarities) / len(polarities)
    return "positive" if mean >= 0.34 else "negative" if mean <= -0.34 else "mixed" if any(polarities) else "neutral"


def tone_summary(days) -> dict[str, Any]:
    """An entity's mentions by polarity over all its days, and per-day rows for the table."""
    total = sum(d.mentions for d in days)
    pos, neg = sum(d.positive for d in days), sum(d.negative for d in days)
    return {"mentions": total, "positive": pos, "negative": neg, "neutral": total - pos - neg,
            "mean": round(sum(d.mean * d.mentions for d in days) / total, 3) if total else None,
            "days": [{"day": d.day, "mentions": d.mentions, "mean": d.mean,
                      "width": round(40 * abs(d.mean), 1), "sign": "pos" if d.mean > 0 else "neg"} for d in days]}


def _said(record: Mapping[str, Any], q: Mapping[str, Any], names: Mapping[str, str]) -> dict[str, Any]:
    """One quote for the panel: its whole sentence to read and copy, and who said it how."""
    name = names.get(q.get("speaker") or "") or q.get("speaker_text")
    return {"id": q["id"], "speaker": q.get("speaker"), "speaker_name": name, "kind": q.get("kind"),
            "text": q.get("text"), "sentence": sentence_text(record.get("text") or "", q),
            "cite": citation(record.get("text") or "", q, name), "attribution": attribution(q, names)}


def timeline_bars(days) -> list[dict[str, Any]]:
    """Per-day rows with bar widths for the timeline view: the busiest day fills 80% of its cell."""
    top = max([max(d.stories, d.events) for d in days] or [1]) or 1
    return [{"day": d.day, "stories": d.stories, "events": d.events,
             "s_width": round(80 * d.stories / top, 1), "e_width": round(80 * d.events / top, 1)} for d in days]

