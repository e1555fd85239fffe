"""The answer widgets of the question screen: one list for a single or multiple choice, and the
text field of an open question.

The list is an OptionList whose prompts are literal :class:`Content` built from tree text. State is
shown in text, not only in colour: ``(•)`` marks the current answer of a single choice and
``[x]``/``[ ]`` the ticks of a multiple choice. A ticked option that asks for the user's own
words (a tree's ``detail``) shows them on the line under its label, or the key that adds them.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import Any

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Input, OptionList
from textual.widgets.option_list import Option

from wizard.ui import safe
from wizard.ui.base import localize_bindings
from wizard.ui.widgets.lists import GUTTER, PointerList

KEYS = "123456789abcdefghijklmnopqrstuvwxyz"  # the key that picks option 1, 2, … 10 (a), …


def _number(index: int) -> str:
    return f"{KEYS[index]}. " if index < len(KEYS) else "   "


def hanging(prefix: str, label: str, width: int, note: str = "") -> Content:
    """``prefix`` + label, wrapped so continuation lines start under the label, not the marks.

    ``note`` (in italics) follows the label on its last line when it fits there, or else on a
    line of its own under the label: never broken in two at the left edge.
    """
    text = safe.one_line(label)
    room = max(width - len(prefix), 20)
    lines = textwrap.wrap(text, room) or [""]
    indent = " " * len(prefix)
    if note:
        note = safe.one_line(note)
        if len(lines[-1]) + 2 + len(note) <= room:
            lines[-1] += "  " + note
        else:
            lines.append(note)
    body = prefix + ("\n" + indent).join(lines)
    content = Content(body)
    return content.stylize("italic", len(body) - len(note), len(body)) if note else content


class _WrappingList(PointerList):
    """An OptionList that re-wraps its prompts when its width changes."""

    _wrapped_at = -1  # the label width the prompts were last wrapped for

    def _label_width(self) -> int:
        width = self.scrollable_content_region.width
        if width <= 0:
            width = max(self.app.size.width - 8, 30)
        self._wrapped_at = width - 1 - GUTTER
        return width - 1 - GUTTER

    def on_resize(self) -> None:
        # a new question changes the list's height, not its width: re-wrap only for a new width
        width = self._wrapped_at
        if self.option_count and self._label_width() != width:
            self._render_prompts()

    def _render_prompts(self) -> None:  # pragma: no cover - overridden
        pass


# Enter moves on in every kind of question, and the footer says so in the same words each time:
# with one binding (same key, action and text) for the list, the text field and the button of an
# information step, a new kind of question leaves the footer as it is.
NEXT = Binding("enter", "submit", "b.next", show=True, key_display="Enter")


class AnswerList(_WrappingList):
    """The options of a question: pick one (a single choice) or tick any number (a multiple
    choice).

    One widget for both kinds, switched by :meth:`show`: with two, every change of kind moved
    the focus from one list to the other, and Textual restyles both on a focus change, which
    made those answers a quarter slower than the others (issue 8 §3).

    Single choice: arrows and Enter, or a number key (handled by the screen), and a click.
    Multiple choice: Space, a number key or a click toggles, Enter continues, F7 gives the
    ticked option's own words.
    """

    BINDINGS = [
        # not in the footer: the hint under a multiple-choice question already names the space bar,
        # and without it the footer fits in 80 columns
        Binding("space", "toggle", "b.toggle", show=False, key_display="k.space"),
        NEXT,
        # the ticked option's own words: the line under it names this key
        Binding("f7", "words", "b.words", show=False, key_display="F7"),
    ]

    class Submitted(Message):
        """The ticks of a multiple choice, in the tree's order."""

        def __init__(self, values: list[str]):
            super().__init__()
            self.values = values

    def __init__(self, ask_words: Callable[[str], None] | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        # called, not messaged, when an option that asks for words is ticked (Space, a number, a
        # click) or F7 is pressed on it: the dialog must be open before the next key is handled,
        # or an Enter typed right after the tick moves on and the dialog lands on the next question
        self.ask_words = ask_words
        self._node: Any = None
        self.multiple = False
        self._current: Any = None  # a single choice's current answer
        self._note = ""  # after the current answer, or after an option that excludes the others
        self.selected: list[str] = []  # a multiple choice's ticks
        self.words: dict[str, str] = {}  # the user's own words per option id (kept ones too)

    def on_mount(self) -> None:
        localize_bindings(self, self.app.strings)  # type: ignore[attr-defined]
        self.refresh_bindings()

    def show(self, node: Any, current: Any, note: str, words: dict[str, str] | None = None) -> None:
        """Show a choice or multi node's options with the current answer; ``note`` marks the
        current answer of a single choice, or an option that excludes the others."""
        self._node, self._note = node, note
        self.multiple = node.kind == "multi"
        self._current = None if self.multiple else current
        self.words = dict(words or {}) if self.multiple else {}
        self.selected = [
            o.id
            for o in node.options
            if self.multiple and isinstance(current, list) and o.id in current
        ]
        width = self._label_width()
        self.set_options(
            [Option(self._prompt(i, width), id=o.id) for i, o in enumerate(node.options)]
        )
        ids = [o.id for o in node.options]
        self.highlighted = ids.index(current) if not self.multiple and current in ids else 0

    def _prompt(self, index: int, width: int) -> Content:
        option = self._node.options[index]
        if not self.multiple:
            chosen = option.id == self._current
            mark = ("(•) " if chosen else "( ) ") + _number(index)
            return hanging(mark, option.label, width, f"← {self._note}" if chosen else "")
        ticked = option.id in self.selected
        mark = ("[x] " if ticked else "[ ] ") + _number(index)
        prompt = hanging(mark, option.label, width, f"({self._note})" if option.exclusive else "")
        if ticked and getattr(option, "detail", None):
            prompt = Content.assemble(prompt, "\n", self._words_line(index, width))
        return prompt

    def _words_line(self, index: int, width: int) -> Content:
        """Under a ticked option that asks for words: the words (dimmed), and the key."""
        s = self.app.strings  # type: ignore[attr-defined]
        option = self._node.options[index]
        words = self.words.get(option.id)
        indent = " " * len("[x] " + _number(index))
        if not words:
            ask = s("q.words.add", prompt=safe.summary(option.detail, 60))
            return hanging(indent, ask, width).stylize("dim italic")
        line = hanging(indent, f"“{words}”  ({s('q.words.edit')})", width)
        return line.stylize("dim")

    def set_words(self, words: dict[str, str]) -> None:
        """Show changed words (the ticks on screen stay as they are)."""
        self.words = dict(words)
        self._render_prompts()

    def _render_prompts(self) -> None:
        if self._node is None:
            return
        width = self._label_width()
        for i in range(len(self._node.options)):
            self.replace_option_prompt_at_index(i, self._prompt(i, width))

    def toggle(self, index: int) -> None:
        if not self.multiple or self._node is None or not 0 <= index < len(self._node.options):
            return
        option = self._node.options[index]
        if option.id in self.selected:
            self.selected.remove(option.id)
        else:
            # Input convenience only: a "none of these" option and the others cannot both be
            # ticked, so ticking one clears the other kind (the engine still checks the answer).
            exclusive = {o.id for o in self._node.options if o.exclusive}
            if option.exclusive:
                self.selected = []
            else:
                self.selected = [s for s in self.selected if s not in exclusive]
            self.selected.append(option.id)
        order = [o.id for o in self._node.options]
        self.selected.sort(key=order.index)
        self._render_prompts()
        self.highlighted = index
        if option.id in self.selected and getattr(option, "detail", None):  # just ticked
            self._ask(option.id)

    def _ask(self, option_id: str) -> None:
        if self.ask_words is not None:
            self.ask_words(option_id)

    def action_words(self) -> None:
        """F7: give or change the own words at the highlighted option (ticking it if needed)."""
        if not self.multiple or self._node is None or self.highlighted is None:
            return
        option = self._node.options[self.highlighted]
        if not getattr(option, "detail", None):
            self.notify(self.app.strings("words.none"), markup=False)  # type: ignore[attr-defined]
        elif option.id not in self.selected:
            self.toggle(self.highlighted)  # ticking it asks for the words
        else:
            self._ask(option.id)

    def action_toggle(self) -> None:
        if self.highlighted is not None:
            self.toggle(self.highlighted)

    def action_submit(self) -> None:
        if self.multiple:
            self.post_message(self.Submitted(list(self.selected)))
        else:
            self.action_select()  # OptionSelected: the screen answers with the option

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if self.multiple:  # a mouse click on an option toggles it
            event.stop()
            self.toggle(event.option_index)


class TextAnswer(Input):
    """The field of an open question; Enter moves on, shown in the footer as for the lists."""

    BINDINGS = [NEXT]

    def on_mount(self) -> None:
        localize_bindings(self, self.app.strings)  # type: ignore[attr-defined]


class ContinueButton(Button):
    """The button of an information step or the last step; Enter presses it, shown in the footer
    as for the list and the text field."""

    BINDINGS = [NEXT]

    def on_mount(self) -> None:
        localize_bindings(self, self.app.strings)  # type: ignore[attr-defined]

    def action_submit(self) -> None:
        self.press()
