"""Start the terminal wizard for a bare ``stappenplan`` (arguments are already parsed)."""

from __future__ import annotations

import gc
import sys
from typing import Any


def launch(args: Any) -> int:
    """Run the app; Textual is imported here, so the headless commands never load it."""
    from pathlib import Path

    from wizard.paths import bundled_trees, default_tree, trees_dir

    if getattr(args, "tree", None):
        from wizard.textfile import not_a_file

        path = Path(args.tree)
        problem = not_a_file(path, "boombestand")
        if problem:
            print(f"stappenplan: fout: {problem}", file=sys.stderr)
            return 2
        paths = [path]
    else:
        default = default_tree()
        paths = [default] if default.is_file() else []
        paths += [p for p in bundled_trees() if p.resolve() != default.resolve()]

    app = app_class()(
        paths,
        variant=getattr(args, "variant", None),
        save=not getattr(args, "no_save", False),
        lang=getattr(args, "lang", "nl") or "nl",
        folder_hint=str(trees_dir()),
        open_dossier=Path(args.open_dossier) if getattr(args, "open_dossier", None) else None,
    )
    return run_contained(app)


def app_class() -> Any:
    """Import the app (Textual and the screens) with the cyclic garbage collector off.

    The import makes some hundred thousand objects that live as long as the app, and hardly any
    garbage: collections during it only walked them again and again (~9 ms of a start), and
    every later full collection would too. Frozen afterwards, no collection looks at them.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        from wizard.ui.app import StappenplanApp
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
    return StappenplanApp


def run_contained(app: Any, **run_options: Any) -> int:
    """Run the app; an unexpected error ends in one Dutch sentence and exit status 3.

    Errors inside the app are caught by ``StappenplanApp._handle_exception`` (answers saved,
    traceback logged); this also covers an error outside its message loop. Either way the
    terminal is restored by Textual before the sentence is printed.
    """
    from wizard.crash import EXIT_BUG, crash_sentence, write_crash_log

    try:
        result = app.run(**run_options)
    except Exception as exc:
        if not app.crashed:
            app.crashed = True
            app.crash_saved = app._save_after_crash()
            app.crash_log = write_crash_log(exc)
    if app.crashed:
        print(crash_sentence(app.crash_log, app.crash_saved), file=sys.stderr)
        return EXIT_BUG
    return result if isinstance(result, int) else 0
