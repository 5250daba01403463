"""The story page's data: the stored story, its typed record, its dateline as a line, and the side
panel (who, said what, when, where, what happened, and the story's events in time order)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dateline.extract.quotes.cite import attribution, citation, sentence_text, speaker_names
from dateline.record import Article
from dateline.store import Store
from dateline.store.models import StoryDetail
from dateline.views.dates import dateline_line, readable_date

SAY = "say"  # the event type of reporting verbs: folded into the quotes it introduces


@dataclass(frozen=True, slots=True)
class StoryView:
    detail: StoryDetail
    article: Article  # the stored record, typed
    dateline: str  # "LISBON, Portugal, 4 March 2031"
    panel: dict[str, list[dict[str, Any]]]

    @property
    def record(self) -> dict[str, Any]:
        return self.detail.record

    def to_dict(self) -> dict[str, Any]:
        return {**self.detail.to_dict(), "dateline_line": self.dateline, "panel": self.panel}


def story_view(store: Store, story_id: str) -> StoryView | None:
    """The story with this id, or None."""
    detail = store.get_story(story_id)
    if detail is None:
        return None
    return StoryView(detail, detail.article, dateline_line(detail.record), side_panel(detail.record))


def side_panel(record: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Who, said what, when and where: the record's facts in reading order, for the side panel.

    A "say" event is the reporting verb of a quote ("said"): it joins the quote whose cue or
    sentence holds it, with its date, instead of filling "what happened". ``timeline`` lists
    the other events that have a date, oldest first, each with its date as a reader says it (an
    event the story mentions again, ``same_as`` an earlier one, is listed once).
    """
    names = {e["id"]: e.get("name") for e in record.get("entities") or ()}
    places = {p.get("entity") for p in record.get("places") or ()}
    timexes = {t["id"]: t for t in record.get("timexes") or ()}
    polarity: dict[str, list[int]] = {}
    for s in record.get("sentiments") or ():
        polarity.setdefault(s["entity"], []).append(s["polarity"])
    who = [
        {
            "id": e["id"],
            "name": e.get("name"),
            "type": e.get("type"),
            "titles": e.get("titles") or [],
            "mentions": len(e.get("mentions") or ()),
            "journalist": e.get("journalist", False),
            "tone": tone_word(polarity.get(e["id"])),
        }
        for e in record.get("entities") or ()
        if e["id"] not in places
    ]
    who.sort(key=lambda e: -e["mentions"])
    quotes = list(record.get("quotes") or ())
    said = [_said(record, q, speaker_names(record)) for q in quotes]
    events = []
    for v in record.get("events") or ():
        event = _event(v, names, timexes)
        owner = _quote_of(v, quotes, record.get("text") or "") if v.get("type") == SAY else None
        if owner is not None:
            said[owner].setdefault("events", []).append(event)
        else:
            events.append(event)
    for q in said:
        q["when"] = next((e["when"] for e in q.get("events", ()) if e["when"]), None)
    when = [
        {"id": t["id"], "text": t.get("text"), "value": t.get("value"), "type": t.get("type")}
        for t in record.get("timexes") or ()
    ]
    where = [dict(p) for p in record.get("places") or ()]
    timeline = sorted(
        (e for e in events if e["value"] and e["value"][:1].isdigit() and not e["same_as"]), key=lambda e: e["value"]
    )
    return {"who": who, "said": said, "when": when, "where": where, "events": events, "timeline": timeline}


def _event(v: Mapping[str, Any], names: Mapping[str, str], timexes: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    timex = timexes.get(v.get("when") or "") or {}
    value = timex.get("value")
    return {
        "id": v["id"],
        "type": v.get("type"),
        "trigger": (v.get("trigger") or {}).get("text"),
        "who": [names.get(w, w) for w in v.get("who") or ()],
        "modality": v.get("modality"),
        "value": value,
        "when": readable_date(value) if value else None,
        "when_text": timex.get("text"),
        "same_as": v.get("same_as"),
    }


def _quote_of(event: Mapping[str, Any], quotes: list[Mapping[str, Any]], text: str) -> int | None:
    """The index of the quote a say event introduces: its cue is the event's trigger, else the
    trigger lies in the quote's sentence; None when no quote claims it."""
    trigger = event.get("trigger") or {}
    start, end = trigger.get("start"), trigger.get("end")
    if start is None or end is None:
        return None
    for i, q in enumerate(quotes):
        cue = q.get("cue_span") or {}
        if cue.get("start") is not None and cue["start"] < end and start < cue["end"]:
            return i
    for i, q in enumerate(quotes):
        lo, hi = _sentence(text, q)
        if lo <= start and end <= hi:
            return i
    return None


def _sentence(text: str, q: Mapping[str, Any]) -> tuple[int, int]:
    """The span of the sentence(s) around a quote: from the previous sentence end to the next."""
    start, end = int(q.get("start") or 0), int(q.get("end") or 0)
    lo = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return lo, (min(stops) + 1 if stops else len(text))


def tone_word(polarities: list[int] | None) -> str | None:
    """How a story speaks of an entity, in a word, from its mentions' polarities."""
    if not polarities:
        return None
    mean = sum(polarities) / len(polarities)
    return "positive" if mean >= 0.34 else "negative" if mean <= -0.34 else "mixed" if any(polarities) else "neutral"


def _said(record: Mapping[str, Any], q: Mapping[str, Any], names: Mapping[str, str]) -> dict[str, Any]:
    """One quote for the panel: its whole sentence to read and copy, and who said it how."""
    speaker = q.get("speaker")
    name = (names.get(speaker) if speaker is not None else None) or q.get("speaker_text")
    return {
        "id": q["id"],
        "speaker": speaker,
        "speaker_name": name,
        "kind": q.get("kind"),
        "text": q.get("text"),
        "sentence": sentence_text(record.get("text") or "", q),
        "cite": citation(record.get("text") or "", q, name),
        "attribution": attribution(q, names),
    }
