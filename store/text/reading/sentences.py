"""Sentence splitting with offsets into the article text.

CONTRACT:
    Sentence(idx, start, end, text)          text == article_text[start:end]
    split_sentences(text: str) -> list[Sentence]

Rules: a sentence ends at . ! ? ؟ … (a run of them counts once), at every line break, and at the separators web
pages glue a headline to the site's name and menus ("تنفي إصابة قائدها | الجزيرة مباشر", "الأخبار > > كيف"),
never at the Arabic comma ،. A quotation (“…”, "…", «…») whose closing mark is on the same line is kept whole, so
`“تم إحراز تقدم كبير!” كتب ترامب` is one sentence. A dot inside a number (2.5), a domain (sabq.org), after
an initial (U.S., د.) or inside a short bracket ("(إيه.بي.سي)") does not end a sentence. Pieces without a letter
or digit are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Sentence:
    idx: int  # position in the article, from 0
    start: int  # offset of the first character in the article text
    end: int  # offset one past the last character
    text: str  # == article_text[start:end], stripped


_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
# A pipe or a run of ">" with space on both sides separates page furniture (title | site | menu), never two
# parts of one statement; inside a line it ends a piece as a line break does.
_SEPARATOR = re.compile(r"\s+(?:\||>(?:\s*>)+|»(?:\s*»)+)\s+")
_TERMINATOR_RUN = re.compile(r"[.!?؟…]+")
# Characters that may follow a terminator and still belong to the sentence: closing quotes and brackets.
_TRAILING_CLOSERS = "”“\"»’')]}"
# Quotation families: any mark of the family closes a quote it opened (Arabic copy mixes “ and ” freely).
_QUOTE_FAMILIES = ("“”„‟", "«»", '"')
_QUOTE_MARK = re.compile("[" + re.escape("".join(_QUOTE_FAMILIES)) + "]")
# A "quote" longer than this is more likely an unpaired mark than real speech; its stops are honoured.
_MAX_QUOTE_CHARS = 400
# Whitespace and invisible marks trimmed from both ends of a sentence.
_TRIM = " \t\f\v\u00a0\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff"
# Abbreviations that end with a dot but not a sentence.
# Arabic titles shortened to one letter: د. (doctor), أ. (professor), م. (engineer), ل. (major general).
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "no", "inc", "ltd", "co", "د", "أ", "م", "ل"}
)


def split_sentences(text: str) -> list[Sentence]:
    """Split at . ! ? ؟ … and line breaks, never at the Arabic comma; drop empty pieces."""
    sentences: list[Sentence] = []
    for line in _LINE.finditer(text):
        for offset, piece in _pieces(line.group(0), line.start()):
            for start, end in _split_line(piece):
                start, end = _trim(text, offset + start, offset + end)
                if start < end and _has_content(text[start:end]):
                    sentences.append(Sentence(len(sentences), start, end, text[start:end]))
    return sentences


def _pieces(line: str, offset: int) -> list[tuple[int, str]]:
    """(offset in the text, piece) of a line cut at furniture separators (_SEPARATOR)."""
    out, start = [], 0
    for sep in _SEPARATOR.finditer(line):
        out.append((offset + start, line[start : sep.start()]))
        start = sep.end()
    out.append((offset + start, line[start:]))
    return out


def _split_line(line: str) -> list[tuple[int, int]]:
    """Spans of one line's sentences, in line offsets (untrimmed)."""
    quoted = _quote_spans(line) + _bracket_spans(line)
    spans: list[tuple[int, int]] = []
    piece_start = 0
    for stop in _TERMINATOR_RUN.finditer(line):
        if _inside(stop.start(), quoted) or not _ends_sentence(line, stop):
            continue
        end = _extend_over_closers(line, stop.end())
        spans.append((piece_start, end))
        piece_start = end
    spans.append((piece_start, len(line)))
    return spans


def _quote_spans(line: str) -> list[tuple[int, int]]:
    """(open, close) offsets of quotations that close on this line, paired left to right: a mark opens a quote
    closed by the next mark of its family (if near enough), and pairing goes on after the close."""
    marks = [(m.start(), _family_of(m.group())) for m in _QUOTE_MARK.finditer(line)]
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(marks):
        i, family = marks[k]
        after = next((n for n in range(k + 1, len(marks)) if marks[n][1] == family), None)
        if after is None or marks[after][0] - i > _MAX_QUOTE_CHARS:
            k += 1
            continue
        spans.append((i, marks[after][0]))
        k = after + 1
    return spans


# A bracket closed this near holds an acronym spelled with dots ("(إيه.بي.سي)", "(بي. بي. سي)") or a short
# aside, never the end of a sentence; a longer one is more likely unpaired.
_MAX_BRACKET_CHARS = 40


def _bracket_spans(line: str) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(r"\(", line):
        close = line.find(")", m.end())
        if 0 <= close - m.start() <= _MAX_BRACKET_CHARS and "(" not in line[m.end() : close]:
            spans.append((m.start(), close))
    return spans


def _family_of(char: str) -> str | None:
    for family in _QUOTE_FAMILIES:
        if char in family:
            return family
    return None


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(open_ < position < close for open_, close in spans)


def _ends_sentence(line: str, stop: re.Match[str]) -> bool:
    """A single dot between digits, between Latin letters, or after an initial/abbreviation is not a stop."""
    if stop.group(0) != ".":
        return True
    before = line[stop.start() - 1] if stop.start() > 0 else ""
    after = line[stop.end()] if stop.end() < len(line) else ""
    if before.isdigit() and (
        after.isdigit() or (after in "\u200f\u061c" and line[stop.end() + 1 : stop.end() + 2].isdigit())
    ):
        return False  # 2.5, and "5.\u200f2" (store.text.tokens: a decimal shown right to left)
    if _is_latin_alnum(before) and _is_latin_alnum(after):
        return False  # sabq.org, U.S.A
    word = _word_before(line, stop.start())
    if word:
        if len(word) == 1 and after.isalpha():
            return False  # أ.د, U.S
        era = word in ("م", "هـ") and line[: stop.start() - len(word)].rstrip()[-1:].isdigit()  # "عام 2015 م."
        if after == " " and not era and (word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())):
            return False  # Dr. Smith, د. محمد, م. أحمد, J. Smith
    return True


def _word_before(line: str, end: int) -> str:
    """The run of word characters (what \\w matches: alphanumerics and "_") just before line[end]."""
    start = end
    while start > 0 and (line[start - 1].isalnum() or line[start - 1] == "_"):
        start -= 1
    return line[start:end]


def _is_latin_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _extend_over_closers(line: str, end: int) -> int:
    while end < len(line) and line[end] in _TRAILING_CLOSERS:
        end += 1
    return end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in _TRIM or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _TRIM or text[end - 1].isspace()):
        end -= 1
    return start, end


def _has_content(piece: str) -> bool:
    return any(char.isalnum() for char in piece)
