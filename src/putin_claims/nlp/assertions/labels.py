"""The grammar the rules read: spaCy dependency labels, POS tags, entity labels, punctuation.

These are the parser's vocabulary, not words of English; the words live in ``data/claims.toml``.
"""

from __future__ import annotations

# --------------------------------------------------------------------------- dependency labels

ROOT = "ROOT"
NSUBJ = "nsubj"
NSUBJPASS = "nsubjpass"
CSUBJ = "csubj"
DOBJ = "dobj"
DATIVE = "dative"
ATTR = "attr"
ACOMP = "acomp"
OPRD = "oprd"
XCOMP = "xcomp"
CCOMP = "ccomp"
ADVCL = "advcl"
ACL = "acl"
RELCL = "relcl"
AMOD = "amod"
NMOD = "nmod"
COMPOUND = "compound"
APPOS = "appos"
POSS = "poss"
DET = "det"
PREP = "prep"
PRT = "prt"
POBJ = "pobj"
PCOMP = "pcomp"
AGENT = "agent"
AUX = "aux"
AUXPASS = "auxpass"
ADVMOD = "advmod"
MARK = "mark"
NEG = "neg"
CC = "cc"
NUMMOD = "nummod"
QUANTMOD = "quantmod"
PREDET = "predet"
CASE = "case"
CONJ = "conj"
PUNCT = "punct"

SUBJECTS = frozenset({NSUBJ, NSUBJPASS})
PREP_OBJECTS = frozenset({POBJ, PCOMP})
CLAUSE_COMPLEMENTS = (XCOMP, CCOMP)
#: Relations a cue climbs through to find its subject ("wants to be able to X").
CLIMB = frozenset({XCOMP, CONJ, ADVCL, ACL, PCOMP, CCOMP, PREP, POBJ, RELCL, ACOMP, OPRD})
#: Relations of a noun phrase inside a clause, climbed by a cue noun.
NOMINAL = frozenset({DOBJ, POBJ, ATTR, NSUBJ, NSUBJPASS, APPOS, CONJ, "npadvmod"})
#: Dependents after an action verb that make it say something ("signed the decree").
ACTION_OBJECTS = frozenset({DOBJ, PREP, PRT, DATIVE, ATTR, OPRD, XCOMP, CCOMP})
#: Modifiers before a cue noun that belong to a self-contained goal ("his war aims").
NOUN_MODIFIERS = frozenset({AMOD, COMPOUND, NMOD})
#: Clauses on a noun or verb (adnominal, relative, complement).
NOUN_CLAUSES = frozenset({ACL, RELCL})
THAT_CLAUSES = frozenset({ACL, CCOMP, RELCL})
#: Where an adjective cue sits on its verb ("is ready to", "a leader intent on").
ADJECTIVE_SLOTS = frozenset({ACOMP, AMOD, ATTR, OPRD})

# --------------------------------------------------------------------------- POS and tags

VERB = "VERB"
AUX_POS = "AUX"
NOUN = "NOUN"
PROPN = "PROPN"
PRON = "PRON"
ADJ = "ADJ"
PUNCT_POS = "PUNCT"
CCONJ_POS = "CCONJ"
SCONJ_POS = "SCONJ"
NOMINAL_POS = frozenset({NOUN, PROPN})
VERBAL_POS = frozenset({VERB, AUX_POS})
#: Parts of speech that can open a list item without content ("and perhaps, ...").
ITEM_FILLER_POS = frozenset({"ADV", "PUNCT", "CCONJ"})
#: Parts of speech of a noun-phrase item ("a cap", "new plants", "its own army").
NOUN_ITEM_POS = frozenset({"DET", ADJ, NOUN, PROPN, "NUM", PRON})
GERUND = "VBG"
PARTICIPLE = "VBN"
POSSESSIVE_PRONOUN = "PRP$"
PLURAL_NOUNS = frozenset({"NNS", "NNPS"})
WH_WORDS = frozenset({"WDT", "WP", "WP$"})

# --------------------------------------------------------------------------- entity labels

ACTOR_ENTITIES = frozenset({"PERSON", "ORG", "GPE"})
ACTOR_LIKE_ENTITIES = ACTOR_ENTITIES | {"NORP"}
PERSON = "PERSON"

# --------------------------------------------------------------------------- punctuation

#: Quote marks a content span keeps only when balanced (not ``'``: it is an apostrophe).
QUOTES = frozenset('"“”«»')
COMMA = ","
SEMICOLON = ";"
DASHES = frozenset({"-", "–", "—"})
#: Marks that end a trailing list item.
ITEM_ENDS = frozenset({COMMA, SEMICOLON, ".", *DASHES})
#: Marks that separate list items.
ITEM_SEPARATORS = frozenset({COMMA, SEMICOLON})
