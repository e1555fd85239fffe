"""A footer that is rebuilt only when the keys it shows change, and then only where they change.

Textual's Footer recomposes (a widget per key, each styled again) whenever the screen's
bindings may have changed, which includes every move of the focus. On the question screen the
focus moves between the choice list, the multiple-choice list and the text field from one
question to the next, while the keys shown stay the same: rebuilding them was about half the
CPU of an answer (issue 8). When they do change (a multiple-choice question adds "Enter
Verder", the next single choice drops it), only the keys that came or went are shown or
hidden (mounted the first time) and the others stay: a full rebuild cost 13-24 ms of an answer.
"""

from __future__ import annotations

from difflib import SequenceMatcher
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
            before, self._shown = self._shown, signature
            if before is not None and self._patch(screen, before, signature):
                return
        super().bindings_changed(screen)

    def _keys(self, signature: Any) -> list[tuple[Any, ...]] | None:
        """The keys as Footer.compose shows them (one per action), or None when it would group
        some (then only a full rebuild shows them right)."""
        keys: dict[str, tuple[Any, ...]] = {}
        for key, action, description, key_display, enabled, tip in signature:
            keys.setdefault(action, (key, action, description, key_display, enabled, tip))
        return list(keys.values())

    def _patch(self, screen: Screen, before: Any, after: Any) -> bool:
        """Show, hide or mount only the keys that changed; False when that cannot be done.

        A key that goes is hidden, not removed: the next question of its kind shows it again
        in the same layout pass (mounting one took two more passes)."""
        if any(b.group is not None for (_, b, _, _) in screen.active_bindings.values() if b.show):
            return False
        old, new = self._keys(before), self._keys(after)
        keys = [w for w in self.query_children(FooterKey) if not w.has_class("-command-palette")]
        shown = [w for w in keys if w.display]
        if old is None or new is None or len(shown) != len(old):
            return False
        for widget, key in zip(shown, old, strict=True):
            widget._stappenplan_key = key  # type: ignore[attr-defined]
        bindings = {
            b.action: b for (_, b, _, _) in reversed(screen.active_bindings.values()) if b.show
        }
        palette = [w for w in self.query_children(FooterKey) if w.has_class("-command-palette")]
        matcher = SequenceMatcher(a=old, b=new, autojunk=False)
        for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
            if tag == "equal":
                continue
            for widget in shown[i1:i2]:
                widget.display = False
            if j1 == j2:
                continue
            # the hidden keys between the shown neighbours: shown again if they are these
            low = keys.index(shown[i1 - 1]) + 1 if i1 > 0 else 0
            high = keys.index(shown[i2]) if i2 < len(shown) else len(keys)
            spare = keys[low:high]
            wanted = new[j1:j2]
            found = [w for w in spare if getattr(w, "_stappenplan_key", None) in wanted]
            if [w._stappenplan_key for w in found] == wanted:  # type: ignore[attr-defined]
                for widget in found:
                    widget.display = True
                continue
            for widget in spare:
                widget.remove()
            anchor = shown[i2] if i2 < len(shown) else (palette[0] if palette else None)
            widgets = [self._key_widget(bindings[key[1]], key) for key in wanted]
            if anchor is not None:
                self.mount_all(widgets, before=anchor)
            else:
                self.mount_all(widgets)
        return True

    def _key_widget(self, binding: Any, key: tuple[Any, ...]) -> FooterKey:
        enabled, tooltip = key[4], key[5]
        widget = FooterKey(
            binding.key,
            self.app.get_key_display(binding),
            binding.description,
            binding.action,
            disabled=not enabled,
            tooltip=tooltip,
        )
        _preset(widget, self.compact)
        widget._stappenplan_key = key  # type: ignore[attr-defined]
        return widget.data_bind(compact=Footer.compact)


def _preset(key: FooterKey, compact: bool) -> None:
    """A key is bound to the footer's ``compact``; its watcher set the class after the mount,
    styling every key again (twice on a footer that is not compact, whose keys start compact):
    set value and class before, so the watcher changes nothing."""
    key.set_reactive(FooterKey.compact, compact)
    key.set_class(compact, "-compact", update=False)
