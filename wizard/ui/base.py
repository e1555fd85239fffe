"""Small shared pieces for screens and widgets: translated binding labels, the app's strings."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual.dom import DOMNode

if TYPE_CHECKING:
    from wizard.ui.strings import Strings


def localize_bindings(node: DOMNode, strings: Strings) -> None:
    """Replace binding descriptions that are string keys (``"b.back"``) by their translation.

    Bindings are declared once per class; the language is only known when the app runs, so the
    footer labels are translated per instance.
    """
    bindings = node._bindings.key_to_bindings
    for key, items in bindings.items():
        bindings[key] = [_localized(b, strings) for b in items]


def _localized(binding, strings: Strings):
    changes = {}
    if strings.has(binding.description):
        changes["description"] = strings(binding.description)
    if binding.key_display and strings.has(binding.key_display):
        changes["key_display"] = strings(binding.key_display)
    return replace(binding, **changes) if changes else binding


def step_between_buttons(screen, step: int) -> bool:
    """Left/right arrow on a button in a row of buttons: focus its neighbour (no wrapping).

    Returns False when the focus is not on such a button, so the key can do its usual job.
    """
    from textual.widgets import Button

    focused = screen.focused
    if not isinstance(focused, Button) or focused.parent is None:
        return False
    row = [b for b in focused.parent.children if isinstance(b, Button) and b.display]
    index = row.index(focused) + step
    if 0 <= index < len(row):
        row[index].focus()
    return True
