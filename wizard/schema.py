"""The JSON Schema for tree files, generated from the models (committed in ``schema/``).

Tree authors read the schema's descriptions in their editor, in Dutch. The field descriptions
are Dutch in the models; the models' docstrings are English (for developers), so the schema
gets a Dutch description per type from :data:`DUTCH` instead, and none for a type not listed.
"""

from __future__ import annotations

import json

from wizard.model import Tree

DUTCH = {
    "Tree": "Een hele beslisboom.",
    "Advice": "Wat een antwoord (of een regel, variant of uitkomst) aan het advies toevoegt.",
    "Case": "Een voorbeeldcasus: een route door de boom en het advies dat eruit moet komen.",
    "ChoiceNode": "Eén antwoord kiezen uit een lijst.",
    "Condition": (
        "Een toets op eerdere antwoorden. Gebruik precies één vorm: {question, is} of "
        "{question, in} bij één keuze (of tekst); {question, has}, has_any, has_all, "
        "count_at_least of count_at_most bij meerkeuze; {answered} of {variant}; alleen in "
        "regels ook {decision}, {level}, {stakeholder}, {stakeholder_category} of {werkvorm}; "
        "en {all}, {any} of {not} om te combineren."
    ),
    "Decision": "Wat het advies besluit. Spreken antwoorden elkaar tegen, dan wint de latere in deze lijst.",
    "Expectation": "Wat het advies bij een casus wel (en niet) moet bevatten.",
    "InfoNode": "Tekst om te lezen; daarna verder.",
    "Level": "De vijf treden van de participatieladder, van laag naar hoog.",
    "LevelContribution": "Een trede van de ladder voor het project, of voor één groep of onderwerp.",
    "MultiNode": "Meer antwoorden aanvinken uit een lijst.",
    "OutcomeNode": "Het einde van een route.",
    "Role": "De rol van de gemeente als het initiatief uit de samenleving komt (overheidsparticipatie).",
    "Route": "Ga naar 'next' als 'when' klopt. Routes worden op volgorde geprobeerd; de eerste die klopt telt.",
    "Rule": "Advies dat geldt zodra een voorwaarde over de antwoorden klopt.",
    "Source": "Een document waarop de boom steunt. Eén keer beschreven, overal aangehaald met zijn id.",
    "Stakeholder": "Een groep belanghebbenden uit de catalogus.",
    "TextNode": "Een korte vrije tekst, zoals de naam van het project.",
    "Variant": "De eigen versie van een gemeente: andere instellingen, extra of vervangen vragen en regels.",
    "Werkvorm": "Een werkvorm voor participatie uit de catalogus.",
}


def tree_schema() -> dict:
    schema = Tree.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Stappenplan beslisboom"
    schema["description"] = DUTCH["Tree"]
    for name, definition in schema.get("$defs", {}).items():
        definition.pop("description", None)  # a docstring, in English
        if name in DUTCH:
            definition["description"] = DUTCH[name]
    return schema


def tree_schema_text() -> str:
    return json.dumps(tree_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
