"""The footer: the focused area's keys in one line, drawn as one widget (Textual's Footer mounts one per key).

Regenerated from the screen's active bindings whenever they change, so it never disagrees with them.
"""

from __future__ import annotations

from itertools import groupby

from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widget import Widget

# The app's own keys, kept in view however narrow the terminal: quitting, and the help screen that lists every key.
PINNED_BINDING_IDS = frozenset({"quit", "help"})


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $panel;
        color: $foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_updated)

    def _bindings_updated(self, screen: Screen[object]) -> None:
        self.refresh()

    def render(self) -> Content:
        """As many keys as fit, in the bindings' order, then always `q` and `?` (whose help lists the rest); keys
        that do nothing here (a disabled action) are left out. Keys bound in one `Binding.Group` (`[` and `]`)
        show whole, or as "[ ] Prev/next section" where only that fits, never one without the other."""
        shown_bindings: list[tuple[str, str, Binding]] = []
        seen: set[str] = set()
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if not binding.show or not binding.description or not active.enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            shown_bindings.append((key, self.app.get_key_display(Binding(key, binding.action)), binding))
        pinned = [
            _keys_item([(key, display)], binding.description)
            for key, display, binding in shown_bindings
            if binding.id in PINNED_BINDING_IDS
        ]
        room = self.content_size.width - sum(item.cell_length for item in pinned)
        shown: list[Content] = []
        unpinned = [entry for entry in shown_bindings if entry[2].id not in PINNED_BINDING_IDS]
        for group, entries in groupby(unpinned, key=lambda entry: entry[2].group or entry[2]):
            members = list(entries)
            item = Content("").join(
                _keys_item([(key, display)], binding.description) for key, display, binding in members
            )
            if item.cell_length > room and isinstance(group, Binding.Group):
                item = _keys_item([(key, display) for key, display, _ in members], group.description)
            room -= item.cell_length
            if room < 0:
                break
            shown.append(item)
        return Content("").join([*shown, *pinned])


def _keys_item(keys: list[tuple[str, str]], description: str) -> Content:
    """One footer item, keys then what they do (" [ ] Prev/next section "); each `(key, how it shows)` clicks as
    that key, and the words as the first."""
    shown = [
        Content.styled(f" {display}" + (" " if key == keys[-1][0] else ""), "bold $text-accent").stylize(_click(key))
        for key, display in keys
    ]
    return Content("").join([*shown, Content(f"{description} ").stylize(_click(keys[0][0]))])


def _click(key: str) -> Style:
    return Style.from_meta({"@click": f"app.simulate_key({key!r})"})
