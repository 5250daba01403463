"""A readable digest of an article record, as plain text or Markdown.

Built from one data dict (``digest_sections``) rendered two ways, as datasette renders one
page as HTML or JSON.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dateline.record import Article, Dateline, Entity

PEOPLE_TYPES = ("PERSON",)
ORG_TYPES = ("ORG", "NORP")


def digest_sections(article: Article) -> list[tuple[str, list[str]]]:
    """The digest as (section title, lines) pairs; empty sections are left out."""
    names = {e.id: e.name for e in article.entities}
    for q in article.quotes:  # speakers the quotes extractor named itself ("anon1")
        if q.speaker and q.speaker not in names and q.speaker_text:
            names[q.speaker] = q.speaker_text
    sections = [
        ("Story", _story_lines(article)),
        ("People", [_entity_line(e, names) for e in article.entities if e.type in PEOPLE_TYPES and not e.journalist]),
        ("Journalists", [e.name for e in article.entities if e.journalist]),
        ("Organisations", [_entity_line(e, names) for e in article.entities if e.type in ORG_TYPES]),
        ("Who said what", [_quote_line(q, names) for q in article.quotes]),
        ("When", [f"{t.text} = {t.value} ({t.type})" for t in article.timexes]),
        ("Where", _place_lines(article.places)),
        ("What happened", _event_lines(article, names)),
        ("Themes", _theme_lines(article, names)),
        ("Not read", [f"{e.extractor}: {e.type}: {e.message}" for e in article.errors]),
    ]
    return [(title, lines) for title, lines in sections if lines]


def render_text(article: Article) -> str:
    out = []
    for title, lines in digest_sections(article):
        out.append(title.upper())
        out.extend(f"  {line}" for line in lines)
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def render_markdown(article: Article) -> str:
    out = [f"# {article.headline or '(no headline)'}", ""]
    for title, lines in digest_sections(article):
        out.append(f"## {title}")
        out.extend(f"- {_md_escape(line)}" for line in lines)
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def dateline_label(d: Dateline | Mapping[str, Any], *, full: bool = True) -> str:
    """A dateline as one line, "LISBON/MADRID, Portugal-code, date, agency" (``full``) or just
    where it was filed (places, region, country); from a record's ``Dateline`` or its dict."""
    get = d.get if isinstance(d, Mapping) else lambda k: getattr(d, k)
    parts = ["/".join(get("places") or ()), get("region"), get("country")]
    if full:
        parts += [get("date"), get("agency")]
    return ", ".join(filter(None, parts))


def _story_lines(a: Article) -> list[str]:
    dateline = dateline_label(a.dateline)
    credits = a.credits
    pairs = [
        ("Headline", a.headline),
        ("Agency", a.agency),
        ("Published", a.published),
        ("Update", a.update_note),
        ("By", ", ".join(a.authors)),
        ("Dateline", dateline),
        ("Reporting", _credit_list(credits.reporting)),
        ("Additional reporting", _credit_list(credits.additional_reporting)),
        ("Writing", _credit_list(credits.writing)),
        ("Editing", ", ".join(credits.editing)),
        ("Contributors", _credit_list(credits.contributing)),
        (
            "Body",
            f"{len(a.paragraphs)} paragraphs"
            + (f", {len(a.tables)} tables" if a.tables else "")
            + f", characters {a.body.start}-{a.body.end}",
        ),
        ("Language", f"{a.language}: structure only, the extractors read English" if a.reading != "full" else None),
    ]
    lines = [f"{k}: {v}" for k, v in pairs if v]
    lines.extend(f"* {b}" for b in a.bullets)
    lines.extend(f"Boilerplate: {b}" for b in a.boilerplate)
    return lines


def _credit_list(credits) -> str:
    return ", ".join(f"{c.name} ({c.place})" if c.place else c.name for c in credits)


def _entity_line(e: Entity, names: dict[str, str]) -> str:
    parts = [e.name]
    if e.titles:
        parts.append("; ".join(e.titles))
    parts.extend(f"{r.relation} of {names.get(r.target, r.target)}" for r in e.relations)
    if e.country:
        parts.append(e.country)
    return " - ".join(parts) + f"  [{len(e.mentions)} mentions]"


def _quote_line(q, names: dict[str, str]) -> str:
    who = names.get(q.speaker) if q.speaker else None
    who = who or q.speaker_text or "(no source)"
    text = q.text if len(q.text) <= 160 else q.text[:157] + "..."
    return f"{who} [{q.kind}, {q.cue or '-'}]: {text}"


def _place_lines(places) -> list[str]:
    """Places grouped by country (unresolved ones last)."""
    ordered = sorted(places, key=lambda p: (p.country is None, p.country or "", p.feature not in ("PCLI", "PCL")))
    lines, country = [], object()
    for p in ordered:
        if p.country != country:
            country = p.country
            lines.append(f"[{country or 'unresolved'}]")
        lines.append("  " + _place_line(p))
    return lines


def _place_line(p) -> str:
    if p.lat is None:
        return f"{p.name}: unresolved"
    flag = f" ({p.kind})" if p.kind != "literal" else ""
    where = f"GeoNames {p.geonames_id}" if p.geonames_id else "world region"
    return f"{p.name}{flag}: {where}, {p.feature}, {p.country}, {p.lat:.4f},{p.lon:.4f}"


def _event_lines(a: Article, names: dict[str, str]) -> list[str]:
    """The story's timeline: each happening once, in time order (see ``dateline.extract.events.timeline``)."""
    from dateline.extract.events.timeline import timeline_rows

    lines = []
    for row in timeline_rows(a):
        line = f"{row['date'] or '----'}  {row['type']}: {', '.join(row['who']) or '?'} {row['trigger']}"
        line += f" with {', '.join(row['with'])}" if row["with"] else ""
        line += f" in {row['where']}" if row["where"] else ""
        line += f" ({row['modality']})" if row["modality"] != "asserted" else ""
        lines.append(line)
    return lines


def _theme_lines(a: Article, names: dict[str, str]) -> list[str]:
    """Topics, the story's tone and how it speaks of each person (their mentions' polarities)."""
    lines = [f"Topic: {t.label} ({t.scheme} {t.code}, score {t.score:.2f})" for t in a.topics]
    if a.tone:
        lines.append(
            f"Tone: {a.tone.polarity:+.2f} ({100 * a.tone.positive:.1f}% positive, "
            f"{100 * a.tone.negative:.1f}% negative of {a.tone.words} words)"
        )
    by_entity: dict[str, list[int]] = {}
    for s in a.sentiments:
        by_entity.setdefault(s.entity, []).append(s.polarity)
    for entity, polarities in by_entity.items():
        counts = ", ".join(
            f"{polarities.count(p)} {word}"
            for p, word in ((1, "positive"), (0, "neutral"), (-1, "negative"))
            if p in polarities
        )
        lines.append(f"Spoken of: {names.get(entity, entity)}: {counts}")
    return lines


def _md_escape(line: str) -> str:
    return line.replace("*", "\\*").replace("_", "\\_")
