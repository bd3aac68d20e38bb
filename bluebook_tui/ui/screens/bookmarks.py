"""The bookmarks list: enter opens one, d removes it, escape goes back."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from bluebook_tui.library.model import Library
from bluebook_tui.ui.key_hints import key_for, key_hints
from bluebook_tui.ui.screens.dialog import DialogScreen
from bluebook_tui.ui.screens.reader import ReaderScreen
from bluebook_tui.user_data import Bookmarks, SaveError


class BookmarksScreen(DialogScreen[str | None]):
    DEFAULT_CSS = """
    BookmarksScreen {
        #bookmarks { width: 100%; max-width: 100; max-height: 80%; padding: 0; }
        #no-bookmarks { width: auto; padding: 1 2; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", tooltip="Back to reading.", id="bookmarks.close"),
        Binding("d,delete", "remove", "Remove", tooltip="Remove the highlighted bookmark.", id="bookmarks.remove"),
    ]

    def __init__(self, library: Library, bookmarks: Bookmarks) -> None:
        super().__init__()
        self.library = library
        self.bookmarks = bookmarks

    def compose(self) -> ComposeResult:
        yield OptionList(*self._options(), id="bookmarks", classes="dialog")
        bookmark = key_for(ReaderScreen, "bookmark")
        yield Static(
            f"No bookmarks yet: press {bookmark} on a section to add one.", id="no-bookmarks", classes="dialog"
        )

    def on_mount(self) -> None:
        bookmarks = self.query_one("#bookmarks")
        bookmarks.border_title = "Bookmarks"
        # The reader's footer stays below this box and lists its keys, not these.
        bookmarks.border_subtitle = key_hints(
            (OptionList, "select", "open"), (BookmarksScreen, "remove", "remove"), (BookmarksScreen, "close", "close")
        )
        self._refresh_empty()

    def _options(self) -> list[Option]:
        options = []
        for bookmark in self.bookmarks.items:
            section = self.library.find(bookmark.section_id)
            if section is None:
                label = Content.styled(f"{bookmark.section_id} (no longer in the library)", "dim")
            else:
                label = Content.assemble((section.edition, "bold"), "  ", " › ".join(section.path))
            options.append(Option(label, id=bookmark.section_id))
        return options

    def _refresh_empty(self) -> None:
        empty = not self.bookmarks.items
        self.query_one("#bookmarks").display = not empty
        self.query_one("#no-bookmarks").display = empty

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_remove(self) -> None:
        options = self.query_one("#bookmarks", OptionList)
        if options.highlighted is None:
            return
        option = options.get_option_at_index(options.highlighted)
        if option.id is not None:
            try:
                self.bookmarks.remove(option.id)
            except SaveError as error:
                self.notify(f"Bookmark removed for this session only. {error}.", severity="error", timeout=10)
        options.remove_option_at_index(options.highlighted)
        self._refresh_empty()

    def action_close(self) -> None:
        self.dismiss(None)
