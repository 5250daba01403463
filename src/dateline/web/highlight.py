"""Highlight markup built from a record's spans, server-side, with every piece of text escaped.

Spans may nest (a name inside a quote) or cross (a quote ending inside a name). The text is cut
at every span boundary; each piece is wrapped in the spans that cover it, outermost first, and a
tag stays open across pieces for as long as it is still the outer part of the stack, so nested
spans come out as nested elements and only crossing spans are split.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from dateline.structure.text import blocks


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted span: its element, CSS class and attributes."""

    start: int
    end: int
    kind: str  # quote | entity | place | time | speaker
    attrs: tuple[tuple[str, str], ...] = ()
    href: str | None = None

    def open_tag(self) -> str:
        tag = "a" if self.href else "span"
        attrs = "".join(f' {k}="{escape(v)}"' for k, v in self.attrs)
        href = f' href="{escape(self.href)}"' if self.href else ""
        return f'<{tag} class="hl hl-{self.kind}"{href}{attrs}>'

    def close_tag(self) -> str:
        return "</a>" if self.href else "</span>"


_DEPTH = {"quote": 0, "speaker": 1, "entity": 2, "place": 2, "time": 3}


def _order(mark: Mark) -> tuple[int, int, int]:
    return (mark.start, -mark.end, _DEPTH.get(mark.kind, 4))


def highlight(text: str, start: int, end: int, marks: Iterable[Mark]) -> Markup:
    """``text[start:end]`` as escaped HTML with ``marks`` (clipped to the range) wrapped around."""
    clipped = sorted((m for m in (_clip(m, start, end) for m in marks) if m), key=_order)
    cuts = sorted({start, end, *(m.start for m in clipped), *(m.end for m in clipped)})
    out: list[str] = []
    stack: list[Mark] = []
    for lo, hi in zip(cuts, cuts[1:]):
        active = [m for m in clipped if m.start <= lo and m.end >= hi]
        keep = _common_prefix(stack, active)
        out.extend(m.close_tag() for m in reversed(stack[keep:]))
        out.extend(m.open_tag() for m in active[keep:])
        stack = active
        out.append(str(escape(text[lo:hi])))
    out.extend(m.close_tag() for m in reversed(stack))
    return Markup("".join(out))


def _clip(mark: Mark, start: int, end: int) -> Mark | None:
    lo, hi = max(mark.start, start), min(mark.end, end)
    if hi <= lo:
        return None
    return Mark(lo, hi, mark.kind, mark.attrs, mark.href)


def _common_prefix(a: list[Mark], b: list[Mark]) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def record_marks(record: Mapping[str, Any], entity_ids: Mapping[str, int]) -> list[Mark]:
    """Marks for a record's quotes, speakers, entity mentions (places apart) and times."""
    places = {p.get("entity") for p in record.get("places") or () if p.get("entity")}
    marks: list[Mark] = []
    for q in record.get("quotes") or ():
        marks.append(Mark(q["start"], q["end"], "quote", (("data-quote", q["id"]), ("data-kind", q.get("kind") or ""))))
        span = q.get("speaker_span")
        if span:
            marks.append(Mark(span["start"], span["end"], "speaker", (("data-quote", q["id"]),)))
    for e in record.get("entities") or ():
        kind = "place" if e["id"] in places else "entity"
        archive_id = entity_ids.get(e["id"])
        href = f"/entities/{archive_id}" if archive_id is not None and kind == "entity" else None
        attrs = (("data-entity", e["id"]), ("data-type", e.get("type") or ""), ("title", e.get("name") or ""))
        marks.extend(Mark(m["start"], m["end"], kind, attrs, href) for m in e.get("mentions") or ())
    for t in record.get("timexes") or ():
        marks.append(
            Mark(t["start"], t["end"], "time", (("data-timex", t["id"]), ("title", str(t.get("value") or ""))))
        )
    return marks


def paragraphs(record: Mapping[str, Any]) -> list[tuple[int, int]]:
    """The body's paragraph spans; blank-line blocks of the body when the record has none."""
    text = record.get("text") or ""
    body = record.get("body") or {"start": 0, "end": len(text)}
    given = [(p["start"], p["end"]) for p in record.get("paragraphs") or () if p["end"] > p["start"]]
    if given:
        return given
    out = []
    for start, end in blocks(text, body["start"], body["end"]):  # the layout's one paragraph splitter
        piece = text[start:end]
        lo, hi = start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())
        if hi > lo:
            out.append((lo, hi))
    return out


def highlighted_paragraphs(record: Mapping[str, Any], entity_ids: Mapping[str, int]) -> list[tuple[str, Markup]]:
    """The story body as highlighted blocks in text order, ready for a template: ("p", html) for
    a paragraph, ("table", html) for a table, whose lines keep their columns."""
    text = record.get("text") or ""
    marks = record_marks(record, entity_ids)
    blocks = [(lo, hi, "p") for lo, hi in paragraphs(record)]
    blocks += [(t["start"], t["end"], "table") for t in record.get("tables") or () if t["end"] > t["start"]]
    return [(kind, highlight(text, lo, hi, marks)) for lo, hi, kind in sorted(blocks)]
