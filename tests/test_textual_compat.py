"""Guards of `bluebook_tui.ui.textual_compat`: each private Textual name it relies on is still there and still does
what the app relies on. A failure here means Textual changed it: see the note on that name in the module."""

from __future__ import annotations

import gc
import inspect
import weakref

from markdown_it.token import Token
from textual.app import App, ComposeResult
from textual.color import Color
from textual.widgets import Input, Markdown
from textual.widgets.markdown import MarkdownBlock

from bluebook_tui.ui import textual_compat
from bluebook_tui.ui.textual_compat import OrderedInput, block_document, release_style_caches


def test_the_markdown_block_classes_are_the_private_modules_own() -> None:
    """The reader's blocks extend Textual's paragraph, block quote and heading classes, reached through
    `Markdown.BLOCKS` at run time and named from `textual.widgets._markdown` for the type checker: both must be the
    same classes."""
    from textual.widgets import _markdown

    for name in ("MarkdownBlockQuote", "MarkdownParagraph", *(f"MarkdownH{level}" for level in range(1, 7))):
        block = getattr(textual_compat, name)
        assert block is getattr(_markdown, name)
        assert issubclass(block, MarkdownBlock)


def test_a_block_knows_its_markdown_widget_before_it_is_mounted() -> None:
    markdown = Markdown()
    block = textual_compat.MarkdownParagraph(markdown, Token("paragraph_open", "p", 1))
    assert not block.is_mounted
    assert block_document(block) is markdown


def test_the_style_cache_holds_widgets_until_released() -> None:
    """`StylesCache.get_inner_outer` is an `lru_cache` on the method, keeping each style cache it was asked with
    (and so its widget's rendered lines) alive; clearing it lets them go."""
    from textual._styles_cache import StylesCache

    cache = StylesCache()
    cache.get_inner_outer(Color(0, 0, 0), Color(10, 20, 30))
    held = weakref.ref(cache)
    del cache
    gc.collect()
    assert held() is not None, "Textual no longer keeps style caches: release_style_caches can go"
    release_style_caches()
    gc.collect()
    assert held() is None
    assert StylesCache.get_inner_outer.cache_info().currsize == 0


class _OneOrderedInput(App[None]):
    def compose(self) -> ComposeResult:
        yield OrderedInput()


def test_the_input_handles_its_keys_in_a_private_handler_with_its_bindings_by_key() -> None:
    """`OrderedInput` overrides `Input._on_key` (and calls it) and looks its own bindings up in `_bindings`."""
    assert inspect.iscoroutinefunction(vars(Input)["_on_key"])
    bindings = Input()._bindings.key_to_bindings
    assert [binding.action for binding in bindings["backspace"]] == ["delete_left"]
    assert [binding.action for binding in bindings["left"]] == ["cursor_left"]


async def test_an_ordered_input_edits_with_its_own_bindings_as_keys_arrive() -> None:
    app = _OneOrderedInput()
    async with app.run_test() as pilot:
        await pilot.press("a", "b", "c", "left", "backspace", "x")
        box = app.query_one(OrderedInput)
        assert (box.value, box.cursor_position) == ("axc", 2)
