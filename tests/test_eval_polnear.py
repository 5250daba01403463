"""PolNeAR scoring: reading BRAT standoff, gold categories, matching and normalisation."""

from __future__ import annotations

import pytest

from dateline.eval import polnear as P

TEXT = 'Ana Ruiz said that taxes will rise. "We have no choice," she said. Aid will come, per "sources."'
ANN = """T1\tSource 0 8\tAna Ruiz
T2\tCue 9 13\tsaid
T3\tContent 14 34\tthat taxes will rise
T4\tAttribution 9 13\tsaid
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T5\tContent 36 56\t"We have no choice,"
T6\tSource 57 60\tshe
T7\tCue 61 65\tsaid
T8\tAttribution 61 65\tsaid
E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6
T9\tDiscuss 67 70\tAid
"""


def test_read_ann_keeps_relations_with_content():
    gold = P.read_ann(ANN)
    assert [g.content for g in gold] == [((14, 34),), ((36, 56),)]
    assert gold[1].source == ((57, 60),)


def test_discontinuous_fragments_are_read():
    [g] = P.read_ann("T1\tContent 0 4;10 14\tab cd\nE1\tAttribution-no-source:T2 Content:T1\n")
    assert g.content == ((0, 4), (10, 14)) and g.source == ()


@pytest.mark.parametrize(
    "content, category",
    [
        ('"We have no choice,"', "direct"),
        ("“We have no choice,”", "direct"),
        ('taxes will "rise sharply"', "partial"),
        ("that taxes will rise", "indirect"),
        ("the senator’s plan", "indirect"),
    ],
)
def test_category(content, category):
    assert P.category_of(content) == category


@pytest.mark.parametrize(
    "a, b",
    [
        ("that taxes will rise", "taxes will rise."),
        ('"We have no choice,"', "We have no  choice"),
    ],
)
def test_normalise_equates_light_differences(a, b):
    assert P.normalise(a) == P.normalise(b)


def test_scores_overlap_exact_and_source():
    article = P.Article("x", TEXT, P.read_ann(ANN))
    preds = [
        P.PredAttribution(((19, 34),), "indirect", ((0, 8),)),  # exact after "that", right source
        P.PredAttribution(((37, 54),), "direct", ((4, 8),)),  # overlap, wrong source
        P.PredAttribution(((88, 95),), "partial", ()),
    ]  # false positive
    tallies = P.score([(article, preds)])
    every = tallies["all"]
    assert (every.gold, every.pred, every.gold_hit, every.pred_hit) == (2, 3, 2, 2)
    assert every.gold_exact == 2 and every.source_right == 1 and every.sourced == 2
    assert tallies["direct"].scores()["overlap_r"] == 1.0
    assert tallies["partial"].scores()["overlap_p"] == 0.0


def test_one_to_one_matching():
    golds = P.read_ann(ANN)
    preds = [P.PredAttribution(((14, 56),), "indirect", ())]
    assert len(list(P._match(golds, preds))) == 1


def test_command_scores_a_split_directory(tmp_path):
    """End to end on an invented one-article split: the quote and the reported speech are found."""
    from typer.testing import CliRunner

    from dateline.cli import app

    text = (
        "Riverton budget vote\n\n"
        "Mayor Elena Varga said that taxes will rise next year.\n\n"
        '"We have no choice," Varga told reporters.\n'
    )
    start = text.index("taxes")
    quote = text.index('"We')
    ann = (
        f"T1\tSource {text.index('Mayor')} {text.index(' said')}\tMayor Elena Varga\n"
        f"T2\tContent {start} {text.index('.', start)}\ttaxes will rise next year\n"
        f"E1\tAttribution:T9 Content:T2 Source:T1\n"
        f"T3\tContent {quote} {quote + 20}\t{text[quote : quote + 20]}\n"
        f"T4\tSource {quote + 21} {quote + 26}\tVarga\n"
        f"E2\tAttribution:T8 Content:T3 Source:T4\n"
    )
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "story.txt").write_text(text, encoding="utf-8")
    (tmp_path / "attributions" / "story_ab12.ann").write_text(ann, encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "polnear", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    import json

    figures = json.loads(result.stdout)
    assert figures["all"]["gold"] == 2 and figures["all"]["gold_hit"] == 2
    assert figures["direct"]["source_acc"] == 1.0 and figures["indirect"]["gold_exact"] == 1
