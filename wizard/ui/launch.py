"""Start the terminal wizard for a bare ``stappenplan`` (arguments are already parsed)."""

from __future__ import annotations

import sys
from typing import Any


def launch(args: Any) -> int:
    """Run the app; Textual is imported here, so the headless commands never load it."""
    from pathlib import Path

    from wizard.paths import bundled_trees, default_tree, trees_dir

    if getattr(args, "tree", None):
        path = Path(args.tree)
        if not path.is_file():
            print(f"stappenplan: fout: boombestand niet gevonden: {path}", file=sys.stderr)
            return 2
        paths = [path]
    else:
        default = default_tree()
        paths = [default] if default.is_file() else []
        paths += [p for p in bundled_trees() if p.resolve() != default.resolve()]

    from wizard.ui.app import StappenplanApp

    app = StappenplanApp(
        paths,
        variant=getattr(args, "variant", None),
        save=not getattr(args, "no_save", False),
        lang=getattr(args, "lang", "nl") or "nl",
        folder_hint=str(trees_dir()),
        open_dossier=Path(args.open_dossier) if getattr(args, "open_dossier", None) else None,
    )
    result = app.run()
    return result if isinstance(result, int) else 0
