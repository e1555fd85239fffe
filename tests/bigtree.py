"""Generated trees for scale tests and benchmarks: long chains and many variants.

The shapes are the ones that used to make the linter quadratic: every question may be preceded by
every earlier one (a chain, each question with a route reading the one before), and every
variant replaces a node (so each variant is its own flow).
"""

from __future__ import annotations


def _question(i: int, questions: int) -> str:
    nxt = f"q{i + 1}" if i + 1 < questions else "einde"
    route = f" routes: [{{when: {{question: q{i - 1}, is: ja}}, next: {nxt}}}]," if i else ""
    return (
        f"{{id: q{i}, kind: choice, question: V{i}?, help: Uitleg., sources: [bron],"
        f" options: [{{id: ja, label: Ja}}, {{id: nee, label: Nee}}],{route} next: {nxt}}}"
    )


def tree_yaml(questions: int, variants: int = 0) -> str:
    """A chain of ``questions`` choice questions ending in one outcome, with ``variants``
    variants that each replace one question (spread over the chain)."""
    lines = [
        "format: 1",
        "id: groot",
        "title: Grote proefboom",
        "description: Een gegenereerde boom om schaal te meten.",
        "start: q0",
        "sources:",
        "  - id: bron",
        "    title: Een bron",
        "nodes:",
    ]
    lines += [f"  - {_question(i, questions)}" for i in range(questions)]
    lines.append("  - {id: einde, kind: outcome, title: Klaar, text: Dit is het einde.}")
    if variants:
        lines.append("variants:")
    for v in range(variants):
        lines.append(
            f"  - {{id: v{v}, name: Variant {v}, nodes: [{_question(v % questions, questions)}]}}"
        )
    return "\n".join(lines) + "\n"
