"""Walk a flow with a fixed set of answers: for headless runs, answer files and example cases.

Information steps are passed automatically. A missing answer or one that does not fit stops the
walk with a message that names the question and the options that are allowed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError

from wizard.engine import AnswerError, Engine
from wizard.flow import Flow
from wizard.loader import validation_problems
from wizard.model import Strict
from wizard.problems import Problem, ProblemsError
from wizard.yamlsafe import YamlDoc, load_yaml_file


class AnswersFile(Strict):
    """The answers file for ``stappenplan run``: a case's ``variant`` and ``answers``."""

    tree: str | None = Field(None, description="Id van de boom (ter controle).")
    variant: str | None = None
    description: str | None = Field(None, description="Vrije toelichting; telt niet mee.")
    answers: dict[str, str | list[str] | bool]
    details: dict[str, dict[str, str | int | float]] = Field(
        default_factory=dict,
        description="Eigen woorden per vraag en optie, bv. {ruimte_vast: {budget: '€ 250.000'}}.",
    )


@dataclass
class Walk:
    engine: Engine
    stopped_at: str | None = None  # a question without a usable answer
    error: str | None = None
    unused: list[str] = field(default_factory=list)
    bad_detail: tuple[str, str] | None = None  # (question, option) whose words do not fit
    unused_details: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None


def _options_hint(node: Any) -> str:
    if node.kind in ("choice", "multi"):
        return "; kies uit: " + ", ".join(f"{o.id} ({o.label})" for o in node.options)
    return ""


def walk(
    flow: Flow, answers: dict[str, Any], details: dict[str, dict[str, Any]] | None = None
) -> Walk:
    """Answer question after question from ``answers`` until an outcome or a gap.

    ``details`` holds the user's own words per question and option; words that do not fit
    stop the walk, words at an option that is not ticked on the route are reported unused."""
    engine = Engine(flow)
    for node_id, words in (details or {}).items():
        if node_id not in flow.nodes:
            return Walk(engine, error=f"vraag '{node_id}' bestaat niet", bad_detail=(node_id, ""))
        if not isinstance(words, dict):
            return Walk(
                engine,
                error=f"schrijf bij '{node_id}' per optie de woorden, bv. budget: '€ 250.000'",
                bad_detail=(node_id, ""),
            )
        for option_id, value in words.items():
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                value = str(value)  # an amount written as a number: 250000
            try:
                engine.set_detail(node_id, option_id, value)
            except AnswerError as exc:
                return Walk(engine, error=str(exc), bad_detail=(node_id, option_id))
    engine.history.clear()
    steps = 0
    while engine.node.kind != "outcome" and steps <= len(flow.nodes):
        steps += 1
        node = engine.node
        if node.kind == "info":
            engine.answer(True)
            continue
        if node.id not in answers:
            return Walk(
                engine,
                node.id,
                f"vraag '{node.id}' is niet beantwoord: \"{node.question}\"{_options_hint(node)}",
            )
        before = engine.cursor
        try:
            engine.answer(answers[node.id])
        except AnswerError as exc:
            return Walk(engine, node.id, f"{exc}")
        if engine.cursor == before:
            return Walk(engine, node.id, f"de route stopt na vraag '{node.id}' (fout in de boom)")
    unused = [n for n in answers if n not in engine.path]
    counted = engine.route_details()
    unused_details = [
        (n, o) for n, words in engine.details.items() for o in words if o not in counted.get(n, {})
    ]
    return Walk(engine, unused=unused, unused_details=unused_details)


def load_answers(path: Path) -> tuple[AnswersFile, YamlDoc]:
    doc = load_yaml_file(path, what="antwoordbestand")
    if not isinstance(doc.data, dict):
        raise ProblemsError(
            [
                Problem(
                    doc.file,
                    1,
                    1,
                    "een antwoordbestand begint met 'answers:' (en eventueel 'variant:')",
                )
            ]
        )
    try:
        return AnswersFile.model_validate(doc.data), doc
    except ValidationError as exc:
        raise ProblemsError(validation_problems(exc, doc, AnswersFile)) from None
