"""Load a tree file: strict YAML, then the pydantic models, with every problem located.

pydantic's messages are English and name internal paths (``nodes.3.choice.options``); here
each error is turned into a Dutch sentence at the line and column where the author has to look,
with a "did you mean" for misspelled keys and values.
"""

from __future__ import annotations

import re
import types
import typing
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from wizard.loaded import LoadedTree
from wizard.model import Tree
from wizard.problems import Problem, ProblemsError, Severity, did_you_mean
from wizard.yamlsafe import YamlDoc, gc_paused, load_yaml_file, parse_yaml

Path_ = tuple[str | int, ...]


def describe_path(data: Any, path: Path_) -> str:
    """A readable location such as ``nodes[herkomst].options[gemeente].next``."""
    out = ""
    current = data
    for seg in path:
        if isinstance(seg, int):
            label = str(seg + 1)
            if isinstance(current, list) and 0 <= seg < len(current):
                item = current[seg]
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    label = item["id"]
                current = item
            else:
                current = None
            out += f"[{label}]"
        else:
            out += f".{seg}" if out else str(seg)
            current = current.get(seg) if isinstance(current, dict) else None
    return out


def value_at(data: Any, path: Path_) -> Any:
    """The value at a pydantic location; segments the data lacks (union tags) are skipped."""
    current = data
    for seg in path:
        if isinstance(seg, int) and isinstance(current, list) and 0 <= seg < len(current):
            current = current[seg]
        elif isinstance(seg, str) and isinstance(current, dict) and seg in current:
            current = current[seg]
    return current


def problem_at(
    doc: YamlDoc, path: Path_, message: str, severity: Severity = "error", *, key: bool = False
) -> Problem:
    """A problem at the closest place in the file to ``path``.

    A whole list or mapping, or anything asked for with ``key=True``, is placed at its key,
    where the author reads its name; a single value is placed at the value.
    """
    found, pos = doc.marks.nearest(path)
    if found and isinstance(found[-1], str):
        if key or isinstance(value_at(doc.data, found), (list, dict)):
            pos = doc.marks.at(found, key=True) or pos
    line, col = pos if pos else (None, None)
    return Problem(doc.file, line, col, message, severity, describe_path(doc.data, found))


# --- finding the model class at a pydantic error location --------------------------------------


def _unwrap(tp: Any) -> list[Any]:
    """The concrete types an annotation may hold (Optional, Annotated and unions flattened)."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        out: list[Any] = []
        for arg in typing.get_args(tp):
            if arg is not type(None):
                out.extend(_unwrap(arg))
        return out
    return [tp]


def _step(types_: list[Any], seg: str | int) -> list[Any]:
    out: list[Any] = []
    for tp in types_:
        origin = typing.get_origin(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            for name, info in tp.model_fields.items():
                if seg in (name, info.alias):
                    out.extend(_unwrap(info.annotation))
            # a discriminated-union tag: keep the model whose kind matches
            kind = tp.model_fields.get("kind")
            if kind is not None and seg in typing.get_args(kind.annotation):
                out.append(tp)
        elif origin is list and isinstance(seg, int):
            out.extend(_unwrap(typing.get_args(tp)[0]))
        elif origin is dict and isinstance(seg, str):
            out.extend(_unwrap(typing.get_args(tp)[1]))
    return out


def _model_at(root: type[BaseModel], loc: Path_) -> type[BaseModel] | None:
    current: list[Any] = [root]
    for seg in loc:
        stepped = _step(current, seg)
        # a union tag ('choice') that does not name a field: stay on the matching model
        if not stepped:
            return None
        current = stepped
    models = [t for t in current if isinstance(t, type) and issubclass(t, BaseModel)]
    return models[-1] if models else None


def _field_names(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


# --- translating pydantic errors ----------------------------------------------------------------


def _quote_list(values: Any) -> str:
    return ", ".join(f"'{v}'" for v in values)


def _message(err: dict[str, Any], root: type[BaseModel], value: Any) -> str:
    kind = err["type"]
    loc: Path_ = tuple(err["loc"])
    ctx = err.get("ctx") or {}
    last = loc[-1] if loc else ""
    if kind == "missing":
        return f"'{last}' ontbreekt; dit veld is verplicht"
    if kind == "extra_forbidden":
        model = _model_at(root, loc[:-1])
        names = _field_names(model) if model else []
        allowed = f" Toegestaan: {', '.join(names)}." if names and len(names) <= 12 else ""
        suggestion = did_you_mean(str(last), names)
        return f"onbekende sleutel '{last}'" + (suggestion or f".{allowed}")
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        expected = "choice, multi, text, info, outcome"
        if kind == "union_tag_not_found":
            return f"'kind' ontbreekt; kies uit: {expected}"
        tag = ctx.get("tag", "")
        return (
            f"onbekende soort (kind) '{tag}'{did_you_mean(tag, expected.split(', '))}; "
            f"kies uit: {expected}"
        )
    if kind == "string_type":
        return "hier hoort tekst" + _quote_hint(value, err.get("raw"))
    if kind == "one_of":
        wanted = [_UNION_WORDS.get(m, m) for m in err["members"]]
        text = ", ".join(wanted[:-1]) + f" of {wanted[-1]}" if len(wanted) > 1 else wanted[0]
        hint = _quote_hint(value, err.get("raw")) if "str" in err["members"] else ""
        return f"hier hoort {text}{hint}"
    if kind == "string_too_short":
        return "mag niet leeg zijn"
    if kind == "string_too_long":
        return f"is te lang: hoogstens {ctx.get('max_length')} tekens"
    if kind == "string_pattern_mismatch":
        if str(ctx.get("pattern", "")).startswith("^https"):
            return "een webadres moet beginnen met https:// en mag geen spaties bevatten"
        return (
            f"'{value}' is geen geldige id: gebruik kleine letters, cijfers, '-' en '_', "
            "en begin met een letter of cijfer"
        )
    if kind in ("enum", "literal_error"):
        expected = ctx.get("expected", "")
        options = [e.strip().strip("'") for e in str(expected).replace(" or ", ", ").split(",")]
        return f"'{value}' kan hier niet{did_you_mean(str(value), options)}; kies uit: {expected}"
    if kind in ("list_type",):
        return "hier hoort een lijst (regels die met '- ' beginnen)"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "hier horen sleutels met waarden (sleutel: waarde)"
    if kind == "too_short":
        return f"hier zijn er minstens {ctx.get('min_length')} nodig"
    if kind == "too_long":
        return f"hier mogen er hoogstens {ctx.get('max_length')} staan"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "hier hoort een heel getal"
    if kind == "bool_type" or kind == "bool_parsing":
        return "hier hoort true of false"
    if kind == "greater_than_equal":
        return f"moet minstens {ctx.get('ge')} zijn"
    if kind == "less_than_equal":
        return f"mag hoogstens {ctx.get('le')} zijn"
    if kind == "value_error":
        return str(err.get("msg", "")).removeprefix("Value error, ")
    return str(err.get("msg", kind))


# the labels pydantic gives the members of a plain union (``str | list[str] | bool``) in a location
_UNION_MEMBER = re.compile(r"^(str|bool|int|float|list\[.*\]|dict\[.*\])$")
_UNION_WORDS = {
    "str": "tekst",
    "list": "een lijst",
    "dict": "sleutels met waarden",
    "bool": "true/false",
    "int": "een heel getal",
    "float": "een getal",
}


def _quote_hint(value: Any, raw: str | None) -> str:
    """For a number or yes/no where text belongs: how to quote it, keeping what was typed
    (``0123`` stays ``0123``, not the number 123)."""
    if isinstance(value, bool):
        return "; zet true/false tussen aanhalingstekens als u tekst bedoelt"
    if isinstance(value, (int, float)):
        shown = raw or str(value)
        return f'; zet {shown} tussen aanhalingstekens: "{shown}"'
    return ""


def _one_per_union(errors: list[dict[str, Any]], data: Any, prefix: Path_) -> list[dict[str, Any]]:
    """One error per value that fits no member of a union, instead of one per member.

    ``naam: {a: 1}`` where an answer may be text, a list or true/false gave three lines that
    contradicted each other. When the value has a member's shape (a list), only that member's
    errors are kept; otherwise one error names every member.
    """
    groups: dict[Path_, list[tuple[int, dict[str, Any]]]] = {}
    out: list[dict[str, Any] | None] = []
    for err in errors:
        loc = tuple(err["loc"])
        at = next(
            (i for i, seg in enumerate(loc) if isinstance(seg, str) and _UNION_MEMBER.match(seg)),
            None,
        )
        if at is None:
            out.append(err)
            continue
        groups.setdefault(loc[:at], []).append((at, err))
        out.append(None)
    for base, members in groups.items():
        value = value_at(data, (*prefix, *base))
        shape = "list" if isinstance(value, list) else "dict" if isinstance(value, dict) else None
        fitting = [e for at, e in members if shape and str(e["loc"][at]).startswith(shape)]
        if fitting:
            out.extend(
                {**e, "loc": tuple(s for s in e["loc"] if s != e["loc"][at])} for e in fitting
            )  # type: ignore[misc]
            continue
        labels = list(dict.fromkeys(str(e["loc"][at]).split("[")[0] for at, e in members))
        out.append({"type": "one_of", "loc": base, "members": labels, "msg": ""})
    return [e for e in out if e is not None]


def _raw_scalar(doc: YamlDoc, pos: tuple[int, int] | None, lines: list[str]) -> str | None:
    """The scalar as typed in the file at ``pos`` (for numbers YAML has already converted)."""
    if pos is None or not 0 < pos[0] <= len(lines):
        return None
    token = re.match(r"[^\s,\]}#]+", lines[pos[0] - 1][pos[1] - 1 :])
    return token.group() if token else None


def validation_problems(
    exc: ValidationError, doc: YamlDoc, root: type[BaseModel], prefix: Path_ = ()
) -> list[Problem]:
    """Turn a pydantic ValidationError into located problems (input never rendered)."""
    problems: list[Problem] = []
    seen: set[tuple[Any, ...]] = set()
    lines: list[str] = []
    errors = _one_per_union(exc.errors(include_input=False, include_url=False), doc.data, prefix)
    for err in errors:
        loc: Path_ = (*prefix, *err["loc"])
        found, pos = doc.marks.nearest(loc)
        if err["type"] == "extra_forbidden" and found and found[-1] == loc[-1]:
            pos = doc.marks.at(found, key=True) or pos
        value = value_at(doc.data, loc)
        raw = None
        if (
            isinstance(value, (int, float))
            and not isinstance(value, bool)
            and found[-1:] == loc[-1:]
        ):
            lines = lines or doc.text.splitlines()
            raw = _raw_scalar(doc, pos, lines)
        message = _message({**err, "loc": tuple(err["loc"]), "raw": raw}, root, value)
        where = describe_path(doc.data, found)
        if found != loc and err["type"] == "missing":
            where = describe_path(doc.data, found)
        key = (pos, message)
        if key in seen:
            continue
        seen.add(key)
        line, col = pos if pos else (None, None)
        problems.append(Problem(doc.file, line, col, message, where=where))
    return problems


def _top_level_problem(doc: YamlDoc) -> Problem | None:
    if not isinstance(doc.data, dict):
        return Problem(
            doc.file,
            1,
            1,
            "bovenaan een boom horen sleutels zoals format, id, title, start en nodes",
        )
    return None


def tree_from_doc(doc: YamlDoc) -> Tree:
    problem = _top_level_problem(doc)
    if problem:
        raise ProblemsError([problem])
    try:
        with gc_paused():
            return Tree.model_validate(doc.data)
    except ValidationError as exc:
        raise ProblemsError(validation_problems(exc, doc, Tree)) from None


def load_tree(path: Path | str) -> LoadedTree:
    """Load and validate a tree file. Raises ProblemsError; never anything else for bad input."""
    doc = load_yaml_file(Path(path), what="boombestand")
    return LoadedTree.from_doc(tree_from_doc(doc), doc)


def load_tree_text(text: str, file: str = "<tekst>") -> LoadedTree:
    doc = parse_yaml(text, file)
    return LoadedTree.from_doc(tree_from_doc(doc), doc)


def enum_value(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value
