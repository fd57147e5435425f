"""Lists of contents: items after a list marker, conjuncts, and parallel trailing items.

"namely A, B, C and D" gives one range per item. An item is cut where a comma or conjunction
starts a phrase of the same class as the first item (nominal or verbal), or one that names an
event ("an end to X", "to restore Y").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from putin_claims.lexicons import CueLexicon
from putin_claims.nlp.assertions.context import Sentence
from putin_claims.nlp.assertions.labels import (
    CC,
    COMMA,
    CONJ,
    DASHES,
    GERUND,
    ITEM_ENDS,
    ITEM_FILLER_POS,
    ITEM_SEPARATORS,
    NOMINAL_POS,
    NOUN,
    NOUN_ITEM_POS,
    POSSESSIVE_PRONOUN,
    PREP,
    PUNCT,
    SEMICOLON,
    SUBJECTS,
    VERB,
    VERBAL_POS,
    WH_WORDS,
)
from putin_claims.nlp.assertions.patterns import LIST_MARKER
from putin_claims.nlp.assertions.spans import Range, clean_range

#: How far a short phrase after a cue noun may run before its list marker ("for 2027, namely").
_MAX_PHRASE = 6
_NOMINAL_ITEMS = frozenset({"gerund", "noun"})


def eventive(lex: CueLexicon, tok: Token) -> bool:
    """Verbs and nouns that name an action or state of affairs can head a list item."""
    if tok.pos_ == VERB:
        return True
    lemma = tok.lemma_.lower()
    if lemma in lex.event_nouns or lemma in lex.nouns:
        return True
    return tok.pos_ == NOUN and lemma.endswith(lex.words.event_suffixes)


def item_class(tok: Token) -> str:
    if tok.tag_ == GERUND:
        return "gerund"
    if tok.pos_ in VERBAL_POS:
        return "verb"
    if tok.pos_ in NOUN_ITEM_POS or tok.tag_ == POSSESSIVE_PRONOUN:
        return "noun"
    return tok.pos_.lower()


def compatible(a: str, b: str) -> bool:
    return a == b or (a in _NOMINAL_ITEMS and b in _NOMINAL_ITEMS)


def same_class(a: Token, b: Token) -> bool:
    return compatible(item_class(a), item_class(b))


# --------------------------------------------------------------------------- after a marker


def marker_at(s: Sentence, i: int) -> int:
    """Length of the list marker at token ``i`` ("such as": 2), 0 if there is none."""
    return s.hits.phrase_at(LIST_MARKER, i, s.end)


def _marker_after(s: Sentence, i: int) -> bool:
    while i < s.end and s.doc[i].is_punct:
        i += 1
    return bool(marker_at(s, i))


def list_items(s: Sentence, tok: Token) -> list[Range]:
    """Items after a list marker that follows the cue noun or its clause."""
    i = _marker_position(s, tok)
    marker = marker_at(s, i)
    if not marker:
        return []
    start = i + marker
    return split_items(s, start, _list_stop(s, start))


def _marker_position(s: Sentence, tok: Token) -> int:
    doc, i = s.doc, tok.i + 1
    if any(c.dep_ == PREP and c.i == i for c in tok.children):
        # "the priorities for 2027, namely ...": skip a short phrase up to the comma
        for j in range(i, min(i + _MAX_PHRASE, s.end)):
            if doc[j].is_punct:
                if _marker_after(s, j):
                    i = j
                break
    if tok.dep_ in SUBJECTS and not _marker_after(s, i):
        # "Ankara's objectives remain unchanged, including ..."
        for child in tok.head.children:
            if child.dep_ == PREP and child.i > tok.i and marker_at(s, child.i):
                i = child.i
                break
    while i < s.end and (doc[i].is_punct or doc[i].lower_ in DASHES):
        i += 1
    return i


def _list_stop(s: Sentence, start: int) -> int:
    """Where the list ends: a semicolon, ", while ...", or a second marker."""
    doc, breaks = s.doc, s.words.list_breaks
    for j in range(start, s.end):
        after_comma = doc[j - 1].lower_ == COMMA
        if doc[j].lower_ == SEMICOLON or (j > start and after_comma and doc[j].lower_ in breaks):
            return j - (1 if after_comma else 0)
        if j > start + 1 and marker_at(s, j) and doc[j - 1].is_punct:
            return j - 1
    return s.end


def split_items(s: Sentence, start: int, stop: int) -> list[Range]:
    """Split a list region at commas and conjunctions that begin a parallel item."""
    doc = s.doc
    first = _item_start(s, start, stop)
    if first is None:
        return []
    cls = item_class(doc[first])
    cuts = [start]
    comma_list = False  # "A, B and C": once a comma has split, the final "and" does too
    j = start + 1
    while j < stop:
        t = doc[j]
        if t.lower_ in ITEM_SEPARATORS or (t.dep_ == CC and t.lower_ in s.words.list_conjunctions):
            k = j + 1
            while k < stop and (doc[k].dep_ == CC or doc[k].lower_ == COMMA):
                k += 1
            comma = t.lower_ in ITEM_SEPARATORS
            if _starts_item(s, cls, k, stop, comma or comma_list):
                comma_list = comma_list or comma
                cuts.append(k)
                j = k
                continue
        j += 1
    ranges = [
        clean_range((a, b - 1), s.span, s.words)
        for a, b in zip(cuts, [*cuts[1:], stop], strict=True)
    ]
    return [r for r in ranges if r[1] > r[0]]


def _starts_item(s: Sentence, cls: str, k: int, stop: int, after_comma: bool) -> bool:
    """The words from ``k`` open an item parallel to the first one (of class ``cls``)."""
    nxt = _item_start(s, k, stop)
    if nxt is None or s.doc[nxt].tag_ in WH_WORDS:
        return False
    other = item_class(s.doc[nxt])
    if not compatible(cls, other):
        return False
    return (after_comma and cls == other) or eventive(s.lex, _item_head(s.doc, nxt, stop))


def _item_start(s: Sentence, i: int, stop: int) -> int | None:
    doc, fillers = s.doc, s.words.item_fillers
    while i < stop and (doc[i].pos_ in ITEM_FILLER_POS or doc[i].lower_ in fillers):
        i += 1
    return i if i < stop else None


def _item_head(doc: Doc, i: int, stop: int) -> Token:
    """The first verb, or the head noun of the item's first noun phrase."""
    for k in range(i, stop):
        t = doc[k]
        if t.pos_ == VERB:
            return t
        if t.pos_ in NOMINAL_POS and (k + 1 >= stop or doc[k + 1].pos_ not in NOMINAL_POS):
            return t
    return doc[i]


# --------------------------------------------------------------------------- coordination


def conjunct_ranges(s: Sentence, head: Token, conjuncts: list[Token]) -> list[Range]:
    """One range per conjunct of ``head`` ("seek A and B"), each without the others."""
    drop = {t.i for c in conjuncts for t in c.subtree}
    drop |= {c.i for c in head.children if c.dep_ in (CC, PUNCT) and c.i > head.i}
    out: list[Range] = []
    for member in [head, *conjuncts]:
        if member.i == head.i:
            tokens = [t.i for t in member.subtree if t.i not in drop]
        else:
            inner = {t.i for c in member.children if c.dep_ in (CONJ, CC) for t in c.subtree}
            tokens = [t.i for t in member.subtree if t.i not in inner]
        if tokens:
            out.append(clean_range((min(tokens), max(tokens)), s.span, s.words))
    return out


def trailing_items(s: Sentence, head: Token, last: int) -> list[Range]:
    """Parallel verbs the parser attached elsewhere: "to lock in X, buy Y, and restore Z"."""
    doc, end = s.doc, s.end
    separators = {COMMA} | s.words.list_conjunctions
    out: list[Range] = []
    j = last + 1
    while j < end:
        while j < end and doc[j].lower_ in separators:
            j += 1
        if j >= end or j == last + 1 or doc[j].tag_ != head.tag_:
            break
        stop = j
        while stop + 1 < end and doc[stop + 1].lower_ not in ITEM_ENDS:
            stop += 1
        out.append(clean_range((j, stop), s.span, s.words))
        last = j = stop + 1
        if j < end and doc[j].lower_ != COMMA:
            break
    return out
