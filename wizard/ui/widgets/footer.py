"""A footer that is rebuilt only when the keys it shows change.

Textual's Footer recomposes (a widget per key, each styled again) whenever the screen's
bindings may have changed, which includes every move of the focus. On the question screen the
focus moves between the choice list, the multiple-choice list and the text field from one
question to the next, while the keys shown stay the same: rebuilding them was about half the
CPU of an answer (issue 8).
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


class SteadyFooter(Footer):
    _shown: Any = None

    def _signature(self, screen: Screen) -> Any:
        return tuple(
            (binding.key, binding.action, binding.description, binding.key_display, enabled, tip)
            for (_, binding, enabled, tip) in screen.active_bindings.values()
            if binding.show
        )

    def bindings_changed(self, screen: Screen) -> None:
        ready = self._bindings_ready and screen.app.app_focus
        if ready and self.is_attached and screen is self.screen:
            signature = self._signature(screen)
            if signature == self._shown:
                return
            self._shown = signature
        super().bindings_changed(screen)
