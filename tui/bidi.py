"""Right-to-left text for terminals that do no bidi (tmux, xterm, kitty, xterm.js...): display only.

Stored text stays in logical order everywhere; this module only builds what is written to the screen
(notes/rtl.md §5):

1. split into paragraphs on line breaks ourselves (python-bidi must never see a newline);
2. the paragraph's direction comes from the paragraph as a whole, never from one wrapped line;
3. optionally shape Arabic (presentation forms; harakat kept, no ﷲ ligature), keeping a map to the source;
4. resolve embedding levels once per paragraph (python-bidi's pure-Python steps X1–I2);
5. wrap the *logical* string at the width;
6. per visual line apply L1–L4 (whitespace reset, reversal, combining marks after their base, mirroring);
7. RTL lines are right-aligned by the caller; single-line cells are truncated in logical order first.

Every visual character keeps the logical range it came from, so highlights computed on the stored text
(claim spans, search hits, the claim's sentence in an article) land on the right cells after reordering.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rich.cells import cell_len

from factcheck_tui.store.printable import printable

ELLIPSIS = "…"

# -- what the terminal can be trusted with --------------------------------------------------------------


def sanitize(text: str) -> str:
    """Make text safe to draw (store.printable): control characters become visible symbols, one character for
    one, so that logical offsets stay valid. Tabs become one space (offsets again), line breaks are kept."""
    return printable(text)


def one_line(text: str) -> str:
    """For single-line cells: line breaks become spaces (one for one, so offsets hold)."""
    return printable(text, one_line=True)


# -- direction ------------------------------------------------------------------------------------------

_STRONG_RTL = {"R", "AL"}


def is_rtl(text: str) -> bool:
    """Direction of a paragraph. UAX#9 P2/P3 takes the first strong character; Arabic news sentences often open
    with a Latin name or a number ("Zelensky ...", "200 مليون"), so the majority of *words* decides (a long Latin
    name is one word), with the first strong character breaking ties. Never called per wrapped line."""
    rtl = ltr = 0
    first = None
    for word in text.split():
        for ch in word:
            kind = unicodedata.bidirectional(ch)
            if kind in _STRONG_RTL:
                rtl += 1
                first = first or "R"
                break
            if kind == "L":
                ltr += 1
                first = first or "L"
                break
    if rtl == ltr:
        return first == "R"
    return rtl > ltr


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in _STRONG_RTL for ch in text)


# -- shaping --------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _reshaper():
    try:
        from arabic_reshaper import ArabicReshaper
    except ImportError:  # optional at run time: without it we only reorder
        return None
    return ArabicReshaper(
        configuration={
            "delete_harakat": False,  # the defaults silently drop all tashkeel
            "support_ligatures": True,
            "ARABIC LIGATURE ALLAH": False,  # one cell ﷲ glyph, and a different word on screen
        }
    )


_MARKS = ("Mn", "Me")  # the general categories of combining marks (harakat among them)


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch) in _MARKS


# Kept per text, not per width: the evidence is laid out again at another width when focus mode (z) widens its
# pane, and shaping is a third of laying out Arabic. The mapping is shared: callers read it, never change it. A
# few screens' worth: an entry holds a pair of offsets per letter (~20 KB for a news sentence).
@lru_cache(maxsize=512)
def shape(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Arabic presentation forms for text, and for each shaped character the source range it stands for."""
    reshaper = _reshaper()
    if reshaper is None or not any("\u0600" <= ch <= "\u06ff" for ch in text):
        return text, [(i, i + 1) for i in range(len(text))]
    try:
        shaped = reshaper.reshape(text)
    except IndexError:
        # arabic_reshaper 3.1 fails on a joiner (ZWJ) just before a lam-alef ligature ("\u200dلا"): that text is
        # shown unshaped, its letters unjoined, rather than taking the screen down
        return text, [(i, i + 1) for i in range(len(text))]
    if unicodedata.is_normalized("NFKC", text) and not any(c in _MARKS for c in map(unicodedata.category, text)):
        mapping = _align_unmarked(shaped)
        if mapping and mapping[-1][1] == len(text):  # every letter accounted for (a glyph NFKC keeps whole is not)
            return shaped, mapping
    return shaped, _align(text, shaped)


@lru_cache(maxsize=4096)
def _letters_of(glyph: str) -> int:
    """How many letters a shaped glyph stands for: 2 for a lam-alef ligature, 1 for a presentation form."""
    return len(unicodedata.normalize("NFKC", glyph)) or 1


def _align_unmarked(shaped: str) -> list[tuple[int, int]]:
    """_align for a text without harakat and without compatibility characters of its own (a ligature or "…"
    already in the source decomposes into more letters than it is), whose shaping only swaps letters for their
    forms and joins ligatures in place: each glyph stands for the next letters, as many as it decomposes into.
    A tenth of _align's time; test_bidi checks the two agree."""
    out = []
    s = 0
    for ch in shaped:
        n = _letters_of(ch)
        out.append((s, s + n))
        s += n
    return out


def _align(src: str, shaped: str) -> list[tuple[int, int]]:
    """Map each shaped character back to the source characters it came from. Shaping is one for one except
    lam-alef ligatures (two letters, one glyph) and harakat, which the reshaper moves after a ligature."""
    out: list[tuple[int, int]] = []
    used: set[int] = set()
    s = 0
    n = len(src)
    for ch in shaped:
        if _is_mark(ch):
            found = None
            for k in range(max(0, s - 4), min(n, s + 4)):
                if src[k] == ch and k not in used:
                    found = k
                    break
            if found is None:
                found = max(0, min(s, n) - 1)
            used.add(found)
            out.append((found, found + 1))
            if found >= s:
                s = found + 1
            continue
        while s < n and _is_mark(src[s]) and s in used:
            s += 1
        base = unicodedata.normalize("NFKC", ch)
        start = s
        j = s
        matched = 0
        while matched < len(base) and j < n:
            if src[j] == base[matched]:
                matched += 1
                j += 1
            elif _is_mark(src[j]):
                j += 1  # a haraka between the two letters of a ligature
            else:
                break
        if matched == len(base) and matched:
            out.append((start, j))
            s = j
        else:  # unknown mapping: assume one for one
            out.append((min(s, max(n - 1, 0)), min(s, max(n - 1, 0)) + 1))
            s += 1
    return out


# -- embedding levels -----------------------------------------------------------------------------------


def embedding_levels(text: str, rtl: bool) -> list[int]:
    """Resolved levels (UAX#9 X1–I2) of a paragraph without line breaks, one per character.

    Uses the steps of python-bidi's pure-Python `bidi.algorithm` (the Rust `get_display` exposes no levels).
    Characters that X9 removes (BN: ZWJ, ZWNJ, soft hyphen...) take the level of the character before them."""
    if rtl and not any(unicodedata.bidirectional(ch) in _RAISES_LEVEL for ch in text):
        return [1] * len(text)
    return _resolved_levels(text, rtl)


def _resolved_levels(text: str, rtl: bool) -> list[int]:
    """embedding_levels by the whole algorithm."""
    from bidi import algorithm as uba

    if not text:
        return []
    storage = uba.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    uba.get_embedding_levels(text, storage)
    for i, ch in enumerate(storage["chars"]):
        ch["idx"] = i
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    _paired_brackets(storage["chars"], storage["base_level"])
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    levels: list[int | None] = [None] * len(text)
    for ch in storage["chars"]:
        levels[ch["idx"]] = ch["level"]
    previous = storage["base_level"]
    out = []
    for level in levels:
        previous = previous if level is None else level
        out.append(previous)
    return out


# Without these, every character of a right-to-left paragraph resolves to its level 1: letters are R or AL,
# neutrals and brackets between them and at its ends take R (N1, N2 and N0 with the paragraph's R at both ends),
# marks take their letter's (W1), separators and terminators stay neutral with no number beside them (W4-W7). Three
# in four sentences of a day's Arabic news have none (no digit, no Latin); test_bidi checks the shortcut against
# the whole algorithm.
_RAISES_LEVEL = frozenset({"L", "EN", "AN", "LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})

_OPENING = {"(": ")", "[": "]", "{": "}"}
_CLOSING = {v: k for k, v in _OPENING.items()}


def _strong(kind: str) -> str | None:
    if kind == "L":
        return "L"
    if kind in ("R", "AL", "EN", "AN"):
        return "R"
    return None


def _paired_brackets(chars: list[dict], base_level: int) -> None:
    """UAX#9 N0 (paired brackets), which python-bidi's legacy module predates: "(RT) 25%" inside an Arabic
    sentence keeps its parentheses around RT instead of splitting them across the runs."""
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for i, ch in enumerate(chars):
        c = ch["ch"]
        if ch["type"] != "ON":
            continue
        if c in _OPENING:
            if len(stack) >= 63:
                break
            stack.append((_OPENING[c], i))
        elif c in _CLOSING:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == c:
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    for open_i, close_i in sorted(pairs):
        embedding = "R" if chars[open_i]["level"] % 2 else "L"
        inside = {_strong(chars[k]["type"]) for k in range(open_i + 1, close_i)} - {None}
        if embedding in inside:
            new = embedding
        elif inside:
            before = "R" if base_level % 2 else "L"
            for k in range(open_i - 1, -1, -1):
                kind = _strong(chars[k]["type"])
                if kind:
                    before = kind
                    break
            new = before if before != embedding else embedding
        else:
            continue
        chars[open_i]["type"] = chars[close_i]["type"] = new


@lru_cache(maxsize=1)
def _mirrors() -> Mapping[str, str]:
    try:
        from bidi.mirror import MIRRORED
    except ImportError:
        MIRRORED = {}
    table = dict(MIRRORED)
    table.update({"(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "<": ">", ">": "<", "«": "»", "»": "«"})
    return table


def reorder_line(chars: Sequence[str], levels: Sequence[int], base_level: int) -> list[int]:
    """Visual order of one line (L1–L3) as indices into chars."""
    n = len(chars)
    levels = list(levels)
    # L1: trailing whitespace (and isolates/BN) go to the paragraph level
    i = n - 1
    while i >= 0 and unicodedata.bidirectional(chars[i]) in ("WS", "BN", "S", "B", "FSI", "LRI", "RLI", "PDI"):
        levels[i] = base_level
        i -= 1
    for k, ch in enumerate(chars):
        if unicodedata.bidirectional(ch) in ("S", "B"):
            levels[k] = base_level
            j = k - 1
            while j >= 0 and unicodedata.bidirectional(chars[j]) in ("WS", "BN"):
                levels[j] = base_level
                j -= 1
    order = list(range(n))
    if not n:
        return order
    highest = max(levels)
    odd = [lv for lv in levels if lv % 2]
    if not odd:
        return order
    lowest_odd = min(odd)
    # L2: reverse every run at level >= L, from the highest level down to the lowest odd one
    for level in range(highest, lowest_odd - 1, -1):
        k = 0
        while k < n:
            if levels[order[k]] >= level:
                end = k
                while end < n and levels[order[end]] >= level:
                    end += 1
                order[k:end] = order[k:end][::-1]
                k = end
            else:
                k += 1
    # L3: after reversal, combining marks of a right-to-left base precede it; terminals need them after
    k = 0
    while k < n:
        idx = order[k]
        if _is_mark(chars[idx]) and levels[idx] % 2:
            end = k
            while end < n and _is_mark(chars[order[end]]) and levels[order[end]] % 2:
                end += 1
            if end < n and levels[order[end]] % 2:
                order[k : end + 1] = order[k : end + 1][::-1]
            k = end + 1
        else:
            k += 1
    return order


# -- layout ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VisualLine:
    """One line as it goes to the terminal."""

    text: str  # in display order
    src: tuple[tuple[int, int], ...]  # per character of text: [start, end) in the logical text given to layout
    rtl: bool  # the paragraph's direction (right-align these when reordering)

    @property
    def width(self) -> int:
        return cell_len(self.text)

    def covers(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.src)


_CHUNK = re.compile(r"\S+\s*|\s+")


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of a logical string: (start, end) of each line; trailing spaces stay on their line
    and do not count. Words wider than the line are cut by cells."""
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    start = 0
    used = 0
    for m in _CHUNK.finditer(text):
        word = m.group().rstrip()
        w = cell_len(word)
        full = cell_len(m.group())
        if used and used + w > width:
            lines.append((start, m.start()))
            start, used = m.start(), 0
        if w > width:  # a very long word: cut it
            pos = m.start()
            for k, ch in enumerate(word):
                cw = cell_len(ch)
                if used + cw > width and used:
                    lines.append((start, m.start() + k))
                    start, used = m.start() + k, 0
                used += cw
            used += full - w
            del pos
            continue
        used += full
    if start < len(text) or not lines:
        lines.append((start, len(text)))
    return lines


def _paragraphs(text: str) -> Iterable[tuple[int, str]]:
    pos = 0
    for part in text.split("\n"):
        yield pos, part.rstrip("\r")
        pos += len(part) + 1


@lru_cache(maxsize=4096)
def layout(text: str, width: int, reorder: bool, shaping: bool = True) -> tuple[VisualLine, ...]:
    """Wrap text at width cells and, when reorder is on, put each visual line in display order."""
    text = sanitize(text)
    lines: list[VisualLine] = []
    for offset, para in _paragraphs(text):
        rtl = is_rtl(para)
        if not reorder or not has_rtl(para):
            for a, b in wrap_offsets(para, width):
                seg = para[a:b].rstrip()
                lines.append(VisualLine(seg, tuple((offset + i, offset + i + 1) for i in range(a, a + len(seg))), rtl))
            continue
        lines.extend(_visual_lines(para, offset, width, rtl, shaping))
    return tuple(lines)


def _visual_lines(para: str, offset: int, width: int, rtl: bool, shaping: bool) -> list[VisualLine]:
    shaped, smap = shape(para) if shaping else (para, [(i, i + 1) for i in range(len(para))])
    levels = embedding_levels(shaped, rtl)
    base = 1 if rtl else 0
    out = []
    for a, b in wrap_offsets(shaped, width):
        while b > a and shaped[b - 1].isspace():
            b -= 1
        chars = shaped[a:b]
        order = reorder_line(chars, levels[a:b], base)
        mirrors = _mirrors()
        text = []
        src = []
        for k in order:
            ch = chars[k]
            if levels[a + k] % 2 and ch in mirrors and unicodedata.mirrored(ch):
                ch = mirrors[ch]
            text.append(ch)
            s0, s1 = smap[a + k]
            src.append((offset + s0, offset + s1))
        out.append(VisualLine("".join(text), tuple(src), rtl))
    return out


@lru_cache(maxsize=8192)
def single_line(text: str, width: int, reorder: bool, shaping: bool = True) -> VisualLine:
    """One line of at most width cells: cut in logical order (ellipsis at the logical end), then reordered,
    so the beginning of a right-to-left claim stays visible and the … sits at its visual end (the left)."""
    text = one_line(text)
    width = max(1, width)
    return _fit(text, _enough_for(text, width), width, reorder, shaping)


ZWJ = "\u200d"


def _enough_for(text: str, width: int) -> str:
    """The beginning of text that shapes and cuts to one line of width cells as the whole text would: twice the
    cells and a few more. Shaping joins at most two letters into one glyph (lam-alef), so its glyphs fill the line
    and some beyond, where a letter's form may differ from the whole text's (its neighbour is cut off) unseen. A
    claims row is some 60 cells of a sentence of some 200 letters: shaping all of it was a fifth of a topic's
    rows' drawing."""
    if ZWJ in text:
        # the shaping library fails on a joiner before lam-alef (shape): whether it does, the whole text says, and
        # a beginning of it may or may not end there
        return text
    needed = 2 * width + 4
    used = 0
    for k, ch in enumerate(text):
        if used >= needed and not _is_mark(ch):
            return text[:k]
        used += cell_len(ch)
    return text


def _fit(text: str, start: str, width: int, reorder: bool, shaping: bool) -> VisualLine:
    """single_line of text from start, its beginning (_enough_for) or all of it."""
    rtl = is_rtl(text)
    if reorder and has_rtl(text) and shaping:
        shaped, smap = shape(start)
    else:
        shaped, smap = start, [(i, i + 1) for i in range(len(start))]
    if cell_len(shaped) > width:
        cut = 0
        used = 0
        limit = width - 1
        for k, ch in enumerate(shaped):
            cw = cell_len(ch)
            if used + cw > limit:
                break
            used += cw
            cut = k + 1
        # do not leave a base letter without its harakat
        while cut < len(shaped) and _is_mark(shaped[cut]):
            cut += 1
        shaped = shaped[:cut].rstrip() + ELLIPSIS
        last = smap[cut - 1][1] if cut else 0
        smap = smap[: len(shaped) - 1] + [(last, last)]
    if not reorder or not has_rtl(shaped):
        return VisualLine(shaped, tuple(smap[: len(shaped)]), rtl)
    levels = embedding_levels(shaped, rtl)
    order = reorder_line(shaped, levels, 1 if rtl else 0)
    mirrors = _mirrors()
    chars = []
    for k in order:
        ch = shaped[k]
        if levels[k] % 2 and ch in mirrors and unicodedata.mirrored(ch):
            ch = mirrors[ch]
        chars.append(ch)
    return VisualLine("".join(chars), tuple(smap[k] for k in order), rtl)


def visual(text: str, reorder: bool = True, shaping: bool = True) -> str:
    """A short string (a label, a title) as one unwrapped display string."""
    if not reorder or not has_rtl(text):
        return one_line(text)
    return single_line(text, 10_000, True, shaping).text


# -- auto mode ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Detection:
    reorder: bool
    reason: str
    prefix: str = ""  # written to the terminal before the first frame (turns the terminal's own bidi off)
    suffix: str = ""  # written after the last frame


VTE_BIDI_OFF, VTE_BIDI_ON = "\x1b[8l", "\x1b[8h"


def _terminal_bidi_off(env: Mapping[str, str]) -> tuple[str, str]:
    """What turns the terminal's own bidi off while we reorder (and back on after), so rows are not reversed twice."""
    if env.get("TMUX"):
        return "\x1bPtmux;\x1b" + VTE_BIDI_OFF + "\x1b\\", ""  # reaches the outer terminal with allow-passthrough
    if env.get("VTE_VERSION"):
        return VTE_BIDI_OFF, VTE_BIDI_ON
    return "", ""


def detect(mode: str = "auto", environ: Mapping[str, str] | None = None) -> Detection:
    """Whether the app should reorder RTL text itself (notes/rtl.md §5 'auto'), and what to tell the terminal."""
    env = os.environ if environ is None else environ
    if mode == "off":
        return Detection(False, "--bidi off: the terminal reorders")
    prefix, suffix = _terminal_bidi_off(env)
    if mode == "on":
        return Detection(True, "--bidi on", prefix, suffix)
    if env.get("TMUX"):
        return Detection(True, "auto: tmux (the app reorders)", prefix, suffix)
    if env.get("VTE_VERSION"):
        return Detection(True, "auto: VTE, its own bidi turned off", prefix, suffix)
    if env.get("MLTERM"):
        return Detection(False, "auto: mlterm does its own bidi")
    if env.get("KONSOLE_VERSION") or env.get("TERM_PROGRAM") == "Apple_Terminal":
        return Detection(False, "auto: the terminal does its own bidi")
    return Detection(True, "auto: the app reorders", prefix, suffix)
