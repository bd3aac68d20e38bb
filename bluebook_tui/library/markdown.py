"""The one markdown-it configuration the library format is written for, and plain-text rendering."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# Block attributes the ingester writes on the line before a block.
COLUMN_ATTR = "{.column}"
CAPTION_ATTR = "{.caption}"
BYLINE_ATTR = "{.byline}"

_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")
_FOOTNOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]:[ \t]*", re.MULTILINE)
_ATTR_LINE = re.compile(r"^\{[^}\n]*\}[ \t]*\n", re.MULTILINE)
_CAPTION = re.compile(r"^\{\.caption\}[ \t]*\n\*", re.MULTILINE)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_EMPHASIS = re.compile(r"(?<!\\)(\*\*|\*)")


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """The markdown-it parser for the library format: CommonMark, front matter, block attributes, footnotes.

    Imported on first use: a start-up from the library snapshot shows text before markdown-it is needed.
    """
    from markdown_it import MarkdownIt
    from mdit_py_plugins.attrs import attrs_block_plugin
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").use(front_matter_plugin).use(attrs_block_plugin).use(footnote_plugin)


def footnote_marker(label: str) -> str:
    """The marker a reader sees for a footnote label: its printed number (labels are `<section>-<number>`)."""
    return label.rsplit("-", 1)[-1]


def to_plain_text(markdown: str) -> str:
    """A section body as plain text: markup and escapes removed, footnote references shown as `[n]`."""
    text = _ATTR_LINE.sub("", markdown)
    text = _FOOTNOTE_DEF.sub(lambda m: f"[{footnote_marker(m.group(1))}] ", text)
    text = _FOOTNOTE_REF.sub(lambda m: f"[{footnote_marker(m.group(1))}]", text)
    text = _EMPHASIS.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    return text.strip()


def for_display(markdown: str) -> str:
    """A section body for renderers that know plain CommonMark only (the CLI's Rich output).

    Block attribute lines are dropped (a caption opens with "Photo: " instead), footnote references become a
    visible `[n]`, and the notes are listed after a rule at the end.
    """
    # A photo caption says it is one (in the app its style does).
    text = _CAPTION.sub("*Photo: ", markdown)
    text = _ATTR_LINE.sub("", text)
    text = _FOOTNOTE_DEF.sub(lambda m: f"**\\[{footnote_marker(m.group(1))}\\]** ", text)
    text = _FOOTNOTE_REF.sub(lambda m: f"\\[{footnote_marker(m.group(1))}\\]", text)
    first_note = re.search(r"^\*\*\\\[", text, re.MULTILINE)
    if first_note:
        text = text[: first_note.start()] + "---\n\n" + text[first_note.start() :]
    return text
