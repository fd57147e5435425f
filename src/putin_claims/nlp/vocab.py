"""Strings the finders keep in a pipeline's ``StringStore`` whatever memory zone is open."""

from __future__ import annotations

from spacy.vocab import Vocab


def permanent(vocab: Vocab, string: str) -> int:
    """Add ``string`` for good (not as a transient string of an open ``nlp.memory_zone()``).

    A matcher built inside a zone would otherwise lose its rule names when the zone closes,
    and ``PhraseMatcher`` looks them up on every match.
    """
    # spaCy's stub omits allow_transient; StringStore.add in strings.pyx takes it
    key: int = vocab.strings.add(string, allow_transient=False)  # type: ignore[call-arg]
    return key
