"""Display-only bidi: wrap in logical order, reorder each visual line, keep the map back to the stored text."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from factcheck_tui.tui import bidi
from factcheck_tui.tui.widgets.text import BidiText, Display


def plain_render(renderable, width: int = 60) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, record=True, legacy_windows=False)
    console.print(renderable)
    return console.export_text()


def test_two_lines_keep_their_order_and_each_reads_right_to_left():
    lines = bidi.layout("سطر أول\nسطر ثان", 40, reorder=True, shaping=False)
    assert [line.text for line in lines] == ["لوأ رطس", "ناث رطس"]
    assert all(line.rtl for line in lines)


def test_wrapping_happens_in_logical_order_so_the_first_words_are_on_the_first_line():
    text = "استمرت المحادثات ثلاث ساعات بعد أن هبط ويتكوف في روسيا"
    lines = bidi.layout(text, 20, reorder=True, shaping=False)
    assert len(lines) > 1
    first = "".join(text[a] for a, _ in sorted(lines[0].src))
    assert text.startswith(first.strip())
    # visual order of the first line is the reverse of its logical order
    assert lines[0].text == first[::-1]


def test_off_leaves_logical_order():
    text = "استمرت المحادثات"
    assert bidi.layout(text, 40, reorder=False)[0].text == text


def test_latin_name_inside_arabic_keeps_reading_left_to_right():
    line = bidi.single_line("حذر Volodymyr Zelensky من", 80, reorder=True, shaping=False)
    assert "Volodymyr Zelensky" in line.text
    assert line.text.endswith("رذح")  # the sentence's first word is at the right


def test_paragraph_starting_with_a_latin_name_is_still_right_to_left():
    assert bidi.is_rtl("Witkoff التقى بوتين في الكرملين لمدة ثلاث ساعات")
    assert not bidi.is_rtl("Witkoff met Putin, بوتين")


def test_same_order_as_python_bidi_reference_on_every_seed_sentence():
    """Without brackets or harakat (where we add N0 and L3), each line matches python-bidi's get_display."""
    from bidi.algorithm import get_display

    from factcheck_tui.store.api import bundled_seeds

    checked = 0
    for path in sorted(bundled_seeds().glob("*.txt")):
        for para in path.read_text(encoding="utf-8").splitlines():
            if not para.strip() or any(c in para for c in "()[]{}") or any(bidi._is_mark(c) for c in para):
                continue
            rtl = bidi.is_rtl(para)
            ours = bidi.single_line(para, 10_000, reorder=True, shaping=False).text
            assert ours == get_display(para.rstrip(), base_dir="R" if rtl else "L"), para
            checked += 1
    assert checked > 20


def test_percent_sign_matches_the_reference_and_does_not_change_across_a_wrap():
    text = "رسوم بنسبة 100% على الدول"
    whole = bidi.single_line(text, 80, reorder=True, shaping=False).text
    assert "%100" in whole
    wrapped = bidi.layout(text, 14, reorder=True, shaping=False)
    assert any("%100" in line.text for line in wrapped)


def test_paired_brackets_around_latin_inside_arabic():
    line = bidi.single_line("قال الإعلام الروسي (RT) 25% x", 80, reorder=True, shaping=False)
    assert line.text == "25% x (RT) يسورلا مالعإلا لاق"


def test_guillemets_are_mirrored_in_right_to_left_text():
    line = bidi.single_line("قال «نعم»", 80, reorder=True, shaping=False)
    assert line.text == "«معن» لاق"


def test_combining_marks_follow_their_base_letter_after_reordering():
    word = "كَتَبَ"
    line = bidi.single_line(word, 80, reorder=True, shaping=False)
    # visual: ب َ ت َ ك َ  (each haraka right after its letter)
    assert line.text == "بَتَكَ"


def test_truncation_happens_in_logical_order_and_the_ellipsis_sits_at_the_visual_left():
    text = "استمرت المحادثات ثلاث ساعات ، تقرير الإعلام الروسي"
    line = bidi.single_line(text, 20, reorder=True, shaping=False)
    assert line.width <= 20
    assert line.text.startswith(bidi.ELLIPSIS)
    assert line.text.endswith("ترمتسا")  # the claim's first word stays visible, at the right


def test_shaping_keeps_harakat_and_has_no_allah_ligature_and_maps_back():
    text = "الْإِدَارَةُ والله"
    shaped, smap = bidi.shape(text)
    assert "\ufdf2" not in shaped  # ﷲ
    assert sum(1 for ch in shaped if bidi._is_mark(ch)) == sum(1 for ch in text if bidi._is_mark(ch))
    assert len(smap) == len(shaped)
    # every source character is covered by some shaped character
    covered = set()
    for a, b in smap:
        covered.update(range(a, b))
    assert covered == set(range(len(text)))


def test_no_newline_reaches_python_bidi_and_offsets_map_to_the_source():
    text = "أ\nب ج"
    lines = bidi.layout(text, 10, reorder=True, shaping=True)
    assert len(lines) == 2
    for line in lines:
        for a, b in line.src:
            assert "\n" not in text[a:b]


def test_control_characters_become_visible_one_for_one():
    text = "a\x1b[31mb\x07c\x9b"
    safe = bidi.sanitize(text)
    assert len(safe) == len(text)
    assert "\x1b" not in safe and "\x07" not in safe and "\x9b" not in safe
    assert safe.startswith("a␛[31mb␇c")


@pytest.mark.parametrize(
    "env, reorder, prefix",
    [
        ({"VTE_VERSION": "7006"}, True, "\x1b[8l"),
        ({"TMUX": "/tmp/tmux-0/default,1,0", "VTE_VERSION": "7006"}, True, "\x1bPtmux;"),
        ({"MLTERM": "3.9.0"}, False, ""),
        ({}, True, ""),
    ],
)
def test_auto_detection(env, reorder, prefix):
    d = bidi.detect("auto", env)
    assert d.reorder is reorder
    assert d.prefix.startswith(prefix)
    assert bidi.detect("off", env).reorder is False and bidi.detect("off", env).prefix == ""
    assert bidi.detect("on", {"MLTERM": "1"}).reorder is True
    assert bidi.detect("on", env).prefix.startswith(prefix)


def test_bidi_text_never_parses_markup_and_highlights_spans_after_reordering():
    from rich.style import Style

    text = "قال [bold red]x[/] و [the war] انتهى"
    out = plain_render(BidiText(text, Display(reorder=False)), width=80)
    assert "[bold red]x[/]" in out and "[the war]" in out

    # a span on the stored text lands on the same characters after reordering
    display = Display(reorder=True, shaping=False)
    start = text.index("انتهى")
    rich_text = BidiText(text, display, spans=[(start, start + 5, Style(bold=True))])
    console = Console(file=io.StringIO(), width=80, color_system=None, legacy_windows=False)
    segments = list(console.render(rich_text, console.options.update_width(80)))
    bold = "".join(s.text for s in segments if s.style and s.style.bold)
    assert bold == "انتهى"[::-1]


def test_rtl_lines_are_right_aligned_when_the_app_reorders():
    out = plain_render(BidiText("سطر", Display(reorder=True, shaping=False)), width=10)
    assert out.splitlines()[0] == "       رطس"


def test_the_terminal_bidi_is_turned_off_before_the_first_frame_and_back_on_after(monkeypatch, seeded_db):
    """VTE: CSI 8 l goes out before App.run draws anything, CSI 8 h after it returns; never when headless."""
    import textual.app

    from factcheck_tui.store.api import Store
    from factcheck_tui.tui.app import make_app

    class FakeTTY(io.StringIO):
        def isatty(self) -> bool:
            return True

    calls = []
    monkeypatch.setattr(textual.app.App, "run", lambda self, *a, **k: calls.append(fake.getvalue()) or 0)
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    fake = FakeTTY()
    monkeypatch.setattr("sys.__stderr__", fake)
    with Store(seeded_db) as store:
        app = make_app(store, "amal", bidi="auto", environ={"VTE_VERSION": "7006"}, keymap={})
        app.run()
        assert calls == ["\x1b[8l"] and fake.getvalue() == "\x1b[8l\x1b[8h"
        fake.truncate(0)
        fake.seek(0)
        app.run(headless=True)
        assert fake.getvalue() == ""
        terminal_app = make_app(store, "amal", bidi="off", environ={"VTE_VERSION": "7006"}, keymap={})
        terminal_app.run()
        assert fake.getvalue() == ""  # --bidi off leaves VTE's own bidi on


def _seed_and_generated_paragraphs() -> list[str]:
    from factcheck_tui.store.api import bundled_seeds

    texts = [p for f in bundled_seeds().glob("*.txt") for p in f.read_text(encoding="utf-8").split("\n") if p]
    texts += [
        "(مرحبا) «عالم»",
        "قال: ـ نعم؟!",
        "\u064eبدأ",
        "لا إله",
        "سلام\u200dعليكم",
        "نص ، آخر . ",
        "",
        " ",
        "اﻷفلاج …",
        "بخير)…",
    ]
    return texts


def test_the_shortcuts_give_what_the_whole_algorithm_gives():
    """A right-to-left paragraph without Latin letters, digits or explicit embeddings is level 1 throughout, and a
    text without harakat maps its shaped glyphs back letter by letter: both shortcuts agree with the full steps."""
    taken = 0
    for text in _seed_and_generated_paragraphs():
        for rtl in (True, False):
            assert bidi.embedding_levels(text, rtl) == bidi._resolved_levels(text, rtl)
        shaped, mapping = bidi.shape(text)
        assert mapping == bidi._align(text, shaped)
        taken += not any(bidi._is_mark(ch) for ch in text) and bidi.has_rtl(text)
    assert taken > 20  # the shortcut was taken, not only the full path


ALPHABET = "ابتثجحخدلامنهويءأإآىةلا" + "abcXYZ0123456789٠١٢" + ' .،,؟?!:()[]«»"-/' + "\u064e\u0651\u200f\u200d"


@given(st.text(alphabet=ALPHABET, max_size=120), st.booleans())
@settings(max_examples=300, deadline=None)
def test_the_shortcuts_agree_on_generated_text(text, rtl):
    text = bidi.sanitize(text).replace("\n", " ")
    assert bidi.embedding_levels(text, rtl) == bidi._resolved_levels(text, rtl)
    shaped, mapping = bidi.shape(text)
    assert mapping == bidi._align(text, shaped)


def test_text_the_shaping_library_fails_on_is_shown_unshaped():
    """arabic_reshaper raises IndexError on a joiner just before a lam-alef ligature; article text is data and
    the screen must draw it."""
    import unicodedata

    for text in ("\u200dلا", "\u200dلآ", "x\u200dلا"):
        shown = "".join(line.text for line in bidi.layout(text, 20, True, True))
        assert "ل" in unicodedata.normalize("NFKC", shown) and text[-1] in shown  # unshaped, the letters all there
        assert bidi.single_line(text, 10, True, True).text


def test_a_row_cut_from_a_text_with_a_joiner_is_the_whole_texts():
    """The shaping library fails on a joiner before lam-alef (shape falls back to unshaped text): a claims row cut
    from the beginning of a long text must fail or not as the whole text does."""
    from factcheck_tui.tui.bidi import _fit, one_line, single_line

    for text in ("بب " * 20 + "\u200dلا", "\u200d" + "ب" * 22 + "لا" + "ب" * 40):
        whole = one_line(text)
        assert single_line(text, 10, True, True) == _fit(whole, whole, 10, True, True)


def test_an_empty_span_inside_a_ligature_styles_it_as_trying_each_span_does():
    """A span of no letters between the two letters of a lam-alef touches the ligature (BidiText._style_at); the
    spans worked out once per text say the same."""
    from rich.style import Style

    from factcheck_tui.tui.widgets.text import BidiText, Display

    bold = Style(bold=True)
    for text, spans in (("لا", [(1, 1, bold)]), ("بلَا", [(3, 2, bold)])):
        shown = BidiText(text, Display(reorder=True, shaping=True), spans=spans)
        for line in shown.lines(20):
            shown.render_line(line, 20)
            for src in line.src:
                assert shown._style_by_covering(src) == shown._style_at(src)
