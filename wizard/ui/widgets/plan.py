"""The plan on the result screen: a few widgets (one per section) instead of Textual's Markdown.

The Markdown widget builds a widget per paragraph, list item and bullet; for a long plan that
was several hundred widgets and most of a second of CPU to mount and lay out (issue 8 §3). Here
the same Markdown (``wizard.render.to_markdown``, parsed by the same markdown-it parser) becomes
one :class:`~textual.content.Content` per section, wrapped by this module with a hanging indent
for list items. Tree text stays text: the Markdown source already escapes it (``md_text``), and
what is shown is built from the parser's text tokens as literal ``Content`` spans, never markup.
A link (a cited source's web address) opens only an https: address, as in the help panel.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from textual.content import Content, Span
from textual.geometry import Size
from textual.style import Style
from textual.widget import Widget

from wizard.ui import safe

H1 = "bold $markdown-h1-color"
H2 = "bold underline $markdown-h2-color"
H3 = "bold $markdown-h3-color"
HEADING_STYLE = {"h1": H1, "h2": H2, "h3": H3}
# blank lines above / below a block, as the Markdown widget's margins on the result screen
# (app.tcss: H1 0 0 1 0, H2 1 0 1 0; Textual: H3 1 0, paragraph and list 0 0 1 0)
MARGINS = {"h1": (0, 1), "h2": (1, 1), "h3": (1, 1), "p": (0, 1), "list": (0, 1)}
BULLET = "• "
BULLET_STYLE = "$text-primary"  # as Textual's MarkdownBullet
_SPACES = re.compile(r"\s+")


@dataclass
class Block:
    """One paragraph or heading: ``prefix`` on its first line, ``indent`` on the others."""

    content: Content
    prefix: str = ""
    indent: int = 0
    top: int = 0
    bottom: int = 0
    heading: str = ""


def _inline(token) -> Content:
    """An inline token as literal Content: text as text, emphasis and links as spans."""
    parts: list[str] = []
    spans: list[Span] = []
    stack: list[tuple[str | Style, int]] = []
    position = 0

    def add(text: str) -> None:
        # each piece cleaned as it is added (the parser decodes entities such as &#8238;), so
        # that the spans keep pointing at the right characters
        nonlocal position
        text = safe.clean(text)
        parts.append(text)
        position += len(text)

    for child in token.children or []:
        kind = child.type
        if kind == "text":
            add(_SPACES.sub(" ", child.content))
        elif kind == "hardbreak":
            add("\n")
        elif kind == "softbreak":
            add(" ")
        elif kind == "code_inline":
            start = position
            add(child.content)
            spans.append(Span(start, position, "bold"))
        elif kind == "em_open":
            stack.append(("italic", position))
        elif kind == "strong_open":
            stack.append(("bold", position))
        elif kind == "s_open":
            stack.append(("strike", position))
        elif kind == "link_open":
            href = str(child.attrs.get("href", ""))
            stack.append((Style.from_meta({"@click": f"link({href!r})"}), position))
        elif kind == "image":  # md_text escapes images in tree text; the alt text, if any
            add(child.content or "")
        elif kind.endswith("_close") and stack:
            style, start = stack.pop()
            spans.append(Span(start, position, style))
            if kind == "link_close":
                spans.append(Span(start, position, "underline"))
        elif kind == "html_inline":
            add(child.content)
    return Content("".join(parts), spans)


def blocks(
    markdown: str,
    margins: dict[str, tuple[int, int]] = MARGINS,
    heading_styles: dict[str, str] = HEADING_STYLE,
) -> list[list[Block]]:
    """The plan's blocks, grouped per section: the part before the first ``##``, then one group
    per ``##`` heading."""
    tokens = _parser().parse(markdown)
    sections: list[list[Block]] = [[]]
    lists: list[list[int | str]] = []  # per open list: [kind, next number, width of numbers]
    item_prefix: str | None = None
    heading = ""
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            heading = token.tag
        elif kind in ("bullet_list_open", "ordered_list_open"):
            if kind == "ordered_list_open":
                start = int(token.attrs.get("start", 1) or 1)
                items = _count_items(tokens, tokens.index(token))
                lists.append(["ordered", start, len(f"{start + items - 1}. ") + 1])
            else:
                lists.append(["bullet", 0, len(BULLET)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            if not lists and sections[-1]:
                last = sections[-1][-1]
                last.bottom = max(last.bottom, margins["list"][1])
        elif kind == "list_item_open":
            current = lists[-1]
            if current[0] == "ordered":
                width = int(current[2])
                item_prefix = f"{current[1]}. ".rjust(width)
                current[1] = int(current[1]) + 1
            else:
                item_prefix = BULLET
        elif kind in ("fence", "code_block", "html_block"):  # not made by to_markdown
            literal = Content(safe.clean(token.content.rstrip("\n")))
            indent = sum(int(lst[2]) for lst in lists)
            top, bottom = (0, 0) if lists else margins["p"]
            prefix = " " * indent
            sections[-1].append(Block(literal, prefix, indent, top=top, bottom=bottom))
        elif kind == "hr":
            sections[-1].append(Block(Content("―" * 3), top=1, bottom=1))
        elif kind == "inline":
            content = _inline(token)
            depth = sum(int(lst[2]) for lst in lists[:-1])
            if heading:
                top, bottom = margins.get(heading, (1, 1))
                style = heading_styles.get(heading, "bold")
                block = Block(content.stylize(style), top=top, bottom=bottom, heading=heading)
                if heading == "h2":
                    sections.append([])
                heading = ""
            elif lists:
                width = int(lists[-1][2])
                if item_prefix is not None:
                    prefix = " " * depth + item_prefix
                    item_prefix = None
                else:  # a second paragraph in the same item
                    prefix = " " * (depth + width)
                block = Block(content, prefix=prefix, indent=depth + width)
            else:
                top, bottom = margins["p"]
                block = Block(content, top=top, bottom=bottom)
            sections[-1].append(block)
    if not sections[0]:
        sections.pop(0)
    return sections


_PARSER: list = []


def _parser():
    """The parser Textual's Markdown widget uses (``gfm-like``), built once."""
    if not _PARSER:
        from markdown_it import MarkdownIt

        _PARSER.append(MarkdownIt("gfm-like"))
    return _PARSER[0]


def _count_items(tokens, start: int) -> int:
    level = tokens[start].level
    count = 0
    for token in tokens[start + 1 :]:
        if token.level == level and token.type.endswith("_list_close"):
            break
        if token.type == "list_item_open" and token.level == level + 1:
            count += 1
    return max(count, 1)


def layout(section: list[Block], width: int, last: bool = False) -> list[Content]:
    """The section's lines at ``width`` columns. Margins between blocks collapse (the larger
    one counts), as they do between widgets; a section starts with its heading's top margin,
    so the blank line between two sections belongs to the lower one; the ``last`` section ends
    with its last block's bottom margin."""
    lines: list[Content] = []
    previous_bottom = 0
    for n, block in enumerate(section):
        gap = max(previous_bottom, block.top) if n else block.top
        lines.extend(Content("") for _ in range(gap))
        room = max(width - block.indent, 1)
        wrapped = block.content.wrap(room) if block.content.plain else [Content("")]
        for i, line in enumerate(wrapped):
            if i == 0 and block.prefix.strip():
                lines.append(Content.styled(block.prefix, BULLET_STYLE) + line)
            elif i == 0 and block.prefix or i and block.indent:
                lines.append(Content(block.prefix if i == 0 else " " * block.indent) + line)
            else:
                lines.append(line)
        previous_bottom = block.bottom
    if last:
        lines.extend(Content("") for _ in range(previous_bottom))
    return lines


class PlanSection(Widget):
    """One section of the plan, wrapped for its width (kept until the width changes)."""

    # its lines are wrapped here, to the width: Textual need not wrap them again
    DEFAULT_CSS = """
    PlanSection {
        height: auto;
        width: 1fr;
        text-wrap: nowrap;
    }
    """

    def __init__(self, section: list[Block], last: bool = False, **kwargs: Any) -> None:
        super().__init__(classes="plan-section", **kwargs)
        self.section = section
        self.last = last
        # lines per width: a scrollbar that comes and goes lays the section out at two widths
        self._cache: dict[int, tuple[Content, int]] = {}

    @property
    def heading(self) -> bool:
        return bool(self.section) and self.section[0].heading == "h2"

    def set_section(self, section: list[Block], last: bool) -> None:
        self.section, self.last, self._cache = section, last, {}
        self.refresh(layout=True)

    def _lines(self, width: int) -> tuple[Content, int]:
        if width not in self._cache:
            if len(self._cache) > 4:
                self._cache.clear()
            lines = layout(self.section, width, self.last)
            self._cache[width] = (Content("\n").join(lines), len(lines))
        return self._cache[width]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._lines(width)[1] if width > 0 else 0

    def render(self) -> Content:
        return self._lines(max(self.content_region.width, 1))[0]

    def action_link(self, href: str) -> None:
        """A cited source's address: opened in the browser only when it is https."""
        open_https(self.app, href)


def open_https(app: Any, href: str) -> None:
    """Open a link in the browser only when it is an https address; anything else (a local
    file, a command, an address with spaces) is refused with a notice."""
    href = href.strip()
    if href.lower().startswith("https://") and not any(c.isspace() for c in href):
        app.open_url(href)
    else:
        app.notify(app.strings("help.link_blocked"), markup=False, severity="warning")


class PlanView(Widget):
    """The whole plan: a vertical stack of :class:`PlanSection`, updated in place."""

    DEFAULT_CSS = """
    PlanView {
        layout: vertical;
        height: auto;
        width: 1fr;
    }
    """

    def __init__(self, markdown: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self.markdown = markdown

    def compose(self):
        parts = blocks(self.markdown)
        for n, section in enumerate(parts, 1):
            yield PlanSection(section, last=n == len(parts))

    def update(self, markdown: str) -> None:
        """Show another plan: the sections are replaced in place, added or removed."""
        if markdown == self.markdown:
            return
        self.markdown = markdown
        parts = blocks(markdown)
        shown = list(self.query_children(PlanSection))
        for n, (widget, section) in enumerate(zip(shown, parts, strict=False), 1):
            widget.set_section(section, last=n == len(parts))
        if len(shown) > len(parts):
            for widget in shown[len(parts) :]:
                widget.remove()
        elif len(parts) > len(shown):
            self.mount_all(
                [
                    PlanSection(section, last=n == len(parts))
                    for n, section in enumerate(parts[len(shown) :], len(shown) + 1)
                ]
            )

    def sections(self) -> list[PlanSection]:
        """The numbered sections (the ``##`` headings), in order."""
        return [w for w in self.query_children(PlanSection) if w.heading]


# The help panel's Markdown as Textual's widget showed it (app.tcss: headings 0 0 1 0; Textual:
# H1 bold, H2 underline, H3 bold, in the theme's heading colours)
HELP_MARGINS = {"h1": (0, 1), "h2": (0, 1), "h3": (0, 1), "p": (0, 1), "list": (0, 1)}
HELP_HEADING_STYLE = {
    "h1": "bold $markdown-h1-color",
    "h2": "underline $markdown-h2-color",
    "h3": "bold $markdown-h3-color",
}


class MarkdownText(PlanSection):
    """A short Markdown text (the help beside a question) as one widget, replaced in place.

    Textual's Markdown widget removed and mounted a widget per paragraph and list item for each
    question: ~55 ms of an answer on a terminal wide enough to show the help (issue 8 §3).
    """

    def __init__(self, markdown: str = "", **kwargs: Any) -> None:
        # last: ends with its last block's bottom margin, as the Markdown widget did
        super().__init__(self._blocks(markdown), last=True, **kwargs)
        self.markdown = markdown

    @staticmethod
    def _blocks(markdown: str) -> list[Block]:
        if not markdown:  # no parser needed (nor imported) for nothing
            return []
        parts = blocks(markdown, HELP_MARGINS, HELP_HEADING_STYLE)
        return [block for part in parts for block in part]

    def update(self, markdown: str) -> None:
        if markdown != self.markdown:
            self.markdown = markdown
            self.set_section(self._blocks(markdown), last=True)
