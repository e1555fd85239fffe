"""Word (.docx) from the Markdown the project writes: plan, handout, rapportage, letter, form.

Every document is written as Markdown first (one text to test and to read), and this module
turns the small subset we write into Word with real styles, so Word's navigation pane shows
the headings and lists stay lists:

- ``#`` to ``####`` become *Heading 1* to *Heading 4* (the navigation pane lists them);
- ``- item`` becomes *List Bullet*, an indented ``- item`` *List Bullet 2*; ``1. item``
  becomes *List Number*; indented lines under an item continue that item;
- a line ``---`` is a page break (between the parts of a handout);
- ``> text`` becomes *Quote*; a line that is wholly ``_text_`` is set in italics;
- inline ``**bold**``, ``*italic*`` and ``_italic_`` are kept; ``[id]`` citations stay as text.

Every document is A4 with Dutch (nl-NL) as its language, so Word neither prints on Letter
nor marks every word as misspelt.

python-docx (a well-kept library, MIT) does the Word part; the only XML we touch is the
language of the default style (python-docx has no call for it).
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET = re.compile(r"^(\s*)[-*]\s+(.*)$")
_NUMBER = re.compile(r"^(\s*)\d+\.\s+(.*)$")
_INLINE = re.compile(r"(\*\*.+?\*\*|\*[^*\s][^*]*?\*|(?<![\w])_[^_\s][^_]*?_(?![\w]))")


def _runs(paragraph: Any, text: str, *, italic: bool = False) -> None:
    for part in _INLINE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            run = paragraph.add_run(part[2:-2])
            run.bold = True
        elif len(part) > 2 and part[0] == part[-1] and part[0] in "*_":
            run = paragraph.add_run(part[1:-1])
            run.italic = True
        else:
            run = paragraph.add_run(part)
        if italic:
            run.italic = True


def _new_list(doc: Any, style_name: str) -> int | None:
    """A numbering instance for one new list that starts at 1 (its items share it).

    Word's *List Number* style is one list for the whole document: a second numbered list
    would go on at 7 where the first stopped at 6. A fresh numbering instance with a start
    override (python-docx's own numbering elements) begins it again at 1.
    """
    try:
        style = doc.styles[style_name]
        num_id = style.element.pPr.numPr.numId.val
        numbering = doc.part.numbering_part.element
        abstract_id = numbering.num_having_numId(num_id).abstractNumId.val
    except (AttributeError, KeyError, NotImplementedError):
        return None  # a template without list numbering: Word numbers it as it likes
    num = numbering.add_num(abstract_id)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return num.numId


def _number(paragraph: Any, num_id: int | None) -> None:
    if num_id is None:
        return
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


LANGUAGE = "nl-NL"


def _dutch_a4(doc: Any) -> None:
    """A4 with margins of 2.5 cm, and Dutch as the language of the text (spelling check)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(25))
    doc.core_properties.language = LANGUAGE
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr is None:
        return
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)


def markdown_to_document(markdown: str, title: str | None = None) -> Any:
    """A python-docx Document for our Markdown subset."""
    from docx import Document

    doc = Document()
    _dutch_a4(doc)
    if title:
        doc.core_properties.title = title
    doc.core_properties.author = "stappenplan"
    current = None  # the paragraph that indented continuation lines belong to
    in_numbered = False  # inside a numbered list (blank lines between items do not end it)
    list_id: int | None = None
    for raw in markdown.splitlines():
        line = raw.rstrip()
        if not line.strip():
            current = None
            continue
        if not raw.startswith(" ") and not _NUMBER.match(line):
            in_numbered = False  # a heading, paragraph or bullet ends a numbered list
        if line == "---":
            doc.add_page_break()
            current = None
            continue
        heading = _HEADING.match(line)
        if heading:
            level = min(len(heading.group(1)), 4)
            p = doc.add_paragraph(style=f"Heading {level}")
            _runs(p, heading.group(2))
            if level == 1 and title is None:
                doc.core_properties.title = heading.group(2)
            current = None
            continue
        bullet = _BULLET.match(line)
        number = _NUMBER.match(line)
        if bullet:
            indent = len(bullet.group(1))
            style = "List Bullet" if indent < 2 else "List Bullet 2"
            p = doc.add_paragraph(style=style)
            _runs(p, bullet.group(2))
            current = p
            continue
        if number:
            indent = len(number.group(1))
            p = doc.add_paragraph(style="List Number" if indent < 2 else "List Number 2")
            _runs(p, number.group(2))
            if indent < 2:
                if not in_numbered:
                    list_id = _new_list(doc, "List Number")
                _number(p, list_id)
            in_numbered = True
            current = p
            continue
        if line.startswith(">"):
            p = doc.add_paragraph(style="Quote")
            _runs(p, line.lstrip("> ").strip())
            current = None
            continue
        if raw.startswith(" ") and current is not None:
            current.add_run().add_break()
            _runs(current, line.strip())
            continue
        stripped = line.strip()
        whole_italic = (
            len(stripped) > 2
            and stripped[0] == stripped[-1] == "_"
            and "_" not in stripped[1:-1].replace("\\_", "")
        )
        p = doc.add_paragraph()
        if whole_italic:
            _runs(p, stripped[1:-1], italic=True)
        else:
            _runs(p, stripped)
        current = p if line.endswith("  ") else None
    return doc


def markdown_to_docx_bytes(markdown: str, title: str | None = None) -> bytes:
    buffer = io.BytesIO()
    markdown_to_document(markdown, title).save(buffer)
    return buffer.getvalue()


def write_docx(path: Path, markdown: str, title: str | None = None) -> None:
    """Write a Word file atomically (aside, then rename), like every other export."""
    from wizard.session import write_atomic

    write_atomic(path, markdown_to_docx_bytes(markdown, title))
