"""Read article files (txt, md, html, json, jsonl) into plain documents.

This module only reads: no database, no UI, no printing. Every file either becomes one or more
:class:`Document` or a :class:`Skipped` that says why, so one bad file never stops an index run.

Text is kept as written (no Unicode normalization): the store shows it to reviewers and hashes it.
Only what could harm a terminal or hide the text's order is removed (see :func:`clean_text`).
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import json
import os
import re
import stat
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import charset_normalizer
from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning
from bs4.dammit import EncodingDetector
from bs4.element import NavigableString, PageElement, PreformattedString, Tag

from factcheck_tui.store.printable import printable

__all__ = [
    "MAX_FILE_BYTES",
    "SUPPORTED_SUFFIXES",
    "Document",
    "IngestDecodeError",
    "IngestError",
    "Skipped",
    "clean_text",
    "count_files",
    "decode_bytes",
    "iter_documents",
    "read_path",
]

# bs4 warns (on stderr) when markup looks like a URL or is XHTML; for article files both are normal input.
warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)
warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)

SUPPORTED_SUFFIXES = {".txt", ".md", ".html", ".htm", ".json", ".jsonl"}
MAX_FILE_BYTES = 50 * 1024 * 1024
# One article's text is cut here, with a warning: the longest of 24,112 SaudiNewsNet articles (14 days) has 31,520
# characters, and one 15.6 MB text of 200,000 sentences took 3.6 GB to analyse as one article.
MAX_ARTICLE_CHARS = 200_000


@dataclass
class Document:
    path: str  # absolute path; for a record inside .json/.jsonl f"{file_path}#{n}" (n = 0-based record index)
    name: str  # basename; for records f"{basename}#{n}"
    text: str  # visible body text after clean_text
    sha256: str  # hex sha256 of text encoded as UTF-8: the same article in another encoding hashes the same
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    date: str | None = None
    warning: str | None = None  # read, but not cleanly: "3 bytes were not valid UTF-8 (shown as �)"
    # how many records its file holds (a JSON file of 3,218 records): progress counts each; not part of what it is
    of: int = field(default=1, compare=False)


@dataclass
class Skipped:
    path: str
    reason: str  # short, for humans: "empty file", "binary file", "not valid JSON: line 3", ...
    of: int = field(default=1, compare=False)  # as Document.of


class IngestError(Exception):
    """A path the user named does not exist (the CLI shows it as a one-line error)."""


class IngestDecodeError(UnicodeError):
    """The bytes are not text we can decode with confidence; ``reason`` is the Skipped reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _SkipFile(Exception):
    """Internal: this file cannot be read; carries the Skipped reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# --------------------------------------------------------------------------------------------------
# Walking the paths
# --------------------------------------------------------------------------------------------------


def iter_documents(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Document | Skipped]:
    """Yield a Document or Skipped for every candidate file under ``paths``, in a deterministic order.

    All paths are checked before anything is yielded, so a typo in the last argument fails the run
    before half of it is indexed.
    """
    roots = [Path(p) for p in paths]
    _require_existing(roots)
    for candidate in _candidate_files(roots):
        if isinstance(candidate, Skipped):
            yield candidate
        else:
            yield from read_path(candidate)


def count_files(paths: Iterable[str | os.PathLike[str]]) -> int:
    """How many files :func:`iter_documents` will read (a progress-bar total; a .json file counts once)."""
    roots = [Path(p) for p in paths]
    _require_existing(roots)
    return sum(1 for candidate in _candidate_files(roots) if isinstance(candidate, Path))


def _require_existing(roots: list[Path]) -> None:
    for root in roots:
        if not root.exists():
            raise IngestError(f"no such file or folder: {root}")


def _candidate_files(roots: list[Path]) -> Iterator[Path | Skipped]:
    """Files to read, each once, plus a Skipped for every folder that could not be listed."""
    seen: set[str] = set()
    for root in roots:
        found = _walk_folder(root) if root.is_dir() else iter([root])
        for candidate in found:
            if isinstance(candidate, Path):
                key = os.path.abspath(candidate)
                if key in seen:  # the same file named twice, e.g. itself and its folder
                    continue
                seen.add(key)
            yield candidate


def _walk_folder(folder: Path) -> Iterator[Path | Skipped]:
    # followlinks=False: a symlink pointing to a parent folder must not send the walk in circles.
    listing_errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(folder, onerror=listing_errors.append, followlinks=False):
        yield from _skipped_folders(listing_errors)
        dirnames[:] = sorted(name for name in dirnames if not _is_hidden(name))
        for name in sorted(filenames):
            if not _is_hidden(name) and _suffix(name) in SUPPORTED_SUFFIXES:
                yield Path(dirpath, name)
    yield from _skipped_folders(listing_errors)


def _skipped_folders(errors: list[OSError]) -> Iterator[Skipped]:
    for error in errors:
        path = error.filename if error.filename is not None else "?"
        yield Skipped(os.path.abspath(path), _describe_os_error(Path(path), error))
    errors.clear()


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _suffix(name: str | Path) -> str:
    return Path(name).suffix.lower()


# --------------------------------------------------------------------------------------------------
# Reading one file
# --------------------------------------------------------------------------------------------------


def read_path(path: Path) -> list[Document | Skipped]:
    """Read one file into documents (several for .json/.jsonl), or a single Skipped saying why not."""
    path = Path(path)
    shown_path = os.path.abspath(path)
    suffix = _suffix(path)
    if suffix not in SUPPORTED_SUFFIXES:
        return [Skipped(shown_path, f"unsupported type {suffix or '(no extension)'}")]
    try:
        data = _read_file_bytes(path)
        if suffix in (".html", ".htm"):
            return [_html_document(shown_path, data)]
        text, warning = decode_with_warning(data)
        if not text.strip():
            raise _SkipFile("empty file")
        if suffix == ".json":
            items = _json_items(shown_path, text)
        elif suffix == ".jsonl":
            items = _jsonl_items(shown_path, text)
        else:
            items = [_plain_document(shown_path, text)]
        if warning:
            items = [replace(item, warning="; ".join(filter(None, (warning, item.warning))))
                     if isinstance(item, Document) else item for item in items]  # fmt: skip
        if len(items) > 1:
            items = [replace(item, of=len(items)) for item in items]
        return items
    except (_SkipFile, IngestDecodeError) as problem:
        return [Skipped(shown_path, problem.reason)]
    except Exception as error:  # noqa: BLE001 — one bad file must never stop the others: a one-line skip
        return [Skipped(shown_path, f"could not be read ({type(error).__name__}: {_first_line(error)})")]


def _first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0][:120] if text else "no detail"


def _read_file_bytes(path: Path) -> bytes:
    try:
        info = path.stat()
    except OSError as error:
        raise _SkipFile(_describe_os_error(path, error)) from error
    # A FIFO or device named *.txt would block the read or never end.
    if not stat.S_ISREG(info.st_mode):
        raise _SkipFile("not a regular file")
    limit = MAX_FILE_BYTES
    if info.st_size > limit:
        raise _SkipFile(_too_large(info.st_size, limit))
    try:
        with open(path, "rb") as file:
            data = file.read(limit + 1)  # +1: the file may have grown since stat()
            if len(data) > limit:
                raise _SkipFile(_too_large(os.fstat(file.fileno()).st_size, limit))
    except OSError as error:
        raise _SkipFile(_describe_os_error(path, error)) from error
    return data


def _describe_os_error(path: Path, error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if isinstance(error, FileNotFoundError):
        return "broken symbolic link" if path.is_symlink() else "no such file"
    return f"cannot read: {error.strerror or error}"


def _too_large(size: int, limit: int) -> str:
    return f"too large ({_human_size(size)} > {_human_size(limit)})"


def _human_size(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB"):
        if value < 1024:
            break
        value /= 1024
    else:
        unit = "GB"
    if unit == "bytes":
        return f"{size} bytes"
    return f"{value:.1f}".removesuffix(".0") + f" {unit}"


def _make_document(path: str, name: str, text: str, **metadata: str | None) -> Document:
    if len(text) > MAX_ARTICLE_CHARS:
        cut = text.rfind("\n", 0, MAX_ARTICLE_CHARS)
        text = text[: cut if cut > MAX_ARTICLE_CHARS // 2 else MAX_ARTICLE_CHARS]
        metadata["warning"] = f"longer than an article: cut at {len(text):,} characters"
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    # the name is shown in every list and exported; the path stays as it is, to read the file again
    # metadata holds the text fields only (title, outlet, url, date, warning), never the record count
    return Document(path=path, name=printable(name, one_line=True), text=text, sha256=sha, **metadata)  # type: ignore[arg-type]


def _plain_document(path: str, decoded: str) -> Document:
    text = clean_text(decoded)
    if not text.strip():
        raise _SkipFile("empty file")
    # txt/md have no title field: the first line stays part of the text the reviewer sees.
    return _make_document(path, os.path.basename(path), text)


# --------------------------------------------------------------------------------------------------
# Decoding bytes
# --------------------------------------------------------------------------------------------------

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Single-byte Arabic code pages share most letters but not all byte positions, so the same bytes can
# decode to plausible Arabic in both; the right one is the one that gives more Arabic letters.
_AMBIGUOUS_ARABIC_CODECS = ("cp1256", "iso8859-6")
_ARABIC_LETTER = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06fc]")
_MOSTLY_ARABIC = 0.5  # share of non-space characters that are Arabic letters

# Control characters that never appear in real text files (tab, newlines, form feed and ESC do).
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f\x80-\x9f]")
_BINARY_CONTROL_SHARE = 0.05
_SAMPLE_CHARS = 200_000  # enough to judge a file; keeps a 50 MB file from being scanned char by char


def decode_bytes(data: bytes) -> str:
    """Decode file bytes to text, or raise IngestDecodeError when they look binary or undecidable."""
    return decode_with_warning(data)[0]


def decode_with_warning(data: bytes) -> tuple[str, str | None]:
    """decode_bytes, and a warning when the text was read only with replacements (almost-valid UTF-8)."""
    warning = None
    text = _decode_by_byte_order_mark(data)
    if text is None:
        if b"\x00" in data:
            text = _decode_utf16_or_32_without_bom(data)
        else:
            text, warning = _decode_utf8_or_legacy(data)
    if _looks_binary(text):
        raise IngestDecodeError("binary file")
    return text, warning


def _decode_by_byte_order_mark(data: bytes) -> str | None:
    codec = _byte_order_mark_codec(data)
    if codec is None:
        return None
    bom_length = len(next(bom for bom, name in _BYTE_ORDER_MARKS if name == codec))
    try:
        return data[bom_length:].decode(codec)
    except UnicodeDecodeError as error:
        raise IngestDecodeError(f"not valid {codec.upper()} after its byte order mark") from error


def _byte_order_mark_codec(data: bytes) -> str | None:
    for bom, codec in _BYTE_ORDER_MARKS:
        if data.startswith(bom):
            return codec
    return None


def _decode_utf16_or_32_without_bom(data: bytes) -> str:
    # NUL bytes in a text file only make sense as the zero half of UTF-16/32 code units; anything
    # else with NULs is binary (git and grep judge the same way).
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding.startswith(("utf_16", "utf_32")):
        return str(best)
    raise IngestDecodeError("binary file")


# A UTF-8 file cut mid-character, missing a byte, or with a pasted passage in another encoding is still mostly
# valid UTF-8 multi-byte sequences; Arabic in Windows-1256 or ISO-8859-6 read as UTF-8 has almost none (its letters
# are bytes 0xC1-0xFA in a row, never a lead byte and its continuation). So when at least this share of the
# non-ASCII bytes sits in valid UTF-8 sequences, the file is UTF-8 with damage, read with U+FFFD and a warning.
# (Chosen by construction, not fitted: see tests/store/test_ingest.py for the shares measured on both kinds.)
ALMOST_UTF8_SHARE = 0.5


def _decode_utf8_or_legacy(data: bytes) -> tuple[str, str | None]:
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = sum(1 for byte in data if byte >= 0x80)
    in_valid_sequences = sum(len(ch.encode("utf-8")) for ch in text if ch >= "\x80" and ch != "\ufffd")
    if non_ascii and in_valid_sequences / non_ascii >= ALMOST_UTF8_SHARE:
        return text, f"{bad} invalid UTF-8 sequence{'s' if bad != 1 else ''} shown as \ufffd"
    return _decode_legacy(data), None


def _decode_legacy(data: bytes) -> str:
    """Non-UTF-8 bytes: ask charset-normalizer, then cross-check it against the Arabic code pages.

    charset-normalizer gets cp1256 and iso-8859-6 right on sentences, but on a few words it can
    answer e.g. Japanese, and it cannot always tell the two Arabic pages apart.
    """
    best = charset_normalizer.from_bytes(data).best()
    candidates: list[tuple[str, str]] = []  # (codec, decoded text); the library's pick first wins ties
    if best is not None:
        candidates.append((_codec_name(best.encoding), str(best)))
    for codec in _AMBIGUOUS_ARABIC_CODECS:
        if codec not in (name for name, _ in candidates):
            try:
                candidates.append((codec, data.decode(codec)))
            except UnicodeDecodeError:
                continue  # iso-8859-6 leaves many bytes undefined: a strict failure rules it out
    if not candidates:
        raise IngestDecodeError("unknown text encoding")
    scored = [(_arabic_letter_share(text), codec, text) for codec, text in candidates]
    top_share, _, top_text = max(scored, key=lambda item: item[0])  # max() keeps the first of equals
    library_chose_arabic_page = best is not None and _codec_name(best.encoding) in _AMBIGUOUS_ARABIC_CODECS
    if top_share >= _MOSTLY_ARABIC or library_chose_arabic_page:
        return top_text
    if best is not None:
        return str(best)
    raise IngestDecodeError("binary file" if _looks_binary(candidates[0][1]) else "unknown text encoding")


def _codec_name(label: str) -> str:
    return codecs.lookup(label).name


def _arabic_letter_share(text: str) -> float:
    sample = text[:_SAMPLE_CHARS]
    visible = len(sample) - sum(1 for char in sample if char.isspace())
    if visible == 0:
        return 0.0
    return len(_ARABIC_LETTER.findall(sample)) / visible


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return False
    return len(_BINARY_CONTROL.findall(sample)) / len(sample) > _BINARY_CONTROL_SHARE


# --------------------------------------------------------------------------------------------------
# Cleaning text
# --------------------------------------------------------------------------------------------------

# ECMA-48 sequences a terminal would act on (move the cursor, recolour, retitle, write the clipboard).
_TERMINAL_SEQUENCE = re.compile(
    # CSI, 7-bit (ESC [) or 8-bit (U+009B): parameters, intermediates, final byte.
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    # OSC/DCS/SOS/PM/APC strings up to BEL or ST. The payload stops at the next introducer so that
    # many unterminated introducers cannot make the scan quadratic.
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x90\x98\x9c\x9d\x9e\x9f]*(?:\x07|\x1b\\|\x9c)"
    # Any other escape: ESC, intermediate bytes, one final byte (e.g. ESC ( B, ESC 7, ESC c).
    r"|\x1b[ -/]*[0-~]"
)
# Vertical whitespace becomes a newline rather than vanishing, so the words around it stay apart.
_LINE_BREAK = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# C0 (except \n; tabs are spaces by now), DEL, C1, the bidi embedding/override/isolate controls that
# could reorder what the reviewer sees, and lone surrogates (from JSON "\ud800" escapes; they cannot
# be encoded as UTF-8). Bidi *marks* (U+200E/F, U+061C), ZWNJ and ZWJ are text and stay.
_INVISIBLE_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_TRAILING_SPACE = re.compile(r"[^\S\n]+$", re.MULTILINE)
_TOO_MANY_BLANK_LINES = re.compile(r"\n{4,}")  # 3+ blank lines in a row


def clean_text(text: str) -> str:
    """Remove terminal control sequences and control characters; keep every visible character as is.

    Idempotent. Square brackets are data, never markup: "[bold red]" stays "[bold red]".
    """
    text = _TERMINAL_SEQUENCE.sub("", text)
    text = _LINE_BREAK.sub("\n", text)
    text = text.replace("\t", " ")
    text = _INVISIBLE_CONTROL.sub("", text)
    text = _TRAILING_SPACE.sub("", text)
    text = _TOO_MANY_BLANK_LINES.sub("\n\n\n", text)
    return text.strip("\n")


def _clean_field(value: str | None) -> str | None:
    """A one-line metadata value (title, outlet, url, date), or None when there is nothing in it."""
    if value is None:
        return None
    return " ".join(clean_text(value).split()) or None


# --------------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------------

_DROPPED_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "svg",
        "iframe",
        "button",
        # Not page text either; they matter when there is no <body> (a fragment) to start from.
        "head",
        "title",
    }
)
# How many newlines a block element puts between its text and its neighbours'.
_PARAGRAPH_BREAK = 2
_LINE_BREAK_COUNT = 1
_BLOCK_BREAKS = {
    **dict.fromkeys(
        (
            "p",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "section",
            "article",
            "main",
            "figure",
            "ul",
            "ol",
            "dl",
            "table",
            "pre",
            "hr",
            "address",
        ),
        _PARAGRAPH_BREAK,
    ),
    **dict.fromkeys(
        ("div", "li", "br", "tr", "dt", "dd", "figcaption", "caption", "details", "summary", "fieldset"),
        _LINE_BREAK_COUNT,
    ),
}
_TABLE_CELLS = frozenset({"td", "th"})
_PREFORMATTED_TAGS = frozenset({"pre", "textarea"})
_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_HTML_WHITESPACE = re.compile(r"[ \t\n\r\f]+")  # HTML collapses ASCII whitespace only; NBSP is text
_LEGACY_WESTERN_CODECS = frozenset({"latin-1", "iso8859-1", "ascii", "cp1252"})


def _html_document(path: str, data: bytes) -> Document:
    markup = _decode_html(data)
    if not markup.strip():
        raise _SkipFile("empty file")
    soup = BeautifulSoup(markup, "html.parser")
    text = clean_text(_main_text(soup))
    if not text.strip():
        raise _SkipFile("no visible text")
    return _make_document(
        path,
        os.path.basename(path),
        text,
        title=_html_title(soup),
        outlet=_meta_content(soup, "og:site_name"),
        url=_html_url(soup),
        date=_meta_content(soup, "article:published_time"),
    )


def _decode_html(data: bytes) -> str:
    """A byte order mark wins, then the page's own <meta charset>, then detection from the bytes."""
    if _byte_order_mark_codec(data) is None and b"\x00" not in data:
        declared = EncodingDetector.find_declared_encoding(data, is_html=True)
        if declared:
            text = _decode_as_declared(data, declared)
            if text is not None:
                return text
    return decode_bytes(data)


def _decode_as_declared(data: bytes, label: str) -> str | None:
    try:
        codec = _codec_name(label)
    except LookupError:
        return None  # an unknown label is a typo in the page; detect instead
    if codec.startswith(("utf-16", "utf-32")):
        return None  # the declaration was readable as ASCII, so the page is not really UTF-16/32
    if codec != "utf-8" and _is_valid_non_ascii_utf8(data):
        # Pages copied from a template often keep an old declaration; legacy-encoded Arabic is
        # practically never valid UTF-8 by accident, so valid UTF-8 is the stronger evidence.
        return None
    if codec in _LEGACY_WESTERN_CODECS:
        codec = "cp1252"  # what browsers do (WHATWG): latin-1 / ascii labels mean windows-1252
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _is_valid_non_ascii_utf8(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _main_text(soup: BeautifulSoup) -> str:
    """The article's text when the page marks it up (<article>, else <main>), else the whole body."""
    articles = [tag for tag in soup.find_all("article") if _is_shown(tag)]
    article_texts = [_visible_text(tag) for tag in articles]
    longest_article = max(article_texts, key=len, default="")  # related-story teasers are shorter
    if longest_article.strip():
        return longest_article
    main = soup.find("main")
    if isinstance(main, Tag) and _is_shown(main):
        main_text = _visible_text(main)
        if main_text.strip():
            return main_text
    return _visible_text(soup.body if soup.body is not None else soup)


def _is_shown(tag: Tag) -> bool:
    """False when the tag or an ancestor is dropped or hidden."""
    node: Tag | None = tag
    while node is not None and not isinstance(node, BeautifulSoup):
        if node.name in _DROPPED_TAGS or _is_hidden_element(node):
            return False
        node = node.parent
    return True


def _is_hidden_element(tag: Tag) -> bool:
    if tag.has_attr("hidden"):
        return True
    if str(tag.get("aria-hidden", "")).strip().lower() == "true":
        return True
    return bool(_HIDING_STYLE.search(str(tag.get("style", ""))))


class _TextCollector:
    """Joins text nodes; block boundaries become newlines, inline boundaries join words as written."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._pending_newlines = 0

    def add_text(self, text: str, preformatted: bool = False) -> None:
        if not preformatted:
            text = _HTML_WHITESPACE.sub(" ", text)
            if self._at_line_start() or self._ends_with_space():
                text = text.lstrip(" ")
        if not text:
            return
        if self._parts and self._pending_newlines:
            self._parts.append("\n" * self._pending_newlines)
        self._pending_newlines = 0
        self._parts.append(text)

    def add_break(self, newlines: int) -> None:
        if newlines == 0:
            return  # an inline boundary: "<b>word</b>s" stays one word
        if self._parts:
            self._parts[-1] = self._parts[-1].rstrip(" ")
        self._pending_newlines = max(self._pending_newlines, newlines)

    def add_space(self) -> None:
        self.add_text(" ")

    def text(self) -> str:
        return "".join(self._parts)

    def _at_line_start(self) -> bool:
        return not self._parts or self._pending_newlines > 0 or self._parts[-1].endswith("\n")

    def _ends_with_space(self) -> bool:
        return bool(self._parts) and self._parts[-1].endswith(" ")


def _visible_text(root: Tag) -> str:
    # An explicit stack instead of recursion: broken pages can nest thousands of unclosed tags.
    collector = _TextCollector()
    stack: list[tuple[PageElement, bool, bool]] = [(root, False, False)]  # (node, closing, inside <pre>)
    while stack:
        node, closing, preformatted = stack.pop()
        if isinstance(node, NavigableString):
            # Comments, doctypes, CDATA and processing instructions are not visible text.
            if not isinstance(node, PreformattedString):
                collector.add_text(str(node), preformatted)
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name
        if closing:
            collector.add_break(_BLOCK_BREAKS.get(name, 0))
            continue
        if node is not root and (name in _DROPPED_TAGS or _is_hidden_element(node)):
            continue
        collector.add_break(_BLOCK_BREAKS.get(name, 0))
        if name in _TABLE_CELLS:
            collector.add_space()
        stack.append((node, True, preformatted))
        inner_preformatted = preformatted or name in _PREFORMATTED_TAGS
        stack.extend((child, False, inner_preformatted) for child in reversed(node.contents))
    return collector.text()


def _html_title(soup: BeautifulSoup) -> str | None:
    if soup.title is not None:
        title = _clean_field(soup.title.get_text())
        if title:
            return title
    first_heading = soup.find("h1")
    if isinstance(first_heading, Tag):
        return _clean_field(_visible_text(first_heading))
    return None


def _meta_content(soup: BeautifulSoup, key: str) -> str | None:
    # Open Graph keys belong in property=, but many sites put them in name=.
    for attribute in ("property", "name"):
        tag = soup.find("meta", attrs={attribute: key})
        if isinstance(tag, Tag):
            value = _clean_field(str(tag.get("content", "")))
            if value:
                return value
    return None


def _html_url(soup: BeautifulSoup) -> str | None:
    for link in soup.find_all("link", href=True):
        if "canonical" in [str(rel).lower() for rel in link.get_attribute_list("rel")]:
            url = _clean_field(str(link["href"]))
            if url:
                return url
    return _meta_content(soup, "og:url")


# --------------------------------------------------------------------------------------------------
# JSON and JSON Lines
# --------------------------------------------------------------------------------------------------

_TEXT_KEYS = ("content", "text", "body")
_TITLE_KEYS = ("title",)
_OUTLET_KEYS = ("source", "outlet")
_URL_KEYS = ("url",)
_DATE_KEYS = ("date", "date_extracted", "published")


def _json_items(path: str, text: str) -> list[Document | Skipped]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return [Skipped(path, f"not valid JSON: line {error.lineno}")]
    except RecursionError:
        return [Skipped(path, "not valid JSON: nested too deeply")]
    except ValueError:  # Python refuses integers of more than 4,300 digits
        return [Skipped(path, "not valid JSON: a number too long to read")]
    records = _records_in(data)
    if records is None:
        return [Skipped(path, "no article records (expected an object or an array of objects)")]
    if not records:
        return [Skipped(path, "no article records")]
    return [_record_item(path, index, record) for index, record in enumerate(records)]


def _records_in(data: object) -> list[object] | None:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        articles = data.get("articles")
        return articles if isinstance(articles, list) else [data]
    return None


def _jsonl_items(path: str, text: str) -> list[Document | Skipped]:
    items: list[Document | Skipped] = []
    index = 0  # every non-blank line is a record slot, so fixing a bad line does not renumber the rest
    # Split on "\n" only: str.splitlines() would also split inside strings at U+2028, U+0085, ...
    for line_number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):  # JSONDecodeError is a ValueError, as is a 4,300-digit integer
            items.append(Skipped(f"{path}#{index}", f"not valid JSON: line {line_number}"))
        else:
            items.append(_record_item(path, index, record))
        index += 1
    return items


def _record_item(path: str, index: int, record: object) -> Document | Skipped:
    record_path = f"{path}#{index}"
    if not isinstance(record, dict):
        return Skipped(record_path, "record is not a JSON object")
    text = _record_text(record)
    if text is None:
        return Skipped(record_path, "record has no content, text or body")
    return _make_document(
        record_path,
        f"{os.path.basename(path)}#{index}",
        text,
        title=_record_field(record, _TITLE_KEYS),
        outlet=_record_field(record, _OUTLET_KEYS),
        url=_record_field(record, _URL_KEYS),
        date=_record_field(record, _DATE_KEYS),
    )


def _record_text(record: dict[str, object]) -> str | None:
    for key in _TEXT_KEYS:
        value = record.get(key)
        if isinstance(value, str):
            text = clean_text(value)
            if text.strip():
                return text
    return None


def _record_field(record: dict[str, object], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        # Numbers count too: some exports store dates as 20150806 or as epoch seconds.
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            cleaned = _clean_field(str(value))
            if cleaned:
                return cleaned
    return None
