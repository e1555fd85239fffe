"""Example and training cases: walk a case through its tree and test what it expects.

One mechanism for the cases written in a tree (``cases:``) and the training cases beside it
(``casuistiek/``), so ``stappenplan check`` judges both the same way and reports at the line
of the case.
"""

from __future__ import annotations

from wizard.advice import AdviceResult
from wizard.engine import Engine
from wizard.flow import UnknownVariant, resolve
from wizard.loader import problem_at
from wizard.model import Case, Expectation, Tree
from wizard.problems import Problem, did_you_mean
from wizard.render import to_markdown
from wizard.run import walk
from wizard.yamlsafe import YamlDoc

Path_ = tuple[str | int, ...]


def expectation_failures(
    advice: AdviceResult, expect: Expectation, tree: Tree
) -> list[tuple[str, str]]:
    """What in ``expect`` the advice does not meet, as (expect key, Dutch message) pairs."""
    failures: list[tuple[str, str]] = []
    if expect.outcome and advice.outcome != expect.outcome:
        failures.append(
            ("outcome", f"verwachte uitkomst '{expect.outcome}', kreeg '{advice.outcome}'")
        )
    if expect.decision and advice.decision != expect.decision:
        got = advice.decision.value if advice.decision else "geen"
        failures.append(("decision", f"verwacht besluit '{expect.decision.value}', kreeg '{got}'"))
    project = advice.project_level.level if advice.project_level else None
    if expect.level and project != expect.level:
        got = project.value if project else "geen"
        failures.append(("level", f"verwacht niveau '{expect.level.value}', kreeg '{got}'"))
    if expect.advised_level:
        advised = advice.project_level.advised or project if advice.project_level else None
        if advised != expect.advised_level:
            got = advised.value if advised else "geen"
            failures.append(
                (
                    "advised_level",
                    f"verwacht geadviseerd niveau '{expect.advised_level.value}', kreeg '{got}'",
                )
            )
    if expect.cap and advice.cap != expect.cap:
        got = advice.cap.value if advice.cap else "geen"
        failures.append(("cap", f"verwacht plafond '{expect.cap.value}', kreeg '{got}'"))
    present = {lv.level for lv in advice.levels}
    for lv in expect.levels:
        if lv not in present:
            failures.append(("levels", f"niveau '{lv.value}' komt niet voor in het advies"))
    by_subject = {lv.key: lv.level for lv in advice.subject_levels}
    for subject, level in expect.subjects.items():
        known = [s.id for s in tree.subjects]
        if subject not in known:
            failures.append(
                ("subjects", f"onbekend onderwerp '{subject}'{did_you_mean(subject, known)}")
            )
        elif subject not in by_subject:
            failures.append(("subjects", f"onderwerp '{subject}' staat niet (open) in het advies"))
        elif by_subject[subject] != level:
            failures.append(
                (
                    "subjects",
                    f"onderwerp '{subject}': verwacht '{level.value}', "
                    f"kreeg '{by_subject[subject].value}'",
                )
            )
    by_group = {lv.key: lv.level for lv in advice.group_levels}
    for group, level in expect.groups.items():
        if group not in by_group:
            failures.append(("groups", f"groep '{group}' heeft geen eigen niveau in het advies"))
        elif by_group[group] != level:
            failures.append(
                (
                    "groups",
                    f"groep '{group}': verwacht '{level.value}', kreeg '{by_group[group].value}'",
                )
            )
    if expect.werkvormen_count is not None and len(advice.werkvormen) != expect.werkvormen_count:
        failures.append(
            (
                "werkvormen_count",
                f"verwacht {expect.werkvormen_count} werkvormen in de kern, kreeg "
                f"{len(advice.werkvormen)} ({', '.join(w.key for w in advice.werkvormen)})",
            )
        )
    if expect.role and advice.role != expect.role:
        got = advice.role.value if advice.role else "geen"
        failures.append(("role", f"verwachte rol '{expect.role.value}', kreeg '{got}'"))
    werkvorm_ids = [w.id for w in tree.werkvormen]
    stakeholder_ids = [s.id for s in tree.stakeholders]
    have_w = {w.key for w in advice.werkvormen}
    anywhere_w = have_w | {w.key for w in advice.alternatives}
    have_s = {s.key for s in advice.stakeholders}
    for key, wanted, present_ids, known, what in (
        ("werkvormen", expect.werkvormen, have_w, werkvorm_ids, "werkvorm"),
        ("stakeholders", expect.stakeholders, have_s, stakeholder_ids, "belanghebbende"),
    ):
        for item in wanted:
            if item not in known:
                failures.append((key, f"onbekende {what} '{item}'{did_you_mean(item, known)}"))
            elif item not in present_ids:
                where = "in de kern van het advies" if what == "werkvorm" else "in het advies"
                failures.append((key, f"{what} '{item}' ontbreekt {where}"))
    for key, unwanted, present_ids, known, what in (
        ("not_werkvormen", expect.not_werkvormen, anywhere_w, werkvorm_ids, "werkvorm"),
        ("not_stakeholders", expect.not_stakeholders, have_s, stakeholder_ids, "belanghebbende"),
    ):
        for item in unwanted:
            if item not in known:
                failures.append((key, f"onbekende {what} '{item}'{did_you_mean(item, known)}"))
            elif item in present_ids:
                failures.append((key, f"{what} '{item}' staat in het advies maar mag niet"))
    return failures


def check_case(tree: Tree, case: Case, doc: YamlDoc, prefix: Path_ = ()) -> list[Problem]:
    """Walk one case through the tree and test its expectations; problems point into ``doc``."""
    name = f"casus '{case.id}'"
    try:
        flow = resolve(tree, case.variant)
    except UnknownVariant as exc:
        return [problem_at(doc, (*prefix, "variant"), f"{name}: {exc}")]
    result = walk(flow, case.answers)
    if not result.ok:
        where = (
            (*prefix, "answers", result.stopped_at)
            if result.stopped_at in case.answers
            else (*prefix, "answers")
        )
        return [problem_at(doc, where, f"{name}: {result.error}", key=where[-1] == "answers")]
    problems: list[Problem] = []
    engine = result.engine
    if not engine.is_complete:  # pragma: no cover - walk reports a gap first
        problems.append(
            problem_at(doc, (*prefix, "answers"), f"{name}: de route komt niet bij een uitkomst")
        )
    for node_id in result.unused:
        problems.append(
            problem_at(
                doc,
                (*prefix, "answers", node_id),
                f"{name}: het antwoord op '{node_id}' wordt op deze route niet gebruikt",
                "warning",
                key=True,
            )
        )
    for node_id in case.explanations:
        if node_id not in flow.nodes:
            known = [n for n in engine.path if flow.is_question(n)]
            problems.append(
                problem_at(
                    doc,
                    (*prefix, "explanations", node_id),
                    f"{name}: uitleg bij onbekende vraag '{node_id}'{did_you_mean(node_id, known)}",
                    key=True,
                )
            )
        elif node_id not in engine.path:
            problems.append(
                problem_at(
                    doc,
                    (*prefix, "explanations", node_id),
                    f"{name}: uitleg bij vraag '{node_id}', die niet op de route van deze casus ligt",
                    "warning",
                    key=True,
                )
            )
    for key, message in expectation_failures(engine.advice(), case.expect, tree):
        problems.append(problem_at(doc, (*prefix, "expect", key), f"{name}: {message}"))
    for key, message in text_failures(engine, case.expect):
        problems.append(problem_at(doc, (*prefix, "expect", key), f"{name}: {message}"))
    return problems


def text_failures(engine: Engine, expect: Expectation) -> list[tuple[str, str]]:
    """What the plan's text must and must not say (``says``, ``not_says``)."""
    if not expect.says and not expect.not_says:
        return []
    plan = " ".join(to_markdown(engine).lower().split())
    failures = []
    for words in expect.says:
        if " ".join(words.lower().split()) not in plan:
            failures.append(("says", f"het plan zegt nergens '{words}'"))
    for words in expect.not_says:
        if " ".join(words.lower().split()) in plan:
            failures.append(("not_says", f"het plan zegt '{words}', en dat past hier niet"))
    return failures
