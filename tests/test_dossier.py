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
    save_dossier,
)
from wizard.flow import resolve
from wizard.loader import load_tree_text
from wizard.problems import ProblemsError
from wizard.recent import recent_dossiers
from wizard.report import (
    child_letter_markdown,
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
    assert "**Deels overgenomen.** Waarom: Er komen vier bomen" in md
    assert "Besloten door projectteam." in md
    assert "Gepland maar (nog) niet gedaan: Straatgesprekken" in md
    assert "Het college stelt het ontwerp vast. Besloten door college op 30 juni 2026." in md
    assert "4,2" in md and "Later beginnen." in md
    # sources by title, publisher and year; never a seed file name
    assert "Gemeente Leiden, 2023" in md
    assert "Omgevingswet" not in md and "omgevingsvergunning" not in md  # not a permit
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
    assert "Omwonenden zeiden: Meer bomen en schaduw op het plein." in md
    assert "Dit nemen we voor een deel over." in md
    assert "- Jongeren hebben we nog niet gesproken. Wat we doen: Jongerenwerk gevraagd" in md
    assert "Sanne de Vries" in md
    sentences = [s for s in md.replace("\n", " ").split(". ") if s.strip()]
    assert max(len(s.split()) for s in sentences) <= 25  # B1: short sentences


def test_form_per_meeting_with_the_plans_groups():
    dossier = full_cycle()
    md = form_markdown(dossier)
    assert md.count("# Evaluatie: ") == 2  # one per meeting
    assert "Had u het gevoel dat er naar u werd geluisterd?" in md
    assert "- ☐ Jongeren" in md
    assert "- Hierover kon u meepraten:\n  - Het ontwerp van het plein.\n" in md
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
    children = (examples / "dossier-kooiplein.brief-kinderen.md").read_text(encoding="utf-8")
    assert children == child_letter_markdown(dossier, day), (
        "run: stappenplan brief docs/examples/dossier-kooiplein.yaml --voor kinderen"
    )
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
        "- **Invloed van deelnemers:** Deelnemers gaven hun mening; die is meegewogen bij de "
        "keuze. Het advies was een andere rol: advies geven. Waarom de gemeente anders koos: "
        "Weinig tijd. Per onderdeel: het ontwerp: samen uitwerken; jongeren: advies geven.\n" in md
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
    md = letter_markdown(dossier)
    # the follow-ups were recorded: the letter says what was done, not "we still try"
    assert "Dat proberen we nog" not in md
    assert (
        "- Jongeren hebben we nog niet gesproken. Wat we doen: Jongerenwerk gevraagd om een "
        "gesprek op het plein te organiseren. Straatgesprekken bij de school op 15 maart "
        "gepland.\n" in md
    )
    dossier.inputs.append(
        Input(id="i3", subject="Spelen", group="jongeren", heard="Een plek om te chillen.")
    )
    md = letter_markdown(dossier)
    # points from young people are told about them, never as "U zei" to the adult reader
    assert "- De jongeren zeiden: Een plek om te chillen." in md
    assert "U zei" not in md
    assert "- Omwonenden zeiden: Meer bomen en schaduw op het plein." in md
    # a point written about the group already says who: it is given as it was written
    dossier.inputs[-1].heard = "De jongeren willen een overdekte plek om te chillen"
    md = letter_markdown(dossier)
    assert "- De jongeren willen een overdekte plek om te chillen.\n" in md
    assert "zeiden: De jongeren" not in md
    # only the group's whole name counts: a text that merely starts like it keeps who said it
    dossier.inputs[-1].heard = "Jongerenwerk kan helpen"
    assert "- De jongeren zeiden: Jongerenwerk kan helpen." in letter_markdown(dossier)
    # nothing recorded about a group: then (and only then) the letter says we still try
    dossier.inputs.pop()
    for a in dossier.activities:
        a.follow_up = ""
    md = letter_markdown(dossier)
    assert "- Jongeren hebben we nog niet gesproken. Dat proberen we nog.\n" in md


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
    assert "- **Wat vastlag:**\n  - Het beschikbare budget.\n" in report_markdown(dossier)
    assert "- Hierover kon u meepraten:\n  - Het ontwerp.\n" in form_markdown(dossier)
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
    assert "- **Wat vastlag:**\n  - Het budget: 2 ton. Meer is er niet.\n" in md
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


# --- what a civil servant sends: the letter, the rapportage, the form ---------------------------


def test_the_letter_names_sender_and_contact_or_shows_what_to_fill_in(tmp_path, capsys):
    dossier = full_cycle()
    md = letter_markdown(dossier)
    assert "Neem dan contact op met Sanne de Vries, 071-123 45 67." in md
    assert md.rstrip().endswith("Met vriendelijke groet,\n\nGemeente Leiden")
    assert "Sanne de Vries" in report_markdown(dossier)  # the rapportage says whom to ask
    dossier.organisation = dossier.contact = ""
    md = letter_markdown(dossier)
    # never a vague "de gemeente" or "Het projectteam": a placeholder nobody can miss
    assert "contact op met de gemeente" not in md and "Het projectteam" not in md
    assert "**[naam en telefoonnummer of e-mail invullen]**" in md
    assert md.rstrip().endswith("**[naam van de gemeente of organisatie invullen]**")
    path = tmp_path / "dossier.yaml"
    save_dossier(path, dossier, remember_it=False)
    assert main(["brief", str(path)]) == 0
    err = capsys.readouterr().err
    assert "de brief mist nog de afzender" in err and "de contactpersoon" in err
    assert main(["rapport", str(path)]) == 0  # the rapportage has no placeholder to warn about
    assert "mist nog" not in capsys.readouterr().err
    assert main(["rapport", str(path), "--contact", "Sanne"]) == 0
    err = capsys.readouterr().err
    assert "Contactpersoon bewaard in" in err and "fzender" not in err  # only what was given
    dossier.contact = ""
    save_dossier(path, dossier, remember_it=False)
    # set from the command line: kept in the dossier, used in the letter
    args = ["--afzender", "Gemeente Leiden", "--contact", "Sanne de Vries, 071-123 45 67"]
    assert main(["brief", str(path), *args]) == 0
    out, err = capsys.readouterr()
    assert "mist nog" not in err and "invullen]" not in out
    assert "contact op met Sanne de Vries, 071-123 45 67." in out
    saved = load_dossier(path)
    assert (saved.organisation, saved.contact) == (
        "Gemeente Leiden",
        "Sanne de Vries, 071-123 45 67",
    )


def test_the_letter_says_who_said_it_never_u_zei():
    dossier = full_cycle()
    dossier.inputs.append(Input(id="i3", subject="Verkeer", heard="Te hard rijden in de straat"))
    md = letter_markdown(dossier)
    assert "U zei" not in md
    assert "- Omwonenden zeiden: Meer bomen en schaduw op het plein.\n" in md
    assert "- We hoorden: Te hard rijden in de straat.\n" in md  # and it ends with a full stop


def _young_dossier():
    dossier = full_cycle()
    dossier.activities.append(
        Activity(
            id="a3",
            werkvorm="kinderparticipatie",
            name="Tekenles op basisschool De Wieken",
            date="2026-03-20",
            reached=["jongeren"],
        )
    )
    dossier.inputs.append(
        Input(
            id="i3",
            subject="Spelen",
            group="jongeren",
            activity="a3",
            heard="Een klimrek",
            weighing="overgenomen",
            action="Er komt een klimrek bij de zandbak",
        )
    )
    return dossier


def test_children_who_took_part_get_a_short_letter_of_their_own(tmp_path, capsys):
    from wizard.report import child_letter_markdown, letter_data

    dossier = _young_dossier()
    md = child_letter_markdown(dossier)
    assert "- Een klimrek.\n  - Dit gaan we doen: Er komt een klimrek bij de zandbak.\n" in md
    assert "Dank je wel!" in md and "Meer bomen" not in md  # only what they said
    assert " u " not in md.lower() and "uw " not in md.lower()  # 'jij' and 'jullie'
    sentences = [s for s in md.replace("\n", " ").split(". ") if s.strip()]
    assert max(len(s.split()) for s in sentences) <= 20
    assert letter_data(dossier)["children"] == child_letter_markdown(dossier)
    assert letter_data(full_cycle())["children"] is None  # no children: no child letter
    path = tmp_path / "dossier.yaml"
    save_dossier(path, dossier, remember_it=False)
    assert main(["brief", str(path), "--voor", "kinderen"]) == 0
    assert "# Wat we met jullie ideeën doen: Plein" in capsys.readouterr().out


def _with_groups(dossier, *extra):
    dossier.plan.advice["stakeholders"] += list(extra)
    return dossier


def test_groups_not_reached_are_plain_words_and_sensitive_groups_are_not_named_in_the_letter():
    dossier = _with_groups(
        full_cycle(),
        {"id": "weinig-tijd", "name": "Mensen met weinig tijd (werkende ouders)", "category": "x"},
        {"id": "armoede", "name": "Mensen die moeten rondkomen van weinig geld", "category": "x"},
        {"id": "ander", "name": "Buurtgenoten zonder tuin", "category": "x", "sensitive": True},
    )
    md = letter_markdown(dossier)
    assert "- Mensen met weinig tijd hebben we nog niet gesproken. Dat proberen we nog.\n" in md
    assert "weinig geld" not in md and "zonder tuin" not in md and "(werkende ouders)" not in md
    assert "- We spraken ook nog niet iedereen die het raakt. Dat proberen we nog.\n" in md
    assert "We spraken nog niet met:" not in md
    # the rapportage, for the council, keeps the full list
    report = report_markdown(dossier)
    for name in ("Mensen die moeten rondkomen van weinig geld", "Buurtgenoten zonder tuin"):
        assert f"- **{name}**" in report


def test_the_promise_is_in_the_rapportage_and_the_letter_and_whether_it_was_kept():
    from datetime import date
    from pathlib import Path

    examples = Path(__file__).resolve().parent.parent / "docs" / "examples"
    dossier = load_dossier(examples / "dossier-kooiplein.yaml")
    promise = "De gemeente neemt de gezamenlijke uitkomst over, zolang die binnen de kaders blijft."
    letter = letter_markdown(dossier, date(2026, 6, 2))
    assert "## Wat we beloofden" in letter and promise in letter
    assert "(zie hierboven)" not in letter
    assert "We namen 3 van de 6 punten over, en 2 voor een deel." in letter
    report = report_markdown(dossier, date(2026, 6, 2))
    assert promise in report
    assert "Bij elk punt dat niet of deels is overgenomen, staat waarom." in report
    niet = next(i for i in dossier.inputs if i.weighing.value == "niet")
    niet.reason = ""
    report = report_markdown(dossier, date(2026, 6, 2))
    assert "staat nog niet waarom; de belofte vraagt dat wel" in report
    assert "_Nog niet vastgelegd waarom._" in report


def test_the_rapportage_has_no_instructions_internal_groups_or_raw_source_tags():
    from datetime import date
    from pathlib import Path

    examples = Path(__file__).resolve().parent.parent / "docs" / "examples"
    dossier = load_dossier(examples / "dossier-kooiplein.yaml")
    md = report_markdown(dossier, date(2026, 6, 2))
    assert "Kort:" not in md and "omgevingsvergunning" not in md  # no permit in this plan
    assert "Leiden maakt het participatieplan" in md  # the Leiden variant
    wanted = next(line for line in md.splitlines() if "Wie we wilden betrekken" in line)
    assert "College" not in wanted and "Collega" not in wanted
    assert "Geen reden vastgelegd" not in md
    assert "**Overgenomen.** Wat we doen:" in md or "**Overgenomen.** Waarom:" in md
    assert "[leiden-wijkverenigingen]" not in md and "[2]" in md
    assert "\n2. Uitkomst en inhoud gesprekken wijk- en buurtverenigingen" in md
    # another municipality: no Leiden policy; a permit: the aanvraag's three questions
    dossier.plan.advice["variant"] = {"id": "plein", "name": "Plein"}
    dossier.plan.advice["answers"].append({"node": "plichten", "answer": ["vergunning"]})
    md = report_markdown(dossier, date(2026, 6, 2))
    assert "Leiden maakt" not in md
    assert "Bij de aanvraag om een omgevingsvergunning vermeldt de aanvrager" in md
    assert "Omgevingswet en Omgevingsbesluit" in md.split("## Bronnen")[1]


def test_an_activity_keeps_its_own_name_next_to_its_werkvorm():
    dossier = _young_dossier()
    letter = letter_markdown(dossier)
    assert "- Tekenles op basisschool De Wieken: 20 maart 2026.\n" in letter
    report = report_markdown(dossier)
    assert "#### Tekenles op basisschool De Wieken (kinderparticipatie, 20 maart 2026)" in report


def test_the_evaluation_form_is_ready_to_hand_out(tmp_path):
    from wizard.dossier import RoomItem

    dossier = _young_dossier()
    dossier.room.append(
        RoomItem(kind="open", text="Het ontwerp of de uitwerking: De inrichting van het plein.")
    )
    md = form_markdown(dossier, "a1")
    participants, organisers = md.split("# Voor de organisatie")
    assert "Zet de uitkomsten in het dossier" in organisers
    assert "Zet de uitkomsten" not in participants and "stappenplan" not in participants
    assert "meepraten: Het ontwerp" not in md
    assert "- Hierover kon u meepraten:\n" in md
    # a meeting with adults and young people: adults' form, children's form, organisers' part
    dossier.activities[0].reached.append("jongeren")
    dossier.activities[0].missing.remove("jongeren")
    md = form_markdown(dossier, "a1")
    assert md.count("\n---\n") == 2
    path = tmp_path / "formulier.docx"
    write_docx(path, md)
    doc = Document(str(path))
    breaks = sum('w:br w:type="page"' in p._p.xml for p in doc.paragraphs)
    assert breaks == 2


def test_every_word_file_is_a4_dutch_and_readable_by_others(tmp_path):
    import os
    import stat

    from docx.oxml.ns import qn

    path = tmp_path / "brief.docx"
    old = os.umask(0o022)
    try:
        write_docx(path, letter_markdown(full_cycle()))
    finally:
        os.umask(old)
    doc = Document(str(path))
    section = doc.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    lang = doc.styles.element.find(qn("w:docDefaults")).find(
        qn("w:rPrDefault") + "/" + qn("w:rPr") + "/" + qn("w:lang")
    )
    assert lang.get(qn("w:val")) == "nl-NL"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644  # not 0600: it is for sharing


def test_a_session_file_stays_private_and_a_dossier_does_not(tmp_path):
    import os
    import stat

    from wizard.session import save_session

    dossier, engine, loaded = planned()
    old = os.umask(0o022)
    try:
        save_session(tmp_path / "sessie.json", engine, loaded.digest)
        save_dossier(tmp_path / "dossier.yaml", dossier, remember_it=False)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "sessie.json").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "dossier.yaml").stat().st_mode) == 0o644


def test_a_plan_export_is_remembered_in_the_dossier(tmp_path):
    from wizard.dossier import answers_digest, note_written, plan_written

    dossier, engine, _ = planned()
    note_written(dossier, "plan", tmp_path / "plan.md", answers_digest(engine.answers, {}))
    save_dossier(tmp_path / "d.yaml", dossier, remember_it=False)
    again = load_dossier(tmp_path / "d.yaml")
    assert plan_written(again, engine.answers, {})
    assert not plan_written(again, {**engine.answers, "naam": "Ander plein"}, {})


def test_what_we_do_is_said_for_every_point_and_why_only_when_not_taken_over():
    dossier = full_cycle()
    point = dossier.inputs[1]  # overgenomen
    point.reason, point.action = "", "We leggen een trapveldje aan"
    letter = letter_markdown(dossier)
    assert "  - Dit nemen we over.\n  - Wat we doen: We leggen een trapveldje aan.\n" in letter
    report = report_markdown(dossier)
    assert "**Overgenomen.** Wat we doen: We leggen een trapveldje aan." in report


def test_documents_never_cut_the_users_text(tmp_path):
    dossier = full_cycle()
    long = (
        "Hondenbezitters willen een losloopgebied aan de rand, omdat ze het park nu in de ochtend "
        "en avond veel gebruiken en de honden dan vrij willen laten rennen zonder last voor "
        "spelende kinderen op het grasveld."
    )
    dossier.inputs[0].heard = long
    md = report_markdown(dossier)
    assert long in md and "…" not in md
    path = tmp_path / "r.docx"
    write_docx(path, md)
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert text.count(long) == md.count(long)
    assert long in letter_markdown(dossier)


def test_a_missing_group_we_heard_from_later_counts_as_reached_and_follow_up_is_a_sentence():
    dossier = full_cycle()
    dossier.activities[0].follow_up = "huisbezoek via de jongerenwerker"
    dossier.activities[1].follow_up = ""
    letter = letter_markdown(dossier)
    assert (
        "Jongeren hebben we nog niet gesproken. Wat we doen: Huisbezoek via de jongerenwerker."
        in (letter)
    )
    dossier.inputs.append(
        Input(id="i3", subject="Spelen", group="jongeren", heard="Een hangplek.", weighing="open")
    )
    letter, report = letter_markdown(dossier), report_markdown(dossier)
    assert "nog niet gesproken" not in letter
    assert "Niet bereikt, en wat we daaraan deden" not in report
    assert "De jongeren zeiden: Een hangplek." in letter
    assert "**Jongeren**: ontbrak bij" in report  # where they were missing is still told
    assert "we hoorden wel wat zij vinden" in report


def test_a_new_plan_uses_its_fixed_and_open_items_whole_and_asks_for_no_instruction():
    text = edit(
        mini_text(),
        "open: [Het ontwerp van het plein.]",
        "open: [Het ontwerp van het plein. De bankjes en de bomen horen erbij.]",
    )
    loaded = load_tree_text(text, "mini.yaml")
    result = walk(resolve(loaded.tree, "leiden"), {**PLEIN, "niveau": "coproduceren"})
    dossier = new_dossier(result.engine, loaded.digest)
    items = dossier.advice["invloedsruimte"]["open"]
    assert items and all(i["instruction"] is None for i in items)
    whole = "Het ontwerp van het plein. De bankjes en de bomen horen erbij."
    assert whole in dossier.public_room()[1]
    assert [instruction for *_, instruction in dossier.plan_room()] == [""] * len(
        dossier.plan_room()
    )  # so the screen does not ask to make it concrete
    assert "De bankjes en de bomen horen erbij." in form_markdown(dossier)


def test_public_documents_say_in_words_what_influence_participants_had_and_promise_no_roles():
    dossier = full_cycle()
    advice = dossier.plan.advice
    advice["levels"] = {
        "project": {"level": "adviseren", "label": "Adviseren"},
        "groups": [{"name": "Georganiseerde partijen", "level": "adviseren"}],
        "cap": "adviseren",
    }
    advice["invloedsruimte"]["decides"] = [
        {"text": "Het college neemt het besluit.", "reasons": [{"kind": "answer"}]},
        {
            "text": "De gemeente organiseert de participatie zelf. De projectleider is het "
            "aanspreekpunt.",
            "reasons": [{"kind": "outcome"}],
        },
        {
            "text": "Het advies wordt in principe gevolgd.",
            "reasons": [{"kind": "rule", "rule": "belofte-adviseren"}],
        },
    ]
    report, letter = report_markdown(dossier), letter_markdown(dossier)
    for doc in (report, letter):
        assert "organiseert de participatie" not in doc
        assert "Het college neemt het besluit." in doc
        assert "Het advies wordt in principe gevolgd." in doc
    assert "Plafond" not in report and "Adviseren" not in report
    assert "Deelnemers gaven advies; het bestuur volgt dat, tenzij" in report


def test_the_rapportage_says_how_many_activities_were_evaluated_not_that_all_were():
    report = report_markdown(full_cycle())  # two activities, one evaluation
    assert "Na elke bijeenkomst vragen we" not in report
    assert "Een evaluatie is vastgelegd bij 1 van de 2 activiteiten." in report
    assert "Geen evaluatie: Bewonersbrief (8 maart 2026)." in report


def test_a_letter_about_young_children_is_for_parents_and_the_childrens_letter_fits_their_words(
    tmp_path, capsys
):
    from wizard.report import parents_letter_markdown

    dossier = _young_dossier()
    dossier.inputs[-1].heard = "De kinderen tekenden een klimrek en een zandbak"
    dossier.inputs.append(
        Input(id="i4", subject="Spelen", group="jongeren", heard="We willen een glijbaan")
    )
    kids = child_letter_markdown(dossier)
    assert "Dit hebben we van jullie gehoord:\n\n- De kinderen tekenden een klimrek" in kids
    assert "- Jullie vertelden ons: “We willen een glijbaan.”" in kids
    assert "Jullie vertelden ons: “De kinderen" not in kids
    parents = parents_letter_markdown(dossier)
    assert "Beste ouders en begeleiders," in parents
    assert "voorlezen" in parents and "juf" not in parents and "Hallo allemaal" not in parents
    assert "## Wat we van de kinderen hoorden" in parents
    assert "- De kinderen tekenden een klimrek en een zandbak." in parents
    path = tmp_path / "dossier.yaml"
    save_dossier(path, dossier, remember_it=False)
    assert main(["brief", str(path), "--voor", "ouders"]) == 0
    assert "Beste ouders en begeleiders," in capsys.readouterr().out


def test_the_letter_says_what_was_fixed_in_public_words():
    dossier = _with_room(
        full_cycle(),
        [{"text": "Het budget: € 95.000.", "instruction": None, "why": [], "reasons": []}],
        [],
    )
    letter = letter_markdown(dossier)
    assert "## Wat al vastlag\n\nHierover ging het meedenken niet. Dit lag al vast:\n\n" in letter
    assert "- Het budget: € 95.000.\n" in letter
    assert letter.index("## Wat al vastlag") < letter.index("## Wat we hoorden")


def test_evaluation_scores_on_the_screen_say_what_they_are_about():
    from wizard.report import evaluation_summary

    line = evaluation_summary(
        Evaluation(activity="a1", respondents=18, clear=4.2, heard=3.8, accessible=3.0)
    )
    assert line == "18 ingevuld · duidelijk 4,2 · gehoord 3,8 · kon meedoen 3,0 (1-5)"


def test_the_shipped_tree_marks_young_and_sensitive_groups_in_the_plan_a_dossier_keeps():
    """The dossier reads who is young or sensitive from the plan, which takes it from the tree:
    a group the old fallback list never knew (via-professionals) is left unnamed in a letter."""
    from wizard.loader import load_tree
    from wizard.paths import default_tree

    loaded = load_tree(default_tree())
    case = next(c for c in loaded.tree.cases if c.id == "handhaving-gevolgen-open")
    result = walk(resolve(loaded.tree, case.variant), case.answers)
    dossier = new_dossier(result.engine, loaded.digest)
    assert dossier.is_sensitive_group("via-professionals")
    assert dossier.is_sensitive_group("armoede")
    assert not dossier.is_sensitive_group("omwonenden")
    case = next(c for c in loaded.tree.cases if c.id == "zonder-variant")
    result = walk(resolve(loaded.tree, case.variant), case.answers)
    dossier = new_dossier(result.engine, loaded.digest)
    people = {s["id"]: s for s in dossier.advice["stakeholders"]}
    assert people["kinderen"]["audience"] == "kinderen"
    assert people["omwonenden"]["audience"] is None
    assert dossier.is_young_werkvorm("kinderparticipatie")
