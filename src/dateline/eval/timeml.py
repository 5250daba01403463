"""`dateline eval timeml DIR`: TempEval-3 timex measures of the normaliser on TimeML files.

Each ``.tml`` file gives its raw text (the TEXT element with tags stripped), its gold
TIMEX3 spans with type and value, and its document creation time (DCT), which anchors
the normaliser as a story's own date anchors it in ``dateline read``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import typer

from dateline.eval import found, meantime_tokens
from dateline.eval.metrics import prf


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    name: str
    text: str
    dct: date | None
    timexes: tuple[GoldTimex, ...]
    scored_end: int | None = None  # system timexes after this offset are not scored (unannotated text)


def read_tml(path: Path) -> TimeMLDoc:
    """Parse one TimeML file: the TEXT element's plain text and its TIMEX3 spans in it."""
    root = ET.parse(path).getroot()
    dct = _dct(root)
    body = root.find("TEXT")
    pieces: list[str] = []
    timexes: list[GoldTimex] = []
    _walk(body, pieces, timexes)
    return TimeMLDoc(path.stem, "".join(pieces), dct, tuple(timexes))


def _walk(node: ET.Element | None, pieces: list[str], timexes: list[GoldTimex]) -> None:
    if node is None:
        return
    pieces.append(node.text or "")
    for child in node:
        start = sum(map(len, pieces))
        _walk(child, pieces, timexes)
        if child.tag == "TIMEX3":
            end = sum(map(len, pieces))
            text = "".join(pieces)[start:end]
            timexes.append(GoldTimex(start, end, text, child.get("type", ""), child.get("value", "")))
        pieces.append(child.tail or "")


def _dct(root: ET.Element) -> date | None:
    node = root.find("DCT/TIMEX3")
    return _date(node.get("value", "") if node is not None else "")


def _date(value: str) -> date | None:
    match = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value)
    try:
        return date(*map(int, match.groups())) if match else None
    except ValueError:
        return None


MEANTIME_SENTENCES = 5  # MEANTIME annotates the title, date line and first sentences: 0-5


def read_meantime(path: Path) -> TimeMLDoc:
    """Parse one MEANTIME (NewsReader CAT) file: tokens are joined back into text, a
    sentence a paragraph, with no space before closing punctuation; its CREATION_TIME timex,
    the date line under the headline, is both the DCT and a gold timex in the text."""
    doc = meantime_tokens.read_meantime(path, sentence_break="\n\n", detokenise=True)
    root, text, spans = doc.root, doc.text, doc.spans()
    later = next((i for i, t in enumerate(doc.tokens) if t.sentence > MEANTIME_SENTENCES), None)
    scored_end = None if later is None else doc.tokens[later - 1].end if later else 0
    timexes, dct = [], None
    for node in root.iter("TIMEX3"):
        ids = [a.get("t_id", "") for a in node.findall("token_anchor") if a.get("t_id") in spans]
        if not ids:
            continue
        start, end = spans[ids[0]][0], spans[ids[-1]][1]
        timexes.append(GoldTimex(start, end, text[start:end], node.get("type", ""), node.get("value", "")))
        if node.get("functionInDocument") == "CREATION_TIME":
            dct = _date(node.get("value", ""))
    return TimeMLDoc(path.stem, text, dct, tuple(sorted(timexes, key=lambda t: t.start)), scored_end)


def read_dir(path: Path) -> list[TimeMLDoc]:
    """TimeML ``.tml`` files, or MEANTIME ``.xml`` files, under ``path``."""
    path = Path(path)
    docs = [read_tml(p) for p in sorted(path.rglob("*.tml"))]
    return docs or found(
        (read_meantime(p) for p in sorted(path.rglob("*.xml"))), "TimeML (*.tml) or MEANTIME (*.xml) files", path
    )


@dataclass(frozen=True, slots=True)
class Scores:
    """TempEval-3 timex measures (the official scorer's definitions)."""

    gold: int
    system: int
    strict: int  # same extent
    relaxed: int  # overlapping extent
    type_ok: int  # relaxed matches with the right type
    value_ok: int  # relaxed matches with the right value

    @staticmethod
    def prf(hits: int, system: int, gold: int) -> tuple[float, float, float]:
        return prf(hits, system, hits, gold)

    def table(self) -> dict[str, tuple[float, float, float]]:
        return {
            "strict": self.prf(self.strict, self.system, self.gold),
            "relaxed": self.prf(self.relaxed, self.system, self.gold),
            "type": self.prf(self.type_ok, self.system, self.gold),
            "value": self.prf(self.value_ok, self.system, self.gold),
        }

    def __add__(self, other: Scores) -> Scores:
        return Scores(*(a + b for a, b in zip(_fields(self), _fields(other))))


def _fields(s: Scores) -> tuple[int, ...]:
    return (s.gold, s.system, s.strict, s.relaxed, s.type_ok, s.value_ok)


def canonical_value(value: str) -> str:
    """Write a value one way: ISO week numbers with two digits ("2000-W7" is "2000-W07")."""
    return re.sub(r"-W(\d)(?!\d)", r"-W0\1", value.strip())


def score_doc(gold: Sequence[GoldTimex], system: Sequence) -> tuple[Scores, list[tuple]]:
    """Match each gold timex to the first overlapping system timex (as TempEval-3 does)."""
    strict = relaxed = type_ok = value_ok = 0
    errors: list[tuple] = []
    for g in gold:
        match = next((s for s in system if s.start < g.end and g.start < s.end), None)
        if match is None:
            errors.append(("missed", g, None))
            continue
        relaxed += 1
        strict += (match.start, match.end) == (g.start, g.end)
        type_ok += match.type == g.type
        same = canonical_value(match.value) == canonical_value(g.value)
        value_ok += same
        if not same:
            errors.append(("value", g, match))
    for s in system:
        if not any(s.start < g.end and g.start < s.end for g in gold):
            errors.append(("spurious", None, s))
    return Scores(len(gold), len(system), strict, relaxed, type_ok, value_ok), errors


def evaluate(docs: Sequence[TimeMLDoc], nlp=None) -> tuple[Scores, list[tuple[str, tuple]]]:
    """Score the normaliser on ``docs``; with a spaCy ``nlp``, its verb tenses are passed as
    direction hints, as the timexes extractor does in ``dateline read``."""
    from dateline.extract.timexes import tense_hints
    from dateline.time import find_timexes

    total = Scores(0, 0, 0, 0, 0, 0)
    errors: list[tuple[str, tuple]] = []
    parsed = nlp.pipe((d.text for d in docs), batch_size=16) if nlp is not None else (None for _ in docs)
    for doc, parse in zip(docs, parsed):
        found = find_timexes(doc.text, doc.dct, tense_hints(parse))
        if doc.scored_end is not None:
            found = [t for t in found if t.start < doc.scored_end]
        scores, errs = score_doc(doc.timexes, found)
        total = total + scores
        errors.extend((doc.name, e) for e in errs)
    return total, errors


def format_scores(scores: Scores, docs: int, seconds: float) -> str:
    lines = [
        f"TimeML timexes: {docs} documents, {scores.gold} gold, {scores.system} found, "
        f"{seconds * 1000 / max(docs, 1):.2f} ms a document",
        f"{'measure':<10}{'P':>8}{'R':>8}{'F1':>8}",
    ]
    for name, (p, r, f) in scores.table().items():
        lines.append(f"{name:<10}{p * 100:8.2f}{r * 100:8.2f}{f * 100:8.2f}")
    if scores.relaxed:
        lines.append(
            f"type accuracy {scores.type_ok / scores.relaxed * 100:.2f}, "
            f"value accuracy {scores.value_ok / scores.relaxed * 100:.2f} (on relaxed matches)"
        )
    return "\n".join(lines)


def register(eval_app: typer.Typer) -> None:
    eval_app.command("timeml")(timeml)


def timeml(
    directory: Path = typer.Argument(..., help="A folder of TimeML .tml files (searched recursively)."),
    errors: int = typer.Option(0, "--errors", help="Also print this many errors of each kind."),
    tagged: bool = typer.Option(False, "--tagged", help="Run spaCy too and pass its verb tenses as hints."),
    model: str = typer.Option(None, "--model", help="spaCy pipeline for --tagged."),
) -> None:
    """TempEval-3 timex scores of the normaliser, each document anchored on its DCT."""
    import time

    docs = read_dir(directory)
    if not docs:
        raise typer.BadParameter(f"no .tml files under {directory}")
    import dateline.extract.timexes  # noqa: F401  (imports spaCy: keep it out of the timing)

    nlp = None
    if tagged:
        from dateline.nlp import load_pipeline

        nlp = load_pipeline(model)
    started = time.perf_counter()
    scores, errs = evaluate(docs, nlp)
    typer.echo(format_scores(scores, len(docs), time.perf_counter() - started))
    for kind in ("missed", "spurious", "value"):
        for name, (_k, g, s) in [e for e in errs if e[1][0] == kind][:errors]:
            gold = f"{g.text!r} {g.type} {g.value}" if g else ""
            found = f"{s.text!r} {s.type} {s.value}" if s else ""
            typer.echo(f"{kind:<9} {name}: gold {gold} | found {found}")
