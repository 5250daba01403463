"""Themes and tone: topic models as plain data, GDELT-style tone, target-dependent sentiment.
Fixtures are sentences written for these tests; no model is needed but the shipped ones."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.eval.topics import TopicStory, read_sgm, score, split
from dateline.extract.themes import sentiment, topics
from dateline.extract.themes.tone import tone
from dateline.record import Topic

STORIES = Path(__file__).parent / "fixtures" / "stories"
runner = CliRunner()

SPORT = [
    "The striker scored twice as the club won the league final in extra time.",
    "The coach praised his goalkeeper after the team's third straight win of the season.",
    "The champion retained her title with a victory in the tennis final on Sunday.",
    "Fans filled the stadium to see the club's new striker score on his debut.",
]
MARKETS = [
    "Shares fell on the stock exchange as investors sold bank stocks after the rate rise.",
    "The central bank raised interest rates to curb inflation, and bond yields rose.",
    "The company's quarterly profit rose and its shares gained on the stock exchange.",
    "Investors bought government bonds as inflation slowed and interest rates held.",
]


def _examples():
    return [topics.Example(t, ("sport",)) for t in SPORT] + [topics.Example(t, ("markets",)) for t in MARKETS]


@pytest.fixture(scope="module")
def small_model():
    return topics.train(_examples(), "desk", labels={"sport": "Sport", "markets": "Markets"}, min_df=1, folds=0)


# -- topics ---------------------------------------------------------------------------------
def test_topic_model_predicts_and_labels(small_model):
    found = small_model.predict("The team won the final after the striker scored a late goal.")
    assert found[0] == Topic("desk", "sport", "Sport", found[0].score)
    assert found[0].code == "sport" and 0.0 < found[0].score < 1.0
    assert small_model.predict("Bank shares fell as interest rates rose.")[0].code == "markets"


def test_topic_model_round_trips_as_plain_data(small_model, tmp_path):
    small_model.save(tmp_path / "m")
    assert sorted(p.name for p in (tmp_path / "m").iterdir()) == ["model.json", "weights.npz"]
    with np.load(tmp_path / "m" / "weights.npz", allow_pickle=False) as arrays:  # no pickled objects inside
        assert set(arrays.files) == {"idf", "coef", "bias", "threshold"}
    loaded = topics.load(tmp_path / "m")
    text = "Investors sold shares as the central bank raised rates."
    assert np.allclose(loaded.margins(text), small_model.margins(text), atol=1e-2)
    assert [t.code for t in loaded.predict(text)] == [t.code for t in small_model.predict(text)]


def test_topic_model_without_known_words_assigns_nothing(small_model):
    assert small_model.predict("Zyxx qwv.") == ()
    assert small_model.predict("") == ()


def test_bad_model_directory_and_training_file(tmp_path):
    with pytest.raises(topics.TopicModelError, match="not a topic model"):
        topics.load(tmp_path)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "a story"}\n', encoding="utf-8")
    with pytest.raises(topics.TopicModelError, match=r"bad.jsonl:1"):
        topics.read_examples(bad)
    bad.write_text('{"text": "a story", "topics": [3]}\n', encoding="utf-8")
    with pytest.raises(topics.TopicModelError, match="code"):
        topics.read_examples(bad)


def test_read_examples_takes_codes_and_labelled_codes(tmp_path):
    path = tmp_path / "train.jsonl"
    path.write_text(
        json.dumps({"text": "x", "topics": ["a", {"code": "b", "label": "Bee"}, "a"]}) + "\n\n", encoding="utf-8"
    )
    examples, labels = topics.read_examples(path)
    assert examples == [topics.Example("x", ("a", "b"))]
    assert labels == {"a": "a", "b": "Bee"}


def test_multi_label_scores():
    gold = [("a",), ("a", "b"), ("b",)]
    found = [("a",), ("a",), ("a",)]
    s = score(gold, found, {"a", "b"})
    assert s["micro_f1"] == pytest.approx(2 * 2 / (2 * 2 + 1 + 2))  # hits 2, false 1, missed 2
    assert s["macro_f1"] == pytest.approx((0.8 + 0.0) / 2)


def test_modapte_split_uses_test_stories_when_given_else_holds_back_later_ones():
    stories = [
        TopicStory(1, "TRAIN", "a", ("x",)),
        TopicStory(9500, "TRAIN", "b", ("x",)),
        TopicStory(20000, "TEST", "c", ("x",)),
    ]
    assert [s.newid for part in split(stories) for s in part] == [1, 9500, 20000]
    train, test = split(stories[:2])
    assert [s.newid for s in train] == [1] and [s.newid for s in test] == [9500]


def test_read_sgm_keeps_modapte_stories_with_topics(tmp_path):
    sgm = tmp_path / "reut2-900.sgm"
    sgm.write_text(
        '<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="1" NEWID="7">\n'
        "<TOPICS><D>grain</D><D>wheat</D></TOPICS><TEXT><TITLE>FARMERS SELL WHEAT</TITLE>"
        "<BODY>Farmers sold wheat &amp; corn.\n Reuter\n&#3;</BODY></TEXT></REUTERS>\n"
        '<REUTERS TOPICS="YES" LEWISSPLIT="TEST" CGISPLIT="TRAINING-SET" OLDID="2" NEWID="8">\n'
        "<TOPICS></TOPICS><TEXT><TITLE>NO TOPIC</TITLE><BODY>Nothing.</BODY></TEXT></REUTERS>\n"
        '<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="3" NEWID="9">\n'
        "<TOPICS><D>earn</D></TOPICS><TEXT><TITLE>X</TITLE><BODY>Y</BODY></TEXT></REUTERS>\n",
        encoding="latin-1",
    )
    [story] = read_sgm(sgm)
    assert (story.newid, story.split, story.topics) == (7, "TRAIN", ("grain", "wheat"))
    assert story.text.startswith("FARMERS SELL WHEAT\nFarmers sold wheat & corn.")


def test_shipped_iptc_model_loads_and_reads_a_story():
    model = topics.default_model()
    assert model.scheme == "iptc-mediatopic" and len(model.codes) == 17
    assert all(c.startswith("medtop:") for c in model.codes)
    found = model.predict(
        "The striker scored twice and the club won the league title in front of its fans; "
        "the coach said the team deserved the championship."
    )
    assert found[0].label == "sport"


# -- CLI: train, then read with --topics ---------------------------------------------------------
def test_cli_topics_train_then_read_with_the_model(tmp_path):
    data = tmp_path / "train.jsonl"
    data.write_text(
        "".join(json.dumps({"text": ex.text, "topics": list(ex.topics)}) + "\n" for ex in _examples() * 2),
        encoding="utf-8",
    )
    out = tmp_path / "desk"
    result = runner.invoke(app, ["topics", "train", str(data), "--scheme", "desk", "--out", str(out), "--min-df", "1"])
    assert result.exit_code == 0, result.output
    assert "2 topics" in result.stdout
    result = runner.invoke(app, ["read", str(STORIES / "reuters_summit.txt"), "--topics", str(out), "--no-text"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    schemes = {t["scheme"] for t in record["topics"]}
    assert schemes == {"iptc-mediatopic", "desk"}
    assert set(record["tone"]) == {"polarity", "positive", "negative", "words"}
    people = {e["id"]: e for e in record["entities"] if e["type"] == "PERSON" and not e["journalist"]}
    assert record["sentiments"], "the fixture story names people"
    for s in record["sentiments"]:  # one per mention of a person, on the mention's span
        assert {"start": s["start"], "end": s["end"]} in [
            {"start": m["start"], "end": m["end"]} for m in people[s["entity"]]["mentions"]
        ]
        assert s["polarity"] in (-1, 0, 1) and 0.0 < s["score"] <= 1.0


def test_text_digest_has_a_themes_section():
    result = runner.invoke(app, ["read", str(STORIES / "reuters_summit.txt"), "--format", "text"])
    assert result.exit_code == 0, result.output
    themes = result.stdout.split("THEMES\n", 1)[1]
    assert "Topic: " in themes and "iptc-mediatopic medtop:" in themes
    assert "Tone: " in themes and "Spoken of: " in themes


def test_cli_read_with_a_missing_topic_model_fails_clearly(tmp_path):
    result = runner.invoke(app, ["read", str(STORIES / "plain.txt"), "--topics", str(tmp_path / "nothing")])
    assert result.exit_code == 2
    assert "not a topic model" in result.output


def test_cli_topics_train_rejects_a_bad_file(tmp_path):
    data = tmp_path / "train.jsonl"
    data.write_text("not json\n", encoding="utf-8")
    result = runner.invoke(app, ["topics", "train", str(data), "--scheme", "x", "--out", str(tmp_path / "m")])
    assert result.exit_code == 2
    assert "train.jsonl:1" in result.output


# -- tone -------------------------------------------------------------------------------------
def test_tone_counts_shares_and_balance():
    good = tone("The rescue was a great success and the families were happy and grateful.")
    bad = tone("The attack killed ten people and left the town in fear and grief.")
    assert good.polarity > 0.5 and bad.polarity < -0.5
    assert good.positive > 0 and good.negative == 0
    assert bad.words == 13 and bad.negative == round(4 / 13, 4)  # attack, killed, fear, grief


def test_tone_negation_flips_a_word():
    assert tone("The talks were good.").polarity > 0
    assert tone("The talks were not good.").polarity < 0


def test_tone_of_no_words_is_none():
    assert tone("1999 -- 2000") is None
    assert tone("Talks resumed on Monday.").polarity == 0.0


# -- target-dependent sentiment -------------------------------------------------------------------
def _target(sentence: str, name: str) -> sentiment.Target:
    start = sentence.index(name)
    return sentiment.Target(sentence, start, start + len(name))


def test_features_depend_on_the_target():
    s = "Critics attacked Marlow while voters cheered Okafor."
    a, b = sentiment.features(_target(s, "Marlow")), sentiment.features(_target(s, "Okafor"))
    assert "l1=attacked" in a and "l1=cheered" in b
    assert a != b


def test_shipped_sentiment_model_reads_clear_cases():
    model = sentiment.default_model()
    praised = "Supporters praised Marlow as an honest, brilliant and inspiring leader who helped thousands."
    condemned = "Prosecutors said Marlow lied, stole millions and betrayed the people who trusted him."
    neutral = "Marlow will travel to Lisbon on Tuesday, his office said."
    assert model.predict(_target(praised, "Marlow"))[0] == 1
    assert model.predict(_target(condemned, "Marlow"))[0] == -1
    assert model.predict(_target(neutral, "Marlow"))[0] == 0
    p = model.scores(_target(neutral, "Marlow"))
    assert p.shape == (3,) and p.sum() == pytest.approx(1.0)


def test_macro_f1_is_the_mean_over_three_classes():
    s = sentiment.macro_f1([-1, 0, 1, 1], [-1, 0, 1, 0])
    assert s["f1[-1]"] == 1.0 and s["f1[1]"] == pytest.approx(2 / 3) and s["f1[0]"] == pytest.approx(2 / 3)
    assert s["f1m"] == pytest.approx((1 + 2 / 3 + 2 / 3) / 3)
    assert s["accuracy"] == 0.75


def test_parse_features_read_the_targets_role():
    from dateline.nlp import load_pipeline

    doc = load_pipeline()("Angry voters blamed Marlow for the corrupt deal.")
    start = doc.text.index("Marlow")
    f = sentiment.parse_features(doc, start, start + len("Marlow"))
    assert f["dep=dobj"] == 1.0 and f["hd=blamed|dobj"] == 1.0
    assert f["hv|dobj"] < 0  # "blamed" is negative in VADER's lexicon
    with_parse = sentiment.features(sentiment.Target(doc.text, start, start + 6, doc))
    assert set(f) <= set(with_parse) and set(sentiment.features(_target(doc.text, "Marlow"))) < set(with_parse)


def test_path_features_follow_the_parse_to_sentiment_words():
    from dateline.nlp import load_pipeline

    doc = load_pipeline()("Marlow faced a humiliating defeat.")
    f = sentiment.parse_features(doc, 0, len("Marlow"))
    negative = [k for k in f if k.startswith("p-:")]
    assert negative and all(k.startswith("p-:nsubj") for k in negative)  # up from the subject, down to the object
    assert f.get("pl2-", 0) > 0 and not any(k.startswith("p+") for k in f)


def test_context_vectors_come_from_the_parse_and_round_trip(tmp_path):
    from dateline.nlp import load_pipeline

    nlp = load_pipeline()
    sentences = [
        ("Voters praised Marlow for the honest budget.", 1),
        ("Critics blamed Marlow for the corrupt deal.", -1),
        ("Marlow will travel to Lisbon on Tuesday.", 0),
    ]
    rows = []
    for text, polarity in sentences:
        doc = nlp(text)
        start = text.index("Marlow")
        rows.append((sentiment.Target(text, start, start + 6, doc), polarity))
    width = rows[0][0].parsed.tensor.shape[1]
    v = sentiment.context_vector(rows[0][0], width)
    assert v is not None and v.shape == (len(sentiment.CONTEXT_PARTS) * width,) and np.abs(v).sum() > 0
    assert sentiment.context_vector(rows[0][0], width + 1) is None  # another pipeline's vectors: not read
    assert sentiment.context_vector(_target(sentences[0][0], "Marlow"), width) is None  # no parse
    model = sentiment.train(rows * 3, c=10.0, min_count=1, width=width)
    assert model.context.shape == (3, v.size) and np.abs(model.context).sum() > 0
    loaded = sentiment.load(model.save(tmp_path / "m"))
    assert loaded.width == width and loaded.vocabulary == model.vocabulary
    assert loaded.scores(rows[1][0]) == pytest.approx(model.scores(rows[1][0]), abs=1e-3)
    assert [loaded.predict(t)[0] for t, _ in rows] == [p for _, p in rows]


def test_shipped_sentiment_model_reads_the_parsers_context_vectors():
    from dateline.nlp import load_pipeline

    model, doc = sentiment.default_model(), load_pipeline()("Critics blamed Marlow for the corrupt deal.")
    assert model.width == doc.tensor.shape[1] and np.abs(model.context).sum() > 0
    start = doc.text.index("Marlow")
    parsed = sentiment.Target(doc.text, start, start + 6, doc)
    without = dataclasses.replace(model, width=0)  # the same weights, context vectors not read
    assert model.scores(parsed) != pytest.approx(without.scores(parsed), abs=1e-4)


def test_ingest_applies_a_trained_topic_model(small_model, tmp_path):
    from dateline.ingest import ingest
    from dateline.store import Store

    small_model.save(tmp_path / "desk")
    with Store.open(str(tmp_path / "archive.db")) as store:
        report = ingest(store, [str(STORIES)], workers=1, topics=(str(tmp_path / "desk"),))
        assert report.added == len(list(STORIES.iterdir())) and not report.failed
        schemes = {t.scheme for t in store.topics(limit=100)}
        assert schemes == {"iptc-mediatopic", "desk"}
        assert store.stats()["sentiments"] > 0


def test_doc_arrays_agree_with_the_parse():
    """Negations, children, mention tokens and valences read from the doc's arrays are what
    spaCy's own token walks give."""
    from dateline.extract.themes.tone import NEGATORS
    from dateline.nlp import load_pipeline

    doc = load_pipeline()(
        "Voters did not praise Marlow, who never blamed the honest mayor. "
        "The angry crowd cheered Osei and booed the corrupt council."
    )
    for t in doc:
        assert sentiment._negated(t) == any(c.dep_ == "neg" or c.lower_ in NEGATORS for c in t.children)
        assert sentiment._children(t, doc) == list(t.children)
        for sent in doc.sents:
            assert sentiment._children(t, sent) == [c for c in t.children if sent.start <= c.i < sent.end]
        assert sentiment._doc_arrays(doc).valence[t.i] == sentiment._valence(t)
    start = doc.text.index("Osei")
    toks, root = sentiment._mention(doc, start, start + 4)
    assert [t.text for t in toks] == ["Osei"] and root.text == "Osei"


def test_a_run_on_sentence_costs_each_mention_its_window_only():
    """Hundreds of names in one sentence: a mention reads the words of its window, never the
    whole run (a word there may have dozens of children)."""
    from dateline.nlp import load_pipeline

    nlp = load_pipeline()
    run = " and ".join(f"Marlow{i} met Osei{i}" for i in range(300)) + "."
    doc = nlp(run)
    sent = next(doc.sents)
    assert len(sent) > 1000
    last = doc.text.rindex("Osei")
    window = doc[max(0, len(doc) - 60) : len(doc)]
    f = sentiment.parse_features(window, last, last + len("Osei299"))
    assert f, "the mention is read in its window"
    busiest = max(doc, key=lambda t: len(list(t.children)))
    assert len(list(busiest.children)) > 10
    inside = sentiment._children(busiest, window)
    assert inside == [c for c in busiest.children if window.start <= c.i < window.end]


def test_a_sentence_naming_people_again_and_again_is_read_for_its_first_mentions_only():
    """A run of hundreds of names (a list, run-on text) costs a dozen sentiment reads, not
    hundreds; a sentence of prose keeps a polarity for each of its mentions."""
    from dateline.extract.themes.extractor import MAX_MENTIONS_PER_SENTENCE
    from dateline.reader import Reader

    reader = Reader(extractors=["entities", "sentiments"])
    run = reader.read("Anna Marlow met Peter Osei and " * 200 + "they left.\n")
    people = sum(len(e.mentions) for e in run.entities if e.type == "PERSON")
    assert people == 400 and 0 < len(run.sentiments) <= 4 * MAX_MENTIONS_PER_SENTENCE
    prose = reader.read("Critics blamed Anna Marlow for the deal. Voters praised Peter Osei, and Osei thanked them.\n")
    assert len(prose.sentiments) == sum(len(e.mentions) for e in prose.entities if e.type == "PERSON") == 3
