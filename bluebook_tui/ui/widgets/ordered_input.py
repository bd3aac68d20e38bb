"""An Input whose editing keys take effect in the order they were typed, however fast they arrive.

Textual 8.2's Input inserts a printable key as soon as it receives it, but a key it has a binding for (backspace,
ctrl+u, delete, the arrows, enter) is not handled there: it bubbles up to the app, which runs the binding only after
the keys already waiting in its queue. Keys that arrive in one burst (a paste, SSH, fast typing) are then applied
out of order: `abc⌫xyz` reads "abcxy". Here the Input's own bindings run as their key is received.
`tests/test_app_search.py` keeps a reproduction of the upstream behaviour, which says when this is no longer needed.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class OrderedInput(Input):
    async def _on_key(self, event: events.Key) -> None:
        # `_bindings` holds this widget's own bindings by key (Textual's, the same the app would look up).
        bindings = self._bindings.key_to_bindings.get(event.key)
        # An action may decline (a scroll key where there is nothing to scroll): the key then goes on as before,
        # to the screen's binding for it.
        if bindings and not event.is_printable and await self.app.run_action(bindings[0].action, self):
            event.stop()
            event.prevent_default()
            return
        await super()._on_key(event)
