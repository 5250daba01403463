"""Build the shipped IPTC Media Topic model (level 1, 17 topics); one command reproduces it:

    OMP_NUM_THREADS=1 python scripts/train_iptc.py ../shared/data

No labelled stories exist for IPTC Media Topics, so the training set is built from sources whose
licences allow shipping a model learned from them, and says how each label was given:
  1. the taxonomy itself (IPTC, CC BY 4.0): every active topic's name and definition, labelled
     with its level-1 ancestor, and each level-1 topic's own name and definition;
  2. ECB+ (CC BY 3.0): 982 news stories in 43 topics; each topic (one seminal event, e.g. an
     earthquake, a player's injury) was given IPTC level-1 codes by hand once, below, and its
     stories inherit them;
  3. MEANTIME (CC BY 4.0): 120 WikiNews stories in four business sub-corpora (economy; the
     Apple corpus also science and technology);
  4. NewsMTSC's train split (MIT): sentences of US political news articles (POLUSA and
     AllSides, the corpus being political news by construction), drawn with a fixed seed and
     joined eight at a time into documents labelled politics.
Reuters-21578 (research use only) is deliberately not used. Measured on 50 development stories
labelled by hand: benchmarks/eval_iptc_sample.py.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dateline.eval.meantime import read_dir  # noqa: E402
from dateline.eval.threads import ecbplus_stories  # noqa: E402
from dateline.extract.themes.topics import Example, train  # noqa: E402

OUT = ROOT / "src/dateline/extract/themes/models/iptc-mediatopic"
ARTS, CONFLICT, CRIME, DISASTER, ECONOMY = "01", "16", "02", "03", "04"
HUMAN, POLITICS, RELIGION, SCIENCE, SPORT, HEALTH, ENVIRONMENT = "08", "11", "12", "13", "15", "07", "06"

# ECB+ topic number -> IPTC level-1 codes (two digits of medtop:NN000000), given by hand
# from the topic's seminal events (Cybulska & Vossen 2014, Table 1).
ECBPLUS_TOPICS: dict[str, tuple[str, ...]] = {
    "1": (HUMAN,),
    "2": (ARTS,),
    "3": (CRIME,),
    "4": (ARTS,),
    "5": (SPORT,),
    "6": (ARTS,),
    "7": (SPORT,),
    "8": (CONFLICT,),
    "9": (ENVIRONMENT, POLITICS),
    "10": (SPORT,),
    "11": (POLITICS,),
    "12": (CRIME,),
    "13": (CRIME,),
    "14": (DISASTER,),
    "16": (CRIME,),
    "18": (CRIME,),
    "19": (CONFLICT,),
    "20": (DISASTER,),
    "21": (CRIME,),
    "22": (CRIME,),
    "23": (DISASTER,),
    "24": (CRIME,),
    "25": (SPORT,),
    "26": (CRIME,),
    "27": (SCIENCE,),
    "29": (SPORT,),
    "30": (SCIENCE,),
    "31": (SPORT,),
    "32": (CRIME,),
    "33": (CRIME,),
    "34": (POLITICS, HEALTH),
    "35": (CRIME, SPORT),
    "36": (CRIME, RELIGION),
    "37": (DISASTER,),
    "38": (DISASTER,),
    "39": (ARTS,),
    "40": (SCIENCE, ECONOMY),
    "41": (CONFLICT,),
    "42": (SCIENCE, ECONOMY),
    "43": (ECONOMY, SCIENCE),
    "44": (ECONOMY,),
    "45": (CRIME,),
}  # 28 (obituaries of Watergate figures) left out: no one level-1 topic fits it
ECB_PER_TOPIC = 8
POLITICAL_DOCS = 120
MEANTIME_CORPORA = {
    "corpus_airbus": (ECONOMY,),
    "corpus_apple": (ECONOMY, SCIENCE),
    "corpus_gm": (ECONOMY,),
    "corpus_stock": (ECONOMY,),
}


def code(nn: str) -> str:
    return f"medtop:{nn}000000"


def taxonomy(path: Path) -> tuple[list[Example], dict[str, str]]:
    table = json.loads(path.read_text(encoding="utf-8").replace("NaN", "null"))
    labels, examples = {}, []
    branches: dict[tuple[str, str], list[str]] = {}
    for key, row in table.items():
        if row["RetiredDate"] is not None:
            continue
        if row["Level2/NewsCode"] is None:
            labels[key] = row["Name (en-GB)"]
        text = f"{row['Name (en-GB)']}. {row['Definition (en-GB)'] or ''}"
        examples.append(Example(text, (row["Level1/NewsCode"],)))
        branch = row["Level2/NewsCode"] or key
        branches.setdefault((row["Level1/NewsCode"], branch), []).append(text)
    # each level-2 branch as one longer document too: its topics' names and definitions together
    examples += [Example(" ".join(texts), (top,)) for (top, _), texts in sorted(branches.items())]
    return examples, labels


def political_news(path: Path) -> list[Example]:
    sentences = sorted({json.loads(line)["sentence"] for line in path.open(encoding="utf-8") if line.strip()})
    random.Random(19).shuffle(sentences)
    return [Example(" ".join(sentences[i : i + 8]), (code(POLITICS),)) for i in range(0, 8 * POLITICAL_DOCS, 8)]


def build(shared: Path) -> None:
    examples, labels = taxonomy(shared / "iptc/iptc_mapping.json")
    n_taxonomy = len(examples)
    per_topic: dict[str, int] = {}
    for item in ecbplus_stories(shared / "ecbplus"):
        per_topic[item.label] = per_topic.get(item.label, 0) + 1
        # a topic's stories retell one event: a few of each keep one event from outweighing a topic
        if item.label in ECBPLUS_TOPICS and per_topic[item.label] <= ECB_PER_TOPIC:
            examples.append(Example(item.story.text, tuple(code(c) for c in ECBPLUS_TOPICS[item.label])))
    n_ecb = len(examples) - n_taxonomy
    meantime = shared / "meantime/data/meantime_newsreader_english_oct15/intra-doc_annotation"
    for corpus, codes in MEANTIME_CORPORA.items():
        for doc in read_dir(meantime / corpus):
            examples.append(Example(doc.text, tuple(code(c) for c in codes)))
    n_meantime = len(examples) - n_taxonomy - n_ecb
    examples += political_news(shared / "newsmtsc/rw-train.jsonl")
    made = (
        f"IPTC Media Topic level 1, trained by scripts/train_iptc.py on {n_taxonomy} taxonomy names and "
        f"definitions (IPTC, CC BY 4.0), {n_ecb} ECB+ stories with topic labels mapped by hand (CC BY 3.0), "
        f"{n_meantime} MEANTIME stories (CC BY 4.0) and {POLITICAL_DOCS} documents of NewsMTSC political-news "
        f"sentences (MIT)"
    )
    model = train(examples, "iptc-mediatopic", labels=labels, min_df=2, made=made)
    model.save(OUT)
    print(made)
    print(f"{len(model.codes)} topics, {len(model.vocabulary)} terms -> {OUT}")


if __name__ == "__main__":
    build(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared/data"))
