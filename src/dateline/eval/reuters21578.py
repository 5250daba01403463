"""Reuters-21578 (SGML, 1987 newswire) as wire-style stories with their gold structure.

Each story is rebuilt as a wire text (TITLE, byline, dateline + body paragraphs, "Reuter"
sign-off) and the structure parser is scored on headline, authors, dateline places and
dateline date. The same stories feed the speed benchmarks.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterator

import typer

_DOC = re.compile(r"<REUTERS\b.*?</REUTERS>", re.S)
_CONTROL = re.compile(r"&#(?:[0-9]|1[0-9]|2[0-9]|3[01]|127);")


@dataclass(frozen=True)
class WireStory:
    id: str
    text: str
    published: str | None
    headline: str | None
    authors: tuple[str, ...]
    dateline_place: str | None
    dateline_date: str | None


def iter_wire_stories(path: Path) -> Iterator[WireStory]:
    """Stories of one .sgm file that have a title, dateline and body."""
    raw = path.read_text(encoding="latin-1")
    for doc in _DOC.findall(raw):
        story = _story(doc)
        if story is not None:
            yield story


def _field(doc: str, tag: str) -> str | None:
    m = re.search(rf"<{tag}>(.*?)</{tag}>", doc, re.S)
    return html.unescape(_CONTROL.sub("", m.group(1))) if m else None


def _story(doc: str) -> WireStory | None:
    title, body, dateline = _field(doc, "TITLE"), _field(doc, "BODY"), _field(doc, "DATELINE")
    if not (title and body and dateline):
        return None
    stamp = datetime.strptime(_field(doc, "DATE").strip().split(".")[0], "%d-%b-%Y %H:%M:%S")
    author = (_field(doc, "AUTHOR") or "").strip()
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s{3,}", body.strip())]
    text = f"{title.strip()}\n\n" + (f"{author}\n\n" if author else "")
    text += f"{dateline.strip()} " + "\n\n".join(p for p in paragraphs if p)
    authors = _gold_authors(author)
    place = dateline.strip().split(",")[0].strip()
    date = _gold_date(dateline, stamp.year)
    newid = re.search(r'NEWID="(\d+)"', doc).group(1)
    return WireStory(newid, text, stamp.isoformat(), title.strip(), authors, place, date)


def _gold_date(dateline: str, year: int) -> str | None:
    """The dateline's "Feb 26" or "2 March" with the story's year."""
    for pattern, order in ((r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})\b", (0, 1)), (r"\b(\d{1,2})\s+([A-Za-z]{3,9})\b", (1, 0))):
        for m in re.finditer(pattern, dateline):
            month, day = m.group(1 + order[0]), m.group(1 + order[1])
            try:
                return datetime.strptime(f"{month[:3]} {day} {year}", "%b %d %Y").date().isoformat()
            except ValueError:
                continue
    return None


def _gold_authors(author: str) -> tuple[str, ...]:
    names = re.sub(r"^by\s+", "", author, flags=re.I)
    names = re.sub(r",?\s*Reuters?\b.*$", "", names, flags=re.I).strip()
    return tuple(n.strip() for n in re.split(r"\s*,\s*|\s+and\s+", names) if n.strip())


def score_structure(paths: list[Path]) -> dict[str, float]:
    """Accuracy of headline, authors, dateline place and date over every story in ``paths``."""
    from dateline.structure import parse_structure
    from dateline.structure.text import smart_title

    hits = {"headline": 0, "authors": 0, "dateline_place": 0, "dateline_date": 0}
    total = 0
    for path in paths:
        for s in iter_wire_stories(path):
            total += 1
            lay = parse_structure(s.text, published=s.published)
            hits["headline"] += bool(lay.headline) and lay.headline.text == s.headline
            hits["authors"] += tuple(a.text.lower() for a in lay.authors) == tuple(a.lower() for a in s.authors)
            d = lay.dateline
            hits["dateline_place"] += bool(d and d.places) and d.places[0].text == smart_title(s.dateline_place)
            hits["dateline_date"] += bool(d) and d.date == s.dateline_date
    return {"stories": total, **{k: v / total if total else 0.0 for k, v in hits.items()}}


def register(eval_app: typer.Typer) -> None:
    @eval_app.command("reuters21578")
    def reuters21578(files: list[Path] = typer.Argument(..., exists=True, help="reut2-*.sgm files")) -> None:
        """Structure accuracy on Reuters-21578: headline, byline authors, dateline place and date."""
        scores = score_structure(files)
        typer.echo(f"stories: {scores.pop('stories')}")
        for name, value in scores.items():
            typer.echo(f"{name:16s} accuracy {100 * value:6.2f}")
