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

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from wizard.cases import check_case
from wizard.flow import Flow, possible_next, resolve
from wizard.loader import LoadedTree, problem_at, value_at
from wizard.model import QUESTION_KINDS, Advice, Condition, Tree
from wizard.problems import Problem, Severity, did_you_mean, sort_problems

Path_ = tuple[str | int, ...]

# keys whose items are sentences, where an inline list silently splits a sentence at its commas
TEXT_LISTS = {"fixed", "open", "decides", "duties", "warnings", "notes", "dos", "donts"}


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
        known = list(known)
        if value in known:
            return True
        self.report(path, f"onbekende {what} '{value}'{did_you_mean(value, known)}")
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
    ) -> None:
        if advice is None:
            return
        self.check_sources((*path, "sources"), advice.sources, variant)
        if not advice.is_empty():
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
        self, cond: Condition, path: Path_, flows: list[Flow], before: set[str] | None
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
        nodes = {}
        for flow in flows:
            if target in flow.nodes:
                nodes.setdefault(flow.nodes[target].kind, flow.nodes[target])
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

    def check_flow(self, flow: Flow) -> tuple[set[str], bool]:
        """Graph checks for one flow. Returns the reachable node ids and whether it is sound."""
        sound = True
        paths = flow.node_paths
        start_path: Path_ = ("start",)
        if flow.tree.start not in flow.nodes:
            self.check_ref(start_path, flow.tree.start, flow.nodes, "stap")
            return set(), False
        for node_id, node in flow.nodes.items():
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
        # reachability and cycles, over every possible edge
        graph = {
            n: [t for t in possible_next(node) if t in flow.nodes] if node.kind != "outcome" else []
            for n, node in flow.nodes.items()
        }
        reachable: set[str] = set()
        stack = [flow.tree.start]
        while stack:
            n = stack.pop()
            if n in reachable:
                continue
            reachable.add(n)
            stack.extend(graph[n])
        cycle = _find_cycle(graph, flow.tree.start)
        if cycle:
            loop = " → ".join(cycle)
            self.report(
                paths[cycle[-2]],
                f"kringloop: {loop}. Een route mag niet terugkeren naar een eerdere stap.",
            )
            sound = False
        return reachable, sound

    def predecessors(self, flow: Flow) -> dict[str, set[str]]:
        """For each node, the questions that may come before it on some route."""
        graph = {
            n: possible_next(node) if node.kind != "outcome" else []
            for n, node in flow.nodes.items()
        }
        before: dict[str, set[str]] = {n: set() for n in flow.nodes}
        order = _topological(graph, flow.tree.start)
        for n in order:
            for t in graph.get(n, []):
                if t in before:
                    before[t] |= before[n] | ({n} if flow.is_question(n) else set())
        return before

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

        flows = [resolve(tree)] + [resolve(tree, v.id) for v in tree.variants]
        self.all_node_ids = sorted({n for f in flows for n in f.nodes})

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

        befores = [(f, self.predecessors(f)) for f in flows]
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
                if node.min_choices > len(node.options):
                    self.report((*p, "min_choices"), "min_choices is groter dan het aantal opties")
                if node.max_choices is not None and node.max_choices < node.min_choices:
                    self.report((*p, "max_choices"), "max_choices is kleiner dan min_choices")
            if node.kind in ("info", "outcome"):
                self.check_advice(node.advice, (*p, "advice"), inherited)
            if node.kind == "outcome":
                questions = [n for f in flows for n in f.nodes if f.is_question(n)]
                for i, q in enumerate(node.because):
                    self.check_ref((*p, "because", i), q, sorted(set(questions)), "vraag")
            # conditions in routes: the question must be able to come before this node
            may_precede: set[str] = set()
            for flow, before in befores:
                if flow.nodes.get(node.id) is node:
                    may_precede |= before.get(node.id, set()) | {node.id}
            for i, route in enumerate(node.routes):
                self.check_condition(route.when, (*p, "routes", i, "when"), flows, may_precede)
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
        reachable: set[str] = set()
        sound = True
        for flow in flows:
            r, ok = self.check_flow(flow)
            reachable |= r
            sound = sound and ok
        for node, p in declared:
            if node.id not in reachable:
                self.report(
                    p,
                    f"stap '{node.id}' is onbereikbaar: geen enkele route leidt ernaartoe",
                    "warning",
                )

        base = flows[0]
        summary.nodes = len(base.nodes)
        summary.questions = sum(1 for n in base.nodes if base.is_question(n))
        summary.outcomes = sum(1 for n in base.nodes.values() if n.kind == "outcome")
        if sound:
            summary.routes = max(_count_routes(f) for f in flows)
            spans = [_route_lengths(f) for f in flows]
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
        self.check_source_spread()

        if sound and not any(p.is_error for p in self.problems.values()):
            self.check_cases(summary)
        else:
            summary.cases = len(tree.cases)
        return Report(self.doc.file, sort_problems(self.problems.values()), summary)

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


def _count_routes(flow: Flow) -> int:
    """Distinct paths from the start to an outcome over every possible edge (an upper bound:
    some conditional routes may never combine)."""
    graph = {
        n: possible_next(node) if node.kind != "outcome" else [] for n, node in flow.nodes.items()
    }
    count: dict[str, int] = {}
    for n in reversed(_topological(graph, flow.tree.start)):
        node = flow.nodes[n]
        count[n] = 1 if node.kind == "outcome" else sum(count.get(t, 0) for t in graph[n])
    return count.get(flow.tree.start, 0)


def _route_lengths(flow: Flow) -> tuple[int, int]:
    from wizard.engine import remaining_questions

    return remaining_questions(flow).get(flow.tree.start, (0, 0))


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
