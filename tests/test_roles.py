from __future__ import annotations

import pytest

from .conftest import roles


@pytest.mark.parametrize(
    ("text", "struck", "not_struck"),
    [
        ("The US raids hit locations in the Iraqi towns of Akashat and al-Qaim.", {"Akashat", "al-Qaim"}, set()),
        (
            "The assault targeted sites near the cities of Deir Ezzor, Al-Mayadeen, and Al-Bukamal.",
            {"Deir Ezzor", "Al-Mayadeen", "Al-Bukamal"},
            set(),
        ),
        (
            "Targets in the Al-Hamdaniya neighborhood and the vicinity of the Ain Ali shrine in the city of "
            "Al-Mayadeen were also hit.",
            {"Al-Hamdaniya neighborhood", "Ain Ali shrine", "Al-Mayadeen"},
            set(),
        ),
        ("A drone packed with explosives struck Tower 22, a US base in Jordan.", {"Tower 22"}, {"Jordan"}),
        (
            "The actions focused on the Al Mayadin area, considered the capital in Syria, as well as the "
            "Al Bukamal district.",
            {"Al Mayadin", "Al Bukamal"},
            {"Syria"},
        ),
        (
            "US strikes targeted sites in Al-Qaim near the Syrian border opposite Al-Bukamal.",
            {"Al-Qaim"},
            {"Al-Bukamal"},
        ),
        ("A presence that has increased after the Israeli attack on Gaza.", set(), {"Gaza"}),
        (
            "Biden attended a ceremony at the Dover Air Force base to receive the bodies of the killed soldiers.",
            set(),
            {"Dover Air Force base"},
        ),
        ("Friday's attacks did not hit Akashat itself.", set(), {"Akashat"}),
        (
            "Strikes hit the town of Akashat. The bombing campaign killed 16 people in Iraq, prompting Baghdad to "
            "summon the envoy.",
            {"Akashat"},
            {"Iraq", "Baghdad"},
        ),
        ("A port in Bahrain serves as the headquarters of the Fifth Fleet.", set(), {"Bahrain"}),
        ("The long-range bombers were launched from the United States to hit targets.", set(), {"United States"}),
    ],
)
def test_struck_or_mentioned(text: str, struck: set[str], not_struck: set[str]) -> None:
    got = roles(text)
    assert {n for n, r in got.items() if r == "struck"} == struck, got
    for n in not_struck:
        assert got.get(n) != "struck", got
