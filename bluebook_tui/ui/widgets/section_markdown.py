"""One section rendered by Textual's `Markdown` widget: footnotes, captions, search matches and changed words.

The library format's footnote tokens would crash the widget (it pops its block stack on any `*_close`), so the
parser handed to it rewrites them first: a reference becomes a link `[n]` to its note (`note_link`), the
definitions a "Notes" box whose paragraphs know the note they are.
It also numbers the paragraphs, which are the paragraphs of `Section.text` in the same order and with the same
text, so the comparison's per-paragraph spans mark the right words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Literal, cast

from markdown_it import MarkdownIt
from markdown_it.token import Token
from textual.await_complete import AwaitComplete
from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.style import Style
from textual.widgets import Markdown
from textual.widgets.markdown import MarkdownBlock

from bluebook_tui.library.markdown import footnote_marker, parser
from bluebook_tui.library.model import Edition, Section
from bluebook_tui.library.references import column_references
from bluebook_tui.ui.textual_compat import (
    MarkdownBlockQuote,
    MarkdownH1,
    MarkdownH2,
    MarkdownH3,
    MarkdownH4,
    MarkdownH5,
    MarkdownH6,
    MarkdownParagraph,
    block_document,
)
from bluebook_tui.ui.widgets.backdrop import backdrop_lines

if TYPE_CHECKING:
    from bluebook_tui.compare.views import SentenceMark

_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]<>#!])")


def section_markdown(section: Section, depth: int) -> str:
    """The Markdown the pane shows for a section: its heading (at `depth` below the shown one) and its body."""
    level = min(depth + 2, 6)
    heading = _MARKDOWN_PUNCTUATION.sub(r"\\\1", section.heading)
    return f"{'#' * level} {heading}\n\n{section.markdown}"


def readable_tokens(tokens: Iterable[Token]) -> list[Token]:
    """The tokens with footnotes turned into ones the widget can draw: `[n]` markers and a Notes box.

    Each `paragraph_open` gets `meta["paragraph"]`: its index among the section's paragraphs, and in a note
    `meta["note"]`: the note's label.
    """
    result: list[Token] = []
    note_marker: str | None = None
    note_label: str | None = None
    paragraph = 0
    for token in tokens:
        if token.type == "paragraph_open":
            token.meta = {**(token.meta or {}), "paragraph": paragraph}
            if note_label is not None:
                token.meta["note"] = note_label
            paragraph += 1
            result.append(token)
        elif token.type == "inline" and token.children:
            token.children = [drawn for child in token.children for drawn in _footnote_ref_as_link(child)]
            if note_marker is not None:
                token.children.insert(0, Token("text", "", 0, content=f"[{note_marker}] "))
                note_marker = None
            result.append(token)
        elif token.type in ("footnote_block_open", "footnote_block_close"):
            opening = token.type.endswith("_open")
            box = Token("blockquote_open" if opening else "blockquote_close", "blockquote", 1 if opening else -1)
            box.attrs = {"class": "notes"}
            box.map, box.level = token.map, token.level
            result.append(box)
        elif token.type == "footnote_open":
            note_label = str(token.meta.get("label", ""))
            note_marker = footnote_marker(note_label)
        elif token.type == "footnote_close":
            note_label = None
        elif token.type != "footnote_anchor":
            result.append(token)
    return result


def note_link(label: str) -> str:
    """The link a footnote reference carries: clicking it posts `Markdown.LinkClicked` with this href."""
    return f"{NOTE_LINK}{label}"


def section_link(section_id: str) -> str:
    """The link to another section (a column the text points at)."""
    return f"{SECTION_LINK}{section_id}"


NOTE_LINK = "note:"
SECTION_LINK = "section:"


def _footnote_ref_as_link(token: Token) -> list[Token]:
    if token.type != "footnote_ref":
        return [token]
    label = str(token.meta.get("label", ""))
    opening = Token("link_open", "a", 1, attrs={"href": note_link(label)})
    return [opening, Token("text", "", 0, content=f"[{footnote_marker(label)}]"), Token("link_close", "a", -1)]


class ReaderParser:
    """The library's parser with footnotes made drawable; `Markdown(parser_factory=...)` only calls `parse`."""

    def parse(self, src: str, env: dict[str, object] | None = None) -> list[Token]:
        return readable_tokens(parser().parse(src, env))


def reader_parser() -> MarkdownIt:
    return cast(MarkdownIt, ReaderParser())


@dataclass(frozen=True)
class ChangeMarks:
    """What to mark in a section shown beside the other edition: each sentence's fate (per paragraph), and with
    `words` the words its counterpart lacks, drawn as deleted or inserted (`kind`), in the heading too; `current`
    is the address of a sentence picked out (the one jumped to, or stepped to among the moved)."""

    sentences: list[list[SentenceMark]]
    kind: Literal["delete", "insert"]
    words: bool = False
    heading: list[tuple[int, int]] = field(default_factory=list)
    current: str | None = None


# How each sentence status is drawn (component classes of `SectionMarkdown`).
SENTENCE_STYLES = {
    "unchanged": ".sentence-unchanged",
    "edited": "",
    "new": ".sentence-new",
    "removed": ".sentence-removed",
}
MOVED_GLYPH = "⇄ "


def sentence_link(address: str) -> str:
    """The link a moved sentence carries: clicking it posts `Markdown.LinkClicked` with this href."""
    return f"sentence:{address}"


class MatchHighlighting(MarkdownBlock):
    """A block that marks sentences and changed words, the search pattern of its document, and one match as the
    current one.

    Listed after the widget's own block class in the bases, so that the block keeps that class's CSS type name.
    """

    source_content: Content = Content()
    paragraph_index: int | None = None
    # In the Notes box: the label of the note this paragraph is.
    note_label: str | None = None
    _current: int | None = None
    # The link picked out (its index among `links`), and whether this is the note opened.
    current_link: int | None = None
    opened_note = False
    # Drawn before the text, not part of it (so every offset into the text stands): "Photo: " before a caption.
    label: Content | None = None
    # What the block draws: the text with its marks, glyphs and label.
    drawn: Content = Content()

    @property
    def document(self) -> SectionMarkdown:
        """The section's widget this block is part of (set when the block is built, before it is mounted)."""
        return cast(SectionMarkdown, block_document(self))

    def set_content(self, content: Content) -> None:
        self.source_content = content
        self.mark_current(None)

    def restyle(self) -> None:
        self.mark_current(self._current)

    def sentence_marks(self) -> list[SentenceMark]:
        """The marks of the sentences in this block (none for a heading or outside the side-by-side view)."""
        changes = self.document.changes
        if changes is None or self.paragraph_index is None or self.paragraph_index >= len(changes.sentences):
            return []
        return changes.sentences[self.paragraph_index]

    def _with_changes(self, content: Content) -> Content:
        changes = self.document.changes
        if changes is None:
            return content
        if isinstance(self, HEADINGS):
            spans = changes.heading if changes.words else []
            for start, end in spans:
                content = content.stylize(f".diff-{changes.kind}", start, end)
            return content
        for mark in self.sentence_marks():
            start, end = mark.span
            style = ".sentence-moved" if mark.moved else SENTENCE_STYLES[mark.status]
            content = content.stylize(style, start, end)
            if mark.moved and mark.counterparts:
                content = content.stylize(
                    Style.from_meta({"@click": f"link({sentence_link(mark.address)!r})"}), start, end
                )
            if changes.words:
                for word_start, word_end in mark.changed:
                    content = content.stylize(f".diff-{changes.kind}", word_start, word_end)
            if mark.address == changes.current:
                content = content.stylize(".sentence-current", start, end)
        return content

    def _with_glyphs(self, content: Content) -> Content:
        """The moved sentences opened by an arrow (inserted last, from the end, so earlier offsets stand)."""
        for mark in reversed(self.sentence_marks()):
            if mark.moved:
                at = mark.span[0]
                content = content[:at] + Content.styled(MOVED_GLYPH, ".sentence-moved") + content[at:]
        return content

    def links(self) -> list[tuple[str, int, int]]:
        """The links in this block: (href, start, end), in reading order: its footnote references (`note_link`)
        and where it points at a column (`section_link`)."""
        found = []
        for span in self.source_content.spans:
            action = span.style.meta.get("@click", "") if isinstance(span.style, Style) else ""
            if action.startswith(f"link('{NOTE_LINK}"):
                found.append((action[len("link('") : -2], span.start, span.end))
        markdown = self.document
        if markdown.edition is not None and not isinstance(self, HEADINGS):
            for reference in column_references(self.source_content.plain, markdown.section, markdown.edition):
                found.append((section_link(reference.target.id), reference.start, reference.end))
        return sorted(found, key=lambda link: link[1])

    def pick_link(self, index: int | None) -> None:
        self.current_link = index
        self.restyle()

    def open_as_note(self, opened: bool) -> None:
        self.opened_note = opened
        self.restyle()

    def _with_links(self, content: Content) -> Content:
        """Column references made links (footnote references are links already), the picked one marked."""
        for index, (href, start, end) in enumerate(self.links()):
            if href.startswith(SECTION_LINK):
                content = content.stylize(Style.from_meta({"@click": f"link({href!r})"}), start, end)
            if index == self.current_link:
                content = content.stylize(".link-current", start, end)
        if self.opened_note:
            content = content.stylize(".link-current", 0, content.plain.find("]") + 1)
        return content

    def match_spans(self) -> list[tuple[int, int]]:
        pattern = self.document.highlight
        if pattern is None:
            return []
        return [match.span() for match in pattern.finditer(self.source_content.plain) if match.end() > match.start()]

    def mark_current(self, index: int | None) -> None:
        """Show the changes and the matches, the `index`-th match (if any) as the current one."""
        self._current = index
        content = self._with_links(self._with_changes(self.source_content))
        pattern = self.document.highlight
        if pattern is not None:
            content = content.highlight_regex(pattern, style=".search-match")
            if index is not None:
                start, end = self.match_spans()[index]
                content = content.stylize(".search-current", start, end)
        content = self._with_glyphs(content)
        if self.label is not None:
            content = self.label + content
        self.drawn = content
        super().set_content(content)

    def rows_marked(self, style: str) -> tuple[int, int] | None:
        """The first and last rows of the block's text drawn with `style` (`.link-current`, `.search-current`), as
        the text wraps at the block's width; None when no text is."""
        width = self.content_size.width
        lines = self.drawn.wrap(width) if width else []
        rows = [row for row, line in enumerate(lines) if any(span.style == style for span in line.spans)]
        return (rows[0], rows[-1]) if rows else None


class Paragraph(MarkdownParagraph, MatchHighlighting):
    def __init__(self, markdown: Markdown, token: Token) -> None:
        super().__init__(markdown, token)
        self.paragraph_index = (token.meta or {}).get("paragraph")
        self.note_label = (token.meta or {}).get("note")
        classes = str(token.attrs.get("class", ""))
        if "caption" in classes:
            self.add_class("caption")
            self.label = Content.styled("Photo: ", "bold not italic")
        if "byline" in classes:
            self.add_class("byline")
            self.label = Content("— ")


class Box(MarkdownBlockQuote):
    """A block quote, or the Notes box the footnote definitions are gathered in."""

    def __init__(self, markdown: Markdown, token: Token) -> None:
        super().__init__(markdown, token)
        if "notes" in str(token.attrs.get("class", "")):
            self.add_class("notes")
            self.border_title = "Notes"


class H1(MarkdownH1, MatchHighlighting):
    pass


class H2(MarkdownH2, MatchHighlighting):
    pass


class H3(MarkdownH3, MatchHighlighting):
    pass


class H4(MarkdownH4, MatchHighlighting):
    pass


class H5(MarkdownH5, MatchHighlighting):
    pass


class H6(MarkdownH6, MatchHighlighting):
    pass


HEADINGS = (H1, H2, H3, H4, H5, H6)


class SectionMarkdown(Markdown):
    """The rendered heading and body of one section (never more: the widget is slow on long documents)."""

    # As Textual's Markdown declares it (an instance attribute, which a ClassVar may not override).
    BLOCKS: dict[str, type[MarkdownBlock]] = {  # noqa: RUF012
        **Markdown.BLOCKS,
        "h1": H1,
        "h2": H2,
        "h3": H3,
        "h4": H4,
        "h5": H5,
        "h6": H6,
        "paragraph_open": Paragraph,
        "blockquote_open": Box,
    }
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "search-match",
        "search-current",
        "diff-delete",
        "diff-insert",
        "sentence-unchanged",
        "sentence-new",
        "sentence-removed",
        "sentence-moved",
        "sentence-current",
        "link-current",
    }

    DEFAULT_CSS = """
    SectionMarkdown {
        padding: 0 1;
        & > .search-match { color: $text-warning; text-style: bold; }
        & > .search-current { color: $text-primary; text-style: bold underline; }
        &:ansi > .search-match { text-style: bold underline; }
        & > .diff-delete { color: $text-error; background: $error 15%; text-style: strike; }
        & > .diff-insert { color: $text-success; background: $success 15%; }
        &:ansi > .diff-delete { color: ansi_red; text-style: strike; }
        &:ansi > .diff-insert { color: ansi_green; text-style: underline; }
        & > .sentence-unchanged { color: $text-disabled; }
        & > .sentence-new { color: $text-success; }
        & > .sentence-removed { color: $text-error; }
        & > .sentence-moved { color: $text-accent; }
        & > .sentence-current { text-style: bold reverse; }
        /* Reversed, not a background: Content's class styles draw a translucent background nearly black. */
        & > .link-current { color: $text-accent; text-style: bold reverse; }
        &:ansi > .sentence-unchanged { text-style: dim; }
        &:ansi > .sentence-new { color: ansi_green; }
        &:ansi > .sentence-removed { color: ansi_red; }
        &:ansi > .sentence-moved { color: ansi_cyan; }
        &:ansi > .sentence-current { text-style: reverse; }
        /* NO_COLOR: every mark by its style alone (Textual then draws in greys). */
        &:nocolor > .diff-insert { text-style: underline; }
        &:nocolor > .sentence-new { text-style: underline; }
        &:nocolor > .sentence-removed { text-style: strike; }
        &:nocolor > .sentence-moved { text-style: italic; }
        &:nocolor > .sentence-unchanged { text-style: dim; }
        MarkdownHeader { margin: 1 0; text-style: bold; color: $text-primary; background: transparent; width: 1fr; }
        &.column {
            border: round $secondary;
            border-title-color: $secondary;
            border-title-style: bold;
            margin: 1 0;
            padding: 0 1;
        }
        /* A photo's caption and a column's author, told apart by more than colour (NO_COLOR too). */
        Paragraph.caption { color: $text-muted; text-style: italic; padding: 0 2; }
        Paragraph.byline { color: $text-secondary; text-style: bold; text-align: right; }
        Box.notes {
            border: none;
            border-top: solid $foreground 30%;
            border-title-align: left;
            border-title-color: $text-muted;
            color: $text-muted;
            background: transparent;
            padding: 0;
            margin: 0 0 1 0;
        }
    }
    SectionPage > SectionMarkdown:first-child MarkdownHeader { margin-top: 0; }
    """

    def __init__(
        self,
        section: Section,
        depth: int,
        highlight: re.Pattern[str] | None = None,
        changes: ChangeMarks | None = None,
        edition: Edition | None = None,
    ) -> None:
        """`edition`: the section's, where the columns its text points at are found."""
        super().__init__(parser_factory=reader_parser, open_links=False)
        self.set_section(section, depth, highlight, changes, edition)

    def set_section(
        self,
        section: Section,
        depth: int,
        highlight: re.Pattern[str] | None = None,
        changes: ChangeMarks | None = None,
        edition: Edition | None = None,
    ) -> None:
        """Show another section here, once `render_section` is awaited: the pane keeps its first widget from
        section to section, which takes less time than removing it and mounting a new one."""
        self.edition = edition
        self.source_markdown = section_markdown(section, depth)
        self.section = section
        self.highlight = highlight
        self.changes = changes
        self.set_class(section.kind == "column", "column")
        self.border_title = "Column" if section.kind == "column" else None

    def render_lines(self, crop: Region) -> list[Strip]:
        """A column's frame is drawn as Textual draws any widget's; any other section has no frame or text of its
        own (its blocks are drawn over it): drawn as its background alone (`ui.widgets.backdrop`)."""
        if self.has_class("column"):
            return super().render_lines(crop)
        return backdrop_lines(self, crop)

    def render_section(self) -> AwaitComplete:
        """Parse and mount the section's blocks (with `changes` marked); await it to know they are all there."""
        return self.update(self.source_markdown)

    def show_changes(self, changes: ChangeMarks | None) -> None:
        """Mark these changed words (None: no marks) in the blocks already drawn."""
        self.changes = changes
        for block in self.blocks():
            block.restyle()

    def blocks(self) -> list[MatchHighlighting]:
        """The headings and paragraphs, in reading order."""
        # By isinstance: a CSS type query would miss them (only a widget's first base gives it a type name).
        return [block for block in self.query(MarkdownBlock) if isinstance(block, MatchHighlighting)]
