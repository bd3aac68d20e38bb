"""Sentences: split where a reader ends one, never inside an abbreviation, a number, a quote or a bracket, and
exactly: a section's sentences with the spacing between them give back its text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bluebook_tui.compare.paragraph_alignment import paragraphs
from bluebook_tui.compare.sentences import section_sentences, split_sentences
from bluebook_tui.library import Library


def sentences_of(paragraph: str) -> list[str]:
    return [paragraph[start:end] for start, end in split_sentences(paragraph)]


def assert_exact(text: str, spans: list[tuple[int, int]]) -> None:
    """The spans are in order, cover every non-space character, and only spacing lies between them."""
    at = 0
    for start, end in spans:
        assert at <= start < end <= len(text)
        assert text[at:start].strip() == ""
        assert text[start] != " " and text[end - 1] != " "
        at = end
    assert text[at:].strip() == ""


@pytest.mark.parametrize(
    "paragraph",
    [
        # From the books: abbreviations inside a sentence.
        "It is necessary to strengthen the Japan-U.S. Alliance, and to combine cooperation at multiple levels.",
        "Japan is promoting the Japan-U.S.-Australia trilateral Strategic Dialogue (September, 2015).",
        "A ministerial meeting in February (in Washington D.C., U.S.) was held to discuss countering extremism.",
        "Japanese Chairs to date include Dr. Horikawa Yasushi, who served as the Chair of the main Committee.",
        "Japan supports the Philippines, Malaysia, Vietnam, etc., in enhancing maritime capabilities.",
        "Japan provided around 3.5 million US dollars to the UNODC, and proactively supported these countries.",
        "The U.S. Government explains its operations, i.e. efforts to challenge excessive claims, as lawful.",
        "Japan supports the U.S. Freedom of Navigation Operations.",
        # A quoted speech of several sentences is one sentence of the text that quotes it.
        "He is proud, saying, “The trial training was a series of trial and error. We held many discussions. ”",
        # A bracket holding a full stop.
        "Signing Ceremony of the Agreement (January 6, 2022, Tokyo. Photo: Cabinet Public Relations Office)",
        # "No." before a number.
        "The resolution No. 2253 was adopted in the UN Security Council in December.",
    ],
)
def test_what_must_not_split(paragraph: str) -> None:
    assert sentences_of(paragraph) == [paragraph]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "Japan supports them through the provision of patrol vessels, etc. Japan is also advancing cooperation.",
            [
                "Japan supports them through the provision of patrol vessels, etc.",
                "Japan is also advancing cooperation.",
            ],
        ),
        (
            "Cooperation between Japan, Australia and the U.S. At the ninth consultations, the Ministers agreed.",
            ["Cooperation between Japan, Australia and the U.S.", "At the ninth consultations, the Ministers agreed."],
        ),
        (
            "It has pursued “Free, Open and Stable Seas.” “Free, Open and Stable Seas,” are essential.",
            ["It has pursued “Free, Open and Stable Seas.”", "“Free, Open and Stable Seas,” are essential."],
        ),
        (
            "The PBC conducts discussions in the agenda countries.[9] Japan has served as a member.",
            ["The PBC conducts discussions in the agenda countries.[9]", "Japan has served as a member."],
        ),
        (
            "The trial training was completed successfully. 11 instructors were dispatched.",
            ["The trial training was completed successfully.", "11 instructors were dispatched."],
        ),
        # A sentence without final punctuation is still one, and so is a sentence in another script.
        (
            "Assistance is currently suspended (as of December 2021)",
            ["Assistance is currently suspended (as of December 2021)"],
        ),
        ("日本は海洋国家である。安全保障が重要だ", ["日本は海洋国家である。", "安全保障が重要だ"]),
        # Capitals beyond ASCII open sentences too.
        (
            "La réunion eut lieu à Genève. Ça a marché. Élus.",
            ["La réunion eut lieu à Genève.", "Ça a marché.", "Élus."],
        ),
    ],
)
def test_where_a_sentence_ends(paragraph: str, expected: list[str]) -> None:
    assert sentences_of(paragraph) == expected


def test_a_stray_quote_does_not_swallow_the_rest_of_its_paragraph() -> None:
    # 2016's ARDEC caption closes a curly quote with a straight one; an unclosed “ must not hide the next stop.
    paragraph = 'Training under the “UN Project (ARDEC)" began. It went well.'
    assert sentences_of(paragraph) == ['Training under the “UN Project (ARDEC)" began.', "It went well."]


def test_every_section_of_both_books_is_exactly_its_sentences(library: Library) -> None:
    total = 0
    for section in library.walk():
        sentences = section_sentences(section)
        assert_exact(section.text, [(sentence.start, sentence.end) for sentence in sentences])
        assert [sentence.index for sentence in sentences] == list(range(len(sentences)))
        assert all(sentence.text == section.text[sentence.start : sentence.end] for sentence in sentences)
        assert all(sentence.address == f"{section.id}#{sentence.index}" for sentence in sentences)
        # Paragraphs are those the reader draws, each sentence in one.
        for sentence in sentences:
            assert sentence.text in paragraphs(section.text)[sentence.paragraph]
        total += len(sentences)
    assert total == 713


def test_footnotes_captions_and_bylines_are_sentences_of_their_kind(library: Library) -> None:
    note = section_sentences(library.section("2016/5"))[-1]
    assert note.kind == "footnote" and note.text.startswith("[1] In order to minimize")
    caption = section_sentences(library.section("2016/4.A.c.b"))[6]
    assert caption.kind == "caption" and caption.text.startswith("Uotsurishima island")
    byline = section_sentences(library.section("2022/5.B.col1"))[0]
    assert byline.kind == "byline" and byline.text == "Professor Aoki Setsuko, Keio University Law School"


def test_the_books_abbreviations_stay_inside_their_sentences(library: Library) -> None:
    ends = [sentence.text for section in library.walk() for sentence in section_sentences(section)]
    # "Japan-U.S." and "Washington D.C." occur dozens of times; no sentence ends or starts inside one.
    assert not [text for text in ends if re.search(r"Japan-U\.$|^S\.|D\.$|^C\., U\.S\.", text)]
    assert "For this reason, Japan supports the U.S. Freedom of Navigation Operations.[5]" in ends


_PIECES = st.sampled_from(
    ["Japan", "U.S.", "Dr.", "etc.", "3.5", "the", "“", "”", "(", ")", "[4]", ".", "!", "?", "。", "日本", "a"]
)
_SPACES = st.sampled_from([" ", "  ", "\n", "\t"])


@given(st.lists(st.tuples(_PIECES, _SPACES), max_size=30).map(lambda parts: "".join(a + b for a, b in parts)))
def test_any_paragraph_is_exactly_its_sentences(paragraph: str) -> None:
    assert_exact(paragraph, split_sentences(paragraph))
