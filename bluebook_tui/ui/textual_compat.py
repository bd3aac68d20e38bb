"""Every private Textual name the app relies on, here and nowhere else, each with why.

`tests/test_textual_compat.py` checks each one against the Textual installed (the snapshots are reviewed with
8.2): when one of those tests fails, Textual has changed what this module relies on.

Importing this module imports Textual's Markdown widget and markdown-it (~40 ms): a module on the way to the
first frame imports it where it is used, after that frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual._styles_cache import StylesCache
from textual.widgets import Input, Markdown
from textual.widgets.markdown import MarkdownBlock

if TYPE_CHECKING:
    from textual.widgets._markdown import (
        MarkdownBlockQuote,
        MarkdownH1,
        MarkdownH2,
        MarkdownH3,
        MarkdownH4,
        MarkdownH5,
        MarkdownH6,
        MarkdownParagraph,
    )
else:
    # The block classes the reader's blocks extend: their module is private, and Textual hands them out only as
    # the values of `Markdown.BLOCKS` (the names above are for the type checker).
    MarkdownBlockQuote = Markdown.BLOCKS["blockquote_open"]
    MarkdownParagraph = Markdown.BLOCKS["paragraph_open"]
    MarkdownH1, MarkdownH2, MarkdownH3, MarkdownH4, MarkdownH5, MarkdownH6 = (
        Markdown.BLOCKS[f"h{level}"] for level in range(1, 7)
    )

__all__ = [
    "MarkdownBlockQuote",
    "MarkdownH1",
    "MarkdownH2",
    "MarkdownH3",
    "MarkdownH4",
    "MarkdownH5",
    "MarkdownH6",
    "MarkdownParagraph",
    "OrderedInput",
    "block_document",
    "release_style_caches",
]


def block_document(block: MarkdownBlock) -> Markdown:
    """The Markdown widget `block` is part of. Private (`MarkdownBlock._markdown`), but the only way there before
    the block is mounted (a query up the DOM needs it mounted), and the reader's blocks are styled as they are
    built, from what their document marks."""
    return block._markdown


def release_style_caches() -> None:
    """Let the widgets just removed be freed.

    Textual 8.2 caches `StylesCache.get_inner_outer` with `functools.lru_cache` on the method, so the cache holds
    the last 1,024 widgets' style caches and every line they rendered: after some 100 sections, ~200,000 objects
    that each full garbage collection walks (passes grew to ~250 ms, felt as a stall). The cache only saves
    working out two colours.
    """
    StylesCache.get_inner_outer.cache_clear()


class OrderedInput(Input):
    """An Input whose editing keys take effect in the order they were typed, however fast they arrive.

    Textual 8.2's Input inserts a printable key as soon as it receives it, but a key it has a binding for
    (backspace, ctrl+u, delete, the arrows, enter) is not handled there: it bubbles up to the app, which runs the
    binding only after the keys already waiting in its queue. Keys that arrive in one burst (a paste, SSH, fast
    typing) are then applied out of order: `abc⌫xyz` reads "abcxy". Here the Input's own bindings run as their key
    is received, in Input's own (private) key handler. `tests/test_app_bursts.py` keeps a reproduction of the
    upstream behaviour, which says when this is no longer needed.
    """

    async def _on_key(self, event: events.Key) -> None:
        # `_bindings` holds this widget's own bindings by key (Textual's, the same the app would look up).
        bindings = self._bindings.key_to_bindings.get(event.key)
        # An action may decline (a scroll key where there is nothing to scroll): the key then goes on as before,
        # to the screen's binding for it.
        if bindings and not event.is_printable and await self.app.run_action(bindings[0].action, self):
            event.stop()
            event.prevent_default()
            return
        await super()._on_key(event)
