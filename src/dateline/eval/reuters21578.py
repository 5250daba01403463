"""Reuters-21578 (SGML, 1987 newswire) as wire-style stories with their gold structure.

Each story is read as it arrived on the wire (``layout="wire"``, the default): the title line,
the indented byline and dateline, and the body as the file has it, hard-wrapped at about 65
columns with paragraphs marked by an indent, tables of figures and the "Reuter" sign-off.
``layout="web"`` rebuilds it as a modern web story instead (blank-line paragraphs, the
dateline joined to the first paragraph). The structure parser is scored on headline, authors,
dateline places and date (given the wire timestamp), and the agency on stories signed
"Reuter". The same stories feed the speed benchmarks.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

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
    signed: bool = False  # the body ends with the "Reuter" sign-off


def iter_wire_stories(path: Path, layout: str = "web") -> Iterator[WireStory]:
    """Stories of one .sgm file that have a title, dateline and body."""
    raw = path.read_text(encoding="latin-1")
    for doc in _DOC.findall(raw):
        story = _story(doc, layout)
        if story is not None:
            yield story


def _field(doc: str, tag: str) -> str | None:
    m = re.search(rf"<{tag}>(.*?)</{tag}>", doc, re.S)
    return html.unescape(_CONTROL.sub("", m.group(1))) if m else None


def _story(doc: str, layout: str = "web") -> WireStory | None:
    title, body, dateline = _field(doc, "TITLE"), _field(doc, "BODY"), _field(doc, "DATELINE")
    when, newid = _field(doc, "DATE"), re.search(r'NEWID="(\d+)"', doc)
    if not (title and body and dateline and when and newid):
        return None
    stamp = datetime.strptime(when.strip().split(".")[0], "%d-%b-%Y %H:%M:%S")
    raw_author = _field(doc, "AUTHOR") or ""
    author = raw_author.strip()
    if layout == "wire":
        text = f"{title.strip()}\n" + (f"{raw_author.rstrip()}\n" if author else "") + dateline + body.rstrip()
    else:
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s{3,}", body.strip())]
        text = f"{title.strip()}\n\n" + (f"{author}\n\n" if author else "")
        text += f"{dateline.strip()} " + "\n\n".join(p for p in paragraphs if p)
    authors = _gold_authors(author)
    place = dateline.strip().split(",")[0].strip()
    date = _gold_date(dateline, stamp.year)
    signed = bool(re.search(r"\bReuters?\s*$", body))
    return WireStory(newid.group(1), text, stamp.isoformat(), title.strip(), authors, place, date, signed)


def _gold_date(dateline: str, year: int) -> str | None:
    """The dateline's "Feb 26" or "2 March" with the story's year."""
    for pattern, order in (
        (r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})\b", (0, 1)),
        (r"\b(\d{1,2})\s+([A-Za-z]{3,9})\b", (1, 0)),
    ):
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


def score_structure(paths: list[Path], layout: str = "wire") -> dict[str, float]:
    """Accuracy of headline, authors, dateline place and date over every story in ``paths``,
    and of the agency over the stories signed "Reuter"."""
    from dateline.structure import parse_structure
    from dateline.structure.text import smart_title

    hits = {"headline": 0, "authors": 0, "dateline_place": 0, "dateline_date": 0, "agency": 0}
    total = signed = 0
    for path in paths:
        for s in iter_wire_stories(path, layout):
            total += 1
            lay = parse_structure(s.text, published=s.published)
            hits["headline"] += bool(lay.headline and lay.headline.text == s.headline)
            hits["authors"] += tuple(a.text.lower() for a in lay.authors) == tuple(a.lower() for a in s.authors)
            d = lay.dateline
            hits["dateline_place"] += bool(d and d.places and d.places[0].text == smart_title(s.dateline_place or ""))
            hits["dateline_date"] += bool(d and d.date == s.dateline_date)
            if s.signed:
                signed += 1
                hits["agency"] += lay.agency == "Reuters"
    scores = {k: v / total if total else 0.0 for k, v in hits.items()}
    scores["agency"] = hits["agency"] / signed if signed else 0.0
    return {"stories": total, "signed": signed, **scores}


def register(eval_app: typer.Typer) -> None:
    @eval_app.command("reuters21578")
    def reuters21578(
        files: list[Path] = typer.Argument(..., exists=True, help="reut2-*.sgm files"),
        layout: str = typer.Option(
            "wire",
            "--layout",
            help="wire: as the stories arrived "
            "(hard-wrapped, indented, tables); web: rebuilt with blank-line "
            "paragraphs",
        ),
    ) -> None:
        """Structure accuracy on Reuters-21578: headline, byline authors, dateline place and date,
        agency on stories signed "Reuter"."""
        if layout not in ("wire", "web"):
            raise typer.BadParameter("--layout is wire or web")
        scores = score_structure(files, layout)
        typer.echo(f'stories: {scores.pop("stories")} (signed "Reuter": {scores.pop("signed")})')
        for name, value in scores.items():
            typer.echo(f"{name:16s} accuracy {100 * value:6.2f}")
