"""Conditions read aloud for people: question texts and option labels instead of ids.

``graph.describe`` keeps ids (short, for diagrams and authors); the whole-tree view in the UI
uses :func:`readable`, so a trainer reads "als bij 'Waar komt het project vandaan?' gekozen is:
Wettelijke plicht of Handhaving" rather than "als herkomst in wettelijk, handhaving".
Plain Python: no Textual.
"""

from __future__ import annotations

from typing import Any

from wizard.flow import Flow
from wizard.model import Condition
from wizard.text import one_line


def _question(flow: Flow, node_id: str) -> tuple[str, dict[str, str]]:
    node = flow.nodes.get(node_id)
    if node is None:
        return node_id, {}
    title = getattr(node, "question", None) or getattr(node, "title", None) or node_id
    labels = {o.id: one_line(o.label) for o in getattr(node, "options", None) or []}
    return one_line(title), labels


def _listed(items: list[str], last: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def readable(cond: Condition, flow: Flow) -> str:
    """The condition in plain Dutch, naming questions and options by their text."""
    if cond.all is not None:
        return " en ".join(_part(c, flow) for c in cond.all)
    if cond.any is not None:
        return " of ".join(_part(c, flow) for c in cond.any)
    if cond.not_ is not None:
        return f"niet: {_part(cond.not_, flow)}"
    if cond.answered is not None:
        title, _ = _question(flow, cond.answered)
        return f"'{title}' is beantwoord"
    if cond.variant is not None:
        variant = flow.tree.variant(cond.variant)
        return f"de gemeente is {one_line(variant.name) if variant else cond.variant}"
    for field, words in (
        ("decision", "het besluit is"),
        ("level", "het niveau is"),
        ("stakeholder", "het advies noemt belanghebbende"),
        ("stakeholder_category", "het advies noemt een belanghebbende van de soort"),
        ("werkvorm", "het advies noemt werkvorm"),
    ):
        value: Any = getattr(cond, field, None)
        if value is not None:
            return f"{words} {value}"
    if cond.question is None:
        return "?"
    title, labels = _question(flow, cond.question)

    def names(ids: list[str]) -> list[str]:
        return [labels.get(i, i) for i in ids]

    if cond.is_ is not None:
        what = f"gekozen is: {labels.get(cond.is_, cond.is_)}"
    elif cond.in_ is not None:
        what = f"gekozen is: {_listed(names(cond.in_), 'of')}"
    elif cond.has is not None:
        what = f"aangevinkt is: {labels.get(cond.has, cond.has)}"
    elif cond.has_any is not None:
        what = f"aangevinkt is: {_listed(names(cond.has_any), 'of')}"
    elif cond.has_all is not None:
        what = f"aangevinkt zijn: {_listed(names(cond.has_all), 'en')}"
    elif cond.count_at_least is not None:
        what = f"minstens {cond.count_at_least} aangevinkt"
    else:
        what = f"hoogstens {cond.count_at_most} aangevinkt"
    return f"bij '{title}' {what}"


def _part(cond: Condition, flow: Flow) -> str:
    text = readable(cond, flow)
    combined = cond.all is not None or cond.any is not None
    return f"({text})" if combined else text
