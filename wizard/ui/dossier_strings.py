"""UI strings for the dossier screens and the session notices on the start screen (NL and EN).

Kept apart from :mod:`wizard.ui.strings` so the dossier work merges cleanly; ``strings.py``
adds these tables to its own. Plain text, never markup, like every UI string.
"""

from __future__ import annotations

NL: dict[str, str] = {
    # start screen: projects and unreadable sessions
    "start.projects": "Uw projecten",
    "start.project.dossier": "Dossier: {title}",
    "start.project.dossier.detail": "{path} · geopend {when}",
    "start.project.session": "Niet afgemaakt: {project}",
    "start.project.session.detail": "{tree}{variant} · {answered} antwoorden · {when}",
    "start.unreadable.title": "Een bewaarde sessie kon niet worden gelezen",
    "start.unreadable.item": "{name}: {reason}. Een kopie staat in {backup}.",
    "start.unreadable.lost": "{name}: {reason}. Het bestand kon niet opzij worden gezet.",
    "start.unreadable.keep": "Kopie bewaren",
    "start.unreadable.delete": "Kopie verwijderen",
    "start.unreadable.deleted": "De onleesbare kopie is verwijderd.",
    "start.forked": (
        "Deze sessie is intussen ook in een ander venster bewaard. Om niets te overschrijven "
        "staan uw antwoorden nu in een nieuw bestand: {path}"
    ),
    # quit
    "quit.save_failed": (
        "Let op: uw antwoorden konden NIET worden bewaard ({reason}). Exporteer het advies "
        "als u het wilt houden."
    ),
    "quit.dossier": "Uw antwoorden staan in het dossier {path}.",
    "quit.documents": "U hebt uit het dossier geschreven: {names} (in {folder}).",
    "quit.plan.exported": "Het plan met deze antwoorden is geëxporteerd: {file}.",
    "quit.plan.changed": (
        "U hebt het plan geëxporteerd ({file}), maar daarna antwoorden veranderd. Exporteer het "
        "opnieuw als u het plan zo wilt houden."
    ),
    "quit.plan.none": "Het plan zelf is nog niet geëxporteerd (toets x in het dossier).",
    "quit.form.title": "Er is nog een formulier open",
    "quit.form.body": (
        'U hebt in het formulier "{form}" iets ingevuld dat nog niet is opgeslagen. Als u nu '
        "stopt zonder op te slaan, is het weg."
    ),
    "quit.form.keep": "Verder invullen",
    "quit.form.save": "Opslaan en stoppen",
    "quit.form.discard": "Weggooien en stoppen",
    # bindings and palette
    "b.dossier": "Dossier",
    "cmd.dossier": "Dossier: plan vastleggen en bijhouden wat er gebeurt",
    "cmd.dossier.help": "Activiteiten, wat u hoorde, de afweging, evaluaties en de rapportage",
    "dossier.b.activity": "Activiteit",
    "dossier.b.heard": "Gehoord",
    "dossier.b.evaluation": "Evaluatie",
    "dossier.b.decision": "Besluit",
    "dossier.b.export": "Documenten",
    "dossier.b.snapshot": "Plan opnieuw vastleggen",
    "dossier.b.room": "Wat vastligt, voor deelnemers",
    "dossier.b.contact": "Afzender",
    "dossier.contact.title": "Afzender en contactpersoon",
    "dossier.contact.explain": (
        "De brief aan deelnemers en de rapportage noemen wie ze stuurt en wie vragen beantwoordt."
    ),
    "dossier.contact.organisation": "Gemeente of organisatie (onder de brief)",
    "dossier.contact.contact": "Contactpersoon: naam en telefoonnummer of e-mail",
    "dossier.contact.missing": (
        "Let op: de brief mist nog {what}. Er staat nu een tekst in om in te vullen. "
        "Druk o om het in te vullen."
    ),
    "dossier.contact.line": "Afzender: {org} · Contact: {who} (o: wijzigen)",
    "dossier.contact.missing.export": (
        "Let op: de brief mist nog {what}. Er staat nu een tekst in om in te vullen. "
        "Sluit dit venster en druk o om het in te vullen."
    ),
    "dossier.doc.brief-kinderen": "Brief voor de kinderen en jongeren die meededen (lezen zelf)",
    "dossier.doc.brief-ouders": (
        "Brief over de kinderen voor ouders en begeleiders (voorlezen; jonge kinderen)"
    ),
    # dossier screen
    "dossier.heading": "Dossier: {title}",
    "dossier.file": "Bestand: {path}\nEsc: naar de vragen en het advies; F6 brengt u hier terug.",
    "dossier.file.nosave": (
        "U werkt zonder opslaan, maar dit dossier is uw eigen bestand: wat u verandert, ook in "
        "de antwoorden, komt erin."
    ),
    "dossier.notes": "Let op: {notes}",
    "dossier.plan.made": "Plan vastgelegd op {day}.",
    "dossier.plan.decision": "Besluit: {decision}",
    "dossier.plan.levels": "Niveau: {levels}",
    "dossier.plan.werkvormen": "Werkvormen: {names}",
    "dossier.plan.groups": "Wie we betrekken: {names}",
    "dossier.plan.fixed": "Vast, zoals deelnemers het lezen: {text}",
    "dossier.plan.open": "Open, zoals deelnemers het lezen: {text}",
    "dossier.plan.room": "Druk r om dit concreet te maken, bijvoorbeeld met het bedrag.",
    "dossier.plan.room.own": "Dit zijn uw woorden; r: wijzigen.",
    "dossier.plan.changed": (
        "De antwoorden zijn veranderd sinds het plan werd vastgelegd. Druk v om het plan "
        "opnieuw vast te leggen; tot dan gaan rapportage en brief uit van het oude plan."
    ),
    "dossier.never_reached": "Nog niet bereikt: {names}. Leg vast wat u doet om hen te horen.",
    "dossier.never_reached.done": (
        "Nog niet bereikt: {names}. U hebt vastgelegd wat u doet om hen te horen; "
        "leg hun inbreng vast bij h als u hen spreekt."
    ),
    "dossier.activities": "Activiteiten (a: toevoegen, Enter: wijzigen of verwijderen)",
    "dossier.inputs": "Wat we hoorden en hoe we het wogen (h: toevoegen)",
    "dossier.evaluations": "Evaluaties (e: toevoegen)",
    "dossier.decision": "Besluit (b: vastleggen)",
    "dossier.decision.none": "Nog geen besluit vastgelegd.",
    "dossier.nodate": "geen datum",
    "dossier.people": "{n} deelnemers",
    "dossier.person": "{n} deelnemer",
    "dossier.missing": "niet bereikt: {names}",
    "dossier.add.activity": "+ Activiteit toevoegen",
    "dossier.add.input": "+ Wat we hoorden toevoegen",
    "dossier.add.evaluation": "+ Evaluatie toevoegen",
    "dossier.created": "Het plan is vastgelegd in een dossier: {path}",
    "dossier.save_failed": "Het dossier kon niet worden bewaard: {reason}",
    "dossier.incomplete": (
        "Beantwoord eerst alle vragen; daarna legt u het plan vast in een dossier."
    ),
    "dossier.no_session": "Open eerst een project of begin een nieuw.",
    "dossier.no_case": "Een oefencasus heeft geen dossier.",
    "dossier.open_failed": "Het dossier kon niet worden geopend: {reason}",
    "dossier.no_tree": (
        "Dit dossier is gemaakt met de beslisboom '{tree}', en die is hier niet geladen. "
        "Start met --tree en het boombestand."
    ),
    "dossier.tree_changed": "De beslisboom is veranderd sinds dit dossier is gemaakt.",
    "dossier.snapshot.done": "Het plan is opnieuw vastgelegd met de huidige antwoorden.",
    "dossier.eval.first": "Leg eerst een activiteit vast; een evaluatie hoort bij een activiteit.",
    "dossier.choose": "Kies…",
    # forms
    "dossier.form.save": "Opslaan",
    "dossier.form.cancel": "Annuleren",
    "dossier.form.delete": "Verwijderen",
    "dossier.form.close": "Sluiten",
    "dossier.form.keys": (
        "Tab of Enter: volgend veld (bij rondjes en vinkjes alleen Tab; spatie kiest) · "
        "Ctrl+S: opslaan · Esc: annuleren"
    ),
    "dossier.delete.title": "Verwijderen?",
    "dossier.discard.title": "Wat u hebt ingevuld weggooien?",
    "dossier.discard.body": (
        "U hebt in dit formulier iets ingevuld of veranderd. Dat is nog niet opgeslagen."
    ),
    "dossier.discard.yes": "Weggooien",
    "dossier.discard.no": "Verder invullen",
    "dossier.typed_ahead": (
        "Het formulier is al dicht. Wat u daarna typte, is niet gebruikt: op dit scherm zijn "
        "letters sneltoetsen."
    ),
    "dossier.delete.body": "Dit verdwijnt uit het dossier. Dat kunt u niet ongedaan maken.",
    "dossier.activity.title": "Activiteit",
    "dossier.activity.werkvorm": "Werkvorm",
    "dossier.activity.other": "Andere werkvorm (typ hieronder)",
    "dossier.activity.other_hint": "Bijvoorbeeld: Tekenles op basisschool De Wieken",
    "dossier.activity.name": (
        "Naam van de activiteit (komt in de brief), of van een andere werkvorm"
    ),
    "dossier.activity.date": "Datum (JJJJ-MM-DD of DD-MM-JJJJ)",
    "dossier.activity.place": "Plaats of kanaal",
    "dossier.activity.participants": "Aantal deelnemers",
    "dossier.activity.reached": "Welke groepen uit het plan waren er? (Spatie: aanvinken)",
    "dossier.activity.missing": (
        "Welke groepen uit het plan ontbraken? (Een groep staat bij bereikt of bij ontbrekend, "
        "niet bij allebei.)"
    ),
    "dossier.activity.follow_up": "Wat deed u om de ontbrekende groepen toch te horen?",
    "dossier.activity.notes": "Opmerkingen",
    "dossier.input.title": "Wat we hoorden",
    "dossier.input.subject": "Onderwerp",
    "dossier.input.group": "Van wie",
    "dossier.input.everyone": "Iedereen / geen bepaalde groep",
    "dossier.input.activity": "Bij welke activiteit",
    "dossier.input.no_activity": "Geen bepaalde activiteit",
    "dossier.input.heard": "Wat we hoorden (kort)",
    "dossier.input.weighing": "Wat we ermee doen",
    "dossier.input.action": "Wat we doen",
    "dossier.input.reason": "Waarom (nodig bij deels of niet overgenomen)",
    "dossier.input.decided_by": "Wie besloot",
    "dossier.eval.title": "Evaluatie van een activiteit",
    "dossier.eval.activity": "Activiteit",
    "dossier.eval.respondents": "Hoeveel mensen vulden het formulier in",
    "dossier.eval.scale": "Gemiddelde score van 1 (helemaal niet) tot 5 (helemaal wel); leeg = niet gevraagd",
    "dossier.eval.change": "Wat deelnemers anders willen",
    "dossier.eval.organisers": "Wat de organisatie ervan leerde",
    "dossier.decision.title": "Het besluit",
    "dossier.room.title": "Wat vastligt en wat open is, in woorden voor deelnemers",
    "dossier.room.explain": (
        "Dit lezen deelnemers in de rapportage en op het evaluatieformulier. Maak het concreet. "
        "Een lege regel wordt niet genoemd."
    ),
    "dossier.room.fixed": "Ligt vast: {text}",
    "dossier.room.open": "Is open: {text}",
    "dossier.room.hint": "Voor u: {text}",
    "dossier.room.none": "Het plan noemt niets dat vastligt of open is.",
    "dossier.decision.text": "Wat is besloten",
    "dossier.decision.by": "Door wie (bijvoorbeeld het college)",
    "dossier.decision.date": "Datum (JJJJ-MM-DD of DD-MM-JJJJ)",
    "dossier.err.werkvorm": "Kies een werkvorm, of typ de naam van een andere.",
    "dossier.err.date": "Die datum kan ik niet lezen. Schrijf bijvoorbeeld 2026-03-14 of 14-03-2026.",
    "dossier.err.participants": "Vul bij deelnemers een heel getal in, of laat het leeg.",
    "dossier.err.respondents": "Vul een heel getal in, of laat het leeg.",
    "dossier.err.both": "'{group}' staat bij bereikt én bij ontbrekend. Kies er één.",
    "dossier.err.subject": "Vul een onderwerp in.",
    "dossier.err.heard": "Vul in wat u hoorde.",
    "dossier.err.reason": "Schrijf op waarom het niet of deels is overgenomen.",
    "dossier.err.activity": "Kies de activiteit waar deze evaluatie bij hoort.",
    "dossier.err.score": "Een score is een getal van 1 tot en met 5 (bijvoorbeeld 3,5), of leeg.",
    "dossier.err.decision": "Vul in wat er is besloten.",
    "dossier.err.invalid": "Niet alles is goed ingevuld. Kijk de velden na en probeer het opnieuw.",
    # export
    "dossier.export.title": "Documenten uit het dossier",
    "dossier.export.format": "Formaat",
    "dossier.export.folder": "Map",
    "dossier.export.which": "Kies een document (Enter schrijft het):",
    "dossier.export.where": "Als {fmt}, in {folder} (formaat en map: hieronder)",
    "dossier.export.done": "Geschreven: {path}",
    "dossier.export.failed": "Niet geschreven ({path}): {reason}",
    "dossier.export.nofolder": "deze map bestaat niet",
    "dossier.fmt.docx": "Word (.docx)",
    "dossier.fmt.markdown": "Markdown (.md)",
    "dossier.fmt.json": "JSON (.json)",
    "dossier.doc.rapport": "Participatierapportage",
    "dossier.doc.brief": "Terugkoppelingsbrief aan deelnemers",
    "dossier.doc.formulier": "Evaluatieformulier per bijeenkomst",
    "dossier.doc.plan": "Participatieplan",
}

EN: dict[str, str] = {
    "start.projects": "Your projects",
    "start.project.dossier": "Dossier: {title}",
    "start.project.dossier.detail": "{path} · opened {when}",
    "start.project.session": "Unfinished: {project}",
    "start.project.session.detail": "{tree}{variant} · {answered} answers · {when}",
    "start.unreadable.title": "A saved session could not be read",
    "start.unreadable.item": "{name}: {reason}. A copy is kept in {backup}.",
    "start.unreadable.lost": "{name}: {reason}. The file could not be set aside.",
    "start.unreadable.keep": "Keep the copy",
    "start.unreadable.delete": "Delete the copy",
    "start.unreadable.deleted": "The unreadable copy has been deleted.",
    "start.forked": (
        "This session was also saved from another window meanwhile. So as not to overwrite "
        "anything, your answers are now in a new file: {path}"
    ),
    "quit.save_failed": (
        "Note: your answers could NOT be saved ({reason}). Export the advice if you want to "
        "keep it."
    ),
    "quit.dossier": "Your answers are in the dossier {path}.",
    "quit.documents": "You wrote from the dossier: {names} (in {folder}).",
    "quit.plan.exported": "The plan with these answers was exported: {file}.",
    "quit.plan.changed": (
        "You exported the plan ({file}), but changed answers since. Export it again if you "
        "want to keep the plan like this."
    ),
    "quit.plan.none": "The plan itself has not been exported yet (key x in the dossier).",
    "quit.form.title": "A form is still open",
    "quit.form.body": (
        'You entered something in the form "{form}" that is not saved yet. If you quit now '
        "without saving, it is gone."
    ),
    "quit.form.keep": "Keep editing",
    "quit.form.save": "Save and quit",
    "quit.form.discard": "Throw away and quit",
    "b.dossier": "Dossier",
    "cmd.dossier": "Dossier: record the plan and keep track of what happens",
    "cmd.dossier.help": "Activities, what you heard, the weighing, evaluations and the report",
    "dossier.b.activity": "Activity",
    "dossier.b.heard": "Heard",
    "dossier.b.evaluation": "Evaluation",
    "dossier.b.decision": "Decision",
    "dossier.b.export": "Documents",
    "dossier.b.snapshot": "Record the plan again",
    "dossier.b.room": "What is fixed, for participants",
    "dossier.b.contact": "Sender",
    "dossier.contact.title": "Sender and contact person",
    "dossier.contact.explain": (
        "The letter to participants and the report name who sends them and who answers questions."
    ),
    "dossier.contact.organisation": "Municipality or organisation (under the letter)",
    "dossier.contact.contact": "Contact person: name and phone number or e-mail",
    "dossier.contact.missing": (
        "Note: the letter still lacks {what}. It now has a text to fill in. Press o to fill it in."
    ),
    "dossier.contact.line": "Sender: {org} · Contact: {who} (o: edit)",
    "dossier.contact.missing.export": (
        "Note: the letter still lacks {what}. It now has a text to fill in. Close this window "
        "and press o to fill it in."
    ),
    "dossier.doc.brief-kinderen": "Letter for the children and young people who took part (they read it)",
    "dossier.doc.brief-ouders": (
        "Letter about the children for parents and carers (to read aloud; young children)"
    ),
    "dossier.heading": "Dossier: {title}",
    "dossier.file": "File: {path}\nEsc: to the questions and the advice; F6 brings you back here.",
    "dossier.file.nosave": (
        "You are working without saving, but this dossier is your own file: what you change, "
        "the answers too, goes into it."
    ),
    "dossier.notes": "Note: {notes}",
    "dossier.plan.made": "Plan recorded on {day}.",
    "dossier.plan.decision": "Decision: {decision}",
    "dossier.plan.levels": "Level: {levels}",
    "dossier.plan.werkvormen": "Methods: {names}",
    "dossier.plan.groups": "Who we involve: {names}",
    "dossier.plan.fixed": "Fixed, as participants read it: {text}",
    "dossier.plan.open": "Open, as participants read it: {text}",
    "dossier.plan.room": "Press r to make this concrete, for example with the amount.",
    "dossier.plan.room.own": "These are your words; r: edit.",
    "dossier.plan.changed": (
        "The answers have changed since the plan was recorded. Press v to record it again; "
        "until then the report and letter follow the old plan."
    ),
    "dossier.never_reached": "Not reached yet: {names}. Record what you do to hear them.",
    "dossier.never_reached.done": (
        "Not reached yet: {names}. You recorded what you do to hear them; record what they "
        "say under h when you speak with them."
    ),
    "dossier.activities": "Activities (a: add, Enter: edit or delete)",
    "dossier.inputs": "What we heard and how we weighed it (h: add)",
    "dossier.evaluations": "Evaluations (e: add)",
    "dossier.decision": "Decision (b: record)",
    "dossier.decision.none": "No decision recorded yet.",
    "dossier.nodate": "no date",
    "dossier.people": "{n} participants",
    "dossier.person": "{n} participant",
    "dossier.missing": "not reached: {names}",
    "dossier.add.activity": "+ Add an activity",
    "dossier.add.input": "+ Add what we heard",
    "dossier.add.evaluation": "+ Add an evaluation",
    "dossier.created": "The plan is recorded in a dossier: {path}",
    "dossier.save_failed": "The dossier could not be saved: {reason}",
    "dossier.incomplete": "Answer every question first; then record the plan in a dossier.",
    "dossier.no_session": "Open a project first, or start a new one.",
    "dossier.no_case": "A practice case has no dossier.",
    "dossier.open_failed": "The dossier could not be opened: {reason}",
    "dossier.no_tree": (
        "This dossier was made with the decision tree '{tree}', which is not loaded here. "
        "Start with --tree and the tree file."
    ),
    "dossier.tree_changed": "The decision tree has changed since this dossier was made.",
    "dossier.snapshot.done": "The plan has been recorded again from the current answers.",
    "dossier.eval.first": "Record an activity first; an evaluation belongs to an activity.",
    "dossier.choose": "Choose…",
    "dossier.form.save": "Save",
    "dossier.form.cancel": "Cancel",
    "dossier.form.delete": "Delete",
    "dossier.form.close": "Close",
    "dossier.form.keys": (
        "Tab or Enter: next field (on round buttons and ticks only Tab; space chooses) · "
        "Ctrl+S: save · Esc: cancel"
    ),
    "dossier.delete.title": "Delete?",
    "dossier.discard.title": "Throw away what you entered?",
    "dossier.discard.body": "You entered or changed something in this form. It is not saved yet.",
    "dossier.discard.yes": "Throw away",
    "dossier.discard.no": "Keep editing",
    "dossier.typed_ahead": (
        "The form has already closed. What you typed after that was not used: on this screen "
        "letters are shortcuts."
    ),
    "dossier.delete.body": "This disappears from the dossier. You cannot undo it.",
    "dossier.activity.title": "Activity",
    "dossier.activity.werkvorm": "Method",
    "dossier.activity.other": "Another method (type below)",
    "dossier.activity.other_hint": "For example: Drawing class at De Wieken primary school",
    "dossier.activity.name": "Name of the activity (used in the letter), or of another method",
    "dossier.activity.date": "Date (YYYY-MM-DD or DD-MM-YYYY)",
    "dossier.activity.place": "Place or channel",
    "dossier.activity.participants": "Number of participants",
    "dossier.activity.reached": "Which groups from the plan took part? (Space: tick)",
    "dossier.activity.missing": (
        "Which groups from the plan were missing? (A group is reached or missing, not both.)"
    ),
    "dossier.activity.follow_up": "What did you do to hear the missing groups?",
    "dossier.activity.notes": "Notes",
    "dossier.input.title": "What we heard",
    "dossier.input.subject": "Subject",
    "dossier.input.group": "From whom",
    "dossier.input.everyone": "Everyone / no particular group",
    "dossier.input.activity": "At which activity",
    "dossier.input.no_activity": "No particular activity",
    "dossier.input.heard": "What we heard (short)",
    "dossier.input.weighing": "What we do with it",
    "dossier.input.action": "What we do",
    "dossier.input.reason": "Why (needed for partly or not taken over)",
    "dossier.input.decided_by": "Who decided",
    "dossier.eval.title": "Evaluation of an activity",
    "dossier.eval.activity": "Activity",
    "dossier.eval.respondents": "How many people filled in the form",
    "dossier.eval.scale": "Average score from 1 (not at all) to 5 (completely); empty = not asked",
    "dossier.eval.change": "What participants want changed",
    "dossier.eval.organisers": "What the organisers learned",
    "dossier.decision.title": "The decision",
    "dossier.room.title": "What is fixed and what is open, in words for participants",
    "dossier.room.explain": (
        "Participants read this in the report and on the evaluation form. Make it concrete. "
        "An empty line is left out."
    ),
    "dossier.room.fixed": "Fixed: {text}",
    "dossier.room.open": "Open: {text}",
    "dossier.room.hint": "For you: {text}",
    "dossier.room.none": "The plan names nothing that is fixed or open.",
    "dossier.decision.text": "What was decided",
    "dossier.decision.by": "By whom (for example the college)",
    "dossier.decision.date": "Date (YYYY-MM-DD or DD-MM-YYYY)",
    "dossier.err.werkvorm": "Choose a method, or type the name of another one.",
    "dossier.err.date": "I cannot read that date. Write for example 2026-03-14 or 14-03-2026.",
    "dossier.err.participants": "Enter a whole number of participants, or leave it empty.",
    "dossier.err.respondents": "Enter a whole number, or leave it empty.",
    "dossier.err.both": "'{group}' is ticked as both reached and missing. Choose one.",
    "dossier.err.subject": "Enter a subject.",
    "dossier.err.heard": "Enter what you heard.",
    "dossier.err.reason": "Write down why it was not, or only partly, taken over.",
    "dossier.err.activity": "Choose the activity this evaluation belongs to.",
    "dossier.err.score": "A score is a number from 1 to 5 (for example 3.5), or empty.",
    "dossier.err.decision": "Enter what was decided.",
    "dossier.err.invalid": "Not everything is filled in correctly. Check the fields and try again.",
    "dossier.export.title": "Documents from the dossier",
    "dossier.export.format": "Format",
    "dossier.export.folder": "Folder",
    "dossier.export.which": "Choose a document (Enter writes it):",
    "dossier.export.where": "As {fmt}, in {folder} (format and folder: below)",
    "dossier.export.done": "Written: {path}",
    "dossier.export.failed": "Not written ({path}): {reason}",
    "dossier.export.nofolder": "this folder does not exist",
    "dossier.fmt.docx": "Word (.docx)",
    "dossier.fmt.markdown": "Markdown (.md)",
    "dossier.fmt.json": "JSON (.json)",
    "dossier.doc.rapport": "Participation report",
    "dossier.doc.brief": "Feedback letter to participants",
    "dossier.doc.formulier": "Evaluation form per meeting",
    "dossier.doc.plan": "Participation plan",
}
