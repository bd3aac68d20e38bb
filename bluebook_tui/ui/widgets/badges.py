"""Small pieces of text that show a comparison: a section's change as a badge or a note."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual.content import Content

from bluebook_tui.compare.views import kept_share

if TYPE_CHECKING:
    from bluebook_tui.compare import SectionPair
    from bluebook_tui.library.model import Section

# By status, and for the `renumbered` flag.
STYLES = {
    "unchanged": "$text-muted",
    "changed": "$text-warning",
    "added": "bold $text-success",
    "removed": "bold $text-error",
    "merged": "$text-accent",
    "split": "$text-accent",
    "renumbered": "$text-accent",
}


def legend(left_edition: str, right_edition: str, moved_keys: tuple[str, str]) -> str:
    """What the marks of a comparison mean, for the help screen; `moved_keys`: the keys that pick a moved sentence
    and show its counterpart."""
    pick, jump = moved_keys
    return (
        f"Side by side: dimmed = unchanged · plain = edited · green = new in {right_edition} · "
        f"red = not in {right_edition} · ⇄ = moved elsewhere ({pick} to pick, {jump} to see its counterpart)\n"
        f"Tree badges: 54% = share of the {left_edition} section's words kept in {right_edition} · new · removed · "
        "→54% = merged into another section · ←54% = split off one · parts = only the heading went (or came), "
        "its subsections are paired · renum = renumbered"
    )


def percent(similarity: float) -> str:
    return f"{round(similarity * 100)}%"


def badge_parts(pair: SectionPair) -> list[tuple[str, str]]:
    """A few cells for the tree, as (text, key of `STYLES`): "same", "new", "removed", the share of the older
    section's words kept (`kept_share`), or where a merged or split section's text went ("→54%") or came from
    ("←54%"); then "renum" if it was renumbered."""
    share = percent(kept_share(pair))
    labels = {"unchanged": "same", "added": "new", "removed": "removed", "merged": f"→{share}", "split": f"←{share}"}
    if "parts-paired" in pair.flags:
        # Only the heading is new or gone: its subsections, and their badges, tell what became of the text.
        return [("parts", "merged")]
    parts: list[tuple[str, str]] = [(labels.get(pair.status, share), pair.status)]
    if "renumbered" in pair.flags:
        parts.append(("renum", "renumbered"))
    return parts


def counterpart_note(pair: SectionPair, section: Section, other_edition: str) -> Content:
    """What became of `section` in `other_edition`, in words ("changed since 2016 (27% of 2016's words kept)")."""
    if "parts-paired" in pair.flags:
        return Content.styled(f"no heading of its own in {other_edition}; its parts are there", STYLES["merged"])
    if pair.status == "added":
        text = f"new in {section.edition}"
    elif pair.status == "removed":
        text = f"not in {other_edition}"
    elif pair.destination is not None:
        verb = "merged into" if pair.status == "merged" else "split from"
        text = f"{verb} {pair.destination.id}"
    else:
        since_or_in = "since" if other_edition < section.edition else "in"
        text = f"{pair.status} {since_or_in} {other_edition}"
        if pair.status == "changed":
            older = other_edition if since_or_in == "since" else section.edition
            text += f" ({percent(kept_share(pair))} of {older}'s words kept)"
    return Content.styled(text, STYLES[pair.status])


# How the matched sentences' fates read in a search hit, in this order.
_MATCHED = ("unchanged", "edited", "moved", "new", "removed")


def matched_note(counts: Mapping[str, int]) -> Content:
    """What became of the sentences a search matched in a section: " · matches: 2 edited, 1 new"."""
    parts = [f"{counts[status]} {status}" for status in _MATCHED if counts.get(status)]
    return Content.styled(f" · matches: {', '.join(parts)}", "$text-muted") if parts else Content("")
