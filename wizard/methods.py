"""Choosing werkvormen: a short core that fits the case, plus alternatives, never a pile.

Answers, rules and the variant *suggest* werkvormen (each with its reason), and may mark a
suggestion ``core: true`` when the purpose calls for it (method follows purpose). The named
belanghebbenden say which werkvormen reach them (``werkvormen:`` in the stakeholder
catalogue). From that, and from the catalogue's own facts (levels, scale, effort, low
threshold), the engine chooses:

1. **Filters** (hard): a werkvorm named under ``avoid_werkvormen`` never appears, nor one marked
   ``only_when_suggested`` that nothing suggests and that reaches no named group; no werkvorm
   whose lowest level is above the advised project level (or, for a werkvorm that reaches a
   named group, above that group's own level); none that does not fit the scale of
   the plan (``scale``) or costs more effort than allowed (``max_effort``).
2. **Core**, at most ``settings.core_werkvormen`` (5), filled in this order:

   a. one informing base layer, if the route suggests one;
   b. at most two suggestions marked ``core`` (what the purpose asks for): those that fit the
      project level first, and process methods before low-threshold ones (step d);
   c. for every advised level (project, subjects, categories of groups; highest first) that
      no chosen werkvorm fits yet, the best suggested werkvorm for it, else the best from the
      catalogue;
   d. inclusion: a low-threshold werkvorm when hard-to-reach groups are named, then
      werkvormen that reach named groups with their own (the one that reaches most first);
   e. the best remaining suggestions.
3. **Alternatives**: the next best werkvormen that the route suggests, that reach a named
   group or (when there is participation) that fit an advised level, at most
   ``settings.alternative_werkvormen`` (3).

Within a step, the score decides: suggested +5 (+1 for each further suggestion, at most +2),
fits an advised level +2 and the project level +2 more; effort laag +1, and hoog -1 unless the
project level is coproduceren or higher (intensive levels need intensive methods). For
inclusion, each named group a werkvorm reaches counts +2 (at most +4), and a low threshold +2
when hard-to-reach groups are named. Ties keep catalogue order, so the choice is stable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from wizard.model import Level, Stakeholder, StakeholderCategory, Werkvorm
from wizard.reasons import Reason
from wizard.text import join_names

_GRADES = ("laag", "midden", "hoog")
_MARKED_MAX = 2
_INCLUSIVE = (StakeholderCategory.moeilijk_bereikbaar, StakeholderCategory.stil_belang)


@dataclass
class Chosen:
    """The werkvormen advice: what the plan proposes, what else fits, what fell off and why."""

    core: list[Any] = field(default_factory=list)  # advice.Item
    alternatives: list[Any] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (werkvorm id, why not)


class _Chooser:
    def __init__(
        self,
        catalogue: list[Werkvorm],
        suggested: Mapping[str, Any],
        avoided: set[str],
        levels: list[Any],
        project: Level,
        named: Mapping[str, Stakeholder],
        scale: str | None,
        max_effort: str | None,
    ):
        self.catalogue = catalogue
        self.order = {w.id: i for i, w in enumerate(catalogue)}
        self.suggested = suggested
        self.advised = {lv.level for lv in levels}
        self.project = project
        self.named = named
        self.hard_to_reach = [
            s for s in named.values() if s.category is StakeholderCategory.moeilijk_bereikbaar
        ]
        self.group_level = {lv.key: lv.level for lv in levels if lv.kind == "group"}
        self.reached_by: dict[str, list[str]] = {}
        for s in named.values():
            for wid in s.werkvormen:
                self.reached_by.setdefault(wid, []).append(s.id)
        self.dropped: list[tuple[str, str]] = []
        self.allowed: list[Werkvorm] = []
        for w in catalogue:
            if w.id in avoided:
                continue
            if w.only_when_suggested and w.id not in suggested and w.id not in self.reached_by:
                continue
            why_not = self._why_not(w, scale, max_effort)
            if why_not:
                if w.id in suggested:
                    self.dropped.append((w.id, why_not))
                continue
            self.allowed.append(w)

    def _why_not(self, w: Werkvorm, scale: str | None, max_effort: str | None) -> str | None:
        lowest = min(w.levels, key=lambda lv: lv.rank)
        # a werkvorm for one named group may go as high as that group's own level
        ceiling = max(
            [self.project.rank]
            + [
                self.group_level[g].rank
                for g in self.reached_by.get(w.id, [])
                if g in self.group_level
            ]
        )
        if lowest.rank > ceiling:
            return f"past pas vanaf {lowest.value}, en het advies is {self.project.value}"
        if scale and w.scale and scale not in w.scale:
            return f"past niet bij de schaal ({scale})"
        if max_effort and _GRADES.index(w.effort) > _GRADES.index(max_effort):
            return f"vraagt meer inspanning ({w.effort}) dan hier past"
        return None

    def fit(self, w: Werkvorm) -> int:
        """How well a werkvorm fits the case as a process: suggestions, levels, effort."""
        score = 0
        item = self.suggested.get(w.id)
        if item is not None:
            score += 5 + min(2, len(item.reasons) - 1)
        if self.advised & set(w.levels):
            score += 2
        if self.project in w.levels:
            score += 2
        if w.effort == "laag":
            score += 1
        elif w.effort == "hoog" and self.project.rank < Level.coproduceren.rank:
            score -= 1
        return score

    def reach(self, w: Werkvorm) -> int:
        """How well a werkvorm includes the named groups that do not come by themselves."""
        score = self.fit(w) + min(4, 2 * len(self.reached_by.get(w.id, [])))
        if w.low_threshold and self.hard_to_reach:
            score += 2
        return score

    def best(
        self, pool: Iterable[Werkvorm], taken: list[Werkvorm], key: Callable[[Werkvorm], int]
    ) -> Werkvorm | None:
        options = [w for w in pool if w not in taken]
        if not options:
            return None
        return max(options, key=lambda w: (key(w), -self.order[w.id]))


def choose(
    catalogue: list[Werkvorm],
    suggested: Mapping[str, Any],
    avoided: set[str],
    levels: list[Any],
    project: Level,
    named: Mapping[str, Stakeholder],
    named_items: Mapping[str, Any],
    *,
    scale: str | None,
    max_effort: str | None,
    marked_core: set[str],
    core_max: int,
    alternatives_max: int,
    make_item: Callable[[str, str], Any],
) -> Chosen:
    """Choose the core and the alternatives; see the module docstring for the order.

    ``suggested`` maps werkvorm ids to the advice items that suggested them (with reasons);
    ``marked_core`` holds the ids a suggestion marked ``core``; ``levels`` are the advised
    levels (project, subjects, groups); ``named`` the stakeholders in the advice and
    ``named_items`` their advice items (for the reasons); ``make_item(key, name)`` makes a new
    advice item.
    """
    ch = _Chooser(catalogue, suggested, avoided, levels, project, named, scale, max_effort)
    taken: list[Werkvorm] = []
    notes: dict[str, list[tuple[str, tuple[Reason, ...]]]] = {}

    def take(w: Werkvorm | None, note: str | None = None, reasons: Iterable[Reason] = ()) -> None:
        if w is None or len(taken) >= core_max or w in taken:
            return
        taken.append(w)
        if note:
            notes.setdefault(w.id, []).append((note, tuple(reasons)))

    # a. an informing base layer, when the route suggests one
    base = [w for w in ch.allowed if set(w.levels) == {Level.informeren} and w.id in suggested]
    take(ch.best(base, taken, ch.fit))

    # b. what the purpose asks for: first what fits the project level, and process methods
    # before low-threshold ones (step d chooses those for the groups they reach)
    marked = [w for w in ch.allowed if w.id in marked_core and w.id in suggested]
    for _ in range(_MARKED_MAX):
        take(
            ch.best(
                marked,
                taken,
                lambda w: (project in w.levels) * 100 + (not w.low_threshold) * 50 + ch.fit(w),
            )
        )

    # c. a werkvorm for every advised level above informeren that nothing chosen fits yet
    # (a single group's level is left to inclusion, which chooses a werkvorm that reaches it)
    by_level: dict[Level, list[Any]] = {}
    for lv in levels:
        if lv.level is not Level.informeren and lv.kind != "group":
            by_level.setdefault(lv.level, []).append(lv)
    for level in sorted(by_level, key=lambda lv: lv.rank, reverse=True):
        if any(level in w.levels for w in taken):
            continue
        fitting = [w for w in ch.allowed if level in w.levels]
        preferred = [w for w in fitting if w.id in suggested]
        pick = ch.best(preferred or fitting, taken, ch.fit)
        if pick is not None and pick.id not in suggested:
            whom = join_names(lv.name.lower() for lv in by_level[level])
            reasons = [r for lv in by_level[level] for r in lv.reasons[:1]]
            take(pick, f"Past bij {level.value} ({whom}).", reasons)
        else:
            take(pick)

    # d. inclusion: a low threshold for hard-to-reach groups, then the groups' own werkvormen
    if ch.hard_to_reach and not any(w.low_threshold for w in taken):
        pick = ch.best([w for w in ch.allowed if w.low_threshold], taken, ch.reach)
        if pick is not None:
            reached = [s for s in ch.hard_to_reach if pick.id in s.werkvormen] or ch.hard_to_reach
            whom = join_names(s.name.lower() for s in reached)
            reasons = [r for s in reached for r in named_items[s.id].reasons[:1]]
            take(pick, f"Laagdrempelig. Zo doen ook deze groepen mee: {whom.lower()}.", reasons)
    group_level = {lv.key: lv.level for lv in levels if lv.kind == "group"}

    def unreached() -> list[Stakeholder]:
        out = []
        for sid, s in ch.named.items():
            own = [w for w in ch.allowed if w.id in s.werkvormen]
            if sid in group_level:
                own = [w for w in own if min(lv.rank for lv in w.levels) <= group_level[sid].rank]
            if own and not any(w in taken for w in own):
                out.append(s)
        return out

    while len(taken) < core_max:
        waiting = unreached()
        if not waiting:
            break
        pool = [w for w in ch.allowed if any(w.id in s.werkvormen for s in waiting)]

        def covers(w: Werkvorm, waiting: list[Stakeholder] = waiting) -> int:
            return 10 * sum(w.id in s.werkvormen for s in waiting) + ch.reach(w)

        pick = ch.best(pool, taken, covers)
        if pick is None:
            break
        reached = [s for s in waiting if pick.id in s.werkvormen]
        reasons = [r for s in reached for r in named_items[s.id].reasons[:1]]
        take(pick, f"Bereikt {join_names(s.name.lower() for s in reached)}.", reasons)

    # e. the best remaining suggestions
    rest = [w for w in ch.allowed if w.id in suggested]
    while len(taken) < core_max:
        pick = ch.best(rest, taken, ch.fit)
        if pick is None:
            break
        take(pick)

    core = [_item(w, suggested, notes, make_item) for w in taken]
    # alternatives: what the route suggests or reaches a named group, and, when there is
    # participation, what fits an advised level
    participation = project is not Level.informeren
    pool = [
        w
        for w in ch.allowed
        if w not in taken
        and (
            w.id in suggested
            or w.id in ch.reached_by
            or (participation and ch.advised & set(w.levels) - {Level.informeren})
        )
    ]
    alternatives: list[Werkvorm] = []
    while len(alternatives) < alternatives_max:
        pick = ch.best(pool, taken + alternatives, ch.reach)
        if pick is None:
            break
        alternatives.append(pick)
    alt_items = []
    for w in alternatives:
        item = suggested.get(w.id)
        if item is None:
            item = make_item(w.id, w.name)
            whom = [ch.named[sid].name.lower() for sid in ch.reached_by.get(w.id, [])]
            fits = [lv.value for lv in w.levels if lv in ch.advised]
            note = f"Bereikt {join_names(whom)}." if whom else f"Past ook bij {join_names(fits)}."
            item.add(note, Reason("setting", "Uit de catalogus van werkvormen", tuple(w.sources)))
        alt_items.append(item)
    return Chosen(core, alt_items, ch.dropped)


def _item(
    w: Werkvorm,
    suggested: Mapping[str, Any],
    notes: Mapping[str, list[tuple[str, tuple[Reason, ...]]]],
    make_item: Callable[[str, str], Any],
) -> Any:
    item = suggested.get(w.id) or make_item(w.id, w.name)
    for note, reasons in notes.get(w.id, []):
        if not reasons:
            reasons = (Reason("setting", "Uit de catalogus van werkvormen", tuple(w.sources)),)
        for r in reasons:
            item.add(note, r)
    return item
