"""Stage 2: the story's own structure (headline, agency, byline, dateline, credits...), no NLP."""

from dateline.structure.layout import CreditLine, DatelineField, Field, Layout
from dateline.structure.parser import parse_structure

__all__ = ["Field", "Layout", "CreditLine", "DatelineField", "parse_structure"]
