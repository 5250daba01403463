"""`dateline eval meantime DIR`: within-document entity coreference on MEANTIME (NAF-style XML).

Key: the gold ENTITY_MENTIONs that are names or pronouns (syntactic type NAM, PRE.NAM,
PRO), grouped by their REFERS_TO target (mentions in no chain are singletons).
Response: dateline's entity mentions of kind name or pronoun. Scores: MUC and B-cubed as
the CoNLL reference scorer (v8) computes them on gold and system mentions: a key mention
the response lacks counts against recall, a response mention the key lacks (a "twinless"
one) against precision, singletons included on both sides. Mention matching: a response
mention is aligned one-to-one to a key mention that ends at the same character and
overlaps it (MEANTIME's spans take in determiners, titles and appositions: "Ryanair CEO ,
Michael O' Leary"; the end is the head of an English name); ``--exact`` asks for the
same start too, as the CoNLL scorer does. MEANTIME annotates the first sentences of each
article only: response mentions after the last sentence with any annotation are not scored.

Reading the key as MEANTIME's guidelines write it: an apposition is marked as a whole and
as its parts ("Irish low cost airline , Ryanair" and "Ryanair", one chain); the whole,
which ends where the name it wraps ends, is the same reference as that name and is
dropped (a response mention aligned by its end would otherwise stand for only one of the
two); a span marked twice in one chain is one mention. Most mentions of the Airbus and GM articles carry no syntactic type; their type is
read off their words (``_untyped``): a pronoun alone is PRO, capitalised words a name.

A third row, printed when some sub-corpus's key has no pronoun, scores pronouns only in
the sub-corpora whose key has any (read this way all four have). Also printed: the baseline of grouping the NER's mentions by identical text
(what NER alone gives).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import typer

from dateline.eval import found, meantime_tokens
from dateline.eval.metrics import prf

KEY_TYPES = frozenset({"NAM", "PRE.NAM", "PRO"})
Cluster = frozenset  # of mention ids


@dataclass(frozen=True)
class MeantimeDoc:
    name: str
    text: str
    mentions: dict[str, tuple[int, int]]  # m_id -> char span, key mentions only
    clusters: tuple[frozenset[str], ...]
    annotated_end: int  # MEANTIME annotates the first sentences only: scoring stops here
    pronouns: int = 0  # key pronoun mentions


def read_meantime(path: str | Path) -> MeantimeDoc:
    """One MEANTIME XML file: text rebuilt from tokens (a line per sentence), key chains."""
    doc = meantime_tokens.read_meantime(path, sentence_break="\n")
    root, text, spans = doc.root, doc.text, doc.spans()
    markables = root.find("Markables")
    anchored = (
        [spans[a.get("t_id", "")][1] for a in markables.iter("token_anchor") if a.get("t_id") in spans]
        if markables is not None
        else []
    )
    annotated = max(anchored, default=0)
    text_end = text.find("\n", annotated)
    mentions: dict[str, tuple[int, int]] = {}
    pronouns = 0
    starts = {doc.tokens[0].start} | {b.start for a, b in zip(doc.tokens, doc.tokens[1:]) if a.sentence != b.sentence}
    for m in markables.iter("ENTITY_MENTION") if markables is not None else ():
        ids = [a.get("t_id", "") for a in m.iter("token_anchor")]
        if not ids or not all(i in spans for i in ids):
            continue
        kind = m.get("syntactic_type") or _untyped(text, [spans[i] for i in ids], starts)
        if kind in KEY_TYPES:
            mentions[m.get("m_id", "")] = (spans[ids[0]][0], spans[ids[-1]][1])
            pronouns += kind == "PRO"
    chains: dict[str, set[str]] = defaultdict(set)
    relations = root.find("Relations")
    for ref in relations.iter("REFERS_TO") if relations is not None else ():
        target = ref.find("target")
        for src in ref.iter("source"):
            if target is not None and src.get("m_id") in mentions:
                chains[target.get("m_id", "")].add(src.get("m_id", ""))
    wrappers = {m for c in chains.values() for m in c if any(_wraps(mentions[m], mentions[o]) for o in c)}
    wrappers |= {  # one span marked twice in a chain: one mention
        m for c in chains.values() for m in c if any(mentions[o] == mentions[m] and o < m for o in c)
    }
    for chain in chains.values():  # an apposition wrapped round a name: one reference (module doc)
        chain -= wrappers
    mentions = {m: span for m, span in mentions.items() if m not in wrappers}
    chained = set().union(*chains.values()) if chains else set()
    clusters = [frozenset(c) for c in chains.values()] + [frozenset({m}) for m in mentions if m not in chained]
    return MeantimeDoc(doc.name, text, mentions, tuple(clusters), text_end if text_end >= 0 else len(text), pronouns)


PRONOUNS = frozenset(
    "it its itself they them their theirs themselves he him his himself she her hers herself we us our ours "
    "i me my you your which who whom whose".split()
)
_NAME_GLUE = frozenset({"of", "the", "de", "'s", "'", "(", ")", "-", "&", ".", "for"})


def _untyped(text: str, tokens: list[tuple[int, int]], sentence_starts: set[int]) -> str:
    """The syntactic type of a mention the annotators left untyped (most of the Airbus and GM
    articles' mentions): a pronoun alone is PRO; words that are all capitalised (joined by
    "of", "the", brackets) are a name, NAM, unless one word alone opens its sentence and
    is written in lower case elsewhere in the story ("Reports"); else not a key mention ("")."""
    words = [text[a:b] for a, b in tokens]
    if len(words) == 1 and words[0].casefold() in PRONOUNS:
        return "PRO"
    content = [w for w in words if w.casefold() not in _NAME_GLUE and w != ","]
    if not content or not all(w[:1].isupper() or w[:1].isdigit() for w in content):
        return ""
    if words[0].casefold() in PRONOUNS:
        return ""
    if len(content) == 1 and tokens[0][0] in sentence_starts and f" {content[0].lower()} " in text:
        return ""
    return "NAM"


def _wraps(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    return outer[0] < inner[0] and outer[1] == inner[1]


def align(doc: MeantimeDoc, response: Iterable[Iterable[tuple[int, int]]], exact: bool = False) -> list[frozenset]:
    """Response clusters of char spans -> clusters of key mention ids (or fresh ids)."""
    return [frozenset(i for _, i in c) for c in matched(doc, response, exact) if c]


def matched(
    doc: MeantimeDoc, response: Iterable[Iterable[tuple[int, int]]], exact: bool = False
) -> list[list[tuple[tuple[int, int], str]]]:
    """Each response cluster as (char span, key mention id or a fresh "r" id) pairs, mentions
    after the annotated part left out."""
    by_end: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for mid, (a, b) in doc.mentions.items():
        by_end[b].append((mid, a))
    used: set[str] = set()
    out, fresh = [], 0
    for cluster in response:
        ids = []
        for a, b in cluster:
            if a >= doc.annotated_end:
                continue
            match = next(
                (
                    mid
                    for mid, ka in sorted(by_end.get(b, []), key=lambda x: abs(x[1] - a))
                    if mid not in used and ka < b and a < b and (ka == a or not exact)
                ),
                None,
            )
            if match is None:
                fresh += 1
                match = f"r{fresh}"
            else:
                used.add(match)
            ids.append(((a, b), match))
        out.append(ids)
    return out


def errors(doc: MeantimeDoc, response: list[list[tuple[int, int]]], exact: bool = False) -> list[str]:
    """Lines telling one document's errors: each key chain the response splits or misses,
    with the response cluster of each mention ("-": not found), and each response cluster
    that joins key chains or holds mentions the key lacks ("+": twinless)."""
    pairs = matched(doc, response, exact)
    cluster_of = {i: n for n, c in enumerate(pairs) for _, i in c}
    chain_of = {m: n for n, c in enumerate(doc.clusters) for m in c}

    def said(a: int, b: int) -> str:
        return f"{doc.text[a:b]!r}@{a}"

    lines = []
    for n, chain in enumerate(doc.clusters):
        where = {cluster_of.get(m) for m in chain}
        if len(where) > 1 or None in where:
            ordered = sorted(chain, key=lambda m: doc.mentions[m])
            parts = [
                f"{said(*doc.mentions[m])}:{'-' if cluster_of.get(m) is None else 'R' + str(cluster_of[m])}"
                for m in ordered
            ]
            lines.append(f"  KEY K{n} split/missed: " + " ".join(parts))
    for n, c in enumerate(pairs):
        chains = {chain_of[i] for _, i in c if i in chain_of}
        twinless = [span for span, i in c if i not in chain_of]
        if len(chains) > 1 or twinless:
            parts = [said(*span) + (f":K{chain_of[i]}" if i in chain_of else ":+") for span, i in sorted(c)]
            lines.append(f"  RESPONSE R{n} joins/adds: " + " ".join(parts))
    return [f"# {doc.name}", *lines] if lines else []


def muc(key: list[frozenset], response: list[frozenset]) -> tuple[float, float]:
    """(numerator, denominator) of MUC recall of ``response`` against ``key``."""
    where = {m: i for i, c in enumerate(response) for m in c}
    num = den = 0
    for c in key:
        parts = {where.get(m, ("alone", m)) for m in c}
        num += len(c) - len(parts)
        den += len(c) - 1
    return num, den


def b_cubed(key: list[frozenset], response: list[frozenset]) -> tuple[float, float]:
    """(numerator, denominator) of B-cubed recall of ``response`` against ``key``."""
    where = {m: c for c in response for m in c}
    num = sum(len(c & where.get(m, frozenset())) / len(c) for c in key for m in c)
    return num, sum(len(c) for c in key)


class Scores:
    """Sums of MUC and B-cubed numerators and denominators over documents."""

    def __init__(self) -> None:
        self.sums: defaultdict[tuple[str, str], float] = defaultdict(float)

    def add(self, key: list[frozenset], response: list[frozenset]) -> None:
        for metric, fn in (("muc", muc), ("b3", b_cubed)):
            rn, rd = fn(key, response)
            pn, pd = fn(response, key)
            for name, v in (("rn", rn), ("rd", rd), ("pn", pn), ("pd", pd)):
                self.sums[metric, name] += v

    def prf(self, metric: str) -> tuple[float, float, float]:
        s = self.sums
        return prf(s[metric, "pn"], s[metric, "pd"], s[metric, "rn"], s[metric, "rd"])


def evaluate(
    directory: str | Path,
    model: str | None = None,
    limit: int | None = None,
    exact: bool = False,
    errors_to: str | Path | None = None,
) -> dict:
    from dateline.extract.base import StoryContext
    from dateline.extract.entities.extractor import extract_entities, make_entities
    from dateline.nlp import load_pipeline
    from dateline.structure.layout import Field, Layout

    files = found(sorted(Path(directory).rglob("*.xml")), "MEANTIME documents (*.xml)", directory)[:limit]
    docs = [read_meantime(f) for f in files]
    marked: dict[Path, int] = defaultdict(int)  # sub-corpus -> key pronouns
    for f, d in zip(files, docs):
        marked[f.parent] += d.pronouns
    nlp = load_pipeline(model)
    make_entities()
    ours, where_marked, base = Scores(), Scores(), Scores()
    report: list[str] = []
    for f, mdoc, doc in zip(files, docs, nlp.pipe(d.text for d in docs)):
        body = Field(mdoc.text, 0, len(mdoc.text))
        layout = Layout(text=mdoc.text, body=body, paragraphs=(body,))
        entities = extract_entities(StoryContext(layout=layout, doc=doc))
        key = list(mdoc.clusters)
        for scores, kinds in (
            (ours, {"name", "pronoun"}),
            (where_marked, {"name", "pronoun"} if marked[f.parent] else {"name"}),
        ):
            response = [[(m.start, m.end) for m in e.mentions if m.kind in kinds] for e in entities]
            scores.add(key, align(mdoc, response, exact))
            if scores is ours and errors_to:
                report += errors(mdoc, response, exact)
        by_text: dict[tuple[str, str], list] = defaultdict(list)
        for e in doc.ents:
            if e.label_ not in {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}:
                by_text[e.label_, e.text].append((e.start_char, e.end_char))
        base.add(key, align(mdoc, by_text.values(), exact))
    if errors_to:
        Path(errors_to).write_text("\n".join(report) + "\n", encoding="utf-8")
    return {
        "all marked": all(marked.values()),
        "docs": len(docs),
        "dateline": ours,
        "dateline, pronouns where marked": where_marked,
        "spacy": base,
    }


def register(eval_app: typer.Typer) -> None:
    eval_app.command("meantime")(meantime)


def meantime(
    directory: str = typer.Argument(
        ...,
        help="MEANTIME folder, e.g. ../shared/data/meantime/data/"
        "meantime_newsreader_english_oct15/intra-doc_annotation",
    ),
    model: str = typer.Option(None, "--model", help="Installed spaCy pipeline."),
    limit: int = typer.Option(None, "--limit", help="Only the first N files."),
    exact: bool = typer.Option(False, "--exact", help="Align mentions by exact span, not by end."),
    errors_to: str = typer.Option(
        None,
        "--errors",
        help="Write each document's errors to this file: key chains split or missed, "
        "response clusters that join chains or add mentions the key lacks.",
    ),
) -> None:
    """Within-document entity coreference (names and pronouns): MUC, B-cubed and their mean."""
    result = evaluate(directory, model=model, limit=limit, exact=exact, errors_to=errors_to)
    typer.echo(f"documents: {result['docs']}" + (" (exact mention spans)" if exact else ""))
    typer.echo(f"{'system':<33}{'MUC P':>7}{'R':>7}{'F1':>7}{'B3 P':>8}{'R':>7}{'F1':>7}{'mean F1':>9}")
    rows = [("spaCy, same text", "spacy"), ("dateline", "dateline")]
    if not result["all marked"]:  # a sub-corpus whose key has no pronoun
        rows.append(("dateline, pronouns where marked", "dateline, pronouns where marked"))
    for label, key in rows:
        m, b = result[key].prf("muc"), result[key].prf("b3")
        typer.echo(
            f"{label:<33}{m[0]:>7.3f}{m[1]:>7.3f}{m[2]:>7.3f}{b[0]:>8.3f}{b[1]:>7.3f}{b[2]:>7.3f}"
            f"{(m[2] + b[2]) / 2:>9.3f}"
        )
