"""Properties of the pure text functions on generated text (hypothesis): what must hold for any input, not only
the sentences the other tests were written with."""

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_tui.store.text.arabic.normalize import DIACRITICS, normalize
from factcheck_tui.store.text.reading.sentences import split_sentences

# Arabic letters, hamza seats, diacritics and tatweel, Latin letters, digits (both scripts), the punctuation that
# ends or does not end sentences, brackets, quotes, spaces and line breaks.
ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئىة"
    "\u064b\u064e\u064f\u0650\u0651\u0652\u0640"
    "abcdefghijXYZ0123456789٠١٢٣٤٥٦٧٨٩"
    ' .،,؟?!…:()«»"|>\n'
)
TEXT = st.text(alphabet=ALPHABET, max_size=300)


@given(TEXT)
@settings(max_examples=300, deadline=None)
def test_normalize_is_idempotent_and_leaves_no_diacritics(text):
    once = normalize(text)
    assert normalize(once) == once
    assert not DIACRITICS.search(once)


@given(TEXT)
@settings(max_examples=300, deadline=None)
def test_sentences_are_the_texts_own_pieces_in_order(text):
    sentences = split_sentences(text)
    end = 0
    for i, s in enumerate(sentences):
        assert s.idx == i
        assert text[s.start : s.end] == s.text  # the offsets find each sentence in the article as written
        assert s.text == s.text.strip() and s.text
        assert s.start >= end  # in order, never overlapping
        end = s.end
