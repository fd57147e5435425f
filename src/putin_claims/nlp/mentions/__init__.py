"""Actor mentions in a parsed paragraph: names, titles, role descriptions and pronouns.

spaCy entities and alias-list hits become mentions with a normalised *key*
(:func:`putin_claims.names.name_key`); titles before a name ("Russian President Putin")
become role evidence; role descriptions ("the Russian president") and pronouns become
mentions whose key points at a role or, once :mod:`putin_claims.nlp.pronouns` has run, at
an earlier mention. Offsets are local to the parsed Doc; the assembler adds the paragraph's.

:mod:`.finder` drives the modules of each rule family: :mod:`.candidates` (which spans may
name an actor), :mod:`.named` (name mentions), :mod:`.titles` (offices and honorifics before a
name), :mod:`.countries` (the country of an office), :mod:`.roles` (role descriptions) and
:mod:`.pronouns` (he/she).
"""

from putin_claims.nlp.mentions.finder import MentionFinder
from putin_claims.nlp.mentions.records import RawMention, RoleEvidence

__all__ = ["MentionFinder", "RawMention", "RoleEvidence"]
