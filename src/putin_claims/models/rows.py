"""Rows the store hands out (and the few it takes in), read by field name, never by position."""

from __future__ import annotations

from pydantic import Field

from putin_claims.models.base import Record
from putin_claims.models.claims import AssertionKind, SentenceRef


class StoredDocument(Record):
    """What the store remembers of a file, to tell whether it must be processed again."""

    doc_id: str = Field(description="Document id.")
    sha256: str = Field(description="SHA-256 of the file's bytes when it was stored.")
    pipeline: str = Field(description="Key of the pipeline that processed it.")


class StoredPath(Record):
    """A path a stored document was read from (`document_paths`)."""

    path: str = Field(description="The path, with '#' and the record key for an export record.")
    file: str = Field(description="The file the path is in (the path itself for a file).")
    doc_id: str = Field(description="The document read from it.")


class ContentSentence(SentenceRef):
    """A title, heading or content sentence with its lemmas, as the matching stages read it."""

    terms: str = Field(description="Content-word lemmas of the sentence, space-separated.")


class ClaimMember(Record):
    """One member assertion of a stored claim (a claim has one row per member)."""

    claim_id: str = Field(description="Claim id.")
    actor: str = Field(description="Actor id of the claim.")
    kind: AssertionKind = Field(description="Kind of the claim.")
    statement: str = Field(description="Readable canonical statement of the claim.")
    assertion_id: int = Field(description="Store-wide id of the member assertion.")
    score: float = Field(description="Similarity of the member to the claim, 0-1.")


class RoleLinkRow(Record):
    """Evidence, from any document, that a name holds a role."""

    role_key: str = Field(description="Role key without prefix ('president|russia').")
    name_key: str = Field(description="Mention key of the name that holds the role.")


class ParagraphLine(Record):
    """A sentence that is a whole paragraph of its own (a candidate repeated line)."""

    sentence_id: int = Field(description="Store-wide sentence id.")
    doc_id: str = Field(description="Document id.")
    text: str = Field(description="The sentence, exactly as in the document.")


class RepeatFlag(Record):
    """A line to set aside because several documents carry it word for word."""

    sentence_id: int = Field(description="Store-wide sentence id.")
    reason: str = Field(description="Why it is set aside ('the same line appears in 3 ...').")
