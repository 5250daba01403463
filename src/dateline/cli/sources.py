"""What `dateline ingest` and `dateline watch` share: how pages are fetched, and the run summary."""

from __future__ import annotations

import typer

from dateline.io.fetch import USER_AGENT, FetchSettings
from dateline.io.formats import Options

FETCH_OPT = typer.Option(
    False,
    "--fetch",
    help="Fetch each feed entry's page and read its main text (robots.txt obeyed, one request per host per --delay).",
)
DELAY_OPT = typer.Option(1.0, "--delay", help="Seconds between two requests to one host.")
TIMEOUT_OPT = typer.Option(20.0, "--timeout", help="Seconds allowed for one page, first byte to last.")
USER_AGENT_OPT = typer.Option(USER_AGENT, "--user-agent", help="User agent sent with every request.")


def make_options(fetch: bool, delay: float, timeout: float, user_agent: str) -> Options:
    return Options(fetch_pages=fetch, fetch=FetchSettings(user_agent=user_agent, timeout=timeout, delay=delay))


def summary(report) -> list[str]:
    """The run in a few lines: counts, languages, structure-only stories, records passed over."""
    lines = [
        f"added {report.added}, skipped {report.skipped} already in the archive, "
        f"merged {report.merged} as another source of an archived story, failed {len(report.failed)} "
        f"in {report.seconds:.1f} s ({report.rate:.1f} stories/s)"
    ]
    if report.languages:
        langs = ", ".join(f"{lang} {n}" for lang, n in report.languages.most_common())
        lines.append(f"languages: {langs}; {report.structure_only} not in English, stored with their structure only")
    if report.passed_over:
        lines.append("passed over: " + ", ".join(f"{n} {why}" for why, n in report.passed_over.most_common()))
    return lines
