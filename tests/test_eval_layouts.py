"""The CoNLL-2003 layout rebuilder and its gold structure, on a tiny file written for this test."""

from __future__ import annotations

from dateline.eval.layouts import detokenize, iter_stories, score

CONLL = """-DOCSTART- -X- O O

ROWING - HARBOUR CREW WIN AGAIN . NN O O

Jo Marsh NNP O O

PORT ELLEN , Sylvania 2031-05-02 NNP O O

The harbour crew won the regatta on Friday , its coach said . DT O O

-- Port Ellen newsroom +99 12 345 6789 : O O
-DOCSTART- -X- O O

Quay shares rise on merger . NN O O

RIVERTON , Ore . NNP O O

2031-05-02 CD O O

Shares of Quay Co were up 2 at 30 on Friday . NNS O O
"""


def _file(tmp_path):
    # One token a line, as CoNLL has it: each line above is a sentence of space-separated tokens.
    out = []
    for line in CONLL.splitlines():
        if not line or line.startswith("-DOCSTART-"):
            out.append(line)
            continue
        out.extend(f"{tok} X O O" for tok in line.split()[:-3])
    path = tmp_path / "mini.conll"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def test_gold_structure_from_the_documents(tmp_path):
    assert [layout for layout, _ in iter_stories(_file(tmp_path))] == ["tokens", "text"] * 2
    a, a_text, b, _ = (s for _, s in iter_stories(_file(tmp_path)))
    assert a.headline == "ROWING - HARBOUR CREW WIN AGAIN ."
    assert (a.byline, a.place, a.date) == ("Jo Marsh", "PORT ELLEN", "2031-05-02")
    assert a.contacts == ("-- Port Ellen newsroom +99 12 345 6789",)
    assert a_text.text.startswith("ROWING - HARBOUR CREW WIN AGAIN.\n\nJo Marsh\n\nPORT ELLEN, Sylvania 2031-05-02")
    assert (b.byline, b.place, b.date) == (None, "RIVERTON", "2031-05-02")


def test_detokenize():
    assert detokenize(["He", "said", '"', "yes", '"', ",", "(", "twice", ")", "."]) == 'He said "yes", (twice).'
    assert detokenize(["$", "31", "a", "share", "did", "n't", "'s"]) == "$31 a share didn't's"


def test_score_counts(tmp_path):
    c = score(_file(tmp_path))
    assert c["stories"] == 4 and c["gold datelines"] == 4 and c["gold bylines"] == 2
    assert c["contact lines"] == 2
    assert c["dateline found"] == c["dateline place right"] == c["dateline date right"] == c["published right"] == 4
    assert c["headline right"] == 4 and c["bylines right"] == 2 and c["bylines wrong"] == 0
    assert c["dateline where none"] == 0 and c["contact lines in body"] == 0


def test_mended_sentence_split(tmp_path):
    path = tmp_path / "split.conll"
    words = ["-DOCSTART- -X- O O", "", "Quay , Ore .", "", "council votes .", "", "RIVERTON 2031-05-02", "", "Text ."]
    lines = []
    for w in words:
        lines.extend([w] if not w or w.startswith("-DOCSTART-") else [f"{t} X O O" for t in w.split()])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ((_, story),) = iter_stories(path, ("tokens",))
    assert story.headline == "Quay , Ore . council votes ."
    assert story.place == "RIVERTON" and story.byline is None
