"""The JSON Schema for tree files, generated from the models (committed in ``schema/``)."""

from __future__ import annotations

import json

from wizard.model import Tree


def tree_schema() -> dict:
    schema = Tree.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Stappenplan beslisboom"
    return schema


def tree_schema_text() -> str:
    return json.dumps(tree_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
