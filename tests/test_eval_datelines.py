"""The dateline-country evaluation: gold by majority over a city's stories, and the shares."""

from collections import Counter

from dateline.eval.datelines import DatelineStory, gold_countries, score


def story(city, *codes):
    return DatelineStory(city, "", None, codes)


def test_gold_country_is_the_majority_over_a_citys_stories():
    gold = gold_countries([story("FRANKFURT", "DE"), story("FRANKFURT", "DE", "US"), story("FRANKFURT", "DE")])
    assert gold == {"FRANKFURT": "DE"}


def test_right_namesake_and_unresolved_shares():
    gold = {"FRANKFURT": "DE", "WASHINGTON": "US", "TORONTO": "CA", "HANOVER": "DE"}
    predicted = {
        "FRANKFURT": Counter({"US": 2, "DE": 1}),
        "WASHINGTON": Counter({"US": 3}),
        "TORONTO": Counter({"CA": 1}),
        "HANOVER": Counter(),
    }
    m = score(predicted, gold)
    assert (m["right"], m["namesake"], m["unresolved"]) == (0.5, 0.25, 0.25)
    assert ("FRANKFURT", "DE", "US") in m["wrong"] and ("HANOVER", "DE", "-") in m["wrong"]


def test_a_country_without_a_point_counts_right_and_is_reported():
    m = score({"ROGERS": Counter({"~US": 1}), "BOSTON": Counter({"US": 2})}, {"ROGERS": "US", "BOSTON": "US"})
    assert m["right"] == 1.0 and m["country_only"] == 0.5
