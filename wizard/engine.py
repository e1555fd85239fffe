"""The wizard's state machine: an answer store plus a cursor; the route is derived from them.

Why derive the route instead of storing it: when an earlier answer changes, the route forward
is recomputed from the answers, so answers to questions still on the new route stay in place,
answers that fall off the route are *parked* (kept in the store but not counted), and they come
back by themselves when the route returns. Nothing the user typed is ever lost, and the route
can never disagree with the answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from typing import Any

from wizard.advice import AdviceResult, compose
from wizard.flow import Flow, next_node, possible_next
from wizard.model import AnswerValue
from wizard.text import one_line

# the most characters of the user's own words at one option (an amount, a date, a decision)
MAX_DETAIL = 200

Details = dict[str, dict[str, str]]  # per question id: per option id the user's own words


class AnswerError(ValueError):
    """An answer that does not fit the question; the message is for the user (Dutch)."""


@dataclass(frozen=True)
class Change:
    """One change, for undo: of an answer, or (``option`` set) of the words at an option."""

    node: str
    before: AnswerValue | None
    after: AnswerValue | None
    option: str | None = None


@dataclass(frozen=True)
class Progress:
    answered: int
    fewest_left: int
    most_left: int

    @property
    def fraction(self) -> float:
        total = self.answered + self.most_left
        return 1.0 if total == 0 else self.answered / total


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def check_answer(node: Any, value: Any) -> AnswerValue:
    """Validate and normalise an answer for a node, or raise AnswerError with a Dutch message."""
    if node.kind == "info":
        return True
    if node.kind == "choice":
        ids = [o.id for o in node.options]
        if not isinstance(value, str) or value not in ids:
            raise AnswerError(
                f"'{value}' is geen optie bij vraag '{node.id}'; kies uit: {', '.join(ids)}"
            )
        return value
    if node.kind == "multi":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise AnswerError(f"bij vraag '{node.id}' hoort een lijst van opties")
        ids = [o.id for o in node.options]
        unknown = [v for v in value if v not in ids]
        if unknown:
            raise AnswerError(
                f"'{unknown[0]}' is geen optie bij vraag '{node.id}'; kies uit: {', '.join(ids)}"
            )
        chosen = [i for i in ids if i in value]  # declaration order, no doubles
        exclusive = [o.id for o in node.options if o.exclusive and o.id in chosen]
        if exclusive and len(chosen) > 1:
            label = next(o.label for o in node.options if o.id == exclusive[0])
            raise AnswerError(f"'{label}' kan niet samen met andere keuzes")
        if len(chosen) < node.min_choices:
            raise AnswerError(f"kies er minstens {node.min_choices}")
        if node.max_choices is not None and len(chosen) > node.max_choices:
            raise AnswerError(f"kies er hoogstens {node.max_choices}")
        needed = getattr(node, "needs_one_of", None) or []
        if needed and not any(i in chosen for i in needed):
            first = [o.id for o in node.options[: len(needed)]]
            if set(first) == set(needed):  # short: the list shows them at the top
                raise AnswerError(f"vink ook minstens een van de eerste {len(needed)} opties aan")
            labels = [o.label for o in node.options if o.id in needed]
            raise AnswerError("vink ook minstens een van deze aan: " + "; ".join(labels))
        return chosen
    if node.kind == "text":
        if not isinstance(value, str):
            raise AnswerError(f"bij vraag '{node.id}' hoort tekst")
        text = value.strip()
        if node.required and not text:
            raise AnswerError("dit veld is verplicht")
        if len(text) > node.max_length:
            raise AnswerError(f"de tekst is te lang: hoogstens {node.max_length} tekens")
        return text
    raise AnswerError(f"'{node.id}' is een uitkomst; daar hoort geen antwoord bij")


def check_detail(node: Any, option_id: Any, value: Any) -> str:
    """Validate the user's own words at an option; '' means no words. Dutch AnswerError."""
    options = getattr(node, "options", None) if node.kind == "multi" else None
    if not options:
        raise AnswerError(f"bij vraag '{node.id}' kunt u geen eigen woorden geven")
    option = next((o for o in options if o.id == option_id), None)
    if option is None:
        ids = ", ".join(o.id for o in options)
        raise AnswerError(f"'{option_id}' is geen optie bij vraag '{node.id}'; kies uit: {ids}")
    if not getattr(option, "detail", None):
        with_words = [o.label for o in options if getattr(o, "detail", None)]
        hint = f"; dat kan wel bij: {'; '.join(with_words)}" if with_words else ""
        raise AnswerError(f"bij '{option.label}' kunt u geen eigen woorden geven{hint}")
    if not isinstance(value, str):
        raise AnswerError(f"de eigen woorden bij '{option.label}' moeten tekst zijn")
    text = one_line(value)
    if len(text) > MAX_DETAIL:
        raise AnswerError(
            f"de tekst bij '{option.label}' is te lang: hoogstens {MAX_DETAIL} tekens "
            f"(nu {len(text)}); maak hem korter"
        )
    return text


def fits(node: Any, value: Any) -> bool:
    try:
        check_answer(node, value)
    except AnswerError:
        return False
    return True


class Engine:
    """One user's walk through a flow."""

    def __init__(
        self,
        flow: Flow,
        answers: dict[str, AnswerValue] | None = None,
        cursor: str | None = None,
        details: Details | None = None,
    ):
        self.flow = flow
        self.answers: dict[str, AnswerValue] = dict(answers or {})
        # the user's own words per question and option: kept when the option is unticked or the
        # question leaves the route (like parked answers); they count only while both hold
        self.details: Details = {n: dict(words) for n, words in (details or {}).items() if words}
        self.history: list[Change] = []
        self.created = now_iso()
        self.updated = self.created
        self._path: list[str] | None = None
        self.cursor = flow.tree.start
        if cursor is not None and cursor in self.path:
            self.cursor = cursor
        elif answers:
            self.cursor = self.path[-1]

    # --- the route ------------------------------------------------------------------------

    @property
    def path(self) -> list[str]:
        """Nodes on the route: from the start through answered nodes to the frontier."""
        if self._path is None:
            self._path = self._derive_path()
        return self._path

    def _derive_path(self) -> list[str]:
        nodes = self.flow.nodes
        node_id = self.flow.tree.start
        path = [node_id]
        known: dict[str, AnswerValue] = {}
        while node_id in nodes:
            node = nodes[node_id]
            if node.kind == "outcome" or node_id not in self.answers:
                break
            if not fits(node, self.answers[node_id]):
                break
            known[node_id] = self.answers[node_id]
            target = next_node(self.flow, node, known)
            if target is None or target not in nodes or target in path:
                break  # a broken tree; lint reports it, the walk stops safely
            path.append(target)
            node_id = target
        return path

    def _changed(self) -> None:
        self._path = None
        self.updated = now_iso()

    @property
    def node(self) -> Any:
        return self.flow.node(self.cursor)

    @property
    def frontier(self) -> str:
        return self.path[-1]

    @property
    def is_complete(self) -> bool:
        return self.flow.node(self.frontier).kind == "outcome"

    @property
    def at_outcome(self) -> bool:
        return self.node.kind == "outcome"

    def parked(self) -> dict[str, AnswerValue]:
        """Answers kept aside because their question is not on the current route."""
        on_route = set(self.path)
        return {n: v for n, v in self.answers.items() if n not in on_route}

    def current_answer(self) -> AnswerValue | None:
        return self.answers.get(self.cursor)

    def detail(self, node_id: str, option_id: str) -> str | None:
        """The user's own words at an option (kept even when it is not ticked), or None."""
        return self.details.get(node_id, {}).get(option_id)

    def route_details(self) -> Details:
        """The words that count: at ticked options of questions on the route."""
        out: Details = {}
        for node_id in self.path:
            value = self.answers.get(node_id)
            words = self.details.get(node_id)
            if words and isinstance(value, list):
                ticked = {o: w for o, w in words.items() if o in value}
                if ticked:
                    out[node_id] = ticked
        return out

    def set_detail(self, node_id: str, option_id: str, value: Any) -> str:
        """Keep the user's own words at an option of a question ('' removes them); the answer
        itself is not changed. Returns the words as kept. Raises AnswerError (Dutch)."""
        node = self.flow.nodes.get(node_id)
        if node is None:
            raise AnswerError(f"vraag '{node_id}' bestaat niet")
        text = check_detail(node, option_id, value)
        before = self.detail(node_id, option_id)
        after = text or None
        if before != after:
            self.history.append(Change(node_id, before, after, option_id))
            self._put_detail(node_id, option_id, after)
            self._changed()
        return text

    def _put_detail(self, node_id: str, option_id: str, words: str | None) -> None:
        if words:
            self.details.setdefault(node_id, {})[option_id] = words
            return
        kept = self.details.get(node_id, {})
        kept.pop(option_id, None)
        if not kept:
            self.details.pop(node_id, None)

    # --- moving ---------------------------------------------------------------------------

    def answer(self, value: Any) -> str:
        """Answer the question at the cursor, then move to the next step. Returns its id."""
        node = self.node
        clean = check_answer(node, value)
        self._check_within_cap(node, clean)
        before = self.answers.get(node.id)
        if before != clean:
            self.history.append(Change(node.id, before, clean))
            self.answers[node.id] = clean
            self._changed()
        path = self.path
        index = path.index(node.id)
        if index + 1 < len(path):
            self.cursor = path[index + 1]
        self.updated = now_iso()
        return self.cursor

    def _check_within_cap(self, node: Any, value: AnswerValue) -> None:
        """A level of one's own above the cap is refused when it is chosen, not found out in the
        plan: the user then still has the question in front of him."""
        if node.kind != "choice":
            return
        option = next((o for o in node.options if o.id == value), None)
        chosen = option.advice.chosen_level if option and option.advice else None
        if chosen is None:
            return
        cap = self.advice_before(node.id).cap
        if cap is not None and chosen.level.rank > cap.rank:
            raise AnswerError(
                f"hoger dan {cap.value} kan niet: dat is het plafond van dit plan. "
                f"Kies {cap.value} of lager, of neem het advies over."
            )

    def back(self) -> bool:
        """Go to the previous step on the route; its answer stays filled in."""
        index = self.path.index(self.cursor)
        if index == 0:
            return False
        self.cursor = self.path[index - 1]
        return True

    def goto(self, node_id: str) -> None:
        """Jump to a step on the route (for the review screen)."""
        if node_id not in self.path:
            raise AnswerError(f"'{node_id}' ligt niet op de huidige route")
        self.cursor = node_id

    def can_undo(self) -> bool:
        return bool(self.history)

    def undo(self) -> Change | None:
        """Undo the last change of an answer and put the cursor on that question."""
        if not self.history:
            return None
        change = self.history.pop()
        if change.option is not None:
            self._put_detail(change.node, change.option, change.before)  # type: ignore[arg-type]
        elif change.before is None:
            self.answers.pop(change.node, None)
        else:
            self.answers[change.node] = change.before
        self._changed()
        self.cursor = change.node if change.node in self.path else self.frontier
        return change

    def restart(self) -> None:
        self.answers.clear()
        self.details.clear()
        self.history.clear()
        self._changed()
        self.cursor = self.flow.tree.start

    # --- what the user sees -----------------------------------------------------------------

    def progress(self) -> Progress:
        """Questions answered on the route before the cursor, and the fewest/most to come."""
        index = self.path.index(self.cursor)
        answered = sum(1 for n in self.path[:index] if self.flow.is_question(n))
        fewest, most = self._remaining[self.cursor]
        return Progress(answered, fewest, most)

    @cached_property
    def _remaining(self) -> dict[str, tuple[int, int]]:
        return remaining_questions(self.flow)

    def advice(self) -> AdviceResult:
        return compose(self.flow, self.path, self.answers, self.details)

    def advice_before(self, node_id: str) -> AdviceResult:
        """The advice from the answers before ``node_id`` on the route: what a question that
        previews the advice shows, unchanged by its own answer."""
        path = self.path
        cut = path.index(node_id) if node_id in path else len(path)
        return compose(self.flow, path[:cut], self.answers, self.details)


def remaining_questions(flow: Flow) -> dict[str, tuple[int, int]]:
    """For each node: the fewest and most questions from it (inclusive) to an outcome.

    Computed once per flow over every possible edge. Cycles (which lint forbids) count as no
    further questions, so a broken tree still gives a number instead of hanging.
    """
    memo: dict[str, tuple[int, int]] = {}
    visiting: set[str] = set()

    def walk(node_id: str) -> tuple[int, int]:
        if node_id in memo:
            return memo[node_id]
        if node_id not in flow.nodes or node_id in visiting:
            return (0, 0)
        visiting.add(node_id)
        node = flow.nodes[node_id]
        here = 1 if flow.is_question(node_id) else 0
        targets = [] if node.kind == "outcome" else possible_next(node)
        if targets:
            results = [walk(t) for t in targets]
            fewest = min(r[0] for r in results)
            most = max(r[1] for r in results)
        else:
            fewest = most = 0
        visiting.discard(node_id)
        memo[node_id] = (here + fewest, here + most)
        return memo[node_id]

    import sys

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 4 * len(flow.nodes) + 100))
    try:
        for node_id in flow.nodes:
            walk(node_id)
    finally:
        sys.setrecursionlimit(limit)
    return memo
