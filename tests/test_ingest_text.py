"""What ingest must recover from the flattened text: footnotes, captions, columns, and every word once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bluebook_tui.library import Library, load_edition
from bluebook_tui.library.ingest import ingest_text
from bluebook_tui.library.model import parse_edition
from tests.support import EDITIONS, edition_words, words

CAPTION = re.compile(r"^\{\.caption\}\n\*(.+)\*$", re.MULTILINE)


@pytest.mark.parametrize("edition", EDITIONS)
def test_committed_markdown_is_what_ingest_makes(edition: str, bundled_content: Path, sources: dict[str, str]) -> None:
    committed = (bundled_content / f"{edition}.md").read_text(encoding="utf-8")
    assert ingest_text(sources[edition], edition, source=f"{edition}.txt") == committed


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_source_word_appears_once(edition: str, library: Library, sources: dict[str, str]) -> None:
    source, kept = words(sources[edition]), edition_words(library.edition(edition))
    assert kept - source == {}, "words the source does not have"
    captions = [caption.replace("\\", "") for caption in CAPTION.findall(library.edition(edition).markdown)]
    doubled = [caption for caption in captions if sources[edition].count(caption[:30]) >= 2]
    # The only words dropped are the second copies of the captions the source prints twice.
    assert source - kept == sum((words(caption) for caption in doubled), start=words(""))


@pytest.mark.parametrize(
    ("edition", "glued", "reference"),
    [
        ("2016", "(GCTF)1 in", "(GCTF)[^3.A-1] in"),
        ("2016", "Protocols3.", "Protocols[^3.A-3]."),
        ("2016", "(FATF)4has", "(FATF)[^3.D-4] has"),
        ("2016", "Team)1 and", "Team)[^5-1] and"),
        ("2022", "(ARF)3 to", "(ARF)[^4.A.A-3] to"),
        ("2022", "AOIP,4 including", "AOIP,[^4.A.A-4] including"),
        ("2022", "Operations.5", "Operations.[^4.A.D-5]"),
        ("2022", "(R-ARCSS)8 signed", "(R-ARCSS)[^6.A.B.b-8] signed"),
        ("2022", "ALTs(Note)", "ALTs[^1.col-Note]"),
    ],
)
def test_glued_digits_become_footnote_references(
    edition: str, glued: str, reference: str, library: Library, sources: dict[str, str]
) -> None:
    assert glued in sources[edition]
    markdown = library.edition(edition).markdown
    assert glued not in markdown
    assert reference in markdown


def test_every_note_is_referred_to_once_and_sits_in_its_section(library: Library) -> None:
    for section in library.walk():
        definitions = re.findall(r"^\[\^([^\]]+)\]:", section.markdown, re.MULTILINE)
        references = re.findall(r"\[\^([^\]]+)\](?!:)", section.markdown)
        assert sorted(definitions) == sorted(references), section.id
        if definitions:
            assert section.markdown.rstrip().splitlines()[-1].startswith("[^"), "notes close their section"


def test_codes_with_digits_are_not_footnotes(library: Library) -> None:
    text = library.edition("2022").markdown
    for code in ("CSG21", "APT10", "APT40", "G7++", "TICAD7", "COVID-19", "5G", "Unit 61419"):
        assert code in text


def test_captions_are_kept_once_as_captions(library: Library, sources: dict[str, str]) -> None:
    markdown = library.edition("2016").markdown
    caption = "Uotsurishima island, Senkaku islands (Photo: Cabinet Public Relations Office)"
    assert sources["2016"].count(caption) == 2
    assert markdown.count(caption) == 1
    assert f"{{.caption}}\n*{caption}*" in markdown
    ardec = 'Training scene from the “UN Project for Africa Rapid Deployment of Engineering Capabilities (ARDEC)"'
    assert f"{{.caption}}\n*{ardec}*" in markdown


def test_a_caption_split_over_two_lines_is_one_caption(library: Library) -> None:
    markdown = library.edition("2022").markdown
    whole = "*Opening Ceremony of the Kyoto Congress (March 7, Kyoto. Photo: UNDGC)*"
    assert f"{{.caption}}\n{whole}" in markdown
    assert markdown.count("(March 7, Kyoto. Photo: UNDGC)") == 1
    assert markdown.count("(November 7, Iwakuni City)") == 1


def test_caption_continuations_and_sentences_are_not_headings(library: Library) -> None:
    headings = [section.heading for section in library.walk()]
    assert not any(heading.startswith(("(November 7", "(March 7", "I am currently")) for heading in headings)
    assert "I am currently serving as Chair" in library.section("2022/5.B.col1").markdown


def test_columns_hold_their_author_lines_and_paragraphs(library: Library) -> None:
    column = library.section("2022/1.col1")
    assert "**■Horikawa Maria, Yamaguchi Prefectural Iwakuni High School**" in column.markdown
    assert "ALT stands for Assistant Language Teacher" in column.markdown
    assert "Scaled-up trainings are scheduled for 2016" in library.section("2016/3.E.col1").markdown
    assert "Scaled-up" not in library.section("2016/3.E").markdown
    columns = [section for section in library.walk() if section.kind == "column"]
    assert [column.id for column in columns] == ["2016/3.E.col1", "2022/1.col1", "2022/5.B.col1", "2022/7.A.col1"]


@pytest.mark.parametrize(
    ("section_id", "title", "byline"),
    [
        (
            "2022/5.B.col1",
            "Serving as Chair of the Legal Subcommittee of the Committee on the Peaceful Uses of Outer Space (COPUOS)",
            "Professor Aoki Setsuko, Keio University Law School",
        ),
        (
            "2022/7.A.col1",
            "Participating in the Program for Global Human Resource Development for Peacebuilding and Development",
            "Yamasaki Tomomi, Program Support Officer (Peacebuilding), Nigeria office of the International Organization"
            " for Migration (IOM)",
        ),
    ],
)
def test_a_byline_glued_to_a_column_title_opens_the_column(
    section_id: str, title: str, byline: str, library: Library, sources: dict[str, str]
) -> None:
    assert f"{title} {byline}\n" in sources["2022"]
    column = library.section(section_id)
    assert column.heading == title
    assert column.markdown.startswith(f"{{.byline}}\n*{byline}*\n\n")
    assert column.text.split("\n\n")[0] == byline
    assert byline not in library.section(section_id.rsplit(".", 1)[0]).text


@pytest.mark.parametrize(
    ("section_id", "title"),
    [
        (
            "2016/3.E.col1",
            "Training of peacekeeping personnel in Africa via the Project for African Rapid Deployment of Engineering"
            " Capabilities ~ Transferring skills and experience~",
        ),
        (
            "2022/1.col1",
            "Project to Promote Exchanges and Enhance Mutual Understanding between Japan and the U.S. (Youth Exchange"
            " Program)",
        ),
    ],
)
def test_a_column_without_byline_keeps_its_whole_title(
    section_id: str, title: str, library: Library, sources: dict[str, str]
) -> None:
    assert f"\n{title}\n" in sources[section_id.split("/")[0]]
    column = library.section(section_id)
    assert column.heading == title
    assert "{.byline}" not in column.markdown


def _edition_with(heading: str, column_title: str) -> str:
    return ingest_text(
        f"Book\nChapter 3\nTitle\n3 Global Security\n\n{heading}\n\nA paragraph.\n\n{column_title}\n\nThe column.\n",
        "2030",
    )


def test_only_a_column_title_loses_its_byline() -> None:
    heading = "(1) Dialogue on Outer Space Aoki Setsuko, Keio University Law School"
    edition = parse_edition(_edition_with(heading, "Outer Space Law Dr. Aoki Setsuko, Keio University"), Path("x.md"))
    section, column = edition.walk()
    assert section.heading == heading
    assert section.text == "A paragraph."
    assert (column.kind, column.heading) == ("column", "Outer Space Law")
    assert column.text == "Dr. Aoki Setsuko, Keio University\n\nThe column."


@pytest.mark.parametrize(
    "column_title",
    [
        "Cooperation with Southeast Asia, Africa and Europe",  # the "name" is what the title is about
        "Maritime Order Space Industry, and Beyond",  # a list goes on after the comma
        "Capacity Building for UN PKO, African Engineers",  # acronyms are no name
        "Japan and the U.S., Australia and India",
        "Aoki Setsuko, Keio University",  # nothing would be left of the title
    ],
)
def test_a_comma_in_a_column_title_is_not_taken_for_a_byline(column_title: str) -> None:
    markdown = _edition_with("(1) Regional Security", column_title)
    *_, column = parse_edition(markdown, Path("x.md")).walk()
    assert (column.kind, column.heading) == ("column", column_title)
    assert "{.byline}" not in markdown


def _damage(text: str) -> str:
    """A copy as a careless export makes it: BOM, CRLF, no-break spaces, tabs, trailing blanks, straight quotes."""
    text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    text = text.replace(" the ", "\u00a0the ").replace(" of ", "\tof ")
    return "\ufeff" + "\r\n".join(line + "  " for line in text.split("\n"))


def _shape(markdown: str) -> list[tuple[str, int, str, str]]:
    edition = parse_edition(markdown, Path("x.md"))
    return [(s.id, s.level, s.kind, s.heading.replace("’", "'")) for s in edition.walk()]


@pytest.mark.parametrize("edition", EDITIONS)
def test_a_damaged_copy_reads_the_same(edition: str, sources: dict[str, str]) -> None:
    clean = ingest_text(sources[edition], edition)
    damaged = ingest_text(_damage(sources[edition]), edition)
    assert _shape(damaged) == _shape(clean)
    assert words(damaged) == words(clean)


def test_the_model_loads_what_ingest_wrote(tmp_path: Path, sources: dict[str, str]) -> None:
    path = tmp_path / "2016.md"
    path.write_text(ingest_text(sources["2016"], "2016"), encoding="utf-8")
    edition = load_edition(path)
    assert edition.section("2016/3.D").text.startswith("In terms of measures to combat money laundering")
    assert "(FATF)[4] has" in edition.section("2016/3.D").text


def test_find_gives_a_section_or_none(library: Library) -> None:
    assert library.find("2022/1.col1") is library.section("2022/1.col1")
    assert library.find("2022/99") is None
    assert library.find("1999/1") is None


def test_a_repeated_paragraph_does_not_take_its_twins_footnote_reference() -> None:
    source = (
        "Book\nChapter 3\nTitle\n3 Global Security\n\n(1) Regional Security\n\n"
        "Forum members (ARF)3 met again.\n\nForum members (ARF)3 met again.\n\n• 3: The note.\n"
    )
    assert ingest_text(source, "2030").count("[^1-3]") == 2  # one reference, one definition
