"""Prominence first in the body, and the evidence that overrules it. A town named like a state
lies in that state's shadow: the story's area speaks for the town only at three quarters (its
county or a written state still decide). A country the story names next to a town speaks for
it. Its own small GeoNames fixture: a state, a town of its name in another state, that town's
neighbours and county; a made-up town beside a country and a province of its name elsewhere."""

from pathlib import Path

import pytest
from test_geo_resolve import resolved, story

from dateline.geo.build import import_dump
from dateline.geo.gazetteer import Gazetteer
from dateline.geo.resolve import Resolver

FIXTURE = Path(__file__).parent / "fixtures" / "geonames_prominence.txt"
NEVADA_STATE, NEVADA_MO = 5509151, 4401242


@pytest.fixture(scope="module")
def resolver(tmp_path_factory):
    path = tmp_path_factory.mktemp("gaz") / "g.sqlite"
    import_dump(path, FIXTURE)
    return Resolver(Gazetteer(path))


def test_a_state_outweighs_a_small_town_of_its_name_that_one_neighbour_speaks_for(resolver):
    """One town of the story 80 km from the small namesake is no reason to leave the state."""
    assert resolved(resolver.resolve(story("Nevada", "Joplin")), "nevada") == NEVADA_STATE


@pytest.mark.parametrize(
    "names",
    [
        ("Nevada", "Vernon County", "Joplin"),  # the county it lies in is named
        ("Nevada|Missouri", "Joplin"),  # its state is written after it
        ("Nevada", "Joplin", "Carthage"),  # several of the story's towns lie around it
    ],
)
def test_the_towns_own_evidence_still_makes_it_the_town(resolver, names):
    assert resolved(resolver.resolve(story(*names)), "nevada") == NEVADA_MO


def test_the_states_own_towns_keep_it_the_state(resolver):
    assert resolved(resolver.resolve(story("Nevada", "Reno")), "nevada") == NEVADA_STATE


SOREL_BE, SOREL_MZ = 9900001, 9900002  # a made-up town beside a country the story names, and a province


def test_a_country_the_story_names_next_to_a_town_speaks_for_it(resolver):
    """A country's point within 200 km is a place of the story nearby: "Sorel" beside Belgium and
    France is the Belgian town, not the bigger province of its name in Mozambique."""
    assert resolved(resolver.resolve(story("Sorel", "Belgium", "France")), "sorel") == SOREL_BE
    assert resolved(resolver.resolve(story("Sorel", "Mozambique")), "sorel") == SOREL_MZ
