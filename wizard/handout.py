"""A handout for trainees: a case's story, its reference route with the why of each answer,
the lesson with do's and don'ts, and the advice the route leads to (as the wizard exports it)."""

from __future__ import annotations

from datetime import date

from wizard.compare import reference_walk, route_steps
from wizard.flow import Flow
from wizard.model import Case, Tree
from wizard.render import to_markdown
from wizard.text import clean, md_text

_md = md_text  # tree text is text, in the handout as in the plan


def _demote(markdown: str) -> str:
    """Push every heading one level down, so an export fits under a handout's own headings."""
    out = []
    for line in markdown.splitlines():
        out.append("#" + line if line.startswith("#") else line)
    return "\n".join(out)


def handout_markdown(
    tree_or_flow: Tree | Flow,
    case: Case,
    *,
    today: date | None = None,
    with_answers: bool = True,
) -> str:
    """Markdown for trainees about one case.

    With ``with_answers=False`` it is an exercise sheet: the story and the questions on the
    reference route, without the answers, the lesson or the advice.
    """
    result = reference_walk(tree_or_flow, case)
    engine = result.engine
    flow = engine.flow
    lines = [f"# Casus: {_md(case.name)}", ""]
    meta = f"Beslisboom “{_md(flow.tree.title)}”"
    if flow.variant:
        meta += f", variant {_md(flow.variant.name)}"
    lines += [f"_{meta}._", "", "## Het verhaal", "", _paragraphs(case.description), ""]

    steps = route_steps(engine)
    if not with_answers:
        lines += ["## Uw antwoorden", ""]
        for i, step in enumerate(steps, 1):
            indent = " " * len(f"{i}. ")
            lines += [f"{i}. **{_md(step.question)}**", "", f"{indent}Uw antwoord: …", ""]
        return clean("\n".join(lines).rstrip() + "\n")

    lines += ["## De referentieroute", ""]
    if not result.ok:
        lines += [f"> **Let op:** deze casus past niet (meer) bij de boom: {_md(result.error)}", ""]
    for i, step in enumerate(steps, 1):
        indent = " " * len(f"{i}. ")  # continuation lines line up with the item's text
        lines.append(f"{i}. **{_md(step.question)}**  ")
        lines.append(f"{indent}Antwoord: {_md(step.label)}  ")
        why = case.explanations.get(step.node)
        if why:
            lines.append(f"{indent}*Waarom:* {_md(why)}")
        else:
            lines[-1] = lines[-1].rstrip()
        lines.append("")
    advice = engine.advice()

    if case.lesson:
        lines += ["## Wat deze casus leert", "", _md(case.lesson.text), ""]
        if case.lesson.dos:
            lines += ["### Doen", ""] + [f"- {_md(d)}" for d in case.lesson.dos] + [""]
        if case.lesson.donts:
            lines += ["### Niet doen", ""] + [f"- {_md(d)}" for d in case.lesson.donts] + [""]

    # the advice as the wizard exports it, one heading level down ("## Participatieplan ...")
    lines.append(_demote(to_markdown(engine, advice, today=today)))
    return clean("\n".join(lines).rstrip() + "\n")


def _paragraphs(text: str) -> str:
    """A multi-paragraph text as Markdown paragraphs of plain text."""
    return "\n\n".join(_md(p) for p in text.strip().split("\n\n") if p.strip())
