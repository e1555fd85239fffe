"""The command palette (Ctrl+P): go to a question on the route, export, restart, theme, sources.

Question texts come from the tree, so every prompt and help is passed as literal ``Content``
(the palette would otherwise parse a ``str`` as markup).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from wizard.ui import safe


class StappenplanCommands(Provider):
    def _goto_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """One "go to" command per question on the route: found by search, not listed."""
        app = self.app
        s = app.strings  # type: ignore[attr-defined]
        session = app.session  # type: ignore[attr-defined]
        if session is None:
            return []
        engine = session.engine
        commands = []
        for step, node_id in enumerate(engine.path, 1):
            if engine.flow.is_question(node_id):
                node = engine.flow.node(node_id)
                commands.append(
                    (
                        s("cmd.goto", question=safe.one_line(node.question)),
                        s("cmd.goto.help", n=step),
                        partial(app.goto_node, node_id),  # type: ignore[attr-defined]
                    )
                )
        return commands

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """The commands listed when the palette opens."""
        app = self.app
        s = app.strings  # type: ignore[attr-defined]
        session = app.session  # type: ignore[attr-defined]
        commands: list[tuple[str, str, Callable[[], object]]] = []
        if session is not None:
            commands += [
                (s("cmd.review"), s("cmd.review.help"), app.show_review),  # type: ignore[attr-defined]
                (s("cmd.advice"), s("cmd.advice.help"), partial(app.show_result, True)),  # type: ignore[attr-defined]
                (s("cmd.export"), s("cmd.export.help"), app.start_export),  # type: ignore[attr-defined]
                (s("cmd.restart"), s("cmd.restart.help"), app.confirm_restart),  # type: ignore[attr-defined]
                (s("cmd.start"), s("cmd.start.help"), app.to_start),  # type: ignore[attr-defined]
            ]
            if session.case is None:
                commands.append((s("cmd.dossier"), s("cmd.dossier.help"), app.action_dossier))  # type: ignore[attr-defined]
            if session.case is not None:
                commands += [
                    (s("cmd.compare"), s("cmd.compare.help"), app.show_compare),  # type: ignore[attr-defined]
                    (s("cmd.demo"), s("cmd.demo.help"), app.show_replay),  # type: ignore[attr-defined]
                    (s("cmd.story"), s("cmd.story.help"), app.show_story),  # type: ignore[attr-defined]
                ]
        if session is not None or app.entries:  # type: ignore[attr-defined]
            commands += [
                (s("cmd.cases"), s("cmd.cases.help"), app.show_cases),  # type: ignore[attr-defined]
                (s("cmd.tree"), s("cmd.tree.help"), app.show_tree),  # type: ignore[attr-defined]
                (s("cmd.uitleg"), s("cmd.uitleg.help"), app.toggle_uitleg),  # type: ignore[attr-defined]
            ]
        commands += [
            (s("cmd.sources"), s("cmd.sources.help"), app.show_sources),  # type: ignore[attr-defined]
            (s("cmd.theme"), s("cmd.theme.help"), app.action_change_theme),
            (s("cmd.quit"), s("cmd.quit.help"), app.action_quit),
        ]
        return commands

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(Content(title), callback, text=title, help=Content(help_text))  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._goto_commands() + self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score,
                    _highlight(matcher, title),
                    callback,
                    text=title,
                    help=Content(help_text),  # type: ignore[arg-type]
                )


def _highlight(matcher, title: str) -> Content:
    """Like ``Matcher.highlight``, but on literal text (that one parses its input as markup)."""
    content = Content(title)
    score, offsets = matcher.fuzzy_search.match(matcher.query, title)
    if not score:
        return content
    for offset in offsets:
        if not title[offset].isspace():
            content = content.stylize(matcher._match_style, offset, offset + 1)
    return content
