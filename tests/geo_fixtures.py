"""Small gazetteers built from a test's own GeoNames fixture, and the places extractor over them,
shared by the places and geo tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from dateline.extract.base import StoryContext, build_extractor
from dateline.geo import store
from dateline.geo.build import import_dump
from dateline.record import Entity, Mention, Place
from dateline.structure import parse_structure


def build_gazetteer(path: Path, dump: Path, names: Iterable[tuple[str, int, int]] = ()) -> Path:
    """Import ``dump`` into ``path`` and add the extra ``(name, geonameid, kind)`` rows."""
    import_dump(path, dump)
    conn = store.connect(path)
    store.write_names(conn, list(names))
    conn.commit()
    conn.close()
    return path


def places_reader(nlp, gazetteer_path: Path, by_name: bool = False) -> Callable[..., dict[str, Place]]:
    """``read(text, *entities)``: the places of an invented story whose entities are given as
    (type, name) pairs, every occurrence of a name a mention; keyed by mention text as written,
    and with ``by_name`` by the place's name too ("Washington" for "WASHINGTON")."""
    places = build_extractor("places", gazetteer=str(gazetteer_path))

    def read(text: str, *entities: tuple[str, str]) -> dict[str, Place]:
        layout = parse_structure(text)
        doc = nlp(layout.text[: layout.body.end])
        ents = []
        for n, (kind, name) in enumerate(entities):
            spans, at = [], layout.text.find(name)
            while at >= 0:
                spans.append(Mention(at, at + len(name), name))
                at = layout.text.find(name, at + 1)
            ents.append(Entity(f"e{n}", kind, name, tuple(spans)))
        found = places(StoryContext(layout=layout, doc=doc, parts={"entities": tuple(ents)}))
        named = {p.name: p for p in found} if by_name else {}
        return {**named, **{m.text: p for p in found for m in p.mentions}}

    return read
