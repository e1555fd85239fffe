"""The loader refuses what would silently corrupt or endanger a tree, and says where."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import edit, line_of, mini_text
from wizard.loader import load_tree, load_tree_text
from wizard.problems import ProblemsError
from wizard.yamlsafe import MAX_BYTES, parse_yaml


def problems_of(text: str) -> list[str]:
    with pytest.raises(ProblemsError) as info:
        load_tree_text(text, "boom.yaml")
    return [p.format() for p in info.value.problems]


def test_mini_tree_loads():
    tree = load_tree_text(mini_text()).tree
    assert tree.id == "mini"
    assert [n.kind for n in tree.nodes][:3] == ["text", "info", "choice"]


def test_yes_no_on_off_stay_strings():
    doc = parse_yaml("a: yes\nb: no\nc: on\nd: off\ne: true\nf: 012\n", "x.yaml")
    assert doc.data == {"a": "yes", "b": "no", "c": "on", "d": "off", "e": True, "f": 12}


def test_option_id_no_is_kept_as_text():
    text = edit(mini_text(), '- id: "no"', "- id: no")
    tree = load_tree_text(text).tree
    ruimte = next(n for n in tree.nodes if n.id == "ruimte")
    assert [o.id for o in ruimte.options] == ["ja", "no"]


def test_duplicate_key_names_both_lines():
    text = edit(
        mini_text(), "title: Kleine proefboom\n", "title: Kleine proefboom\ntitle: Nog een\n"
    )
    first = line_of(text, "title: Kleine proefboom")
    [message] = problems_of(text)
    assert message.startswith(
        f"boom.yaml:{first + 1}:1: fout: sleutel 'title' staat hier twee keer"
    )
    assert f"eerder op regel {first}" in message


@pytest.mark.parametrize(
    ("snippet", "replacement", "expected"),
    [
        (
            "title: Kleine proefboom",
            "title: &naam Kleine proefboom",
            "anker '&naam' is niet toegestaan",
        ),
        ("title: Kleine proefboom", "title: !!python/object:os.system x", "label (tag)"),
        ("title: Kleine proefboom", "title: !mijn x", "label (tag) '!mijn'"),
        ('version: "1"', 'version: "1"\n<<: {title: x}', "samenvoegen met '<<'"),
        ('version: "1"', 'version: "1"\n1: een', "sleutel 1 is geen tekst"),
        ('version: "1"', 'version: "1"\n[a, b]: x', "een sleutel moet gewone tekst zijn"),
        ('version: "1"', 'version: "1"\n---\nid: x', "meer dan een document"),
    ],
)
def test_refusals_are_located(snippet, replacement, expected):
    text = edit(mini_text(), snippet, replacement)
    messages = problems_of(text)
    marker = "---" if "---" in replacement else replacement.splitlines()[-1]
    line = line_of(text, marker)
    assert any(expected in m and m.startswith(f"boom.yaml:{line}:") for m in messages), messages


def test_alias_is_refused_before_anything_walks_it():
    bomb = "l0: &l0 [a, a, a, a, a, a, a, a, a]\n" + "".join(
        f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 9)
    )
    start = time.perf_counter()
    messages = problems_of(bomb)
    assert time.perf_counter() - start < 1.0
    assert messages[0].startswith("boom.yaml:1:5: fout: anker '&l0'")
    assert any("verwijzing '*l0' is niet toegestaan" in m for m in messages)


@pytest.mark.parametrize(
    "shape",
    [
        "- " * 30000 + "x",
        "[" * 30000 + "]" * 30000,
        "{a: " * 3000 + "x" + "}" * 3000,
        "a:\n" + "".join(" " * i + "a:\n" for i in range(1, 200)) + " " * 200 + "x",
    ],
    ids=["block-list", "flow-list", "flow-map", "block-map"],
)
def test_absurd_depth_is_refused_quickly(shape):
    """Whichever layer notices first (our event scan or libyaml's own limit), the author
    reads the same located Dutch sentence."""
    start = time.perf_counter()
    messages = problems_of(shape)
    assert time.perf_counter() - start < 2.0
    assert len(messages) == 1
    assert re.match(r"boom\.yaml:\d+:\d+: fout: ", messages[0])
    assert "dieper genest dan 40 niveaus" in messages[0]


@pytest.mark.parametrize(
    ("text", "where", "expected"),
    [
        ("a: \x00b\n", "boom.yaml:1:4:", "onzichtbaar stuurteken (U+0000)"),
        ("id: x\nb: c\x07\n", "boom.yaml:2:5:", "onzichtbaar stuurteken (U+0007)"),
        ("a:\n\tb: c\n", "boom.yaml:2:1:", "er staat een tab"),
        ("a: |\n\tb\n", "boom.yaml:2:1:", "er staat een tab"),
        ("a: {b: c\n", "boom.yaml:2:1:", "niet goed gesloten"),
        ("@x: 1\n", "boom.yaml:1:1:", "zet de tekst tussen aanhalingstekens"),
    ],
    ids=["nul", "bel", "tab-indent", "tab-block", "open-brace", "at-sign"],
)
def test_yaml_problems_are_dutch_and_located(text, where, expected):
    [message] = problems_of(text)
    assert message.startswith(where)
    assert expected in message
    # the parser's own English never reaches the author
    for english in ("found", "expected", "while ", "character", "not allowed"):
        assert english not in message


def test_too_large_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "groot.yaml"
    big.write_bytes(b"# " + b"x" * (MAX_BYTES + 10))
    with pytest.raises(ProblemsError) as info:
        load_tree(big)
    assert "is te groot" in info.value.problems[0].message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "het bestand is leeg"),
        ("- a\n- b\n", "bovenaan een boom horen sleutels"),
        ("a:\n\tb: c\n", "er staat een tab"),
        ("a: b: c\n", "hier mag geen ':' staan"),
        ("a: [b, c\n", "YAML-fout"),
    ],
)
def test_friendly_messages_for_broken_files(text, expected):
    messages = problems_of(text)
    assert expected in messages[0]
    assert messages[0].startswith("boom.yaml:")


def test_not_utf8(tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes("id: caf\xe9\n".encode("latin-1"))
    with pytest.raises(ProblemsError) as info:
        load_tree(path)
    assert "geen UTF-8" in info.value.problems[0].message


def test_missing_field_points_at_its_parent():
    text = edit(mini_text(), "    title: Advies klaar\n", "")
    messages = problems_of(text)
    line = line_of(text, "  - id: einde")
    assert (
        f"boom.yaml:{line}:5: fout: 'title' ontbreekt; dit veld is verplicht [nodes[einde]]"
        in messages
    )


def test_unknown_key_points_at_key_with_suggestion():
    text = edit(
        mini_text(), "    question: Hoe heet uw project?", "    qestion: Hoe heet uw project?"
    )
    messages = problems_of(text)
    line = line_of(text, "qestion")
    assert any(
        m.startswith(
            f"boom.yaml:{line}:5: fout: onbekende sleutel 'qestion'; bedoelde u 'question'?"
        )
        for m in messages
    ), messages


def test_error_inside_union_gets_its_own_line():
    text = edit(mini_text(), "        next: groepen\n", "        nxt: groepen\n")
    messages = problems_of(text)
    line = line_of(text, "nxt: groepen")
    assert any(
        m.startswith(f"boom.yaml:{line}:9: fout: onbekende sleutel 'nxt'; bedoelde u 'next'?")
        for m in messages
    )


def test_unknown_kind_suggests():
    text = edit(mini_text(), "    kind: multi\n", "    kind: mutli\n")
    messages = problems_of(text)
    assert any("onbekende soort (kind) 'mutli'; bedoelde u 'multi'?" in m for m in messages)


def test_bad_id_and_wrong_types():
    text = edit(mini_text(), "  - id: naam\n", "  - id: Naam Project\n")
    text = edit(text, "    max_length: 60", "    max_length: zestig")
    messages = problems_of(text)
    assert any("'Naam Project' is geen geldige id" in m for m in messages)
    assert any(f":{line_of(text, 'zestig')}:" in m and "heel getal" in m for m in messages)


def test_all_problems_at_once():
    text = edit(mini_text(), "    kind: multi\n", "    kind: mutli\n")
    text = edit(text, "    question: Hoe heet uw project?", "    qestion: Hoe heet uw project?")
    text = edit(text, "    effort: hoog\n", "    effort: enorm\n")
    assert len(problems_of(text)) >= 3


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_problems_not_a_traceback(text):
    try:
        load_tree_text(text, "x.yaml")
    except ProblemsError as exc:
        assert all(p.format().startswith("x.yaml") for p in exc.problems)


@settings(max_examples=100, deadline=None)
@given(
    st.integers(min_value=0, max_value=2000),
    st.sampled_from(["\n", ":", "- ", "[", "{", "'", '"', "#", "&a ", "*a", "!x ", "\t"]),
)
def test_damaged_mini_tree_never_crashes(position, junk):
    text = mini_text()
    damaged = text[:position] + junk + text[position:]
    try:
        load_tree_text(damaged, "x.yaml")
    except ProblemsError as exc:
        assert exc.problems


def test_pure_python_loader_fallback_gives_the_same_result(monkeypatch):
    """Without libyaml the pure-Python loader is used, with the same data and positions."""
    import yaml

    from wizard import yamlsafe

    fast = load_tree_text(mini_text())
    monkeypatch.setattr(yamlsafe, "_Loader", yaml.SafeLoader)
    slow = load_tree_text(mini_text())
    assert slow.tree == fast.tree
    assert slow.doc.marks.values == fast.doc.marks.values
    messages = problems_of("a: &x [1]\nb: *x\n")
    assert messages[0].startswith("boom.yaml:1:4: fout: anker '&x'")
    assert "dieper genest" in problems_of("- " * 5000 + "x")[0]
