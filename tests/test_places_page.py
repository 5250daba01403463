"""The story page shows each place's kind and the evidence for its reading."""

import dataclasses

from fastapi.testclient import TestClient
from store_fixtures import make_article

from dateline.api import create_app
from dateline.record import PlaceCandidate, PlaceEvidence
from dateline.store import Store


def test_story_page_shows_why_a_place_won(tmp_path):
    article = make_article("Storms hit Paris, Texas, on Monday.", places=(("Paris", 33.66, -95.56, "US"),))
    evidence = PlaceEvidence(
        why=("written with Texas", "prominence"),
        candidates=(
            PlaceCandidate(4717560, "Paris", "US", "PPL", 19.9),
            PlaceCandidate(2988507, "Paris", "FR", "PPLC", 1.9),
        ),
    )
    place = dataclasses.replace(article.places[0], kind="literal", evidence=evidence)
    article = dataclasses.replace(article, places=(place,))
    with Store.open(str(tmp_path / "a.db")) as store:
        store.add([article])
    store = Store.open(str(tmp_path / "a.db"))
    with TestClient(create_app(store)) as client:
        html = client.get(f"/stories/{article.id}").text
    store.close()
    assert "written with Texas; prominence" in html
    assert "FR PPLC · 1.9" in html
