"""Properties of the bidi layout on generated mixed Arabic and Latin text (hypothesis): whatever the text, each
visual line fits its width, maps each cell back into the text, and no character is lost."""

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from factcheck_tui.tui.bidi import layout, sanitize

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
