"""Facilities as the plans files name them: one per facility_id, its name chosen by vote.

Name decision: the facility's rows may spell its name differently (a space, a corporate
prefix such as 医療法人…). The spelling on most rows becomes `name_ja`; on a tie, the longest
(counting without spaces, then with them: the fuller registered name with its corporate
prefix), then the one that sorts last, so the choice never depends on row order. Every other
spelling ever seen, in this import or an earlier one, is kept in `name_variants`.

The slug is set once, at creation, and never changed; `name_romaji` is recomputed only when
`name_ja` changes.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from saisei.registry.models import Facility

from . import bulk
from .errors import RowWarning
from .naming import Names
from .rows import PlanRow

SLUG_MAX = Facility._meta.get_field("slug").max_length or 120


@dataclass
class FacilitySeen:
    """What the plan rows of one import say about one facility."""

    external_id: str
    names: Counter[str] = field(default_factory=Counter)
    prefectures: Counter[str] = field(default_factory=Counter)
    regions: Counter[str] = field(default_factory=Counter)
    rows: list[PlanRow] = field(default_factory=list)


@dataclass
class FacilitySync:
    """All facilities after the sync, and which were created or changed."""

    by_external_id: dict[str, Facility]
    new: set[int]
    changed: set[int]


def gather(rows: list[PlanRow]) -> tuple[dict[str, FacilitySeen], list[RowWarning]]:
    """Group the plan rows by facility; warn where they disagree on the facility's place."""
    seen: dict[str, FacilitySeen] = {}
    for row in rows:
        entry = seen.get(row.facility_id)
        if entry is None:
            entry = seen[row.facility_id] = FacilitySeen(row.facility_id)
        entry.names[row.facility_name] += 1
        entry.prefectures[row.prefecture] += 1
        entry.regions[row.region] += 1
        entry.rows.append(row)
    warnings: list[RowWarning] = []
    for entry in seen.values():
        for column, votes in (("prefecture", entry.prefectures), ("region", entry.regions)):
            if len(votes) > 1:
                chosen = _most_common(votes)
                odd = next(r for r in entry.rows if getattr(r, column) != chosen)
                warnings.append(
                    RowWarning(
                        odd.file,
                        odd.line,
                        column,
                        f"facility {entry.external_id} has {len(votes)} different values "
                        f"for {column}; using the most frequent, {chosen}",
                    )
                )
    return seen, warnings


def _most_common(votes: Counter[str]) -> str:
    return max(votes, key=lambda value: (votes[value], value))


def choose_name(names: Counter[str]) -> str:
    """The most frequent spelling; on a tie the longest, then the one sorting last."""
    return max(names, key=lambda n: (names[n], len("".join(n.split())), len(n), n))


def _variants(names: Counter[str], chosen: str, previous: list[str]) -> list[str]:
    """Other spellings: this import's by frequency, then earlier imports' in sorted order."""
    current = sorted((n for n in names if n != chosen), key=lambda n: (-names[n], n))
    older = sorted(set(previous) - set(names) - {chosen})
    return current + older


def _unique_slug(base: str, external_id: str, taken: set[str]) -> str:
    slug = base[:SLUG_MAX] or external_id.lower()
    number = 2
    while slug in taken:
        suffix = f"-{number}"
        slug = base[: SLUG_MAX - len(suffix)] + suffix
        number += 1
    taken.add(slug)
    return slug


def sync_facilities(seen: dict[str, FacilitySeen], names: Names, now: datetime) -> FacilitySync:
    """Create the facilities not yet known, update the names and places of the others."""
    existing = {f.external_id: f for f in Facility.objects.all()}
    taken = {f.slug for f in existing.values()}
    created: list[Facility] = []
    changes: list[tuple[Facility, list[str]]] = []
    for external_id, entry in seen.items():
        name = choose_name(entry.names)
        prefecture_ja = _most_common(entry.prefectures)
        region_ja = _most_common(entry.regions)
        facility = existing.get(external_id)
        if facility is None:
            facility = Facility(
                external_id=external_id,
                slug=_unique_slug(names.slug(name, external_id), external_id, taken),
                name_ja=name,
                name_variants=_variants(entry.names, name, []),
                name_romaji=names.english_facility_name(name),
                prefecture_ja=prefecture_ja,
                prefecture=names.prefecture(prefecture_ja),
                region_ja=region_ja,
                region=names.region(region_ja),
            )
            created.append(facility)
            existing[external_id] = facility
            continue
        previous = [*facility.name_variants, facility.name_ja]
        wanted = {
            "name_ja": name,
            "name_variants": _variants(entry.names, name, previous),
            "prefecture_ja": prefecture_ja,
            "prefecture": names.prefecture(prefecture_ja),
            "region_ja": region_ja,
            "region": names.region(region_ja),
        }
        if name != facility.name_ja or not facility.name_romaji:
            wanted["name_romaji"] = names.english_facility_name(name)
        fields = [key for key, value in wanted.items() if getattr(facility, key) != value]
        if fields:
            for key in fields:
                setattr(facility, key, wanted[key])
            facility.updated = now
            changes.append((facility, [*fields, "updated"]))
    bulk.create(Facility, created, key="external_id")
    bulk.update(Facility, changes)
    return FacilitySync(
        by_external_id=existing,
        new={f.pk for f in created},
        changed={f.pk for f, _ in changes},
    )
