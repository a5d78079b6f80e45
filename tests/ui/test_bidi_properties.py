"""Properties of the bidi layout on generated mixed Arabic and Latin text (hypothesis): whatever the text, each
visual line fits its width, maps each cell back into the text, and no character is lost."""

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.style import Style

from factcheck_tui.tui.bidi import _fit, layout, one_line, sanitize, single_line
from factcheck_tui.tui.widgets.text import BidiText, Display

ALPHABET = "ابتثجحخدلامنهويءأإآىةلا" + "abcXYZ0123456789٠١٢" + ' .،,؟?!:()[]«»"-/\n' + "\u064e\u0651\u200f"


@given(st.text(alphabet=ALPHABET, max_size=200), st.integers(min_value=2, max_value=60), st.booleans(),
       st.booleans())  # fmt: skip
@settings(max_examples=300, deadline=None)
def test_layout_fits_maps_back_and_loses_nothing(text, width, reorder, shaping):
    shown = sanitize(text)
    lines = layout(text, width, reorder, shaping)
    for line in lines:
        assert cell_len(line.text) <= width
        assert len(line.src) == len(line.text)
        assert all(0 <= a < b <= len(shown) for a, b in line.src)
        if not reorder:
            assert line.text == "".join(shown[a:b] for a, b in line.src)  # logical order, one for one
    covered = {i for line in lines for a, b in line.src for i in range(a, b)}
    assert {i for i, ch in enumerate(shown) if not ch.isspace()} <= covered


SPAN_STYLES = [Style(bold=True), Style(underline=True), Style(color="red")]


@given(
    st.text(alphabet=ALPHABET, max_size=120),
    st.lists(st.tuples(st.integers(-2, 125), st.integers(-2, 125), st.sampled_from(SPAN_STYLES)), min_size=1,
             max_size=4),
    st.integers(min_value=2, max_value=40),
    st.booleans(),
    st.booleans(),
)  # fmt: skip
@settings(max_examples=300, deadline=None)
def test_styles_worked_out_once_are_each_characters_spans(text, spans, width, reorder, shaping):
    """BidiText styles a line's characters from the spans covering each offset, worked out once per text: the same
    style as trying every span on each character (a ligature stands for two offsets)."""
    shown = BidiText(text, Display(reorder=reorder, shaping=shaping), spans=spans)
    for line in shown.lines(width):
        shown.render_line(line, width)  # works the spans out
        for src in line.src:
            assert shown._style_by_covering(src) == shown._style_at(src)


@given(st.text(alphabet=ALPHABET + "\u200d", max_size=300), st.integers(min_value=1, max_value=80), st.booleans(),
       st.booleans())  # fmt: skip
@settings(max_examples=500, deadline=None)
def test_one_line_shaped_from_its_beginning_is_the_whole_texts(text, width, reorder, shaping):
    """single_line shapes and cuts only the beginning of a long text (bidi._enough_for): the line is the one the
    whole text gives (a joiner, on which the shaping library may fail, included)."""
    whole = one_line(text)
    assert single_line(text, width, reorder, shaping) == _fit(whole, whole, max(1, width), reorder, shaping)
