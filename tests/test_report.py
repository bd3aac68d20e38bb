"""The comparison report: what it holds, that it is escaped and self-contained, and its three formats agree."""

from __future__ import annotations

import csv
import io
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bluebook_tui import __version__
from bluebook_tui.compare import Alignment
from bluebook_tui.compare.sentences import section_sentences
from bluebook_tui.library import Library, load_library
from bluebook_tui.report import Report, build_report, render
from bluebook_tui.report.rendering import CSV_FIELDS, markdown_text

HOSTILE_HEADING = "B Ensuring <script>alert('x')</script> & Safe Maritime Transport"


@pytest.fixture(scope="module")
def report(library: Library) -> Report:
    return build_report(library, "2016", "2022")


@pytest.fixture(scope="module")
def html(report: Report) -> str:
    return render(report, "html")


@pytest.fixture(scope="module")
def markdown(report: Report) -> str:
    return render(report, "md")


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text outside tags."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        (self.styles if self._in_style else self.text).append(data)


def _parsed(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


def _element_by_id(html: str, element_id: str) -> str:
    """The markup from the element with this id to the start of the next pair (or the section's end)."""
    start = html.index(f'id="{element_id}"')
    end = html.find('<article class="pair"', start + 1)
    return html[start : end if end != -1 else len(html)]


def test_html_loads_nothing_from_anywhere(html: str) -> None:
    parsed = _parsed(html)
    tags = {tag for tag, _ in parsed.tags}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "audio", "video", "source", "base"}
    for tag, attributes in parsed.tags:
        assert "src" not in attributes, tag
        href = attributes.get("href")
        assert href is None or href.startswith("#"), href
        assert "url(" not in (attributes.get("style") or "")
    css = "".join(parsed.styles)
    assert "url(" not in css and "@import" not in css and "@font-face" not in css
    # The one address in the file is SVG's namespace, which names the vocabulary and is never fetched.
    assert set(re.findall(r"https?://[^\s\"'<>]+", html)) == {"http://www.w3.org/2000/svg"}


def test_every_link_in_the_html_has_its_target(html: str) -> None:
    parsed = _parsed(html)
    ids = [attributes["id"] for _, attributes in parsed.tags if attributes.get("id")]
    assert len(ids) == len(set(ids)), "ids are unique"
    hrefs = [attributes.get("href") or "" for _, attributes in parsed.tags]
    targets = {href[1:] for href in hrefs if href.startswith("#")}
    assert targets, "the contents and the changes table link to the sections"
    assert targets <= set(ids), targets - set(ids)


def test_summary_counts_every_sentence_of_both_editions(report: Report, library: Library) -> None:
    counts = {status: (left, right) for status, left, right in report.sentence_counts}
    for side, edition in enumerate(("2016", "2022")):
        sentences = sum(len(section_sentences(section)) for section in library.edition(edition).walk())
        assert sum(counts[status][side] for status in ("unchanged", "edited", "new", "removed")) == sentences
    # Nothing in 2016 is new, nothing in 2022 removed; what moved has a counterpart on both sides.
    assert counts["new"][0] == 0 and counts["removed"][1] == 0
    assert counts["moved"][0] == counts["moved"][1] > 0


def test_a_removed_sentence_is_struck_through_beside_its_section(html: str) -> None:
    # 2016's (b) Anti-piracy measures in Asia ends with praise that 2022's (A) Counter-piracy Measures in Asia drops.
    block = _element_by_id(html, "sec-2022-4.B.A")
    praise = "Japan’s efforts for anti-piracy measures in Asia are highly praised in the international community."
    assert re.search(r'<span class="s removed"[^>]*><del>' + re.escape(praise) + "</del></span>", block)
    # Its edited neighbour keeps its shared words unmarked and marks only what changed.
    assert "<del>Privacy</del>" in block and "<ins>Piracy</ins>" in block


def test_text_merged_from_removed_sections_says_where_it_came_from(html: str) -> None:
    # 2016's three unnumbered piracy paragraphs under (a) went into 2022's (B) Somalia section.
    block = _element_by_id(html, "sec-2022-4.B.B")
    origins = re.findall(r'<a class="where" href="#(s-2016-4\.B\.a\.[^"]+)"[^>]*>↗ came from', block)
    assert {origin.split("-4.B.a.")[1].split("-")[0] for origin in origins} >= {"current", "extension", "promotion"}
    for origin in origins:
        assert f'id="{origin}"' in html


def test_moved_sentences_link_to_their_origin_and_back(report: Report, html: str) -> None:
    moved = [
        part
        for pair in report.changed
        for row in pair.rows
        for paragraph in row
        if paragraph is not None
        for part in paragraph.parts
        if not isinstance(part, str) and part.moved
    ]
    assert moved
    for sentence in moved:
        assert sentence.elsewhere is not None and sentence.elsewhere.moved
        link = f'<a class="where" href="#{sentence.elsewhere.link}"'
        assert link in html
        assert f'id="{sentence.elsewhere.link}"' in html


def test_every_section_cites_its_book_and_place(report: Report, html: str) -> None:
    for pair in report.changed:
        for side in (pair.left, pair.right):
            if side is not None:
                assert side.citation.startswith(f"Diplomatic Bluebook {side.section.edition}, Chapter 3")
                assert side.citation.endswith(side.section.heading)
                assert side.section.id in _element_by_id(html, pair.anchor)


def test_the_report_says_what_it_was_made_from(report: Report, html: str, markdown: str, library: Library) -> None:
    for text in (html, markdown):
        for edition in ("2016", "2022"):
            assert library.edition(edition).digest in text
        assert f"Bluebook TUI {__version__}" in text
        assert "bluebook report 2016 2022" in text


def test_a_report_made_twice_is_the_same_file(report: Report, library: Library, html: str) -> None:
    assert render(build_report(library, "2016", "2022"), "html") == html


def test_the_section_option_keeps_to_that_subtree(library: Library, alignment: Alignment) -> None:
    part = build_report(library, "2016", "2022", section_id="2022/4.B")
    sides = {side.section.id for pair in part.pairs for side in (pair.left, pair.right) if side is not None}
    expected = {section.id for section in library.section("2022/4.B").walk()}
    expected |= {section.id for section in library.section("2016/4.B").walk()}
    assert sides == expected
    assert ("section", "2022/4.B") in part.options
    assert "--section 2022/4.B" in part.command
    # Keywords of the part are counted in the part: "piracy" is this subtree's, not 5 of the whole editions'.
    text = render(part, "html")
    assert "(5) Cyber" not in text and "Counter-piracy Measures in Asia" in text


def test_charted_terms_default_to_the_strongest_keywords_and_can_be_chosen(report: Report, library: Library) -> None:
    charted = [chart.term for chart in report.charts]
    rising = [keyword.term for keyword in report.keywords if keyword.log_ratio > 0]
    falling = [keyword.term for keyword in report.keywords if keyword.log_ratio < 0]
    assert len(charted) == 6 and set(charted[:3]) <= set(rising) and set(charted[3:]) <= set(falling)
    assert charted[0] == rising[0]  # the strongest first
    # No term twice in other words ("UN PKOs" after "PKOs"), and no side of a shift (a change of form).
    assert not [(one, other) for one in charted for other in charted if one != other and one.lower() in other.lower()]
    assert not {term.lower() for term in charted} & {form.lower() for s in report.shifts for form in (s.old, s.new)}
    chosen = build_report(library, "2016", "2022", terms=("piracy",))
    (chart,) = chosen.charts
    assert [count.edition for count in chart.trend] == ["2016", "2022"]
    assert all(count.occurrences > 0 for count in chart.trend)
    assert [each.edition for each in chart.dispersions] == ["2016", "2022"]
    assert "--term piracy" in chosen.command


def test_csv_has_every_sentence_of_both_editions_once(report: Report, library: Library) -> None:
    rows = list(csv.DictReader(io.StringIO(render(report, "csv"))))
    assert tuple(rows[0]) == CSV_FIELDS
    for column, edition in (("left_id", "2016"), ("right_id", "2022")):
        listed = [address for row in rows if row[column] for address in row[column].split("+")]
        sections = library.edition(edition).walk()
        every = [sentence.address for section in sections for sentence in section_sentences(section)]
        assert sorted(listed) == sorted(every)
    statuses = {row["status"] for row in rows}
    assert statuses <= {"unchanged", "edited", "new", "removed"}
    for row in rows:
        assert (row["status"] == "new") == (row["left_id"] == "")
        assert (row["status"] == "removed") == (row["right_id"] == "")
        assert 0 <= float(row["similarity"]) <= 1
    moved = sum(row["moved"] == "yes" for row in rows)
    assert moved == dict((status, left) for status, left, _ in report.sentence_counts)["moved"]


def test_markdown_holds_the_same_sections_and_well_formed_tables(report: Report, markdown: str) -> None:
    headings = re.findall(r"^### ((?:heading )?(?:edited|new|removed|merged|split)): ", markdown, re.MULTILINE)
    assert headings == [pair.status for pair in report.changed]
    table: list[str] = []
    for line in [*markdown.splitlines(), ""]:
        if line.startswith("|"):
            table.append(line)
            continue
        if table:
            cells = {len(re.findall(r"(?<!\\)\|", row)) for row in table}
            assert len(cells) == 1, table[:3]
            table = []
    assert "<del>" in markdown and "<ins>" in markdown
    # Marks are Markdown's, not escaped twice: the words themselves struck and underlined in the table cells.
    assert "&amp;lt;" not in markdown and "\\*↗" not in markdown
    row = next(
        line for line in markdown.splitlines() if line.startswith("| ") and "Regional Cooperation Agreement" in line
    )
    assert "<del>Privacy</del>" in row and "<ins>Piracy</ins>" in row


def _hostile_library(bundled_content: Path, tmp_path: Path) -> Library:
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(bundled_content / "2016.md", content)
    edited = (bundled_content / "2022.md").read_text(encoding="utf-8")
    assert "### B Ensuring Safe Maritime Transport" in edited
    edited = edited.replace("### B Ensuring Safe Maritime Transport", f"### {HOSTILE_HEADING}")
    (content / "2022.md").write_text(edited, encoding="utf-8")
    return load_library(content)


def test_a_heading_that_reads_as_markup_stays_text(bundled_content: Path, tmp_path: Path) -> None:
    report = build_report(_hostile_library(bundled_content, tmp_path), "2016", "2022", section_id="2022/4.B")
    html = render(report, "html")
    assert "<script" not in html
    assert "Ensuring &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Safe" in html
    assert HOSTILE_HEADING in "".join(_parsed(html).text)
    markdown = render(report, "md")
    assert "<script" not in markdown
    assert "Ensuring &lt;script&gt;alert('x')&lt;/script&gt; &amp; Safe" in markdown
    rows = list(csv.DictReader(io.StringIO(render(report, "csv"))))
    assert rows


@pytest.mark.parametrize(
    ("written", "escaped"),
    [
        ("a | b", r"a \| b"),
        ("*not* _emphasis_", r"\*not\* \_emphasis\_"),
        ("[link](x)", r"\[link\](x)"),
        ("<b>&", "&lt;b&gt;&amp;"),
        ("two\nlines", "two lines"),
        ("Japan-U.S. (1) 2.5%", "Japan-U.S. (1) 2.5%"),
    ],
)
def test_markdown_text_escapes_only_what_markdown_reads(written: str, escaped: str) -> None:
    assert markdown_text(written) == escaped


def test_the_whole_report_is_small(html: str) -> None:
    assert len(html.encode("utf-8")) < 2 * 1024 * 1024


def test_the_report_is_made_without_the_app(tmp_path: Path) -> None:
    """The report stands on the comparison layer alone: making one loads nothing of Textual."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from bluebook_tui.library import content_dir, load_library\n"
        "from bluebook_tui.report import build_report, render\n"
        "render(build_report(load_library(content_dir()), '2016', '2022', section_id='2022/3'), 'html')\n"
        "print(sorted(name for name in sys.modules if name.startswith(('textual', 'bluebook_tui.ui'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert done.stdout.strip() == "[]"
