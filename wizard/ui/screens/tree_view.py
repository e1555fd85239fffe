"""The whole tree at a glance: sections, questions, their options and where they lead, outcomes.

A read-only map for trainers. The current position (when a session runs on this tree) is marked
in text (``◀ u bent hier``; answered steps on the route with ``✓``), an Input searches every
label and jumps to the matches, and Enter on a question opens it in :class:`NodeScreen`, a
read-only view: nothing here touches the user's answer store.

Tree labels are Rich markup when given a ``str``, so every label is built from
:func:`safe.rich_text` pieces (research/textual.md §1.5, §1.9).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static, Tree
from textual.widgets.tree import TreeNode

from wizard.advice import answer_label
from wizard.compare import reference_walk
from wizard.conditions import readable
from wizard.flow import Flow, UnknownVariant, resolve
from wizard.graph import Edge, edges, node_title
from wizard.loader import LoadedTree
from wizard.ui import safe
from wizard.ui.base import localize_bindings
from wizard.ui.widgets.help_panel import help_markdown
from wizard.ui.widgets.safe_markdown import SafeMarkdown

MAX_CASE_NAMES = 5
KIND_MARKS = {"choice": "? ", "multi": "? ", "text": "✎ ", "info": "i ", "outcome": "■ "}


@dataclass(frozen=True)
class Spot:
    """What a line of the tree stands for: a section, a step, or a way out of a step."""

    kind: str  # "section", "node" or "edge"
    node: str | None = None  # the step (for an edge: the step it leaves)
    target: str | None = None  # for an edge: where it leads


def _step_title(flow: Flow, node_id: str) -> str:
    node = flow.nodes.get(node_id)
    return safe.one_line(node_title(node)) if node is not None else node_id


def _way(s: Any, edge: Edge, target_title: str) -> Text:
    """'als <condition> → target', 'anders → target' or 'dan → target', in the UI's language."""
    word = {"default": s("tree.else") if edge.label else s("tree.then")}.get(edge.kind, edge.label)
    line = safe.rich_text(safe.one_line(word))
    line.append_text(safe.rich_text(s("tree.to", target=target_title)))
    return line


class FitTree(Tree[Spot]):
    """A Tree whose lines end in "…" when they do not fit, instead of being cut off silently
    (and without a horizontal scroll bar: the whole label is shown when the line opens)."""

    def render_label(self, node, base_style, style) -> Text:
        text = super().render_label(node, base_style, style)
        width = self.scrollable_content_region.width
        depth, parent = 0, node.parent
        while parent is not None:
            depth, parent = depth + 1, parent.parent
        if not self.show_root:
            depth -= 1
        room = width - max(depth, 0) * self.guide_depth
        if width > 0 and room > 4 and text.cell_len > room:
            text.truncate(room, overflow="ellipsis")
        return text

    def on_resize(self) -> None:
        self._invalidate()


class TreeScreen(Screen):
    BINDINGS = [
        Binding("escape", "close", "b.back", key_display="Esc"),
        Binding("slash,ctrl+f", "search", "b.search", key_display="/"),
        Binding("n", "next_match", "b.next", show=False),
        Binding("down", "to_tree", show=False),
    ]

    def __init__(self, loaded: LoadedTree) -> None:
        super().__init__()  # no fixed id: the same screen may be pushed twice
        localize_bindings(self, self.app.strings)  # type: ignore[attr-defined]
        self.loaded = loaded
        session = self.app.session  # type: ignore[attr-defined]
        self.engine = session.engine if session and session.loaded is loaded else None
        self.flow: Flow = self.engine.flow if self.engine else resolve(loaded.tree)
        self.by_node: dict[str, TreeNode[Spot]] = {}
        self.matches: list[TreeNode[Spot]] = []
        self.match_index = 0

    def compose(self) -> ComposeResult:
        s = self.app.strings  # type: ignore[attr-defined]
        yield Header()
        title = s("tree.title", tree=safe.one_line(self.flow.tree.title))
        if self.flow.variant:
            title += f" · {safe.one_line(self.flow.variant.name)}"
        yield Static(safe.text(title, "bold"), id="tree-title")
        with Horizontal(id="tree-search-row"):
            yield Static(safe.text(s("tree.search") + ":"), id="tree-search-label")
            yield Input(placeholder=s("tree.placeholder"), id="tree-search")
            yield Static(id="tree-matches")
        tree: Tree[Spot] = FitTree(safe.rich_text(self.flow.tree.title), id="tree-view")
        tree.auto_expand = False
        tree.show_root = False
        tree.center_scroll = True
        yield tree
        yield Static(safe.text(s("tree.keys"), "dim"), id="tree-keys")
        yield Footer()

    def on_mount(self) -> None:
        self.build()
        tree = self.query_one("#tree-view", Tree)
        here = self.engine.cursor if self.engine else None
        if here and here in self.by_node:
            self.jump(self.by_node[here])
            self.call_after_refresh(self.jump, self.by_node[here])  # again, once laid out
        tree.focus()

    # --- building ---------------------------------------------------------------------------

    def build(self) -> None:
        s = self.app.strings  # type: ignore[attr-defined]
        flow = self.flow
        tree = self.query_one("#tree-view", Tree)
        tree.clear()
        self.by_node.clear()
        sections = {sec.id: sec for sec in flow.tree.sections}
        groups: dict[str, list[str]] = {sid: [] for sid in sections}
        others: list[str] = []
        outcomes: list[str] = []
        for node_id, node in flow.nodes.items():
            section = getattr(node, "section", None)
            if section in groups:
                groups[section].append(node_id)
            elif node.kind == "outcome":
                outcomes.append(node_id)
            else:
                others.append(node_id)
        titled = [(safe.one_line(sections[sid].title), ids) for sid, ids in groups.items()]
        titled += [(s("tree.nosection"), others), (s("tree.outcomes"), outcomes)]
        for title, ids in titled:
            if not ids:
                continue
            label = Text("§ ", style="bold")
            label.append_text(safe.rich_text(title))
            label.stylize("bold")
            branch = tree.root.add(label, data=Spot("section"), expand=True)
            for node_id in ids:
                self._add_node(branch, node_id)
        tree.root.expand()

    def _add_node(self, parent: TreeNode[Spot], node_id: str) -> None:
        s = self.app.strings  # type: ignore[attr-defined]
        flow = self.flow
        node = flow.node(node_id)
        engine = self.engine
        on_route = engine is not None and node_id in engine.path
        answered = on_route and node_id in engine.answers  # type: ignore[union-attr]
        label = Text("✓ " if answered else "  ")
        label.append(KIND_MARKS.get(node.kind, "  "), style="bold")
        if node.kind == "outcome":
            title = s("tree.outcome", title=safe.one_line(node.title))
        elif node.kind == "info":
            title = s("tree.info", title=safe.one_line(node.title))
        else:
            title = safe.one_line(node.question)
        label.append_text(safe.rich_text(title))
        label.append(f"  [{node_id}]", style="dim")
        if engine is not None and engine.cursor == node_id:
            label.append(s("tree.here"), style="bold reverse")
        if on_route:
            label.stylize("bold")
        branch = parent.add(label, data=Spot("node", node_id), expand=True)
        self.by_node[node_id] = branch

        value = engine.answers.get(node_id) if on_route and engine is not None else None
        chosen = value if isinstance(value, list) else [value]
        if node.kind in ("choice", "multi"):
            for option in node.options:
                picked = option.id in chosen
                if node.kind == "multi":
                    mark = "[x] " if picked else "[ ] "
                else:
                    mark = "(•) " if picked else "( ) "
                line = Text(mark)
                line.append_text(safe.rich_text(safe.one_line(option.label)))
                target = option.next if node.kind == "choice" else None
                if target:
                    line.append_text(safe.rich_text(s("tree.to", target=self._title(target))))
                if picked:
                    line.stylize("bold")
                branch.add_leaf(line, data=Spot("edge", node_id, target))
        elif node.kind == "text":
            branch.add_leaf(Text(s("tree.text"), style="italic"), data=Spot("edge", node_id))
        routes = iter(getattr(node, "routes", None) or [])
        for edge in edges(flow, node):
            if edge.kind == "option":
                continue
            line = Text("↳ ", style="bold")
            if edge.kind == "route":  # the condition in words, not ids
                route = next(routes, None)
                if route is not None:
                    edge = edge._replace(label=s("tree.if", condition=readable(route.when, flow)))
            line.append_text(_way(s, edge, self._title(edge.target)))
            branch.add_leaf(line, data=Spot("edge", node_id, edge.target))

    def _title(self, node_id: str) -> str:
        return _step_title(self.flow, node_id)

    # --- moving around ----------------------------------------------------------------------

    def jump(self, node: TreeNode[Spot]) -> None:
        """Put the cursor on a line, opening its parents first."""
        tree = self.query_one("#tree-view", Tree)
        parent = node.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        tree._tree_lines  # noqa: B018 - rebuild the line index now, so node._line is current
        tree.move_cursor(node)
        tree.scroll_to_node(node, animate=False)

    def _all_nodes(self) -> list[TreeNode[Spot]]:
        out: list[TreeNode[Spot]] = []
        stack = list(reversed(self.query_one("#tree-view", Tree).root.children))
        while stack:
            item = stack.pop()
            out.append(item)
            stack.extend(reversed(item.children))
        return out

    def search(self, query: str) -> list[TreeNode[Spot]]:
        """Every line whose text (or step id) holds ``query``, steps before their options."""
        needle = query.casefold().strip()
        if not needle:
            return []
        found = [n for n in self._all_nodes() if needle in n.label.plain.casefold()]
        steps = [n for n in found if n.data is not None and n.data.kind == "node"]
        return steps + [n for n in found if n not in steps]

    @on(Input.Changed, "#tree-search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.matches = self.search(event.value)
        self.match_index = 0
        self._show_match()

    @on(Input.Submitted, "#tree-search")
    def _search_submitted(self) -> None:
        self.action_next_match()

    def _show_match(self) -> None:
        s = self.app.strings  # type: ignore[attr-defined]
        info = self.query_one("#tree-matches", Static)
        query = self.query_one("#tree-search", Input).value.strip()
        if not query:
            info.update("")
            return
        if not self.matches:
            info.update(safe.text(s("tree.nomatch"), "italic"))
            return
        n = len(self.matches)
        if n == 1:
            info.update(safe.text(s("tree.match.one")))
        else:
            info.update(safe.text(s("tree.matches", i=self.match_index + 1, n=n)))
        self.jump(self.matches[self.match_index])

    def action_next_match(self) -> None:
        if self.matches:
            self.match_index = (self.match_index + 1) % len(self.matches)
            self._show_match()

    def action_search(self) -> None:
        self.query_one("#tree-search", Input).focus()

    def action_to_tree(self) -> None:
        self.query_one("#tree-view", Tree).focus()

    @on(Tree.NodeSelected, "#tree-view")
    def _selected(self, event: Tree.NodeSelected[Spot]) -> None:
        event.stop()
        self.open(event.node)

    def open(self, line: TreeNode[Spot]) -> None:
        """Enter: a section folds, a step opens read-only, an option follows its arrow."""
        spot = line.data
        if spot is None or spot.kind == "section":
            line.toggle()
            return
        if spot.kind == "edge" and spot.target and spot.target in self.by_node:
            self.jump(self.by_node[spot.target])
            return
        if spot.node:
            self.app.push_screen(NodeScreen(self.loaded, self.flow, spot.node, self.engine))

    def action_close(self) -> None:
        self.app.pop_screen()


class NodeScreen(Screen):
    """One step of the tree, read only: to discuss a question without touching any answers."""

    BINDINGS = [Binding("escape,enter", "close", "b.back", key_display="Esc")]

    def __init__(self, loaded: LoadedTree, flow: Flow, node_id: str, engine: Any = None) -> None:
        super().__init__()  # no fixed id: the same screen may be pushed twice
        localize_bindings(self, self.app.strings)  # type: ignore[attr-defined]
        self.loaded = loaded
        self.flow = flow
        self.node_id = node_id
        self.engine = engine

    def compose(self) -> ComposeResult:
        s = self.app.strings  # type: ignore[attr-defined]
        flow = self.flow
        node = flow.node(self.node_id)
        yield Header()
        sections = {sec.id: sec.title for sec in flow.tree.sections}
        bits = [s(f"node.kind.{node.kind}")]
        if getattr(node, "section", None) in sections:
            bits.insert(0, safe.one_line(sections[node.section]))
        yield Static(safe.text(" · ".join(bits) + f" · [{node.id}]", "dim"), id="node-kind")
        yield Static(safe.text(node_title(node), "bold"), id="node-question")
        with VerticalScroll(id="node-scroll"):
            if node.kind in ("info", "outcome") and node.text:
                yield Static(safe.text(node.text.strip()), id="node-text")
            yield Static(self._ways_out(node), id="node-options")
            context = self._where(node)
            if context:
                yield Static(safe.text(context, "italic"), id="node-context")
            yield SafeMarkdown(
                help_markdown(node, flow.tree, self.app.strings),  # type: ignore[attr-defined]
                id="node-help",
            )
        yield Static(safe.text(s("node.readonly"), "dim"), id="node-readonly")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#node-scroll").focus()

    def _ways_out(self, node: Any) -> Text:
        s = self.app.strings  # type: ignore[attr-defined]
        out = Text()
        if node.kind in ("choice", "multi"):
            out.append(s("node.options") + "\n", style="bold underline")
            for i, option in enumerate(node.options, 1):
                out.append(f"{i}. ")
                out.append_text(safe.rich_text(safe.one_line(option.label)))
                if node.kind == "choice" and option.next:
                    out.append_text(safe.rich_text(s("tree.to", target=self._title(option.next))))
                out.append("\n")
        ways = [edge for edge in edges(self.flow, node) if edge.kind != "option"]
        if ways:
            out.append(("\n" if out.plain else "") + s("node.routes"), style="bold underline")
        for edge in ways:
            out.append("\n↳ ")
            out.append_text(_way(s, edge, self._title(edge.target)))
        return out

    def _title(self, node_id: str) -> str:
        return _step_title(self.flow, node_id)

    def _where(self, node: Any) -> str:
        """Where this step stands for the running session, and which cases pass it."""
        s = self.app.strings  # type: ignore[attr-defined]
        lines: list[str] = []
        engine = self.engine
        if engine is not None and node.id in engine.path and node.id in engine.answers:
            n = engine.path.index(node.id) + 1
            answer = safe.one_line(answer_label(node, engine.answers[node.id]))
            lines.append(s("node.onroute", n=n, answer=answer))
        names = []
        for entry in self.app.library(self.loaded).cases:  # type: ignore[attr-defined]
            try:
                route = reference_walk(self.flow.tree, entry.case).engine.path
            except UnknownVariant:  # a case for a variant the tree no longer has
                continue
            if node.id in route:
                names.append(safe.one_line(entry.name))
        if names:
            shown = ", ".join(names[:MAX_CASE_NAMES])
            if len(names) > MAX_CASE_NAMES:
                shown += s("node.cases.more", n=len(names) - MAX_CASE_NAMES)
            lines.append(s("node.cases", names=shown))
        return "\n".join(lines)

    def action_close(self) -> None:
        self.app.pop_screen()
