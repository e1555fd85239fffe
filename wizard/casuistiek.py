"""The case library (casuïstiek) for trainers: the tree's example cases plus training cases.

Training cases live in files beside the tree, in a folder ``casuistiek/`` (for the bundled tree:
``trees/casuistiek/*.yaml``). A file holds one case, or a list of cases, in the same shape as an
example case in a tree (:class:`wizard.model.Case`), plus ``tree:`` with the id of the tree it
belongs to. A training case must have a lesson (``lesson:`` with do's and don'ts): that is what
it is for.

Files are read with the strict YAML loader, and every problem is reported as ``file:line:col``.
:func:`check_casuistiek` walks each training case through its tree and tests its expectations;
``stappenplan check`` calls it, so a case that no longer fits a changed tree is caught.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError

from wizard.cases import check_case
from wizard.loader import LoadedTree, describe_path, validation_problems
from wizard.model import Case, Ident, Lesson, Tree
from wizard.problems import Problem, ProblemsError, sort_problems
from wizard.yamlsafe import YamlDoc, load_yaml_file

Path_ = tuple[str | int, ...]

CASUISTIEK_FOLDER = "casuistiek"


class TrainingCase(Case):
    """A training case: an example case that says which tree it belongs to, with a lesson."""

    tree: Ident = Field(description="Id van de boom waar deze casus bij hoort.")
    lesson: Lesson = Field(description="Wat deze casus leert: tekst, do's en don'ts.")


@dataclass(frozen=True)
class LibraryCase:
    """One case in the library, with where it was written down."""

    case: Case
    tree_id: str
    origin: Literal["tree", "training"]
    file: str
    path: Path_ = ()  # where the case starts in its file (("cases", 2) in a tree, (1,) in a list)
    line: int | None = None
    doc: YamlDoc | None = field(default=None, compare=False, repr=False)

    @property
    def id(self) -> str:
        return self.case.id

    @property
    def name(self) -> str:
        return self.case.name

    @property
    def is_training(self) -> bool:
        return self.origin == "training"


@dataclass
class CaseLibrary:
    """The cases for one tree, and any problems met while reading the training files."""

    cases: list[LibraryCase] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def get(self, case_id: str) -> LibraryCase | None:
        return next((c for c in self.cases if c.id == case_id), None)

    @property
    def ids(self) -> list[str]:
        return [c.id for c in self.cases]


@dataclass
class CaseFile:
    """A training-case file as read: its cases, each with its path in the file."""

    doc: YamlDoc
    cases: list[tuple[TrainingCase, Path_]]

    @property
    def file(self) -> str:
        return self.doc.file


# --- reading ----------------------------------------------------------------------------------


def casuistiek_dir(tree_file: Path | str | None = None) -> Path:
    """The folder with the training cases for a tree file: ``casuistiek/`` beside it."""
    if tree_file is None:
        from wizard.paths import trees_dir

        return trees_dir() / CASUISTIEK_FOLDER
    return Path(tree_file).parent / CASUISTIEK_FOLDER


def case_files(folder: Path | str) -> list[Path]:
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def _shape_problem(doc: YamlDoc) -> Problem:
    return Problem(
        doc.file,
        1,
        1,
        "een casusbestand bevat een casus (sleutels zoals tree, id, name, description, answers, "
        "lesson) of een lijst van casussen",
    )


def case_file_from_doc(doc: YamlDoc) -> CaseFile:
    """Validate a parsed training-case file. Raises ProblemsError with every located problem."""
    if isinstance(doc.data, dict):
        items: list[tuple[Any, Path_]] = [(doc.data, ())]
    elif isinstance(doc.data, list) and doc.data:
        items = [(item, (i,)) for i, item in enumerate(doc.data)]
    else:
        raise ProblemsError([_shape_problem(doc)])
    cases: list[tuple[TrainingCase, Path_]] = []
    problems: list[Problem] = []
    for data, prefix in items:
        if not isinstance(data, dict):
            line, col = doc.marks.at(prefix) or (1, 1)
            problems.append(
                Problem(
                    doc.file,
                    line,
                    col,
                    "hier hoort een casus (sleutels met waarden)",
                    where=describe_path(doc.data, prefix),
                )
            )
            continue
        try:
            cases.append((TrainingCase.model_validate(data), prefix))
        except ValidationError as exc:
            problems += validation_problems(exc, doc, TrainingCase, prefix)
    seen: dict[str, Path_] = {}
    for case, prefix in cases:
        if case.id in seen:
            line, col = doc.marks.at((*prefix, "id")) or (None, None)
            problems.append(
                Problem(doc.file, line, col, f"casus-id '{case.id}' komt twee keer voor")
            )
        seen.setdefault(case.id, prefix)
    if problems:
        raise ProblemsError(sort_problems(problems))
    return CaseFile(doc, cases)


def load_case_file(path: Path | str) -> CaseFile:
    """Read and validate one training-case file. Raises ProblemsError (located problems)."""
    return case_file_from_doc(load_yaml_file(Path(path), what="casusbestand"))


def _declared_tree(doc: YamlDoc | None) -> set[str] | None:
    """The tree ids a (possibly invalid) file names, or None when it names none we can read."""
    if doc is None:
        return None
    items = doc.data if isinstance(doc.data, list) else [doc.data]
    found = {i.get("tree") for i in items if isinstance(i, dict) and isinstance(i.get("tree"), str)}
    return found or None


def _read_folder(
    folder: Path | str,
) -> list[tuple[Path, CaseFile | None, list[Problem], YamlDoc | None]]:
    out = []
    for path in case_files(folder):
        doc: YamlDoc | None = None
        try:
            doc = load_yaml_file(path, what="casusbestand")
            out.append((path, case_file_from_doc(doc), [], doc))
        except ProblemsError as exc:
            out.append((path, None, exc.problems, doc))
    return out


def _line(doc: YamlDoc, path: Path_) -> int | None:
    pos = doc.marks.at(path)
    return pos[0] if pos else None


def tree_cases(tree: Tree, tree_file: str = "") -> list[LibraryCase]:
    """The example cases written in the tree itself."""
    return [
        LibraryCase(case, tree.id, "tree", tree_file, ("cases", i))
        for i, case in enumerate(tree.cases)
    ]


def cases_for_tree(
    tree: Tree | LoadedTree,
    tree_file: Path | str | None = None,
    *,
    folder: Path | str | None = None,
) -> CaseLibrary:
    """All cases for a tree: its own example cases, then the training cases for its id.

    ``tree`` may be a :class:`LoadedTree` (its file then tells where to look). Training files
    are looked for in ``folder``, or else in ``casuistiek/`` beside the tree file, or else in
    the bundled ``trees/casuistiek/``. Files that name another tree are skipped; files that
    cannot be read and may belong to this tree give problems (the other cases still load).
    A training case whose id is already taken is skipped with a problem.
    """
    if isinstance(tree, LoadedTree):
        tree_file = tree_file or tree.file
        loaded: LoadedTree | None = tree
        tree = tree.tree
    else:
        loaded = None
    library = CaseLibrary()
    if loaded is not None:
        for i, case in enumerate(tree.cases):
            line = _line(loaded.doc, ("cases", i))
            library.cases.append(
                LibraryCase(case, tree.id, "tree", loaded.file, ("cases", i), line, loaded.doc)
            )
    else:
        library.cases += tree_cases(tree, str(tree_file or ""))
    where = Path(folder) if folder is not None else casuistiek_dir(tree_file)
    taken = {c.id for c in library.cases}
    for _path, case_file, problems, doc in _read_folder(where):
        if case_file is None:
            declared = _declared_tree(doc)
            if declared is None or tree.id in declared:
                library.problems += problems
            continue
        for case, prefix in case_file.cases:
            if case.tree != tree.id:
                continue
            if case.id in taken:
                line, col = case_file.doc.marks.at((*prefix, "id")) or (None, None)
                library.problems.append(
                    Problem(
                        case_file.file,
                        line,
                        col,
                        f"casus-id '{case.id}' is al in gebruik bij deze boom; kies een andere id",
                    )
                )
                continue
            taken.add(case.id)
            library.cases.append(
                LibraryCase(
                    case,
                    case.tree,
                    "training",
                    case_file.file,
                    prefix,
                    _line(case_file.doc, prefix),
                    case_file.doc,
                )
            )
    return library


# --- checking ---------------------------------------------------------------------------------


@dataclass
class CaseCheck:
    """The outcome of checking the training cases of one tree."""

    problems: list[Problem] = field(default_factory=list)
    cases: int = 0
    passed: int = 0
    files: int = 0
    walked: bool = True

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)

    def format(self) -> str:
        if not self.walked:
            return f"casuïstiek: {self.cases} niet nagelopen (los eerst de fouten in de boom op)"
        return f"casuïstiek: {self.passed} van {self.cases} geslaagd"


def check_casuistiek(
    loaded: LoadedTree,
    tree_file: Path | str | None = None,
    *,
    folder: Path | str | None = None,
    walk_cases: bool = True,
) -> CaseCheck:
    """Check the training cases for a loaded tree: files readable, routes end in an outcome,
    expectations hold. ``walk_cases=False`` only reads the files (for a tree with errors)."""
    library = cases_for_tree(loaded, tree_file, folder=folder)
    result = CaseCheck(problems=list(library.problems), walked=walk_cases)
    training = [c for c in library.cases if c.is_training]
    result.files = len({c.file for c in training})
    for entry in training:
        if not walk_cases or entry.doc is None:
            continue
        problems = check_case(loaded.tree, entry.case, entry.doc, entry.path)
        result.problems += problems
        if not any(p.is_error for p in problems):
            result.passed += 1
    result.cases = len(training)
    result.problems = sort_problems(result.problems)
    return result
