"""The real-copy routine: read development stories of several layouts as they arrive, and
count the error classes that show in their records.

Fixtures look like what their writer expects; real archives do not. Run this before and after
a change to what dateline reads, read the stories behind the counts yourself, and write the
classes and counts (never the stories' text) into docs/real-copy.md.

    python scripts/real_copy.py collect ../shared/data /tmp/real        # 33 stories, 5 layouts
    python scripts/real_copy.py collect-more ../shared/data /tmp/real4  # 42 stories, 6 more layouts
    python scripts/real_copy.py collect ../shared/data /tmp/real9 --seed=9  # fresh stories, same layouts
    python scripts/real_copy.py records /tmp/real /tmp/after.json       # read them (this checkout)
    python scripts/real_copy.py records /tmp/real4 /tmp/dct.json --dct  # with the known timestamps
    python scripts/real_copy.py classes /tmp/real /tmp/before.json /tmp/after.json

Stories are written outside the repository: they are others' news text.
"""

from __future__ import annotations

import json
import random
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

SIGNOFF = re.compile(r"\n\s*(?:REUTER|Reuters?|\(AP\)|AFP|\(UPI\))\s*$")
DAY_WORDS = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|last night|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)\b",
    re.I,
)
DATED_DATELINE = re.compile(
    r"^\s*[A-Z][^\n]{0,40}, (?:Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)"
    r"[a-z]*\.? \d",
    re.M,
)


KICKERS = {"must see", "breaking news", "exclusive", "posted", "published", "updated", "watch", "video"}
UNDERSCORE_DATELINE = re.compile(r"^[A-Z][A-Za-z .,']{1,40}(?:\((?:AP|Reuters|AFP)\))?\s*_(?:\s|$)", re.M)
BROADCAST_SIGNOFF = re.compile(
    r"(?:\b(?:ABC|CBS|NBC|NPR|VOA|BBC|CNN)(?: [Nn]ews)?(?:, [^,.\n]{1,40})?|(?i:for \w+ news, I'm [^.\n]+))\.?\s*$"
)
STAMP_LINE = re.compile(
    r"^(?:(?:Published|Updated|Posted|Last updated)\b[^\n]{0,20})?[^\n]{0,25}"
    r"(?:\d{1,2}/\d{1,2}/\d{4}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|"
    r"\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4})[^\n]{0,30}$",
    re.I | re.M,
)


def collect(shared: Path, out: Path, seed: int = 12) -> None:
    """Reuters-21578 as it arrived (tables, prose, briefs), PolNeAR dev, MEANTIME, LGL, GeoWebNews."""
    from dateline.eval.geo import read_geowebnews, read_lgl
    from dateline.eval.reuters21578 import iter_wire_stories
    from dateline.eval.timeml import read_meantime

    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    wire = [s for n in ("001", "002") for s in iter_wire_stories(shared / "reuters21578" / f"reut2-{n}.sgm", "wire")]
    tables = [s for s in wire if re.search(r"\n\s+(?:Shr|Net|Qtly div)\b", s.text)]
    prose = [s for s in wire if s not in tables and len(s.text) > 1500]
    short = [s for s in wire if s not in tables and len(s.text) <= 1500]
    for s in rng.sample(tables, 4) + rng.sample(prose, 5) + rng.sample(short, 3):
        (out / f"reuters_{s.id}.txt").write_text(s.text + "\n", encoding="utf-8")
    # The first sample took every n-th story; another seed samples them at random.
    pick = (lambda xs, step, n: xs[::step][:n]) if seed == 12 else (lambda xs, step, n: rng.sample(xs, n))
    polnear = sorted((shared / "polnear" / "data" / "dev" / "text").glob("*.txt"))
    for f in pick(polnear, 14, 6):
        (out / f"polnear_{f.stem[:30]}.txt").write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    meantime = sorted((shared / "meantime").rglob("intra-doc_annotation/**/*.xml"))
    for f in pick(meantime, 24, 5):
        (out / f"meantime_{f.stem[:30]}.txt").write_text(read_meantime(f).text, encoding="utf-8")
    for d in pick(read_lgl(shared / "lgl"), 117, 5):
        (out / f"lgl_{d.id}.txt").write_text(d.text, encoding="utf-8")
    for d in pick(read_geowebnews(shared / "geowebnews"), 40, 5):
        (out / f"gwn_{d.id}.txt").write_text(d.text, encoding="utf-8")


def collect_more(shared: Path, out: Path, seed: int = 4) -> None:
    """Layouts the first sample left out: TimeBank/AQUAINT as the wire and broadcast desks sent
    them (TITLE over the TEXT, tags stripped; the DCT beside it in ``NAME.dct``), ECB+ web
    stories rebuilt from their tokens, WikiRef web articles, and Reuters-21578 from other files."""
    from dateline.eval.reuters21578 import iter_wire_stories
    from dateline.eval.threads import ecb_text
    from dateline.eval.timeml import read_tml

    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    tml = sorted((shared / "tempeval3" / "TBAQ-cleaned").rglob("*.tml"))
    groups = {
        "APW": 4, "NYT": 4, "XIE": 2, "wsj_": 3, "WSJ9": 1, "AP9": 1, "SJMN": 1,
        "CNN": 1, "ABC": 1, "PRI": 1, "VOA": 1, "ea": 1, "ed": 1,
    }  # fmt: skip
    for prefix, n in groups.items():
        for f in rng.sample([f for f in tml if f.name.startswith(prefix)], n):
            doc = read_tml(f)
            title = ET.parse(f).getroot().findtext("TITLE")
            text = (title.strip() + "\n\n" if title and title.strip() else "") + doc.text.strip() + "\n"
            (out / f"tml_{f.stem}.txt").write_text(text, encoding="utf-8")
            if doc.dct:
                (out / f"tml_{f.stem}.dct").write_text(doc.dct.isoformat(), encoding="utf-8")
    ecb = sorted((shared / "ecbplus").rglob("*.xml"))
    ecb = [f for f in ecb if re.fullmatch(r"\d+_\d+ecb(?:plus)?", f.stem)]
    for f in rng.sample(ecb, 8):
        (out / f"ecb_{f.stem}.txt").write_text(_retokenised(ecb_text(f)) + "\n", encoding="utf-8")
    wikiref = sorted((shared / "wikiref").rglob("WikiRef220/*.txt"))
    for i, f in enumerate(rng.sample(wikiref, 8)):
        raw = f.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")  # web pages saved as Windows-1252
        (out / f"wikiref_{i:02d}.txt").write_text(text, encoding="utf-8")
    wire = [s for n in ("010",) for s in iter_wire_stories(shared / "reuters21578" / f"reut2-{n}.sgm", "wire")]
    prose = [s for s in wire if len(s.text) > 1200 and not re.search(r"\n\s+(?:Shr|Net|Qtly div)\b", s.text)]
    for s in rng.sample(prose, 6):
        (out / f"reuters_{s.id}.txt").write_text(s.text + "\n", encoding="utf-8")


def _retokenised(text: str) -> str:
    """Undo the token spacing ECB+ leaves where the original had none: "4: 59 PM", "p. m.",
    "59 - year - old", URLs."""
    text = re.sub(r"(?<=\d): (?=\d\d(?:\b|[AaPp][Mm]))", ":", text)
    text = re.sub(r"\b([ap])\. m\.", r"\1.m.", text)
    text = re.sub(r"(?<=[a-z0-9]) - (?=[a-z0-9])", "-", text)
    text = re.sub(r"(?<=\d) / (?=\d)", "/", text)
    text = re.sub(r"(?<=\b[A-Z]) - (?=[A-Z])", "-", text)
    return re.sub(r"(?m)^https?: .*$", lambda m: m.group().replace(" ", ""), text)


def records(stories: Path, out: Path, dct: bool = False) -> None:
    """Read every story with this checkout's dateline; write the records (without text).
    With ``dct``, a story's ``NAME.dct`` (its creation date) is passed as the published time."""
    import dateline

    found = {}
    for f in sorted(stories.glob("*.txt")):
        stamp = f.with_suffix(".dct")
        published = stamp.read_text(encoding="utf-8").strip() if dct and stamp.exists() else None
        article = dateline.read(f.read_text(encoding="utf-8"), published=published)
        record = article.to_dict()
        record.pop("text")
        record["headline_span"] = [[s.start, s.end] for s in article.spans.get("headline", ())]
        found[f.name] = record
    out.write_text(json.dumps(found), encoding="utf-8")


def classes(stories: Path, recs: dict[str, dict], tables_from: dict[str, dict]) -> dict[str, int]:
    """Count each error class over the records (``tables_from``: whose tables mark table lines)."""
    counts: dict[str, int] = {}

    def add(name: str, n: int = 1) -> None:
        if n:
            counts[name] = counts.get(name, 0) + n

    for name, r in recs.items():
        text = (stories / name).read_text(encoding="utf-8")
        lines = [line for line in text.split("\n") if line.strip()]
        wire = name.startswith("reuters")
        dated = bool(r["dateline"]["date"] or DATED_DATELINE.search(text))
        tables = [(t["start"], t["end"]) for t in tables_from[name].get("tables", [])]
        inside = lambda pos, tables=tables: any(a <= pos < b for a, b in tables)  # noqa: E731
        add(
            "paragraphs are physical lines of wrapped copy (stories)",
            wire and len(lines) > 8 and len(r["paragraphs"]) >= 0.6 * len(lines),
        )
        add(
            "quote in wire copy of 3 words or fewer (quotes)",
            sum(wire and len(q["text"].split()) <= 3 for q in r["quotes"]),
        )
        add("agency sign-off not read (stories)", bool(SIGNOFF.search(text)) and not r["agency"])
        add(
            "dateline date null, no year in the story (stories)",
            bool(r["dateline"]["places"]) and not r["dateline"]["date"] and bool(DATED_DATELINE.search(text)),
        )
        add(
            "day-relative time unanchored though the dateline gives the day (timexes)",
            sum(dated and bool(DAY_WORDS.search(t["text"])) and t["value"].startswith("XXXX-XX") for t in r["timexes"]),
        )
        add("entity name broken by a line break (entities)", sum("\n" in e["name"] for e in r["entities"]))
        add(
            "mentions, quotes, events or times read from table lines",
            sum(inside(m["start"]) for e in r["entities"] for m in e["mentions"])
            + sum(inside(q["start"]) for q in r["quotes"])
            + sum(inside(v["trigger"]["start"]) for v in r["events"])
            + sum(inside(t["start"]) for t in r["timexes"]),
        )
        add(
            "prose line taken for a table row (lines)",
            sum(
                bool(re.search(r"[a-z]{3,}[.!?]$", line.strip())) or len(line.split()) > 12
                for t in r.get("tables", [])
                for line in text[t["start"] : t["end"]].split("\n")
            ),
        )
        add(
            "headline missed (stories)",
            not name.startswith("gwn")
            and len(lines) > 1
            and len(lines[0]) <= 120
            and r["headline"] is None
            and not lines[0].startswith(("http", "www.")),  # a page's address is no headline
        )
        add("dateline missed on wire copy (stories)", wire and not r["dateline"]["places"])
        for a, b in r.get("headline_span") or ():
            add(
                "entity made from headline text alone (entities)",
                sum(bool(e["mentions"]) and all(a <= m["start"] < b for m in e["mentions"]) for e in r["entities"]),
            )
        places = {p.title() for p in r["dateline"]["places"]}
        add(
            "dateline place taken as speaker (quotes)",
            sum(
                bool(q["speaker_text"]) and q["speaker_text"].isupper() and q["speaker_text"].title() in places
                for q in r["quotes"]
            ),
        )
        add("dateline.country not an ISO code (stories)", len(r["dateline"].get("country") or "XX") != 2)
        add("headline run into the first paragraph on one line (stories)", name.startswith("lgl") and len(lines) == 1)
        # Third round: layouts of TimeBank/AQUAINT, broadcast transcripts, ECB+ and WikiRef pages.
        add(
            "dateline with an underscore dash missed (stories)",
            bool(UNDERSCORE_DATELINE.search("\n".join(lines[:4]))) and not r["dateline"]["places"],
        )
        add("page address read as the headline (stories)", (r["headline"] or "").startswith(("http", "www.")))
        add(
            "timestamp line among the first lines not read (stories)",
            not r["published"] and any(STAMP_LINE.match(line.strip()) for line in lines[:7]),
        )
        add(
            "broadcast or contributor sign-off not read as credits (stories)",
            bool(BROADCAST_SIGNOFF.search(lines[-1] if lines else "") or "contributed to this" in text[-200:])
            and not any(r["credits"].values()),
        )
        add(
            "kicker or page label read as a dateline place (stories)",
            any(p.casefold() in KICKERS for p in r["dateline"]["places"]),
        )
        add(
            "desk initials closing the story left in the body (stories)",
            bool(re.search(r"\([a-z]{2,6}[-/][a-z/-]+\)\s*$", text)) and not r["boilerplate"],
        )
        _entity_classes(text, r, add)
        _session10_classes(text, r, add)
        _session10_second_classes(text, r, add)
    return counts


def _entity_classes(text: str, r: dict, add) -> None:
    """Session 9: how people's names are read (see docs/real-copy.md). The counts point at
    classes; read the stories behind them."""
    from dateline.extract.entities import first_names
    from dateline.extract.entities.entity_words import PARTY_LABELS, ROLE_NOUNS, TITLE_WORDS

    roles = TITLE_WORDS | ROLE_NOUNS | PARTY_LABELS
    entities = [e for e in r["entities"] if not e["journalist"]]
    full = [e["name"].split() for e in entities if e["type"] == "PERSON" and len(e["name"].split()) >= 2]
    tails = {" ".join(w[-k:]).lower() for w in full for k in (1, 2) if k < len(w)}
    for e in entities:
        named = [m for m in e["mentions"] if m.get("kind", "name") == "name"]
        words = e["name"].split()
        add(
            "named person's surname typed a place, organisation or nationality (mentions)",
            len(named) * (e["type"] in ("GPE", "LOC", "ORG", "NORP", "FAC") and e["name"].lower() in tails),
        )
        head = words[0].lower() if words else ""
        add(
            "role, plural title or party label in a person's name (entities)",
            e["type"] == "PERSON"
            and len(words) >= 3 - (head in TITLE_WORDS)
            and (head in roles or head.endswith("s") and head[:-1] in roles)
            and not first_names.is_first_name(words[0]),
        )
        add(
            "one-word person only ever opening a sentence, no first name (entities, read them)",
            e["type"] == "PERSON"
            and len(words) == 1
            and bool(named)
            and all(_sentence_initial(text, m["start"]) for m in named)
            and not first_names.is_first_name(words[0]),
        )


# A nationality's, a religion's or a party's word: "Sicilian", "Kurdish", "Sikhs", "Democrats".
GROUP_WORD = re.compile(
    r"(?:an|ans|ish|ese|i|is|ic|ch|ite|ites|ist|ists|ism|er|ers|s|^sikh|^muslim|^democrat|^jew|^hindu|^arab|^kurd|ern)$"
)
TITLED = ("ORG", "WORK_OF_ART", "PRODUCT", "FAC", "LAW")


def _session10_classes(text: str, r: dict, add) -> None:
    """Session 10: names typed by their last word, time words in names, descriptions in
    apposition, copyright closings (see docs/real-copy.md). Read the stories behind them."""
    from dateline.extract.entities import gazetteer
    from dateline.extract.entities.entity_words import (
        INSTITUTION_HEADS,
        LAW_HEADS,
        PRESS_HEADS,
        STREET_HEADS,
        STREET_PREFIXES,
        VENUE_HEADS,
    )

    people = [e for e in r["entities"] if e["type"] == "PERSON" and not e["journalist"]]
    for e in r["entities"]:
        words = e["name"].split()
        low = [w.lower() for w in words]
        if len(words) < 2 or not words[0][:1].isupper():
            pass
        elif low[-1] in LAW_HEADS and e["type"] != "LAW":
            add("law named typed otherwise (entities)")
        elif e["type"] in ("PERSON", "ORG", "NORP") and (low[-1] in STREET_HEADS or low[0] in STREET_PREFIXES):
            add("street typed a person, organisation or nationality (entities)")
        elif e["type"] == "PERSON" and low[-1] in INSTITUTION_HEADS | PRESS_HEADS | VENUE_HEADS:
            add("institution, paper or venue typed a person (entities)")
        add(
            "NORP that names no nationality, religion or party (entities, read them)",
            e["type"] == "NORP"
            and not gazetteer.is_demonym(e["name"])
            and not GROUP_WORD.search(low[-1] if low else ""),
        )
    names = [(m["start"], m["end"]) for e in r["entities"] if e["type"] in TITLED for m in e["mentions"]]
    add(
        "time word inside an organisation's or a title's name (timexes)",
        sum(
            t["text"][:1].isupper()
            and t["text"].isalpha()
            and any(a <= t["start"] and t["end"] <= b and b - a > len(t["text"]) for a, b in names)
            for t in r["timexes"]
        ),
    )
    for e in people:
        first = e["mentions"][0] if e["mentions"] else None
        if first is None or first.get("kind") != "description":
            continue
        after = text[first["end"] : first["end"] + 80]
        cut = re.search(r"[.;:]\s", after)
        after_end = first["end"] + (cut.start() if cut else len(after))
        add(
            "description in apposition to a named person kept apart (entities)",
            any(
                o is not e and "," in text[first["end"] : m["start"]] and first["end"] < m["start"] < after_end
                for o in people
                for m in o["mentions"]
                if m.get("kind", "name") == "name"
            ),
        )
    orgs = [(m["start"], m["end"]) for e in r["entities"] if e["type"] == "ORG" for m in e["mentions"]]
    add(
        "company's name in angle brackets not read as an organisation (names)",
        sum(
            not any(a < m.end() and m.start() < b for a, b in orgs)
            for m in re.finditer(r"<([A-Z][^<>\n@:=]{1,80}?)>", text)
            if not re.fullmatch(r"[A-Z0-9.&\-]{1,8}(?: [A-Z]{1,3})?", m.group(1).strip())
        ),
    )
    lines = [line for line in text.split("\n") if line.strip()]
    add(
        "copyright line closing the story left in the body (stories)",
        bool(lines)
        and bool(re.search(r"(?:Copyright|©)", lines[-1]))
        and not any("©" in b or "opyright" in b for b in r["boilerplate"]),
    )


# Words of a game's report (a story with two of them is a game's).
GAME_WORDS = re.compile(
    r"\b(?:touchdowns?|field goals?|quarterbacks?|halftime|half-time|free throws?|rebounds|overtime|"
    r"interceptions?|goalkeeper|innings|NFL|NBA|NHL|Super Bowl|playoffs?)\b",
    re.I,
)
BUSINESS_HEADS = frozenset(
    "patrol partners associates holdings industries enterprises strategies consulting consultants solutions "
    "technologies roofing plumbing trucking publishing pharmaceuticals".split()
)
DESK_LABEL = re.compile(r"(?:NOTE|NOTES|EDITOR'?S NOTE|CORRECTION|CLARIFICATION|UPDATE|SOURCES?|NB)")


def _session10_second_classes(text: str, r: dict, add) -> None:
    """Session 10, second part: desk labels as speakers, a game's periods as dates, people
    typed otherwise, initials and publications typed PERSON (see docs/real-copy.md)."""
    from dateline.extract.entities import gazetteer
    from dateline.extract.entities.entity_words import INSTITUTION_HEADS, LEGAL_FORMS, MEDIA_HEADS, ORG_HEADS
    from dateline.extract.entities.first_names import is_first_name

    add(
        "a desk's label in capitals read as a quote's speaker ('NOTE:') (quotes)",
        sum(q["cue"] == ":" and DESK_LABEL.fullmatch(q["speaker_text"] or "") is not None for q in r["quotes"]),
    )
    places = {(m["start"], m["end"]) for e in r["entities"] if e["type"] in ("GPE", "NORP") for m in e["mentions"]}
    add(
        "a place or nationality modifying the speaker's noun taken as the speaker ('the Saudi ambassador') (quotes)",
        sum(
            bool(q.get("speaker_span"))
            and (q["speaker_span"]["start"], q["speaker_span"]["end"]) in places
            and re.match(
                r" (?!(?:said|says|has|have|had|is|are|was|were|will|would|might|may|could|can|also)\b)[a-z]+",
                text[q["speaker_span"]["end"] :],
            )
            is not None
            and re.search(r", (?:the|an?|another)(?: [a-z]+)? $", text[: q["speaker_span"]["start"]]) is not None
            for q in r["quotes"]
        ),
    )
    game = len({m.group().lower() for m in GAME_WORDS.finditer(text)}) >= 2
    add(
        "a game's quarter or half given a calendar value (timexes, read them)",
        sum(game and bool(re.search(r"-[QH]\d$", t["value"] or "")) for t in r["timexes"]),
    )
    heads = ORG_HEADS | INSTITUTION_HEADS | LEGAL_FORMS | MEDIA_HEADS
    for e in r["entities"]:
        words = e["name"].split()
        names = [m for m in e["mentions"] if m.get("kind", "name") == "name"]
        if e["type"] in ("ORG", "GPE", "LOC", "NORP") and 2 <= len(words) <= 3 and is_first_name(words[0]):
            add(
                "a name opening with a first name typed an organisation or a place (entities, read them)",
                all(w.isalpha() and w.istitle() and w.lower() not in heads for w in words)
                and not gazetteer.city_population(e["name"]),
            )
        add(
            "an organisation ending with its line of business typed a person ('... Strategies') (entities)",
            e["type"] == "PERSON" and len(words) >= 2 and words[-1].lower() in BUSINESS_HEADS,
        )
        if e["type"] == "PERSON" and names:
            lines = [
                text[text.rfind("\n", 0, m["start"]) + 1 : text.find("\n", m["start"]) % (len(text) + 1)] for m in names
            ]
            add(
                "initials typed a person in a line of ordinary case (entities)",
                all(
                    text[m["start"] : m["end"]].isupper()
                    and " " not in text[m["start"] : m["end"]]
                    and sum(c.islower() for c in line) > sum(c.isupper() for c in line)
                    and not text[m["end"] : m["end"] + 1] == ":"
                    for m, line in zip(names, lines)
                ),
            )
            add(
                "a publication typed a person ('the magazine X') (entities)",
                any(
                    re.search(
                        r"\b(?:magazine|weekly|tabloid|newspaper|website),? $",
                        text[max(0, m["start"] - 20) : m["start"]],
                    )
                    for m in names
                ),
            )


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:\n-–—"


def main(argv: list[str]) -> None:
    command, *args = argv
    seed = [int(a.split("=", 1)[1]) for a in args[2:] if a.startswith("--seed=")]
    if command == "collect":
        collect(Path(args[0]), Path(args[1]), *seed)
    elif command == "collect-more":
        collect_more(Path(args[0]), Path(args[1]), *seed)
    elif command == "records":
        records(Path(args[0]), Path(args[1]), dct="--dct" in args[2:])
    elif command == "classes":
        stories = Path(args[0])
        before, after = (json.loads(Path(p).read_text(encoding="utf-8")) for p in args[1:3])
        b, a = classes(stories, before, after), classes(stories, after, after)
        print(f"{'class':78s} {'before':>6s} {'after':>5s}")
        for name in dict.fromkeys([*b, *a]):
            print(f"{name:78s} {b.get(name, 0):6d} {a.get(name, 0):5d}")
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
