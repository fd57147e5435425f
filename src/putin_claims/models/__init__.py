"""pydantic records that cross stage boundaries, one module per stage that produces them.

Records that are values are frozen; every field carries a description, which also feeds the
generated documentation in ``docs/data-model.md``. Everything is re-exported here.
"""

from putin_claims.models.actors import (
    Actor,
    ActorData,
    ActorSpec,
    ActorType,
    Gender,
    KeyStats,
    Resolution,
    ResolvedActor,
)
from putin_claims.models.base import (
    Record,
)
from putin_claims.models.claims import (
    GOAL_KINDS,
    OPINION_GENRES,
    ActorSource,
    Assertion,
    AssertionKind,
    AssertionRow,
    CheckHit,
    CheckLabel,
    CheckResult,
    Claim,
    Corroboration,
    Evidence,
    Hedge,
    SentenceRef,
    VagueReason,
)
from putin_claims.models.dates import (
    DateKind,
    DateValue,
    Granularity,
)
from putin_claims.models.documents import (
    DateMention,
    Mention,
    MentionKind,
    ProcessedDocument,
    RoleLink,
    Sentence,
)
from putin_claims.models.gold import Split
from putin_claims.models.ingest import (
    BoilerplateKind,
    DateKindMeta,
    DocumentMeta,
    Genre,
    IngestedDocument,
    Line,
    LineRole,
    NoteKind,
    Paragraph,
    SourceNote,
    SourceText,
)
from putin_claims.models.quotes import (
    Quote,
    QuoteKind,
    StoredQuote,
)
from putin_claims.models.results import (
    AlignedSentences,
    Derivation,
    ExtractSummary,
    PruneSummary,
    SkippedFile,
    SourceInfo,
    StoredSentence,
)
from putin_claims.models.rows import (
    ClaimMember,
    ContentSentence,
    ParagraphLine,
    RepeatFlag,
    RoleLinkRow,
    StoredDocument,
    StoredPath,
)

ProcessedDocument.model_rebuild()

__all__ = [
    "GOAL_KINDS",
    "OPINION_GENRES",
    "Actor",
    "ActorData",
    "ActorSource",
    "ActorSpec",
    "ActorType",
    "AlignedSentences",
    "Assertion",
    "AssertionKind",
    "AssertionRow",
    "BoilerplateKind",
    "CheckHit",
    "CheckLabel",
    "CheckResult",
    "Claim",
    "ClaimMember",
    "ContentSentence",
    "Corroboration",
    "DateKind",
    "DateKindMeta",
    "DateMention",
    "DateValue",
    "Derivation",
    "DocumentMeta",
    "Evidence",
    "ExtractSummary",
    "Gender",
    "Genre",
    "Granularity",
    "Hedge",
    "IngestedDocument",
    "KeyStats",
    "Line",
    "LineRole",
    "Mention",
    "MentionKind",
    "NoteKind",
    "Paragraph",
    "ParagraphLine",
    "ProcessedDocument",
    "PruneSummary",
    "Quote",
    "QuoteKind",
    "Record",
    "RepeatFlag",
    "Resolution",
    "ResolvedActor",
    "RoleLink",
    "RoleLinkRow",
    "Sentence",
    "SentenceRef",
    "SkippedFile",
    "SourceInfo",
    "SourceNote",
    "SourceText",
    "Split",
    "StoredDocument",
    "StoredPath",
    "StoredQuote",
    "StoredSentence",
    "VagueReason",
]
