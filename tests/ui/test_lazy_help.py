"""The help panel is rendered only while it can be seen (issue 8: a Markdown update per answer
was half the cost of an answer on a narrow terminal); shown again, it is up to date."""

from __future__ import annotations

from tests.ui.helpers import begin, make_app, screen_text, type_text


async def test_help_hidden_while_answering_is_current_when_shown():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await type_text(pilot, "Plein")
        await pilot.press("enter")  # welkom → ruimte, with the help hidden all along
        assert app.session.engine.cursor == "ruimte"
        await pilot.press("f1")
        await pilot.pause()
        text = screen_text(app)
        assert "Zonder invloedsruimte geen participatie." in text
        assert "We gebruiken de naam in het plan." not in text
