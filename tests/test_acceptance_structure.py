"""Acceptance: the seed story's metadata against the gold reading (skips when ../shared is absent)."""

from __future__ import annotations

from conftest import fold

from dateline.extract.entities.gazetteer import country_code


def test_seed_metadata(seed_article, gold):
    a, g = seed_article, gold["metadata"]
    assert fold(a.headline) == fold(g["headline"])
    assert a.agency == g["source"]
    assert a.published == g["published"]
    assert fold(a.update_note) == fold(g["update_note"])
    assert [fold(b) for b in a.bullets] == [fold(b) for b in g["bullets"]]
    assert list(a.authors) == g["authors"]
    # The record's dateline.country is an ISO code (RECORD.md); the gold names the country.
    expected = {**g["dateline"], "country": country_code(g["dateline"]["country"])}
    assert {
        "places": list(a.dateline.places),
        "country": a.dateline.country,
        "date": a.dateline.date,
        "agency": a.dateline.agency,
    } == expected
    assert a.dateline.region is None
    credits = a.credits
    assert [{"name": c.name, "place": c.place} for c in credits.reporting] == g["credits"]["reporting"]
    assert [{"name": c.name, "place": c.place} for c in credits.additional_reporting] == g["credits"][
        "additional_reporting"
    ]
    assert list(credits.editing) == g["credits"]["editing"]
    assert [fold(b) for b in a.boilerplate] == [fold(b) for b in g["boilerplate"]]
    body = a.text[a.body.start : a.body.end]
    assert fold(body).startswith(fold(g["body_starts_with"]))
    assert fold(body).endswith(fold(g["body_ends_with"]))
