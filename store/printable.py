"""The one sanitiser for anything a terminal, a log line or a spreadsheet shows that came from outside: file names,
paths, outlets, titles, reviewer names, notes and article text.

Control characters become visible symbols, one character for one, so offsets into the text stay valid and a
reviewer sees that something was there: C0 controls their Unicode control pictures (ESC shows as ␛), DEL ␡, C1
controls, the direction embeddings, overrides and isolates that could reorder what is shown (U+202A-U+202E,
U+2066-U+2069), line and paragraph separators and lone surrogates U+FFFD. Bidi *marks* (U+200E/F, U+061C),
ZWNJ and ZWJ are text and stay."""

from __future__ import annotations

import re

_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"[\n\r]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀..␟: visible, one cell, never interpreted by a terminal
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def printable(text: str, *, one_line: bool = False) -> str:
    """text with every control character made visible (see the module docstring); tabs become one space. With
    one_line, line breaks become spaces too (a name, a table cell, a log line). Length is kept."""
    text = text.replace("\t", " ")
    if _UNSAFE.search(text):
        text = _UNSAFE.sub(_picture, text)
    if one_line and ("\n" in text or "\r" in text):
        text = _LINE_BREAKS.sub(" ", text)
    return text
