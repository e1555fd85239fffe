"""The ``stappenplan`` command: the wizard, and checks, runs and graphs without a screen.

Arguments are parsed before anything heavy is imported, so ``--help`` and the headless commands
stay fast, and the terminal UI pulls in Textual only when it starts.

Exit status: 0 fine, 1 an invalid tree or answers file (or failed checks), 2 wrong use of the
command (unknown option, missing file).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3

# argparse speaks English; our users read Dutch. These are the phrases argparse itself prints.
_ARGPARSE_NL = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "expected one argument": "hier hoort een waarde achter",
    "ambiguous option: %(option)s could match %(matches)s": "optie %(option)s is niet eenduidig: %(matches)s",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
}


def _translate(message: str) -> str:
    return _ARGPARSE_NL.get(message, message)


argparse._ = _translate  # type: ignore[attr-defined]


def _tree_options(parser: argparse.ArgumentParser, variant_help: str, *, top: bool) -> None:
    """``--tree`` and ``--variant``, on the command and on each subcommand that uses them.

    On a subcommand they default to SUPPRESS, so ``stappenplan --tree X run ...`` keeps X
    instead of the subcommand silently resetting it.
    """
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--tree",
        metavar="PAD",
        default=default,
        help="boombestand (standaard: de meegeleverde boom)",
    )
    parser.add_argument("--variant", metavar="ID", default=default, help=variant_help)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stappenplan",
        description=(
            "Stappenplan participatie: beantwoord een paar vragen en krijg een onderbouwd advies "
            "of en hoe u inwoners, ondernemers en organisaties betrekt. Zonder opdracht start de "
            "wizard op de meegeleverde beslisboom."
        ),
        epilog="Meer hulp per opdracht: stappenplan OPDRACHT --help",
    )
    _tree_options(parser, "variant (gemeente) om mee te beginnen", top=True)
    parser.add_argument(
        "--no-save",
        action="store_true",
        help="bewaar niets: geen automatisch opgeslagen sessie (voor gedeelde laptops)",
    )
    parser.add_argument(
        "--lang", choices=["nl", "en"], default="nl", help="taal van de knoppen en menu's"
    )
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT", title="opdrachten")

    check = sub.add_parser(
        "check",
        help="controleer bomen en hun voorbeeldcasussen",
        description=(
            "Controleer boombestanden: vorm, ids, routes, voorwaarden, bronnen en de "
            "voorbeeldcasussen. Zonder PAD worden alle bomen in trees/ gecontroleerd."
        ),
    )
    check.add_argument("paths", nargs="*", metavar="PAD", help="boombestand(en)")
    check.add_argument("--strict", action="store_true", help="behandel waarschuwingen als fouten")

    run = sub.add_parser(
        "run",
        help="maak het advies bij een antwoordbestand, zonder scherm",
        description="Loop de boom door met de antwoorden uit een bestand en druk het advies af.",
    )
    _tree_options(run, "variant; gaat voor die in het antwoordbestand", top=False)
    run.add_argument("--answers", metavar="PAD", required=True, help="antwoordbestand (YAML)")
    run.add_argument(
        "--format",
        choices=["markdown", "json", "docx"],
        default="markdown",
        help="uitvoer (standaard markdown; docx schrijft een Word-bestand, zie --output)",
    )
    run.add_argument(
        "--output", metavar="PAD", help="schrijf naar dit bestand in plaats van het scherm"
    )

    opener = sub.add_parser(
        "open",
        help="open een projectdossier in de wizard",
        description=(
            "Open een projectdossier (YAML) in de wizard: het plan, de activiteiten, wat u "
            "hoorde en hoe u het woog. Antwoorden die niet meer bij de boom passen, worden genoemd."
        ),
    )
    opener.add_argument(
        "--tree",
        metavar="PAD",
        default=argparse.SUPPRESS,
        help="boombestand waarmee het dossier is gemaakt (standaard: de meegeleverde bomen)",
    )
    opener.add_argument("file", metavar="DOSSIER", help="dossierbestand (.yaml)")

    for name, what, helptext in (
        ("rapport", "de participatierapportage", "maak de participatierapportage bij een dossier"),
        ("brief", "de terugkoppelingsbrief", "maak de brief aan deelnemers (B1) bij een dossier"),
        ("formulier", "het evaluatieformulier", "maak het evaluatieformulier per bijeenkomst"),
    ):
        doc = sub.add_parser(
            name,
            help=helptext,
            description=(
                f"Maak {what} uit een projectdossier. Markdown en JSON gaan naar het scherm "
                "(of naar --output); docx schrijft een Word-bestand naast het dossier (of naar "
                "--output)."
            ),
        )
        doc.add_argument("file", metavar="DOSSIER", help="dossierbestand (.yaml)")
        doc.add_argument(
            "--format",
            choices=["markdown", "docx", "json"],
            default="markdown",
            help="uitvoer (standaard markdown)",
        )
        doc.add_argument("--output", metavar="PAD", help="schrijf naar dit bestand")
        if name in ("rapport", "brief"):
            doc.add_argument(
                "--afzender",
                metavar="TEKST",
                help="gemeente of organisatie onder de brief; wordt in het dossier bewaard",
            )
            doc.add_argument(
                "--contact",
                metavar="TEKST",
                help="contactpersoon voor vragen (naam en telefoonnummer of e-mail); wordt in "
                "het dossier bewaard",
            )
        if name == "brief":
            doc.add_argument(
                "--voor",
                choices=["deelnemers", "kinderen", "ouders"],
                default="deelnemers",
                help="de brief voor alle deelnemers (standaard), de korte brief voor de "
                "kinderen en jongeren die meededen en zelf lezen, of die brief voor ouders en "
                "begeleiders die hem voorlezen of uitleggen (jonge kinderen)",
            )
        if name == "formulier":
            doc.add_argument(
                "--activiteit",
                metavar="ID",
                help="alleen het formulier voor deze activiteit (standaard: elke bijeenkomst)",
            )

    graph = sub.add_parser(
        "graph",
        help="teken de boom als Mermaid- of DOT-diagram",
        description="Druk de boom af als diagram, met de antwoorden en voorwaarden op de pijlen.",
    )
    _tree_options(graph, "teken de boom zoals deze variant hem ziet", top=False)
    graph.add_argument("--format", choices=["mermaid", "dot"], default="mermaid")

    sub.add_parser(
        "schema",
        help="druk het JSON-schema voor boombestanden af",
        description="Druk het JSON-schema af waarmee een editor boombestanden aanvult en controleert.",
    )

    serve = sub.add_parser(
        "serve",
        help="toon de wizard in een browser (trainingen; vraagt textual-serve)",
        description=(
            "Toon de wizard in een browser met textual-serve: elk tabblad krijgt een eigen "
            "sessie, en er wordt niets bewaard (--no-save). Let op: textual-serve heeft geen "
            "authenticatie (geen inlog). Iedereen die het adres bereikt, kan de wizard gebruiken. "
            "Blijf op 127.0.0.1 of een vertrouwd trainingsnetwerk; zet voor alles daarbuiten een "
            "reverse proxy met authenticatie ervoor."
        ),
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="adres om op te luisteren (standaard 127.0.0.1)"
    )
    serve.add_argument("--port", type=int, default=8000, help="poort (standaard 8000)")
    _tree_options(serve, "variant (gemeente) om mee te beginnen", top=False)
    serve.add_argument(
        "--public-url",
        metavar="URL",
        help="adres zoals browsers het zien, bv. http://192.168.1.10:8000 (bij --host 0.0.0.0)",
    )
    return parser


def _err(message: str) -> None:
    from wizard.problems import brief

    print(f"stappenplan: fout: {brief(message)}", file=sys.stderr)


def _tree_path(value: str | None) -> Path | None:
    from wizard.paths import default_tree
    from wizard.textfile import not_a_file

    path = Path(value) if value else default_tree()
    problem = not_a_file(path, "boombestand")
    if problem:
        _err(problem)
        return None
    return path


def _print_problems(problems: Sequence[Any]) -> None:
    """Print a file's problems, at most ``MAX_SHOWN``, with a count of the rest."""
    from wizard.problems import problem_lines

    for line in problem_lines(problems):
        print(line, file=sys.stderr)


def cmd_check(paths: list[str], strict: bool) -> int:
    from wizard.casuistiek import check_casuistiek
    from wizard.lint import lint
    from wizard.loader import load_tree
    from wizard.paths import bundled_trees, trees_dir
    from wizard.problems import ProblemsError
    from wizard.textfile import not_a_file

    files = [Path(p) for p in paths] if paths else bundled_trees()
    if not files:
        _err(f"geen boombestanden gevonden in {trees_dir()}")
        return EXIT_USAGE
    unusable = [problem for f in files if (problem := not_a_file(f, "boombestand"))]
    if unusable:
        for problem in unusable:
            _err(problem)
        return EXIT_USAGE
    failed = False
    for file in files:
        try:
            loaded = load_tree(file)
        except ProblemsError as exc:
            _print_problems(exc.problems)
            print(f"{file}: ongeldig ({len(exc.problems)} fouten)")
            failed = True
            continue
        report = lint(loaded)
        training = check_casuistiek(loaded, file, walk_cases=not report.errors)
        report.problems.extend(training.problems)
        _print_problems(report.problems)
        errors, warnings = len(report.errors), len(report.warnings)
        bad = errors > 0 or (strict and warnings > 0)
        failed = failed or bad
        verdict = "in orde" if not bad else "afgekeurd"
        counts = f"{errors} fouten, {warnings} waarschuwingen"
        casuistiek = f"; {training.format()}" if training.cases else ""
        print(f"{file}: {verdict} ({counts}). {report.summary.format()}{casuistiek}.")
    return EXIT_INVALID if failed else EXIT_OK


def cmd_run(
    tree: str | None,
    answers: str,
    variant: str | None,
    fmt: str,
    output: str | None = None,
    lang: str = "nl",
) -> int:

    from wizard.flow import UnknownVariant, resolve
    from wizard.loader import load_tree
    from wizard.problems import Problem, ProblemsError
    from wizard.render import to_json_data, to_markdown
    from wizard.run import load_answers, walk
    from wizard.text import json_text
    from wizard.textfile import not_a_file

    tree_path = _tree_path(tree)
    if tree_path is None:
        return EXIT_USAGE
    answers_path = Path(answers)
    problem = not_a_file(answers_path, "antwoordbestand")
    if problem:
        _err(problem)
        return EXIT_USAGE
    try:
        loaded = load_tree(tree_path)
        answers_file, doc = load_answers(answers_path)
    except ProblemsError as exc:
        _print_problems(exc.problems)
        return EXIT_INVALID
    if answers_file.tree and answers_file.tree != loaded.tree.id:
        line, col = doc.marks.at(("tree",)) or (None, None)
        _print_problems(
            [
                Problem(
                    doc.file,
                    line,
                    col,
                    f"dit antwoordbestand hoort bij boom '{answers_file.tree}', niet bij "
                    f"'{loaded.tree.id}' ({tree_path})",
                )
            ]
        )
        return EXIT_INVALID
    chosen = variant or answers_file.variant
    try:
        flow = resolve(loaded.tree, chosen)
    except UnknownVariant as exc:
        if variant:
            _err(str(exc))
            return EXIT_USAGE
        line, col = doc.marks.at(("variant",)) or (None, None)
        _print_problems([Problem(doc.file, line, col, str(exc))])
        return EXIT_INVALID
    result = walk(flow, answers_file.answers, answers_file.details)
    if not result.ok:
        key = ("answers", result.stopped_at or "")
        if result.bad_detail:
            key = ("details", *(k for k in result.bad_detail if k))
        pos = doc.marks.at(key) or doc.marks.at(key[:2]) or doc.marks.at(key[:1]) or (None, None)
        _print_problems([Problem(doc.file, pos[0], pos[1], result.error or "")])
        return EXIT_INVALID
    for node_id in result.unused:
        line, col = doc.marks.at(("answers", node_id), key=True) or (None, None)
        _print_problems(
            [
                Problem(
                    doc.file,
                    line,
                    col,
                    f"het antwoord op '{node_id}' wordt op deze route niet gebruikt",
                    "warning",
                )
            ]
        )
    for node_id, option_id in result.unused_details:
        line, col = doc.marks.at(("details", node_id, option_id), key=True) or (None, None)
        _print_problems(
            [
                Problem(
                    doc.file,
                    line,
                    col,
                    f"de woorden bij '{node_id}: {option_id}' tellen niet mee: die optie is op "
                    "deze route niet aangevinkt. Vink hem aan onder 'answers', of haal de woorden "
                    "weg",
                    "warning",
                )
            ]
        )
    if fmt == "json":
        data = to_json_data(result.engine, loaded.digest)
        return _emit(json_text(data), output)
    markdown = to_markdown(result.engine, lang=lang)
    if fmt == "docx":
        target = Path(output) if output else answers_path.with_suffix(".docx")
        return _emit_docx(markdown, target)
    return _emit(markdown, output)


def _emit(text: str, output: str | None) -> int:
    """Print, or write to ``output`` (atomically), saying where it went."""
    if not output:
        print(text, end="")
        return EXIT_OK
    from wizard.session import write_atomic

    path = Path(output)
    try:
        write_atomic(path, text)
    except OSError as exc:
        _err(f"{exc.filename or path}: kan niet schrijven: {exc.strerror or exc}")
        return EXIT_USAGE
    print(f"Geschreven: {path}", file=sys.stderr)
    return EXIT_OK


def _emit_docx(markdown: str, path: Path) -> int:
    from wizard.docx_export import write_docx

    try:
        write_docx(path, markdown)
    except OSError as exc:
        _err(f"{exc.filename or path}: kan niet schrijven: {exc.strerror or exc}")
        return EXIT_USAGE
    print(f"Geschreven: {path}", file=sys.stderr)
    return EXIT_OK


def _read_dossier(file: str):
    from wizard.dossier import load_dossier
    from wizard.problems import ProblemsError

    path = Path(file)
    if not path.is_file():
        _err(f"dossier niet gevonden: {path}")
        return None, EXIT_USAGE
    try:
        dossier = load_dossier(path)
    except ProblemsError as exc:
        _print_problems(exc.problems)
        return None, EXIT_INVALID
    for note in dossier.load_notes:
        print(f"{path}: let op: {note}", file=sys.stderr)
    return dossier, EXIT_OK


def cmd_document(args: argparse.Namespace) -> int:
    """``rapport``, ``brief`` and ``formulier``: a document made from a dossier."""
    import json

    from wizard import report

    dossier, status = _read_dossier(args.file)
    if dossier is None:
        return status
    activity = getattr(args, "activiteit", None)
    if activity and dossier.activity(activity) is None:
        known = ", ".join(a.id for a in dossier.activities) or "geen"
        _err(f"activiteit '{activity}' staat niet in het dossier (wel: {known})")
        return EXIT_USAGE
    makers = {
        "rapport": (report.report_markdown, report.report_data, "rapportage"),
        "brief": (report.letter_markdown, report.letter_data, "brief"),
        "formulier": (
            lambda d: report.form_markdown(d, activity),
            lambda d: report.form_data(d, activity),
            "evaluatieformulier",
        ),
    }
    if getattr(args, "voor", None) == "kinderen":
        makers["brief"] = (report.child_letter_markdown, report.letter_data, "brief-kinderen")
    if getattr(args, "voor", None) == "ouders":
        makers["brief"] = (report.parents_letter_markdown, report.letter_data, "brief-ouders")
    sender, contact = getattr(args, "afzender", None), getattr(args, "contact", None)
    if sender is not None or contact is not None:  # kept in the dossier, for every document
        from wizard.dossier import LINE_MAX, save_dossier
        from wizard.text import one_line

        kept = []
        if sender is not None:
            dossier.organisation = one_line(sender)[:LINE_MAX]
            kept.append("afzender")
        if contact is not None:
            dossier.contact = one_line(contact)[:LINE_MAX]
            kept.append("contactpersoon")
        try:
            save_dossier(Path(args.file), dossier, remember_it=False)
        except OSError as exc:
            _err(f"{args.file}: kan het dossier niet bewaren: {exc.strerror or exc}")
            return EXIT_USAGE
        what = " en ".join(kept)
        print(f"{what[:1].upper()}{what[1:]} bewaard in {args.file}", file=sys.stderr)
    if args.command == "brief":  # only the letter has a sender and a contact
        missing = report.missing_contact(dossier)
        if missing:  # the letter has a placeholder for it: say so before it is sent
            print(
                "stappenplan: let op: de brief mist nog "
                + " en ".join(missing)
                + ". Er staat nu een tekst in om in te vullen. Geef --afzender en --contact "
                "mee, of vul het in met stappenplan open DOSSIER (toets o).",
                file=sys.stderr,
            )
    to_md, to_data, suffix = makers[args.command]
    if args.format == "json":
        return _emit(json.dumps(to_data(dossier), ensure_ascii=False, indent=2) + "\n", args.output)
    markdown = to_md(dossier)
    if args.format == "docx":
        source = Path(args.file)
        target = (
            Path(args.output) if args.output else source.with_name(f"{source.stem}-{suffix}.docx")
        )
        return _emit_docx(markdown, target)
    return _emit(markdown, args.output)


def cmd_graph(tree: str | None, variant: str | None, fmt: str) -> int:
    from wizard.flow import UnknownVariant, resolve
    from wizard.graph import to_dot, to_mermaid
    from wizard.loader import load_tree
    from wizard.problems import ProblemsError

    tree_path = _tree_path(tree)
    if tree_path is None:
        return EXIT_USAGE
    try:
        loaded = load_tree(tree_path)
    except ProblemsError as exc:
        _print_problems(exc.problems)
        return EXIT_INVALID
    try:
        flow = resolve(loaded.tree, variant)
    except UnknownVariant as exc:
        _err(str(exc))
        return EXIT_USAGE
    print(to_dot(flow) if fmt == "dot" else to_mermaid(flow), end="")
    return EXIT_OK


def cmd_schema() -> int:
    from wizard.schema import tree_schema_text

    print(tree_schema_text(), end="")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from wizard.flow import UnknownVariant, resolve
    from wizard.loader import load_tree
    from wizard.problems import ProblemsError
    from wizard.serve import serve

    if not 0 < args.port < 65536:
        _err(f"poort {args.port} bestaat niet; kies een getal van 1 tot en met 65535")
        return EXIT_USAGE
    tree_path = _tree_path(args.tree)
    if tree_path is None:
        return EXIT_USAGE
    try:
        resolve(load_tree(tree_path).tree, args.variant)
    except ProblemsError as exc:
        _print_problems(exc.problems)
        return EXIT_INVALID
    except UnknownVariant as exc:
        _err(str(exc))
        return EXIT_USAGE
    return serve(
        tree_path,
        args.host,
        args.port,
        variant=args.variant,
        lang=args.lang,
        public_url=args.public_url,
    )


def cmd_start(args: argparse.Namespace) -> int:
    from wizard.ui.launch import launch

    return launch(args)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command in ("check", "schema", "rapport", "brief", "formulier") and (
            getattr(args, "tree", None) or getattr(args, "variant", None)
        ):
            parser.error(
                f"--tree en --variant horen niet bij '{args.command}'"
                + (
                    "; geef de boom als PAD: stappenplan check PAD"
                    if args.command == "check"
                    else ""
                )
            )
        if args.command == "check":
            return cmd_check(args.paths, args.strict)
        if args.command == "run":
            return cmd_run(
                args.tree, args.answers, args.variant, args.format, args.output, args.lang
            )
        if args.command in ("rapport", "brief", "formulier"):
            return cmd_document(args)
        if args.command == "open":
            dossier, status = _read_dossier(args.file)
            if dossier is None:
                return status
            args.open_dossier = args.file
            return cmd_start(args)
        if args.command == "graph":
            return cmd_graph(args.tree, args.variant, args.format)
        if args.command == "schema":
            return cmd_schema()
        if args.command == "serve":
            return cmd_serve(args)
        return cmd_start(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # never a traceback for a user: say what happened, briefly
        _err(
            f"onverwachte fout ({type(exc).__name__}: {exc}). Dit is een fout in stappenplan; "
            "meld hem met de opdracht die u gaf."
        )
        return EXIT_BUG


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
