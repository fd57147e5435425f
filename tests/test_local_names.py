"""Short names resolved within their document (nlp/local_names.py)."""

from __future__ import annotations

import pytest

from putin_claims.models import MentionKind
from putin_claims.nlp.local_names import local_names
from putin_claims.nlp.mentions import RawMention


def name(start: int, key: str, label: str = "PERSON", person: bool = True) -> RawMention:
    return RawMention(
        start=start, end=start + len(key), surface=key.title(), kind=MentionKind.NAME,
        label=label, key=key, gender=None, person=person,
    )  # fmt: skip


CASES = [
    # mentions in document order -> keys after
    ([name(0, "serena williams"), name(50, "williams")], ["serena williams", "serena williams"]),
    ([name(0, "williams"), name(50, "serena williams")], ["serena williams", "serena williams"]),
    ([name(0, "ozzy osbourne"), name(20, "sharon osbourne"), name(40, "osbourne")],
     ["ozzy osbourne", "sharon osbourne", "sharon osbourne"]),  # the nearest before
    ([name(0, "sharon osbourne"), name(30, "sharon")], ["sharon osbourne", "sharon osbourne"]),
    ([name(0, "gerhard schroeder"), name(30, "schroeder", label="ORG", person=False)],
     ["gerhard schroeder", "gerhard schroeder"]),  # the tagger's label does not matter
    ([name(0, "tim henman"), name(30, "federer")], ["tim henman", "federer"]),
    ([name(0, "@serena-williams"), name(30, "williams")], ["@serena-williams", "williams"]),
    ([name(0, "cambridge", label="GPE", person=False), name(20, "cambridge analytica")],
     ["cambridge", "cambridge analytica"]),  # a place stays a place
]  # fmt: skip


@pytest.mark.parametrize(("mentions", "keys"), CASES)
def test_short_names_take_the_full_name_of_their_document(
    mentions: list[RawMention], keys: list[str]
) -> None:
    assert [m.key for m in local_names(mentions)] == keys
