"""`dateline eval layouts FILE`: the story-structure reader on CoNLL-2003's Reuters layout.

CoNLL-2003 keeps the stories of Reuters' 1996 corpus (RCV1) as tokens, one sentence a line,
one story a ``-DOCSTART-`` document. Each story opens with its header as the wire set it:
the headline ("SOCCER - JAPAN GET LATE WIN ."), sometimes the reporter's name alone on a
line, and a dateline with no dash and no agency, the place followed by an ISO date
("LONDON 1996-08-30", "NICE , France 1996-08-30", the date sometimes on the next line);
many close with the desk's contact line ("-- London Newsroom +44 171 542 8062").

Each story is rebuilt in two layouts: ``tokens`` (the file's own tokens, a sentence a
line) and ``text`` (tokens joined as written, a blank line between sentences). The gold
structure comes from the document itself: the first sentence is the headline, the first
sentence holding only a place and an ISO date (or a place above a date alone) is the
dateline, a line between them is the byline, and a sentence opening with "--" that gives
a telephone number or names a newsroom or desk is a contact line. Counted: datelines found,
dateline places and dates right, ``published`` right (taken from the dateline's date), headlines
right, bylines right, and contact lines left in the body.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import typer

from dateline.eval.conll import read_conll

LAYOUTS = ("tokens", "text")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
# Gold contact lines: short, opening with "--", naming a newsroom, desk or bureau or giving
# a telephone number (seven digits or more in groups).
_CONTACT = re.compile(r"^--\s(?=.{0,100}$).*(?:newsroom|newsdesk|\bdesk\b|bureau|\d[\d ()+-]{6,}\d)", re.I)
_NO_SPACE_BEFORE = re.compile(r"^(?:[.,:;?!%)\]}']|'s|'S|n't|'re|'ve|'ll|'d|'m|\.\.\.)$")
_NO_SPACE_AFTER = re.compile(r"^[(\[{$`]$")


@dataclass(frozen=True)
class LayoutStory:
    """One rebuilt story with the gold structure its document gives."""

    text: str
    headline: str
    byline: str | None  # the reporter's name alone on a line above the dateline
    place: str | None  # the dateline's place as written ("NICE", "FARMINGTON HILLS")
    date: str | None  # the dateline's ISO date
    contacts: tuple[str, ...]  # desk contact lines, as rebuilt


def sentences(path: str | Path) -> Iterator[list[list[str]]]:
    """Each document of a CoNLL-2003 file as its sentences' tokens."""
    for doc in read_conll(path):
        bounds = [*doc.sent_starts, len(doc.words)]
        yield [list(doc.words[a:b]) for a, b in zip(bounds, bounds[1:])]


def detokenize(tokens: list[str]) -> str:
    """Tokens joined as written: no space before closing punctuation or clitics, none after
    an opening bracket or a currency sign, double quotes paired."""
    out: list[str] = []
    glue = False
    quote_open = False
    for tok in tokens:
        if tok == '"':
            if quote_open:
                out.append(tok)
                glue = False
            else:
                out.append(("" if not out else " ") + tok)
                glue = True
            quote_open = not quote_open
            continue
        space = bool(out) and not glue and not _NO_SPACE_BEFORE.match(tok)
        out.append((" " if space else "") + tok)
        glue = bool(_NO_SPACE_AFTER.match(tok))
    return "".join(out)


def rebuild(doc: list[list[str]], layout: str = "tokens") -> LayoutStory:
    """The story's text in ``layout`` and its gold structure."""
    join = (lambda toks: " ".join(toks)) if layout == "tokens" else detokenize
    doc = _mend(doc)
    lines = [join(s) for s in doc]
    text = ("\n" if layout == "tokens" else "\n\n").join(lines) + "\n"
    place = date = byline = None
    for k, sent in enumerate(doc[1:4], start=1):
        if not _ISO.fullmatch(sent[-1]):
            continue
        top = k if len(sent) > 1 else k - 1  # the date alone under its place: "FARMINGTON HILLS , Mich ."
        if top > 0:
            where = sent[:-1] if top == k else doc[top]
            cut = where.index(",") if "," in where else len(where)
            place, date = join(where[:cut]), sent[-1]
            byline = lines[1] if top == 2 and not lines[1].startswith("[") else None  # not "[ CORRECTED ]"
        break
    contacts = tuple(line for line in lines if _CONTACT.match(line))
    return LayoutStory(text, lines[0], byline, place, date, contacts)


def _mend(doc: list[list[str]]) -> list[list[str]]:
    """Sentences CoNLL split after an abbreviation ("Mass ." | "governor has trouble ...")
    joined again: a sentence opening in lower case or with a comma goes on the one above."""
    out: list[list[str]] = []
    for sent in doc:
        if out and (sent[0][:1].islower() or sent[0] == ","):
            out[-1] = out[-1] + sent
        else:
            out.append(sent)
    return out


def iter_stories(path: str | Path, layouts: tuple[str, ...] = LAYOUTS) -> Iterator[tuple[str, LayoutStory]]:
    for doc in sentences(path):
        for layout in layouts:
            yield layout, rebuild(doc, layout)


def score(path: str | Path, layouts: tuple[str, ...] = LAYOUTS) -> Counter[str]:
    """Counts over every story in every layout (see the module's docstring)."""
    from dateline.structure import parse_structure
    from dateline.structure.text import smart_title

    c: Counter[str] = Counter()
    for _, s in iter_stories(path, layouts):
        lay = parse_structure(s.text)
        d = lay.dateline
        c["stories"] += 1
        c["gold datelines"] += s.place is not None
        c["dateline found"] += d is not None
        c["dateline where none"] += d is not None and s.place is None
        c["dateline place right"] += bool(s.place and d and d.places and d.places[0].text == smart_title(s.place))
        c["dateline date right"] += bool(s.date and d and d.date == s.date)
        c["published right"] += bool(s.date and lay.published and lay.published[:10] == s.date)
        c["headline right"] += bool(lay.headline and lay.headline.text == s.headline)
        c["gold bylines"] += s.byline is not None
        c["bylines right"] += bool(s.byline and [a.text for a in lay.authors] == [s.byline])
        c["bylines wrong"] += bool(lay.authors) and not (s.byline and [a.text for a in lay.authors] == [s.byline])
        c["contact lines"] += len(s.contacts)
        body = " ".join(lay.text[p.start : p.end] for p in lay.paragraphs)
        c["contact lines in body"] += sum(line in body for line in s.contacts)
    return c


def register(eval_app: typer.Typer) -> None:
    eval_app.command("layouts")(layouts)


def layouts(
    path: str = typer.Argument(..., help="CoNLL-2003 file, e.g. ../shared/data/conll2003/eng.testa"),
    layout: str = typer.Option("all", "--layout", help="tokens, text or all"),
) -> None:
    """Structure counts on CoNLL-2003's Reuters stories: datelines, places, dates, headlines,
    bylines, desk contact lines left in the body."""
    chosen = LAYOUTS if layout == "all" else (layout,)
    if any(x not in LAYOUTS for x in chosen):
        raise typer.BadParameter("--layout is tokens, text or all")
    for name, value in score(path, chosen).items():
        typer.echo(f"{name:24s} {value}")
