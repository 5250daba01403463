"""Invented stories for the API and page tests, one with markup in its text (untrusted input)."""
from __future__ import annotations

from store_fixtures import make_article

HARBOUR = make_article(
    "Mara Velt met Osei Brandt in Lisbon on Tuesday to discuss the fishing treaty. "
    "\"We have a deal on quotas,\" Mara Velt said after the meeting. Osei Brandt of the Harbour Council "
    "called the fishing treaty fair.",
    headline="Velt and Brandt agree fishing quotas in Lisbon", published="2031-03-04T10:00:00+00:00",
    people={"Mara Velt": ("foreign minister",), "Osei Brandt": ("council chairman",)}, orgs=("Harbour Council",),
    places=(("Lisbon", 38.72, -9.14, "PT"),), quotes=(("Mara Velt", "We have a deal on quotas,"),),
    events=(("met", "Mara Velt", "2031-03-04"),), authors=("Ines Carvo",))

FLOOD = make_article(
    "Floods cut roads around Nairobi as rivers rose overnight, said Tomas Ekker of the Rain Agency. "
    "\"The water came in hours,\" Tomas Ekker said.",
    headline="Floods cut roads around Nairobi", agency="AFP", published="2031-05-20T08:00:00+00:00",
    people={"Tomas Ekker": ("spokesman",)}, orgs=("Rain Agency",), places=(("Nairobi", -1.29, 36.82, "KE"),),
    quotes=(("Tomas Ekker", "The water came in hours,"),), events=(("rose", "Tomas Ekker", "2031-05-19"),))

HOSTILE = make_article(
    "Lena Dorn posted <script>window.pwned=1</script> on the Oslo council site. "
    "\"<img src=x onerror=alert(1)> is not a policy,\" Lena Dorn said.",
    headline="Oslo site <b>defaced</b>", agency="AP", published="2031-06-01T12:00:00+00:00",
    people={"Lena Dorn": ("councillor",)}, places=(("Oslo", 59.91, 10.75, "NO"),),
    quotes=(("Lena Dorn", "<img src=x onerror=alert(1)> is not a policy,"),))

STORIES = (HARBOUR, FLOOD, HOSTILE)
