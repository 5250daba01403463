"""The quotes extractor on invented stories: kinds, cues, speakers, and odd input."""

from __future__ import annotations

import pytest

HEADLINE = "Riverton council news\n\n"  # stories open with a headline; the body follows it


@pytest.fixture(scope="module")
def read(reader_quotes):
    def run(text: str):
        article = reader_quotes.read(HEADLINE + text)
        return article, {e.id: e.name for e in article.entities}

    return run


@pytest.fixture(scope="session")
def reader_quotes():
    from dateline.reader import Reader

    return Reader(extractors=("entities", "quotes"))


def _direct(article):
    return [q for q in article.quotes if q.kind == "direct"]


@pytest.mark.parametrize("open_, close", [('"', '"'), ("“", "”"), ("«", "»"), ("„", "“"), ("``", "''")])
def test_every_mark_style_is_attributed(read, open_, close):
    article, names = read(f"{open_}The harbour will reopen on Monday,{close} Mayor Elena Varga said.")
    [quote] = _direct(article)
    assert quote.text == "The harbour will reopen on Monday,"
    assert quote.cue == "said" and "Varga" in names[quote.speaker]


def test_split_quote_shares_cue_and_speaker(read):
    article, names = read('"The meeting," Councillor Tomas Brandt said, "is important for the town."')
    first, second = _direct(article)
    assert first.cue_span == second.cue_span and first.speaker == second.speaker
    assert "Brandt" in names[first.speaker]


def test_quote_with_no_source_has_no_speaker(read):
    article, _ = read('"Nothing will ever be the same again."\n\nThe storm passed over the coast on Sunday.')
    [quote] = _direct(article)
    assert quote.speaker is None and quote.cue is None


def test_odd_quote_marks_do_not_crash_or_invent(read):
    article, _ = read('The council voted on Tuesday and "the budget will pass easily.\n\nThe vote was close.')
    assert [q for q in article.quotes if q.kind in ("direct", "partial")] == []


@pytest.mark.parametrize("text", ["", '"', '""""', "“”‘’«»", "\n\n\n", "said said said."])
def test_bad_input_gives_a_tuple(read, text):
    article, _ = read(text)
    assert isinstance(article.quotes, tuple)


def test_partial_quote_woven_into_reported_speech(read):
    article, names = read('Minister Jana Holt said the reform would "change everything for the farmers."')
    [partial] = [q for q in article.quotes if q.kind == "partial"]
    assert partial.text == "change everything for the farmers."
    assert "Holt" in names[partial.speaker]


@pytest.mark.parametrize(
    "text, content, cue, speaker",
    [
        (
            "Minister Jana Holt said that the reform will cut costs for farmers.",
            "the reform will cut costs for farmers",
            "said",
            "Holt",
        ),
        (
            "The bridge will close for repairs in May, the city council reported.",
            "The bridge will close for repairs in May",
            "reported",
            "council",
        ),
        (
            "The bridge will close for repairs in May, according to the Riverton Gazette.",
            "The bridge will close for repairs in May",
            "according to",
            "Gazette",
        ),
        (
            "Prices will keep rising through the winter, analysts say.",
            "Prices will keep rising through the winter",
            "say",
            "analysts",
        ),
    ],
)
def test_reported_speech(read, text, content, cue, speaker):
    article, names = read(text)
    [item] = [q for q in article.quotes if q.kind == "indirect"]
    assert item.text == content and item.cue == cue
    assert speaker in (names.get(item.speaker) or item.speaker_text)


def test_pronoun_goes_to_the_last_speaker(read):
    article, names = read(
        '"We will rebuild the school," said Governor Lena Marsh.\n\n'
        'The fire destroyed the east wing last week.\n\n"It will take two years," she said.'
    )
    first, second = _direct(article)
    assert second.speaker_text == "she" and second.speaker == first.speaker is not None


def test_one_description_one_speaker(read):
    article, _ = read(
        'A senior port official said the cranes were unsafe.\n\n"They cannot stay in service," the official said.'
    )
    speakers = {q.speaker for q in article.quotes}
    assert len(speakers) == 1 and None not in speakers
    assert all(q.anonymous for q in article.quotes)


def test_quote_only_paragraph_continues_the_speaker(read):
    article, _ = read(
        '"The port will stay open," harbour master Ines Okafor told reporters.\n\n"Ships will keep coming."'
    )
    first, second = _direct(article)
    assert second.speaker == first.speaker is not None and second.cue is None


def test_lead_in_paragraph_gives_the_cue(read):
    article, names = read('Councillor Tomas Brandt replied:\n\n"The vote is final and the work starts soon."')
    [quote] = _direct(article)
    assert "Brandt" in names[quote.speaker]


@pytest.mark.parametrize(
    "text",
    [
        '"The harbour is open again." Mayor Elena Varga said.',
        '"We had better years than this one," Mayor Elena Varga, wearing a "Vote Early" badge, said.',
        'Mayor Elena Varga replied: "The harbour is open again."',
    ],
)
def test_cue_around_a_quote(read, text):
    article, names = read(text)
    quote = _direct(article)[0]
    assert quote.speaker is not None and "Varga" in names[quote.speaker]


def test_next_quote_in_the_paragraph_goes_on_with_the_speaker(read):
    article, _ = read('"Taxes will rise," Councillor Tomas Brandt said. "Nobody likes it, but the roads need it."')
    first, second = _direct(article)
    assert second.speaker == first.speaker is not None and second.cue_span == first.cue_span


def test_cue_without_subject_goes_to_the_followed_speaker(read):
    article, names = read(
        '"We will rebuild the school," Governor Lena Marsh said on Monday.\n\n'
        'Asked about the cost, "It will take two years and a lot of money."'
    )
    first, second = _direct(article)
    assert second.cue == "Asked" and second.speaker == first.speaker is not None


@pytest.mark.parametrize(
    "text, content, cue",
    [
        ("Mayor Elena Varga called for a new bridge over the river.", "a new bridge over the river", "called for"),
        ("Councillor Tomas Brandt warned against higher harbour fees.", "higher harbour fees", "warned against"),
    ],
)
def test_a_preposition_after_the_cue_belongs_to_the_cue(read, text, content, cue):
    article, _ = read(text)
    [item] = [q for q in article.quotes if q.kind == "indirect"]
    assert (item.text, item.cue) == (content, cue)


def test_whether_and_what_are_part_of_what_was_asked(read):
    article, _ = read("Councillor Tomas Brandt asked whether the harbour would reopen in May.")
    [item] = [q for q in article.quotes if q.kind == "indirect"]
    assert item.text == "whether the harbour would reopen in May"


@pytest.fixture(scope="module")
def read_story(reader_quotes):
    def run(text: str):
        article = reader_quotes.read(text)
        return article, {e.id: e.name for e in article.entities}

    return run


@pytest.mark.parametrize(
    "headline, content, cue, source",
    [
        ("Mayor Elena Varga says the harbour will reopen in May", "the harbour will reopen in May", "says", "Varga"),
        ("Varga: the harbour will reopen in May", "the harbour will reopen in May", ":", "Varga"),
        ("Poll: most voters back the new harbour plan", "most voters back the new harbour plan", ":", "Poll"),
    ],
)
def test_a_headline_gives_its_source_words(read_story, headline, content, cue, source):
    body = "RIVERTON, May 2 - Mayor Elena Varga spoke to reporters at the harbour on Tuesday.\n"
    article, names = read_story(f"{headline}\n\n{body}")
    [item] = [q for q in article.quotes if q.start < article.text.index("RIVERTON")]
    assert (item.text, item.cue) == (content, cue)
    assert source in (names.get(item.speaker) or item.speaker_text)


@pytest.mark.parametrize(
    "headline",
    [
        "The Latest: harbour will reopen in May",
        "HARBOUR SAYS IT WILL REOPEN IN MAY",
        "Stormy Waters Ahead: the harbour will reopen in May",
    ],
)
def test_a_headline_that_names_no_source_gives_no_quote(read_story, headline):
    article, _ = read_story(f"{headline}\n\nRIVERTON, May 2 - The harbour will reopen in May.\n")
    assert [q for q in article.quotes if q.start < article.text.index("RIVERTON")] == []


def test_a_cue_inside_reported_words_is_part_of_them(read):
    article, _ = read("Police officers say the driver refused to leave the car and tried to drive away.")
    assert [q.cue for q in article.quotes if q.kind == "indirect"] == ["say"]


def test_a_speech_participle_after_a_comma_starts_an_attribution_of_its_own(read):
    article, _ = read("Mayor Elena Varga spoke out about the bridge, arguing that it is safe.")
    found = [(q.cue, q.text) for q in article.quotes if q.kind == "indirect"]
    assert found == [("spoke out about", "the bridge"), ("arguing", "it is safe")]


def test_the_content_of_an_object_cue_stops_before_a_trailing_saying(read):
    article, _ = read("The council defended its budget on Monday, saying the harbour needs repairs.")
    found = [(q.cue, q.text) for q in article.quotes if q.kind == "indirect"]
    assert found == [("defended", "its budget on Monday"), ("saying", "the harbour needs repairs")]


def test_what_was_said_is_the_clause_after_the_cue_when_one_hangs_on_each_side(read):
    article, _ = read("It is an unlikely scenario; the mayor's team says she will return to work next week.")
    [item] = [q for q in article.quotes if q.kind == "indirect"]
    assert (item.cue, item.text) == ("says", "she will return to work next week")


def test_said_takes_no_particle(read):
    article, _ = read("Councillor Tomas Brandt said up to now the harbour has lost money every winter.")
    assert [q.cue for q in article.quotes if q.kind == "indirect"] == ["said"]


def test_a_passive_cue_inside_reported_words_is_no_attribution(read):
    article, _ = read("Councillor Tomas Brandt said the shares may be risky until the losses are reported in May.")
    assert [q.cue for q in article.quotes if q.kind == "indirect"] == ["said"]


@pytest.mark.parametrize(
    "text",
    [
        'The "harbour tax" debate was about fees that Mayor Elena Varga raised when she appeared on local radio.',
        'Riverton "super funds" backed by local families had bought the old mill.',
    ],
)
def test_a_quoted_term_is_no_quote(read, text):
    article, _ = read(text)
    assert [q for q in article.quotes if q.kind == "partial"] == []


def test_quoted_words_as_the_object_of_a_cue_are_a_partial_quote(read):
    article, _ = read('Mayor Elena Varga branded the harbour plan a "costly mistake" on Tuesday.')
    [partial] = [q for q in article.quotes if q.kind == "partial"]
    assert partial.text == "costly mistake" and partial.cue == "branded"


def test_he_never_stands_for_a_woman_the_story_names(read):
    article, names = read(
        'Councillor Tomas Brandt arrived late.\n\n"The bridge is safe," Mayor Elena Varga said.\n\n'
        '"It will close in May anyway," he said.'
    )
    first, second = _direct(article)
    assert "Varga" in names[first.speaker] and "Brandt" in names[second.speaker]


def test_a_cue_ending_its_sentence_reports_what_comes_before_the_comma(read):
    article, _ = read("Harbour plan unclear on whether fishermen are covered, experts say.")
    [item] = [q for q in article.quotes if q.kind == "indirect"]
    assert (item.cue, item.text, item.speaker_text) == (
        "say",
        "Harbour plan unclear on whether fishermen are covered",
        "experts",
    )


def test_according_to_reports_the_side_of_the_clause_that_holds_its_verb(read):
    article, _ = read(
        "Fees would rise 19.9 percent, according to the Harbour Foundation, more than twice what it projected."
    )
    [item] = [q for q in article.quotes if q.kind == "indirect"]
    assert (item.cue, item.text) == ("according to", "Fees would rise 19.9 percent")


def test_a_direct_quotes_cue_gives_no_reported_speech_of_its_own(read):
    article, _ = read('"The harbour is safe," Mayor Elena Varga said in an interview on Monday.')
    assert [(q.kind, q.cue) for q in article.quotes] == [("direct", "said")]


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "In a Riverton Gazette poll released Monday, 48 percent of voters backed the harbour plan.",
            "48 percent of voters backed the harbour plan",
        ),
        ("But in the latest survey, the mayor led her rival by six points.", "the mayor led her rival by six points"),
    ],
)
def test_a_sentence_opening_in_a_poll_reports_the_polls_findings(read, text, content):
    article, _ = read(text)
    [item] = [q for q in article.quotes if q.cue == "in" or q.cue == "In"]
    assert item.text == content
    assert "poll" in item.speaker_text or "survey" in item.speaker_text
    assert item.speaker_type == "document"


def test_a_poll_in_the_middle_of_a_sentence_is_no_source(read):
    article, _ = read("The mayor has a solid lead in the polls ahead of the May vote.")
    assert article.quotes == ()


def test_signed_vox_pop_lines_each_give_their_signer(read_story):
    text = (
        "What Riverton residents said about the harbour plan\n\n"
        "“The harbour is our livelihood. Close it and the town dies.” ― Maria Lopez\n"
        "“I have fished here for forty years and never seen such a mess.”― Tom Okafor\u00a0\n"
        "“We were not asked. Nobody ever asks us.”\u00a0―\u00a0Ines Marlow.\n"
    )
    article, names = read_story(text)
    signed = [
        (q.text[:12], q.cue, names.get(q.speaker) or q.speaker_text) for q in article.quotes if q.kind == "direct"
    ]
    assert [(t, c) for t, c, _ in signed] == [("The harbour ", "―"), ("I have fishe", "―"), ("We were not ", "―")]
    for (_, _, speaker), name in zip(signed, ("Lopez", "Okafor", "Marlow")):
        assert name in speaker


def test_the_verb_right_before_a_quote_is_its_cue_not_an_earlier_one(read):
    article, _ = read(
        'When Mayor Elena Varga noted that the harbour lost money, Tom Okafor boasted, "That makes me smart."'
    )
    cues = {(q.kind, q.cue) for q in article.quotes}
    assert ("direct", "boasted") in cues and ("indirect", "noted") in cues


def test_an_object_cues_content_stops_before_a_comma_set_relative_clause(read):
    article, _ = read("Harbour workers have questioned the judgment of Mayor Elena Varga, who is 70.")
    [item] = [q for q in article.quotes if q.kind == "indirect"]
    assert (item.cue, item.text) == ("questioned", "the judgment of Mayor Elena Varga")


def test_a_clause_of_time_or_cause_after_an_object_cue_is_not_what_was_said(read):
    article, _ = read("Councillor Tomas Brandt condemned the vote because the harbour school would lose its grant.")
    [quote] = [q for q in article.quotes if q.cue == "condemned"]
    assert quote.text == "the vote"
