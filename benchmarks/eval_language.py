"""Language identification: accuracy on texts of known language and public licence, and how
often real English news would be set aside as not English.

    .venv/bin/python benchmarks/eval_language.py

Samples (nothing downloaded, nothing committed but our own sentences):
1. tests/fixtures/languages.tsv: news paragraphs written for this project in 8 languages;
2. spaCy's example sentences (``spacy.lang.XX.examples``, MIT licence, shipped in the spaCy
   package) for every language py3langid knows by an ISO 639-1 code, one sentence at a time
   and four sentences joined (closer to a story's length);
3. real English news from ../shared (Reuters-21578 dev half, PolNeAR dev), when present:
   the share identified as another language (set aside from the English extractors: should be
   0) and the share left unsure (read in full as before).

"decided" is the share given a language (the rest are too short or unsure: null, read as
English); "accuracy" is the share of decided texts given the right language.
"""

from __future__ import annotations

import importlib
import pkgutil
import time
from collections import Counter
from pathlib import Path

import spacy.lang

from dateline.nlp.language import _identifier, identify

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


def score(name: str, samples: list[tuple[str, str]]) -> None:
    decided = right = 0
    wrong: Counter = Counter()
    for lang, text in samples:
        got = identify(text).language
        if got is None:
            continue
        decided += 1
        right += got == lang
        if got != lang:
            wrong[f"{lang}->{got}"] += 1
    n = len(samples)
    print(
        f"{name:<42} {n:>6} texts  decided {decided / n:6.1%}  accuracy {right / max(decided, 1):6.1%}"
        f"  errors {dict(wrong.most_common(6))}"
    )


def own() -> list[tuple[str, str]]:
    rows = (ROOT / "tests" / "fixtures" / "languages.tsv").read_text(encoding="utf-8").splitlines()
    return [tuple(r.split("\t", 1)) for r in rows if r and not r.startswith("#")]


def spacy_examples() -> dict[str, list[str]]:
    known = set(_identifier().labels)
    out = {}
    for mod in pkgutil.iter_modules(spacy.lang.__path__):
        if mod.name in known:
            try:
                out[mod.name] = list(importlib.import_module(f"spacy.lang.{mod.name}.examples").sentences)
            except (ImportError, AttributeError):
                continue
    return out


def real_english() -> list[tuple[str, str]]:
    from dateline.eval.reuters21578 import iter_wire_stories
    from dateline.structure import parse_structure

    texts = []
    for sgm in sorted((SHARED / "reuters21578").glob("reut2-*.sgm")):
        texts += [s.text for s in iter_wire_stories(sgm)]
    texts += [p.read_text(encoding="utf-8") for p in sorted((SHARED / "polnear" / "data" / "dev" / "text").glob("*"))]
    bodies = []
    for text in texts:
        layout = parse_structure(text)
        bodies.append(("en", layout.text[layout.body.start : layout.body.end] or layout.text))
    return bodies


def main() -> None:
    score("own news paragraphs (8 languages)", own())
    examples = spacy_examples()
    print(f"spaCy example sentences: {len(examples)} languages")
    score("spaCy examples, one sentence", [(lang, s) for lang, ss in examples.items() for s in ss])
    score(
        "spaCy examples, four sentences joined",
        [(lang, " ".join(ss[i : i + 4])) for lang, ss in examples.items() for i in range(0, len(ss), 4)],
    )
    if (SHARED / "reuters21578").is_dir():
        bodies = real_english()
        started = time.perf_counter()
        got = Counter(identify(text).language for _, text in bodies)
        ms = (time.perf_counter() - started) / len(bodies) * 1000
        other = sum(n for lang, n in got.items() if lang not in ("en", None))
        print(
            f"real English news (Reuters-21578 dev, PolNeAR dev): {len(bodies)} stories, "
            f"set aside as another language {other}, unsure {got[None]} ({got[None] / len(bodies):.1%}), "
            f"{ms:.2f} ms a story; {dict(got.most_common(5))}"
        )
    else:
        print(f"real English news: skipped, {SHARED} absent")


if __name__ == "__main__":
    main()
