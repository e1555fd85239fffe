"""The one list widget of the app: an OptionList that marks the highlighted option with ``▸``
(not by colour alone), stops at its ends instead of wrapping round to the other end, and takes
a double click as one click."""

from __future__ import annotations

from rich.segment import Segment
from textual import events
from textual._widget_navigation import find_next_enabled_no_wrap
from textual.strip import Strip
from textual.widgets import OptionList

POINTER = "▸ "
GUTTER = len(POINTER)


class PointerList(OptionList):
    def _get_left_gutter_width(self) -> int:
        return GUTTER

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        width = self.scrollable_content_region.width
        try:
            index, offset = self._lines[self.scroll_offset.y + y]
        except IndexError:
            index, offset = None, 1
        if index is not None and index == self.highlighted and offset == 0:
            style = self.get_visual_style("option-list--option", "option-list--option-highlighted")
            mark = POINTER
        else:
            style = self.get_visual_style("option-list--option")
            mark = " " * GUTTER
        gutter = Strip([Segment(mark, style.rich_style)], GUTTER)
        return Strip.join([gutter, strip]).crop_extend(0, width, style.rich_style)

    def _on_click(self, event: events.Click) -> None:
        # The second click of a double click does nothing. A click chooses at once: the first
        # one answered, opened or started something, and the second would land on the next
        # screen (choosing or ticking whatever lies under the mouse there), or untick what the
        # first ticked. A single click goes on to OptionList's own handler (Textual calls the
        # handler of each class in turn unless one prevents it).
        if event.chain > 1:
            event.prevent_default()
            event.stop()

    def _step(self, direction: int) -> None:
        if self.highlighted is None:
            self.highlighted = 0 if self.option_count else None
            return
        found = find_next_enabled_no_wrap(self.options, self.highlighted, direction)  # type: ignore[arg-type]
        if found is not None:
            self.highlighted = found

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_cursor_down(self) -> None:
        self._step(1)
