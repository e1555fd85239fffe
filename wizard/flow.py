"""A tree as it runs for one variant: nodes, rules and settings with the variant applied.

A variant (usually a municipality) never copies the tree: it may change settings, replace a node
or rule by declaring one with the same id, add new ones, and add advice that always applies.
Everything downstream (engine, lint, graph, advice) works on a :class:`Flow`, so one mechanism
serves every tree and every variant.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wizard.model import QUESTION_KINDS, Advice, Condition, Rule, Settings, Tree, Variant

Path_ = tuple[str | int, ...]
AnswerMap = Mapping[str, Any]


class UnknownVariant(ValueError):
    pass


@dataclass
class Flow:
    tree: Tree
    variant: Variant | None
    nodes: dict[str, Any]
    rules: list[Rule]
    settings: Settings
    node_paths: dict[str, Path_] = field(default_factory=dict)
    rule_paths: dict[str, Path_] = field(default_factory=dict)

    @property
    def variant_id(self) -> str | None:
        return self.variant.id if self.variant else None

    @property
    def variant_advice(self) -> Advice | None:
        return self.variant.advice if self.variant else None

    def node(self, node_id: str) -> Any:
        return self.nodes[node_id]

    def is_question(self, node_id: str) -> bool:
        return self.nodes[node_id].kind in QUESTION_KINDS


def resolve(tree: Tree, variant_id: str | None = None) -> Flow:
    """Apply a variant to a tree. ``None`` means the tree as written."""
    nodes: dict[str, Any] = {}
    node_paths: dict[str, Path_] = {}
    for i, node in enumerate(tree.nodes):
        nodes.setdefault(node.id, node)
        node_paths.setdefault(node.id, ("nodes", i))
    rules: dict[str, Rule] = {}
    rule_paths: dict[str, Path_] = {}
    for i, rule in enumerate(tree.rules):
        rules.setdefault(rule.id, rule)
        rule_paths.setdefault(rule.id, ("rules", i))
    base = Flow(
        tree=tree,
        variant=None,
        nodes=nodes,
        rules=list(rules.values()),
        settings=tree.settings,
        node_paths=node_paths,
        rule_paths=rule_paths,
    )
    if variant_id is None:
        return base
    variant = tree.variant(variant_id)
    if variant is None:
        known = ", ".join(v.id for v in tree.variants) or "geen"
        raise UnknownVariant(f"variant '{variant_id}' bestaat niet in deze boom (wel: {known})")
    index = next(i for i, v in enumerate(tree.variants) if v is variant)
    return apply_variant(base, index)


def apply_variant(base: Flow, index: int) -> Flow:
    """The flow of ``base.tree.variants[index]``, built on the tree's own flow ``base``
    (so checking every variant costs the size of the variants, not variants x tree)."""
    tree = base.tree
    variant = tree.variants[index]
    nodes = dict(base.nodes)
    node_paths = dict(base.node_paths)
    for i, node in enumerate(variant.nodes):
        nodes[node.id] = node
        node_paths[node.id] = ("variants", index, "nodes", i)
    rules = {r.id: r for r in base.rules}
    rule_paths = dict(base.rule_paths)
    for i, rule in enumerate(variant.rules):
        rules[rule.id] = rule
        rule_paths[rule.id] = ("variants", index, "rules", i)
    settings = base.settings
    patch = variant.settings.model_dump(exclude_none=True)
    if patch:
        settings = settings.model_copy(update=patch)
    return Flow(
        tree=tree,
        variant=variant,
        nodes=nodes,
        rules=list(rules.values()),
        settings=settings,
        node_paths=node_paths,
        rule_paths=rule_paths,
    )


def holds(cond: Condition, answers: AnswerMap, variant_id: str | None, advice: Any = None) -> bool:
    """Evaluate a condition over the answers on the route (parked answers do not count).

    ``advice`` is the advice composed from the answers, for the forms that read it (decision,
    level, stakeholder, ...). Without it, such forms are false: routes never read advice.
    """
    if cond.all is not None:
        return all(holds(c, answers, variant_id, advice) for c in cond.all)
    if cond.any is not None:
        return any(holds(c, answers, variant_id, advice) for c in cond.any)
    if cond.not_ is not None:
        return not holds(cond.not_, answers, variant_id, advice)
    if cond.answered is not None:
        value = answers.get(cond.answered)
        return value is not None and value != "" and value != []
    if cond.variant is not None:
        return cond.variant == variant_id
    if cond.reads_advice():
        return advice is not None and _advice_holds(cond, advice)
    value = answers.get(cond.question or "")
    if value is None:
        return False
    chosen = set(value) if isinstance(value, list) else {value}
    if cond.is_ is not None:
        return value == cond.is_
    if cond.in_ is not None:
        return value in cond.in_
    if cond.has is not None:
        return cond.has in chosen
    if cond.has_any is not None:
        return bool(chosen & set(cond.has_any))
    if cond.has_all is not None:
        return set(cond.has_all) <= chosen
    if cond.count_at_least is not None:
        return len(chosen) >= cond.count_at_least
    if cond.count_at_most is not None:
        return len(chosen) <= cond.count_at_most
    return False  # pragma: no cover - the model allows no other form


def _advice_holds(cond: Condition, advice: Any) -> bool:
    if cond.decision is not None:
        return advice.decision == cond.decision
    project = advice.project_level.level if advice.project_level is not None else None
    if cond.level is not None:
        return project == cond.level
    if cond.level_at_least is not None:
        return project is not None and project.rank >= cond.level_at_least.rank
    if cond.level_at_most is not None:
        return project is not None and project.rank <= cond.level_at_most.rank
    if cond.stakeholder is not None:
        return any(s.key == cond.stakeholder for s in advice.stakeholders)
    if cond.werkvorm is not None:
        return any(w.key == cond.werkvorm for w in advice.werkvormen)
    if cond.stakeholder_category is not None:
        return cond.stakeholder_category in advice.stakeholder_categories
    return False  # pragma: no cover


def next_node(flow: Flow, node: Any, answers: AnswerMap) -> str | None:
    """Where a node leads, given the answers so far (including its own)."""
    if node.kind == "choice":
        chosen = answers.get(node.id)
        option = next((o for o in node.options if o.id == chosen), None)
        if option is not None and option.next:
            return option.next
    for route in node.routes:
        if holds(route.when, answers, flow.variant_id):
            return route.next
    return node.next


def possible_next(node: Any) -> list[str]:
    """Every node this one may lead to, whatever the answers (for graph checks).

    A choice option with its own ``next`` wins over routes, so when every option has one, the
    node's routes and default are never used.
    """
    targets: list[str] = []
    falls_through = True
    if node.kind == "choice":
        targets += [o.next for o in node.options if o.next]
        falls_through = any(not o.next for o in node.options)
    if falls_through:
        targets += [r.next for r in node.routes]
        if node.next:
            targets.append(node.next)
    return list(dict.fromkeys(targets))
