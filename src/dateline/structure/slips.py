"""Slips of the wire's keyboard in a dateline, read for what they mean: a month one letter off
("Narch 2", "Marc 16"), a place typed without its capitals ("La paz", "Mexico city")."""

from __future__ import annotations

from dateline.structure import patterns as P

# Month names long enough that one letter off still says which ("Marc", "Mach", "Narch",
# "Marchg"); "Mar", "Jun" or "May" one letter off could be any short word.
_LONG_MONTHS = {name: number for name, number in P.MONTHS.items() if len(name) >= 4}


def slipped_month(date_text: str) -> int | None:
    """The month a mistyped date names: its word a month's name, or one letter off a unique
    month's name of four letters or more; None when the word names no month."""
    word = date_text.split()[0].rstrip(".").lower()
    if word in P.MONTHS:
        return P.MONTHS[word]
    months = {number for name, number in _LONG_MONTHS.items() if _one_edit(word, name)}
    return months.pop() if len(months) == 1 else None


def repaired_date(date_text: str) -> tuple[int, int] | None:
    """(month, day) of a mistyped date whose day is still a day ("Marc 16" -> March 16); None
    when the day is garbled too ("March 187", "March 2O")."""
    month = slipped_month(date_text)
    day = date_text.split()[-1]
    if month is None or not day.isdigit() or not 1 <= int(day) <= 31:
        return None
    return month, int(day)


def lower_words(places: str) -> bool:
    """Whether a dateline's places hold a word in lower case other than a name's own small
    words ("Rio de Janeiro"): copy typed without its capitals ("La paz", "New york")."""
    return any(w[:1].islower() and w not in P.PLACE_CONNECTORS for part in places.split("/") for w in part.split()[1:])


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one letter put in, left out or changed."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]
