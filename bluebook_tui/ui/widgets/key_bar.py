"""The footer: the focused area's keys in one line, drawn as one widget (Textual's Footer mounts one per key).

Regenerated from the screen's active bindings whenever they change, so it never disagrees with them.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widget import Widget


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
        seen: set[str] = set()
        keys: list[Content] = []
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if not binding.show or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            display = self.app.get_key_display(Binding(key, binding.action))
            click = Style.from_meta({"@click": f"app.simulate_key({key!r})"})
            keys.append(
                Content.assemble((f" {display} ", "bold $text-accent"), (f"{binding.description} ", "")).stylize(click)
            )
        return Content("").join(keys)
