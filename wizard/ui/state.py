"""What the UI keeps between screens: the trees on offer, the running session, autosave, export.

Plain Python (no Textual), so it can be tested without a screen. The decisions about the route
and the advice stay in :mod:`wizard.engine`; this module only stores, finds and writes.
"""

from __future__ import annotations

import errno
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wizard.paths import state_dir

if TYPE_CHECKING:
    from wizard.engine import Engine
    from wizard.loader import LoadedTree

# The domain (pydantic, YAML) is imported inside the functions below, not here: the start screen
# imports this module, and its first paint should not wait for what a worker thread loads anyway.

SESSIONS_FOLDER = "sessies"


# --- trees on offer ---------------------------------------------------------------------------


@dataclass
class TreeEntry:
    path: Path
    loaded: LoadedTree | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.loaded is not None

    @property
    def title(self) -> str:
        return self.loaded.tree.title if self.loaded else self.path.name

    @property
    def description(self) -> str:
        return self.loaded.tree.description if self.loaded else ""

    @property
    def tree_id(self) -> str | None:
        return self.loaded.tree.id if self.loaded else None


def load_entry(path: Path) -> TreeEntry:
    from wizard.problems import ProblemsError, problem_lines
    from wizard.treecache import load_tree_cached

    try:
        return TreeEntry(path, load_tree_cached(path))
    except ProblemsError as exc:
        return TreeEntry(path, None, problem_lines(exc.problems))
    except OSError as exc:
        return TreeEntry(path, None, [f"{path}: {exc.strerror or exc}"])


# --- sessions on disk -------------------------------------------------------------------------


def sessions_dir() -> Path:
    return state_dir() / SESSIONS_FOLDER


def session_file(tree_id: str, session_id: str | None = None) -> Path:
    """One file per session: several projects on one tree can be in progress at once. The
    legacy name (one file per tree, no session id) is still read."""
    name = f"{tree_id}-{session_id}.json" if session_id else f"{tree_id}.json"
    return sessions_dir() / name


def new_session_id() -> str:
    import secrets
    from datetime import UTC, datetime

    return datetime.now(UTC).strftime("%Y%m%d%H%M%S") + "-" + secrets.token_hex(3)


UNREADABLE_FOLDER = "onleesbaar"
# Exported sessions are never offered again (their answers are in the exported plan); the
# newest few stay as a safety net, older ones are removed so they do not pile up.
EXPORTED_KEEP = 5
TMP_MAX_AGE = 60.0  # seconds: a temp file older than this belongs to a write that never finished


@dataclass
class Resumable:
    """An unfinished session found on disk, with what the start screen shows about it."""

    entry: TreeEntry
    data: dict[str, Any]
    variant: str | None
    answered: int
    updated: str
    project: str | None
    path: Path | None = None


@dataclass
class Unreadable:
    """A session file that could not be read: moved aside (never overwritten), with the reason."""

    name: str
    reason: str
    backup: Path | None


@dataclass
class SessionScan:
    sessions: list[Resumable] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)


def _stamp_key(stamp: str) -> str:
    """A sortable key for an ISO time stamp; anything else (or absurd) sorts oldest."""
    from datetime import UTC, datetime

    try:
        moment = datetime.fromisoformat(stamp)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC).isoformat()
    except (ValueError, OverflowError, TypeError):
        return ""


def clean_temp_files(folder: Path, max_age: float = TMP_MAX_AGE) -> int:
    """Remove ``.*.tmp`` left behind by a write that was killed midway; returns how many."""
    import time

    removed = 0
    try:
        candidates = list(folder.glob(".*.tmp"))
    except OSError:
        return 0
    now = time.time()
    for tmp in candidates:
        try:
            if now - tmp.stat().st_mtime > max_age:
                tmp.unlink()
                removed += 1
        except OSError:
            continue
    return removed


def _set_aside(path: Path) -> Path | None:
    """Move an unreadable session into the ``onleesbaar`` folder, never over another file."""
    folder = path.parent / UNREADABLE_FOLDER
    try:
        folder.mkdir(exist_ok=True)
        target = folder / path.name
        n = 2
        while target.exists():
            target = folder / f"{path.stem}-{n}{path.suffix}"
            n += 1
        os.replace(path, target)
        return target
    except OSError:
        return None


def scan_sessions(entries: list[TreeEntry], *, set_aside: bool = True) -> SessionScan:
    """Every unfinished session for the loaded trees, newest first; unreadable ones are moved
    aside and reported with the reason, so nothing is silently skipped or overwritten later."""
    from wizard.session import SessionError, load_session_data, read_session_header

    scan = SessionScan()
    folder = sessions_dir()
    if not folder.is_dir():
        return scan
    clean_temp_files(folder)
    by_tree = {e.loaded.tree.id: e for e in entries if e.loaded}
    exported: list[tuple[str, Path]] = []
    try:
        files = sorted(folder.glob("*.json"))
    except OSError:
        return scan  # an unreadable folder: autosave will say so when it fails
    for path in files:
        try:
            data = load_session_data(path)
            tree_id, variant = read_session_header(data)
            answers = data.get("answers")
            if not isinstance(answers, dict):
                raise SessionError("het sessiebestand is beschadigd: de antwoorden ontbreken")
        except SessionError as exc:
            reason = str(exc).removeprefix(f"{path}: ")
            backup = _set_aside(path) if set_aside else path
            scan.unreadable.append(Unreadable(path.name, reason, backup))
            continue
        entry = by_tree.get(tree_id)
        if entry is None or entry.loaded is None:
            continue  # a session for a tree that is not on offer now: leave it alone
        if data.get("exported") is True:
            exported.append((_stamp_key(str(data.get("updated") or "")), path))
            continue
        if not answers:
            continue
        updated = data.get("updated") if isinstance(data.get("updated"), str) else ""
        if not _stamp_key(updated):
            updated = ""
        title_q = entry.loaded.tree.settings.title_question
        project = answers.get(title_q) if title_q else None
        scan.sessions.append(
            Resumable(
                entry,
                data,
                variant,
                len(answers),
                updated,
                project if isinstance(project, str) and project.strip() else None,
                path,
            )
        )
    scan.sessions.sort(key=lambda r: _stamp_key(r.updated), reverse=True)
    if set_aside:  # the start screen's scan tidies up; a quick look never removes anything
        exported.sort(reverse=True)
        for _, path in exported[EXPORTED_KEEP:]:
            try:
                path.unlink()
            except OSError:
                pass
    return scan


def find_resumable(entries: list[TreeEntry]) -> Resumable | None:
    """The most recently edited session that has answers and was not exported since."""
    found = scan_sessions(entries, set_aside=False).sessions
    return found[0] if found else None


class Session:
    """One walk through one tree: the engine plus autosave and export bookkeeping."""

    def __init__(self, loaded: LoadedTree, engine: Engine, save: bool, case: Any = None):
        self.loaded = loaded
        self.engine = engine
        self.save = save
        self.case = case  # a wizard.casuistiek.LibraryCase when a trainee practises a case
        self._exported: dict[str, Any] | None = None
        self.autosave_error: str | None = None
        self.saved_once = False  # at least one autosave reached the disk
        self.forked_to: Path | None = None  # set when another program wrote our file meanwhile
        self._path: Path | None = None
        self._disk_stamp: str | None = None  # the 'updated' we last read or wrote
        self.dossier: Any = None  # a wizard.dossier.Dossier once the plan is recorded
        self.dossier_path: Path | None = None
        self.dossier_unfit: dict[str, Any] = {}  # answers the tree no longer takes: kept on disk
        self.documents: list[Path] = []  # documents written from the dossier in this run
        self.plan_export: Path | None = None  # the last plan export (Markdown) in this run

    @classmethod
    def fresh(cls, loaded: LoadedTree, variant: str | None, save: bool) -> Session:
        from wizard.engine import Engine
        from wizard.flow import resolve

        return cls(loaded, Engine(resolve(loaded.tree, variant)), save)

    @classmethod
    def for_case(cls, loaded: LoadedTree, case: Any) -> Session:
        """A practice run of a library case: a fresh engine (the case's variant), never saved,
        so it can never overwrite the user's own session for this tree."""
        from wizard.engine import Engine
        from wizard.flow import resolve

        return cls(loaded, Engine(resolve(loaded.tree, case.case.variant)), False, case)

    @classmethod
    def resume(cls, found: Resumable, save: bool) -> tuple[Session, list[str], bool]:
        """Rebuild from disk; raises SessionError (or UnknownVariant) when that cannot be done."""
        from wizard.flow import resolve
        from wizard.session import session_from_dict

        loaded = found.entry.loaded
        assert loaded is not None
        flow = resolve(loaded.tree, found.variant)
        restored = session_from_dict(found.data, flow, loaded.digest)
        session = cls(loaded, restored.engine, save)
        if found.path is not None:
            session._path = found.path
            stamp = found.data.get("updated")
            session._disk_stamp = stamp if isinstance(stamp, str) else None
        return session, restored.notes, restored.tree_changed

    @property
    def digest(self) -> str:
        return self.loaded.digest

    @property
    def path(self) -> Path:
        if self._path is None:
            self._path = session_file(self.loaded.tree.id, new_session_id())
        return self._path

    @property
    def exported(self) -> bool:
        """True when the answers (and the user's own words) as they are now have been exported."""
        return self._exported is not None and self._exported == self._what_is_exported()

    def _what_is_exported(self) -> dict[str, Any]:
        return json.loads(
            json.dumps({"answers": self.engine.answers, "details": self.engine.details})
        )

    @property
    def has_answers(self) -> bool:
        return bool(self.engine.answers)

    def mark_exported(self, *, save: bool = True) -> None:
        """The answers as they are now are exported; ``save=False``: known from the file."""
        self._exported = self._what_is_exported()
        if save:
            self.autosave()

    def _written_by_someone_else(self) -> bool:
        """Did another program (a second window) write our session file since we did?"""
        from wizard.session import SessionError, load_session_data

        path = self.path
        if not path.exists():
            return False
        if self._disk_stamp is None:
            return True  # a file we did not write and did not read: never overwrite it
        try:
            data = load_session_data(path)
        except SessionError:
            return True
        stamp = data.get("updated") if isinstance(data, dict) else None
        return stamp != self._disk_stamp

    def autosave(self) -> str | None:
        """Write the session atomically (write aside, then rename); return an error or None.

        A session bound to a dossier is saved in the dossier (the project's own file), also
        when working without saving: the user opened or made that file on purpose, and it
        would be wrong for it to hold other answers than the screen. A session file that
        another program wrote meanwhile is never overwritten: this session continues in a new
        file, and ``forked_to`` says where.
        """
        from wizard.session import save_session

        if self.case is not None:
            return None
        if self.dossier is not None and self.dossier_path is not None:
            return self.save_dossier()
        if not self.save:
            return None
        if not self.engine.answers and not self.path.exists():
            return None  # nothing to keep yet: no empty file for every "Beginnen"
        try:
            if self._written_by_someone_else():
                self._path = session_file(self.loaded.tree.id, new_session_id())
                self.forked_to = self._path
            save_session(self.path, self.engine, self.digest, exported=self.exported)
        except OSError as exc:
            self.autosave_error = describe_os_error(exc, self.path)
            return self.autosave_error
        self._disk_stamp = self.engine.updated
        self.autosave_error = None
        self.saved_once = True
        return None

    def save_dossier(self) -> str | None:
        from wizard.dossier import save_dossier, update_answers

        if self.dossier is None or self.dossier_path is None:
            return None
        update_answers(self.dossier, self.engine, self.digest, self.dossier_unfit)
        try:
            # working without saving leaves no trace in the state folder (the recent list)
            save_dossier(self.dossier_path, self.dossier, remember_it=self.save)
        except OSError as exc:
            self.autosave_error = describe_os_error(exc, self.dossier_path)
            return self.autosave_error
        self.autosave_error = None
        self.saved_once = True
        return None

    def attach_dossier(self, dossier: Any, path: Path) -> str | None:
        """From now on this project lives in its dossier; the loose session file goes."""
        self.dossier, self.dossier_path = dossier, path
        if self.exported and self.plan_export is not None:  # exported before the dossier
            from wizard.dossier import answers_digest, note_written

            digest = answers_digest(self.engine.answers, self.engine.details)
            note_written(dossier, "plan", self.plan_export, digest)
        error = self.save_dossier()
        if error is None and self._path is not None:
            try:
                self._path.unlink(missing_ok=True)
            except OSError:
                pass
        return error


# --- export -----------------------------------------------------------------------------------


class ExportError(Exception):
    """An export that failed; ``args[0]`` is a key into the strings, ``path`` the culprit."""

    def __init__(self, key: str, path: str, reason: str = ""):
        super().__init__(key)
        self.key = key
        self.path = path
        self.reason = reason


def slug(text: str) -> str:
    norm = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    out = re.sub(r"[^a-z0-9]+", "-", norm.lower()).strip("-")
    if len(out) > 50:  # shorten at a word boundary, never in the middle of a word
        out = out[:51].rsplit("-", 1)[0] if "-" in out[:51] else out[:50]
    return out.strip("-") or "participatieplan"


def default_export_name(engine: Engine, today: date | None = None) -> str:
    from wizard.render import project_title

    title = project_title(engine) or engine.flow.tree.title
    return f"participatieplan-{slug(title)}-{(today or date.today()).isoformat()}.md"


def expand_home(path: Path) -> Path:
    """``~/x`` to the home folder; ``~name`` of an unknown user stays as typed (no error)."""
    try:
        return path.expanduser()
    except RuntimeError:
        return path


def export_targets(text: str, default_name: str, cwd: Path | None = None) -> tuple[Path, Path]:
    """The Markdown (or Word, for a name ending in .docx) and JSON files for what the user
    typed (a file, or a folder)."""
    raw = text.strip()
    base = expand_home(Path(raw))
    if not base.is_absolute():
        base = (cwd or Path.cwd()) / base
    if raw.endswith(("/", "\\")) or base.is_dir():
        base = base / default_name
    if base.suffix.lower() in ("", ".json"):
        base = base.with_suffix(".md")
    return base, base.with_suffix(".json")  # "plan.docx" gives a Word document and the JSON


def describe_os_error(exc: OSError, path: Path) -> str:
    """A short Dutch reason for a failed write (the key texts live in strings.py for the UI)."""
    return f"{exc.filename or path}: {exc.strerror or exc}"


def error_key(exc: OSError) -> str:
    return {
        errno.EACCES: "export.err.denied",
        errno.EPERM: "export.err.denied",
        errno.ENOENT: "export.err.missing",
        errno.ENOTDIR: "export.err.notdir",
        errno.EISDIR: "export.err.isdir",
        errno.ENOSPC: "export.err.full",
        errno.EROFS: "export.err.readonly",
        errno.ENAMETOOLONG: "export.err.toolong",
    }.get(exc.errno or 0, "export.err.other")


def default_handout_name(case_name: str) -> str:
    return f"casus-{slug(case_name)}.md"


def handout_target(text: str, default_name: str, cwd: Path | None = None) -> Path:
    """The Markdown file for what the user typed (a file, or a folder)."""
    return export_targets(text, default_name, cwd)[0]


def _check_parent(path: Path) -> None:
    if path.is_dir():
        raise ExportError("export.err.isdir", str(path))
    parent = path.parent
    if parent.exists() and not parent.is_dir():
        raise ExportError("export.err.notdir", str(parent))
    if not parent.exists():
        ancestor = next((p for p in parent.parents if p.exists()), None)
        if ancestor is not None and not ancestor.is_dir():
            raise ExportError("export.err.notdir", str(ancestor))
        raise ExportError("export.err.missing", str(parent))


def write_document(path: Path, content: str) -> None:
    """Write one exported document atomically; raise ExportError with the reason on failure.

    A name ending in ``.docx`` gets the Markdown as a Word document (headings and lists as
    Word styles)."""
    from wizard.session import write_atomic

    _check_parent(path)
    try:
        if path.suffix.lower() == ".docx":
            from wizard.docx_export import write_docx

            write_docx(path, content)
        else:
            write_atomic(path, content)
    except OSError as exc:
        culprit = exc.filename or path.parent
        raise ExportError(error_key(exc), str(culprit), exc.strerror or str(exc)) from None
    _normal_permissions(path)


def write_export(
    session: Session,
    md_path: Path,
    json_path: Path,
    today: date | None = None,
    lang: str = "nl",
) -> None:
    """Write both files atomically; raise ExportError with the reason on failure."""
    from wizard.render import to_json_data, to_markdown
    from wizard.text import json_text

    engine = session.engine
    advice = engine.advice()
    markdown = to_markdown(engine, advice, today=today, lang=lang)
    data = to_json_data(engine, session.digest, advice)
    for path, content in (
        (md_path, markdown),
        (json_path, json_text(data)),
    ):
        write_document(path, content)
    if session.dossier is not None:  # the dossier remembers it (for the quit dialog, later)
        from wizard.dossier import answers_digest, note_written

        digest = answers_digest(engine.answers, engine.details)
        note_written(session.dossier, "plan", md_path.resolve(), digest)
    session.plan_export = md_path.resolve()
    session.mark_exported()


def _normal_permissions(path: Path) -> None:
    """write_atomic makes a private temp file (0600); an export is an ordinary document."""
    mask = os.umask(0)
    os.umask(mask)
    try:
        os.chmod(path, 0o666 & ~mask)
    except OSError:
        pass
