"""The tree format as pydantic models: what a municipality may write in a beslisboom YAML file.

These models are the public contract for tree authors (policy staff, not programmers). The JSON
Schema in ``schema/tree.schema.json`` is generated from them, so every field carries a Dutch
description that shows up as completion help in an editor. Keys are English, content is Dutch.

Only the *shape* is checked here. Everything that needs the whole tree (do ids exist, is every
node reachable, can a condition ever be true) lives in :mod:`wizard.lint`, so that all problems
can be reported at once with their line numbers.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

FORMAT_VERSION = 1

# A stable, readable identifier: authors type these, sessions and answer files store them.
Ident = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9][a-z0-9_-]*$",
        max_length=60,
        description="Vaste naam (id): kleine letters, cijfers, '-' of '_'. Verander een id niet meer "
        "als er sessies of antwoordbestanden bestaan.",
    ),
]
Text = Annotated[str, Field(min_length=1, max_length=4000)]
ShortText = Annotated[str, Field(min_length=1, max_length=300)]


class Strict(BaseModel):
    """Base for every tree model: unknown keys are errors, input never shows up in messages."""

    model_config = ConfigDict(
        extra="forbid", hide_input_in_errors=True, populate_by_name=True, defer_build=True
    )


class Cite(str):
    """A cited source id with an optional locator (heading, paragraph, page or article).

    It compares and hashes as the plain id, so every check and list that works with source ids
    keeps working; whatever shows a citation to a reader adds ``at``."""

    at: str | None

    def __new__(cls, source_id: str, at: str | None = None) -> Cite:
        obj = super().__new__(cls, source_id)
        obj.at = at
        return obj


class CitationRef(Strict):
    """A source with the place in it that supports this part of the tree."""

    id: Ident
    at: ShortText = Field(
        description="Waar in de bron: de kop of een letterlijke zin, een paragraaf, pagina of "
        "wetsartikel, zodat een lezer de passage vindt."
    )


def _to_cite(value: str | CitationRef) -> Cite:
    if isinstance(value, CitationRef):
        return Cite(value.id, value.at)
    return value if isinstance(value, Cite) else Cite(value)


SourceRef = Annotated[
    Ident | CitationRef,
    AfterValidator(_to_cite),
    Field(description="Een bron: het id, of {id, at} met de plek in de bron."),
]


class Level(str, Enum):
    """The five rungs of the participatieladder, lowest first."""

    informeren = "informeren"
    raadplegen = "raadplegen"
    adviseren = "adviseren"
    coproduceren = "coproduceren"
    meebeslissen = "meebeslissen"

    @property
    def rank(self) -> int:
        return LEVEL_ORDER.index(self)


LEVEL_ORDER: list[Level] = list(Level)


class Decision(str, Enum):
    """What the advice concludes. When answers disagree, the later value in this list wins."""

    participeren = "participeren"
    faciliteren = "faciliteren"
    niet_participeren = "niet-participeren"

    @property
    def rank(self) -> int:
        return list(Decision).index(self)


class Role(str, Enum):
    """The municipality's role when the initiative comes from society (overheidsparticipatie)."""

    loslaten = "loslaten"
    faciliteren = "faciliteren"
    stimuleren = "stimuleren"
    regisseren = "regisseren"
    reguleren = "reguleren"


class StakeholderCategory(str, Enum):
    direct = "direct"
    georganiseerd = "georganiseerd"
    overheid = "overheid"
    intern = "intern"
    publiek = "publiek"
    moeilijk_bereikbaar = "moeilijk-bereikbaar"
    stil_belang = "stil-belang"


Scale = Literal["straat", "buurt", "wijk", "gebied", "stad", "regio"]
Grade = Literal["laag", "midden", "hoog"]


# --- sources and catalogues -------------------------------------------------------------------


class Source(Strict):
    """A document the tree rests on. Declared once, cited by id everywhere else."""

    id: Ident
    title: ShortText = Field(description="Titel van het document.")
    publisher: ShortText | None = Field(None, description="Wie het uitgaf (gemeente, instituut).")
    year: int | None = Field(None, ge=1900, le=2100)
    file: ShortText | None = Field(
        None, description="Bestandsnaam van het brondocument (alleen de naam, geen pad)."
    )
    url: Annotated[str, Field(pattern=r"^https://\S+$", max_length=500)] | None = Field(
        None, description="Webadres (https://) van het document."
    )
    note: Text | None = Field(None, description="Wat de boom aan deze bron ontleent.")
    variant: Ident | None = Field(
        None, description="Alleen voor deze variant (een lokale bron van één gemeente)."
    )

    def citation(self) -> str:
        """Title, publisher and year, as a reader cites the document (raw tree text)."""
        return ", ".join(str(b) for b in (self.title, self.publisher, self.year) if b)


Audience = Literal["kinderen", "jongeren"]


class Werkvorm(Strict):
    """A participation method from the catalogue."""

    id: Ident
    name: ShortText
    description: Text
    levels: list[Level] = Field(min_length=1, description="Op welke treden van de ladder past hij.")
    scale: list[Scale] = Field(
        default_factory=list, description="Voor welke schaal hij geschikt is."
    )
    effort: Grade = Field("midden", description="Hoeveel tijd en geld het de gemeente kost.")
    inclusiveness: Grade = Field(
        "midden", description="Hoe goed hij mensen bereikt die niet vanzelf komen."
    )
    low_threshold: bool = Field(
        False, description="Laagdrempelig: geschikt voor moeilijk bereikbare groepen."
    )
    audience: Audience | None = Field(
        None,
        description="Voor kinderen of jongeren: hun evaluatieformulier en brief zijn dan anders.",
    )
    only_when_suggested: bool = Field(
        False,
        description=(
            "Alleen in het advies als een antwoord, regel of variant hem noemt, of als hij een "
            "genoemde groep bereikt: voor werkvormen die iets vragen wat niet elk plan heeft (een "
            "budget, varianten, een adviesraad, een initiatief, kinderen)."
        ),
    )
    sources: list[SourceRef] = Field(default_factory=list)


class Stakeholder(Strict):
    """A group of belanghebbenden from the catalogue."""

    id: Ident
    name: ShortText
    category: StakeholderCategory
    description: Text | None = None
    reach: Text = Field(description="Hoe bereikt u deze groep?")
    barrier: Text | None = Field(
        None, description="Drempel die deze groep ervaart (voor moeilijk bereikbare groepen)."
    )
    spokesperson: Text | None = Field(
        None, description="Wie spreekt namens dit belang (voor stille belangen)."
    )
    audience: Audience | None = Field(
        None,
        description="Kinderen of jongeren: het dossier maakt dan een formulier en brief op maat.",
    )
    sensitive: bool = Field(
        False,
        description="Een brief aan deelnemers noemt deze groep niet bij naam (bv. armoede, "
        "laaggeletterdheid); de rapportage voor de raad wel.",
    )
    werkvormen: list[Ident] = Field(
        default_factory=list,
        description="Werkvormen die deze groep goed bereiken; het advies kiest er een als de "
        "groep erbij is. Noem werkvormen hier, niet in 'reach'.",
    )
    sources: list[SourceRef] = Field(default_factory=list)

    @model_validator(mode="after")
    def _category_fields(self) -> Stakeholder:
        if self.category is StakeholderCategory.moeilijk_bereikbaar and not self.barrier:
            raise ValueError("een moeilijk bereikbare groep heeft een 'barrier' (drempel) nodig")
        if self.category is StakeholderCategory.stil_belang and not self.spokesperson:
            raise ValueError("een stil belang heeft een 'spokesperson' (wie spreekt namens) nodig")
        return self


# --- conditions -------------------------------------------------------------------------------

_COMPARISONS = ("is_", "in_", "has", "has_any", "has_all", "count_at_least", "count_at_most")
_LOGIC = ("all", "any", "not_", "answered", "variant")
# forms that read the advice composed from the answers (only in rules, see wizard/advice.py)
_ADVICE = (
    "decision",
    "level",
    "level_at_least",
    "level_at_most",
    "stakeholder",
    "stakeholder_category",
    "werkvorm",
)


class Condition(Strict):
    """A test over earlier answers. Use exactly one form:

    - ``{question: q, is: optie}``, ``{question: q, in: [a, b]}`` for a single choice (or text);
    - ``{question: q, has: optie}``, ``has_any: [..]``, ``has_all: [..]``,
      ``count_at_least: n``, ``count_at_most: n`` for a multiple choice;
    - ``{answered: q}``, ``{variant: leiden}``;
    - in rules only, over the advice the answers give: ``{decision: participeren}``,
      ``{level: raadplegen}`` (the project level; also ``level_at_least``, ``level_at_most``),
      ``{stakeholder: id}``,
      ``{stakeholder_category: moeilijk-bereikbaar}``, ``{werkvorm: id}``;
    - ``{all: [...]}``, ``{any: [...]}``, ``{not: {...}}`` to combine.
    """

    question: Ident | None = Field(None, description="Id van de vraag waarvan het antwoord telt.")
    is_: str | None = Field(None, alias="is", description="Het antwoord is precies deze optie.")
    in_: list[str] | None = Field(None, alias="in", description="Het antwoord is een van deze.")
    has: Ident | None = Field(None, description="Deze optie is aangevinkt (meerkeuze).")
    has_any: list[Ident] | None = Field(None, description="Minstens een van deze is aangevinkt.")
    has_all: list[Ident] | None = Field(None, description="Al deze opties zijn aangevinkt.")
    count_at_least: int | None = Field(None, ge=0, description="Minstens zoveel aangevinkt.")
    count_at_most: int | None = Field(None, ge=0, description="Hoogstens zoveel aangevinkt.")
    answered: Ident | None = Field(None, description="Deze vraag is beantwoord (op de route).")
    variant: Ident | None = Field(None, description="De gekozen variant (gemeente) is deze.")
    decision: Decision | None = Field(None, description="Alleen in regels: het besluit is dit.")
    level: Level | None = Field(
        None, description="Alleen in regels: het algemene niveau is dit (na plafond en ondergrens)."
    )
    level_at_least: Level | None = Field(
        None, description="Alleen in regels: het algemene niveau is minstens dit."
    )
    level_at_most: Level | None = Field(
        None, description="Alleen in regels: het algemene niveau is hoogstens dit."
    )
    stakeholder: Ident | None = Field(
        None, description="Alleen in regels: deze belanghebbende staat in het advies."
    )
    stakeholder_category: StakeholderCategory | None = Field(
        None,
        description="Alleen in regels: er staat een belanghebbende van deze soort in het advies.",
    )
    werkvorm: Ident | None = Field(
        None, description="Alleen in regels: deze werkvorm staat in het advies."
    )
    all: list[Condition] | None = Field(None, min_length=1, description="Alle moeten waar zijn.")
    any: list[Condition] | None = Field(
        None, min_length=1, description="Minstens een moet waar zijn."
    )
    not_: Condition | None = Field(None, alias="not", description="Dit mag niet waar zijn.")

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        comparisons = [f for f in _COMPARISONS if getattr(self, f) is not None]
        logic = [f for f in _LOGIC + _ADVICE if getattr(self, f) is not None]
        names = [f.rstrip("_") for f in comparisons + logic]
        if self.question is not None:
            if len(comparisons) != 1 or logic:
                raise ValueError(
                    "bij 'question' hoort precies een van: is, in, has, has_any, has_all, "
                    f"count_at_least, count_at_most (nu: {', '.join(names) or 'geen'})"
                )
        elif comparisons:
            raise ValueError(f"'{names[0]}' heeft ook 'question' nodig: welke vraag bedoelt u?")
        elif len(logic) != 1:
            raise ValueError(
                "gebruik precies een vorm: question, answered, variant, decision, level, "
                "level_at_least, level_at_most, stakeholder, stakeholder_category, werkvorm, "
                "all, any of not "
                f"(nu: {', '.join(names) or 'geen'})"
            )
        return self

    def parts(self) -> list[Condition]:
        return (self.all or []) + (self.any or []) + ([self.not_] if self.not_ else [])

    def reads_advice(self) -> bool:
        """Whether this condition (or a part of it) looks at the composed advice."""
        return any(getattr(self, f) is not None for f in _ADVICE) or any(
            sub.reads_advice() for sub in self.parts()
        )


class Route(Strict):
    """Go to ``next`` when ``when`` holds. Routes are tried in order; the first match wins."""

    when: Condition
    next: Ident


# --- advice contributions ---------------------------------------------------------------------


def _id_shorthand(value: Any) -> Any:
    """Let authors write ``- enquete`` instead of ``- {id: enquete}``."""
    return {"id": value} if isinstance(value, str) else value


class DecisionContribution(Strict):
    value: Decision
    text: Text | None = Field(None, description="De reden, in gewone taal.")


class RoleContribution(Strict):
    value: Role
    text: Text | None = None


class LevelContribution(Strict):
    """A rung of the ladder for the project, or for one subject, group or topic.

    Without ``subject``, ``group``, ``category`` and ``topic`` the level is for the project: it
    applies to every subject that is open. A level for a group or category only counts when
    that group is in the advice (the user named it).
    """

    level: Level
    subject: Ident | None = Field(
        None, description="Id van een onderwerp (zie 'subjects'); telt alleen als het open is."
    )
    group: Ident | None = Field(
        None, description="Id van een belanghebbende; telt alleen als die in het advies staat."
    )
    category: StakeholderCategory | None = Field(
        None,
        description="Soort belanghebbenden; telt voor de genoemde groepen van die soort samen.",
    )
    topic: ShortText | None = Field(None, description="Vrij onderwerp, bv. 'de uitvoering'.")
    why: Text | None = None
    ignores_cap: bool = Field(
        False,
        description="Dit niveau volgt uit een vastgelegde rol (bv. een adviesraad met adviesrecht) "
        "en geldt ook boven een plafond; alleen voor een groep.",
    )
    sources: list[SourceRef] = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_target(self) -> LevelContribution:
        targets = [f for f in ("subject", "group", "category", "topic") if getattr(self, f)]
        if len(targets) > 1:
            raise ValueError(
                f"een niveau geldt voor één doel: kies subject, group, category of topic "
                f"(nu: {', '.join(targets)})"
            )
        if self.ignores_cap and not (self.group or self.category):
            raise ValueError(
                "'ignores_cap' kan alleen bij een groep (group of category): het niveau van het "
                "traject blijft onder het plafond"
            )
        return self


class LevelCap(Strict):
    """No higher than this: for everything, or for one subject only."""

    level: Level
    why: Text
    subject: Ident | None = Field(
        None, description="Id van een onderwerp; leeg = het plafond geldt voor alles."
    )
    subjects: list[Ident] = Field(
        default_factory=list,
        description="Ids van onderwerpen waarvoor het plafond geldt (bv. wat nu beslist wordt, "
        "niet het beheer later); leeg = het plafond geldt voor alles.",
    )
    sources: list[SourceRef] = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_way(self) -> LevelCap:
        if self.subject and self.subjects:
            raise ValueError("gebruik 'subject' of 'subjects', niet allebei")
        return self


class ChosenLevel(Strict):
    """The user's own choice of level, where it differs from the advice (afwijking)."""

    level: Level
    reason_from: Ident | None = Field(
        None, description="Id van de tekstvraag waarin de gebruiker de reden geeft."
    )


class CatalogueRef(Strict):
    id: Ident
    why: Text | None = Field(None, description="Waarom past dit hier?")
    core: bool = Field(
        False,
        description="Alleen bij werkvormen: hoort in de kern van het advies als hij past, "
        "bijvoorbeeld omdat het doel erom vraagt.",
    )
    sources: list[SourceRef] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        return _id_shorthand(value)


class Advice(Strict):
    """What an answer (or a rule, variant or outcome) adds to the advice."""

    decision: DecisionContribution | None = None
    role: RoleContribution | None = Field(None, description="Rol van de gemeente bij initiatief.")
    levels: list[LevelContribution] = Field(default_factory=list)
    level_cap: LevelCap | None = Field(None, description="Hoger dan dit kan niet (plafond).")
    chosen_level: ChosenLevel | None = Field(
        None, description="De gebruiker kiest zelf een ander niveau dan het advies."
    )
    scale: Scale | None = Field(None, description="De schaal van het plan (voor de werkvormen).")
    max_effort: Grade | None = Field(
        None, description="Werkvormen die meer inspanning vragen dan dit, vallen af."
    )
    werkvormen: list[CatalogueRef] = Field(default_factory=list)
    avoid_werkvormen: list[CatalogueRef] = Field(
        default_factory=list, description="Werkvormen die hier juist niet passen (met reden)."
    )
    stakeholders: list[CatalogueRef] = Field(default_factory=list)
    fixed: list[Text] = Field(default_factory=list, description="Wat vastligt.")
    open: list[Text] = Field(default_factory=list, description="Wat nog open is.")
    decides: list[Text] = Field(
        default_factory=list, description="Rollen: wie organiseert en wie beslist."
    )
    duties: list[Text] = Field(default_factory=list, description="Procesafspraken.")
    warnings: list[Text] = Field(default_factory=list, description="Waarschuwingen.")
    notes: list[Text] = Field(default_factory=list, description="Overige adviezen.")
    sources: list[SourceRef] = Field(
        default_factory=list,
        description="Bronnen voor deze bijdrage; leeg = de bronnen van de vraag.",
    )

    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in type(self).model_fields if name != "sources")


class Rule(Strict):
    """Advice that applies whenever a condition over the answers holds."""

    id: Ident
    when: Condition
    why: Text = Field(description="Uitleg waarom deze regel geldt.")
    advice: Advice
    sources: list[SourceRef] = Field(default_factory=list)


# --- subjects ---------------------------------------------------------------------------------


class Subject(Strict):
    """A part of the plan that can be open or fixed, with its own level (and phase)."""

    id: Ident
    name: ShortText = Field(description="Hoe het onderwerp in het advies heet.")
    phase: ShortText | None = Field(None, description="De fase waarin dit onderwerp speelt.")
    when: Condition = Field(description="Wanneer dit onderwerp open is (of meetelt).")
    max_level: Level | None = Field(
        None, description="Hoger dan dit kan dit onderwerp nooit, bv. informeren voor wat vastligt."
    )
    max_why: Text | None = Field(None, description="Waarom het onderwerp niet hoger kan.")
    sources: list[SourceRef] = Field(default_factory=list)

    @model_validator(mode="after")
    def _why_with_max(self) -> Subject:
        if self.max_level is not None and not self.max_why:
            raise ValueError("bij 'max_level' hoort 'max_why': waarom kan het niet hoger?")
        return self


# --- nodes ------------------------------------------------------------------------------------


class NodeBase(Strict):
    id: Ident
    section: Ident | None = Field(None, description="Id van het onderdeel (zie 'sections').")
    sources: list[SourceRef] = Field(default_factory=list)
    routes: list[Route] = Field(
        default_factory=list, description="Voorwaardelijke routes; de eerste die klopt telt."
    )
    next: Ident | None = Field(None, description="Standaard volgende stap.")


class QuestionBase(NodeBase):
    question: Text = Field(description="De vraag, kort en in gewone taal.")
    help: Text | None = Field(
        None, description="Waarom we dit vragen en wat de opties betekenen (Markdown mag)."
    )
    preview: Literal["levels"] | None = Field(
        None,
        description="Toon bij deze vraag het advies tot nu toe; 'levels' = de geadviseerde "
        "niveaus (per onderwerp en groep), bijvoorbeeld bij de vraag of de gebruiker afwijkt.",
    )


class Option(Strict):
    id: Ident
    label: ShortText
    help: Text | None = Field(None, description="Korte uitleg bij deze optie.")
    next: Ident | None = Field(None, description="Waar deze keuze heen leidt.")
    advice: Advice | None = None


DETAIL_PLACEHOLDER = "{detail}"


class MultiOption(Strict):
    id: Ident
    label: ShortText
    help: Text | None = None
    exclusive: bool = Field(False, description="Sluit de andere opties uit (bv. 'geen van deze').")
    advice: Advice | None = None
    detail: ShortText | None = Field(
        None,
        description="Korte vraag waarmee de gebruiker bij deze optie eigen woorden kan geven, "
        "bv. 'Welk bedrag? Bijvoorbeeld € 250.000.' De route wordt er niet langer van.",
    )
    advice_with_detail: Advice | None = Field(
        None,
        description="Advies dat in plaats van 'advice' geldt als de gebruiker eigen woorden gaf. "
        "'{detail}' in de teksten wordt vervangen door die woorden. Herhaal hier alles uit "
        "'advice' dat moet blijven gelden (plafond, waarschuwingen, bronnen).",
    )


class ChoiceNode(QuestionBase):
    """One answer from a list."""

    kind: Literal["choice"]
    options: list[Option] = Field(min_length=2)


class MultiNode(QuestionBase):
    """Any number of answers from a list (checkboxes)."""

    kind: Literal["multi"]
    options: list[MultiOption] = Field(min_length=2)
    min_choices: int = Field(0, ge=0)
    max_choices: int | None = Field(None, ge=1)
    needs_one_of: list[Ident] = Field(
        default_factory=list,
        description="Minstens een van deze opties moet aangevinkt zijn, bv. wie het plan heeft "
        "naast kenmerken die daar alleen bij horen.",
    )


class TextNode(QuestionBase):
    """A short free text, such as the project name."""

    kind: Literal["text"]
    required: bool = True
    max_length: int = Field(200, ge=1, le=2000)
    placeholder: ShortText | None = None


class InfoNode(NodeBase):
    """Text to read, then continue."""

    kind: Literal["info"]
    title: ShortText
    text: Text
    advice: Advice | None = None


class OutcomeNode(NodeBase):
    """The end of a route."""

    kind: Literal["outcome"]
    title: ShortText
    text: Text
    advice: Advice | None = None
    because: list[Ident] = Field(
        default_factory=list,
        description="De vragen waarvan het antwoord tot deze uitkomst leidt. Het plan noemt die "
        "antwoorden als grond, niet alleen de uitkomst zelf.",
    )


Node = Annotated[
    ChoiceNode | MultiNode | TextNode | InfoNode | OutcomeNode, Field(discriminator="kind")
]
QUESTION_KINDS = ("choice", "multi", "text")


class Section(Strict):
    id: Ident
    title: ShortText
    description: Text | None = None


class Settings(Strict):
    default_level: Level = Field(
        Level.raadplegen, description="Niveau als geen antwoord een niveau noemt."
    )
    level_floor: Level | None = Field(
        None, description="Ondergrens: lager dan dit adviseert de boom nooit (bij participatie)."
    )
    title_question: Ident | None = Field(
        None, description="Id van de tekstvraag met de naam van het project (voor de export)."
    )
    core_werkvormen: int = Field(
        5, ge=1, le=10, description="Hoeveel werkvormen het advies hoogstens als kern noemt."
    )
    alternative_werkvormen: int = Field(
        3, ge=0, le=10, description="Hoeveel andere passende werkvormen het advies noemt."
    )


class SettingsPatch(Strict):
    default_level: Level | None = None
    level_floor: Level | None = None
    core_werkvormen: int | None = Field(None, ge=1, le=10)
    alternative_werkvormen: int | None = Field(None, ge=0, le=10)


class Variant(Strict):
    """A municipality's own version: other settings, extra or replaced questions and rules."""

    id: Ident
    name: ShortText
    description: Text | None = None
    settings: SettingsPatch = Field(default_factory=SettingsPatch)
    nodes: list[Node] = Field(
        default_factory=list, description="Nieuwe vragen, of vervangers (zelfde id)."
    )
    rules: list[Rule] = Field(default_factory=list, description="Nieuwe regels, of vervangers.")
    advice: Advice | None = Field(None, description="Advies dat altijd geldt in deze variant.")
    sources: list[SourceRef] = Field(default_factory=list)


# --- example cases ----------------------------------------------------------------------------

AnswerValue = str | list[str] | bool


class Expectation(Strict):
    """What the advice for a case must (and must not) contain."""

    decision: Decision | None = None
    outcome: Ident | None = None
    level: Level | None = Field(None, description="Het niveau voor het project.")
    advised_level: Level | None = Field(
        None, description="Het geadviseerde niveau voor het project, vóór een eigen keuze."
    )
    cap: Level | None = Field(None, description="Het laagste plafond dat geldt.")
    levels: list[Level] = Field(default_factory=list, description="Niveaus die moeten voorkomen.")
    subjects: dict[str, Level] = Field(
        default_factory=dict, description="Per onderwerp-id het niveau."
    )
    groups: dict[str, Level] = Field(
        default_factory=dict,
        description="Per belanghebbende-id of soort (category) het niveau.",
    )
    role: Role | None = None
    stakeholders: list[Ident] = Field(default_factory=list)
    werkvormen: list[Ident] = Field(
        default_factory=list, description="Werkvormen die in de kern van het advies staan."
    )
    werkvormen_count: int | None = Field(
        None, ge=0, description="Precies zoveel werkvormen in de kern."
    )
    not_stakeholders: list[Ident] = Field(default_factory=list)
    not_werkvormen: list[Ident] = Field(
        default_factory=list, description="Werkvormen die nergens in het advies staan."
    )
    says: list[ShortText] = Field(
        default_factory=list,
        description="Woorden of zinsdelen die in het plan moeten staan (hoofdletters tellen niet).",
    )
    not_says: list[ShortText] = Field(
        default_factory=list,
        description="Woorden die níet in het plan mogen staan, bv. 'spelen' buiten de openbare ruimte.",
    )


class Lesson(Strict):
    text: Text
    dos: list[Text] = Field(default_factory=list)
    donts: list[Text] = Field(default_factory=list)


class Case(Strict):
    """An example case: a route through the tree with the advice it must produce."""

    id: Ident
    name: ShortText
    description: Text
    variant: Ident | None = None
    answers: dict[str, AnswerValue]
    expect: Expectation = Field(default_factory=Expectation)
    lesson: Lesson | None = Field(None, description="Wat deze casus leert (voor trainingen).")
    explanations: dict[str, Text] = Field(
        default_factory=dict, description="Per vraag-id: waarom dit het goede antwoord is."
    )


# --- the tree ---------------------------------------------------------------------------------


class Tree(Strict):
    """A whole beslisboom."""

    format: Literal[1] = Field(description="Versie van dit formaat; nu altijd 1.")
    id: Ident
    title: ShortText
    description: Text
    version: ShortText | None = None
    language: Literal["nl"] = "nl"
    start: Ident = Field(description="Id van de eerste stap.")
    settings: Settings = Field(default_factory=Settings)
    sources: list[Source] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    subjects: list[Subject] = Field(
        default_factory=list,
        description="Onderwerpen (of fasen) die elk een eigen niveau krijgen als ze open zijn.",
    )
    werkvormen: list[Werkvorm] = Field(default_factory=list)
    stakeholders: list[Stakeholder] = Field(default_factory=list)
    nodes: list[Node] = Field(min_length=1)
    rules: list[Rule] = Field(default_factory=list)
    variants: list[Variant] = Field(default_factory=list)
    cases: list[Case] = Field(default_factory=list)

    def werkvorm_map(self) -> dict[str, Werkvorm]:
        return {w.id: w for w in self.werkvormen}

    def stakeholder_map(self) -> dict[str, Stakeholder]:
        return {s.id: s for s in self.stakeholders}

    def source_map(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    def subject_map(self) -> dict[str, Subject]:
        return {s.id: s for s in self.subjects}

    def variant(self, variant_id: str) -> Variant | None:
        return next((v for v in self.variants if v.id == variant_id), None)
