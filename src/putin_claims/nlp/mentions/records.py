"""The records the mention finder leaves on a Doc."""

from __future__ import annotations

from dataclasses import dataclass

from putin_claims.models import Gender, MentionKind


@dataclass(frozen=True)
class RawMention:
    """A mention before pronoun resolution; ``gender`` and ``person`` guide pronouns.

    Offsets are local to the parsed Doc until the assembler moves them into the document and
    sets ``sentence`` (-1 until then).
    """

    start: int
    end: int
    surface: str
    kind: MentionKind
    label: str
    key: str
    gender: Gender | None
    person: bool
    sentence: int = -1
    #: The name sits in the description of another person ("Ann Lee, head of research at
    #: analysts Gartner"): a pronoun after it is about that person, not this name.
    modifier: bool = False


@dataclass(frozen=True)
class RoleEvidence:
    """A role held by a named person, at ``start`` (the mention's offset in the Doc)."""

    start: int
    role_key: str
    name_key: str
