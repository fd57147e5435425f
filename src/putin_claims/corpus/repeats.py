"""Lines repeated across sources: short non-prose lines that several documents carry word for
word are page furniture ("Related coverage", an outlet's slogan), set aside corpus-wide."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from putin_claims.ingest.lines import TERMINAL
from putin_claims.models import LineRole, ParagraphLine, RepeatFlag
from putin_claims.store import Store

#: Roles a repeated line can be set aside from; titles stay, whatever other sources say.
CANDIDATE_ROLES = (LineRole.HEADING, LineRole.CONTENT)
#: Lines of this many characters or more are never furniture, however few their words.
MAX_CHARS = 200


def flag_cross_source_repeats(store: Store, max_words: int, min_docs: int = 2) -> int:
    """Set aside short non-prose lines that at least ``min_docs`` documents carry word for word.

    Only whole paragraphs count (a one-sentence paragraph is a line of its own), never a
    fragment the sentence splitter cut out of a longer paragraph. Flags from earlier runs are
    first undone, so the result depends only on the corpus as it is now. Returns the number of
    sentences flagged. One transaction.
    """
    with store.transaction():
        store.clear_repeat_flags()
        flags = repeated_lines(store.paragraph_lines(CANDIDATE_ROLES), max_words, min_docs)
        store.flag_repeats(flags)
    return len(flags)


def repeated_lines(
    lines: Sequence[ParagraphLine], max_words: int, min_docs: int
) -> list[RepeatFlag]:
    """The lines to set aside: short, unpunctuated, the same (case and spacing aside) in at
    least ``min_docs`` documents."""
    groups: dict[str, list[ParagraphLine]] = defaultdict(list)
    for line in lines:
        if is_furniture_shaped(line.text, max_words):
            groups[" ".join(line.text.casefold().split())].append(line)
    flags = []
    for members in groups.values():
        docs = len({m.doc_id for m in members})
        if docs >= min_docs:
            reason = f"the same line appears in {docs} documents"
            flags += [RepeatFlag(sentence_id=m.sentence_id, reason=reason) for m in members]
    return flags


def is_furniture_shaped(text: str, max_words: int) -> bool:
    """Short, and not ending like a sentence."""
    return len(text) < MAX_CHARS and len(text.split()) <= max_words and not TERMINAL.search(text)
