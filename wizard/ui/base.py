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
