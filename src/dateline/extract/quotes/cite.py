"""A quote as a reader would cite it: its whole sentence, with the attribution.

The record keeps spans; the quote panel (web page and ``dateline quotes``) wants text
one can paste: the sentence(s) holding the quote and its cue, and the speaker's name
after a dash when the sentence itself does not name them ("...," he said — Jane Smith).
Works on the record as a dict, so the web pages (which read stored JSON) and the command
line (which has the dataclasses, through ``to_dict``) share it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

MODALITY_NOTES = {"negated": "not said", "hypothetical": "hypothetical"}


def sentence_text(text: str, quote: Mapping[str, Any]) -> str:
    """The quote's sentence with its white space folded, or the quote's own text."""
    span = quote.get("sentence")
    if not span or not text:
        return " ".join(str(quote.get("text") or "").split())
    return " ".join(text[span["start"] : span["end"]].split())


def citation(text: str, quote: Mapping[str, Any], speaker_name: str | None) -> str:
    """The sentence, followed by " — Name" when the sentence does not name the speaker by that name."""
    sentence = sentence_text(text, quote)
    if speaker_name and not _names(sentence, speaker_name):
        return f"{sentence} — {speaker_name}"
    return sentence


def _names(sentence: str, name: str) -> bool:
    """Does the sentence name the speaker (in full, or by the last word: "Ushakov")?"""
    folded = sentence.casefold()
    return name.casefold() in folded or name.split()[-1].casefold() in folded.split()


def speaker_names(record: Mapping[str, Any]) -> dict[str, str]:
    """A display name per speaker id: the entity's name, else the words naming it in a quote."""
    names = {e["id"]: e.get("name") for e in record.get("entities") or ()}
    for q in record.get("quotes") or ():
        for sid in q.get("speakers") or ([q["speaker"]] if q.get("speaker") else []):
            if sid not in names and q.get("speaker_text") and sid == q.get("speaker"):
                names[sid] = q["speaker_text"]
    return {k: v for k, v in names.items() if v}


def attribution(quote: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """Who, how and in what mood: "Jane Smith and Tom Ruiz (named), said, not said"."""
    ids = quote.get("speakers") or ([quote["speaker"]] if quote.get("speaker") else [])
    who = " and ".join(names.get(i) or i for i in ids) or quote.get("speaker_text") or "unknown"
    parts = [who + (f" ({quote['speaker_type']})" if quote.get("speaker_type") else "")]
    if quote.get("cue"):
        parts.append(str(quote["cue"]))
    note = MODALITY_NOTES.get(str(quote.get("modality")))
    if note:
        parts.append(note)
    return ", ".join(parts)
