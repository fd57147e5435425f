"""The mention finder: names first, then role descriptions, then pronouns, in text order."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from putin_claims.names import ROLE_PREFIX, AliasIndex
from putin_claims.nlp.mentions.candidates import NameCandidates
from putin_claims.nlp.mentions.named import name_mention
from putin_claims.nlp.mentions.pronouns import pronoun_matcher, pronoun_mentions
from putin_claims.nlp.mentions.records import RawMention, RoleEvidence
from putin_claims.nlp.mentions.roles import role_mentions
from putin_claims.nlp.mentions.titles import RolePhrases, role_matcher


class MentionFinder:
    """Finds actor mentions and role evidence in parsed paragraphs."""

    def __init__(self, nlp: Language, index: AliasIndex) -> None:
        self.index = index
        self.candidates = NameCandidates(nlp, index)
        self.roles = role_matcher(nlp)
        self.pronouns = pronoun_matcher(nlp.vocab)

    def find(self, doc: Doc, headline: bool = False) -> tuple[list[RawMention], list[RoleEvidence]]:
        """Mentions and role evidence in one parsed paragraph (``headline``: title case)."""
        roles = RolePhrases.of(self.roles(doc, as_spans=True))
        taken: dict[int, RawMention] = {}
        mentions, links = self._names(doc, headline, roles, taken)
        for mention, holder in role_mentions(doc, roles, taken, self.index):
            mentions.append(mention)
            if holder is not None:
                role = mention.key.removeprefix(ROLE_PREFIX)
                links.append(RoleEvidence(mention.start, role, holder))
        mentions.extend(pronoun_mentions(doc, self.pronouns))
        mentions.sort(key=lambda m: m.start)
        return mentions, links

    def _names(
        self, doc: Doc, headline: bool, roles: RolePhrases, taken: dict[int, RawMention]
    ) -> tuple[list[RawMention], list[RoleEvidence]]:
        """Name mentions and the role evidence of their titles; ``taken`` gets their tokens."""
        mentions: list[RawMention] = []
        links: list[RoleEvidence] = []
        for span in self.candidates(doc, headline):
            named = name_mention(doc, span, self.index, roles)
            if named is None:
                continue
            mention, evidence = named
            mentions.append(mention)
            taken.update(dict.fromkeys(range(span.start, span.end), mention))
            if evidence:
                links.append(RoleEvidence(mention.start, evidence, mention.key))
        return mentions, links
