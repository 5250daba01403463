"""The entity page's data: the store's profile of one archive entity, and its co-occurrence
network laid out for drawing (an SVG the server writes: no script, nothing fetched)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from dateline.store import Store
from dateline.store.models import EntityProfile
from dateline.views.export import APPEARANCE_COLUMNS, Table, place_columns

SIZE = 360  # the network's square viewBox, in its own units
RING = 130  # distance of the co-occurring entities from the centre


@dataclass(frozen=True, slots=True)
class Node:
    id: int
    name: str
    type: str
    x: float
    y: float
    r: float
    shared: int  # stories shared with the page's entity (0 for the entity itself)


@dataclass(frozen=True, slots=True)
class Edge:
    source: int
    target: int
    stories: int
    x1: float
    y1: float
    x2: float
    y2: float
    width: float


@dataclass(frozen=True, slots=True)
class Network:
    size: int
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class EntityView:
    profile: EntityProfile
    network: Network

    def to_dict(self) -> dict[str, Any]:
        return self.profile.to_dict()

    def table(self) -> Table:
        e = self.profile.entity
        rows = [
            {"entity_id": e.id, "entity": e.name, **a.to_dict(), **place_columns(a.place)}
            for a in self.profile.appearances
        ]
        return Table(f"entity-{e.id}", APPEARANCE_COLUMNS, rows)


def entity_view(store: Store, entity: str | int, *, limit: int = 50) -> EntityView | None:
    """The profile of an entity by archive id (or name: the most reported namesake), or None."""
    profile = store.entity(entity, limit=limit)
    return EntityView(profile, network(profile)) if profile else None


def network(profile: EntityProfile) -> Network:
    """The entity at the centre, the entities named with it on a ring (most shared first, from
    the top, clockwise), sized by shared stories; an edge for each pair the stories name together."""
    ids = {link.source for link in profile.links} | {link.target for link in profile.links}
    others = [(o, n) for o, n in profile.co_occurring if o.id in ids]
    if not others:
        return Network(SIZE)
    top = max(n for _, n in others)
    centre = SIZE / 2
    e = profile.entity
    nodes = {e.id: Node(e.id, e.name, e.type, centre, centre, 14.0, 0)}
    for i, (o, n) in enumerate(others):
        angle = 2 * math.pi * i / len(others) - math.pi / 2
        nodes[o.id] = Node(
            o.id,
            o.name,
            o.type,
            round(centre + RING * math.cos(angle), 1),
            round(centre + RING * math.sin(angle), 1),
            round(4 + 8 * math.sqrt(n / top), 1),
            n,
        )
    heaviest = max(link.stories for link in profile.links)
    edges = [
        Edge(
            link.source,
            link.target,
            link.stories,
            nodes[link.source].x,
            nodes[link.source].y,
            nodes[link.target].x,
            nodes[link.target].y,
            round(0.5 + 3.5 * link.stories / heaviest, 2),
        )
        for link in profile.links
        if link.source in nodes and link.target in nodes
    ]
    return Network(SIZE, list(nodes.values()), edges)
