"""Small things a reader trips over in the first hour (#11): the palette, query filters, piped output, ingest."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from textual.widgets import Input

from bluebook_tui.library import Library
from bluebook_tui.ui.app import BluebookApp
from bluebook_tui.ui.commands import ACTIONS
from bluebook_tui.ui.screens.search import SearchScreen
from tests.app_support import make_app, notices, settle, until
from tests.support import run


async def test_the_palette_has_no_duplicate_and_no_failing_command(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    app = make_app(library, data_dir, index_root)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        system = [command.title for command in BluebookApp.get_system_commands(app, app.screen)]
        titles = system + [title for title, _, _ in ACTIONS]
        assert len(titles) == len(set(titles)), titles
        assert "Keys" in titles and "Show keys" not in titles
        screenshot = next(command for command in app.get_system_commands(app.screen) if command.title == "Screenshot")
        screenshot.callback()
        await until(pilot, lambda: list((data_dir / "screenshots").glob("*.svg")))
        shots = list((data_dir / "screenshots").glob("*.svg"))
        assert len(shots) == 1 and shots[0].read_text(encoding="utf-8").startswith("<svg")
        assert f"Screenshot saved: {shots[0]}" in notices(pilot)


def test_an_unknown_edition_filter_in_a_query_is_said(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "search", "piracy edition:2099")
    assert (code, out) == (2, "")
    assert err == "bluebook search: no edition '2099' (editions: 2016, 2022)\n"
    code, out, _ = run(capsys, "search", 'piracy edition:"2016"', "--json")
    assert code == 0 and '"total": 6' in out


async def test_the_app_says_an_unknown_edition_filter(library: Library, data_dir: Path, index_root: Path) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        screen = pilot.app.screen
        assert isinstance(screen, SearchScreen)
        screen.query_one(Input).value = "piracy edition:2099"

        def shown() -> str:
            return "\n".join(str(widget.render()) for widget in screen.query("Static"))

        await until(pilot, lambda: "no edition '2099'" in shown())
        assert "no edition '2099' (editions: 2016, 2022)" in shown()


def test_show_piped_keeps_a_long_heading_whole_and_says_what_is_a_photo(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, library: Library
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    _, out, _ = run(capsys, "show", "2022/4.A.C")
    heading = " ".join(" ".join(out.split("\n─")[0].split("\n")[1:]).split())
    expected = "(C) Challenge to Japan's Maritime Sovereignty (Situation Surrounding the East China Sea) "
    assert heading == expected + "(see Chapter 2, Section 2, 2(1) B(D) on page 45)"
    _, out, _ = run(capsys, "show", "2022/1")
    assert "Photo: Signing Ceremony of the Japan-Australia Reciprocal Access Agreement" in " ".join(out.split())
    _, out, _ = run(capsys, "show", "2016/4.A.c")
    assert "(no text of its own)" in out
    for child in library.section("2016/4.A.c").children:
        assert f"  {child.id}  {child.heading}\n" in out


def test_compare_at_80_columns_shows_ids_and_whole_headings(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    _, out, _ = run(capsys, "compare", "2016", "2022")
    assert max(len(line) for line in out.splitlines()) <= 80
    words = " ".join(out.split())
    assert "(2016/5)" in words and "(2022/3)" in words
    assert "Understanding between Japan and the U.S. (Youth Exchange Program) (2022/1.col1)" in words


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda path: path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\nstream"), "a PDF"),
        (lambda path: zipfile.ZipFile(path, "w").writestr("word/document.xml", "<w/>"), "a zip archive"),
        (lambda path: path.write_bytes(b"Diplomatic Bluebook\x00\x00\x01"), "a binary file"),
    ],
)
def test_ingest_names_a_source_that_is_not_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make: object, kind: str
) -> None:
    source = tmp_path / "bluebook-2023.download"
    make(source)  # type: ignore[operator]
    code, out, err = run(capsys, "--content-dir", str(tmp_path / "content"), "ingest", str(source), "--edition", "2023")
    assert (code, out) == (2, "")
    assert err.startswith(f"bluebook: bluebook-2023.download is {kind}") and err.count("\n") == 1
    assert not (tmp_path / "content").exists()


def test_ingest_names_the_source_it_was_given(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "my notes.txt"
    source.write_text("Just a paragraph.\n\nAnd another.\n", encoding="utf-8")
    _, _, err = run(capsys, "--content-dir", str(tmp_path / "content"), "ingest", str(source), "--edition", "2023")
    assert err.startswith("bluebook: my notes.txt has no headings")


def test_ingesting_the_same_edition_again_rewrites_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sources: dict[str, str]
) -> None:
    source = tmp_path / "2022.txt"
    source.write_text(sources["2022"], encoding="utf-8")
    content = tmp_path / "content"
    assert run(capsys, "--content-dir", str(content), "ingest", str(source), "--edition", "2022")[0] == 0
    before = {path.name: (path.stat().st_ino, path.stat().st_mtime_ns) for path in content.iterdir()}
    assert run(capsys, "--content-dir", str(content), "ingest", str(source), "--edition", "2022")[0] == 0
    assert {path.name: (path.stat().st_ino, path.stat().st_mtime_ns) for path in content.iterdir()} == before


async def test_under_no_color_the_diff_marks_are_drawn_by_style(
    library: Library, data_dir: Path, index_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Struck and underlined words, not green and red alone, when NO_COLOR is set."""
    monkeypatch.setenv("NO_COLOR", "1")
    async with make_app(library, data_dir, index_root, section="2016/1").run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        plain = pilot.app.export_screenshot()
        await pilot.press("d")
        await settle(pilot)
        marked = pilot.app.export_screenshot()
    assert pilot.app.no_color
    for decoration in ("underline", "line-through"):
        assert _decorated_runs(marked, decoration) > _decorated_runs(plain, decoration), decoration


async def test_under_no_color_every_cell_is_grey_whatever_the_theme(
    library: Library, data_dir: Path, index_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The containers drawn as their background alone (`ui.widgets.backdrop`) go through NO_COLOR's filter too."""
    monkeypatch.setenv("NO_COLOR", "1")
    async with make_app(library, data_dir, index_root).run_test(size=(100, 30)) as pilot:
        pilot.app.theme = "nord"  # a blue-grey background: coloured, unlike the default theme's greys
        await settle(pilot)
        shots = [pilot.app.export_screenshot()]
        await pilot.press("c")
        await settle(pilot)
        shots.append(pilot.app.export_screenshot())
    for shot in shots:
        # The terminal's own cell backgrounds, not the window's coloured buttons around them.
        fills = set(
            re.findall(r'<rect fill="#([0-9a-f]{6})" x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" shape', shot)
        )
        assert fills and all(fill[0:2] == fill[2:4] == fill[4:6] for fill in fills), fills


def _decorated_runs(svg: str, decoration: str) -> int:
    """How many runs of text a screenshot draws with this text decoration."""
    styles = re.findall(r"\.(terminal-[\w-]+) \{([^}]*)\}", svg)
    decorated = {name for name, rule in styles if f"text-decoration: {decoration}" in rule}
    return sum(svg.count(f'class="{name}"') for name in decorated)


async def test_a_tree_label_too_long_ends_in_an_ellipsis_and_hovering_shows_it_whole(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    from bluebook_tui.ui.widgets.section_tree import SectionTree

    async with make_app(library, data_dir, index_root, section="2022/4.B.A").run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        tree = pilot.app.screen.query_one(SectionTree)
        rows = [strip.text for strip in (tree.render_line(y) for y in range(tree.size.height))]
        asia, guinea = library.section("2022/4.B.A").heading, library.section("2022/4.B.C").heading
        cut = [row.strip(" │├└") for row in rows if row.strip(" │├└").startswith(("(A) Counter", "(C) Counter"))]
        assert len(cut) == 2 and all(row.rstrip().endswith("…") for row in cut), rows
        assert all(len(row.rstrip()) < len(heading) for row, heading in zip(cut, (asia, guinea), strict=True))
        node = next(node for node in tree._section_nodes.values() if node.data == "2022/4.B.C")
        tree.hover_line = node.line
        await pilot.pause()
        assert tree.tooltip == guinea == "(C) Counter-piracy Measures in the Gulf of Guinea"


LONG_TRAIL = (
    "Diplomatic Bluebook 2022",
    "3 Global Security",
    "(4) The Oceans and Seas",
    "A Order at Sea",
    "(C) Challenge to Japan's Maritime Sovereignty (Situation Surrounding the East China Sea) "
    "(see Chapter 2, Section 2, 2(1) B(D) on page 45)",
)


@pytest.mark.parametrize("room", [300, 200, 160, 120, 78, 38, 16])
def test_the_header_keeps_the_edition_and_the_heading_and_loses_the_middle(room: int) -> None:
    from bluebook_tui.ui.widgets.breadcrumb import SEPARATOR, fitted

    parts = fitted(LONG_TRAIL, "2022", room)
    shown = SEPARATOR.join(parts)
    assert len(shown) <= room
    assert "2022" in parts[0]  # the edition, never cut away
    assert parts[-1].rstrip("…") and LONG_TRAIL[-1].startswith(parts[-1].rstrip("…"))  # the heading, from its start
    if room >= len(SEPARATOR.join(LONG_TRAIL)):
        assert parts == list(LONG_TRAIL)
    elif "…" in parts:
        assert parts[1] == "…" and parts[-1] == LONG_TRAIL[-1]


async def test_the_header_names_the_edition_at_40_columns(library: Library, data_dir: Path, index_root: Path) -> None:
    from bluebook_tui.ui.widgets.breadcrumb import Breadcrumb

    async with make_app(library, data_dir, index_root, section="2016/4.A.c.a").run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        header = str(pilot.app.screen.query_one(Breadcrumb).render()).rstrip()
        assert header.startswith("2016 › a. Situations surrounding") and header.endswith("…")


async def test_help_wraps_what_a_key_does_at_40_columns(library: Library, data_dir: Path, index_root: Path) -> None:
    from textual.widgets import DataTable

    from bluebook_tui.ui.screens.help import HelpScreen

    async with make_app(library, data_dir, index_root).run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(pilot.app.screen, HelpScreen)
        table = pilot.app.screen.query_one(DataTable)
        assert len(table.columns) == 2  # what a key does and its tooltip in one column, wrapped
        search = next(key for key in table.rows if str(table.get_cell_at((table.get_row_index(key), 0))) == "/")
        assert str(table.get_row(search)[1]) == "Search. Search both editions as you type."
        assert table.rows[search].height > 1
        assert max(row.height for row in table.rows.values()) >= 3


@pytest.mark.parametrize(
    ("size", "query", "status"),
    [
        ((120, 30), "Viet Nam", "5 hits (also “Vietnam”) in all editions"),
        ((40, 12), "pircy", "No hits for “pircy”; showing “piracy”: 10 hits"),
    ],
)
async def test_the_search_status_says_all_of_it(
    library: Library, data_dir: Path, index_root: Path, size: tuple[int, int], query: str, status: str
) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        screen = pilot.app.screen
        screen.query_one(Input).value = query

        def shown() -> str:
            # What the terminal shows of the status, its lines joined as a reader reads them.
            lines = pilot.app.screen.query_one("#search-total").render_lines(
                pilot.app.screen.query_one("#search-total").region.reset_offset
            )
            return " ".join("".join(segment.text for segment in line).strip() for line in lines).strip()

        await until(pilot, lambda: "hits" in shown())
        assert shown() == status
