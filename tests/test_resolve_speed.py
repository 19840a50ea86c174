"""The spelling-skeleton tables of ``Resolver.respelled`` are made once per country while they
fit, whichever countries the articles go through, and answer the same as a fresh table."""

from __future__ import annotations

from mapper.models import Place
from mapper.places.curated import Gazetteer
from mapper.resolve import Resolver


class Countries:
    """A world of a few towns per country; counts how often a country's places are listed."""

    def __init__(self, n: int) -> None:
        self.listed: list[str] = []
        self.towns = {
            f"C{i}": [
                Place(f"t:{i}:{k}", name, 30.0 + i, 40.0 + k, "town", f"C{i}")
                for k, name in enumerate(("Maywand", "Sardasht", "Zurmat"))
            ]
            for i in range(n)
        }

    def candidates(self, key: str) -> list[Place]:
        return []

    def country(self, iso2: str) -> Place | None:
        return None

    def __contains__(self, key: object) -> bool:
        return False

    def places_in(self, iso2: str) -> list[Place]:
        self.listed.append(iso2)
        return self.towns.get(iso2, [])


def test_each_country_is_listed_once_while_its_table_fits() -> None:
    world = Countries(12)
    resolver = Resolver(Gazetteer(), world)
    countries = sorted(world.towns)
    for _ in range(3):  # articles going round a dozen countries
        for cc in countries:
            got = resolver.respelled("Maiwand", [cc])
            assert [(o, p.id) for o, p in got] == [(2, f"t:{cc[1:]}:0")]
    assert sorted(world.listed) == countries  # not once per article, nor again after eight countries


def test_the_oldest_tables_go_when_they_hold_too_many_places(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import mapper.resolve

    monkeypatch.setattr(mapper.resolve, "SKELETON_PLACES", 7)  # two countries' towns (3 each) fit
    world = Countries(3)
    resolver = Resolver(Gazetteer(), world)
    for cc in ("C0", "C1", "C0", "C2", "C0", "C1"):
        assert [p.name for _, p in resolver.respelled("Sardast", [cc])] == ["Sardasht"]
    # C0 stays (asked again each time); C1 went when C2 came, and comes back
    assert world.listed == ["C0", "C1", "C2", "C1"]
