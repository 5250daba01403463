"""Grouping name mentions into people and places (no model)."""

from __future__ import annotations

from dateline.extract.entities.cluster import Found, group_others, group_people


def people(mentions, journalists=()):
    """mentions: (text, sentence[, title[, journalist]]) in text order."""
    found = []
    pos = 0
    for m in mentions:
        text, sent = m[0], m[1]
        title = m[2] if len(m) > 2 else None
        journalist = m[3] if len(m) > 3 else False
        found.append(Found(pos, pos + len(text), "PERSON", text, sent, title, journalist))
        pos += len(text) + 10
    groups = group_people(found, {tuple(j.casefold().split()) for j in journalists})
    return found, groups


def named(found, groups):
    return sorted(sorted(found[i].text for i in g.members) for g in groups)


def test_principal_namesake_takes_the_bare_surname():
    found, groups = people(
        [
            ("Lee", 0),
            ("Lee Jae Sung", 1),
            ("Lee", 2),
            ("Lee Jae Sung", 3),
            ("Lee Hana", 4),
            ("Lee", 5),
            ("Lee Bo Ram", 6),
            ("Lee Bo Ram", 7),
            ("Lee", 8),
            ("Tom Lee", 99, None, True),
        ],
        journalists=["Tom Lee"],
    )
    assert named(found, groups) == [
        ["Lee", "Lee", "Lee", "Lee", "Lee Jae Sung", "Lee Jae Sung"],
        ["Lee Bo Ram", "Lee Bo Ram"],
        ["Lee Hana"],
        ["Tom Lee"],
    ]
    assert [g.journalist for g in groups if found[g.members[0]].text == "Tom Lee"] == [True]


def test_same_sentence_namesake_wins_locally():
    found, groups = people([("Wang Jianguo", 0), ("Wang Jianguo", 1), ("Wang Meiling", 2), ("Wang", 2)])
    assert ["Wang", "Wang Meiling"] in named(found, groups)


def test_unresolved_when_the_story_does_not_say():
    found, groups = people([("Tom Reyes", 0), ("Ana Reyes", 0), ("Ana Reyes", 2), ("Reyes", 6)])
    lone = [g for g in groups if [found[i].text for i in g.members] == ["Reyes"]]
    assert len(lone) == 1 and len(lone[0].candidates) == 2


def test_a_much_more_named_namesake_takes_the_short_form():
    found, groups = people([("Tom Reyes", 0), ("Ana Reyes", 1), ("Ana Reyes", 2), ("Ana Reyes", 3), ("Reyes", 6)])
    assert ["Ana Reyes", "Ana Reyes", "Ana Reyes", "Reyes"] in named(found, groups)


def test_different_titles_keep_namesakes_apart():
    found, groups = people(
        [("Faisal bin Khalid", 0, "crown prince"), ("Khalid", 1, "king"), ("Faisal", 2, "crown prince")]
    )
    assert named(found, groups) == [["Faisal", "Faisal bin Khalid"], ["Khalid"]]


def test_spanish_double_surname_and_arabic_article():
    found, groups = people(
        [("Andrés Manuel Ortega Salcedo", 0), ("Ortega Salcedo", 1), ("Hamad al-Rashidi", 2), ("Rashidi", 3)]
    )
    assert named(found, groups) == [["Andrés Manuel Ortega Salcedo", "Ortega Salcedo"], ["Hamad al-Rashidi", "Rashidi"]]


def test_journalist_never_takes_a_short_form_from_the_story():
    found, groups = people([("Kwon", 0), ("Mary Kwon", 99, None, True)], journalists=["Mary Kwon"])
    assert named(found, groups) == [["Kwon"], ["Mary Kwon"]]


def test_country_aliases_and_org_short_forms_join():
    found = [
        Found(0, 4, "GPE", "U.S."),
        Found(10, 27, "GPE", "the United States"),
        Found(30, 51, "ORG", "U.S. State Department"),
        Found(60, 76, "ORG", "State Department"),
        Found(80, 91, "GPE", "North Korea"),
        Found(95, 100, "LOC", "North"),
    ]
    groups = group_others(found)
    assert sorted(sorted(found[i].text for i in g.members) for g in groups) == [
        ["North", "North Korea"],
        ["State Department", "U.S. State Department"],
        ["U.S.", "the United States"],
    ]


def test_acronym_joins_its_organisation():
    found = [
        Found(0, 27, "ORG", "the Zembla Federal Railways"),
        Found(30, 34, "ORG", "ZFR"),
        Found(40, 66, "ORG", "Korean Central News Agency"),
        Found(70, 74, "ORG", "KCNA"),
        Found(80, 84, "ORG", "NATO"),
    ]
    groups = group_others(found)
    assert sorted(sorted(found[i].text for i in g.members) for g in groups) == [
        ["KCNA", "Korean Central News Agency"],
        ["NATO"],
        ["ZFR", "the Zembla Federal Railways"],
    ]


def test_organisation_short_form_starting_one_long_name_joins_it():
    found = [
        Found(0, 19, "ORG", "Norvik Motors Corp."),
        Found(30, 36, "ORG", "Norvik"),
        Found(40, 58, "ORG", "Banco Lira"),
        Found(60, 72, "ORG", "Banco Solare"),
        Found(80, 85, "ORG", "Banco"),
    ]
    groups = group_others(found)
    assert sorted(sorted(found[i].text for i in g.members) for g in groups) == [
        ["Banco"],
        ["Banco Lira"],
        ["Banco Solare"],
        ["Norvik", "Norvik Motors Corp."],
    ]


def _grouped(found):
    return sorted(sorted(found[i].text for i in g.members) for g in group_others(found))


def test_alias_table_joins_names_no_rule_can_tell():
    found = [
        Found(0, 7, "ORG", "the Fed"),
        Found(10, 25, "ORG", "Federal Reserve"),
        Found(30, 51, "ORG", "Federal Reserve Board"),
        Found(60, 64, "GPE", "U.N."),
        Found(70, 84, "ORG", "United Nations"),
        Found(90, 100, "ORG", "Fedwire Co"),
    ]
    assert _grouped(found) == [
        ["Federal Reserve", "Federal Reserve Board", "the Fed"],
        ["Fedwire Co"],
        ["U.N.", "United Nations"],
    ]
    un = [g for g in group_others(found) if len(g.members) == 2][0]
    assert un.label == "ORG"


def test_department_word_order_and_its_acronym_join():
    found = [
        Found(0, 18, "ORG", "Justice Department"),
        Found(20, 41, "ORG", "Department of Justice"),
        Found(50, 53, "ORG", "DOJ"),
        Found(60, 85, "ORG", "Norwegian Foreign Affairs Ministry"),
        Found(90, 120, "ORG", "Ministry of Foreign Affairs"),
        Found(130, 133, "ORG", "MFA"),
        Found(140, 156, "ORG", "Trade Department"),
    ]
    assert _grouped(found) == [
        ["DOJ", "Department of Justice", "Justice Department"],
        ["MFA", "Ministry of Foreign Affairs", "Norwegian Foreign Affairs Ministry"],
        ["Trade Department"],
    ]


def test_acronym_may_keep_the_of():
    found = [
        Found(0, 14, "ORG", "Bank of Zembla"),
        Found(20, 23, "ORG", "BOZ"),
        Found(30, 32, "ORG", "BZ"),
        Found(40, 55, "ORG", "Bank of Ruritania"),
        Found(60, 63, "ORG", "BOX"),
    ]
    assert _grouped(found) == [["BOX"], ["BOZ", "BZ", "Bank of Zembla"], ["Bank of Ruritania"]]


def test_headline_mentions_only_join_names_of_the_story():
    found = [
        Found(0, 10, "PERSON", "Warns Osei", headline=True),
        Found(11, 16, "PERSON", "Varga", headline=True),
        Found(20, 40, "PERSON", "Harbour Accord", headline=True),
        Found(41, 45, "ORG", "Norvik", headline=True),
        Found(50, 60, "PERSON", "Lena Varga"),
        Found(70, 81, "PERSON", "Tobias Osei"),
    ]
    groups = group_people(found, set()) + group_others(found)
    assert sorted(sorted(found[i].text for i in g.members) for g in groups) == [
        ["Lena Varga", "Varga"],
        ["Osei", "Tobias Osei"],
    ]
    assert (found[0].start, found[0].end) == (6, 10)


def test_legal_forms_and_chains_of_short_forms_join():
    found = [
        Found(0, 14, "ORG", "Korlin Motor Company"),
        Found(20, 26, "ORG", "Korlin"),
        Found(30, 41, "ORG", "Korlin Motor"),
        Found(50, 60, "ORG", "Velda Inc."),
        Found(62, 67, "ORG", "Velda"),
        Found(70, 73, "ORG", "Tam"),
        Found(75, 84, "ORG", "Tam Jones"),
        Found(86, 114, "ORG", "Tam Jones Composite Index"),
    ]
    assert _grouped(found) == [
        ["Korlin", "Korlin Motor", "Korlin Motor Company"],
        ["Tam", "Tam Jones", "Tam Jones Composite Index"],
        ["Velda", "Velda Inc."],
    ]


def test_a_whole_company_or_a_country_subsidiary_stays_apart():
    found = [
        Found(0, 15, "ORG", "Orma Union Corp"),
        Found(20, 30, "ORG", "Orma Union"),
        Found(32, 56, "ORG", "Orma Union Mortgage Corp"),
        Found(60, 75, "ORG", "Pellow Bank PLC"),
        Found(80, 98, "ORG", "Pellow Bank Canada"),
    ]
    assert _grouped(found) == [
        ["Orma Union", "Orma Union Corp"],
        ["Orma Union Mortgage Corp"],
        ["Pellow Bank Canada"],
        ["Pellow Bank PLC"],
    ]


def test_a_product_is_one_entity_by_its_model_designation():
    found = [
        Found(0, 11, "PRODUCT", "Zephyr Z450"),
        Found(20, 24, "PRODUCT", "Z450"),
        Found(30, 35, "PRODUCT", "Z450s"),
        Found(40, 57, "PRODUCT", "Corvane 919 Skylark"),
        Found(60, 67, "PRODUCT", "Skylark"),
        Found(70, 73, "PRODUCT", "919"),
    ]
    assert _grouped(found) == [["919", "Corvane 919 Skylark", "Skylark"], ["Z450", "Z450s", "Zephyr Z450"]]


def test_a_courtesy_title_goes_with_any_role_of_the_same_sex():
    found, groups = people(
        [
            ("John Harrow", 0, "prime minister"),
            ("Harrow", 1, "mr"),
            ("Harrow", 2, "mrs"),
            ("Tom Vell", 3, "king"),
            ("Vell", 4, "prince"),
        ]
    )
    assert named(found, groups) == [["Harrow"], ["Harrow", "John Harrow"], ["Tom Vell"], ["Vell"]]


def test_a_stock_index_is_one_entity_by_its_brand():
    found = [
        Found(0, 28, "PRODUCT", "Dow Jones Industrial Average"),
        Found(30, 33, "PRODUCT", "Dow"),
        Found(40, 44, "PRODUCT", "DJIA"),
        Found(50, 75, "PRODUCT", "Standard & Poor's 500 index"),
        Found(80, 87, "PRODUCT", "S&P 500"),
        Found(90, 98, "PRODUCT", "FTSE-100"),
    ]
    groups = group_others(found)
    assert sorted(sorted(found[i].text for i in g.members) for g in groups) == [
        ["DJIA", "Dow", "Dow Jones Industrial Average"],
        ["FTSE-100"],
        ["S&P 500", "Standard & Poor's 500 index"],
    ]


def test_a_short_form_goes_to_the_one_longer_name_written_as_a_company():
    found = [
        Found(0, 20, "ORG", "Korlin Motor Company"),
        Found(30, 44, "ORG", "Korlin Voyager"),
        Found(50, 56, "ORG", "Korlin"),
        Found(60, 77, "ORG", "Tamra Holding LLC"),
        Found(80, 91, "ORG", "Tamra Group"),
        Found(95, 100, "ORG", "Tamra"),
    ]
    assert _grouped(found) == [
        ["Korlin", "Korlin Motor Company"],
        ["Korlin Voyager"],
        ["Tamra"],
        ["Tamra Group"],
        ["Tamra Holding LLC"],
    ]


def test_a_headline_name_typed_otherwise_joins_the_person_named_so_in_full():
    found = [
        Found(0, 10, "ORG", "Ana Reyvik", 0, headline=True),
        Found(30, 40, "PERSON", "Ana Reyvik", 1),
        Found(50, 56, "PERSON", "Reyvik", 2),
        Found(60, 66, "ORG", "Velda", 0, headline=True),
    ]
    people = group_people(found, set())
    assert [sorted(found[i].text for i in g.members) for g in people] == [["Ana Reyvik", "Ana Reyvik", "Reyvik"]]
    assert [sorted(found[i].text for i in g.members) for g in group_others(found)] == []
