"""Entities: spaCy NER mentions grouped by name (issue 3 refines this)."""
from __future__ import annotations

from dateline.extract.base import StoryContext, register
from dateline.record import Entity, Mention


@register("entities")
def make_entities() -> "callable":
    return extract_entities


def extract_entities(ctx: StoryContext) -> tuple[Entity, ...]:
    groups: dict[tuple[str, str], list[Mention]] = {}
    for ent in ctx.doc.ents:
        key = (ent.label_, ent.text)
        groups.setdefault(key, []).append(Mention(ent.start_char, ent.end_char, ent.text))
    journalists = set(ctx.layout.journalist_names)
    return tuple(
        Entity(id=f"e{i}", type=label, name=name, mentions=tuple(ms), journalist=name in journalists)
        for i, ((label, name), ms) in enumerate(groups.items(), start=1)
    )
