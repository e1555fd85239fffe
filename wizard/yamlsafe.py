"""Strict, bounded YAML reading that remembers where every key and value stood.

PyYAML's safe loader still lets through what silently corrupts or endangers a tree written by
hand: YAML 1.1 booleans (``no:`` becomes ``False``), duplicate keys (the last one wins),
anchors and aliases (a 486-byte alias bomb expands to 387 million items in anything that walks
it), and nesting deep enough to crash libyaml (about 25,000 levels, see
``shared/research/baselines.md`` section 4). So we:

1. refuse files over a size limit before reading them;
2. stream the parser's events once, refusing anchors, aliases, explicit tags, several
   documents, and nesting deeper than ``max_depth``, before anything is composed;
3. compose the node graph (libyaml when available, ten times faster) and build plain Python
   data ourselves with YAML 1.2 scalars, refusing duplicate and non-text keys and merge keys,
   while recording the position of every key and value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from wizard.problems import Problem, ProblemsError
from wizard.textfile import MAX_BYTES, gc_paused, read_text

MAX_DEPTH = 40

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple[str | int, ...]

# YAML 1.2 core schema for plain scalars; everything else stays a string.
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}

# What PyYAML and libyaml say, by a fragment of their (English) message, and what we tell the
# author instead. The library's own words never reach the user: its wording differs between
# versions (PyYAML 6.0.4's libyaml stops at a nesting depth of 1000 with a message of its own),
# so an unknown message falls back to a Dutch sentence chosen by where the parser was.
_DEPTH_MESSAGE = (
    "de gegevens zijn dieper genest dan {depth} niveaus; zo diep gaat een boom nooit. "
    "Controleer de inspringing en de haakjes."
)
_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    ("nesting depth", _DEPTH_MESSAGE),
    ("recursion", _DEPTH_MESSAGE),
    ("tab character", "er staat een tab; gebruik spaties om in te springen"),
    ("character '\\t'", "er staat een tab; gebruik spaties om in te springen"),
    (
        "mapping values are not allowed",
        "hier mag geen ':' staan; zet tekst met een dubbele punt tussen aanhalingstekens",
    ),
    ("could not find expected ':'", "er ontbreekt een ':' achter een sleutel"),
    ("unexpected end of stream", "het bestand houdt midden in een waarde op"),
    ("did not find expected key", "de inspringing klopt niet: verwacht werd een nieuwe sleutel"),
    ("expected '-' indicator", "de inspringing klopt niet: verwacht werd een '- '"),
    (
        "block sequence entries are not allowed",
        "hier mag geen '- ' staan; controleer de inspringing",
    ),
    ("expected <block end>", "de inspringing klopt niet: deze regel staat te ver in of uit"),
    ("undefined alias", "verwijzingen (*naam) zijn niet toegestaan"),
    ("unknown escape character", "onbekende escape (\\) in tekst tussen dubbele aanhalingstekens"),
    (
        "expected ',' or ']'",
        "een lijst tussen [ ] is niet goed gesloten: er ontbreekt een ']' of een ','",
    ),
    (
        "expected ',' or '}'",
        "een blok tussen { } is niet goed gesloten: er ontbreekt een '}' of een ','",
    ),
    (
        "cannot start any token",
        "met dit teken kan geen waarde beginnen (zoals @ of `); zet de tekst tussen aanhalingstekens",
    ),
    ("expected the node content", "hier ontbreekt een waarde; controleer de regel erboven"),
    (
        "expected alphabetic or numeric character",
        "een naam na & of * mag alleen letters en cijfers hebben",
    ),
    ("found unexpected ':'", "hier mag geen ':' staan; zet de tekst tussen aanhalingstekens"),
    (
        "found unexpected",
        "hier staat een teken dat in YAML iets anders betekent; zet de tekst tussen aanhalingstekens",
    ),
)
# Fallbacks by what the parser was reading (its "context"), still never its own words.
_CONTEXT_HINTS: tuple[tuple[str, str], ...] = (
    ("quoted scalar", "een tekst tussen aanhalingstekens is niet goed gesloten"),
    ("block scalar", "een tekstblok (na | of >) is niet goed ingesprongen"),
    ("flow sequence", "een lijst tussen [ ] is niet goed gesloten"),
    ("flow mapping", "een blok tussen { } is niet goed gesloten"),
    ("block mapping", "de inspringing klopt niet"),
    ("block collection", "de inspringing klopt niet"),
    ("simple key", "er ontbreekt een ':' achter een sleutel"),
)
_GENERIC_SYNTAX = (
    "de opbouw van het bestand klopt hier niet; controleer de inspringing, de aanhalingstekens "
    "en de haakjes"
)
# Characters YAML refuses and that no tree needs: the C0 control codes except tab, line feed
# and carriage return, and DEL. Checked by us, so the message does not depend on the library.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class Marks:
    """Positions (1-based line, column) of every value and every mapping key, by path."""

    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    flow_lists: set[Path_] = field(default_factory=set)  # lists written inline: [a, b]
    end: tuple[int, int] = (1, 1)

    def at(self, path: Path_, *, key: bool = False) -> tuple[int, int] | None:
        if key and path in self.keys:
            return self.keys[path]
        return self.values.get(path)

    def nearest(self, path: Path_) -> tuple[Path_, tuple[int, int] | None]:
        """The longest prefix of ``path`` that exists in the file, with its position.

        Segments that the file does not have (a field that is missing, or a type tag that
        pydantic adds for a union) are skipped, so a problem lands on the closest real line.
        """
        found: Path_ = ()
        for seg in path:
            candidate = (*found, seg)
            if candidate in self.values:
                found = candidate
        return found, self.values.get(found, (1, 1))


@dataclass
class YamlDoc:
    file: str
    data: Any
    marks: Marks
    text: str


def _pos(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


def _problem(file: str, mark: Any, message: str) -> Problem:
    line, col = _pos(mark) if mark is not None else (None, None)
    return Problem(file, line, col, message)


def _syntax_problem(
    file: str, exc: yaml.MarkedYAMLError, text: str = "", max_depth: int = MAX_DEPTH
) -> Problem:
    """A Dutch, located sentence for a YAML syntax error; the library's English stays out."""
    raw = (exc.problem or "").lower()
    context = (exc.context or "").lower()
    mark = exc.problem_mark
    if mark is not None and "cannot start any token" in raw and text:
        lines = text.splitlines()
        if mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
            raw = "tab character"
    hint = next((v for k, v in _SYNTAX_HINTS if k.lower() in raw), None)
    if hint is None:
        hint = next((v for k, v in _CONTEXT_HINTS if k in context), _GENERIC_SYNTAX)
    if hint == _DEPTH_MESSAGE:
        return _problem(file, mark or exc.context_mark, hint.format(depth=max_depth))
    return _problem(file, mark or exc.context_mark, f"YAML-fout: {hint}")


def _control_problem(file: str, text: str) -> Problem | None:
    """The first control code in the text, located, or None."""
    found = _CONTROL.search(text)
    if found is None:
        return None
    line = text.count("\n", 0, found.start()) + 1
    col = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    return Problem(
        file,
        line,
        col,
        f"hier staat een onzichtbaar stuurteken (U+{ord(found.group()):04X}); YAML staat dat "
        "niet toe. Haal het weg, bijvoorbeeld door de regel opnieuw te typen.",
    )


def _scalar(node: yaml.ScalarNode) -> Any:
    value = node.value
    if node.style not in (None, ""):
        return value  # quoted or block text: always a string
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value


class _Frame:
    """An open sequence or mapping while building from parser events."""

    __slots__ = ("path", "value", "index", "key", "seen", "skip_value")

    def __init__(self, path: Path_, value: Any):
        self.path = path
        self.value = value
        self.index = 0  # next item's index (sequences)
        self.key: str | None = None  # the key whose value comes next (mappings)
        self.seen: dict[str, tuple[int, int]] = {}  # key → position (mappings)
        self.skip_value = False  # the key was refused: drop the value that follows


def _build_from_events(file: str, text: str, max_depth: int) -> tuple[Any, Marks]:
    """Build the data and its marks in one streaming pass over the parser's events.

    Everything we refuse (aliases, anchors, tags, several documents, nesting deeper than
    ``max_depth``) is found in the same pass that builds, before anything deep or shared is
    made; the parser runs once. Raises ProblemsError with every problem found.
    """
    problems: list[Problem] = []  # what we refuse outright, and syntax errors
    structure: list[Problem] = []  # keys we refuse: reported when nothing else is wrong
    marks = Marks()
    stack: list[_Frame] = []
    root: Any = None
    has_root = False
    depth = 0
    skipping = 0  # depth inside a subtree that is dropped (a refused key or its value)
    documents = 0

    def place(event: Any, value: Any) -> Path_ | None:
        """Put a new value where it belongs; its path, or None when it is dropped."""
        nonlocal root, has_root
        pos = _pos(event.start_mark)
        if not stack:
            root, has_root = value, True
            marks.values[()] = pos
            return ()
        frame = stack[-1]
        if isinstance(frame.value, list):
            path = (*frame.path, frame.index)
            frame.index += 1
            frame.value.append(value)
            marks.values[path] = pos
            return path
        if frame.skip_value:
            frame.skip_value = False
            return None
        if frame.key is None:  # this node is a key
            if not isinstance(event, yaml.ScalarEvent):
                structure.append(
                    _problem(file, event.start_mark, "een sleutel moet gewone tekst zijn")
                )
                frame.skip_value = True
                return None
            if event.value == "<<" and event.style in (None, ""):
                structure.append(
                    _problem(
                        file,
                        event.start_mark,
                        "samenvoegen met '<<' is niet toegestaan: schrijf de sleutels voluit",
                    )
                )
                frame.skip_value = True
                return None
            key = value
            if not isinstance(key, str):
                structure.append(
                    _problem(
                        file,
                        event.start_mark,
                        f"sleutel {event.value!s} is geen tekst; zet hem tussen "
                        f'aanhalingstekens: "{event.value}"',
                    )
                )
                frame.skip_value = True
                return None
            if key in frame.seen:
                line, _ = frame.seen[key]
                structure.append(
                    _problem(
                        file,
                        event.start_mark,
                        f"sleutel '{key}' staat hier twee keer (eerder op regel {line}); "
                        "de tweede zou de eerste stilletjes vervangen. Haal er een weg.",
                    )
                )
                frame.skip_value = True
                return None
            frame.seen[key] = pos
            frame.key = key
            marks.keys[(*frame.path, key)] = pos
            return None
        path = (*frame.path, frame.key)
        frame.value[frame.key] = value
        frame.key = None
        marks.values[path] = pos
        return path

    try:
        for event in yaml.parse(text, Loader=_Loader):
            kind = type(event)
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    problems.append(
                        _problem(
                            file,
                            event.start_mark,
                            "er staat meer dan een document in dit bestand ('---'); "
                            "zet elke boom in een eigen bestand",
                        )
                    )
                    break
                continue
            if kind is yaml.AliasEvent:
                problems.append(
                    _problem(
                        file,
                        event.start_mark,
                        f"verwijzing '*{event.anchor}' is niet toegestaan: schrijf de tekst "
                        "voluit, of gebruik een id uit een catalogus",
                    )
                )
                if not skipping:
                    parent = stack[-1] if stack else None
                    if (
                        parent is not None
                        and isinstance(parent.value, dict)
                        and parent.key is None
                        and not parent.skip_value
                    ):
                        parent.skip_value = True  # an alias as a key: one message is enough
                    else:
                        place(event, None)
                continue
            if kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
                depth -= 1
                if skipping:
                    skipping -= 1
                else:
                    stack.pop()
                    if not stack:
                        marks.end = _pos(event.end_mark)
                continue
            if kind is not yaml.ScalarEvent and kind not in (
                yaml.SequenceStartEvent,
                yaml.MappingStartEvent,
            ):
                continue  # stream and document ends
            if event.anchor is not None:
                problems.append(
                    _problem(
                        file,
                        event.start_mark,
                        f"anker '&{event.anchor}' is niet toegestaan: schrijf de tekst voluit",
                    )
                )
            if event.tag is not None:
                implicit = event.implicit
                if not (implicit[0] if isinstance(implicit, tuple) else implicit):
                    problems.append(
                        _problem(
                            file,
                            event.start_mark,
                            f"label (tag) '{event.tag}' is niet toegestaan; haal het weg, en zet "
                            "tekst zo nodig tussen aanhalingstekens",
                        )
                    )
            if kind is yaml.ScalarEvent:
                if not skipping:
                    value = _scalar(event)
                    if place(event, value) == ():
                        marks.end = _pos(event.end_mark)
            else:
                depth += 1
                if depth > max_depth:
                    problems.append(
                        _problem(file, event.start_mark, _DEPTH_MESSAGE.format(depth=max_depth))
                    )
                    break
                if skipping:
                    skipping += 1
                else:
                    container: Any = [] if kind is yaml.SequenceStartEvent else {}
                    path = place(event, container)
                    if path is None:
                        skipping = 1
                    else:
                        if kind is yaml.SequenceStartEvent and event.flow_style:
                            marks.flow_lists.add(path)
                        stack.append(_Frame(path, container))
            if len(problems) >= 50:
                break
    except yaml.MarkedYAMLError as exc:
        problems.append(_syntax_problem(file, exc, text, max_depth))
    except (yaml.YAMLError, RecursionError):
        # a reader error without a position, or a parser that gave up on depth by itself
        problems.append(Problem(file, None, None, f"YAML-fout: {_GENERIC_SYNTAX}"))
    if problems or structure:
        raise ProblemsError(problems or structure)
    if not has_root:
        raise ProblemsError([Problem(file, 1, 1, "het bestand is leeg")])
    return root, marks


def parse_yaml(text: str, file: str, *, max_depth: int = MAX_DEPTH) -> YamlDoc:
    """Parse YAML text strictly. Raises ProblemsError with every problem found."""
    with gc_paused():
        return _parse_yaml(text, file, max_depth)


def _parse_yaml(text: str, file: str, max_depth: int) -> YamlDoc:
    control = _control_problem(file, text)
    if control is not None:
        raise ProblemsError([control])
    data, marks = _build_from_events(file, text, max_depth)
    return YamlDoc(file=file, data=data, marks=marks, text=text)


def load_yaml_file(path: Path, *, what: str = "bestand", max_bytes: int = MAX_BYTES) -> YamlDoc:
    text = read_text(path, max_bytes=max_bytes, what=what)
    return parse_yaml(text, str(path))
