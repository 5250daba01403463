"""Time expressions: rule-based recognition and TIMEX3 normalisation on a story's own date.

>>> from datetime import date
>>> [(t.text, t.value) for t in find_timexes("They met on Tuesday.", date(2019, 4, 24))]
[('Tuesday', '2019-04-23')]
"""

from dateline.time.normalise import TimexMatch, find_timexes

__all__ = ["TimexMatch", "find_timexes"]
