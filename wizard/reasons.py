"""Why a part of the advice is there: shared by the advice, level and werkvorm modules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Reason:
    """The answer, rule, outcome or setting behind a part of the advice, with its sources."""

    kind: str  # "answer", "outcome", "rule", "variant", "setting"
    text: str
    sources: tuple[str, ...] = ()
    node: str | None = None
    answer: str | None = None
    rule: str | None = None
    after: tuple[str, ...] = ()  # an outcome: the answers that led to it ("vraag — antwoord")
    detail: str | None = None  # an answer: the user's own words at that option

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "node": self.node,
            "answer": self.answer,
            "rule": self.rule,
            "after": list(self.after),
            "detail": self.detail,
            "sources": [str(s) for s in self.sources],
            "citations": [{"id": str(s), "at": getattr(s, "at", None)} for s in self.sources],
        }
