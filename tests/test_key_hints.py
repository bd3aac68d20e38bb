"""Key hints in dialog borders and status lines name the keys the bindings really have."""

from __future__ import annotations

from typing import ClassVar

import pytest
from textual.binding import Binding, BindingType
from textual.widgets import OptionList

from bluebook_tui.ui.key_hints import key_for, key_hints
from bluebook_tui.ui.screens.bookmarks import BookmarksScreen
from bluebook_tui.ui.screens.search import SearchScreen


def test_a_hint_reads_as_the_readme_writes_keys() -> None:
    hint = key_hints(
        (OptionList, "select", "open"), (BookmarksScreen, "remove", "remove"), (BookmarksScreen, "close", "close")
    )
    assert hint == "enter open · d remove · esc close"


def test_a_rebound_key_changes_the_hint() -> None:
    class Rebound(SearchScreen):
        BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+g", "concordance", "Concordance")]

    assert key_for(SearchScreen, "concordance") == "ctrl+l"
    assert key_for(Rebound, "concordance") == "ctrl+g"
    assert key_for(Rebound, "close") == "esc", "inherited bindings count too"


def test_a_hint_for_an_unbound_action_fails_loudly() -> None:
    with pytest.raises(LookupError):
        key_for(BookmarksScreen, "no_such_action")
