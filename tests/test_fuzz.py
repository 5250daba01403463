"""Property-based fuzzing of the door and the structure parser (hypothesis, a few hundred cases).

The full reader is fuzzed by ``benchmarks/fuzz_campaign.py``; here the cheap stages run on
story-like text built from the pieces that once broke them: runs of one character class,
bylines, datelines, credits, lone surrogates, capitals.
"""

from __future__ import annotations

import json

from fuzz_pieces import INSERTS, RUN_UNITS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.io.decode import DecodeError, decode
from dateline.io.hygiene import scrub
from dateline.io.sources import BadInput, Story, _from_bytes
from dateline.structure import parse_structure

piece = st.one_of(
    st.text(max_size=60),
    st.sampled_from(INSERTS),
    st.builds(lambda u, n: u * n, st.sampled_from([*RUN_UNITS, "\ud800"]), st.integers(1, 400)),
)
story = st.lists(piece, min_size=1, max_size=12).map("".join)
FAST = settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
NORMALISED = ("authors",)  # title-cased from capitals by design (docs/record.md); same letters otherwise


def _fields(layout):
    for name in ("headline", "agency_span", "published_span", "update_note", "byline", "credits_span", "body"):
        field = getattr(layout, name)
        if field is not None:
            yield name, field
    for name in ("bullets", "boilerplate", "paragraphs", "authors"):
        for field in getattr(layout, name):
            yield name, field


@FAST
@given(story)
def test_structure_never_raises_and_spans_hold(text):
    text = scrub(text)
    layout = parse_structure(text)
    for name, field in _fields(layout):
        assert 0 <= field.start <= field.end <= len(text), name
        written = text[field.start : field.end]
        if name in NORMALISED:
            assert field.text.lower() == written.lower(), (name, field.text, written)
        else:
            assert field.text == written, (name, field.text, written)
    if layout.dateline is not None:
        assert 0 <= layout.dateline.start <= layout.dateline.end <= len(text)


@FAST
@given(st.binary(max_size=2000))
def test_decode_raises_only_decode_error(data):
    try:
        text = decode(data)
    except DecodeError:
        return
    assert "\r" not in text


@FAST
@given(
    st.lists(
        st.one_of(
            st.dictionaries(
                st.sampled_from(["text", "published", "url", "headline"]),
                st.one_of(st.text(max_size=80), st.integers(), st.none()),
            ),
            st.text(max_size=40),
        ),
        max_size=6,
    )
)
def test_json_lines_yield_stories_or_bad_input(lines):
    data = "\n".join(json.dumps(line) for line in lines).encode("utf-8", "surrogatepass")
    for item in _from_bytes(data, "feed.jsonl", ".jsonl", 1 << 20):
        assert isinstance(item, (Story, BadInput))
