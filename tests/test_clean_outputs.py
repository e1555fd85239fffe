"""One cleaning helper for every output (issue 8): escape codes, bidi overrides and zero-width
characters from a tree never reach a terminal, a graph file, JSON or the plan; tree text in the
plan is text, not Markdown."""

from __future__ import annotations

import json

import pytest
from markdown_it import MarkdownIt

from tests.conftest import MINI, edit
from tests.test_cli import PLEIN, run_cli, write
from wizard.text import clean, md_text

# ESC ] 0 ; title BEL (set the terminal title), ESC [ 2 J (clear the screen), a C1 CSI,
# a right-to-left override, an isolate, a zero-width space, a zero-width joiner, a BOM
HOSTILE = "Plein\x1b]0;titel\x07\x1b[2J\x9b31m \u202eteks\u2066t\u200b\u200d\ufeff"
INVISIBLE = "\x1b\x07\x9b\u202e\u2066\u200b\u200d\ufeff"


def no_hostile_chars(text: str) -> bool:
    return not any(c in text for c in INVISIBLE)


def hostile_tree(tmp_path, value: str = HOSTILE):
    quoted = json.dumps(value)  # a YAML double-quoted string with \u escapes
    text = MINI.read_text(encoding="utf-8")
    text = edit(text, "question: Hoe heet uw project?", f"question: {quoted}")
    text = edit(text, "label: Ja, er is ruimte", f"label: {quoted}")
    text = edit(text, "title: Advies klaar", f"title: {quoted}")
    return write(tmp_path, "vijandig.yaml", text)


def test_clean_neutralises_every_kind_of_hidden_character():
    cleaned = clean(HOSTILE)
    assert no_hostile_chars(cleaned)
    assert cleaned == "Plein␛]0;titel␇␛[2J\ufffd31m tekst"
    assert clean("regel 1\nregel 2\tx") == "regel 1\nregel 2\tx"


@pytest.mark.parametrize("fmt", ["dot", "mermaid"])
def test_graph_output_is_clean(tmp_path, capsys, fmt):
    code, out, _ = run_cli(capsys, "graph", "--tree", str(hostile_tree(tmp_path)), "--format", fmt)
    assert code == 0
    assert no_hostile_chars(out)
    assert "Plein␛" in out and "titel␇␛" in out  # shown, visibly, not acted upon


def test_mermaid_labels_carry_no_html(tmp_path, capsys):
    tree = hostile_tree(tmp_path, '<img src=x onerror=alert(1)> "a" [b] `c` #d')
    code, out, _ = run_cli(capsys, "graph", "--tree", str(tree), "--format", "mermaid")
    assert code == 0
    assert "<img" not in out
    assert "#lt;img src=x onerror=alert(1)#gt; #quot;a#quot; #91;b#93; #96;c#96; #35;d" in out


def test_json_and_markdown_from_run_are_clean(tmp_path, capsys):
    tree = hostile_tree(tmp_path)
    answers = write(
        tmp_path, "a.yaml", PLEIN.replace("naam: Plein", f"naam: {json.dumps(HOSTILE)}")
    )
    for fmt in ("json", "markdown"):
        code, out, _ = run_cli(
            capsys, "run", "--tree", str(tree), "--answers", str(answers), "--format", fmt
        )
        assert code == 0 and no_hostile_chars(out)


def test_problem_lines_are_clean(tmp_path, capsys):
    tree = hostile_tree(tmp_path).read_text(encoding="utf-8")
    tree = tree.replace("start: naam", 'start: "na\u202eam\u200b"')
    code, _, err = run_cli(capsys, "check", str(write(tmp_path, "b.yaml", tree)))
    # the hidden characters are named, so the author sees why 'naam' is not 'naam'
    assert (
        code == 1 and no_hostile_chars(err) and "'na<U+202E>am<U+200B>' is geen geldige id" in err
    )


# --- tree text is text in the plan ------------------------------------------------------------

LINK = "[klik hier](https://evil.example/x) ![pixel](https://evil.example/p.png)"
MORE = "<img src=https://evil.example/q.png> https://evil.example/bare www.evil.example *vet*"


def links_and_images(markdown: str, kinds: tuple[str, ...] = ("link_open", "image")) -> list[str]:
    """Every link, image (or other ``kinds`` of token) a Markdown renderer makes of the text."""
    found = []
    tokens = MarkdownIt("gfm-like").parse(markdown)
    for token in tokens:
        for child in [token, *(token.children or [])]:
            if child.type in (*kinds, "html_inline", "html_block"):
                found.append(child.type)
    return found


def test_md_text_keeps_the_words_and_drops_the_syntax():
    shown = MarkdownIt("gfm-like").render("- " + md_text(f"{LINK} {MORE}"))
    assert (
        links_and_images("- " + md_text(f"{LINK} {MORE}"), ("link_open", "image", "em_open")) == []
    )
    assert "[klik hier](https://evil.example/x)" in shown
    assert "*vet*" in shown
    for start in ("# kop", "- punt", "1. een", "> citaat", "+ plus"):
        assert links_and_images(md_text(start)) == []
        assert (
            MarkdownIt("gfm-like").render(md_text(start)).strip()
            == f"<p>{start.replace('>', '&gt;')}</p>"
        )


def test_a_link_or_image_in_tree_text_or_an_answer_stays_text_in_the_plan(tmp_path, capsys):
    tree = hostile_tree(tmp_path, f"{LINK} {MORE}")
    answer = "[klik](https://evil.example/x)"
    answers = write(tmp_path, "a.yaml", PLEIN.replace("naam: Plein", f"naam: {json.dumps(answer)}"))
    code, out, _ = run_cli(capsys, "run", "--tree", str(tree), "--answers", str(answers))
    assert code == 0
    assert links_and_images(out) == []
    rendered = MarkdownIt("gfm-like").render(out)
    assert rendered.count("[klik hier](https://evil.example/x)") >= 2  # outcome, option label
    assert rendered.count("[klik](https://evil.example/x)") >= 2  # the project name, the answer
