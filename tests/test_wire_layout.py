"""Re-laying a story as old wire copy for `eval polnear --layout wire`: same words, mapped spans."""

from __future__ import annotations

from dateline.eval.polnear import Article, GoldAttribution, as_wire_copy
from dateline.eval.wire_layout import WIDTH, relay

TEXT = (
    "A headline for the test\n\n"
    "The first paragraph is long enough to be wrapped at sixty-five columns, said an official "
    "who asked not to be named.\n\n"
    '"A quote that runs over the end of a line is still one quote," she said on Tuesday.\n'
)


def test_relay_indents_wraps_and_keeps_words():
    r = relay(TEXT)
    lines = r.text.rstrip("\n").split("\n")
    assert all(len(line) <= WIDTH for line in lines)
    assert sum(line.startswith("    ") for line in lines) == 3  # one indent a paragraph, no blank line
    assert "\n\n" not in r.text and r.text.split() == TEXT.split()


def test_relay_maps_every_span():
    r = relay(TEXT)
    start = TEXT.index('"A quote')
    end = TEXT.index("she said") - 1
    assert r.text[r.start(start) : r.end(end)].split() == TEXT[start:end].split()


def test_gold_spans_follow_the_words():
    s, e = TEXT.index('"A quote'), TEXT.index('," she') + 2
    src = TEXT.index("she said")
    article = Article("x", TEXT, (GoldAttribution(((s, e),), ((src, src + 3),), ()),))
    wire = as_wire_copy(article)
    (gold,) = wire.gold
    ((cs, ce),) = gold.content
    assert wire.text[cs:ce].split() == TEXT[s:e].split()
    assert wire.text[gold.source[0][0] : gold.source[0][1]] == "she"
