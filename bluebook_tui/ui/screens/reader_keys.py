"""The reader's keys, each with what it does (the footer) and a tooltip (`?`); hints elsewhere are written from them
(`ui.key_hints`)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

# Shown together in the footer, or not at all: "[ ] Prev/next section" where the two do not fit whole.
SECTION_STEPS = Binding.Group("Prev/next section")

# Priority (`/` and the keys that open a screen): handled as the key arrives, so the keys typed right after it, in
# one burst, go to the screen it opens, not the pane behind (the reader has no box to type in that they would take).
READER_BINDINGS: list[BindingType] = [
    Binding("slash", "search", "Search", tooltip="Search both editions as you type.", id="search", priority=True),
    Binding("n", "step_match(1)", "Next match", tooltip="Next match of the search in the pane.", id="next-match"),
    Binding("N", "step_match(-1)", "Prev match", show=False, tooltip="Previous match in the pane.", id="prev-match"),
    Binding(
        "left_square_bracket",
        "step_section(-1)",
        "Prev section",
        tooltip="The section before this one, in reading order.",
        id="prev-section",
        group=SECTION_STEPS,
    ),
    Binding(
        "right_square_bracket",
        "step_section(1)",
        "Next section",
        tooltip="The section after this one, in reading order.",
        id="next-section",
        group=SECTION_STEPS,
    ),
    Binding(
        "e",
        "other_edition",
        "Other edition",
        tooltip="The same section in the other edition (with more than two: in the edition you pick).",
        id="edition",
    ),
    Binding(
        "H",
        "section_history",
        "History",
        show=False,
        tooltip="This section in every edition: its counterpart in each and what became of it.",
        id="history",
        priority=True,
    ),
    Binding(
        "P",
        "pick_pair",
        "Pick editions",
        show=False,
        tooltip="Choose the two editions compared (side by side, Changes, Insights, the report).",
        id="pick-pair",
        priority=True,
    ),
    Binding(
        "c",
        "side_by_side",
        "Side by side",
        tooltip="Both editions side by side, in step; the tree badges each section's change (c again: back).",
        id="compare",
    ),
    Binding("c", "one_pane", "One pane", tooltip="Back to one edition in one pane.", id="one-pane"),
    Binding(
        "d",
        "toggle_changes",
        "Diff",
        tooltip="Mark changed words side by side: deleted on the left, inserted on the right (d again: off).",
        id="diff",
    ),
    Binding(
        "C",
        "changes",
        "Changes",
        tooltip="Every section's change between the editions, in a table.",
        id="changes",
        priority=True,
    ),
    Binding(
        "I",
        "insights",
        "Insights",
        tooltip="How the wording changed: keywords, shifts, concordance, dispersion.",
        id="insights",
        priority=True,
    ),
    Binding(
        "R",
        "export_report",
        "Report",
        show=False,
        tooltip="Export what changed between the editions as a report: HTML, Markdown or CSV.",
        id="report",
        priority=True,
    ),
    Binding("b", "bookmark", "Bookmark", tooltip="Bookmark this section, or remove its bookmark.", id="bookmark"),
    Binding("B", "bookmarks", "Bookmarks", tooltip="The list of bookmarks.", id="bookmarks", priority=True),
    Binding("y", "copy_citation", "Cite", tooltip="Copy a citation of this section.", id="cite"),
    Binding(
        "backspace,alt+left",
        "back",
        "Back",
        tooltip="Back to the previous place (also where you were before a search).",
        id="back",
    ),
    Binding("alt+right", "forward", "Forward", show=False, tooltip="Forward again after going back.", id="forward"),
    Binding("t", "toggle_tree", "Tree", show=False, tooltip="Show or hide the table of contents.", id="tree"),
    Binding(
        "less_than_sign",
        "resize_tree(-1)",
        "Narrower tree",
        show=False,
        tooltip="Narrow the tree.",
        id="tree-narrower",
    ),
    Binding(
        "greater_than_sign", "resize_tree(1)", "Wider tree", show=False, tooltip="Widen the tree.", id="tree-wider"
    ),
]
