"""The command palette (ctrl+p): "Go to section…" over every heading of both editions, and the reader's actions."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from bluebook_tui.ui.messages import SectionSelected

if TYPE_CHECKING:
    from bluebook_tui.ui.screens.reader import ReaderScreen

# (title, action on the reader screen, help)
ACTIONS = (
    ("Search…", "search", "Search both editions as you type"),
    ("Side by side", "side_by_side", "Both editions side by side"),
    ("One pane", "one_pane", "Back to one edition in one pane"),
    ("Diff marks", "toggle_changes", "Mark changed words side by side, or take the marks away"),
    ("Changes…", "changes", "Every section's change between the editions, in a table"),
    ("Insights…", "insights", "How the wording changed: keywords, shifts, concordance, dispersion"),
    ("Export comparison report…", "export_report", "What changed between the editions, as an HTML, .md or .csv file"),
    ("Other edition", "other_edition", "The same section in the other edition"),
    ("Compare editions…", "pick_pair", "Choose the two editions compared"),
    ("Section history…", "section_history", "This section in every edition, step by step"),
    ("Bookmark this section", "bookmark", "Add or remove a bookmark"),
    ("Bookmarks", "bookmarks", "The list of bookmarks"),
    ("Copy citation", "copy_citation", "Copy a citation of this section"),
    ("Back", "back", "Back to the previous place"),
    ("Forward", "forward", "Forward again"),
    ("Keys", "app.help", "Every key of the reader"),
)


class ReaderCommands(Provider):
    """Sections by heading ("Go to section: …") and the reader's actions, fuzzy matched."""

    def _reader(self) -> ReaderScreen | None:
        from bluebook_tui.ui.screens.reader import ReaderScreen

        return self.screen if isinstance(self.screen, ReaderScreen) else None

    async def discover(self) -> Hits:
        reader = self._reader()
        if reader is None:
            return
        for title, action, help_text in _offered(reader):
            yield DiscoveryHit(title, partial(reader.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        reader = self._reader()
        if reader is None:
            return
        matcher = self.matcher(query)
        for title, action, help_text in _offered(reader):
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(reader.run_action, action), help=help_text)
        for section in reader.library.walk():
            text = f"Go to section: {section.edition} {section.heading}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(text),
                    partial(reader.post_message, SectionSelected(section.id)),
                    text=text,
                    help=" › ".join(section.path[:-1]) or None,
                )


def _offered(reader: ReaderScreen) -> list[tuple[str, str, str]]:
    """The actions the reader offers now: "Side by side" or "One pane", whichever it is not showing."""
    return [entry for entry in ACTIONS if "." in entry[1] or reader.check_action(entry[1], ()) is not False]
