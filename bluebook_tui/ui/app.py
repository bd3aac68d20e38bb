"""The Bluebook reader app: opens the reader screen at once, loads the search index behind it. Routing only."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import Screen

from bluebook_tui.library.model import Library
from bluebook_tui.ui.garbage import IDLE_SECONDS, OVERDUE_SECONDS, collect_while_idle, freeze_what_exists, thaw
from bluebook_tui.ui.screens.reader import ReaderScreen
from bluebook_tui.user_data import Session, Store

if TYPE_CHECKING:
    from textual.command import Provider

    from bluebook_tui.search import SearchService
    from bluebook_tui.search.builder import IndexProgress

INDEX_DELAY_SECONDS = 0.3


def reader_commands() -> type[Provider]:
    """The command palette's provider, imported when the palette first opens (not on the way to first paint)."""
    from bluebook_tui.ui.commands import ReaderCommands

    return ReaderCommands


class BluebookApp(App[None]):
    TITLE = "Bluebook"
    # The reader screen's styling; the other screens and the widgets keep theirs in DEFAULT_CSS. Shipped as
    # package data (pyproject.toml).
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {reader_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", tooltip="Quit; the next start returns here.", id="quit"),
        Binding("question_mark", "help", "Keys", tooltip="Every key, with what it does.", id="help"),
        # Textual's own binding for its palette, but worded as the other keys are (its own says "palette").
        Binding(
            "ctrl+p",
            "command_palette",
            "Commands",
            show=False,
            priority=True,
            tooltip="Every command by name: type a few letters of one, enter runs it.",
            id="palette",
        ),
    ]

    # Set from the index thread when it is done; the widgets that show search watch these.
    search_service: reactive[SearchService | None] = reactive(None, init=False)
    search_note: reactive[str] = reactive("Building the search index…", init=False)

    def __init__(
        self,
        library: Library,
        data_dir: Path,
        *,
        start_section_id: str | None = None,
        index_root: Path | None = None,
        pair: tuple[str, str] | None = None,
    ) -> None:
        """`pair`: the two editions to compare, older first (checked by `compare.editions.comparison_pair`); the
        app then opens on them side by side. By default the newest two."""
        super().__init__()
        self.library = library
        self._pair = pair
        self._index_root = index_root
        self.store = Store(data_dir)
        self._start = self._start_session(start_section_id)
        if pair is not None:
            self._start = Session(self._start.section_id, comparing=True)
        # Start-up counts as input: its garbage is collected at the first pause too.
        self._last_input = time.monotonic()
        self._last_collection = time.monotonic()

    def _start_session(self, start_section_id: str | None) -> Session:
        """An explicit section, else where the reader left off, else the newest edition's first section."""
        if start_section_id is not None:
            return Session(start_section_id)
        session = self.store.load_session()
        if session is not None and self.library.find(session.section_id) is not None:
            return session
        return Session(self.library.newest.sections[0].id)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's palette commands, less its "Keys" (the reader's own "Keys" lists every key) and with a
        "Screenshot" that saves where it can and says where (Textual's fails without ~/Downloads)."""
        for command in super().get_system_commands(screen):
            if command.title == "Keys":
                continue
            if command.title == "Screenshot":
                where = self.store.directory / "screenshots"
                yield SystemCommand("Screenshot", f"Save an SVG of the screen in {where}", self._save_screenshot)
                continue
            yield command

    def _save_screenshot(self) -> None:
        def save() -> None:
            directory = self.store.directory / "screenshots"
            try:
                directory.mkdir(parents=True, exist_ok=True)
                path = self.save_screenshot(path=str(directory))
            except OSError as error:
                self.notify(f"Could not save the screenshot in {directory} ({error.strerror})", severity="error")
            else:
                self.notify(f"Screenshot saved: {path}", timeout=6)

        self.set_timer(0.1, save)  # once the palette has closed, so the shot shows the screen beneath it

    def get_default_screen(self) -> Screen[Any]:
        return ReaderScreen(self.library, self.store, self._start, self._pair)

    def on_mount(self) -> None:
        self.store.listen(lambda notice: self.notify(notice, severity="warning", timeout=10))
        self.call_after_refresh(self._collect_garbage_again)
        self.set_interval(IDLE_SECONDS / 4, self._collect_if_idle)
        # Not at once: the index thread would compete with the first frames for the interpreter.
        self.set_timer(INDEX_DELAY_SECONDS, self._load_search)

    @staticmethod
    def _collect_garbage_again() -> None:
        """After the first frame, if start-up paused the cyclic collector (`cli.app_cmd.run_app`)."""
        if not gc.isenabled():
            freeze_what_exists()

    def on_unmount(self) -> None:
        thaw()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self._last_input = time.monotonic()
        await super().on_event(event)

    def _collect_if_idle(self) -> None:
        """Collect garbage (`ui.garbage`) once input has paused for IDLE_SECONDS (once per pause), or when input
        has gone on for OVERDUE_SECONDS since the last time."""
        now = time.monotonic()
        if self._last_input > self._last_collection and (
            now - self._last_input >= IDLE_SECONDS or now - self._last_collection >= OVERDUE_SECONDS
        ):
            self._last_collection = now
            collect_while_idle()

    @work(thread=True, exclusive=True, group="index")
    def _load_search(self) -> None:
        """Open the index, building it if it is missing or stale; reading goes on meanwhile."""
        try:
            from bluebook_tui.search import SearchService
        except ImportError:
            self.call_from_thread(self._search_ready, None, "Search is not available yet.")
            return
        try:
            service = SearchService(self.library, index_root=self._index_root)
            # Notices come from this thread or a search's; Textual's notify is safe from either.
            service.on_notice = lambda notice: self.notify(notice, severity="warning", timeout=10)
            service.ensure_index(progress=self._index_progress)
        except Exception as error:  # any failure here must leave reading working
            self.call_from_thread(self._search_ready, None, f"Search index unavailable: {error}")
            return
        self.call_from_thread(self._search_ready, service, "")

    def _index_progress(self, at: IndexProgress) -> None:
        """From the index thread: "Indexing 12/65 editions…" in the search's status, once per edition."""
        note = f"Indexing {at.editions_done}/{at.editions} editions…"
        if note != self.search_note:
            self.call_from_thread(self._search_ready, None, note)

    def _search_ready(self, service: SearchService | None, note: str) -> None:
        """The note first: a watcher told of the service then finds no stale "building" note beside it."""
        self.search_note = note
        self.search_service = service

    def action_help(self) -> None:
        from bluebook_tui.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            notes = self.screen.help_notes() if isinstance(self.screen, ReaderScreen) else ""
            self.push_screen(HelpScreen(self.screen, notes))

    async def action_quit(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                screen.save_position()
        self.exit()
