"""Dump the records of a full read of development stories, one JSON line each, to check that a
speed change leaves what dateline reads untouched.

    .venv/bin/python benchmarks/dump_records.py OUT.jsonl [--shared ../shared/data]
    # change the code, dump again, then: cmp before.jsonl after.jsonl

The stories are the longer Reuters-21578 bodies of reut2-001.sgm (120) and the PolNeAR
development texts (84), read from the shared data folder (never copied into the project).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from dateline.io.sources import Story
from dateline.reader import Reader

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def stories(shared: Path, reuters: int = 120, polnear: int = 84) -> list[Story]:
    from dateline.eval.reuters21578 import iter_wire_stories

    texts = [s.text for s in iter_wire_stories(shared / "reuters21578" / "reut2-001.sgm") if len(s.text) > 600]
    texts = texts[:reuters]
    texts += [p.read_text(encoding="utf-8") for p in sorted((shared / "polnear" / "data" / "dev" / "text").glob("*"))][
        :polnear
    ]
    return [Story(text=t) for t in texts]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--shared", type=Path, default=SHARED)
    args = ap.parse_args()
    batch = stories(args.shared)
    with args.out.open("w", encoding="utf-8") as f:
        for article in Reader(on_error="raise").read_many(batch):
            f.write(json.dumps(article.to_dict(), sort_keys=True, default=str) + "\n")
    print(f"{len(batch)} records written to {args.out}")


if __name__ == "__main__":
    main()
