"""Property: for any edition shaped like the Bluebook, ingest recovers the outline (column titles without their
bylines) and loses no word."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bluebook_tui.library.ingest import ingest_text
from bluebook_tui.library.model import parse_edition
from tests.support import words

VOCABULARY = [
    "security",
    "Japan",
    "Japan’s",
    "maritime",
    "cooperation",
    "the",
    "of",
    "UN",
    "PKO",
    "Senkaku",
    "dialogue",
    "2015",
    "Indo-Pacific",
    "capacity-building",
    "G7",
    "2+2",
    "(ARF)",
    "piracy",
    "“free",
    "open”",
    "O'Neill",
    "5G",
    "CSG21",
    "COVID-19",
    "and",
    "in",
    "ASEAN",
    "Gulf",
    "Guinea",
    "peace*",
    "[sic]",
    "#1",
    "under_score",
]
TITLE_WORDS = ["Regional", "Security", "Maritime", "Order", "Outer", "Space", "Cyber", "Peacebuilding", "Measures"]
NAMES = ["Aoki Setsuko", "Yamasaki Tomomi", "O’Neill Mary", "McDonald-Smith Anne"]
HONORIFICS = ["", "Professor ", "Dr. ", "Ms. ", "Ambassador "]
AFFILIATIONS = ["Keio University Law School", "Program Support Officer (Peacebuilding), Nigeria office of IOM"]


@dataclass
class Generated:
    lines: list[str] = field(default_factory=list)
    outline: list[tuple[int, str]] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)


@st.composite
def sentence(draw: st.DrawFn) -> str:
    body = draw(st.lists(st.sampled_from(VOCABULARY), min_size=3, max_size=12))
    return " ".join([body[0].capitalize(), *body[1:]]) + "."


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(sentence(), min_size=1, max_size=3)))


@st.composite
def title(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(st.sampled_from(TITLE_WORDS), min_size=1, max_size=5)))


@st.composite
def column(draw: st.DrawFn, out: Generated, level: int) -> None:
    """A boxed column: its title line, perhaps with its author's byline glued on, and a paragraph."""
    heading = f"Working on {draw(title())}"  # not a title printed twice, which reads as a caption
    byline = (
        draw(st.sampled_from(HONORIFICS)) + draw(st.sampled_from(NAMES)) + ", " + draw(st.sampled_from(AFFILIATIONS))
    )
    line = f"{heading} {byline}" if draw(st.booleans()) else heading
    out.outline.append((level, heading))
    out.lines += ["", line, "", draw(paragraph()), ""]  # a line of its own, even after a footnote


@st.composite
def section_body(draw: st.DrawFn, out: Generated, level: int) -> None:
    """Paragraphs, perhaps a doubled photo caption, perhaps a footnote glued to a word and its note, perhaps a
    column."""
    for _ in range(draw(st.integers(0, 2))):
        out.lines += [draw(paragraph()), ""]
    if draw(st.booleans()):
        caption = f"{draw(title())} (Photo: {draw(title())})"
        out.captions.append(caption)
        out.lines += [caption + caption, ""]
    if draw(st.booleans()):
        number = draw(st.integers(1, 9))
        out.lines += [f"{draw(paragraph())[:-1]} measures{number} taken.", "", f"  • {number} {draw(paragraph())}"]
    if draw(st.booleans()):
        draw(column(out, level + 1))


@st.composite
def edition_source(draw: st.DrawFn) -> Generated:
    out = Generated(lines=["Diplomatic Bluebook 2030", "", "Chapter 3", "", draw(title()), "", "3 Global Security", ""])
    letter_style = draw(st.sampled_from(["{}. ", "{} "]))
    for top in range(1, draw(st.integers(1, 4)) + 1):
        heading = f"({top}) {draw(title())}"
        out.outline.append((1, heading))
        out.lines += [heading, ""]
        draw(section_body(out, 1))
        for letter in "ABC"[: draw(st.integers(0, 3))]:
            heading = letter_style.format(letter) + draw(title())
            out.outline.append((2, heading))
            out.lines += [heading, ""]
            draw(section_body(out, 2))
            for sub in "ab"[: draw(st.integers(0, 2))]:
                heading = f"({sub}) {draw(title())}"
                out.outline.append((3, heading))
                out.lines += [heading, ""]
                draw(section_body(out, 3))
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edition_source())
def test_outline_recovered_and_no_word_lost(generated: Generated) -> None:
    source = "\n".join(generated.lines)
    markdown = ingest_text(source, "2030")
    edition = parse_edition(markdown, Path("2030.md"))
    assert [(section.level, section.heading) for section in edition.walk()] == generated.outline
    body_words = words(" ".join(section.text for section in edition.walk()))
    headings = words(" ".join(section.heading for section in edition.walk()))
    kept = body_words + headings + words(" ".join([edition.book, edition.chapter, edition.chapter_title]))
    kept += words(edition.heading)
    dropped = sum((words(caption) for caption in generated.captions), start=words(""))
    assert kept == words(source) - dropped


@settings(max_examples=80, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_any_text_either_ingests_or_says_why(text: str) -> None:
    from bluebook_tui.library.errors import IngestError

    try:
        markdown = ingest_text(text, "x")
    except IngestError as error:
        assert "\n" not in str(error)
        return
    parse_edition(markdown, Path("x.md"))
