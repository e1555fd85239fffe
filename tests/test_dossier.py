"""The dossier: one readable file per project, the documents made from it, Word, and the CLI."""

from __future__ import annotations

import json

import pytest
from docx import Document

from tests.conftest import MINI, edit, mini_text
from wizard.cli import main
from wizard.docx_export import markdown_to_document, write_docx
from wizard.dossier import (
    Activity,
    DecisionRecord,
    Evaluation,
    Input,
    load_dossier,
    new_dossier,
    open_with_tree,
    recent_dossiers,
    save_dossier,
)
from wizard.flow import resolve
from wizard.loader import load_tree_text
from wizard.problems import ProblemsError
from wizard.report import (
    form_data,
    form_markdown,
    letter_markdown,
    report_data,
    report_markdown,
)
from wizard.run import walk

PLEIN = {"naam": "Plein", "ruimte": "ja", "groepen": ["omwonenden", "jongeren"]}


def planned(answers=None, variant="leiden"):
    loaded = load_tree_text(mini_text(), "mini.yaml")
    result = walk(
        resolve(loaded.tree, variant), {**PLEIN, "niveau": "coproduceren", **(answers or {})}
    )
    assert result.ok
    return new_dossier(result.engine, loaded.digest), result.engine, loaded


def full_cycle():
    """Plan, two activities (the young people missing from both), weighing, evaluation."""
    dossier, _, _ = planned()
    dossier.organisation = "Gemeente Leiden"
    dossier.contact = "Sanne de Vries, 071-123 45 67"
    dossier.activities += [
        Activity(
            id="a1",
            werkvorm="atelier",
            date="2026-03-01",
            place="Buurthuis De Kooi",
            participants=24,
            reached=["omwonenden"],
            missing=["jongeren"],
            follow_up="Jongerenwerk gevraagd om een gesprek op het plein te organiseren.",
        ),
        Activity(
            id="a2",
            werkvorm="brief",
            date="2026-03-08",
            place="Huis-aan-huis",
            participants=180,
            reached=["omwonenden"],
            missing=["jongeren"],
            follow_up="Straatgesprekken bij de school op 15 maart gepland.",
        ),
    ]
    dossier.inputs += [
        Input(
            id="i1",
            subject="Groen",
            group="omwonenden",
            activity="a1",
            heard="Meer bomen en schaduw op het plein.",
            weighing="deels",
            reason="Er komen vier bomen; meer kan niet door de kabels in de grond.",
            decided_by="projectteam",
        ),
        Input(
            id="i2",
            subject="Spelen",
            group="omwonenden",
            activity="a1",
            heard="Een plek om te voetballen.",
            weighing="overgenomen",
            reason="Past in het ontwerp.",
            decided_by="college",
        ),
    ]
    dossier.evaluations.append(
        Evaluation(activity="a1", respondents=12, clear=4.2, heard=3.5, change="Later beginnen.")
    )
    dossier.decision = DecisionRecord(
        text="Het college stelt het ontwerp vast.", by="college", date="2026-06-30"
    )
    return dossier


def test_round_trip_is_readable_yaml(tmp_path):
    dossier = full_cycle()
    path = tmp_path / "dossier.yaml"
    save_dossier(path, dossier)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Participatiedossier van stappenplan")
    assert "\nactivities:\n" in text and "werkvorm: atelier" in text
    assert text.index("activities:") < text.index("\nplan:")  # the log first, the snapshot last
    assert load_dossier(path) == dossier
    assert [r.path for r in recent_dossiers()] == [path.resolve()]
    assert [f.name for f in tmp_path.iterdir()] == ["dossier.yaml"]  # no temp file left


def test_text_that_looks_like_a_number_or_null_stays_text(tmp_path):
    dossier = full_cycle()
    dossier.inputs[0].reason = "1e5"
    dossier.inputs[1].reason = "null"
    dossier.contact = "0123"
    path = tmp_path / "d.yaml"
    save_dossier(path, dossier)
    again = load_dossier(path)
    assert (again.inputs[0].reason, again.inputs[1].reason, again.contact) == (
        "1e5",
        "null",
        "0123",
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("version: 1\ntitle", "version: 7\ntitle", "dossierversie 7"),
        ("date: '2026-03-01'", "date: 1 maart", "JJJJ-MM-DD"),
        (
            "activity: a1\n  heard: Meer",
            "activity: a9\n  heard: Meer",
            "activiteit 'a9' bestaat niet",
        ),
    ],
)
def test_a_broken_dossier_is_reported_with_its_line(tmp_path, old, new, message):
    path = tmp_path / "d.yaml"
    save_dossier(path, full_cycle())
    text = edit(path.read_text(encoding="utf-8"), old, new)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProblemsError) as info:
        load_dossier(path)
    problem = info.value.problems[0]
    assert message in problem.format()
    assert problem.line == text[: text.index(new)].count("\n") + 1


def test_opening_with_a_changed_tree_keeps_what_fits_and_names_the_rest(tmp_path):
    dossier = full_cycle()
    changed_text = edit(
        mini_text(),
        "      - id: jongeren\n        label: Jongeren",
        "      - id: jeugd\n        label: Jeugd",
    )
    changed_text = changed_text.replace("has: jongeren", "has: jeugd").replace(
        "[omwonenden, jongeren]", "[omwonenden, jeugd]"
    )
    changed = load_tree_text(changed_text, "mini.yaml")
    opened = open_with_tree(dossier, resolve(changed.tree, "leiden"), changed.digest)
    assert opened.tree_changed
    assert any("'groepen' past niet meer" in n for n in opened.notes)
    assert "groepen" not in opened.engine.answers and opened.engine.answers["naam"] == "Plein"
    # the plan as it was made is untouched: the report still names the young people
    assert "Jongeren" in report_markdown(dossier)


def test_rapportage_names_the_missing_group_and_what_was_done():
    md = report_markdown(full_cycle())
    assert md.startswith("# Participatierapportage: Plein\n")
    for heading in (
        "## 1. Samenvatting",
        "## 2. Het plan en wat er gebeurde",
        "## 3. Wie we bereikten en wie niet",
        "## 4. Wat we hoorden",
        "## 5. Wat we ermee deden",
        "## 6. Het besluit",
        "## 7. Evaluatie",
        "## Bronnen",
    ):
        assert heading in md
    reach = md[md.index("## 3.") : md.index("## 4.")]
    assert "**Niet bereikt, en wat we daaraan deden:**\n\n- **Jongeren**\n" in reach
    assert "Jongerenwerk gevraagd" in reach and "Straatgesprekken bij de school" in reach
    assert "**Bereikt:** Omwonenden." in reach
    assert "Ja: 2 activiteiten, met samen 204 deelnemers" in md
    assert "**Deels overgenomen**. Waarom: Er komen vier bomen" in md
    assert "(besloten door projectteam)" in md
    assert "Gepland maar (nog) niet gedaan: Straatgesprekken" in md
    assert "Het college stelt het ontwerp vast. Besloten door college op 30 juni 2026." in md
    assert "4,2" in md and "Later beginnen." in md
    # sources by title, publisher and year; never a seed file name
    assert "Omgevingswet en Omgevingsbesluit" in md and "Gemeente Leiden, 2023" in md
    assert ".txt" not in md


def test_a_group_missed_first_and_reached_later_is_reported_as_such():
    dossier = full_cycle()
    dossier.activities.append(
        Activity(id="a3", werkvorm="straatgesprek", date="2026-03-15", reached=["jongeren"])
    )
    md = report_markdown(dossier)
    assert "Niet bereikt, en wat we daaraan deden" not in md
    assert (
        "- **Jongeren**: ontbrak bij Ontwerpatelier (1 maart 2026), Bewonersbrief (8 maart 2026); "
        "bereikt bij Straatgesprekken (15 maart 2026)." in md
    )
    assert "(zie 3)" not in md  # nobody left out in the summary


def test_rapportage_json_has_the_same_facts():
    data = report_data(full_cycle())
    assert data["kind"] == "stappenplan-rapportage"
    missing = data["not_reached"]
    assert [m["name"] for m in missing] == ["Jongeren"] and missing[0]["never_reached"]
    assert [d["activity"] for d in missing[0]["done"]] == ["a1", "a2"]
    assert data["summary"]["weighed"]["deels"] == 1
    json.dumps(data)  # plain JSON data


def test_letter_is_plain_and_says_what_was_done():
    md = letter_markdown(full_cycle())
    assert "U zei: Meer bomen en schaduw op het plein." in md
    assert "Dit nemen we voor een deel over." in md
    assert "We spraken nog niet met: Jongeren." in md
    assert "Sanne de Vries" in md
    sentences = [s for s in md.replace("\n", " ").split(". ") if s.strip()]
    assert max(len(s.split()) for s in sentences) <= 25  # B1: short sentences


def test_form_per_meeting_with_the_plans_groups():
    dossier = full_cycle()
    md = form_markdown(dossier)
    assert md.count("# Evaluatie: ") == 2  # one per meeting
    assert "Had u het gevoel dat er naar u werd geluisterd?" in md
    assert "- ☐ Jongeren" in md and "Hierover kon u meepraten: Het ontwerp van het plein." in md
    one = form_markdown(dossier, "a2")
    assert one.count("# Evaluatie: ") == 1 and "Bewonersbrief" in one
    dossier.activities.clear()
    dossier.evaluations.clear()
    dossier.inputs.clear()
    assert form_markdown(dossier).count("# Evaluatie: ") == 3  # planned werkvormen instead


def test_docx_has_heading_and_list_styles_and_the_text(tmp_path):
    path = tmp_path / "r.docx"
    write_docx(path, report_markdown(full_cycle()))
    doc = Document(str(path))
    by_style: dict[str, list[str]] = {}
    for p in doc.paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)
    assert by_style["Heading 1"] == ["Participatierapportage: Plein"]
    assert "3. Wie we bereikten en wie niet" in by_style["Heading 2"]
    assert "Bewonersbrief (8 maart 2026)" in by_style["Heading 4"]
    assert "Jongeren" in by_style["List Bullet"]
    assert any(t.startswith("Na Ontwerpatelier") for t in by_style["List Bullet 2"])
    bold = [r.text for p in doc.paragraphs for r in p.runs if r.bold]
    assert "Jongeren" in bold and "**" not in "".join(p.text for p in doc.paragraphs)
    assert doc.core_properties.title == "Participatierapportage: Plein"


def test_docx_numbered_lists_and_continuations():
    doc = markdown_to_document("# T\n\n1. Eerste  \n   ☐ 1   ☐ 2\n2. Tweede\n\n> Let op\n")
    styles = [(p.style.name, p.text) for p in doc.paragraphs]
    assert styles[1] == ("List Number", "Eerste\n☐ 1   ☐ 2")
    assert styles[2] == ("List Number", "Tweede")
    assert styles[3][0] == "Quote"


# --- command line ----------------------------------------------------------------------------


def test_cli_documents(tmp_path, capsys):
    path = tmp_path / "project.yaml"
    save_dossier(path, full_cycle())
    assert main(["rapport", str(path)]) == 0
    assert "Niet bereikt, en wat we daaraan deden:**\n\n- **Jongeren**" in capsys.readouterr().out
    assert main(["rapport", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "stappenplan-rapportage"
    assert main(["brief", str(path), "--format", "docx"]) == 0
    assert "project-brief.docx" in capsys.readouterr().err
    assert Document(str(tmp_path / "project-brief.docx")).paragraphs[0].style.name == "Heading 1"
    assert (
        main(["formulier", str(path), "--activiteit", "a1", "--output", str(tmp_path / "f.md")])
        == 0
    )
    assert (tmp_path / "f.md").read_text(encoding="utf-8").count("# Evaluatie") == 1
    assert main(["formulier", str(path), "--activiteit", "zz"]) == 2
    assert "activiteit 'zz' staat niet in het dossier" in capsys.readouterr().err


def test_cli_reports_a_broken_dossier_with_its_place(tmp_path, capsys):
    bad = tmp_path / "kapot.yaml"
    bad.write_text("kind: iets\n", encoding="utf-8")
    assert main(["rapport", str(bad)]) == 1
    assert f"{bad}:1:1: fout: dit is geen dossier" in capsys.readouterr().err
    assert main(["open", str(bad)]) == 1
    assert main(["rapport", str(tmp_path / "weg.yaml")]) == 2


def test_cli_plan_as_word(tmp_path, capsys):
    answers = tmp_path / "a.yaml"
    answers.write_text(
        "variant: leiden\nanswers:\n  naam: Plein\n  ruimte: ja\n  groepen: [omwonenden]\n  kort: nee\n",
        encoding="utf-8",
    )
    out = tmp_path / "plan.docx"
    assert (
        main(
            [
                "--tree",
                str(MINI),
                "run",
                "--answers",
                str(answers),
                "--format",
                "docx",
                "--output",
                str(out),
            ]
        )
        == 0
    )
    doc = Document(str(out))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Participatieplan (concept): Plein"
    assert "1. Besluit" in headings and "Direct betrokkenen" in headings
    assert any(
        p.style.name == "List Bullet" and p.text.startswith("Omwonenden") for p in doc.paragraphs
    )


def test_example_dossier_and_its_documents_are_current():
    """docs/examples/dossier-kooiplein.*: what `stappenplan rapport` and `brief` make of it."""
    from datetime import date
    from pathlib import Path

    examples = Path(__file__).resolve().parent.parent / "docs" / "examples"
    dossier = load_dossier(examples / "dossier-kooiplein.yaml")
    day = date(2026, 6, 2)  # the date written in the example documents
    report = (examples / "dossier-kooiplein.rapportage.md").read_text(encoding="utf-8")
    letter = (examples / "dossier-kooiplein.brief.md").read_text(encoding="utf-8")
    assert report == report_markdown(dossier, day), (
        "run: stappenplan rapport docs/examples/dossier-kooiplein.yaml"
    )
    assert letter == letter_markdown(dossier, day), (
        "run: stappenplan brief docs/examples/dossier-kooiplein.yaml"
    )
    assert "Toekomstige bewoners en gebruikers" in report.split("## 4.")[0]
    form = (examples / "dossier-kooiplein.formulier-kinderen.md").read_text(encoding="utf-8")
    assert form == form_markdown(dossier, "a6"), (
        "run: stappenplan formulier docs/examples/dossier-kooiplein.yaml --activiteit a6"
    )


def test_cli_open_starts_the_wizard_on_the_dossier(tmp_path, monkeypatch):
    from wizard.ui.app import StappenplanApp

    path = tmp_path / "project.yaml"
    save_dossier(path, full_cycle())
    started = []
    monkeypatch.setattr(StappenplanApp, "run", lambda self: started.append(self) or 0)
    assert main(["open", str(path)]) == 0
    [app] = started
    assert app.pending_dossier == path


def test_report_reads_newer_and_older_advice_shapes():
    """The snapshot is data from whichever version made it: new fields are used, missing or
    odd ones are skipped, and nothing crashes."""
    dossier = full_cycle()
    advice = dossier.plan.advice
    advice["levels"] = {
        "project": {
            "level": "raadplegen",
            "label": "Raadplegen",
            "deviated": True,
            "advised": "adviseren",
            "deviation_reason": "Weinig tijd",
        },
        "subjects": [{"name": "Het ontwerp", "label": "Coproduceren"}],
        "groups": [{"group_name": "Jongeren", "label": "Adviseren"}, "rommel"],
        "cap": "coproduceren",
    }
    advice["alternative_werkvormen"] = [{"id": "enquete", "name": "Enquête"}, {"geen": "id"}]
    advice["stakeholders"] = advice["stakeholders"] + [None, {"id": 3}]
    md = report_markdown(dossier)
    assert (
        "Algemeen: Raadplegen (gekozen; het advies was adviseren, want: Weinig tijd); "
        "Het ontwerp: Coproduceren; Jongeren: Adviseren; Plafond: Coproduceren" in md
    )
    assert ("enquete", "Enquête") in dossier.werkvorm_options()
    for broken in ({}, {"levels": "x", "stakeholders": "x", "invloedsruimte": []}):
        dossier.plan.advice = broken
        assert "## 3. Wie we bereikten en wie niet" in report_markdown(dossier)
        assert form_markdown(dossier) and letter_markdown(dossier)


def test_each_numbered_list_in_word_starts_at_one(tmp_path):
    """Word's List Number style is one list per document unless a list restarts it."""
    path = tmp_path / "f.docx"
    write_docx(path, form_markdown(full_cycle(), "a1"))
    doc = Document(str(path))
    numbered = [p for p in doc.paragraphs if p.style.name == "List Number"]
    ids = [p._p.pPr.numPr.numId.val if p._p.pPr.numPr is not None else None for p in numbered]
    first, second = ids[0], ids[6]  # participants' six questions, then the organisers' five
    assert first is not None and second is not None and first != second
    assert ids[:6] == [first] * 6 and ids[6:] == [second] * 5  # every item in its own list
    numbering = doc.part.numbering_part.element
    for num_id in (first, second):
        override = numbering.num_having_numId(num_id).lvlOverride_lst[0]
        assert override.startOverride.val == 1


def test_letter_says_what_was_done_and_speaks_about_young_people_not_to_them():
    dossier = full_cycle()
    dossier.inputs.append(
        Input(id="i3", subject="Spelen", group="jongeren", heard="Een plek om te chillen.")
    )
    md = letter_markdown(dossier)
    # the follow-ups were recorded: the letter says what was done, not "we still try"
    assert "Dat proberen we nog" not in md
    assert "Dit deden we om hen toch te horen:" in md
    assert "- Jongerenwerk gevraagd om een gesprek op het plein te organiseren." in md
    # points from young people are told about them, never as "U zei" to the adult reader
    assert "- De jongeren zeiden: Een plek om te chillen." in md
    assert "U zei: Een plek om te chillen." not in md
    assert "- U zei: Meer bomen en schaduw op het plein." in md
    # nothing recorded about a group: then (and only then) the letter says we still try
    for a in dossier.activities:
        a.follow_up = ""
    md = letter_markdown(dossier)
    assert "Dat proberen we nog." in md and "Dit deden we" not in md


def _with_room(dossier, fixed, open_):
    dossier.plan.advice["invloedsruimte"] = {"fixed": fixed, "open": open_, "decides": []}
    return dossier


def test_instructions_to_the_civil_servant_stay_out_of_public_documents():
    instruction = "Noem het bedrag, zodat mensen weten binnen welke grenzen ze meedenken."
    dossier = _with_room(
        full_cycle(),
        [{"text": f"Het beschikbare budget. {instruction}", "why": [], "reasons": []}],
        [{"text": "Het ontwerp. Leg uit welke keuzes er zijn.", "why": [], "reasons": []}],
    )
    for doc in (report_markdown(dossier), form_markdown(dossier), letter_markdown(dossier)):
        assert "Noem het bedrag" not in doc and "Leg uit welke" not in doc
    assert "**Wat vastlag:** Het beschikbare budget.\n" in report_markdown(dossier)
    assert "Hierover kon u meepraten: Het ontwerp.\n" in form_markdown(dossier)
    # a tree that marks the instruction apart: the public text is used whole, the
    # instruction never
    dossier = _with_room(
        full_cycle(),
        [
            {
                "text": "Het budget: 2 ton. Meer is er niet.",
                "instruction": instruction,
                "why": [],
                "reasons": [],
            }
        ],
        [],
    )
    md = report_markdown(dossier)
    assert "**Wat vastlag:** Het budget: 2 ton. Meer is er niet.\n" in md
    assert "Noem het bedrag" not in md and "Noem het bedrag" not in form_markdown(dossier)


def test_example_dossier_documents_carry_no_instruction_from_the_bundled_tree():
    """The example was planned on trees/participatie.yaml; its fixed and open items end in
    instructions to the civil servant (after their first sentence): none reach the public."""
    from pathlib import Path

    from wizard.report import public_texts

    examples = Path(__file__).resolve().parent.parent / "docs" / "examples"
    dossier = load_dossier(examples / "dossier-kooiplein.yaml")
    assert "450.000 euro" in report_markdown(dossier)  # the words written in the dossier
    dossier.room = []  # from here on: the plan's own items
    room = dossier.advice["invloedsruimte"]
    items = [i["text"] for i in room["fixed"] + room["open"]]
    assert any("Noem het bedrag" in t for t in items)  # the case this test is about
    docs = report_markdown(dossier) + form_markdown(dossier) + letter_markdown(dossier)
    for text in items:
        public = public_texts([text])[0]
        rest = text[len(public) :].strip()
        assert public in docs
        if rest:
            assert rest not in docs


def test_an_activity_with_children_or_young_people_gets_a_form_for_them():
    dossier = full_cycle()
    dossier.activities.append(
        Activity(id="a3", werkvorm="straatgesprek", date="2026-03-15", reached=["jongeren"])
    )
    md = form_markdown(dossier, "a3")
    assert "# Evaluatie: " not in md  # no adult form for a session with only young people
    assert "# Wat vond jij ervan? Straatgesprekken (15 maart 2026)" in md
    assert "Werd er naar je geluisterd?" in md
    assert "☐ 🙂 ja   ☐ 😐 een beetje   ☐ 🙁 nee" in md
    assert "U " not in md.split("## Voor de organisatie")[0]  # not addressed as 'u'
    assert "Tel de antwoorden als scores: ja = 5, een beetje = 3, nee = 1." in md
    # adults and young people at one meeting: a form for each
    dossier.activities[-1].reached = ["omwonenden", "jongeren"]
    both = form_markdown(dossier, "a3")
    assert both.count("# Evaluatie: ") == 1 and both.count("# Wat vond jij ervan?") == 1
    # a werkvorm for young people, whoever came
    dossier.activities[-1].werkvorm = "jongerenpanel"
    dossier.activities[-1].reached = []
    assert "# Wat vond jij ervan?" in form_markdown(dossier, "a3")
    meetings = form_data(dossier)["meetings"]
    assert [m["audience"] for m in meetings] == ["adult", "adult", "young"]


def test_who_counts_as_young_comes_from_the_plan_data_when_the_tree_marks_it():
    dossier = full_cycle()
    for s in dossier.advice["stakeholders"]:
        s["audience"] = "kinderen" if s["id"] == "omwonenden" else None
    a = dossier.activities[0]  # reached: omwonenden
    assert dossier.audience(a) == "young"
    assert not dossier.is_young_group("jongeren")  # the tree says otherwise: the tree counts


def test_an_old_file_with_a_group_both_reached_and_missing_opens_and_says_so(tmp_path, capsys):
    import yaml
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        Activity(id="x", werkvorm="brief", reached=["jongeren"], missing=["jongeren"])
    path = tmp_path / "oud.yaml"
    save_dossier(path, full_cycle())
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["activities"][0]["reached"] = ["omwonenden", "jongeren"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    dossier = load_dossier(path)
    assert dossier.activities[0].reached == ["omwonenden"]
    assert dossier.activities[0].missing == ["jongeren"]
    assert "'jongeren' zowel bij bereikt als bij ontbrekend" in dossier.load_notes[0]
    assert main(["rapport", str(path)]) == 0
    assert "zowel bij bereikt als bij ontbrekend" in capsys.readouterr().err


def test_exports_go_to_the_documents_folder_even_when_it_does_not_exist_yet(tmp_path, monkeypatch):
    from pathlib import Path

    from wizard.exportdir import default_export_folder

    documents = tmp_path / "nieuw account" / "Documenten"
    monkeypatch.setenv("STAPPENPLAN_DOCUMENTS_DIR", str(documents))
    assert default_export_folder() == documents and documents.is_dir()
    blocked = tmp_path / "bestand"
    blocked.write_text("geen map", encoding="utf-8")
    monkeypatch.setenv("STAPPENPLAN_DOCUMENTS_DIR", str(blocked / "Documenten"))
    assert default_export_folder() == Path.home()  # cannot be made: the dialog shows this one
