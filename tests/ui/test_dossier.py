"""Pilot tests: a whole project cycle in the TUI, from plan to rapportage, letter and form."""

from __future__ import annotations

from docx import Document
from textual.widgets import Input, RadioButton, RadioSet, Select, SelectionList

from tests.ui.helpers import begin, keys_at_once, make_app, ready, screen_text, type_text
from wizard.dossier import load_dossier
from wizard.paths import dossiers_dir
from wizard.recent import recent_dossiers
from wizard.report import letter_markdown
from wizard.ui.screens.dossier import (
    ActivityForm,
    DecisionForm,
    DossierExportScreen,
    DossierScreen,
    EvaluationForm,
    InputForm,
)
from wizard.ui.screens.modals import ConfirmScreen
from wizard.ui.screens.result import ResultScreen


async def plan_plein(pilot) -> None:
    """Start screen → variant Leiden → naam, welkom, ruimte=ja, groepen, niveau=coproduceren."""
    await begin(pilot, variant_index=1)
    await type_text(pilot, "Plein")
    await pilot.press("enter")  # welkom
    await pilot.press("1")  # ruimte: ja
    await pilot.press("1", "2", "enter")  # groepen: omwonenden + jongeren
    await pilot.press("2")  # niveau: coproduceren → advice
    assert isinstance(pilot.app.screen, ResultScreen)


def fill(screen, **values) -> None:
    for widget_id, value in values.items():
        screen.query_one(f"#{widget_id}", Input).value = value


async def save(pilot) -> None:
    await pilot.press("ctrl+s")  # Opslaan (the button does the same)
    await pilot.pause()
    if isinstance(pilot.app.screen, DossierScreen):
        # a letter right after a form closed is typed text, not a shortcut: wait as a user does
        await pilot.pause(DossierScreen.TYPE_AHEAD + 0.1)


async def log_activity(pilot, werkvorm, date, place, people, reached, missing, follow_up):
    await pilot.press("a")
    form = pilot.app.screen
    assert isinstance(form, ActivityForm)
    form.query_one("#f-werkvorm", Select).value = werkvorm
    fill(
        form, **{"f-date": date, "f-place": place, "f-participants": people, "f-follow": follow_up}
    )
    for g in reached:
        form.query_one("#f-reached", SelectionList).select(g)
    for g in missing:
        form.query_one("#f-missing", SelectionList).select(g)
    await save(pilot)
    assert isinstance(pilot.app.screen, DossierScreen)


async def test_whole_cycle_plan_activities_rapportage_letter_and_form(tmp_path):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6")  # record the plan in a dossier
        assert isinstance(app.screen, DossierScreen)
        path = app.session.dossier_path
        assert path.parent == dossiers_dir() and path.name == "dossier-plein.yaml"
        assert "Dossier: Plein" in screen_text(app)

        await log_activity(
            pilot,
            "atelier",
            "01-03-2026",  # the Dutch way of writing a date is understood
            "Buurthuis De Kooi",
            "24",
            ["omwonenden"],
            ["jongeren"],
            "Jongerenwerk gevraagd om een gesprek op het plein.",
        )
        await log_activity(
            pilot,
            "brief",
            "2026-03-08",
            "Huis-aan-huis",
            "180",
            ["omwonenden"],
            ["jongeren"],
            "Straatgesprekken bij de school gepland.",
        )
        text = screen_text(app)
        assert "Ontwerpatelier · 1 maart 2026 · 24 deelnemers · niet bereikt: Jongeren" in text
        assert "Nog niet bereikt: Jongeren" in text

        await pilot.press("h")
        form = app.screen
        assert isinstance(form, InputForm)
        fill(form, **{"f-subject": "Groen", "f-heard": "Meer bomen.", "f-decided": "projectteam"})
        form.query_one("#f-group", Select).value = "omwonenden"
        form.query_one("#f-weighing", RadioSet).query("RadioButton")[2].value = True  # deels
        await save(pilot)
        assert isinstance(app.screen, InputForm)  # 'deels' needs a reason: the form says so
        assert "waarom het niet of deels" in screen_text(app)
        fill(app.screen, **{"f-reason": "Vier bomen; meer kan niet door de kabels."})
        await save(pilot)
        assert isinstance(app.screen, DossierScreen)

        await pilot.press("e")
        form = app.screen
        assert isinstance(form, EvaluationForm)
        fill(form, **{"f-respondents": "12", "f-clear": "4,2", "f-heard": "7"})
        await save(pilot)
        assert "getal van 1 tot en met 5" in screen_text(app)
        fill(app.screen, **{"f-heard": "3,5"})
        await save(pilot)

        await pilot.press("b")
        assert isinstance(app.screen, DecisionForm)
        fill(app.screen, **{"f-text": "Het college stelt het ontwerp vast.", "f-by": "college"})
        await save(pilot)
        assert "Het college stelt het ontwerp vast. (college)" in screen_text(app)

        # everything is on disk, in the dossier
        dossier = load_dossier(path)
        assert [a.werkvorm for a in dossier.activities] == ["atelier", "brief"]
        assert dossier.activities[0].date == "2026-03-01"
        assert dossier.inputs[0].weighing.value == "deels"
        assert dossier.evaluations[0].clear == 4.2
        assert dossier.never_reached() == ["jongeren"]

        # export: rapportage (Word), letter and form (Markdown)
        await pilot.press("x")
        export = app.screen
        assert isinstance(export, DossierExportScreen)
        export.query_one("#x-folder", Input).value = str(tmp_path)
        await pilot.press("enter")  # Participatierapportage, Word (the default)
        assert "Geschreven:" in screen_text(app)
        export.query_one("#x-format", RadioSet).query("RadioButton")[1].value = True  # Markdown
        await pilot.press("down", "enter", "down", "enter")  # letter, then form
        await pilot.pause()
        report = Document(str(tmp_path / "dossier-plein-rapportage.docx"))
        text = "\n".join(p.text for p in report.paragraphs)
        assert "Niet bereikt, en wat we daaraan deden:\nJongeren\n" in text
        assert "Na Ontwerpatelier (1 maart 2026): Jongerenwerk gevraagd" in text
        letter = (tmp_path / "dossier-plein-brief.md").read_text(encoding="utf-8")
        assert "Omwonenden zeiden: Meer bomen." in letter
        assert "- Jongeren hebben we nog niet gesproken." in letter
        form_md = (tmp_path / "dossier-plein-evaluatieformulier.md").read_text(encoding="utf-8")
        assert form_md.count("# Evaluatie: ") == 2
        await pilot.press("escape")
        assert isinstance(app.screen, DossierScreen)


async def test_dossier_is_listed_on_the_start_screen_and_opens_again(tmp_path):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6")
        await log_activity(pilot, "atelier", "", "", "", [], ["jongeren"], "")
        path = app.session.dossier_path
    assert [r.path for r in recent_dossiers()] == [path]

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        assert "Dossier: Plein" in screen_text(app)
        projects = app.screen.query_one("#projects")
        projects.focus()
        await pilot.press("enter")
        assert isinstance(app.screen, DossierScreen)
        assert app.session.engine.is_complete
        assert "Ontwerpatelier" in screen_text(app)
        await pilot.press("escape")  # back to the plan's questions: the answers are there
        assert app.session.engine.answers["naam"] == "Plein"


async def test_open_file_from_the_command_line_with_a_changed_tree(tmp_path):
    """`stappenplan open FILE` on a dossier whose tree lost an option: kept, named, not lost."""
    from tests.ui.helpers import MINI, edit

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6")
        path = app.session.dossier_path
    text = MINI.read_text(encoding="utf-8")
    changed = edit(
        text,
        "      - id: jongeren\n        label: Jongeren",
        "      - id: jeugd\n        label: Jeugd",
    )
    changed = changed.replace("has: jongeren", "has: jeugd")
    tree = tmp_path / "mini.yaml"
    tree.write_text(changed, encoding="utf-8")
    app = make_app(tree, open_dossier=path)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.pause()
        assert isinstance(app.screen, DossierScreen)
        shown = screen_text(app)
        assert "Let op:" in shown and "'groepen' past niet meer" in shown
        assert "veranderd" in shown
        assert "groepen" not in app.session.engine.answers
    # the answer the new tree does not take stays in the file
    assert load_dossier(path).answers["groepen"] == ["omwonenden", "jongeren"]


async def test_a_dossier_needs_a_finished_plan_and_a_form_says_what_is_missing():
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await begin(pilot)
        await pilot.press("f6")
        assert not isinstance(app.screen, DossierScreen)
        assert app.session.dossier is None
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6", "a")
        await save(pilot)  # nothing filled in
        assert isinstance(app.screen, ActivityForm)
        assert "Kies een werkvorm" in screen_text(app)
        form = app.screen
        form.query_one("#f-werkvorm", Select).value = "atelier"
        fill(form, **{"f-date": "31-02-2026"})
        await save(pilot)
        assert "Die datum kan ik niet lezen" in screen_text(app)
        fill(form, **{"f-date": "", "f-participants": "1²"})  # a digit to str.isdigit, not to int()
        await save(pilot)
        assert "heel getal" in screen_text(app)
        # Esc after typing asks first; Esc (or 'Verder invullen') keeps what was typed
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Wat u hebt ingevuld weggooien?" in screen_text(app)
        await pilot.press("escape")
        assert app.screen is form and form.query_one("#f-participants", Input).value == "1²"
        await pilot.press("escape")
        app.screen.query_one("#yes").focus()  # Weggooien
        await pilot.press("enter")
        assert isinstance(app.screen, DossierScreen)
        assert app.session.dossier.activities == []


async def test_escape_closes_an_untouched_form_at_once_and_asks_after_a_change():
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6")
        for key, form_type in (("a", ActivityForm), ("h", InputForm), ("b", DecisionForm)):
            await pilot.press(key)
            assert isinstance(app.screen, form_type)
            await pilot.press("escape")  # nothing changed: no question
            assert isinstance(app.screen, DossierScreen)
            await pilot.pause(DossierScreen.TYPE_AHEAD + 0.1)
        await pilot.press("a")
        app.screen.query_one("#f-reached", SelectionList).select("omwonenden")  # a tick only
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Verder invullen" in screen_text(app) and "Weggooien" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, ActivityForm)
        assert app.screen.query_one("#f-reached", SelectionList).selected == ["omwonenden"]
        app.screen.query_one("#cancel").focus()  # Annuleren asks the same
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmScreen)


async def test_dossier_from_the_palette_and_not_for_a_practice_case():
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"dossier")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DossierScreen)
        await pilot.press("escape")
        await pilot.press("ctrl+q")  # a dialog that tells where the answers are
        assert isinstance(app.screen, ConfirmScreen)
        assert "dossier-plein.yaml" in screen_text(app)


async def test_plan_and_handout_export_as_word_when_the_name_ends_in_docx(tmp_path):
    from wizard.ui.screens.modals import ExportScreen, HandoutExportScreen

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#export-path", Input).value = str(tmp_path / "plan.docx")
        await pilot.press("enter")
        plan = Document(str(tmp_path / "plan.docx"))
        assert plan.paragraphs[0].style.name == "Heading 1"
        assert (tmp_path / "plan.json").exists()
        case = app.session.loaded.tree.cases[0]
        app.push_screen(HandoutExportScreen(app.session.loaded.tree, case))
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(tmp_path / "casus.docx")
        await pilot.press("enter")
    handout = Document(str(tmp_path / "casus.docx"))
    headings = [p.text for p in handout.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Casus: Nieuw plein" and "De referentieroute" in headings
    assert any(p.style.name == "List Number" for p in handout.paragraphs)


async def test_dossier_screen_at_80x24_opens_at_its_top_with_every_key_in_the_footer():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6")
        lines = screen_text(app).splitlines()
        assert lines[1].strip() == "Dossier: Plein"
        footer = lines[-1]
        for key in (
            "Esc Terug",
            "a Activiteit",
            "o Afzender",
            "x Documenten",
            "^q Stoppen",
            "^p Opdrachten",
        ):
            assert key in footer
        await log_activity(pilot, "atelier", "", "", "", ["omwonenden"], ["jongeren"], "")
        shown = " ".join(screen_text(app).split())
        assert "Ontwerpatelier · geen datum · niet bereikt: Jongeren" in shown  # what was saved
        assert "Nog niet bereikt: Jongeren" in shown


async def test_deleting_an_activity_asks_first_and_forgets_its_evaluation():
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6")
        await log_activity(pilot, "atelier", "", "", "", ["omwonenden"], [], "")
        await pilot.press("e")
        fill(app.screen, **{"f-respondents": "3"})
        await save(pilot)
        assert len(app.session.dossier.evaluations) == 1
        app.screen.query_one("#activities").focus()
        await pilot.press("enter")  # the first activity: edit it
        assert isinstance(app.screen, ActivityForm)
        app.screen.query_one("#delete").focus()
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # no: nothing is lost
        assert isinstance(app.screen, ActivityForm)
        app.screen.query_one("#delete").focus()
        await pilot.press("enter")
        app.screen.query_one("#yes").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DossierScreen)
        dossier = load_dossier(app.session.dossier_path)
        assert dossier.activities == [] and dossier.evaluations == []


async def test_text_in_a_dossier_is_never_markup(tmp_path):
    """A shared dossier is written by someone else: its text is shown, never interpreted."""
    from wizard.dossier import Activity, save_dossier
    from wizard.dossier import Input as Heard

    trap = "[ @click=app.quit]weg[/] [b]vet[/b]"
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6")
        dossier, path = app.session.dossier, app.session.dossier_path
    dossier.title = trap
    dossier.inputs.append(Heard(id="i1", subject=trap, heard=trap))
    dossier.activities.append(Activity(id="a1", werkvorm=trap, place=trap))
    save_dossier(path, dossier)
    app = make_app(open_dossier=path)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.pause()
        assert isinstance(app.screen, DossierScreen)
        assert f"Dossier: {trap}" in screen_text(app)
        for widget in app.screen.query("OptionList"):
            await pilot.click(widget)
        assert app.is_running


async def test_a_changed_plan_is_noticed_and_can_be_recorded_again():
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6")
        assert "antwoorden zijn veranderd" not in screen_text(app)
        made = app.session.dossier.advice["levels"]
        await pilot.press("escape")  # back to the questions
        app.goto_node("niveau")
        await pilot.pause()
        await pilot.press("1")  # raadplegen instead of coproduceren
        await pilot.press("f6")
        assert isinstance(app.screen, DossierScreen)
        assert "antwoorden zijn veranderd" in " ".join(screen_text(app).split())
        assert app.session.dossier.advice["levels"] == made  # the plan as it was made
        await pilot.press("v")
        assert "antwoorden zijn veranderd" not in " ".join(screen_text(app).split())
        assert load_dossier(app.session.dossier_path).advice["levels"] != made


async def test_documents_dialog_at_80x24_opens_at_its_title_with_the_list_in_view():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6", "x")
        assert isinstance(app.screen, DossierExportScreen)
        lines = [line.strip(" █") for line in screen_text(app).splitlines()]
        assert "Documenten uit het dossier" in lines  # the title, not scrolled away
        assert any("Participatierapportage" in line for line in lines)
        assert app.focused is app.screen.query_one("#x-docs")
        # format and folder are below the list: the line above it says what Enter will use
        folder = app.screen.query_one("#x-folder", Input).value
        assert f"Als Word (.docx), in {folder}" in " ".join(lines)
        app.screen.query_one("#x-format", RadioSet).query(RadioButton)[1].value = True
        await pilot.pause()
        assert "Als Markdown (.md)" in screen_text(app)


async def test_a_double_click_on_a_document_writes_it_once(tmp_path):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6", "x")
        app.screen.query_one("#x-folder", Input).value = str(tmp_path)
        await pilot.pause()  # the line naming the folder grows: the list moves down
        await pilot.double_click("#x-docs", offset=(4, 1))
        await pilot.pause()
        # written once; the second click did not ask to overwrite what the first one wrote
        assert isinstance(app.screen, DossierExportScreen)
        assert len(list(tmp_path.iterdir())) == 1


async def test_export_to_a_folder_that_does_not_exist_says_so(tmp_path):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6", "x")
        assert isinstance(app.screen, DossierExportScreen)
        app.screen.query_one("#x-folder", Input).value = str(tmp_path / "weg")
        await pilot.press("enter")
        shown = " ".join(screen_text(app).split())
        assert "Niet geschreven" in shown and "deze map bestaat niet" in shown
        assert isinstance(app.screen, DossierExportScreen)  # stays open to try again
    assert not (tmp_path / "weg").exists()


async def test_export_to_the_home_of_an_unknown_user_says_so_and_does_not_crash():
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6", "x")
        app.screen.query_one("#x-folder", Input).value = "~niemand-die-bestaat/map"
        await pilot.press("enter")
        assert isinstance(app.screen, DossierExportScreen)  # still open, no crash
        assert "Niet geschreven" in " ".join(screen_text(app).split())


async def test_a_word_typed_on_after_a_form_closes_triggers_no_shortcut():
    """Typing fast after Ctrl+S: the letters land on the dossier screen, where a, h, e, b, x
    and v are shortcuts. None of them may act; the user is told what happened."""
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6")
        await pilot.press("b")
        fill(app.screen, **{"f-text": "Het college besluit"})
        plan = app.session.dossier.plan
        await pilot.press("ctrl+s", *"hebt u de vaste ruimte bekeken")  # h, e, b, x, v, a ...
        await pilot.pause()
        assert isinstance(app.screen, DossierScreen)  # no form, no export dialog opened
        assert app.session.dossier.plan is plan  # 'v' did not record the plan again
        assert app.session.dossier.activities == [] and app.session.dossier.inputs == []
        told = [str(n.message) for n in app._notifications]  # the toast a user sees
        assert sum("letters sneltoetsen" in m for m in told) == 1
        await pilot.pause(DossierScreen.TYPE_AHEAD + 0.1)
        await pilot.press("h")  # a shortcut again once the typing stopped
        assert isinstance(app.screen, InputForm)


async def test_ticked_and_unticked_read_differently_in_plain_text():
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6", "a")
        reached = app.screen.query_one("#f-reached", SelectionList)
        reached.select("omwonenden")
        reached.scroll_visible(animate=False)
        await pilot.pause()
        text = screen_text(app)
        assert "[x] Omwonenden" in text and "[ ] Jongeren" in text
        await pilot.press("escape")
        app.screen.query_one("#yes").focus()
        await pilot.press("enter")
        await pilot.pause(DossierScreen.TYPE_AHEAD + 0.1)
        await pilot.press("h")
        text = screen_text(app)
        assert "(x) Nog niet gewogen" in text and "( ) Overgenomen" in text


async def test_a_group_is_reached_or_missing_never_both():
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6", "a")
        form = app.screen
        reached = form.query_one("#f-reached", SelectionList)
        missing = form.query_one("#f-missing", SelectionList)
        missing.focus()
        await pilot.press("down", "space")  # Jongeren ontbraken
        assert missing.selected == ["jongeren"]
        reached.focus()
        await pilot.press("down", "space")  # ... and now they were there after all
        await pilot.pause()
        assert reached.selected == ["jongeren"] and missing.selected == []
        form.query_one("#f-werkvorm", Select).value = "atelier"
        await save(pilot)
        assert app.session.dossier.activities[0].reached == ["jongeren"]
        assert app.session.dossier.activities[0].missing == []


async def test_quit_names_the_documents_written_from_the_dossier(tmp_path):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6", "escape", "ctrl+q")
        assert "niet geëxporteerd" in app.screen._body  # true: nothing written yet
        await pilot.press("escape")  # Doorgaan
        await pilot.press("f6", "x")
        app.screen.query_one("#x-folder", Input).value = str(tmp_path)
        await pilot.press("enter", "down", "enter")  # rapportage and brief, Word
        await pilot.press("escape", "ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        said = app.screen._body  # the dialog's text, as one line
        assert "Het plan zelf is nog niet geëxporteerd" in said  # true: documents, not the plan
        assert "dossier-plein-rapportage.docx, dossier-plein-brief.docx" in said
        assert str(tmp_path) in said and "dossier-plein.yaml" in said


async def test_without_saving_an_open_dossier_still_gets_the_changed_answers():
    """--no-save keeps the state folder clean; the dossier is the user's own document, so the
    answers in it follow the screen (and the quit dialog says where they are)."""
    app = make_app(save=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6")
        path = app.session.dossier_path
        assert "zonder opslaan, maar dit dossier is uw eigen bestand" in " ".join(
            screen_text(app).split()
        )
        await pilot.press("escape")  # to the questions
        app.goto_node("niveau")
        await pilot.pause()
        await pilot.press("1")  # raadplegen instead of coproduceren
        assert load_dossier(path).answers["niveau"] == "raadplegen"
        await pilot.press("ctrl+q")
        said = app.screen._body
        assert "dossier-plein.yaml" in said and "gaan verloren" not in said
    assert recent_dossiers() == []  # no trace of it in the state folder


async def test_an_old_dossier_with_a_group_both_reached_and_missing_opens_with_a_note():
    import yaml

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6")
        await log_activity(pilot, "atelier", "", "", "", ["omwonenden"], ["jongeren"], "")
        path = app.session.dossier_path
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    data["activities"][0]["reached"].append("jongeren")
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    app = make_app(open_dossier=path)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.pause()
        assert isinstance(app.screen, DossierScreen)
        shown = " ".join(screen_text(app).split())
        assert "zowel bij bereikt als bij ontbrekend" in shown
        assert "niet bereikt: Jongeren" in shown


async def test_a_checklist_with_a_limit_says_the_limit_before_anything_is_ticked(tmp_path):
    """Found while planning for a dossier: 'Doel' takes two at most, and said so only after a
    third tick. (The hint sits under the question, with the keys.)"""
    from tests.ui.helpers import MINI, edit

    tree = tmp_path / "mini.yaml"
    text = edit(
        MINI.read_text(encoding="utf-8"),
        "    help: Vink alles aan wat geldt.\n",
        "    help: Vink alles aan wat geldt.\n    max_choices: 2\n",
    )
    tree.write_text(text, encoding="utf-8")
    app = make_app(tree)
    async with app.run_test(size=(100, 40)) as pilot:
        await begin(pilot)
        await type_text(pilot, "Plein")
        await pilot.press("enter", "1")  # welkom, ruimte: ja
        assert app.session.engine.cursor == "groepen"
        assert app.screen.query_one("#answers").selected == []
        assert "Kies er hoogstens 2." in screen_text(app)


def test_exported_sessions_do_not_pile_up_and_unexported_ones_are_kept():
    """Every exported plan left its session file behind, never to be offered again. The start
    screen's scan keeps the newest few and removes the rest; unexported answers stay."""
    import json

    from tests.ui.helpers import MINI
    from wizard.ui.state import EXPORTED_KEEP, load_entry, scan_sessions, sessions_dir

    entry = load_entry(MINI)
    folder = sessions_dir()
    folder.mkdir(parents=True)

    def write(name: str, day: int, exported: bool) -> None:
        data = {
            "kind": "stappenplan-session",
            "version": 1,
            "tree_id": entry.loaded.tree.id,
            "tree_digest": entry.loaded.digest,
            "variant": None,
            "answers": {"naam": f"Project {day}"},
            "path": ["naam"],
            "cursor": "naam",
            "created": f"2026-01-{day:02d}T10:00:00+00:00",
            "updated": f"2026-01-{day:02d}T10:00:00+00:00",
            "exported": exported,
        }
        (folder / name).write_text(json.dumps(data), encoding="utf-8")

    for day in range(1, 9):
        write(f"mini-{day}.json", day, exported=True)
    write("mini-open.json", 1, exported=False)  # the oldest, but not exported
    scan = scan_sessions([entry])
    assert [r.path.name for r in scan.sessions] == ["mini-open.json"]
    left = sorted(p.name for p in folder.glob("*.json"))
    kept = [f"mini-{day}.json" for day in range(9 - EXPORTED_KEEP, 9)]
    assert left == sorted(["mini-open.json", *kept])


async def test_what_is_fixed_is_said_in_words_for_participants(tmp_path):
    """The plan's items are written for the civil servant ("Noem het bedrag"): the dossier asks
    for the concrete words, and only those reach the public documents."""
    from wizard.dossier import save_dossier
    from wizard.report import form_markdown, report_markdown
    from wizard.ui.screens.dossier import RoomForm

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6")
        await pilot.pause()
        # nothing in this plan asks the civil servant to fill something in: no call to do so
        assert "concreet te maken" not in " ".join(screen_text(app).split())
        dossier, path = app.session.dossier, app.session.dossier_path
    room = dossier.advice["invloedsruimte"]
    room["fixed"] = [
        {"text": "Het budget. Noem het bedrag, zodat mensen de grens kennen.", "why": []}
    ]
    save_dossier(path, dossier)
    app = make_app(open_dossier=path)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.pause()
        shown = " ".join(screen_text(app).split())
        assert "Vast, zoals deelnemers het lezen: Het budget." in shown
        assert "Druk r om dit concreet te maken" in shown
        assert "Open, zoals deelnemers het lezen: Het ontwerp van het plein." in shown
        await pilot.press("r")
        form = app.screen
        assert isinstance(form, RoomForm)
        shown = " ".join(screen_text(app).split())
        assert "Voor u: Noem het bedrag, zodat mensen de grens kennen." in shown
        fields = list(form.query(Input))
        assert [f.value for f in fields] == ["Het budget.", "Het ontwerp van het plein."]
        fields[0].value = "Het budget is 250.000 euro."
        await save(pilot)
        assert isinstance(app.screen, DossierScreen)
    saved = load_dossier(path)
    report, form_md = report_markdown(saved), form_markdown(saved)
    assert "- **Wat vastlag:**\n  - Het budget is 250.000 euro.\n" in report
    assert "- Dit lag al vast:\n  - Het budget is 250.000 euro.\n" in form_md
    assert "Noem het bedrag" not in report + form_md


async def test_sender_and_contact_are_set_on_the_dossier_screen_and_missed_until_then(tmp_path):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6")
        shown = " ".join(screen_text(app).split())
        assert "de brief mist nog de afzender" in shown and "Druk o" in shown
        await pilot.press("x")  # the documents dialog says it too, before anything is sent
        assert "de brief mist nog" in " ".join(screen_text(app).split())
        await pilot.press("escape")
        await pilot.pause(DossierScreen.TYPE_AHEAD + 0.1)
        await pilot.press("o")
        form = app.screen
        assert form.query_one("#f-organisation", Input).has_focus  # keyboard: type at once
        await pilot.press(*"Gemeente")
        await pilot.press("enter")  # to the next field
        assert form.query_one("#f-contact", Input).has_focus
        fill(
            form,
            **{"f-organisation": "Gemeente Leiden", "f-contact": "Sanne de Vries, 071-123 45 67"},
        )
        await save(pilot)
        assert isinstance(app.screen, DossierScreen)
        shown = " ".join(screen_text(app).split())
        assert "mist nog" not in shown
        assert "Afzender: Gemeente Leiden · Contact: Sanne de Vries, 071-123 45 67" in shown
        path = app.session.dossier_path
    saved = load_dossier(path)
    assert (saved.organisation, saved.contact) == (
        "Gemeente Leiden",
        "Sanne de Vries, 071-123 45 67",
    )
    letter = letter_markdown(saved)
    assert "contact op met Sanne de Vries, 071-123 45 67." in letter and "invullen]" not in letter


async def test_an_activity_keeps_the_name_typed_next_to_a_werkvorm_from_the_plan():
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6", "a")
        form = app.screen
        form.query_one("#f-werkvorm", Select).value = "atelier"
        fill(form, **{"f-werkvorm-other": "Tekenles op basisschool De Wieken"})
        await save(pilot)
        activity = app.session.dossier.activities[0]
        assert (activity.werkvorm, activity.name) == (
            "atelier",
            "Tekenles op basisschool De Wieken",
        )
        assert "Tekenles op basisschool De Wieken" in screen_text(app)
        await pilot.press("enter")  # open it again: the name is there to edit
        assert app.screen.query_one("#f-werkvorm-other", Input).value == (
            "Tekenles op basisschool De Wieken"
        )


async def test_documents_go_to_the_documents_folder_in_the_last_format_and_never_overwrite_unasked():
    from wizard.exportdir import default_export_folder

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6", "x")
        export = app.screen
        assert export.query_one("#x-folder", Input).value == str(default_export_folder())
        export.query_one("#x-format", RadioSet).query("RadioButton")[1].value = True  # Markdown
        await pilot.press("enter")  # rapportage
        written = default_export_folder() / "dossier-plein-rapportage.md"
        assert written.is_file()
        written.write_text("mijn eigen aantekeningen", encoding="utf-8")
        await pilot.press("enter")  # the same again: asks first
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # no
        assert written.read_text(encoding="utf-8") == "mijn eigen aantekeningen"
        await pilot.press("escape")
        await pilot.pause(DossierScreen.TYPE_AHEAD + 0.1)
        await pilot.press("x")  # opened again: Markdown is still the format
        assert app.screen.query_one("#x-format", RadioSet).pressed_index == 1


async def test_quit_after_reopening_knows_the_plan_was_exported_before():
    from wizard.ui.screens.dossier import open_dossier_file

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6", "x")
        await pilot.press("end", "enter")  # the plan
        path = app.session.dossier_path
    assert [w.document for w in load_dossier(path).written] == ["plan"]
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        open_dossier_file(app, path)
        await pilot.pause()
        assert isinstance(app.screen, DossierScreen)
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)  # the dossier is open: quitting asks
        assert "niet geëxporteerd" not in app.screen._body


async def test_what_we_do_is_asked_for_every_point_and_why_only_for_partly_or_not():
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6", "h")
        form = app.screen
        assert isinstance(form, InputForm)
        form.query_one("#f-reason", Input).scroll_visible(animate=False)
        await pilot.pause()
        shown = screen_text(app)
        assert "Wat we doen" in shown and "Waarom (nodig bij deels of niet overgenomen)" in shown
        assert "verplicht bij deels of niet" not in shown
        fill(form, **{"f-subject": "Spelen", "f-heard": "Een klimrek", "f-action": "Komt er"})
        form.query_one("#f-weighing", RadioSet).query("RadioButton")[1].value = True  # over
        await save(pilot)
        assert isinstance(app.screen, DossierScreen)  # no reason needed when taken over
        assert app.session.dossier.inputs[0].action == "Komt er"


async def _quit_with_typed_point(pilot):
    await plan_plein(pilot)
    await pilot.press("f6", "h")
    form = pilot.app.screen
    assert isinstance(form, InputForm)
    fill(form, **{"f-subject": "Parkeren", "f-heard": "Te weinig plekken"})
    await pilot.press("ctrl+q")
    return form


async def test_quit_with_an_open_form_warns_and_can_keep_save_or_throw_away():
    from wizard.ui.screens.modals import ChoiceScreen

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        form = await _quit_with_typed_point(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        said = app.screen._body
        assert "nog niet is opgeslagen" in said and "Parkeren" not in said
        await pilot.press("enter")  # the focus is on "Verder invullen"
        assert app.screen is form and form.query_one("#f-subject", Input).value == "Parkeren"
        await pilot.press("ctrl+q")
        await pilot.press("right", "enter")  # Opslaan en stoppen
        await pilot.pause()
        path = app.session.dossier_path
    assert app.return_code == 0
    assert [i.subject for i in load_dossier(path).inputs] == ["Parkeren"]

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _quit_with_typed_point(pilot)
        await pilot.press("right", "right", "enter")  # Weggooien en stoppen: said, and chosen
        await pilot.pause()
        path = app.session.dossier_path
    assert app.return_code == 0 and load_dossier(path).inputs == []


async def test_save_and_quit_with_a_form_that_cannot_be_saved_keeps_the_form_and_the_app():
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6", "h")
        form = app.screen
        fill(form, **{"f-subject": "Parkeren"})  # what was heard is missing
        await pilot.press("ctrl+q", "right", "enter")  # Opslaan en stoppen
        await pilot.pause()
        assert app.screen is form and app.return_code is None  # the form says what is missing
        fill(form, **{"f-heard": "Te weinig plekken"})
        await save(pilot)
        assert isinstance(app.screen, DossierScreen) and app.return_code is None


async def test_quit_says_the_plan_was_exported_also_when_that_was_before_the_dossier(tmp_path):
    from wizard.ui.screens.dossier import open_dossier_file

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("e")  # export the plan from the advice, then make the dossier
        app.screen.query_one("#export-folder", Input).value = str(tmp_path)
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.exported
        await pilot.press("f6", "ctrl+q")  # the first quit after exporting: a dialog, true
        assert isinstance(app.screen, ConfirmScreen)
        said = app.screen._body
        assert "niet geëxporteerd" not in said and "is geëxporteerd" in said
        assert str(tmp_path) in said and "dossier-plein.yaml" in said
        path = app.session.dossier_path
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        open_dossier_file(app, path)
        await pilot.pause()
        await pilot.press("ctrl+q")
        said = app.screen._body
        assert "niet geëxporteerd" not in said and "is geëxporteerd" in said


async def test_enter_after_choosing_a_werkvorm_moves_on_and_fast_keys_are_not_lost():
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6", "a")
        form = app.screen
        werkvorm = form.query_one("#f-werkvorm", Select)
        assert app.focused is werkvorm
        await pilot.press("enter", "down", "enter")  # open, choose the second, close
        assert werkvorm.value == "brief" and not werkvorm.expanded
        await keys_at_once(pilot, "enter", *"Tekenles", "enter", *"12-03-2026", "enter", "B")
        assert not werkvorm.expanded  # Enter did not open the list again
        assert form.query_one("#f-werkvorm-other", Input).value == "Tekenles"
        assert form.query_one("#f-date", Input).value == "12-03-2026"
        assert form.query_one("#f-place", Input).value == "B"


async def test_fast_space_down_space_ticks_two_groups_and_the_cursor_row_is_marked():
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await plan_plein(pilot)
        await pilot.press("f6", "a")
        reached = app.screen.query_one("#f-reached", SelectionList)
        reached.focus()
        await pilot.pause()
        await keys_at_once(pilot, "space", "down", "space")
        assert sorted(reached.selected) == ["jongeren", "omwonenden"]
        rows = [line for line in screen_text(app).splitlines() if "[x]" in line]
        assert len(rows) == 2
        assert "◀" in rows[1] and "◀" not in rows[0]  # the cursor is on the second row
