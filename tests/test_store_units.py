"""Pure parts of the archive: identity keys and agreement, slugs, signatures, threading metrics."""

from __future__ import annotations

import pytest

from dateline.eval.threads import _WIKIREF_LABEL, adjusted_rand, bcubed, ecb_text
from dateline.store.backend import open_backend, query_terms
from dateline.store.features import minhash, similarity, slug
from dateline.store.identity import CONTEXT_KEEP, Evidence, Known, agreement, display_name, merged, name_key


@pytest.mark.parametrize(
    "name, key",
    [
        ("Kim Jong Un", "kim jong un"),
        ("Mr. Kim Jong Un", "kim jong un"),
        ("Kim Jong Un's", "kim jong un"),
        ("José  Álvarez", "jose alvarez"),
        ("U.S.", "us"),
        ("Dr", "dr"),  # a lone honorific is kept: there is nothing else
        ("Jean-Luc Picard", "jean luc picard"),
    ],
)
def test_name_key(name, key):
    assert name_key(name) == key


@pytest.mark.parametrize("name, shown", [("Abdeslam's", "Abdeslam"), ("Moses’", "Moses"), ("Kim", "Kim")])
def test_display_name(name, shown):
    assert display_name(name) == shown


def _known(**kw) -> Known:
    base = dict(n=1, name="Lena Dorn", titles=[], country=None, journalist=False, n_stories=3, context={})
    return Known(**{**base, **kw})


def _ev(**kw) -> Evidence:
    return Evidence(**{**dict(key="lena dorn", type="PERSON", name="Lena Dorn"), **kw})


@pytest.mark.parametrize(
    "known, ev, agrees",
    [
        (_known(), _ev(), True),
        (_known(titles=["judge"]), _ev(titles=frozenset({"judge"})), True),
        (_known(titles=["judge"]), _ev(titles=frozenset({"soprano"})), False),
        (
            _known(titles=["judge"], context={"high court": 2}),
            _ev(titles=frozenset({"chief judge"}), company=frozenset({"high court"})),
            True,
        ),
        (_known(country="AR"), _ev(country="ES"), False),
        (_known(country="AR"), _ev(), True),
        (_known(journalist=True), _ev(), False),
    ],
)
def test_agreement(known, ev, agrees):
    assert (agreement(known, ev) is not None) == agrees


def test_shared_titles_outweigh_shared_company():
    assert agreement(_known(titles=["judge"]), _ev(titles=frozenset({"judge"}))) > agreement(
        _known(context={"x": 1}), _ev(company=frozenset({"x"}))
    )


@pytest.mark.parametrize(
    "headline, expected",
    [
        ("UPDATE 2-Ships queue at Valmont port", "ships queue at valmont port"),
        ("REFILE-UPDATE 1-Ships queue at Valmont port", "ships queue at valmont port"),
        ("(LEAD) Ships queue at Valmont port", "ships queue at valmont port"),
        ("New bridge opens in Carrow", "new bridge opens in carrow"),
        ("Strike ends", None),  # too short to identify a story
        (None, None),
    ],
)
def test_slug(headline, expected):
    assert slug(headline) == expected


def test_minhash_similarity_tracks_overlap():
    words = " ".join(f"w{i}" for i in range(300))
    assert similarity(minhash(words), minhash(words)) == 1.0
    assert similarity(minhash(words), minhash(words + " extra tail words here")) > 0.8
    assert similarity(minhash(words), minhash(" ".join(f"v{i}" for i in range(300)))) < 0.1


@pytest.mark.parametrize(
    "text, terms",
    [
        ("port strike", ["port", "strike"]),
        ('"port strike" Valmont', ["port strike", "Valmont"]),
        ("AND OR ( ) * ^", ["AND", "OR"]),
        ("-", []),
    ],
)
def test_query_terms(text, terms):
    assert query_terms(text) == terms


def test_open_backend_picks_by_url(tmp_path):
    assert open_backend(tmp_path / "x.db").dialect == "sqlite"
    assert open_backend(f"sqlite:///{tmp_path}/x.db").url == f"{tmp_path}/x.db"
    assert open_backend("postgresql://u@localhost/db").dialect == "postgresql"


@pytest.mark.parametrize(
    "gold, pred, f1, ari",
    [
        ([1, 1, 2, 2], ["a", "a", "b", "b"], 1.0, 1.0),
        ([1, 1, 2, 2], ["a", "b", "c", "d"], 2 * 0.5 / 1.5, 0.0),
        ([1, 1, 1, 1], ["a", "a", "a", "a"], 1.0, 1.0),
    ],
)
def test_clustering_metrics(gold, pred, f1, ari):
    assert bcubed(gold, pred)[2] == pytest.approx(f1)
    assert adjusted_rand(gold, pred) == pytest.approx(ari)


def test_bcubed_precision_and_recall():
    precision, recall, _ = bcubed([1, 1, 2], ["a", "a", "a"])
    assert precision == pytest.approx((2 / 3 * 2 + 1 / 3) / 3)
    assert recall == pytest.approx(1.0)


@pytest.mark.parametrize(
    "name, label",
    [
        ("ParisAttacks2015 (3).txt", "ParisAttacks2015"),
        ("premier.league.25.txt", "premier.league"),
        ("U2.txt", "U2"),
    ],
)
def test_wikiref_labels(name, label):
    assert _WIKIREF_LABEL.match(name).group(1) == label


def test_ecb_text_rebuilds_sentences(tmp_path):
    xml = (
        '<Document doc_name="1_1ecb.xml"><token t_id="1" sentence="0">Ana</token>'
        '<token t_id="2" sentence="0">left</token><token t_id="3" sentence="0">,</token>'
        '<token t_id="4" sentence="0">they</token><token t_id="5" sentence="0">said</token>'
        '<token t_id="6" sentence="0">.</token><token t_id="7" sentence="1">It</token>'
        '<token t_id="8" sentence="1">rained</token></Document>'
    )
    path = tmp_path / "1_1ecb.xml"
    path.write_text(xml, encoding="utf-8")
    assert ecb_text(path) == "Ana left, they said.\n\nIt rained"


def test_an_entity_keeps_the_same_company_whatever_the_hash_seed():
    """A story's names come as a set; past ``CONTEXT_KEEP`` the names kept must not depend on
    the set's order (it changes with the process's hash seed): ties go by name."""
    names = [f"name {i:03d}" for i in range(CONTEXT_KEEP + 10)]
    known = Known(n=1, name="Ada Vole", titles=[], country=None, journalist=False, n_stories=1)
    kept = [
        merged(known, Evidence("ada vole", "PERSON", "Ada Vole", company=frozenset(order)), ()).context
        for order in (names, names[::-1])
    ]
    assert kept[0] == kept[1] == {name: 1 for name in names[:CONTEXT_KEEP]}
