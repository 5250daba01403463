"""`dateline eval lgl|geowebnews|geovirus DIR`: geoparsing scores.

Two modes, as the geoparsing literature reports them:
- given the gold toponyms: every gold name (with its span) goes to the resolver; scored
  by accuracy@161 km, mean and median error (km) and the AUC of the error curve, with an
  unresolved name counted at the largest possible error (20,039 km);
- end to end from raw text: the full reader finds and resolves places; toponym
  recognition P/R/F1 (a predicted mention matches a gold one when their spans overlap),
  then accuracy@161 km over the matched gold toponyms.
Readers: LGL's ``lgl.xml`` (gaztag lat/lon) and GeoWebNews' ``Geocoding/gwn_full.txt``
with ``Geocoding/files/N`` (the resolution gold its authors published); GeoVirus'
``GeoVirus.xml`` (WikiNews outbreak stories, gold lat/lon per location).
"""

from __future__ import annotations

import math
import statistics
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import typer

from dateline.eval.metrics import f1

MAX_KM = 20039.0
HIT_KM = 161.0


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float
    lon: float


@dataclass(frozen=True)
class GoldDoc:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def read_lgl(root: str | Path) -> list[GoldDoc]:
    """LGL articles with their toponyms that carry coordinates."""
    path = _find(root, "lgl.xml")
    docs: list[GoldDoc] = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for t in art.iter("toponym"):
            gaz = t.find("gaztag")
            if gaz is None or gaz.findtext("lat") is None:
                continue
            tops.append(
                GoldToponym(
                    int(t.findtext("start", "")),
                    int(t.findtext("end", "")),
                    t.findtext("phrase") or "",
                    float(gaz.findtext("lat", "")),
                    float(gaz.findtext("lon", "")),
                )
            )
        docs.append(GoldDoc(art.get("docid", str(len(docs))), text, tuple(tops)))
    return docs


def read_geowebnews(root: str | Path) -> list[GoldDoc]:
    """GeoWebNews resolution gold: line N of gwn_full.txt annotates files/N."""
    gold = _find(root, "gwn_full.txt")
    docs = []
    for n, line in enumerate(gold.read_text(encoding="utf-8").split("\n")):
        source = gold.parent / "files" / str(n)
        if not source.is_file():
            continue
        text = source.read_text(encoding="utf-8")
        tops = []
        for item in filter(None, line.split("||")):
            f = item.split(",,")
            if len(f) >= 6:
                tops.append(GoldToponym(int(f[4]), int(f[5]), f[1], float(f[2]), float(f[3])))
        docs.append(GoldDoc(str(n), text, tuple(sorted(tops, key=lambda t: t.start))))
    return docs


def read_geovirus(root: str | Path) -> list[GoldDoc]:
    """GeoVirus (WikiNews disease-outbreak stories): each location's span and gold lat/lon."""
    path = _find(root, "GeoVirus.xml")
    docs = []
    for n, art in enumerate(ET.parse(path).getroot().iter("article")):
        tops = [
            GoldToponym(
                int(loc.findtext("start", "")),
                int(loc.findtext("end", "")),
                loc.findtext("name") or "",
                float(loc.findtext("lat", "")),
                float(loc.findtext("lon", "")),
            )
            for loc in art.iter("location")
            if loc.findtext("lat") and loc.findtext("lon")
        ]
        text = art.findtext("text") or ""
        docs.append(GoldDoc(str(n), text, tuple(sorted((_realign(text, t) for t in tops), key=lambda t: t.start))))
    return docs


def _realign(text: str, t: GoldToponym, slack: int = 3) -> GoldToponym:
    """The toponym at its name's nearest occurrence within ``slack`` characters of its given span
    (GeoVirus' offsets are often one character late: "rizona," for "Arizona")."""
    if text[t.start : t.end] == t.text:
        return t
    for shift in sorted(range(-slack, slack + 1), key=abs):
        start = t.start + shift
        if start >= 0 and text[start : start + len(t.text)] == t.text:
            return GoldToponym(start, start + len(t.text), t.text, t.lat, t.lon)
    return t


def _find(root: str | Path, name: str) -> Path:
    root = Path(root)
    if root.is_file():
        return root
    found = sorted(root.rglob(name))
    if not found:
        raise FileNotFoundError(f"no {name} under {root}")
    return found[0]


# --- metrics ------------------------------------------------------------------------------


def error_metrics(errors: Sequence[float | None]) -> dict[str, float]:
    """acc@161, mean/median error over answered names, AUC over all (unanswered = max error)."""
    answered = [e for e in errors if e is not None]
    full = [MAX_KM if e is None else e for e in errors]
    n = len(errors) or 1
    auc = sum(math.log(1 + e) for e in full) / (math.log(1 + MAX_KM) * n)
    return {
        "n": len(errors),
        "answered": len(answered),
        "acc161": sum(e <= HIT_KM for e in answered) / n,
        "acc161_answered": sum(e <= HIT_KM for e in answered) / (len(answered) or 1),
        "mean_km": statistics.fmean(answered) if answered else float("nan"),
        "median_km": statistics.median(answered) if answered else float("nan"),
        "auc": auc,
    }


def given_gold(docs: Iterable[GoldDoc], resolver, misses: list[str] | None = None) -> dict[str, float]:
    """Resolve each document's gold names together (one story = one context); each name
    answered more than 161 km off (or not at all) is added to ``misses`` as a line. The names
    are given, the story is read as the reader reads it: the state or country written after a
    name ("Buffalo, New York") is its qualifier here too."""
    from dateline.extract.places import written_qualifier
    from dateline.geo.resolve import Toponym, haversine_km
    from dateline.geo.text import fold, surface

    errors: list[float | None] = []
    started, count = time.perf_counter(), 0
    for doc in docs:
        toponyms = [
            Toponym(t.text, t.start, t.end, "gold", written_qualifier(doc.text, t.end, resolver)) for t in doc.toponyms
        ]
        readings = resolver.resolve(toponyms, text=doc.text)
        count += 1
        for t in doc.toponyms:
            reading = readings.get(fold(surface(t.text)))
            entry = reading.entry if reading else None
            errors.append(haversine_km(entry.lat, entry.lon, t.lat, t.lon) if entry else None)
            if misses is not None and (errors[-1] is None or errors[-1] > HIT_KM):
                why = (*reading.why, *_right_candidate(reading, t)) if reading else ()
                misses.append(_miss_line("gold", doc, t, entry, errors[-1], why))
    out = error_metrics(errors)
    out["ms_per_doc"] = 1000 * (time.perf_counter() - started) / (count or 1)
    return out


def _right_candidate(reading, t: GoldToponym) -> tuple[str, ...]:
    """Where a candidate within 161 km of the gold point ranked, if one was weighed."""
    from dateline.geo.resolve import haversine_km

    for rank, entry in enumerate(reading.candidates):
        if haversine_km(entry.lat, entry.lon, t.lat, t.lon) <= HIT_KM:
            score = reading.scores[rank] if rank < len(reading.scores) else float("nan")
            return (
                f"right candidate #{rank + 1}: {entry.name} [{entry.country} {entry.fcode}] {score} vs {reading.score:.2f}",
            )
    return ("no right candidate",) if reading.candidates else ()


def _miss_line(mode: str, doc: GoldDoc, t: GoldToponym, got, km: float | None, why: Sequence[str] = ()) -> str:
    """One miss as a tab-separated line: mode, document, name, gold point, what was answered, km, why."""
    answer = f"{got.name} [{got.country} {getattr(got, 'fcode', None) or getattr(got, 'feature', '')}]" if got else "-"
    point = f"{got.lat:.2f},{got.lon:.2f}" if got and got.lat is not None else "-"
    distance = "-" if km is None else f"{km:.0f}"
    context = " ".join(doc.text[max(0, t.start - 40) : t.end + 40].split())
    return "\t".join(
        [mode, doc.id, t.text, f"{t.lat:.2f},{t.lon:.2f}", answer, point, distance, "; ".join(why), context]
    )


def end_to_end(docs: Sequence[GoldDoc], reader, misses: list[str] | None = None) -> dict[str, float]:
    """Read raw text with the full reader; score recognition, then resolution on matches;
    each gold name missed, or matched but placed more than 161 km off, goes to ``misses``."""
    from dateline.geo.resolve import haversine_km

    tp = n_pred = n_gold = 0
    errors: list[float | None] = []
    started = time.perf_counter()
    for doc in docs:
        article = reader.read(doc.text)
        predicted = [(m.start, m.end, p) for p in article.places for m in p.mentions]
        n_pred += len(predicted)
        n_gold += len(doc.toponyms)
        for t in doc.toponyms:
            match = next((p for s, e, p in predicted if s < t.end and t.start < e), None)
            if match is None:
                if misses is not None:
                    misses.append(_miss_line("e2e-unfound", doc, t, None, None))
                continue
            tp += 1
            errors.append(haversine_km(match.lat, match.lon, t.lat, t.lon) if match.lat is not None else None)
            if misses is not None and (errors[-1] is None or errors[-1] > HIT_KM):
                misses.append(
                    _miss_line("e2e", doc, t, match, errors[-1], match.evidence.why if match.evidence else ())
                )
    p = tp / (n_pred or 1)
    r = tp / (n_gold or 1)
    out = {"precision": p, "recall": r, "f1": f1(p, r), "s_per_doc": (time.perf_counter() - started) / (len(docs) or 1)}
    out.update({f"matched_{k}": v for k, v in error_metrics(errors).items()})
    return out


# --- command line -------------------------------------------------------------------------

ERRORS_HELP = "Write each miss (name, gold point, answer, km, why, context) to this TSV file."
MORDECAI3 = {"lgl": 82.7, "geowebnews": 94.1}  # published acc@161 given gold names


def register(eval_app: typer.Typer) -> None:
    eval_app.command("lgl")(lgl)
    eval_app.command("geowebnews")(geowebnews)
    eval_app.command("geovirus")(geovirus)


def lgl(
    path: str = typer.Argument(..., help="LGL folder or lgl.xml, e.g. ../shared/data/lgl"),
    mode: str = typer.Option("both", "--mode", help="gold | e2e | both"),
    limit: int = typer.Option(None, "--limit", help="Only the first N articles."),
    gazetteer: str = typer.Option(None, "--gazetteer", help="Gazetteer file (default: the cached one)."),
    errors: Path = typer.Option(None, "--errors", help=ERRORS_HELP),
) -> None:
    """Geoparsing on LGL (local US news): acc@161 km given gold names, and end to end."""
    _run("lgl", read_lgl(path)[:limit], mode, gazetteer, errors)


def geowebnews(
    path: str = typer.Argument(..., help="GeoWebNews folder, e.g. ../shared/data/geowebnews"),
    mode: str = typer.Option("both", "--mode", help="gold | e2e | both"),
    limit: int = typer.Option(None, "--limit", help="Only the first N articles."),
    gazetteer: str = typer.Option(None, "--gazetteer", help="Gazetteer file."),
    errors: Path = typer.Option(None, "--errors", help=ERRORS_HELP),
) -> None:
    """Geoparsing on GeoWebNews: acc@161 km given gold names, and end to end."""
    _run("geowebnews", read_geowebnews(path)[:limit], mode, gazetteer, errors)


def geovirus(
    path: str = typer.Argument(..., help="GeoVirus folder or GeoVirus.xml, e.g. ../shared/data/geovirus"),
    mode: str = typer.Option("both", "--mode", help="gold | e2e | both"),
    limit: int = typer.Option(None, "--limit", help="Only the first N articles."),
    gazetteer: str = typer.Option(None, "--gazetteer", help="Gazetteer file."),
    errors: Path = typer.Option(None, "--errors", help=ERRORS_HELP),
) -> None:
    """Geoparsing on GeoVirus (WikiNews outbreak stories): acc@161 km given gold names, and end to end."""
    _run("geovirus", read_geovirus(path)[:limit], mode, gazetteer, errors)


def _run(name: str, docs: list[GoldDoc], mode: str, gazetteer: str | None, errors: Path | None = None) -> None:
    from dateline.geo import load
    from dateline.geo.resolve import Resolver

    gaz = load(gazetteer)
    misses: list[str] | None = [] if errors else None
    typer.echo(f"{name}: {len(docs)} articles, {sum(len(d.toponyms) for d in docs)} gold toponyms with coordinates")
    if mode in ("gold", "both"):
        m = given_gold(docs, Resolver(gaz), misses)
        typer.echo(
            f"given gold names: acc@161km {100 * m['acc161']:.1f}"
            + (f" (Mordecai3 {MORDECAI3[name]})" if name in MORDECAI3 else "")
            + ", "
            f"answered {m['answered']}/{m['n']} (acc@161 on answered {100 * m['acc161_answered']:.1f}), "
            f"mean {m['mean_km']:.0f} km, median {m['median_km']:.1f} km, AUC {m['auc']:.3f}, "
            f"{m['ms_per_doc']:.1f} ms/article"
        )
    if mode in ("e2e", "both"):
        import os

        from dateline.reader import Reader

        if gazetteer:
            os.environ["DATELINE_GAZETTEER"] = gazetteer
        m = end_to_end(docs, Reader(extractors=["entities", "places"]), misses)
        typer.echo(
            f"end to end: toponyms P {100 * m['precision']:.1f} R {100 * m['recall']:.1f} "
            f"F1 {100 * m['f1']:.1f}; on matched: acc@161km {100 * m['matched_acc161']:.1f}, "
            f"median {m['matched_median_km']:.1f} km; {m['s_per_doc']:.2f} s/article"
        )
    if errors and misses is not None:
        header = "mode\tdoc\tname\tgold\tanswer\tpoint\tkm\twhy\tcontext"
        errors.write_text("\n".join([header, *misses]) + "\n", encoding="utf-8")
        typer.echo(f"{len(misses)} misses written to {errors}")
