"""Dictionary files: the shipped ones lint clean; bad entries are reported with file and line."""

from __future__ import annotations

import textwrap

import pytest

from events.codebook import default_codebook
from events.dictionaries import (
    DICTIONARY_DIR,
    ActorEntry,
    VerbEntry,
    check_codes,
    load_entries,
    read_dictionary_file,
)
from events.errors import DataFileError
from events.lang import supported_languages


@pytest.mark.parametrize("lang", supported_languages())
def test_dictionaries_shipped_files_are_valid_with_known_codes_and_unique_ids(lang):
    entries = load_entries(lang, default_codebook())  # raises on any bad entry, code or id
    kinds = {type(e.entry) for e in entries}
    assert kinds == {ActorEntry, VerbEntry}


def test_dictionaries_ids_unique_across_all_languages():
    entries = []
    for path in sorted(DICTIONARY_DIR.rglob("*.yaml")):
        entries.extend(read_dictionary_file(path, default_lang=path.parent.name))
    check_codes(entries, default_codebook())


@pytest.mark.parametrize("lang", supported_languages())
def test_dictionaries_verbs_cover_every_cameo_root(lang):
    roots = {e.entry.code[:2] for e in load_entries(lang, default_codebook())
             if isinstance(e.entry, VerbEntry)}
    assert roots >= {f"{n:02d}" for n in range(1, 21)}


def test_dictionaries_codes_stay_strings(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(textwrap.dedent("""\
        type: verbs
        entries:
          - id: mine.verbs.one
            code: 010
            patterns: [bilang]
          - id: mine.verbs.two
            code: 0211
            patterns: [minta dana]
        """))
    entries = read_dictionary_file(path, default_lang="id")
    assert [e.entry.code for e in entries] == ["010", "0211"]
    actor = tmp_path / "actors.yaml"
    actor.write_text("type: actors\nentries:\n  - id: mine.actors.norway\n    code: NOR\n"
                     "    kind: country\n    names: [Norwegia, NO]\n")
    assert read_dictionary_file(actor)[0].entry.names == ["Norwegia", "NO"]


def test_dictionaries_bad_entry_names_file_and_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("type: actors\nentries:\n  - id: ok.one\n    code: USA\n    kind: country\n"
                    "    names: [Amerika]\n  - id: bad.two\n    code: usa\n    kind: country\n"
                    "    names: [x]\n")
    with pytest.raises(DataFileError) as info:
        read_dictionary_file(path)
    assert info.value.line == 7
    assert str(info.value).startswith(f"{path}:7: entry 'bad.two': code")


def test_dictionaries_unknown_event_code_is_reported(tmp_path):
    path = tmp_path / "codes.yaml"
    path.write_text("type: verbs\nentries:\n  - id: x.verbs.one\n    code: '999'\n"
                    "    patterns: [foo]\n")
    with pytest.raises(DataFileError, match=r"codes.yaml:3: entry 'x.verbs.one': unknown CAMEO"):
        check_codes(read_dictionary_file(path), default_codebook())


def test_dictionaries_invalid_yaml_reports_line(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("type: verbs\nentries:\n  - id: a\n    code: [unclosed\n")
    with pytest.raises(DataFileError, match=r"broken.yaml:\d+: invalid YAML"):
        read_dictionary_file(path)


def test_dictionaries_user_file_adds_entries(tmp_path, coder):
    from events.coder import Coder
    from events.models import Article

    path = tmp_path / "extra.yaml"
    path.write_text("type: actors\nlang: id\nentries:\n  - id: user.actors.zorg\n"
                    "    code: IDNREB\n    kind: actor\n    names: [Front Zorg]\n")
    article = Article(id="t", text="Front Zorg menyerang Malaysia.", date="2020-01-01", lang="id")
    before = coder.code_article(article).events
    after = Coder(extra_dictionaries=[path]).code_article(article).events
    assert not any(e.source and e.source.code == "IDNREB" for e in before)
    assert any(e.source and e.source.code == "IDNREB" and e.action.root == "19" for e in after)
