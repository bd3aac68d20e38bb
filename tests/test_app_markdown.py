"""The section pane's Markdown: footnotes, captions and columns drawn as such, and nothing the widget chokes on."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bluebook_tui.library import Library
from bluebook_tui.library.markdown import parser
from bluebook_tui.ui.widgets.section_markdown import readable_tokens
from tests.app_support import make_app, pane_text, reader_pane, settle, shown_page

WIDGET_TOKENS = {
    "heading_open", "heading_close", "paragraph_open", "paragraph_close", "inline", "hr", "blockquote_open",
    "blockquote_close", "bullet_list_open", "bullet_list_close", "ordered_list_open", "ordered_list_close",
    "list_item_open", "list_item_close", "fence", "code_block", "front_matter",
}  # fmt: skip


def test_footnotes_become_markers_and_a_notes_box() -> None:
    tokens = readable_tokens(parser().parse("Text with a note.[^3-2]\n\n[^3-2]: The note.\n"))
    assert {token.type for token in tokens} <= WIDGET_TOKENS
    inline = [token for token in tokens if token.type == "inline"]
    assert "".join(child.content for child in inline[0].children or []) == "Text with a note.[2]"
    assert "".join(child.content for child in inline[1].children or []) == "[2] The note."
    notes = [token for token in tokens if token.type == "blockquote_open"]
    assert len(notes) == 1 and notes[0].attrs == {"class": "notes"}


markdown_pieces = st.sampled_from(
    ["Word", " ", "\n", "\n\n", "[^a-1]", "[^a-1]: note", "[^b-2]: other", "{.caption}\n", "*em*", "> quote", "- item"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(markdown_pieces, max_size=30).map("".join))
def test_any_body_gives_only_tokens_the_widget_draws_with_balanced_blocks(body: str) -> None:
    depth = 0
    for token in readable_tokens(parser().parse(body)):
        assert token.type in WIDGET_TOKENS
        depth += token.nesting if token.type != "inline" else 0
        assert depth >= 0
    assert depth == 0


async def test_a_section_renders_footnotes_captions_and_columns(library: Library, tmp_path: Path) -> None:
    async with make_app(library, tmp_path / "data", tmp_path / "index", "2022/1").run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        pane = reader_pane(pilot)
        text = pane_text(pane)
        assert "with ALTs[Note] and a good time" in text
        assert "[Note] ALT stands for Assistant Language Teacher" in text
        notes = shown_page(pane).query(".notes")
        assert len(notes) == 1 and notes.first().border_title == "Notes"
        captions = shown_page(pane).query("Paragraph.caption")
        assert "Signing Ceremony of the Japan-Australia Reciprocal Access Agreement" in str(captions.first().render())
        column = shown_page(pane).query_one("SectionMarkdown.column")
        assert column.section.id == "2022/1.col1" and column.border_title == "Column"
