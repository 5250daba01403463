"""Fuzz campaign: hostile and mangled stories through the whole reader, spaCy loaded once.

Cases are mutations of the project's own fixture stories and of development stories from
``../shared/data`` (Reuters-21578 bodies, PolNeAR dev texts), plus text drawn by hypothesis.
Each case is read with one ``Reader`` (structure, spaCy, every extractor) and checked:

- no exception escapes (a crash),
- a case under 20 KB reads in at most 2 s of CPU time (a slow case; CPU time, because on a
  shared machine wall time measures the neighbours; wall time is reported too),
- every span in the record lies inside the text and every mention's text equals its span,
- the record serialises to valid UTF-8 JSON.

    nice -n 10 python benchmarks/fuzz_campaign.py --cases 25000 --seed 1 --out /tmp/fuzz1
    python benchmarks/fuzz_campaign.py --report /tmp/fuzz1 /tmp/fuzz2   # add up shards

Failing cases are written to ``--out`` (never commit them: they hold development text).
"""

from __future__ import annotations

import argparse
import dataclasses
import glob
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__import__("os").environ.get("DATELINE_SHARED", ROOT.parent / "shared"))
SLOW_SECONDS = 2.0
SMALL_BYTES = 20_000

sys.path.insert(0, str(ROOT / "tests"))
from fuzz_pieces import INSERTS, RUN_UNITS  # noqa: E402  (the suite's own list)


def seeds() -> list[str]:
    out = [
        p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "tests/fixtures/stories").glob("*.txt"))
    ]
    out += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "src/dateline/examples").glob("*.txt"))]
    own = len(out)
    for path in sorted((SHARED / "data/polnear/data/dev/text").glob("*.txt"))[:84]:
        out.append(path.read_text(encoding="utf-8", errors="replace"))
    for path in sorted(glob.glob(str(SHARED / "data/reuters21578/*.sgm")))[:2]:
        raw = Path(path).read_bytes().decode("latin-1")
        out += [re.sub(r"&lt;", "<", b) for b in re.findall(r"<BODY>(.*?)</BODY>", raw, re.S)[:400]]
    print(f"seeds: {own} own fixtures, {len(out) - own} development stories", file=sys.stderr)
    return out


def mutate(rng: random.Random, text: str) -> str:
    """One to four mutations of a window of the story (windows keep cases small and fast)."""
    if len(text) > 3000:
        start = rng.randrange(0, len(text) - 2000)
        text = text[start : start + rng.randint(300, 3000)]
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(10)
        pos = rng.randint(0, len(text))
        if kind == 0:  # a long run of one class
            unit = rng.choice(RUN_UNITS)
            text = text[:pos] + unit * rng.randint(50, 3000 // len(unit)) + text[pos:]
        elif kind == 1:  # a structure line or hostile token
            text = text[:pos] + rng.choice(INSERTS) * rng.randint(1, 3) + text[pos:]
        elif kind == 2:  # delete a chunk
            text = text[:pos] + text[pos + rng.randint(1, 400) :]
        elif kind == 3:  # capitals
            end = pos + rng.randint(1, 600)
            text = text[:pos] + text[pos:end].upper() + text[end:]
        elif kind == 4:  # duplicate a chunk
            end = pos + rng.randint(1, 500)
            text = text[:pos] + text[pos:end] * rng.randint(2, 6) + text[end:]
        elif kind == 5:  # shuffle lines
            lines = text.split("\n")
            rng.shuffle(lines)
            text = "\n".join(lines)
        elif kind == 6:  # random code points, surrogates and controls included
            noise = "".join(
                chr(rng.choice([rng.randint(0, 0x2FFF), rng.randint(0xD800, 0xDFFF), rng.randint(0x1F300, 0x1FAFF)]))
                for _ in range(rng.randint(1, 40))
            )
            text = text[:pos] + noise + text[pos:]
        elif kind == 7:  # the story repeated in itself: "Smith met Jones and" at scale
            text = text[:pos] + "Smith met Jones and " * rng.randint(10, 400) + text[pos:]
        elif kind == 8:  # strip all blank lines or all newlines
            text = text.replace("\n\n", "\n") if rng.random() < 0.5 else text.replace("\n", " ")
        else:  # a header line with a long run in it, where the structure parser reads bylines and datelines
            unit = rng.choice(RUN_UNITS)
            text = (
                rng.choice(INSERTS)
                + unit * rng.randint(50, 3000 // len(unit))
                + rng.choice(["x", "", "\n"])
                + "\n"
                + text
            )
    return text


def span_violations(article) -> list[str]:
    """Spans outside the text, and mentions whose text is not the text their span points at."""
    text, bad = article.text, []

    def walk(value, where: str) -> None:
        if dataclasses.is_dataclass(value):
            start, end = getattr(value, "start", None), getattr(value, "end", None)
            if isinstance(start, int) and isinstance(end, int):
                if not 0 <= start <= end <= len(text):
                    bad.append(f"{where}: span {start}-{end} outside 0-{len(text)}")
                own = getattr(value, "text", None)
                if isinstance(own, str) and own != text[start:end]:
                    bad.append(f"{where}: text {own[:40]!r} != span {text[start:end][:40]!r}")
            for f in dataclasses.fields(value):
                if f.name != "text":
                    walk(getattr(value, f.name), f"{where}.{f.name}")
        elif isinstance(value, (tuple, list)):
            for n, item in enumerate(value):
                walk(item, f"{where}[{n}]")
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{where}[{key}]")

    walk(article, "article")
    return bad


def layout_violations(layout) -> list[str]:
    """The structure tier's span check: every field inside the text and equal to its span
    (authors and dateline places are title-cased from capitals by design: same letters)."""
    text, bad = layout.text, []
    fields = [
        (n, getattr(layout, n))
        for n in ("headline", "agency_span", "published_span", "update_note", "byline", "credits_span", "body")
    ]
    fields += [(n, f) for n in ("bullets", "boilerplate", "paragraphs", "authors") for f in getattr(layout, n)]
    fields += [("dateline.places", f) for f in (layout.dateline.places if layout.dateline else ())]
    for name, f in fields:
        if f is None:
            continue
        written = text[f.start : f.end] if 0 <= f.start <= f.end <= len(text) else None
        same = written is not None and (
            f.text.lower() == written.lower() if name in ("authors", "dateline.places") else f.text == written
        )
        if not same:
            bad.append(f"{name}: {f.text[:40]!r} at {f.start}-{f.end} != {str(written)[:40]!r}")
    return bad


class _StructureReader:
    """The structure tier: the door's hygiene and the structure parser, no spaCy (fast)."""

    def read(self, text: str, source: str | None = None):
        from dateline.io.hygiene import clean_story, too_long
        from dateline.io.sources import Story
        from dateline.structure import parse_structure

        if reason := too_long(text):
            raise ValueError(reason)
        story = clean_story(Story(text=text, source=source))
        return parse_structure(story.text, published=story.published)


class Campaign:
    def __init__(self, out: Path, structure_only: bool = False) -> None:
        from dateline.reader import Reader

        self.reader = _StructureReader() if structure_only else Reader()
        self.structure_only = structure_only
        self.out = out
        out.mkdir(parents=True, exist_ok=True)
        self.stats = {
            "cases": 0,
            "crashes": 0,
            "slow": 0,
            "span_violations": 0,
            "refused": 0,
            "max_seconds_small": 0.0,
            "seconds": 0.0,
            "wall_seconds": 0.0,
            "chars": 0,
        }

    def check(self, text: str, origin: str) -> None:
        import warnings

        stats = self.stats
        stats["cases"] += 1
        stats["chars"] += len(text)
        started, cpu_started = time.perf_counter(), time.process_time()
        problem = None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                article = self.reader.read(text, source=origin)
            if self.structure_only:
                violations = layout_violations(article)
            else:
                json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")
                violations = span_violations(article)
            if violations:
                stats["span_violations"] += 1
                problem = ("span", "; ".join(violations[:5]))
        except ValueError as exc:
            if "-character limit" in str(exc):
                stats["refused"] += 1
            else:
                stats["crashes"] += 1
                problem = ("crash", f"{type(exc).__name__}: {exc}")
        except Exception as exc:  # the campaign's whole point: count every escape
            stats["crashes"] += 1
            problem = ("crash", f"{type(exc).__name__}: {exc}")
        seconds, wall = time.process_time() - cpu_started, time.perf_counter() - started
        stats["seconds"] += seconds
        stats["wall_seconds"] += wall
        small = len(text.encode("utf-8", "replace")) < SMALL_BYTES
        if small:
            stats["max_seconds_small"] = max(stats["max_seconds_small"], seconds)
            if seconds > SLOW_SECONDS:
                stats["slow"] += 1
                problem = problem or ("slow", f"{seconds:.2f} s")
        if stats["cases"] % 200 == 0:
            self.save()
        if problem:
            n = stats["crashes"] + stats["slow"] + stats["span_violations"]
            if n <= 200:
                (self.out / f"{problem[0]}-{n:04d}.json").write_text(
                    json.dumps(
                        {"origin": origin, "why": problem[1], "seconds": seconds, "wall": wall, "text": text},
                        ensure_ascii=True,
                    ),
                    encoding="utf-8",
                )

    def save(self) -> None:
        (self.out / "stats.json").write_text(json.dumps(self.stats, indent=2))


def run_hypothesis(campaign: Campaign, cases: int) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    pieces = st.one_of(
        st.text(min_size=0, max_size=200),
        st.sampled_from(INSERTS),
        st.builds(lambda u, n: u * n, st.sampled_from(RUN_UNITS), st.integers(1, 800)),
        st.sampled_from(["\n", "\n\n", " ", ". ", '"']),
    )

    @settings(
        max_examples=cases, deadline=None, database=None, derandomize=False, suppress_health_check=list(HealthCheck)
    )
    @given(st.lists(pieces, min_size=1, max_size=30).map("".join))
    def case(text: str) -> None:
        campaign.check(text, "hypothesis")

    case()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=1000, help="mutation cases (hypothesis adds --hypothesis more)")
    ap.add_argument("--hypothesis", type=int, default=0, help="cases drawn by hypothesis")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--structure-only", action="store_true", help="the door and the structure parser only (no spaCy): the fast tier"
    )
    ap.add_argument("--out", type=Path, default=Path("fuzz-out"))
    ap.add_argument("--report", type=Path, nargs="*", help="add up the stats of finished shards and exit")
    args = ap.parse_args()
    if args.report:
        total: dict[str, float] = {}
        for folder in args.report:
            for key, value in json.loads((folder / "stats.json").read_text()).items():
                total[key] = max(total.get(key, 0), value) if key.startswith("max") else total.get(key, 0) + value
        print(json.dumps(total, indent=2))
        return
    rng = random.Random(args.seed)
    campaign = Campaign(args.out, structure_only=args.structure_only)
    stories = seeds()
    started = time.time()
    for n in range(args.cases):
        index = rng.randrange(len(stories))
        campaign.check(mutate(rng, stories[index]), f"seed{index}")
        if n % 500 == 0:
            campaign.save()
            print(f"{n} cases, {time.time() - started:.0f} s: {campaign.stats}", file=sys.stderr, flush=True)
    if args.hypothesis:
        run_hypothesis(campaign, args.hypothesis)
    campaign.save()
    print(json.dumps(campaign.stats, indent=2))


if __name__ == "__main__":
    main()
