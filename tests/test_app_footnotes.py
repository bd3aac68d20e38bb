"""Links in the text (#11): a footnote reference goes to its note and back; "see the Column on page 213" opens
the column; a photo's caption and a column's byline are drawn unlike each other."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from bluebook_tui.library import Library
from bluebook_tui.ui.widgets.breadcrumb import Breadcrumb
from bluebook_tui.ui.widgets.section_markdown import MatchHighlighting
from bluebook_tui.ui.widgets.section_pane import SectionPane
from tests.app_support import make_app, reader, reader_pane, settle

# 2016's "A. Counter-terrorism Measures" cites three notes, the first (the GCTF) well down the section.
SECTION = "2016/3.A"


def blocks(pane: SectionPane) -> list[MatchHighlighting]:
    return [block for widget in pane.markdowns() for block in widget.blocks()]


def in_view(pane: SectionPane, block: MatchHighlighting) -> bool:
    """Whether some of the block's lines are on screen (a block scrolled out of view has no region)."""
    return pane.region.overlaps(block.region)


def lines_with(block: MatchHighlighting, text: str) -> list[tuple[int, int]]:
    """(row, column) of `text` in the block as drawn."""
    drawn = ["".join(segment.text for segment in line) for line in block.render_lines(block.region.reset_offset)]
    return [(row, line.index(text)) for row, line in enumerate(drawn) if text in line]


def rows_marked(pilot: Pilot[None], pane: SectionPane) -> list[int]:
    """The pane's rows on screen (0: its top row) that draw text bold and underlined: the picked link, the current
    match (a link not picked is underlined only, a match not current bold only, a heading bold only)."""
    region = pane.scrollable_content_region
    strips = pilot.app.screen._compositor.render_strips()
    return [
        row
        for row in range(region.height)
        if any(
            segment.text.strip() and segment.style and segment.style.bold and segment.style.underline
            for segment in strips[region.y + row].crop(region.x, region.right)
        )
    ]


def with_rows_around(pane: SectionPane, rows: list[int]) -> bool:
    """Whether two rows of text at least show above and below these rows (fewer only at the text's very start or
    end)."""
    height = pane.scrollable_content_region.height
    above = rows[0] >= 2 or pane.scroll_y == 0
    below = rows[-1] <= height - 3 or pane.scroll_y == pane.max_scroll_y
    return above and below


def picked(pane: SectionPane) -> list[str]:
    """The text of the references marked as picked."""
    return [
        block.source_content.plain[start:end]
        for block in blocks(pane)
        if block.current_link is not None
        for _, start, end in [block.links()[block.current_link]]
    ]


async def test_f_picks_a_reference_enter_opens_its_note_and_backspace_returns(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root, section=SECTION).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        pane = reader_pane(pilot)
        reference = next(block for block in blocks(pane) if "(GCTF)[1]" in block.source_content.plain)
        note = next(block for block in blocks(pane) if block.note_label == "3.A-1")
        assert note.source_content.plain.startswith("[1] Proposed by the U.S., the GCTF")
        assert not in_view(pane, note)

        await pilot.press("f")
        await settle(pilot)
        assert picked(pane) == ["[1]"] and in_view(pane, reference)

        await pilot.press("enter")
        await settle(pilot)
        assert in_view(pane, note) and note.opened_note
        assert pilot.app.screen.query_one(Breadcrumb).status == "note 1 · backspace: back"

        await pilot.press("backspace")
        await settle(pilot)
        assert in_view(pane, reference) and not note.opened_note
        assert pilot.app.screen.query_one(Breadcrumb).status == ""
        # Still in the same section: back went to the reference, not to the previous place.
        assert pane.section is not None and pane.section.id == SECTION

        await pilot.press("f", "f", "enter")
        await settle(pilot)
        assert next(block for block in blocks(pane) if block.note_label == "3.A-3").opened_note


async def test_clicking_a_reference_opens_its_note(library: Library, data_dir: Path, index_root: Path) -> None:
    async with make_app(library, data_dir, index_root, section=SECTION).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        pane = reader_pane(pilot)
        reference = next(block for block in blocks(pane) if "(ISM on CTTC)[2]" in block.source_content.plain)
        pane.scroll_to_widget(reference, animate=False, immediate=True, top=True)
        await settle(pilot)
        [(row, column)] = lines_with(reference, "[2]")
        await click_at(pilot, reference, column + 1, row)
        note = next(block for block in blocks(pane) if block.note_label == "3.A-2")
        assert note.opened_note and in_view(pane, note)
        await pilot.press("backspace")
        await settle(pilot)
        assert in_view(pane, reference) and not note.opened_note


async def click_at(pilot: Pilot[None], block: MatchHighlighting, x: int, y: int) -> None:
    # Offsets count from the block's content: add its padding (Textual's click offset is from the border box).
    left, top = block.styles.padding.left, block.styles.padding.top
    await pilot.click(block, offset=(x + left, y + top))
    await settle(pilot)


async def test_enter_without_a_picked_reference_leaves_the_keys_as_they_were(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    """Until `f`, enter is not taken (side by side it still follows a moved sentence); once a link is picked the
    footer offers to follow it."""
    async with make_app(library, data_dir, index_root, section=SECTION).run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        footer = str(pilot.app.screen.query_one("KeyBar").render())
        assert "Follow" not in footer
        await pilot.press("f")
        await settle(pilot)
        assert "Follow" in str(pilot.app.screen.query_one("KeyBar").render())


async def test_a_section_without_links_has_nothing_to_pick(library: Library, data_dir: Path, index_root: Path) -> None:
    no_links = next(
        section.id
        for section in library.walk()
        if "[^" not in section.markdown and "Column" not in section.text and not section.children
    )
    async with make_app(library, data_dir, index_root, section=no_links).run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert picked(reader_pane(pilot)) == []
        assert "Follow" not in str(pilot.app.screen.query_one("KeyBar").render())


@pytest.mark.parametrize(
    ("section", "reference", "column"),
    [
        ("2022/5.A", "see the Column page on 207", "Serving as Chair of the Legal Subcommittee of the Committee"),
        ("2022/6.C.A", "see the Column on page 213", "Participating in the Program for Global Human Resource"),
        # The same pointer well down a pane of ten subsections.
        ("2022/6", "see the Column on page 213", "Participating in the Program for Global Human Resource"),
    ],
)
async def test_a_pointer_to_a_column_opens_it_and_back_returns(
    library: Library, data_dir: Path, index_root: Path, section: str, reference: str, column: str
) -> None:
    async with make_app(library, data_dir, index_root, section=section).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        pane = reader_pane(pilot)
        for _ in range(10):
            await pilot.press("f")
            await settle(pilot)
            if picked(pane) == [reference]:
                break
        assert picked(pane) == [reference]
        scrolled_to = pane.scroll_y
        await pilot.press("enter")
        await settle(pilot)
        assert pane.section is not None and pane.section.kind == "column"
        assert pane.section.heading.startswith(column)
        await pilot.press("backspace")
        await settle(pilot)
        assert pane.section is not None and pane.section.id == section
        # Back where the reader was: the same place, the pointer still picked, so enter follows it again.
        assert pane.scroll_y == scrolled_to and picked(pane) == [reference]
        assert "Follow" in str(pilot.app.screen.query_one("KeyBar").render())


def first_line(block: MatchHighlighting) -> str:
    return "".join(segment.text for segment in block.render_lines(block.region.reset_offset)[0])


async def test_caption_and_byline_are_labelled_and_styled_apart(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root, section="2022/5.B.col1").run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        pane = reader_pane(pilot)
        caption, byline = (
            next(block for block in blocks(pane) if block.has_class(kind)) for kind in ("caption", "byline")
        )
        assert first_line(caption).strip().startswith("Photo: The author in the Chair's seat")
        assert first_line(byline).strip() == "— Professor Aoki Setsuko, Keio University Law School"
        assert first_line(byline).startswith("   ")  # set to the right
        assert caption.rich_style.italic and not caption.rich_style.bold
        assert byline.rich_style.bold and not byline.rich_style.italic


@pytest.mark.parametrize(
    ("section", "size"),
    [(SECTION, (40, 12)), (SECTION, (120, 40)), ("2022/6", (40, 12)), ("2022/6", (120, 40)), ("2022/4", (160, 48))],
)
async def test_picking_a_link_brings_its_own_line_into_view_with_rows_around_it(
    library: Library, data_dir: Path, index_root: Path, section: str, size: tuple[int, int]
) -> None:
    """A reference deep in a paragraph taller than the pane was off screen (the paragraph's top was shown), or on
    the pane's last rows."""
    async with make_app(library, data_dir, index_root, section=section).run_test(size=size) as pilot:
        await settle(pilot)
        pane = reader_pane(pilot)
        count = sum(len(block.links()) for block in blocks(pane))
        assert count >= 3
        for step in range(count):
            await pilot.press("f")
            await settle(pilot)
            rows = rows_marked(pilot, pane)
            assert rows, f"link {step + 1} of {count} ({picked(pane)}) is off screen"
            assert with_rows_around(pane, rows), f"link {step + 1} ({picked(pane)}) at the edge: rows {rows}"


async def test_stepping_through_matches_brings_each_one_into_view(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root, section=SECTION).run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        reader(pilot).open_section(SECTION, pattern=r"(?i:\bterrorism\b)")
        await settle(pilot)
        pane = reader_pane(pilot)
        assert pane.match_count > 10
        for step in range(pane.match_count):
            rows = rows_marked(pilot, pane)
            assert rows and with_rows_around(pane, rows), f"match {step + 1}: rows {rows}"
            await pilot.press("n")
            await settle(pilot)
