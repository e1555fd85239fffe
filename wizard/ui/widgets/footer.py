"""A footer that is rebuilt only when the keys it shows change.

Textual's Footer recomposes (a widget per key, each styled again) whenever the screen's
bindings may have changed, which includes every move of the focus. On the question screen the
focus moves between the answer list, the text field and the button from one step to the next,
while the keys shown stay the same (every kind of step shows "Enter Verder"): rebuilding them
was about half the CPU of an answer (issue 8). They change only when undo becomes possible or a
practice case starts; then the footer is rebuilt as Textual does.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class SteadyFooter(Footer):
    _shown: Any = None

    def compose(self) -> ComposeResult:
        composed = list(super().compose())
        for widget in composed:
            if isinstance(widget, FooterKey):
                # the command palette's key is not bound to ``compact``: it keeps FooterKey's
                # default, True (reading widget.compact here would run its watcher already)
                palette = widget.has_class("-command-palette")
                _preset(widget, True if palette else self.compact)
            yield widget

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


def _preset(key: FooterKey, compact: bool) -> None:
    """A key is bound to the footer's ``compact``; its watcher set the class after the mount,
    styling every key again (twice on a footer that is not compact, whose keys start compact):
    set value and class before, so the watcher changes nothing."""
    key.set_reactive(FooterKey.compact, compact)
    key.set_class(compact, "-compact", update=False)
