"""``events validate``: SHACL over RDF exports, JSON Schema over JSON Lines; broken data is caught."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from events.cli import main
from events.rdf.formats import FORMATS
from events.rdf.graph import article_triples
from events.rdf.namespaces import CAMEO, EVO, NIF, PROV, QUADCLASS, SEM, TIME, XSD
from events.rdf.validate import Violation, shacl_violations, validate_file, with_vocabulary

from .conftest import DEV_SET, SEEDS
from .test_rdf import corpus, edge_article, seed_article, seed_events, write

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")


def violations_of(triples: list[ox.Triple]) -> list[Violation]:
    return shacl_violations(with_vocabulary(triples), "test")


@pytest.fixture(scope="module")
def seed_triples() -> list[ox.Triple]:
    return article_triples(seed_article(), seed_events())


def event_node(triples) -> ox.NamedNode:
    return next(t.subject for t in triples if t.object == ox.NamedNode(EVO + "CodedEvent"))


def replace(triples, subject, predicate, new_object=None) -> list[ox.Triple]:
    """``triples`` with the ``predicate`` values of ``subject`` replaced (or removed)."""
    out = [t for t in triples if not (t.subject == subject and t.predicate.value == predicate)]
    return out + ([ox.Triple(subject, ox.NamedNode(predicate), new_object)]
                  if new_object is not None else [])


# --- data that conforms -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(FORMATS))
def test_seed_export_conforms_in_every_format(tmp_path, name):
    path = tmp_path / f"seed{FORMATS[name].extensions[0]}"
    path.write_bytes(write(name, corpus()))
    found = list(validate_file(path))
    assert not found, "\n".join(v.line() for v in found)


def test_coded_seed_export_conforms(tmp_path, capsys):
    out = tmp_path / "seed.ttl"
    assert main(["extract", str(SEEDS), "-o", str(out), "-q"]) == 0
    assert main(["validate", str(out)]) == 0
    assert "conforms" in capsys.readouterr().err


@pytest.mark.skipif(not DEV_SET.exists(), reason="shared/eval/dev.jsonl not beside the repository")
@pytest.mark.parametrize("name", ["nq", "jsonld"])
def test_dev_set_export_conforms(tmp_path, name, capsys):
    out = tmp_path / f"dev.{name}"
    assert main(["extract", str(DEV_SET), "-o", str(out), "-q"]) == 0
    assert sum(1 for q in ox.parse(path=str(out), format=FORMATS[name].format)
               if q.object.value == EVO + "CodedEvent") > 20
    code = main(["validate", str(out)])
    assert code == 0, capsys.readouterr().out


def test_validation_batches_by_whole_graphs(tmp_path):
    path = tmp_path / "many.nq"
    path.write_bytes(write("nq", corpus()))
    from events.rdf.validate import validate_rdf
    assert list(validate_rdf(path, FORMATS["nq"], batch_size=10)) == []


# --- broken graphs --------------------------------------------------------------------------------

def shapes_for(violations, focus=None) -> set[tuple[str, str]]:
    return {(v.shape, v.path) for v in violations if focus is None or v.focus == focus}


def test_unbroken_seed_graph_conforms(seed_triples):
    assert violations_of(seed_triples) == []


def test_event_without_code_or_with_an_unknown_code(seed_triples):
    event = event_node(seed_triples)
    found = violations_of(replace(seed_triples, event, SEM + "eventType"))
    assert ("evsh:EventShape", "sem:eventType") in shapes_for(found)
    found = violations_of(replace(seed_triples, event, SEM + "eventType",
                                  ox.NamedNode(CAMEO + "999")))
    [violation] = [v for v in found if v.path == "sem:eventType"]
    assert violation.value == "cameo:999" and "CAMEO event code" in violation.message


def test_derived_values_must_match_the_code(seed_triples):
    event = event_node(seed_triples)
    broken = replace(seed_triples, event, EVO + "goldstein", ox.Literal("7.0", datatype=ox.NamedNode(XSD + "decimal")))
    broken = replace(broken, event, EVO + "quadClass", ox.NamedNode(QUADCLASS + "4"))
    found = violations_of(broken)
    assert {v.shape for v in found} == {"evsh:EventGoldsteinShape", "evsh:EventQuadClassShape"}
    assert all(v.focus.endswith(event.value.rsplit("/", 1)[1] + ">") for v in found)


def test_mention_text_and_offsets_must_agree(seed_triples):
    event = event_node(seed_triples)
    trigger = next(t.object for t in seed_triples
                   if t.subject == event and t.predicate.value == EVO + "triggerMention")
    found = violations_of(replace(seed_triples, trigger, NIF + "anchorOf", ox.Literal("xx")))
    assert {v.shape for v in found} == {"evsh:AnchorLengthShape", "evsh:MentionInSentenceShape"}
    begin = next(t.object for t in seed_triples
                 if t.subject == trigger and t.predicate.value == NIF + "beginIndex")
    moved = ox.Literal(str(int(begin.value) + 1), datatype=ox.NamedNode(XSD + "nonNegativeInteger"))
    found = violations_of(replace(seed_triples, trigger, NIF + "beginIndex", moved))
    assert {"evsh:OffsetIriShape", "evsh:AnchorLengthShape"} <= {v.shape for v in found}


def test_event_structure_violations(seed_triples):
    event = event_node(seed_triples)
    broken = replace(seed_triples, event, SEM + "hasActor")
    broken = replace(broken, event, EVO + "datePrecision", ox.NamedNode(TIME + "unitWeek"))
    broken = replace(broken, event, SEM + "hasEarliestBeginTimeStamp",
                     ox.Literal("2030-01-01", datatype=ox.NamedNode(XSD + "date")))
    assert {("evsh:EventHasActorShape", ""), ("evsh:EventShape", "evo:datePrecision"),
            ("evsh:EventShape", "sem:hasEarliestBeginTimeStamp")} == \
        shapes_for(violations_of(broken))


def test_event_derived_from_one_sentence_holding_its_mentions(seed_triples):
    event = event_node(seed_triples)
    derived = PROV + "wasDerivedFrom"
    own = next(t.object for t in seed_triples
               if t.subject == event and t.predicate.value == derived)
    other = next(t.subject for t in seed_triples
                 if t.object == ox.NamedNode(NIF + "Sentence") and t.subject != own)
    two = seed_triples + [ox.Triple(event, ox.NamedNode(derived), other)]
    assert shapes_for(violations_of(two)) == {("evsh:EventShape", "prov:wasDerivedFrom")}
    moved = replace(seed_triples, event, derived, other)
    assert shapes_for(violations_of(moved)) == {("evsh:EventMentionSentenceShape", "")}


def test_actor_code_and_types(seed_triples):
    actor = next(t.subject for t in seed_triples
                 if t.object == ox.NamedNode(SEM + "Actor"))
    broken = replace(seed_triples, actor, EVO + "actorCode", ox.Literal("usa"))
    broken = replace(broken, actor, SEM + "actorType",
                     ox.NamedNode("https://w3id.org/events-coder/country/XXX"))
    assert {("evsh:ActorShape", "evo:actorCode"), ("evsh:ActorShape", "sem:actorType")} <= \
        shapes_for(violations_of(broken))


def test_violation_lines_are_readable(seed_triples):
    event = event_node(seed_triples)
    [violation] = violations_of(replace(seed_triples, event, EVO + "negated", ox.Literal("no")))
    line = violation.line()
    assert line.startswith("test: Violation: <https://w3id.org/events-coder/data/event/")
    assert "evo:negated" in line and 'value "no"' in line and "shape evsh:EventShape" in line


def test_cli_rejects_a_broken_file(tmp_path, capsys, seed_triples):
    event = event_node(seed_triples)
    path = tmp_path / "broken.nt"
    path.write_bytes(ox.serialize(replace(seed_triples, event, EVO + "modality",
                                          ox.Literal("rumoured")), format=ox.RdfFormat.N_TRIPLES))
    assert main(["validate", str(path)]) == 1
    captured = capsys.readouterr()
    assert "evo:modality" in captured.out and "1 violation(s)" in captured.err


def test_cli_errors_on_unparseable_or_unknown_files(tmp_path, capsys):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle")
    assert main(["validate", str(bad)]) == 2
    assert "not valid" in capsys.readouterr().err
    unknown = tmp_path / "events.xyz"
    unknown.write_text("")
    assert main(["validate", str(unknown)]) == 2
    assert main(["validate", str(unknown), "--format", "nt"]) == 0


# --- JSON Lines ---------------------------------------------------------------------------------------

def test_jsonl_events_conform_to_the_schema(tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_text("".join(e.model_dump_json() + "\n" for e in seed_events() + edge_article()[1]))
    assert list(validate_file(path)) == []


def test_jsonl_violations_name_line_and_field(tmp_path, capsys):
    good = json.loads(seed_events()[0].model_dump_json())
    missing = {k: v for k, v in good.items() if k != "sentence_text"}
    wrong = {**good, "date_precision": "week", "sentence_index": -1}
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join([json.dumps(good), json.dumps(missing), "{not json", "",
                               json.dumps(wrong)]) + "\n")
    found = list(validate_file(path))
    where = [(v.where.rsplit(":", 1)[1], v.path) for v in found]
    assert where == [("2", "(record)"), ("3", ""), ("5", "date_precision"),
                     ("5", "sentence_index")]
    assert "sentence_text" in found[0].message
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:5: Violation: event {good['id']} date_precision: 'week' is not one of" in out


@pytest.mark.parametrize("source, conforms", [("text", True), ("context", True),
                                              ("publication", True), ("guessed", False)])
def test_every_date_source_the_model_allows_conforms(seed_triples, source, conforms):
    """The shapes accept exactly the date sources of the event model (``context``: a date carried
    over from an earlier sentence of the paragraph)."""
    node = event_node(seed_triples)
    triples = replace(seed_triples, node, EVO + "dateSource", ox.Literal(source))
    found = [v for v in violations_of(triples) if "date source" in v.message]
    assert (not found) == conforms
