"""Sessions on disk: save after every answer, load back, and survive a changed tree.

A session stores answers by node and option id, never by label, so rewording a question breaks
nothing. When the tree did change in a way that matters (a question removed, an option renamed),
loading reports exactly which answers no longer fit and continues with the rest.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wizard.engine import AnswerError, Details, Engine, check_detail, fits
from wizard.flow import Flow

SESSION_KIND = "stappenplan-session"
SESSION_VERSION = 1
MAX_SESSION_BYTES = 1024 * 1024


class SessionError(ValueError):
    """A session file that cannot be used; the message is for the user (Dutch)."""


@dataclass
class Restored:
    engine: Engine
    notes: list[str] = field(default_factory=list)
    tree_changed: bool = False


def session_to_dict(engine: Engine, digest: str, *, exported: bool = False) -> dict[str, Any]:
    """The session as JSON data; ``exported`` says the answers as they are were exported."""
    return {
        "kind": SESSION_KIND,
        "version": SESSION_VERSION,
        "tree_id": engine.flow.tree.id,
        "tree_digest": digest,
        "variant": engine.flow.variant_id,
        "answers": engine.answers,
        "details": engine.details,
        "path": engine.path,
        "cursor": engine.cursor,
        "created": engine.created,
        "updated": engine.updated,
        "exported": exported,
    }


def read_session_header(data: Any) -> tuple[str, str | None]:
    """The tree id and variant a session belongs to, checked for shape."""
    if not isinstance(data, dict) or data.get("kind") != SESSION_KIND:
        raise SessionError("dit is geen sessiebestand van stappenplan")
    if data.get("version") != SESSION_VERSION:
        raise SessionError(
            f"sessieversie {data.get('version')!r} wordt niet ondersteund (verwacht "
            f"{SESSION_VERSION})"
        )
    tree_id = data.get("tree_id")
    variant = data.get("variant")
    if not isinstance(tree_id, str) or not (variant is None or isinstance(variant, str)):
        raise SessionError("het sessiebestand is beschadigd: boom of variant ontbreekt")
    return tree_id, variant


def session_from_dict(data: Any, flow: Flow, digest: str) -> Restored:
    """Rebuild an engine from saved data; answers that no longer fit are reported, not fatal."""
    tree_id, _ = read_session_header(data)
    if tree_id != flow.tree.id:
        raise SessionError(f"deze sessie hoort bij boom '{tree_id}', niet bij '{flow.tree.id}'")
    answers = data.get("answers")
    if not isinstance(answers, dict):
        raise SessionError("het sessiebestand is beschadigd: de antwoorden ontbreken")
    kept, notes = fit_answers(flow, answers)
    words, word_notes = fit_details(flow, data.get("details"))
    cursor = data.get("cursor") if isinstance(data.get("cursor"), str) else None
    engine = Engine(flow, kept, cursor, words)
    notes += word_notes
    for attr in ("created", "updated"):
        if isinstance(data.get(attr), str):
            setattr(engine, attr, data[attr])
    return Restored(engine, notes, tree_changed=data.get("tree_digest") != digest)


def fit_answers(flow: Flow, answers: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The answers that still fit the flow, and a Dutch note for each one that does not."""
    kept: dict[str, Any] = {}
    notes: list[str] = []
    for node_id, value in answers.items():
        node = flow.nodes.get(node_id)
        if node is None:
            notes.append(f"vraag '{node_id}' bestaat niet meer; dat antwoord is niet overgenomen")
        elif node.kind == "outcome" or not fits(node, value):
            notes.append(
                f"het antwoord op '{node_id}' past niet meer bij de vraag "
                f"({_short(value)}); beantwoord die vraag opnieuw"
            )
        else:
            kept[node_id] = value
    return kept, notes


def fit_details(flow: Flow, details: Any) -> tuple[Details, list[str]]:
    """The user's own words that still fit the flow (an option that asks for words), and a
    Dutch note for each that does not. A file without words (older files) gives none."""
    kept: Details = {}
    notes: list[str] = []
    if details is None:
        return kept, notes
    if not isinstance(details, dict):
        return kept, ["de eigen woorden bij de antwoorden zijn beschadigd en niet overgenomen"]
    for node_id, words in details.items():
        node = flow.nodes.get(node_id)
        if node is None or not isinstance(words, dict):
            notes.append(
                f"de eigen woorden bij vraag '{node_id}' passen niet meer bij de boom en zijn "
                "niet overgenomen"
            )
            continue
        for option_id, value in words.items():
            try:
                text = check_detail(node, option_id, value)
            except AnswerError as exc:
                notes.append(f"eigen woorden bij vraag '{node_id}' niet overgenomen: {exc}")
                continue
            if text:
                kept.setdefault(node_id, {})[option_id] = text
    return kept, notes


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write aside, then rename: a crash leaves either the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def save_session(path: Path, engine: Engine, digest: str, *, exported: bool = False) -> None:
    data = session_to_dict(engine, digest, exported=exported)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    write_atomic(path, text + "\n")


def load_session_data(path: Path) -> Any:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SessionError(f"{path}: kan sessie niet lezen: {exc.strerror}") from None
    if size > MAX_SESSION_BYTES:
        raise SessionError(f"{path}: sessiebestand is te groot ({size // 1024} kB)")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SessionError(f"{path}: kan sessie niet lezen: {exc.strerror}") from None
    if not raw.strip():
        raise SessionError(f"{path}: sessiebestand is leeg")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SessionError(f"{path}: sessiebestand is geen tekst (beschadigd)") from None
    if text.startswith("\ufeff"):
        raise SessionError(
            f"{path}: sessiebestand begint met een onzichtbaar teken (BOM); het is door een "
            "ander programma opgeslagen"
        )
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise SessionError(
            f"{path}: sessiebestand is beschadigd (regel {exc.lineno}, kolom {exc.colno})"
        ) from None
    except RecursionError:
        raise SessionError(f"{path}: sessiebestand is beschadigd (te diep genest)") from None
