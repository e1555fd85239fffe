"""Draw a flow as Mermaid or Graphviz DOT, with readable labels on every edge."""

from __future__ import annotations

from typing import Any, Literal, NamedTuple

from wizard.flow import Flow
from wizard.model import Condition
from wizard.text import one_line


def describe(cond: Condition) -> str:
    """A short human reading of a condition, for edge labels and the tree screen."""
    if cond.all is not None:
        return " en ".join(f"({describe(c)})" for c in cond.all)
    if cond.any is not None:
        return " of ".join(f"({describe(c)})" for c in cond.any)
    if cond.not_ is not None:
        return f"niet ({describe(cond.not_)})"
    if cond.answered is not None:
        return f"{cond.answered} beantwoord"
    if cond.variant is not None:
        return f"variant {cond.variant}"
    q = cond.question
    if cond.is_ is not None:
        return f"{q} = {cond.is_}"
    if cond.in_ is not None:
        return f"{q} in {', '.join(cond.in_)}"
    if cond.has is not None:
        return f"{q} bevat {cond.has}"
    if cond.has_any is not None:
        return f"{q} bevat een van {', '.join(cond.has_any)}"
    if cond.has_all is not None:
        return f"{q} bevat {', '.join(cond.has_all)}"
    if cond.count_at_least is not None:
        return f"{q}: minstens {cond.count_at_least}"
    return f"{q}: hoogstens {cond.count_at_most}"


class Edge(NamedTuple):
    """A way out of a node: an option's own ``next``, a conditional route, or the default."""

    target: str
    label: str
    kind: Literal["option", "route", "default"]


def edges(flow: Flow, node: Any) -> list[Edge]:
    """Every way out of a node, in the order they are tried."""
    out: list[Edge] = []
    falls_through = True
    if node.kind == "choice":
        out += [Edge(o.next, o.label, "option") for o in node.options if o.next]
        falls_through = any(not o.next for o in node.options)
    if node.kind != "outcome" and falls_through:
        out += [Edge(r.next, "als " + describe(r.when), "route") for r in node.routes]
        if node.next:
            out.append(Edge(node.next, "anders" if node.routes else "", "default"))
    return out


# A question or an answer is shown whole up to this length (most are; 60 cut many questions).
LABEL_LIMIT, EDGE_LIMIT = 160, 100


def node_title(node: Any) -> str:
    return node.question if hasattr(node, "question") else node.title


def _mermaid_text(text: str, limit: int = 60) -> str:
    """A Mermaid label: one clean line (no control codes, bidi overrides or zero-width
    characters), short, with quotes, brackets and HTML written as entities."""
    text = one_line(text)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    for char, entity in _MERMAID_ENTITIES:
        text = text.replace(char, entity)
    return text


_MERMAID_ENTITIES = (
    ("#", "#35;"),  # first: the entities below start with '#'
    ('"', "#quot;"),
    ("[", "#91;"),
    ("]", "#93;"),
    ("<", "#lt;"),
    (">", "#gt;"),
    ("&", "#amp;"),
    ("`", "#96;"),
)


def to_mermaid(flow: Flow) -> str:
    lines = ["flowchart TD"]
    for node_id, node in flow.nodes.items():
        label = _mermaid_text(node_title(node), LABEL_LIMIT)
        safe = node_id.replace("-", "_")
        if node.kind == "outcome":
            lines.append(f'    {safe}(["{label}"])')
        elif node.kind == "info":
            lines.append(f'    {safe}["{label}"]')
        elif node.kind == "text":  # the same shape as in DOT: a parallelogram
            lines.append(f'    {safe}[/"{label}"/]')
        else:
            lines.append(f'    {safe}{{"{label}"}}')
    for node_id, node in flow.nodes.items():
        for target, label, _kind in edges(flow, node):
            a, b = node_id.replace("-", "_"), target.replace("-", "_")
            if label:
                lines.append(f'    {a} -->|"{_mermaid_text(label, EDGE_LIMIT)}"| {b}')
            else:
                lines.append(f"    {a} --> {b}")
    return "\n".join(lines) + "\n"


def _dot_text(text: str, limit: int = 60) -> str:
    """A DOT label: one clean line (no control codes, bidi overrides or zero-width
    characters), short, with backslashes and quotes escaped."""
    text = one_line(text)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.replace("\\", "\\\\").replace('"', '\\"')


def to_dot(flow: Flow) -> str:
    lines = [
        f'digraph "{_dot_text(flow.tree.id)}" {{',
        "    rankdir=TB;",
        "    node [fontname=Helvetica];",
    ]
    shapes = {"outcome": "box, style=rounded", "info": "note", "text": "parallelogram"}
    for node_id, node in flow.nodes.items():
        shape = shapes.get(node.kind, "diamond")
        title = _dot_text(node_title(node), LABEL_LIMIT)
        lines.append(f'    "{node_id}" [label="{title}", shape={shape}];')
    for node_id, node in flow.nodes.items():
        for target, label, _kind in edges(flow, node):
            lines.append(f'    "{node_id}" -> "{target}" [label="{_dot_text(label, EDGE_LIMIT)}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"
