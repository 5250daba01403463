"""The declared extractor contract: a pipeline that cannot run fails when the reader is built."""

from __future__ import annotations

import pytest

from dateline.extract.base import PipelineError, check_pipeline, registration
from dateline.reader import DEFAULT_EXTRACTORS, Reader


def test_a_typo_fails_the_build_and_names_the_fix():
    with pytest.raises(PipelineError, match=r"no extractor named 'quotse'; did you mean 'quotes'\?"):
        Reader(extractors=["quotse", "places"])


def test_a_missing_requirement_fails_the_build():
    with pytest.raises(PipelineError, match=r"'places' reads 'entities': list 'entities' before 'places'"):
        Reader(extractors=["places"])


def test_requirements_must_come_first():
    with pytest.raises(PipelineError, match="'quotes' reads 'entities'"):
        check_pipeline(("quotes", "entities"))


def test_an_extractor_listed_twice():
    with pytest.raises(PipelineError, match="'timexes' is listed twice"):
        check_pipeline(("timexes", "timexes"))


@pytest.mark.parametrize(
    "names", [DEFAULT_EXTRACTORS, ("timexes",), ("entities", "quotes"), ("entities", "places"), ()]
)
def test_pipelines_the_project_uses_are_valid(names):
    check_pipeline(names)


def test_events_declares_what_it_reads():
    declared = registration("events")
    assert declared.assigns == "events"
    assert set(declared.requires) == {"entities", "timexes", "places", "quotes"}


def test_cli_turns_a_bad_pipeline_into_a_clean_error():
    import typer

    from dateline.cli.common import make_reader

    with pytest.raises(typer.Exit) as exit_:
        make_reader(None, ["quotse"])
    assert exit_.value.exit_code == 2
