"""Invented stories for the API and page tests, one with markup in its text (untrusted input)."""

from __future__ import annotations

from store_fixtures import FLOOD, HARBOUR, make_article

HOSTILE = make_article(
    "Lena Dorn posted <script>window.pwned=1</script> on the Oslo council site. "
    '"<img src=x onerror=alert(1)> is not a policy," Lena Dorn said.',
    headline="Oslo site <b>defaced</b>",
    agency="AP",
    published="2031-06-01T12:00:00+00:00",
    people={"Lena Dorn": ("councillor",)},
    places=(("Oslo", 59.91, 10.75, "NO"),),
    quotes=(("Lena Dorn", "<img src=x onerror=alert(1)> is not a policy,"),),
)

STORIES = (HARBOUR, FLOOD, HOSTILE)
