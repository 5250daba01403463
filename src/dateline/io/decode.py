"""Bytes to text. The encoding is guessed, never trusted; failure is a ``DecodeError`` with a reason."""

from __future__ import annotations

import codecs


class DecodeError(ValueError):
    """The bytes are not text we can read."""


def decode(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252; newlines become LF.

    Spans in the record are offsets into this decoded text.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _try(data, "utf-16")
    else:
        if _looks_binary(data):
            raise DecodeError("binary file, not text")
        text = _try(data, "utf-8-sig") or _try(data, "cp1252")
    if text is None:
        raise DecodeError("invalid text encoding (neither UTF-8 nor Windows-1252)")
    if "\x00" in text:
        raise DecodeError("binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB mean a binary file."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05
