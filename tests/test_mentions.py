"""Actor mentions (putin_claims.nlp.mentions) on sentences parsed by the real pipeline: names,
titles, roles with countries, appositions, metonyms, locatives, headlines and pronouns."""

from __future__ import annotations

import pytest
from spacy.language import Language

from putin_claims.models import Gender, LineRole
from putin_claims.nlp.components import mentions_of
from putin_claims.nlp.mentions import RawMention, RoleEvidence

Found = tuple[str, str, str]  # (surface, kind, key)


def _parse(
    nlp: Language, text: str, *, headline: bool = False
) -> tuple[list[RawMention], list[RoleEvidence]]:
    doc = nlp.make_doc(text)
    if headline:
        doc._.pc_role = LineRole.TITLE.value
    mentions, links = mentions_of(nlp(doc))
    for m in mentions:
        assert text[m.start : m.end] == m.surface  # Doc-local offsets
        assert m.sentence == -1  # the assembler numbers sentences
    return mentions, links


def found(nlp: Language, text: str, *, headline: bool = False) -> list[Found]:
    mentions, _ = _parse(nlp, text, headline=headline)
    return [(m.surface, m.kind.value, m.key) for m in mentions]


def evidence(nlp: Language, text: str) -> list[tuple[str, str]]:
    _, links = _parse(nlp, text)
    return [(link.role_key, link.name_key) for link in links]


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Angela Merkel left the chancellery on Friday.",
            [("Angela Merkel", "name", "angela merkel")],
        ),
        # alias-list names get the actor's id, whatever form is written
        ("Mr. Putin arrived late.", [("Mr. Putin", "name", "@vladimir-putin")]),
        (
            "Vladimir V. Putin signed the decree.",
            [("Vladimir V. Putin", "name", "@vladimir-putin")],
        ),
        ("The Kremlin denied the report.", [("The Kremlin", "name", "@russia")]),
        # a possessive is cut off the name; "its" names no one
        (
            "Satya Nadella's company, Microsoft, raised its forecast.",
            [("Satya Nadella", "name", "satya nadella"), ("Microsoft", "name", "microsoft")],
        ),
        (
            "Toyota and Siemens signed a supply deal.",
            [("Toyota", "name", "toyota"), ("Siemens", "name", "siemens")],
        ),
        # short aliases match exactly; "the UN" is an alias of its own
        (
            "The EU and the UN issued a joint statement.",
            [("EU", "name", "@european-union"), ("the UN", "name", "@united-nations")],
        ),
        # nationality adjectives are not actors
        ("Brazilian officials welcomed the ruling.", []),
        # a "U.S.-China" compound names no one actor (and Geneva is where the talks are)
        ("U.S.-China talks resumed in Geneva.", []),
        # honorifics join the name and leave the key alone
        (
            "Ms. Jacinda Ardern thanked the voters.",
            [("Ms. Jacinda Ardern", "name", "jacinda ardern")],
        ),
        ("Dr. Amara Okafor presented the results.", [("Dr. Amara Okafor", "name", "amara okafor")]),
        (
            "Gen. Valery Gerasimov inspected the troops.",
            [("Gen. Valery Gerasimov", "name", "valery gerasimov")],
        ),
    ],
)
def test_names(nlp: Language, text: str, expected: list[Found]) -> None:
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "surface", "gender"),
    [
        ("Mrs. Theresa May took questions.", "Mrs. Theresa May", Gender.FEMALE),
        ("Ms. Jacinda Ardern thanked the voters.", "Ms. Jacinda Ardern", Gender.FEMALE),
        ("Sir Keir Starmer answered first.", "Sir Keir Starmer", Gender.MALE),
        ("Lord Cameron flew home.", "Lord Cameron", Gender.MALE),
        ("Dr. Amara Okafor presented the results.", "Dr. Amara Okafor", None),  # says nothing
        ("Angela Merkel left early.", "Angela Merkel", None),  # not in the alias data
        ("Putin left early.", "Putin", Gender.MALE),  # from the alias data
    ],
)
def test_gender_from_honorifics_and_alias_data(
    nlp: Language, text: str, surface: str, gender: Gender | None
) -> None:
    mentions, _ = _parse(nlp, text)
    assert [(m.surface, m.gender) for m in mentions] == [(surface, gender)]


# --------------------------------------------------------------------------- titles


@pytest.mark.parametrize(
    ("text", "surface", "key", "links"),
    [
        (
            "German Chancellor Olaf Scholz visited Warsaw.",
            "German Chancellor Olaf Scholz",
            "olaf scholz",
            [("chancellor|germany", "olaf scholz")],
        ),
        (
            "Former Japanese Prime Minister Shinzo Abe was remembered.",
            "Former Japanese Prime Minister Shinzo Abe",
            "shinzo abe",
            [("former prime minister|japan", "shinzo abe")],
        ),
        (
            "Kenyan President William Ruto opened the summit.",
            "Kenyan President William Ruto",
            "william ruto",
            [("president|kenya", "william ruto")],
        ),
        (
            "Russia's Foreign Minister Sergei Lavrov spoke next.",
            "Russia's Foreign Minister Sergei Lavrov",
            "@sergei-lavrov",
            [("foreign minister|russia", "@sergei-lavrov")],
        ),
        (
            "U.S. Treasury Secretary Janet Yellen testified.",
            "U.S. Treasury Secretary Janet Yellen",
            "janet yellen",
            [("treasury secretary|united-states", "janet yellen")],
        ),
        (
            "Turkish President Recep Tayyip Erdogan hosted the talks.",
            "Turkish President Recep Tayyip Erdogan",
            "@recep-tayyip-erdogan",
            [("president|turkey", "@recep-tayyip-erdogan")],
        ),
        # a title without a country joins the name but proves no role
        (
            "Apple chief executive Tim Cook unveiled the phone.",
            "chief executive Tim Cook",
            "tim cook",
            [],
        ),
        ("Acting Mayor Ana Lopez closed the schools.", "Acting Mayor Ana Lopez", "ana lopez", []),
    ],
)
def test_titles_join_the_name_and_give_role_evidence(
    nlp: Language, text: str, surface: str, key: str, links: list[tuple[str, str]]
) -> None:
    names = [(s, k) for s, kind, k in found(nlp, text) if kind == "name"]
    assert (surface, key) in names
    assert evidence(nlp, text) == links


def test_a_title_makes_a_mislabelled_name_a_person(nlp: Language) -> None:
    mentions, _ = _parse(nlp, "German Chancellor Olaf Scholz visited Warsaw.")
    (scholz,) = [m for m in mentions if m.key == "olaf scholz"]
    assert scholz.person and scholz.label == "ORG"  # the tagger's label, the title's person


# --------------------------------------------------------------------------- roles


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (
            "The Norwegian prime minister spoke first.",
            [("Norwegian prime minister", "role:prime minister|norway")],
        ),
        (
            "The president of Brazil arrived on Monday.",
            [("president of Brazil", "role:president|brazil")],
        ),
        (
            "He later met the President of the United States.",
            [("President of the United States", "role:president|united-states")],
        ),
        (
            "The former Chilean president stayed home.",
            [("former Chilean president", "role:former president|chile")],
        ),
        # a modifier that does not end the office is dropped from the key
        (
            "The acting Peruvian president resigned.",
            [("acting Peruvian president", "role:president|peru")],
        ),
        (
            "The Indian foreign minister flew to Tokyo.",
            [("Indian foreign minister", "role:foreign minister|india")],
        ),
        (
            "Spain's prime minister called an election.",
            [("Spain's prime minister", "role:prime minister|spain")],
        ),
        # the longest office wins
        (
            "The Pakistani army chief of staff met reporters.",
            [("Pakistani army chief of staff", "role:army chief of staff|pakistan")],
        ),
        # no country, no role mention
        ("The spokesman declined to comment.", []),
        ("The president said no.", []),
    ],
)
def test_role_descriptions_need_a_country(
    nlp: Language, text: str, roles: list[tuple[str, str]]
) -> None:
    assert [(s, k) for s, kind, k in found(nlp, text) if kind == "role"] == roles


@pytest.mark.parametrize(
    "text",
    [
        "Gabriel Boric, the Chilean president, praised the vote.",
        "The Chilean president, Gabriel Boric, praised the vote.",
    ],
)
def test_a_name_in_apposition_holds_the_role(nlp: Language, text: str) -> None:
    assert found(nlp, text) == sorted(
        [
            ("Gabriel Boric", "name", "gabriel boric"),
            ("Chilean president", "role", "role:president|chile"),
        ],
        key=lambda f: text.index(f[0]),
    )
    assert evidence(nlp, text) == [("president|chile", "gabriel boric")]


# --------------------------------------------------------------------------- metonyms, places


@pytest.mark.parametrize(
    ("text", "surface", "key"),
    [
        ("Moscow rejected the offer.", "Moscow", "@russia"),
        ("Beijing responded cautiously.", "Beijing", "@china"),
        ("Brussels wants tighter rules.", "Brussels", "@european-union"),
        ("Ankara summoned the ambassador.", "Ankara", "@turkey"),
        ("Kyiv asked for more air defence.", "Kyiv", "@ukraine"),
        ("Washington imposed new tariffs.", "Washington", "@united-states"),
    ],
)
def test_capitals_stand_for_their_governments(
    nlp: Language, text: str, surface: str, key: str
) -> None:
    assert found(nlp, text) == [(surface, "name", key)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks were held in Ankara.", []),
        ("The delegation flew to Beijing on Sunday.", []),
        ("Investors fled from Caracas.", []),
        ("Officials at the Kremlin declined to comment.", []),
        # a person after a preposition is still a person
        ("The letter was addressed to Macron.", [("Macron", "name", "@emmanuel-macron")]),
    ],
)
def test_places_after_locative_prepositions_are_not_actors(
    nlp: Language, text: str, expected: list[Found]
) -> None:
    assert found(nlp, text) == expected


def test_a_place_is_an_actor_only_where_it_acts(nlp: Language) -> None:
    text = "Talks were held in Moscow on Monday. Moscow rejected the plan, and Washington agreed."
    got = found(nlp, text)
    assert ("Moscow", "name", "@russia") in got
    assert ("Washington", "name", "@united-states") in got
    assert [f for f in got if f[0] == "Moscow"] == [("Moscow", "name", "@russia")]


def test_titles_join_the_name_of_a_known_and_a_new_person(nlp: Language) -> None:
    mentions, links = _parse(nlp, "French President Emmanuel Macron met Mr. Jonas Berg in Oslo.")
    surfaces = {m.surface: m.key for m in mentions}
    assert surfaces["French President Emmanuel Macron"] == "@emmanuel-macron"
    assert surfaces["Mr. Jonas Berg"] == "jonas berg"
    assert [(link.role_key, link.name_key) for link in links] == [
        ("president|france", "@emmanuel-macron")
    ]


def test_role_descriptions_need_a_country_across_sentences(nlp: Language) -> None:
    got = found(nlp, "The Norwegian prime minister spoke first. The president said no.")
    roles = [(s, k) for s, kind, k in got if kind == "role"]
    assert roles == [("Norwegian prime minister", "role:prime minister|norway")]


# --------------------------------------------------------------------------- headlines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Trump Presses Putin on Ceasefire Deadline",
            [("Trump", "name", "@donald-trump"), ("Putin", "name", "@vladimir-putin")],
        ),
        ("Macron Warns Europe Over Defence Spending", [("Macron", "name", "@emmanuel-macron")]),
        (
            "Erdogan and Zelensky Meet in Istanbul",
            [
                ("Erdogan", "name", "@recep-tayyip-erdogan"),
                ("Zelensky", "name", "@volodymyr-zelensky"),
            ],
        ),
    ],
)
def test_headline_names(nlp: Language, text: str, expected: list[Found]) -> None:
    assert found(nlp, text, headline=True) == expected


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Siemens Cuts Jobs as Orders Slump", "Cuts"),
        ("Lagarde Signals Pause in Rate Rises", "Signals"),
        ("Erdogan and Zelensky Meet in Istanbul", "Meet"),
    ],
)
def test_headline_verbs_are_not_part_of_a_name(nlp: Language, text: str, verb: str) -> None:
    assert not [s for s, _, _ in found(nlp, text, headline=True) if verb in s]


# --------------------------------------------------------------------------- pronouns


@pytest.mark.parametrize(
    ("text", "pronouns"),
    [
        ("She said the plan had failed.", [("She", Gender.FEMALE)]),
        ("His remarks angered him.", [("His", Gender.MALE), ("him", Gender.MALE)]),
        ("The minister blamed herself.", [("herself", Gender.FEMALE)]),
        ("Her government fell.", [("Her", Gender.FEMALE)]),
        ("He thanked her.", [("He", Gender.MALE), ("her", Gender.FEMALE)]),
        ("They said it was over.", []),  # no gender, no person the tool can tell
        ("We will see.", []),
    ],
)
def test_gendered_pronouns_are_mentions(
    nlp: Language, text: str, pronouns: list[tuple[str, Gender]]
) -> None:
    mentions, _ = _parse(nlp, text)
    assert [(m.surface, m.gender) for m in mentions if m.kind.value == "pronoun"] == pronouns
    assert all(m.key == "" and m.person for m in mentions if m.kind.value == "pronoun")


@pytest.mark.parametrize(
    ("sentence", "name", "describes"),
    [
        ("Ann Lee, a spokeswoman for Acme Ltd, said prices would rise.", "Acme Ltd", True),
        ("Ann Lee, a spokeswoman for Acme Holdings, said prices would rise.", "Ann Lee", False),
        ("Tom Hart of Acme Holdings said prices would rise.", "Acme Holdings", True),
        ("Ann Lee and Tom Hart met in Paris.", "Tom Hart", False),
        ("Ann Lee told Tom Hart that prices would rise.", "Tom Hart", False),
    ],
)
def test_a_name_in_another_persons_description_is_marked(
    nlp: Language, sentence: str, name: str, describes: bool
) -> None:
    mentions, _ = mentions_of(nlp(sentence))
    (found,) = [m for m in mentions if m.surface.endswith(name)]
    assert found.modifier is describes
