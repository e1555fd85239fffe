"""The advised level on the participatieladder: per subject, per group, and for the project.

The tree does not ask the user which level to give; it derives it from facts, as data a
municipality can edit (``docs/tree-format.md``, "Niveau"):

- **Contributions**: an answer, rule, outcome or variant adds ``{level, why}`` for the project
  (every open subject), for one ``subject``, one ``group`` or ``category`` of belanghebbenden,
  or a free ``topic``. Per target the highest contribution wins.
- **Subjects** (``subjects:`` in the tree) are the parts of the plan that can be open: each
  open subject gets its own level, at most its ``max_level`` (the fixed part: informeren).
  With several subjects in different phases, this is the level per phase.
- **Caps** (``level_cap``) are rules, not hints: the lowest cap that applies limits every level
  (or one subject's). A capped level says so, and what it would have been.
- **The project level** is the highest subject level (or, without subjects, the highest
  contribution); the variant's ``level_floor`` raises it when the decision is to participate.
- **Groups** get a level only when the user named them, never above the project level.
- **Deviation**: a ``chosen_level`` (the user's own choice) replaces the advised project level,
  still within the caps and the floor; the advice keeps the advised level and the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from wizard.flow import Flow, holds
from wizard.model import Advice, Decision, Level
from wizard.reasons import Reason
from wizard.text import join_names

LEVEL_LABELS = {
    Level.informeren: "Informeren",
    Level.raadplegen: "Raadplegen",
    Level.adviseren: "Adviseren",
    Level.coproduceren: "Coproduceren",
    Level.meebeslissen: "Meebeslissen",
}
PROJECT_LEVEL_NAME = "Het traject als geheel"
CATEGORY_NAMES = {
    "direct": "Direct betrokkenen",
    "georganiseerd": "Georganiseerde partijen",
    "overheid": "Andere overheden",
    "intern": "Binnen de gemeente",
    "publiek": "Het brede publiek",
    "moeilijk-bereikbaar": "Moeilijk bereikbare groepen",
    "stil-belang": "Stille belangen",
}


@dataclass
class LevelAdvice:
    """One advised level with every reason for it."""

    level: Level
    kind: str = "project"  # project, subject, group, category, topic
    key: str | None = None
    name: str = PROJECT_LEVEL_NAME
    phase: str | None = None
    why: list[str] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)
    capped: bool = False
    floored: bool = False
    advised: Level | None = None  # set when the user chose another level than the advice
    deviation_reason: str | None = None
    members: list[str] = field(default_factory=list)  # a category: the groups named in it
    beyond_cap: bool = False  # a fixed role (ignores_cap) keeps this level above the cap

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self.level]

    @property
    def deviated(self) -> bool:
        return self.advised is not None and self.advised != self.level

    # kept for readers of the older shape (compare, JSON): group id and topic text
    @property
    def group(self) -> str | None:
        return self.key if self.kind in ("group", "category") else None

    @property
    def topic(self) -> str | None:
        return self.key if self.kind in ("topic", "subject") else None


@dataclass
class _Contribution:
    level: Level
    why: str | None
    reason: Reason
    ignores_cap: bool = False


@dataclass
class _Cap:
    level: Level
    why: str
    reason: Reason
    subject: str | None


@dataclass
class LevelsResult:
    project: LevelAdvice
    subjects: list[LevelAdvice]
    groups: list[LevelAdvice]
    cap: Level | None
    warnings: list[tuple[str, str, Reason]]  # (key, text, reason)


class LevelComposer:
    """Gathers level contributions, caps and the user's own choice, then decides."""

    def __init__(self, flow: Flow):
        self.flow = flow
        self.contributions: dict[tuple[str, str | None], list[_Contribution]] = {}
        self.caps: list[_Cap] = []
        self.chosen: tuple[Level, str | None, Reason] | None = None

    def add(self, advice: Advice, reason_for: Callable[[Iterable[str]], Reason]) -> None:
        for lv in advice.levels:
            if lv.subject:
                target = ("subject", lv.subject)
            elif lv.group:
                target = ("group", lv.group)
            elif lv.category:
                target = ("category", lv.category.value)
            elif lv.topic:
                target = ("topic", lv.topic)
            else:
                target = ("project", None)
            self.contributions.setdefault(target, []).append(
                _Contribution(lv.level, lv.why, reason_for(lv.sources), lv.ignores_cap)
            )
        if advice.level_cap:
            cap = advice.level_cap
            reason = reason_for(cap.sources)
            for subject in cap.subjects or [cap.subject]:
                self.caps.append(_Cap(cap.level, cap.why, reason, subject))
        if advice.chosen_level:
            # the last choice on the route counts, like a role
            self.chosen = (
                advice.chosen_level.level,
                advice.chosen_level.reason_from,
                reason_for(()),
            )

    # --- deciding --------------------------------------------------------------------------

    def _best(self, contributions: list[_Contribution], into: LevelAdvice) -> LevelAdvice:
        top = max(c.level.rank for c in contributions)
        for c in contributions:
            if c.level.rank == top:
                into.level = c.level
                if c.why and c.why not in into.why:
                    into.why.append(c.why)
                if c.reason not in into.reasons:
                    into.reasons.append(c.reason)
        return into

    def _cap(self, lv: LevelAdvice, level: Level, why: str, reason: Reason) -> None:
        if lv.level.rank <= level.rank:
            return
        # the answers' own reasons no longer explain the level shown: say what happened
        lv.why = [why, f"Zonder deze grens was het {lv.level.value}."]
        lv.level = level
        lv.capped = True
        lv.reasons.append(reason)

    def _lowest_cap(self, subject: str | None) -> _Cap | None:
        """The lowest cap for a subject; for ``None`` (the traject, groups) only the caps that
        hold for everything."""
        caps = [c for c in self.caps if c.subject is None or c.subject == subject]
        return min(caps, key=lambda c: c.level.rank) if caps else None

    def finish(
        self,
        answers: Mapping[str, Any],
        decision: Decision | None,
        named: Mapping[str, Any],
        default_reason: Reason,
    ) -> LevelsResult:
        """Decide every level. ``named`` maps the stakeholder ids in the advice to their
        catalogue entries (a level for a group only counts when the group is named)."""
        flow = self.flow
        settings = flow.settings
        warnings: list[tuple[str, str, Reason]] = []
        base = self.contributions.get(("project", None), [])
        global_cap = self._lowest_cap(None) if self.caps else None

        subjects: list[LevelAdvice] = []
        for subject in flow.tree.subjects:
            if not holds(subject.when, answers, flow.variant_id):
                continue
            own = self.contributions.get(("subject", subject.id), [])
            lv = LevelAdvice(
                settings.default_level, "subject", subject.id, subject.name, subject.phase
            )
            if base or own:
                self._best(base + own, lv)
            else:
                lv.reasons.append(default_reason)
            if subject.max_level is not None and lv.level.rank > subject.max_level.rank:
                # the subject's nature decides, not the answers that raised the project
                lv.level = subject.max_level
                lv.why = [subject.max_why or ""]
                lv.reasons = [
                    Reason("setting", f"Onderwerp: {subject.name}", tuple(subject.sources))
                ]
            cap = self._lowest_cap(subject.id)
            if cap:
                self._cap(lv, cap.level, cap.why, cap.reason)
            subjects.append(lv)

        groups = self._groups(named)
        project = LevelAdvice(settings.default_level)
        # a group whose level rests on a fixed role (ignores_cap) does not lift the traject
        parts = subjects + [g for g in groups if g.kind != "topic" and not g.beyond_cap]
        if subjects or (parts and not base):
            top = max(p.level.rank for p in parts)
            tops = [p for p in parts if p.level.rank == top]
            project.level = tops[0].level
            project.why = [
                "Het hoogste niveau dat een onderdeel van het traject krijgt"
                + (
                    f": {join_names(_lower_first(p.name) for p in tops)}."
                    if len(parts) > 1
                    else "."
                )
            ]
            for p in tops:
                for r in p.reasons:
                    if r not in project.reasons:
                        project.reasons.append(r)
            project.capped = all(p.capped for p in tops)
        elif base:
            self._best(base, project)
            if global_cap:
                self._cap(project, global_cap.level, global_cap.why, global_cap.reason)
        else:
            project.reasons.append(default_reason)
            if global_cap:
                self._cap(project, global_cap.level, global_cap.why, global_cap.reason)
        if base and groups and not subjects:
            # a project contribution next to group levels: the highest of both is the project
            best = LevelAdvice(project.level)
            self._best(base, best)
            if global_cap:
                self._cap(best, global_cap.level, global_cap.why, global_cap.reason)
            if best.level.rank >= project.level.rank:
                project = best

        floor = settings.level_floor if decision == Decision.participeren else None
        variant_name = flow.variant.name if flow.variant else "de boom"
        floor_reason = Reason(
            "setting",
            f"Ondergrens (level_floor) van {variant_name}",
            tuple(flow.variant.sources) if flow.variant else (),
        )
        if floor and project.level.rank < floor.rank:
            project.why = [
                f"Ondergrens van {variant_name}: minimaal {floor.value}.",
                f"Uit de antwoorden volgde {project.level.value}.",
            ]
            project.level = floor
            project.floored = True
            project.reasons.append(floor_reason)
        if global_cap and floor and global_cap.level.rank < floor.rank:
            warnings.append(
                (
                    "cap-floor",
                    f"Het plafond ({global_cap.level.value}) ligt onder de ondergrens van "
                    f"{variant_name} ({floor.value}). De ondergrens gaat voor: leg uit hoe u "
                    "die haalt.",
                    floor_reason,
                )
            )

        if self.chosen is not None:
            self._deviate(project, subjects + groups, answers, floor, floor_reason, warnings)

        return LevelsResult(
            project, subjects, groups, global_cap.level if global_cap else None, warnings
        )

    def _deviate(
        self,
        project: LevelAdvice,
        parts: list[LevelAdvice],
        answers: Mapping[str, Any],
        floor: Level | None,
        floor_reason: Reason,
        warnings: list[tuple[str, str, Reason]],
    ) -> None:
        """The user's own level replaces the advised one, within the caps and the floor.

        Subjects and groups at the advised level move with it; those above it come down."""
        assert self.chosen is not None
        chosen, reason_from, reason = self.chosen
        advised = project.level
        target = chosen
        cap = self._lowest_cap(None)
        if cap and target.rank > cap.level.rank:
            warnings.append(
                (
                    "deviation-cap",
                    f"U koos {chosen.value}, maar hoger dan {cap.level.value} kan niet: "
                    f"{cap.why.rstrip('.')}. Het niveau blijft {cap.level.value}.",
                    cap.reason,
                )
            )
            target = cap.level
        if floor and target.rank < floor.rank:
            warnings.append(
                (
                    "deviation-floor",
                    f"U koos {chosen.value}, maar de ondergrens is {floor.value}. "
                    f"Het niveau blijft {floor.value}.",
                    floor_reason,
                )
            )
            target = floor
        if target == advised:
            return
        text = answers.get(reason_from) if reason_from else None
        project.advised = advised
        project.level = target
        project.deviation_reason = text if isinstance(text, str) and text.strip() else None
        project.why = [f"Eigen keuze, afwijkend van het advies ({advised.value})."]
        project.reasons.append(reason)
        for part in parts:
            if part.level != advised and part.level.rank <= target.rank:
                continue
            limit = self._subject_limit(part.key) if part.kind == "subject" else cap and cap.level
            new = target if limit is None or target.rank <= limit.rank else limit
            if new != part.level:
                part.advised = part.level
                # below the advice by choice, a cap no longer explains the level shown
                part.capped = part.capped and new.rank >= part.level.rank
                part.level = new
                part.why = [f"Eigen keuze, afwijkend van het advies ({part.advised.value})."]
                part.reasons.append(reason)

    def _subject_limit(self, subject_id: str | None) -> Level | None:
        """The highest level a subject may have: its own maximum and the caps for it."""
        subject = self.flow.tree.subject_map().get(subject_id or "")
        limits = [c.level for c in self.caps if c.subject is None or c.subject == subject_id]
        if subject and subject.max_level:
            limits.append(subject.max_level)
        return min(limits, key=lambda lv: lv.rank) if limits else None

    def _groups(self, named: Mapping[str, Any]) -> list[LevelAdvice]:
        groups: list[LevelAdvice] = []
        cap = self._lowest_cap(None)
        for (kind, key), contributions in self.contributions.items():
            if kind == "group":
                if key not in named:
                    continue
                lv = LevelAdvice(Level.informeren, "group", key, named[key].name)
            elif kind == "category":
                members = [s.name for s in named.values() if s.category.value == key]
                if not members:
                    continue
                lv = LevelAdvice(
                    Level.informeren, "category", key, CATEGORY_NAMES.get(key or "", key or "")
                )
                lv.members = members
            elif kind == "topic":
                lv = LevelAdvice(Level.informeren, "topic", key, key or "")
            else:
                continue
            self._best(contributions, lv)
            top = [c for c in contributions if c.level == lv.level]
            if any(c.ignores_cap for c in top):
                lv.beyond_cap = True
            elif cap:
                self._cap(lv, cap.level, cap.why, cap.reason)
            groups.append(lv)
        return groups


def preview_lines(
    project: LevelAdvice | None,
    subjects: Iterable[LevelAdvice],
    groups: Iterable[LevelAdvice],
    cap: Level | None,
) -> list[str]:
    """The advised levels so far, as short plain lines: what a question that asks whether to
    follow the advice shows above its options."""
    if project is None:
        return []
    lines = [f"{project.name}: {project.label}"]
    for lv in [*subjects, *groups]:
        above = lv.beyond_cap and cap is not None and lv.level.rank > cap.rank
        fixed_role = " (vaste rol, boven het plafond)" if above else ""
        lines.append(f"  · {lv.name}: {lv.label}{fixed_role}")
    if cap is not None:
        lines.append(
            f"Plafond: {LEVEL_LABELS[cap]}. Een hoger niveau kiezen kan niet, ook niet als u afwijkt."
        )
    return lines


def _lower_first(name: str) -> str:
    """'Het ontwerp' reads as 'het ontwerp' inside a sentence."""
    return name[:1].lower() + name[1:]
