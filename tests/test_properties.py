"""Property tests: generated trees and random sequences of answer/back/change/undo.

Whatever a user does, the route stays consistent with the answers, no answer is ever lost (only
an explicit undo takes one back), and every walk ends in an outcome or at an open question.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.engine import Engine
from wizard.flow import next_node, resolve
from wizard.model import Tree


@st.composite
def trees(draw: st.DrawFn) -> Tree:
    """A random acyclic tree: questions in order, each leading only to later nodes."""
    n_questions = draw(st.integers(min_value=1, max_value=8))
    n_outcomes = draw(st.integers(min_value=1, max_value=3))
    ids = [f"q{i}" for i in range(n_questions)] + [f"uit{i}" for i in range(n_outcomes)]
    nodes: list[dict[str, Any]] = []
    for i in range(n_questions):
        later = ids[i + 1 :]
        kind = draw(st.sampled_from(["choice", "multi", "text", "info"]))
        node: dict[str, Any] = {"id": ids[i], "kind": kind, "next": draw(st.sampled_from(later))}
        if kind == "info":
            node |= {"title": "Info", "text": "Lees dit."}
        else:
            node |= {"question": f"Vraag {i}?"}
        if kind in ("choice", "multi"):
            n_opts = draw(st.integers(min_value=2, max_value=4))
            options = []
            for j in range(n_opts):
                opt: dict[str, Any] = {"id": f"o{j}", "label": f"Optie {j}"}
                if kind == "choice" and draw(st.integers(0, 3)) > 0:
                    opt["next"] = draw(st.sampled_from(later))
                options.append(opt)
            node["options"] = options
        earlier = [n for n in nodes if n["kind"] in ("choice", "multi")]
        if earlier and draw(st.integers(0, 3)) > 0:
            ref = draw(st.sampled_from(earlier))
            option = draw(st.sampled_from(ref["options"]))["id"]
            cond = (
                {"question": ref["id"], "is": option}
                if ref["kind"] == "choice"
                else {"question": ref["id"], "has": option}
            )
            node["routes"] = [{"when": cond, "next": draw(st.sampled_from(later))}]
        nodes.append(node)
    for i in range(n_outcomes):
        nodes.append(
            {"id": f"uit{i}", "kind": "outcome", "title": f"Uitkomst {i}", "text": "Klaar."}
        )
    return Tree.model_validate(
        {
            "format": 1,
            "id": "gen",
            "title": "Gegenereerd",
            "description": "Een gegenereerde boom.",
            "start": "q0",
            "nodes": nodes,
        }
    )


def valid_answer(draw: st.DrawFn, node: Any) -> Any:
    if node.kind == "choice":
        return draw(st.sampled_from([o.id for o in node.options]))
    if node.kind == "multi":
        return draw(st.lists(st.sampled_from([o.id for o in node.options]), unique=True))
    if node.kind == "text":
        return draw(st.text(alphabet="abc xyz", min_size=1, max_size=10).filter(str.strip))
    return True


def check_invariants(engine: Engine, given_answers: dict[str, Any]) -> None:
    flow = engine.flow
    path = engine.path
    assert path[0] == flow.tree.start
    assert engine.cursor in path
    assert len(set(path)) == len(path)
    known: dict[str, Any] = {}
    for here, there in zip(path, path[1:], strict=False):
        assert here in engine.answers
        known[here] = engine.answers[here]
        assert next_node(flow, flow.node(here), known) == there
    last = flow.node(path[-1])
    assert last.kind == "outcome" or path[-1] not in engine.answers
    # nothing lost: the store holds exactly what the user last gave for each question
    assert engine.answers == given_answers


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_random_sessions_keep_every_answer_and_a_consistent_route(data):
    tree = data.draw(trees())
    engine = Engine(resolve(tree))
    given_answers: dict[str, Any] = {}
    undo_stack: list[tuple[str, Any]] = []
    for _ in range(data.draw(st.integers(min_value=1, max_value=30))):
        action = data.draw(st.sampled_from(["answer", "answer", "change", "back", "goto", "undo"]))
        if action == "change":
            engine.goto(data.draw(st.sampled_from(engine.path)))
            action = "answer"
        if action == "answer" and engine.node.kind != "outcome":
            node = engine.node
            value = data.draw(st.composite(lambda d, node=node: valid_answer(d, node))())
            before = given_answers.get(node.id)
            engine.answer(value)
            stored = engine.answers[node.id]
            if before != stored:
                undo_stack.append((node.id, before))
            given_answers[node.id] = stored
        elif action == "back":
            engine.back()
        elif action == "goto":
            engine.goto(data.draw(st.sampled_from(engine.path)))
        elif action == "undo" and undo_stack:
            node_id, before = undo_stack.pop()
            change = engine.undo()
            assert change is not None and change.node == node_id
            if before is None:
                given_answers.pop(node_id, None)
            else:
                given_answers[node_id] = before
        check_invariants(engine, given_answers)


@settings(max_examples=120, deadline=None)
@given(st.data())
def test_every_walk_ends_in_an_outcome(data):
    tree = data.draw(trees())
    engine = Engine(resolve(tree))
    for _ in range(len(tree.nodes) + 1):
        if engine.node.kind == "outcome":
            break
        node = engine.node
        engine.answer(data.draw(st.composite(lambda d, node=node: valid_answer(d, node))()))
    assert engine.is_complete and engine.node.kind == "outcome"
    progress = engine.progress()
    assert progress.fewest_left == progress.most_left == 0
