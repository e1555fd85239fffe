"""Check a whole tree: ids, graph, conditions, catalogues, sources and example cases.

The loader has already checked the shape of every field. Here we check what needs the whole
tree, for the tree as written and for every variant, and report each problem at the line where
the author has to change something. Errors make a tree unusable; warnings are weaknesses an
author should fix (``--strict`` makes them errors).

The graph proof: when there are no errors, every node is reachable or warned about, there is no
cycle, and every answer to every question leads to an existing node. On a finite acyclic graph
that means every walk ends in an outcome. A route list without a default is the one gap, so it
is reported, and the summary says whether the proof holds.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from wizard.cases import check_case
from wizard.flow import Flow, apply_variant, possible_next, resolve
from wizard.loader import LoadedTree, problem_at, value_at
from wizard.model import DETAIL_PLACEHOLDER, QUESTION_KINDS, Advice, Condition, Tree
from wizard.problems import Problem, Severity, did_you_mean, sort_problems

Path_ = tuple[str | int, ...]

# unknown references that get a "did you mean" (each compares against every known id)
MAX_SUGGESTIONS = 100

# keys whose items are sentences, where an inline list silently splits a sentence at its commas
TEXT_LISTS = {"fixed", "open", "decides", "duties", "warnings", "notes", "dos", "donts"}

# the texts of an advice block in which '{detail}' is replaced by the user's own words
DETAIL_TEXTS = {"fixed", "open", "decides", "duties", "warnings", "notes", "why", "text"}
_PLACEHOLDER = re.compile(r"\{[^{}\n]{0,40}\}")


@dataclass
class Summary:
    nodes: int = 0
    questions: int = 0
    outcomes: int = 0
    routes: int = 0
    longest: int = 0
    shortest: int = 0
    variants: int = 0
    cases: int = 0
    cases_passed: int = 0
    proof: bool = False

    def format(self) -> str:
        proof = (
            "elke route eindigt in een uitkomst"
            if self.proof
            else "niet bewezen dat elke route in een uitkomst eindigt"
        )
        return (
            f"{self.nodes} stappen ({self.questions} vragen, {self.outcomes} uitkomsten), "
            f"hoogstens {self.routes} routes van {self.shortest} tot {self.longest} vragen, "
            f"{self.variants} varianten; {proof}; "
            f"voorbeeldcasussen: {self.cases_passed} van {self.cases} geslaagd"
        )


@dataclass
class Report:
    file: str
    problems: list[Problem] = field(default_factory=list)
    summary: Summary = field(default_factory=Summary)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


class _Linter:
    def __init__(self, loaded: LoadedTree):
        self.loaded = loaded
        self.tree: Tree = loaded.tree
        self.doc = loaded.doc
        self.problems: dict[tuple[Any, ...], Problem] = {}
        self.suggestions = MAX_SUGGESTIONS

    # --- reporting ----------------------------------------------------------------------------

    def report(
        self, path: Path_, message: str, severity: Severity = "error", *, key: bool = False
    ) -> None:
        problem = problem_at(self.doc, path, message, severity, key=key)
        self.problems.setdefault((problem.line, problem.col, message), problem)

    # --- ids -----------------------------------------------------------------------------------

    def check_duplicates(self, items: list[Any], path: Path_, what: str) -> None:
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            if item.id in seen:
                line = (self.doc.marks.at((*path, seen[item.id], "id")) or (None,))[0]
                self.report(
                    (*path, i, "id"),
                    f"{what} '{item.id}' bestaat al (regel {line}); geef elk een eigen id",
                )
            else:
                seen[item.id] = i

    def check_ref(self, path: Path_, value: str, known: Iterable[str], what: str) -> bool:
        if not isinstance(known, (set, frozenset, dict)):
            known = list(known)
        if value in known:
            return True
        # a suggestion compares against every known id: only the first few unknown refs get one,
        # so a tree full of typos stays linear
        self.suggestions -= 1
        hint = did_you_mean(value, known) if self.suggestions >= 0 else ""
        self.report(path, f"onbekende {what} '{value}'{hint}")
        return False

    def check_sources(self, path: Path_, ids: list[str], variant: str | None = None) -> None:
        """Known ids; a document file (a seed) cited with a locator; a municipality's own
        source only inside its variant (``variant`` is where this citation applies)."""
        if path and path[0] == "variants":
            variant = self.tree.variants[path[1]].id  # type: ignore[index]
        for i, sid in enumerate(ids):
            self.used_sources.add(sid)
            if not self.check_ref((*path, i), sid, self.source_ids, "bron"):
                continue
            source = self.source_by_id[sid]
            if source.file and not getattr(sid, "at", None):
                self.report(
                    (*path, i),
                    f"bron '{sid}' zonder vindplaats: schrijf {{id: {sid}, at: ...}} met de kop "
                    "of een letterlijke zin uit het document, zodat een lezer de passage vindt",
                    "warning",
                )
            if source.variant and variant != source.variant:
                self.report(
                    (*path, i),
                    f"bron '{sid}' geldt alleen voor variant '{source.variant}', maar staat hier "
                    "ook voor andere gemeenten: zet dit advies in die variant, of noem een bron "
                    "die voor elke gemeente geldt",
                    "warning",
                )

    def count_citations(self, advice: Advice, path: Path_, effective: list[str]) -> None:
        """One advice block is one item: it should rest on at most two sources, and no source
        should stand under a large share of all items (then it says nothing in particular)."""
        cited = list(dict.fromkeys(effective))
        self.advice_blocks += 1
        for sid in cited:
            self.citation_count[sid] = self.citation_count.get(sid, 0) + 1
        if len(cited) > 2:
            self.report(
                (*path, "sources") if advice.sources else path,
                f"dit advies rust op {len(cited)} bronnen ({', '.join(cited)}): noem hoogstens "
                "twee die het echt dragen, bij voorkeur met vindplaats",
                "warning",
                key=not advice.sources,
            )

    def check_source_spread(self) -> None:
        if self.advice_blocks < 30:  # in a small tree a third is a handful
            return
        for i, source in enumerate(self.tree.sources):
            n = self.citation_count.get(source.id, 0)
            if 3 * n > self.advice_blocks:
                self.report(
                    ("sources", i, "id"),
                    f"bron '{source.id}' staat onder {n} van de {self.advice_blocks} adviezen "
                    "(meer dan een derde): noem haar alleen waar zij dat advies echt draagt",
                    "warning",
                )

    # --- advice blocks -------------------------------------------------------------------------

    def check_advice(
        self,
        advice: Advice | None,
        path: Path_,
        inherited: list[str],
        variant: str | None = None,
        *,
        count: bool = True,
    ) -> None:
        """``count``: False for an alternative to a block already counted (advice_with_detail),
        so that one item is not counted twice in how often sources are cited."""
        if advice is None:
            return
        self.check_sources((*path, "sources"), advice.sources, variant)
        if count and not advice.is_empty():
            self.count_citations(advice, path, advice.sources or inherited)
        for kind in ("werkvormen", "avoid_werkvormen"):
            for i, ref in enumerate(getattr(advice, kind)):
                self.used_werkvormen.add(ref.id)
                if self.check_ref((*path, kind, i), ref.id, self.werkvorm_ids, "werkvorm"):
                    pass
                self.check_sources((*path, kind, i, "sources"), ref.sources)
        for i, ref in enumerate(advice.stakeholders):
            self.used_stakeholders.add(ref.id)
            self.check_ref(
                (*path, "stakeholders", i), ref.id, self.stakeholder_ids, "belanghebbende"
            )
            self.check_sources((*path, "stakeholders", i, "sources"), ref.sources)
        for i, lv in enumerate(advice.levels):
            if lv.group:
                self.used_stakeholders.add(lv.group)
                self.check_ref(
                    (*path, "levels", i, "group"), lv.group, self.stakeholder_ids, "belanghebbende"
                )
            if lv.subject:
                self.check_ref(
                    (*path, "levels", i, "subject"), lv.subject, self.subject_ids, "onderwerp"
                )
            self.check_sources((*path, "levels", i, "sources"), lv.sources)
        if advice.level_cap:
            self.check_sources((*path, "level_cap", "sources"), advice.level_cap.sources)
            if advice.level_cap.subject:
                self.check_ref(
                    (*path, "level_cap", "subject"),
                    advice.level_cap.subject,
                    self.subject_ids,
                    "onderwerp",
                )
        if not advice.is_empty() and not advice.sources and not inherited:
            self.report(
                path,
                "advies zonder bron: noem bij 'sources' waarop dit advies rust",
                "warning",
            )

    # --- conditions ----------------------------------------------------------------------------

    def check_condition(
        self, cond: Condition, path: Path_, flows: Sequence[Flow], before: Container[str] | None
    ) -> None:
        """Check ids and whether the condition can be true; ``before`` = questions that can
        precede this point on some route (None: anywhere, for rules)."""
        for key in ("all", "any"):
            for i, sub in enumerate(getattr(cond, key) or []):
                self.check_condition(sub, (*path, key, i), flows, before)
        if cond.not_ is not None:
            self.check_condition(cond.not_, (*path, "not"), flows, before)
        if cond.variant is not None:
            self.check_ref((*path, "variant"), cond.variant, self.variant_ids, "variant")
        for form in (
            "decision",
            "level",
            "level_at_least",
            "level_at_most",
            "stakeholder",
            "stakeholder_category",
            "werkvorm",
        ):
            if getattr(cond, form) is not None and before is not None:
                self.report(
                    (*path, form),
                    f"'{form}' leest het advies en kan alleen in een regel (rules), niet in een "
                    "route: een route kiest de volgende vraag uit de antwoorden",
                )
        if cond.stakeholder is not None:
            self.used_stakeholders.add(cond.stakeholder)
            self.check_ref(
                (*path, "stakeholder"), cond.stakeholder, self.stakeholder_ids, "belanghebbende"
            )
        if cond.werkvorm is not None:
            self.check_ref((*path, "werkvorm"), cond.werkvorm, self.werkvorm_ids, "werkvorm")
        target = cond.question or cond.answered
        if target is None:
            return
        field_name = "question" if cond.question else "answered"
        nodes = self.node_kinds.get(target, {})
        if not nodes:
            self.check_ref((*path, field_name), target, self.all_node_ids, "vraag")
            return
        node = next(iter(nodes.values()))
        if node.kind in ("outcome", "info"):
            self.report(
                (*path, field_name),
                f"'{target}' is geen vraag maar een {'uitkomst' if node.kind == 'outcome' else 'informatiestap'}; "
                "een voorwaarde kan alleen een vraag lezen",
            )
            return
        if before is not None and target not in before:
            self.report(
                (*path, field_name),
                f"deze voorwaarde kan nooit waar zijn: vraag '{target}' komt op geen enkele route "
                "vóór deze stap",
            )
        if cond.question is None:
            return
        option_ids = [o.id for o in getattr(node, "options", [])]
        single = ("is_", "in_")
        multi = ("has", "has_any", "has_all", "count_at_least", "count_at_most")
        used = next(f for f in single + multi if getattr(cond, f) is not None)
        alias = used.rstrip("_")
        if node.kind == "text":
            if used in multi:
                self.report(
                    (*path, alias),
                    f"'{alias}' werkt alleen bij een meerkeuzevraag; '{target}' is een tekstvraag",
                )
            return
        if node.kind == "choice" and used in multi:
            hint = "is" if used == "has" else "in"
            self.report(
                (*path, alias),
                f"'{alias}' werkt alleen bij een meerkeuzevraag; '{target}' heeft één antwoord: "
                f"gebruik '{hint}'",
            )
            return
        if node.kind == "multi" and used in single:
            hint = "has" if used == "is_" else "has_any"
            self.report(
                (*path, alias),
                f"'{alias}' werkt bij één antwoord; '{target}' is een meerkeuzevraag: gebruik '{hint}'",
            )
            return
        values = getattr(cond, used)
        if isinstance(values, int):
            if used == "count_at_least" and values > len(option_ids):
                self.report(
                    (*path, alias),
                    f"deze voorwaarde kan nooit waar zijn: '{target}' heeft maar "
                    f"{len(option_ids)} opties",
                )
            return
        for i, value in enumerate(values if isinstance(values, list) else [values]):
            if value not in option_ids:
                sub = (*path, alias, i) if isinstance(values, list) else (*path, alias)
                self.report(
                    sub,
                    f"deze voorwaarde kan nooit waar zijn: '{value}' is geen optie van "
                    f"'{target}'{did_you_mean(str(value), option_ids)}",
                )

    # --- the graph ------------------------------------------------------------------------------

    def check_flow(self, flow: Flow, own: Iterable[str] | None = None) -> bool:
        """The exits of each node in one flow (``own``: only these node ids; the others were
        checked in the flow they come from). Returns whether every exit leads somewhere."""
        sound = True
        paths = flow.node_paths
        start_path: Path_ = ("start",)
        if flow.tree.start not in flow.nodes:
            self.check_ref(start_path, flow.tree.start, flow.nodes, "stap")
            return False
        for node_id in flow.nodes if own is None else own:
            node = flow.nodes[node_id]
            p = paths[node_id]
            if node.kind == "outcome":
                if node.next or node.routes:
                    self.report(
                        (*p, "next") if node.next else (*p, "routes"),
                        "een uitkomst is het einde van een route; haal 'next' en 'routes' weg",
                        "warning",
                    )
                continue
            exits = 0
            if node.kind == "choice":
                for i, opt in enumerate(node.options):
                    if opt.next:
                        exits += 1
                        if not self.check_ref(
                            (*p, "options", i, "next"), opt.next, flow.nodes, "stap"
                        ):
                            sound = False
                    elif not node.next:
                        self.report(
                            (*p, "options", i),
                            f"doodlopend: optie '{opt.id}' heeft geen 'next' en de vraag heeft "
                            "geen standaard 'next'",
                        )
                        sound = False
                if all(o.next for o in node.options) and (node.routes or node.next):
                    self.report(
                        (*p, "routes") if node.routes else (*p, "next"),
                        "elke optie heeft een eigen 'next', dus deze routes/standaard worden "
                        "nooit gebruikt",
                        "warning",
                    )
            for i, route in enumerate(node.routes):
                exits += 1
                if not self.check_ref((*p, "routes", i, "next"), route.next, flow.nodes, "stap"):
                    sound = False
            if node.next:
                exits += 1
                if not self.check_ref((*p, "next"), node.next, flow.nodes, "stap"):
                    sound = False
            if exits == 0:
                self.report(
                    p,
                    f"doodlopend: stap '{node_id}' is geen uitkomst en leidt nergens heen; "
                    "voeg 'next' toe",
                )
                sound = False
            elif (
                node.routes
                and not node.next
                and (node.kind != "choice" or any(not o.next for o in node.options))
            ):
                self.report(
                    (*p, "routes"),
                    "routes zonder standaard: als geen voorwaarde klopt, loopt de route dood; "
                    "voeg 'next' toe als standaard",
                    "warning",
                )
                sound = False
        return sound

    def check_graph(self, graph: _Graph, flow: Flow) -> bool:
        """Cycles in one distinct graph (``flow``: one flow that has it). Returns whether the
        graph has none."""
        if flow.tree.start not in flow.nodes:
            return False
        cycle = _find_cycle(graph.edges, flow.tree.start)
        if cycle:
            loop = " → ".join(cycle)
            self.report(
                flow.node_paths[cycle[-2]],
                f"kringloop: {loop}. Een route mag niet terugkeren naar een eerdere stap.",
            )
            return False
        return True

    def questions_before(
        self, graphs: list[_Graph], declared: list[tuple[Any, Path_]]
    ) -> dict[int, set[str]]:
        """For each declared node with routes (by ``id()``), which of the questions its
        conditions read can come before it (or are itself) on some route of a flow that uses it.

        The same visit of each graph checks it for cycles and notes what it reaches, how many
        routes it has and how long they are (``graphs_sound``, ``reachable``, ``routes``,
        ``spans``), so each flow is built once.

        Only the questions the conditions ask about are answered, one graph at a time, so the
        cost is linear in the graph and no set of all earlier questions is ever kept.
        """
        wanted = {
            id(node): (node, {t for r in node.routes for t in _targets(r.when)})
            for node, _ in declared
            if node.routes
        }
        found: dict[int, set[str]] = {key: set() for key in wanted}
        self.graphs_sound, self.reachable, self.routes = True, set(), 0
        self.spans: list[tuple[int, int]] = []
        for graph in graphs:
            asks: dict[str, set[str]] = {}
            users: list[tuple[int, str]] = []
            for key, (node, targets) in wanted.items():
                pending = targets - found[key]
                if pending and graph.uses(node):
                    asks.setdefault(node.id, set()).update(pending)
                    users.append((key, node.id))
            flow = graph.flow  # one flow at a time: built here, dropped after
            order = graph.order(flow)
            # the graph's other facts, in the same visit
            self.graphs_sound = self.check_graph(graph, flow) and self.graphs_sound
            self.reachable.update(order)
            self.routes = max(self.routes, graph.count_routes(flow, order))
            self.spans.append(graph.route_lengths(flow, order))
            if not asks:
                continue
            hits = graph.questions_before(flow, order, asks)
            for key, node_id in users:
                found[key] |= hits.get(node_id, set()) | ({node_id} & wanted[key][1])
        return found

    # --- the whole tree ---------------------------------------------------------------------------

    def run(self) -> Report:
        tree = self.tree
        self.source_ids = [s.id for s in tree.sources]
        self.werkvorm_ids = [w.id for w in tree.werkvormen]
        self.stakeholder_ids = [s.id for s in tree.stakeholders]
        self.variant_ids = [v.id for v in tree.variants]
        self.section_ids = [s.id for s in tree.sections]
        self.subject_ids = [s.id for s in tree.subjects]
        self.used_sources: set[str] = set()
        self.source_by_id = {s.id: s for s in tree.sources}
        self.citation_count: dict[str, int] = {}
        self.advice_blocks = 0
        self.used_werkvormen: set[str] = set()
        self.used_stakeholders: set[str] = set()

        for items, path, what in (
            (tree.sources, ("sources",), "bron"),
            (tree.werkvormen, ("werkvormen",), "werkvorm"),
            (tree.stakeholders, ("stakeholders",), "belanghebbende"),
            (tree.sections, ("sections",), "onderdeel"),
            (tree.subjects, ("subjects",), "onderwerp"),
            (tree.nodes, ("nodes",), "stap"),
            (tree.rules, ("rules",), "regel"),
            (tree.variants, ("variants",), "variant"),
            (tree.cases, ("cases",), "casus"),
        ):
            self.check_duplicates(items, path, what)
        for vi, variant in enumerate(tree.variants):
            self.check_duplicates(variant.nodes, ("variants", vi, "nodes"), "stap")
            self.check_duplicates(variant.rules, ("variants", vi, "rules"), "regel")

        base = resolve(tree)
        flows = _Flows(base)
        # the node ids each flow brings itself: all of the base flow, a variant's own nodes
        owns = [list(base.nodes)] + [
            list(dict.fromkeys(n.id for n in v.nodes)) for v in tree.variants
        ]
        self.node_kinds: dict[str, dict[str, Any]] = {}
        for flow, own in zip(flows, owns, strict=True):
            for n in own:
                self.node_kinds.setdefault(n, {}).setdefault(flow.nodes[n].kind, flow.nodes[n])
        self.all_node_ids = sorted(self.node_kinds)

        for i, w in enumerate(tree.werkvormen):
            self.check_sources(("werkvormen", i, "sources"), w.sources)
        for i, s in enumerate(tree.stakeholders):
            self.check_sources(("stakeholders", i, "sources"), s.sources)
            for j, wid in enumerate(s.werkvormen):
                self.used_werkvormen.add(wid)
                self.check_ref(
                    ("stakeholders", i, "werkvormen", j), wid, self.werkvorm_ids, "werkvorm"
                )
            self.check_reach_names(s, ("stakeholders", i, "reach"))
        for i, subject in enumerate(tree.subjects):
            self.check_sources(("subjects", i, "sources"), subject.sources)
            self.check_condition(subject.when, ("subjects", i, "when"), flows, None)
            if subject.when.reads_advice():
                self.report(
                    ("subjects", i, "when"),
                    "of een onderwerp open is, volgt uit de antwoorden; lees hier niet het advies",
                )

        # nodes and rules, wherever declared (tree or variant)
        declared: list[tuple[Any, Path_]] = [(n, ("nodes", i)) for i, n in enumerate(tree.nodes)]
        rules: list[tuple[Any, Path_]] = [(r, ("rules", i)) for i, r in enumerate(tree.rules)]
        for vi, variant in enumerate(tree.variants):
            declared += [(n, ("variants", vi, "nodes", i)) for i, n in enumerate(variant.nodes)]
            rules += [(r, ("variants", vi, "rules", i)) for i, r in enumerate(variant.rules)]
            self.check_sources(("variants", vi, "sources"), variant.sources)
            self.check_advice(variant.advice, ("variants", vi, "advice"), variant.sources)

        graphs = _distinct_graphs(flows, owns)
        may_precede = self.questions_before(graphs, declared)
        for node, p in declared:
            self.check_sources((*p, "sources"), node.sources)
            if node.section:
                self.check_ref((*p, "section"), node.section, self.section_ids, "onderdeel")
            inherited = node.sources
            if node.kind in QUESTION_KINDS:
                if not node.help:
                    self.report(
                        (*p, "question"),
                        f"vraag '{node.id}' heeft geen uitleg ('help'): zeg waarom we dit vragen",
                        "warning",
                    )
                if not node.sources:
                    self.report(
                        (*p, "question"),
                        f"vraag '{node.id}' noemt geen bron ('sources')",
                        "warning",
                    )
            if node.kind in ("choice", "multi"):
                self.check_duplicates(node.options, (*p, "options"), "optie")
                for i, opt in enumerate(node.options):
                    self.check_advice(opt.advice, (*p, "options", i, "advice"), inherited)
                    if node.kind == "multi":
                        self.check_detail_option(opt, (*p, "options", i), inherited)
            if node.kind == "multi":
                if node.min_choices > len(node.options):
                    self.report((*p, "min_choices"), "min_choices is groter dan het aantal opties")
                if node.max_choices is not None and node.max_choices < node.min_choices:
                    self.report((*p, "max_choices"), "max_choices is kleiner dan min_choices")
                ids = {o.id for o in node.options}
                for i, need in enumerate(node.needs_one_of):
                    self.check_ref((*p, "needs_one_of", i), need, ids, "optie")
            if node.kind in ("info", "outcome"):
                self.check_advice(node.advice, (*p, "advice"), inherited)
            if node.kind == "outcome":
                questions = [n for f in flows for n in f.nodes if f.is_question(n)]
                for i, q in enumerate(node.because):
                    self.check_ref((*p, "because", i), q, sorted(set(questions)), "vraag")
            # conditions in routes: the question must be able to come before this node
            before = may_precede.get(id(node), set())
            for i, route in enumerate(node.routes):
                self.check_condition(route.when, (*p, "routes", i, "when"), flows, before)
        for rule, p in rules:
            only = _variant_of(rule.when)
            self.check_sources((*p, "sources"), rule.sources, only)
            self.check_condition(rule.when, (*p, "when"), flows, None)
            self.check_advice(rule.advice, (*p, "advice"), rule.sources, only)
            if rule.when.reads_advice():
                for key in ("decision", "level_cap", "chosen_level"):
                    if getattr(rule.advice, key):
                        self.report(
                            (*p, "advice", key),
                            f"deze regel leest het advies en kan dus geen '{key}' geven: dan "
                            "zou het advies van zichzelf afhangen. Gebruik een voorwaarde op "
                            "de antwoorden",
                        )

        tq = tree.settings.title_question
        if tq is not None:
            nodes = [f.nodes.get(tq) for f in flows]
            if not any(nodes):
                self.check_ref(("settings", "title_question"), tq, self.all_node_ids, "vraag")
            elif any(n is not None and n.kind != "text" for n in nodes):
                self.report(("settings", "title_question"), f"'{tq}' moet een tekstvraag zijn")

        summary = Summary(variants=len(tree.variants))
        sound = self.graphs_sound
        for flow, own in zip(flows, owns, strict=True):
            sound = self.check_flow(flow, own) and sound
        for node, p in declared:
            if node.id not in self.reachable:
                self.report(
                    p,
                    f"stap '{node.id}' is onbereikbaar: geen enkele route leidt ernaartoe",
                    "warning",
                )

        summary.nodes = len(base.nodes)
        summary.questions = sum(1 for n in base.nodes if base.is_question(n))
        summary.outcomes = sum(1 for n in base.nodes.values() if n.kind == "outcome")
        if sound:
            summary.routes = self.routes
            spans = self.spans
            summary.shortest = min(s[0] for s in spans)
            summary.longest = max(s[1] for s in spans)
        summary.proof = sound

        # unused declarations
        for i, s in enumerate(tree.sources):
            if s.id not in self.used_sources:
                self.report(("sources", i), f"bron '{s.id}' wordt nergens gebruikt", "warning")
        for i, w in enumerate(tree.werkvormen):
            if w.id not in self.used_werkvormen:
                self.report(
                    ("werkvormen", i), f"werkvorm '{w.id}' wordt nergens geadviseerd", "warning"
                )
        for i, s in enumerate(tree.stakeholders):
            if s.id not in self.used_stakeholders:
                self.report(
                    ("stakeholders", i), f"belanghebbende '{s.id}' wordt nergens genoemd", "warning"
                )

        self.check_split_sentences()
        self.check_placeholders()
        self.check_source_spread()

        if sound and not any(p.is_error for p in self.problems.values()):
            self.check_cases(summary)
        else:
            summary.cases = len(tree.cases)
        return Report(self.doc.file, sort_problems(self.problems.values()), summary)

    # --- the user's own words at an option -------------------------------------------------------

    def check_detail_option(self, option: Any, path: Path_, inherited: list[str]) -> None:
        """``advice_with_detail`` needs ``detail``, uses ``{detail}``, and gives the same
        advice as ``advice`` apart from its texts (typing words must not change the level)."""
        special = option.advice_with_detail
        if special is None:
            return
        where = (*path, "advice_with_detail")
        self.check_advice(special, where, inherited, count=False)
        if not option.detail:
            self.report(
                where,
                f"'advice_with_detail' bij optie '{option.id}' zonder 'detail': de gebruiker kan "
                "hier geen eigen woorden geven, dus dit advies geldt nooit. Voeg 'detail' toe met "
                "een korte vraag (bv. 'Welk bedrag?'), of haal 'advice_with_detail' weg",
                key=True,
            )
        texts = [
            *(
                t
                for a in ("fixed", "open", "decides", "duties", "warnings", "notes")
                for t in getattr(special, a)
            ),
            *(
                r.why or ""
                for r in (
                    *special.levels,
                    *special.werkvormen,
                    *special.avoid_werkvormen,
                    *special.stakeholders,
                )
            ),
            *(part.text or "" for part in (special.decision, special.role) if part),
            special.level_cap.why if special.level_cap else "",
        ]
        if not any(DETAIL_PLACEHOLDER in t for t in texts):
            self.report(
                where,
                f"'advice_with_detail' bij optie '{option.id}' gebruikt '{DETAIL_PLACEHOLDER}' "
                "nergens, dus de woorden van de gebruiker komen niet in het plan. Zet "
                f"'{DETAIL_PLACEHOLDER}' in een tekst, bv. onder 'fixed'",
                "warning",
                key=True,
            )
        differs = _advice_shape_differs(option.advice or Advice(), special)
        if differs:
            self.report(
                where,
                f"'advice_with_detail' bij optie '{option.id}' geeft iets anders dan 'advice' bij "
                f"{', '.join(differs)}: dan verandert het advies zodra iemand woorden typt. Neem "
                "die onderdelen gelijk over uit 'advice'; alleen de teksten mogen verschillen",
                "warning",
                key=True,
            )

    def check_placeholders(self) -> None:
        """``{detail}`` only in the texts of ``advice_with_detail``; no other ``{...}`` in
        advice texts (it would be printed as it is)."""
        stack: list[tuple[Path_, Any]] = [((), self.doc.data)]
        while stack:
            path, value = stack.pop()
            if isinstance(value, dict):
                stack.extend(((*path, k), v) for k, v in value.items() if isinstance(k, str))
            elif isinstance(value, list):
                stack.extend(((*path, i), v) for i, v in enumerate(value))
            elif isinstance(value, str) and "{" in value:
                self._check_placeholders_in(path, value)

    def _check_placeholders_in(self, path: Path_, text: str) -> None:
        keys = [seg for seg in path if isinstance(seg, str)]
        in_advice = any(k in ("advice", "advice_with_detail") for k in keys)
        special = "advice_with_detail" in keys
        replaced = bool(keys) and keys[-1] in DETAIL_TEXTS and "sources" not in keys
        for match in _PLACEHOLDER.finditer(text):
            found = match.group()
            if found == DETAIL_PLACEHOLDER:
                if special and replaced:
                    continue
                self.report(
                    path,
                    f"'{DETAIL_PLACEHOLDER}' wordt hier nooit vervangen: dat gebeurt alleen in de "
                    "teksten (fixed, open, decides, duties, warnings, notes, why, text) van "
                    "'advice_with_detail' bij een optie met 'detail'. Zet de tekst daar neer, of "
                    "schrijf hem zonder plaatshouder",
                )
            elif in_advice and replaced:
                self.report(
                    path,
                    f"onbekende plaatshouder '{found}': alleen '{DETAIL_PLACEHOLDER}' bestaat, in "
                    "'advice_with_detail'. Schrijf '{detail}', of haal de accolades weg",
                )

    def check_reach_names(self, stakeholder: Any, path: Path_) -> None:
        """Warn when a 'reach' text names a werkvorm: the advice cannot see it there, so the
        plan might advise against the same werkvorm (under 'Liever niet') without noticing."""
        text = stakeholder.reach.lower()
        for w in self.tree.werkvormen:
            if w.name.lower() in text:
                self.report(
                    path,
                    f"'reach' noemt de werkvorm '{w.name}'; zet '{w.id}' onder 'werkvormen' van "
                    "deze groep, zodat het advies hem kan kiezen (of juist niet)",
                    "warning",
                )

    def check_split_sentences(self) -> None:
        """Warn when an inline list ``[a, b]`` of texts looks like one sentence cut at a comma.

        YAML splits inline lists at every comma, so ``duties: [Meld vooraf wanneer, hoe lang.]``
        silently becomes two duties. A later item that starts with a small letter gives it away.
        """
        for path in sorted(self.doc.marks.flow_lists, key=str):
            if not path or path[-1] not in TEXT_LISTS:
                continue
            items = value_at(self.doc.data, path)
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                continue
            cut = next((i for i in items[1:] if i[:1].islower()), None)
            if cut is not None:
                self.report(
                    path,
                    f"deze lijst tussen [ ] wordt bij elke komma gesplitst, dus '{cut}' wordt een "
                    "los punt. Zet elk punt op een eigen regel met '- ', of zet de tekst tussen "
                    "aanhalingstekens",
                    "warning",
                )

    # --- example cases ---------------------------------------------------------------------------

    def check_cases(self, summary: Summary) -> None:
        summary.cases = len(self.tree.cases)
        for i, case in enumerate(self.tree.cases):
            if self._check_case(case, ("cases", i)):
                summary.cases_passed += 1

    def _check_case(self, case: Any, p: Path_) -> bool:
        problems = check_case(self.tree, case, self.doc, p)
        for problem in problems:
            self.problems.setdefault((problem.line, problem.col, problem.message), problem)
        return not any(problem.is_error for problem in problems)


def _advice_shape_differs(plain: Advice, special: Advice) -> list[str]:
    """The parts of two advice blocks, apart from their texts, that are not the same."""

    def shape(advice: Advice) -> dict[str, Any]:
        data = advice.model_dump(
            mode="json", exclude={"fixed", "open", "decides", "duties", "warnings", "notes"}
        )
        for key in ("decision", "role", "level_cap"):
            if data.get(key):
                data[key].pop("text", None)
                data[key].pop("why", None)
        for key in ("levels", "werkvormen", "avoid_werkvormen", "stakeholders"):
            for part in data.get(key) or []:
                part.pop("why", None)
        data["sources"] = [[str(s), getattr(s, "at", None)] for s in advice.sources]
        return data

    a, b = shape(plain), shape(special)
    return [key for key in a if a[key] != b[key]]


def _find_cycle(graph: dict[str, list[str]], start: str) -> list[str] | None:
    """A cycle reachable from ``start`` as a list ending in its first node, or None."""
    colour: dict[str, int] = {}
    stack: list[tuple[str, int]] = [(start, 0)]
    trail: list[str] = []
    while stack:
        node, i = stack.pop()
        if i == 0:
            if colour.get(node) == 2:
                continue
            colour[node] = 1
            trail.append(node)
        targets = graph.get(node, [])
        if i < len(targets):
            stack.append((node, i + 1))
            nxt = targets[i]
            if colour.get(nxt) == 1:
                return trail[trail.index(nxt) :] + [nxt]
            if colour.get(nxt) != 2:
                stack.append((nxt, 0))
        else:
            colour[node] = 2
            trail.pop()
    return None


def _topological(graph: dict[str, list[str]], start: str) -> list[str]:
    order: list[str] = []
    seen: set[str] = set()
    stack: list[tuple[str, bool]] = [(start, False)]
    while stack:
        node, done = stack.pop()
        if done:
            order.append(node)
            continue
        if node in seen or node not in graph:
            continue
        seen.add(node)
        stack.append((node, True))
        for t in graph[node]:
            if t not in seen:
                stack.append((t, False))
    return list(reversed(order))


class _Flows(Sequence[Flow]):
    """The tree's flow and one per variant, each built when asked for and not kept, so the
    memory for checking many variants stays that of one flow at a time."""

    def __init__(self, base: Flow):
        self.base = base
        self.base_ids = {id(node) for node in base.nodes.values()}  # the tree's running nodes

    def __len__(self) -> int:
        return 1 + len(self.base.tree.variants)

    def __getitem__(self, k: int) -> Flow:  # type: ignore[override]
        if not -len(self) <= k < len(self):
            raise IndexError(k)
        k %= len(self)
        return self.base if k == 0 else apply_variant(self.base, k - 1)


def _targets(cond: Condition) -> Iterator[str]:
    """The questions a condition reads (as ``question`` or ``answered``), at any depth."""
    for sub in (cond.all or []) + (cond.any or []) + ([cond.not_] if cond.not_ else []):
        yield from _targets(sub)
    target = cond.question or cond.answered
    if target is not None:
        yield target


def _edges(node: Any) -> tuple[str, ...]:
    return () if node.kind == "outcome" else tuple(possible_next(node))


class _Overlay(Mapping[str, tuple[str, ...]]):
    """The base graph's edges with a variant's changed nodes on top, without copying."""

    def __init__(self, top: dict[str, tuple[str, ...]], base: dict[str, tuple[str, ...]]):
        self.top, self.base = top, base

    def __getitem__(self, key: str) -> tuple[str, ...]:
        return self.top[key] if key in self.top else self.base[key]

    def __contains__(self, key: object) -> bool:
        return key in self.top or key in self.base

    def __iter__(self) -> Iterator[str]:
        yield from self.base
        yield from (k for k in self.top if k not in self.base)

    def __len__(self) -> int:
        return len(self.base) + sum(1 for k in self.top if k not in self.base)


class _Graph:
    """The graph of one or more flows that share it (same nodes, kinds and edges).

    ``edges`` holds every possible edge, unknown targets included (they lead nowhere). Every
    walk is iterative and linear in nodes + edges. Nothing of size of the tree is kept per
    graph: its flow and its order are built when used, so many variants with a graph of their
    own cost time in proportion, and memory for one at a time.
    """

    def __init__(self, flows: _Flows, index: int, edges: Mapping[str, tuple[str, ...]]):
        self.flows = flows
        self.index = index  # one flow with this graph
        self.edges = edges
        # node ids that every flow sharing this graph replaces with a node of its own
        self.fixed: set[str] = set()
        self.own_ids: set[int] = set()  # id() of the variants' own nodes that run here

    @property
    def flow(self) -> Flow:
        return self.flows[self.index]

    def uses(self, node: Any) -> bool:
        """Whether some flow with this graph runs this very node object."""
        if id(node) in self.own_ids:
            return True
        return id(node) in self.flows.base_ids and node.id not in self.fixed

    def order(self, flow: Flow) -> list[str]:
        """The nodes reachable from the start, each before the nodes it leads to."""
        return _topological(self.edges, flow.tree.start)

    def questions_before(
        self, flow: Flow, order: list[str], asks: dict[str, set[str]]
    ) -> dict[str, set[str]]:
        """For each asked node, which of the asked questions can come before it.

        Walks the nodes in topological order carrying, per node, a bitset (a Python int) of
        the questions before it; a node's bitset is dropped once passed on, so only the
        frontier is kept.
        """
        bit: dict[str, int] = {}
        carry: dict[str, int] = {}
        hits: dict[str, set[str]] = {}
        for n in order:
            before = carry.pop(n, 0)
            if n in asks:
                hits[n] = {t for t in asks[n] if t in bit and before >> bit[t] & 1}
            if flow.is_question(n):
                bit[n] = len(bit)
                before |= 1 << bit[n]
            for t in self.edges.get(n, ()):
                carry[t] = carry.get(t, 0) | before
        return hits

    def count_routes(self, flow: Flow, order: list[str]) -> int:
        """Distinct paths from the start to an outcome over every possible edge (an upper
        bound: some conditional routes may never combine)."""
        count: dict[str, int] = {}
        for n in reversed(order):
            if flow.nodes[n].kind == "outcome":
                count[n] = 1
            else:
                count[n] = sum(count.get(t, 0) for t in self.edges[n])
        return count.get(flow.tree.start, 0)

    def route_lengths(self, flow: Flow, order: list[str]) -> tuple[int, int]:
        """The fewest and most questions on a route from the start to an outcome."""
        span: dict[str, tuple[int, int]] = {}
        for n in reversed(order):
            here = 1 if flow.is_question(n) else 0
            after = [span.get(t, (0, 0)) for t in self.edges[n]]
            fewest = min((a[0] for a in after), default=0)
            most = max((a[1] for a in after), default=0)
            span[n] = (here + fewest, here + most)
        return span.get(flow.tree.start, (0, 0))


def _distinct_graphs(flows: _Flows, owns: list[list[str]]) -> list[_Graph]:
    """One :class:`_Graph` per distinct graph among the flows.

    A variant changes the graph only where its own nodes differ from the base in kind or
    edges, so variants that only reword questions share the base graph, and the graph checks
    run once per distinct graph instead of once per variant.
    """
    base = flows.base
    base_edges = {n: _edges(node) for n, node in base.nodes.items()}
    graphs: dict[frozenset[Any], _Graph] = {}
    for k, own in enumerate(owns):
        flow = flows[k]
        delta: dict[str, tuple[str, ...]] = {}
        if k:
            for n in own:
                node = flow.nodes[n]
                edges = _edges(node)
                if n not in base.nodes or base.nodes[n].kind != node.kind or base_edges[n] != edges:
                    delta[n] = edges
                    delta[f"\0kind:{n}"] = (node.kind,)  # a kind of its own is another graph
        key = frozenset(delta.items())
        graph = graphs.get(key)
        if graph is None:
            top = {n: e for n, e in delta.items() if not n.startswith("\0")}
            graph = graphs[key] = _Graph(flows, k, _Overlay(top, base_edges) if top else base_edges)
            graph.fixed = set(own) if k else set()
        else:
            graph.fixed.intersection_update(own if k else ())
        if k:
            graph.own_ids.update(id(flow.nodes[n]) for n in own)
    return list(graphs.values())


def _variant_of(when: Any) -> str | None:
    """The variant a condition is limited to: ``{variant: x}``, alone or inside ``all``."""
    if when.variant:
        return when.variant
    for part in when.all or []:
        found = _variant_of(part)
        if found:
            return found
    return None


def lint(loaded: LoadedTree) -> Report:
    return _Linter(loaded).run()
