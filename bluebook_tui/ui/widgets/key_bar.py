"""The footer: the focused area's keys in one line, drawn as one widget (Textual's Footer mounts one per key).

Regenerated from the screen's active bindings whenever they change, so it never disagrees with them.
"""

from __future__ import annotations

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
        that do nothing here (a disabled action) are left out."""
        keys: list[Content] = []
        pinned: list[Content] = []
        seen: set[str] = set()
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if not binding.show or not binding.description or not active.enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            display = self.app.get_key_display(Binding(key, binding.action))
            click = Style.from_meta({"@click": f"app.simulate_key({key!r})"})
            item = Content.assemble((f" {display} ", "bold $text-accent"), (f"{binding.description} ", ""))
            (pinned if binding.id in PINNED_BINDING_IDS else keys).append(item.stylize(click))
        room = self.content_size.width - sum(item.cell_length for item in pinned)
        shown: list[Content] = []
        for item in keys:
            room -= item.cell_length
            if room < 0:
                break
            shown.append(item)
        return Content("").join([*shown, *pinned])
