"""Tests for store.ingest: files on disk in, Documents / Skipped out."""

from __future__ import annotations

import codecs
import json
import os
import random
import zipfile
from pathlib import Path

import pytest

from factcheck_tui.store import ingest
from factcheck_tui.store.ingest import (
    Document,
    IngestDecodeError,
    IngestError,
    Skipped,
    clean_text,
    count_files,
    decode_bytes,
    iter_documents,
    read_path,
)

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
SAUDINEWSNET = REPO.parent / "shared" / "corpus" / "saudinewsnet"

# Sentences from the seed articles, chosen so that both cp1256 and iso-8859-6 can encode them
# (no typographic quotes). The second one carries shadda, which must survive every encoding.
ARABIC = (
    "استمرت المحادثات ثلاث ساعات ، تقرير الإعلام الروسي ، بعد أن هبط ويتكوف في روسيا في وقت مبكر يوم الأربعاء.\n"
    "صرّح مستشار بوتين، يوري أوشاكوف، أن بوتين نقل عبر ويتكوف رسائل إلى الرئيس الأمريكي دونالد ترامب بشأن الملف الأوكراني، وتلقّى إشارات مقابلة من الجانب الأمريكي.\n"
    "اللقاء يأتي قبل يومين فقط من انتهاء المهلة التي وضعها ترامب للتوصل إلى اتفاق سلام."
)
HARAKAT = "بِسْمِ اللَّهِ الرَّحْمَٰنِ"


def write(folder: Path, name: str, content: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def only(items: list[Document | Skipped]) -> Document | Skipped:
    assert len(items) == 1, items
    return items[0]


def read_document(path: Path) -> Document:
    item = only(read_path(path))
    assert isinstance(item, Document), item
    return item


def read_skipped(path: Path) -> Skipped:
    item = only(read_path(path))
    assert isinstance(item, Skipped), item
    return item


# --- encodings -------------------------------------------------------------------------------------

ENCODINGS = {
    "utf-8": ARABIC.encode("utf-8"),
    "utf-8 with BOM": codecs.BOM_UTF8 + ARABIC.encode("utf-8"),
    "utf-16 LE with BOM": codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"),
    "utf-16 BE with BOM": codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"),
    "utf-16 LE without BOM": ARABIC.encode("utf-16-le"),
    "utf-16 BE without BOM": ARABIC.encode("utf-16-be"),
    "windows-1256": ARABIC.encode("cp1256"),
    "iso-8859-6": ARABIC.encode("iso-8859-6"),
}


@pytest.mark.parametrize("encoded", ENCODINGS.values(), ids=ENCODINGS.keys())
def test_each_encoding_decodes_to_the_original_arabic(tmp_path: Path, encoded: bytes) -> None:
    assert decode_bytes(encoded) == ARABIC
    assert read_document(write(tmp_path, "article.txt", encoded)).text == ARABIC


def test_the_two_arabic_code_pages_are_told_apart() -> None:
    # The same bytes read with the other code page give different, partly Arabic text: the reader
    # must pick the page that yields Arabic letters, in both directions.
    iso_bytes = ARABIC.encode("iso-8859-6")
    assert iso_bytes.decode("cp1256") != ARABIC
    assert decode_bytes(iso_bytes) == ARABIC
    assert decode_bytes(ARABIC.encode("cp1256")) == ARABIC


def test_the_same_text_in_two_encodings_has_the_same_sha256(tmp_path: Path) -> None:
    utf8 = read_document(write(tmp_path, "a.txt", ARABIC.encode("utf-8")))
    cp1256 = read_document(write(tmp_path, "b.txt", ARABIC.encode("cp1256")))
    utf16 = read_document(write(tmp_path, "c.txt", ARABIC.encode("utf-16")))
    assert utf8.sha256 == cp1256.sha256 == utf16.sha256
    assert len(utf8.sha256) == 64


def test_binary_bytes_raise_a_unicode_error() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(1).randbytes(2000)
    with pytest.raises(IngestDecodeError) as caught:
        decode_bytes(png)
    assert isinstance(caught.value, UnicodeError)
    assert caught.value.reason == "binary file"


# --- clean_text ------------------------------------------------------------------------------------


def test_clean_text_strips_terminal_sequences_and_control_characters() -> None:
    dirty = (
        "\x1b[31;1mعاجل\x1b[0m: "  # CSI colour
        "\x1b]0;window title\x07"  # OSC ended by BEL
        "\x1b]8;;https://example.com\x1b\\رابط\x1b]8;;\x1b\\ "  # OSC 8 hyperlink ended by ST
        "\x1b(Bنص\x1b7\x1bc"  # other escapes
        "\x9b2J"  # 8-bit CSI
        "\x00\x07\x08\x7f\x85\x9f"  # C0, DEL, C1
    )
    assert clean_text(dirty) == "عاجل: رابط نص"


def test_clean_text_keeps_arabic_marks_and_literal_brackets() -> None:
    text = f"{HARAKAT} ـ می\u200cخواهم \u200d \u200fرقم\u200e 5 \u061c [the war] [bold red] [/]"
    assert clean_text(text) == text


def test_clean_text_removes_bidi_embedding_override_and_isolate_controls() -> None:
    reordering = "".join(chr(code) for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
    assert clean_text(f"قال{reordering} الرئيس") == "قال الرئيس"


def test_clean_text_normalises_lines_and_spaces() -> None:
    assert clean_text("a\r\nb\rc\td") == "a\nb\nc d"
    assert clean_text("line  \nnext\u00a0 ") == "line\nnext"
    assert clean_text("a\n\n\n\n\n\nb") == "a\n\n\nb"  # at most two blank lines in a row
    assert clean_text("\n\n  \nbody\n\n") == "body"


def test_clean_text_is_idempotent() -> None:
    samples = ["a\x1b[1m b \r\n\n\n\n\n c\t", ARABIC, HARAKAT + "\x85x", "\x1b]0;unterminated"]
    for sample in samples:
        once = clean_text(sample)
        assert clean_text(once) == once


def test_a_text_file_is_cleaned(tmp_path: Path) -> None:
    path = write(tmp_path, "log.txt", "\x1b[1m[bold red]\x1b[0m\r\nقال\u202e الرئيس\n")
    assert read_document(path).text == "[bold red]\nقال الرئيس"


# --- plain text and the seeds ----------------------------------------------------------------------


def test_txt_and_md_have_no_title_and_keep_their_first_line(tmp_path: Path) -> None:
    for name in ("a.txt", "b.md"):
        document = read_document(write(tmp_path, name, "# عنوان\n\nنص المقال."))
        assert document.title is None
        assert document.text == "# عنوان\n\nنص المقال."
        assert document.path == str(tmp_path / name)
        assert document.name == name


def test_the_seed_files_read_as_their_utf8_content() -> None:
    seed_files = sorted(SEEDS.glob("*.txt"))
    assert len(seed_files) == 5
    items = list(iter_documents([SEEDS]))
    assert all(isinstance(item, Document) for item in items)
    assert [item.path for item in items] == [str(path) for path in seed_files]
    for item, path in zip(items, seed_files, strict=True):
        content = path.read_text(encoding="utf-8")
        assert clean_text(content) == content  # cleaning is a no-op on well-formed text
        assert item.text == content
        assert item.name == path.name


# --- HTML ------------------------------------------------------------------------------------------

ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="ar"><head>
<meta charset="utf-8">
<title>بوتين يلتقي ويتكوف</title>
<meta property="og:site_name" content="الجزيرة">
<meta property="article:published_time" content="2025-08-06T10:00:00Z">
<link rel="canonical" href="https://example.com/a/1">
<style>p { color: red }</style>
<script>document.write("script text")</script>
</head><body>
<header>رأس الموقع</header>
<nav><a href="/">الرئيسية</a> <a href="/news">أخبار</a></nav>
<article>
  <h1>بوتين يلتقي ويتكوف</h1>
  <p>استمرت المحادثات <b>ثلاث</b> ساعات.</p>
  <p>قال الكرملين إن اللقاء كان بن<span>ّ</span>اء.</p>
  <div hidden>نص مخفي</div><span aria-hidden="true">أيقونة</span>
  <noscript>فعّل جافاسكربت</noscript>
  <button>شارك المقال</button>
</article>
<aside>اقرأ أيضا</aside>
<footer>حقوق النشر</footer>
</body></html>"""


def test_html_keeps_visible_article_text_in_separate_paragraphs(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "page.html", ARTICLE_PAGE))
    assert document.text == "بوتين يلتقي ويتكوف\n\nاستمرت المحادثات ثلاث ساعات.\n\nقال الكرملين إن اللقاء كان بنّاء."
    assert document.title == "بوتين يلتقي ويتكوف"
    assert document.outlet == "الجزيرة"
    assert document.date == "2025-08-06T10:00:00Z"
    assert document.url == "https://example.com/a/1"


def test_html_without_article_uses_the_body_and_first_h1_as_title(tmp_path: Path) -> None:
    page = "<body><nav>menu</nav><h1>Headline</h1><div>Line one</div><div>Line two<br>Line three</div></body>"
    document = read_document(write(tmp_path, "page.htm", page))
    assert document.text == "Headline\n\nLine one\nLine two\nLine three"
    assert document.title == "Headline"
    assert document.outlet is None


def test_broken_html_still_gives_its_text(tmp_path: Path) -> None:
    page = "<div><p>الفقرة الأولى<p>الفقرة الثانية</div></div></span><b>غامق <i>مائل</b> بعده<p>الأخيرة"
    document = read_document(write(tmp_path, "broken.html", page))
    assert document.text == "الفقرة الأولى\n\nالفقرة الثانية\n\nغامق مائل بعده\n\nالأخيرة"


def test_deeply_nested_html_does_not_hit_the_recursion_limit(tmp_path: Path) -> None:
    page = "<div>" * 5000 + "عميق"
    assert read_document(write(tmp_path, "deep.html", page)).text == "عميق"


def arabic_html_paragraph() -> str:
    return "<p>" + ARABIC.replace("\n", "<br>") + "</p>"  # a plain newline in HTML is only a space


def test_html_uses_its_declared_charset(tmp_path: Path) -> None:
    page = f'<html><head><meta charset="windows-1256"></head><body>{arabic_html_paragraph()}</body></html>'
    document = read_document(write(tmp_path, "legacy.html", page.encode("cp1256")))
    assert document.text == ARABIC


def test_html_declaration_settles_what_the_bytes_alone_cannot(tmp_path: Path) -> None:
    # One word is legal Arabic in both code pages (مرحبا in iso-8859-6 reads as هرحبا in cp1256).
    word = "مرحبا".encode("iso-8859-6")
    assert decode_bytes(word) == "هرحبا"  # undecidable from the bytes: cp1256 is the common default
    page = b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6"><p>' + word
    assert read_document(write(tmp_path, "word.html", page)).text == "مرحبا"


def test_valid_utf8_beats_a_stale_legacy_declaration(tmp_path: Path) -> None:
    page = f'<meta charset="windows-1256">{arabic_html_paragraph()}'.encode()
    assert read_document(write(tmp_path, "stale.html", page)).text == ARABIC


def test_html_without_declared_charset_is_detected(tmp_path: Path) -> None:
    page = arabic_html_paragraph().encode("iso-8859-6")
    assert read_document(write(tmp_path, "legacy.html", page)).text == ARABIC


def test_html_with_only_scripts_is_skipped(tmp_path: Path) -> None:
    skipped = read_skipped(write(tmp_path, "empty.html", "<script>x()</script><style>a{}</style>"))
    assert skipped.reason == "no visible text"


# --- JSON and JSON Lines ---------------------------------------------------------------------------


def record(n: int, **extra: str) -> dict[str, str]:
    return {
        "source": "sabq",
        "url": f"https://sabq.org/{n}",
        "date_extracted": "2015-08-06",
        "title": f"عنوان {n}",
        "content": f"نص الخبر رقم {n}.",
        **extra,
    }


def test_json_array_of_records(tmp_path: Path) -> None:
    path = write(tmp_path, "day.json", json.dumps([record(0), record(1)], ensure_ascii=False))
    documents = read_path(path)
    assert [d.path for d in documents] == [f"{path}#0", f"{path}#1"]
    first = documents[0]
    assert isinstance(first, Document)
    assert first == Document(
        path=f"{path}#0",
        name="day.json#0",
        text="نص الخبر رقم 0.",
        sha256=first.sha256,
        title="عنوان 0",
        outlet="sabq",
        url="https://sabq.org/0",
        date="2015-08-06",
    )


def test_json_single_object_and_articles_wrapper(tmp_path: Path) -> None:
    single = write(tmp_path, "one.json", json.dumps({"outlet": "okaz", "text": "خبر واحد", "published": "x"}))
    document = read_document(single)
    assert (document.path, document.text, document.outlet, document.date) == (f"{single}#0", "خبر واحد", "okaz", "x")

    wrapped = write(tmp_path, "feed.json", json.dumps({"articles": [{"body": "أ"}, {"body": "ب"}]}))
    assert [d.text for d in read_path(wrapped)] == ["أ", "ب"]


def test_json_text_field_preference_and_records_without_text(tmp_path: Path) -> None:
    records = [{"content": "", "text": "  ", "body": "من الجسم"}, {"title": "بلا نص"}, "not an object"]
    path = write(tmp_path, "mixed.json", json.dumps(records))
    first, second, third = read_path(path)
    assert isinstance(first, Document) and first.text == "من الجسم"
    assert second == Skipped(f"{path}#1", "record has no content, text or body")
    assert third == Skipped(f"{path}#2", "record is not a JSON object")


def test_invalid_json_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.json", '[\n {"content": "a"},\n {"content": }\n]')
    assert read_skipped(path).reason == "not valid JSON: line 3"


def test_jsonl_with_one_bad_line_reads_the_rest(tmp_path: Path) -> None:
    lines = [json.dumps(record(0), ensure_ascii=False), "", '{"content": "broken', json.dumps(record(2))]
    path = write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    items = read_path(path)
    assert [type(item) for item in items] == [Document, Skipped, Document]
    assert items[1] == Skipped(f"{path}#1", "not valid JSON: line 3")
    assert items[2].path == f"{path}#2"
    assert items[2].name == "feed.jsonl#2"


def test_jsonl_keeps_line_separators_inside_strings(tmp_path: Path) -> None:
    # U+2028 is legal unescaped inside a JSON string; it must not split the record.
    path = write(tmp_path, "feed.jsonl", '{"content": "سطر\u2028ثان"}\r\n')
    assert read_document(path).text == "سطر\nثان"


def test_json_strings_are_cleaned_including_lone_surrogates(tmp_path: Path) -> None:
    path = write(tmp_path, "x.json", r'{"content": "\u001b[2Jنص\ud800 [the war]", "title": "\u202eعنوان\n"}')
    document = read_document(path)
    assert document.text == "نص [the war]"
    assert document.title == "عنوان"


@pytest.mark.skipif(not SAUDINEWSNET.is_dir(), reason="SaudiNewsNet corpus not available")
def test_a_real_saudinewsnet_day_reads_as_documents(tmp_path: Path) -> None:
    zip_path = min(SAUDINEWSNET.glob("*.zip"), key=lambda p: p.stat().st_size)
    with zipfile.ZipFile(zip_path) as archive:
        member = archive.namelist()[0]
        raw = archive.read(member)
    records = json.loads(raw)
    path = write(tmp_path, member, raw)
    items = read_path(path)
    documents = [item for item in items if isinstance(item, Document)]
    assert len(items) == len(records)
    assert len(documents) >= 0.95 * len(records)
    first_index = int(documents[0].path.rsplit("#", 1)[1])
    first_record = records[first_index]
    assert documents[0].outlet == first_record["source"]
    assert documents[0].url == first_record["url"]
    assert documents[0].date == first_record["date_extracted"]


# --- files that are skipped ------------------------------------------------------------------------


def test_empty_and_whitespace_only_files_are_skipped(tmp_path: Path) -> None:
    assert read_skipped(write(tmp_path, "empty.txt", b"")).reason == "empty file"
    assert read_skipped(write(tmp_path, "blank.md", " \n\t\r\n \x1b[0m")).reason == "empty file"
    assert read_skipped(write(tmp_path, "blank.json", "\n")).reason == "empty file"


def test_binary_files_are_skipped(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(2).randbytes(4000)
    assert read_skipped(write(tmp_path, "image.txt", png)).reason == "binary file"
    no_nul = bytes(b for b in random.Random(3).randbytes(4000) if b)
    assert read_skipped(write(tmp_path, "noise.html", no_nul)).reason == "binary file"


def test_too_large_files_are_skipped_with_their_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 100)
    skipped = read_skipped(write(tmp_path, "big.txt", "ا" * 200))
    assert skipped.reason == "too large (400 bytes > 100 bytes)"


def test_a_sparse_60_mb_file_is_skipped_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as file:
        file.truncate(60 * 1024 * 1024)

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("a too large file must not be opened")

    monkeypatch.setattr(ingest, "open", no_open, raising=False)
    assert read_skipped(path).reason == "too large (60 MB > 50 MB)"


def test_unreadable_files_are_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "secret.txt", "نص")

    def denied(file: object, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(file))

    monkeypatch.setattr(ingest, "open", denied, raising=False)
    assert read_skipped(path) == Skipped(str(path), "permission denied")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_a_file_without_read_permission_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", "نص")
    path.chmod(0)
    try:
        assert read_skipped(path).reason == "permission denied"
    finally:
        path.chmod(0o644)


def test_an_explicitly_named_unsupported_file_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path, "report.pdf", b"%PDF-1.7")
    assert list(iter_documents([path])) == [Skipped(str(path), "unsupported type .pdf")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_skipped_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    assert list(iter_documents([tmp_path])) == [Skipped(str(pipe), "not a regular file")]


# --- paths and folders -----------------------------------------------------------------------------


def test_a_missing_path_raises_before_anything_is_read(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", "نص")
    missing = tmp_path / "missing.txt"
    documents = iter_documents([good, missing])
    with pytest.raises(IngestError, match="^no such file or folder: .*missing.txt$"):
        next(documents)
    with pytest.raises(IngestError):
        count_files([missing])


def test_folders_are_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", "ب")
    write(tmp_path, "a.md", "أ")
    write(tmp_path, "sub/c.html", "<p>ج</p>")
    write(tmp_path, "sub/deeper/d.jsonl", '{"text": "د"}\n{"text": "هـ"}')
    write(tmp_path, "z.TXT", "ز")  # suffixes are case-insensitive
    write(tmp_path, ".hidden.txt", "مخفي")
    write(tmp_path, ".git/notes.txt", "مخفي")
    write(tmp_path, "sub/.cache/e.txt", "مخفي")
    write(tmp_path, "image.png", b"\x89PNG")  # unsupported inside a folder: silently ignored
    items = list(iter_documents([tmp_path]))
    assert all(isinstance(item, Document) for item in items)
    assert [item.text for item in items] == ["أ", "ب", "ز", "ج", "د", "هـ"]
    assert count_files([tmp_path]) == 5


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "نص")
    assert len(list(iter_documents([path, tmp_path, str(path)]))) == 1
    assert count_files([path, tmp_path]) == 1


def test_a_hidden_file_named_explicitly_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, ".draft.txt", "مسودة")
    assert [item.text for item in iter_documents([path])] == ["مسودة"]


def test_symlink_loops_do_not_hang(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "نص")
    (tmp_path / "back").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "loop1.txt").symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(tmp_path / "loop1.txt")
    items = list(iter_documents([tmp_path]))
    assert [type(item) for item in items] == [Document, Skipped, Skipped]
    assert items[1].reason == "symbolic link loop"


def test_output_is_deterministic(tmp_path: Path) -> None:
    for n in range(5):
        write(tmp_path, f"dir{n % 2}/{n}.txt", f"خبر {n}")
    write(tmp_path, "feed.json", json.dumps([record(0), record(1)]))
    assert list(iter_documents([tmp_path])) == list(iter_documents([tmp_path]))


# -- one bad file never stops the others; damaged UTF-8 is read with a warning (issue 14) -----------------------
def test_a_json_integer_of_5000_digits_is_a_one_line_skip_and_the_other_files_are_read(tmp_path: Path) -> None:
    write(tmp_path, "huge.json", '{"title": "x", "content": "y", "n": ' + "7" * 5000 + "}")
    write(tmp_path, "huge.jsonl", '{"content": "' + ARABIC[:40] + '"}\n{"n": ' + "7" * 5000 + "}\n")
    write(tmp_path, "fine.txt", ARABIC)
    items = list(iter_documents([tmp_path]))
    skipped = {Path(i.path).name: i.reason for i in items if isinstance(i, Skipped)}
    assert skipped == {"huge.json": "not valid JSON: a number too long to read",
                       "huge.jsonl#1": "not valid JSON: line 2"}  # fmt: skip
    assert sorted(i.name for i in items if isinstance(i, Document)) == ["fine.txt", "huge.jsonl#0"]


def test_any_unexpected_error_in_one_file_becomes_a_one_line_skip(tmp_path: Path, monkeypatch) -> None:
    def broken(path: str, decoded: str) -> Document:
        raise RuntimeError("something nobody foresaw\nwith a second line")

    monkeypatch.setattr(ingest, "_plain_document", broken)
    skipped = read_skipped(write(tmp_path, "a.txt", ARABIC))
    assert skipped.reason == "could not be read (RuntimeError: something nobody foresaw)"


def _inside_a_letter(data: bytes, after: int) -> int:
    """The first continuation byte (the second half of an Arabic letter) at or after this offset."""
    return next(i for i in range(after, len(data)) if 0x80 <= data[i] < 0xC0)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: _inside_a_letter(data, len(data) // 2)],  # cut in the middle of a letter
        lambda data: data[: _inside_a_letter(data, 100)] + data[_inside_a_letter(data, 100) + 1 :],  # a byte lost
        lambda data: data + ARABIC.encode("cp1256"),  # a passage pasted from a Windows-1256 file
    ],
)
def test_almost_valid_utf8_is_read_with_replacement_characters_and_a_warning(tmp_path: Path, damage) -> None:
    data = ARABIC.encode("utf-8")
    document = read_document(write(tmp_path, "damaged.txt", damage(data)))
    assert "\ufffd" in document.text
    assert document.warning is not None and "invalid UTF-8" in document.warning
    assert ARABIC.splitlines()[0][:40] in document.text


def test_windows_1256_is_not_mistaken_for_damaged_utf8(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "legacy.txt", ARABIC.encode("cp1256")))
    assert document.text == ARABIC and document.warning is None


def test_a_text_far_longer_than_any_article_is_cut_with_a_warning(tmp_path: Path) -> None:
    line = ARABIC.splitlines()[0] + "\n"
    document = read_document(write(tmp_path, "huge.txt", line * (ingest.MAX_ARTICLE_CHARS // len(line) * 3)))
    assert len(document.text) <= ingest.MAX_ARTICLE_CHARS
    assert document.text.endswith(line.strip())  # cut at a line end
    assert document.warning is not None and "cut at" in document.warning
