"""Checking a tree grows with its size, not with its square (issue 8).

Time is not asserted (it depends on the machine); memory is, as a ratio between a tree and one
twice its size, measured with tracemalloc in the same run. ``benchmarks/`` holds the timings.
"""

from __future__ import annotations

import tracemalloc

from tests.bigtree import tree_yaml
from wizard.lint import lint
from wizard.loader import load_tree_text


def _lint_peak(questions: int, variants: int = 0) -> int:
    loaded = load_tree_text(tree_yaml(questions, variants), "groot.yaml")
    tracemalloc.start()
    try:
        report = lint(loaded)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert report.errors == [] and report.summary.proof
    return peak


def test_lint_memory_is_linear_in_the_length_of_a_chain():
    # each question may follow every earlier one; keeping those sets made this ratio about 4
    assert _lint_peak(800) / _lint_peak(400) < 2.8


def test_lint_memory_is_linear_in_questions_with_many_variants():
    # every variant is its own flow; one set of earlier questions per question and per variant
    # made this ratio about 4
    assert _lint_peak(160, 60) / _lint_peak(80, 60) < 2.8


def test_a_chain_of_ten_thousand_questions_is_checked():
    report = lint(load_tree_text(tree_yaml(10_000), "groot.yaml"))
    assert report.problems == []
    assert (report.summary.questions, report.summary.longest) == (10_000, 10_000)


def test_three_hundred_questions_with_three_thousand_variants_are_checked():
    report = lint(load_tree_text(tree_yaml(300, 3_000), "groot.yaml"))
    assert report.problems == []
    assert report.summary.variants == 3_000


def test_a_condition_that_can_never_hold_is_still_found_in_a_big_tree():
    # question 1000 reads question 1500, which only comes after it
    text = tree_yaml(2_000).replace("{question: q999, is: ja}", "{question: q1500, is: ja}")
    report = lint(load_tree_text(text, "groot.yaml"))
    assert [p.message for p in report.problems] == [
        "deze voorwaarde kan nooit waar zijn: vraag 'q1500' komt op geen enkele route vóór "
        "deze stap"
    ]


def test_a_variant_question_is_checked_in_its_own_route():
    # variant v0 replaces q0 with a question that reads q5: in its route q0 comes first
    text = tree_yaml(10, 2).replace(
        "{id: v0, name: Variant 0, nodes: [{id: q0,",
        "{id: v0, name: Variant 0, nodes: [{id: q0, routes: [{when: {question: q5, is: ja}, next: q1}],",
    )
    report = lint(load_tree_text(text, "groot.yaml"))
    assert [p.message for p in report.problems] == [
        "deze voorwaarde kan nooit waar zijn: vraag 'q5' komt op geen enkele route vóór deze stap"
    ]


def _variant_node(text: str, variant: int, node: str) -> str:
    """Give variant ``variant`` (of a tree_yaml tree) this node instead of its own."""
    start = text.index(f"{{id: v{variant}, name: Variant {variant}, nodes: [")
    end = text.index("\n", start)
    return (
        text[:start] + f"{{id: v{variant}, name: Variant {variant}, nodes: [{node}]}}" + text[end:]
    )


def test_a_cycle_only_a_variant_makes_is_found_at_the_variant_node():
    node = "{id: q3, kind: choice, question: V3?, help: Uitleg., sources: [bron], options: [{id: ja, label: Ja}, {id: nee, label: Nee}], next: q1}"
    text = _variant_node(tree_yaml(6, 4), 3, node)
    messages = [p.format() for p in lint(load_tree_text(text, "groot.yaml")).problems]
    assert messages == [
        "groot.yaml:21:39: fout: kringloop: q1 → q2 → q3 → q1. Een route mag niet terugkeren "
        "naar een eerdere stap. [variants[v3].nodes[q3]]"
    ]


def test_a_step_only_a_variant_reaches_is_not_unreachable():
    node = (
        "{id: q2, kind: choice, question: V2?, help: Uitleg., sources: [bron], options: "
        "[{id: ja, label: Ja, next: extra}, {id: nee, label: Nee}], next: q3}, "
        "{id: extra, kind: info, title: Extra, text: Alleen hier., next: q3}"
    )
    text = _variant_node(tree_yaml(6, 3), 2, node)
    report = lint(load_tree_text(text, "groot.yaml"))
    assert report.problems == [] and report.summary.proof
    # and a condition in the variant's own step reads a question before it on its route
    node = node.replace(
        "text: Alleen hier., next: q3}",
        "text: Alleen hier., routes: [{when: {question: q1, is: ja}, next: q4}], next: q3}",
    )
    report = lint(load_tree_text(_variant_node(tree_yaml(6, 3), 2, node), "groot.yaml"))
    assert report.problems == []
