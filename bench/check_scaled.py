"""Check a scaled extract against the original: counts, unique ids, quirks kept.

    python bench/check_scaled.py bench/out/x100 --factor 100

Exits 1 and says what differs when a check fails.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SRC = ROOT / "data" / "registry"


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def quirks(plans: list[dict[str, str]], prices: list[dict[str, str]]) -> dict[str, int]:
    codes = Counter(row["document_code"] for row in plans)
    code_facilities: defaultdict[str, set[str]] = defaultdict(set)
    names: defaultdict[str, set[str]] = defaultdict(set)
    prefectures: defaultdict[str, set[str]] = defaultdict(set)
    for row in plans:
        code_facilities[row["document_code"]].add(row["facility_id"])
        names[row["facility_id"]].add(row["facility_name"])
        prefectures[row["facility_id"]].add(row["prefecture"])
    shared = [code for code, n in codes.items() if code and n > 1]
    pairs = Counter((row["plan_id"], row["amount_jpy"]) for row in prices)
    return {
        "plans": len(plans),
        "unique plan_id": len({row["plan_id"] for row in plans}),
        "facilities": len(names),
        "prices": len(prices),
        "plans with prices": len({row["plan_id"] for row in prices}),
        "shared document codes": len(shared),
        "shared codes within one facility": sum(len(code_facilities[c]) == 1 for c in shared),
        "plans without document code": codes[""],
        "facilities with name variants": sum(len(v) > 1 for v in names.values()),
        "facilities in several prefectures": sum(len(v) > 1 for v in prefectures.values()),
        "repeated plan+amount pairs": sum(n > 1 for n in pairs.values()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check a scaled registry extract.")
    parser.add_argument("scaled", type=Path, help="directory written by scale_registry.py")
    parser.add_argument("--factor", type=int, default=100)
    parser.add_argument("--src", type=Path, default=DEFAULT_SRC)
    args = parser.parse_args(argv)
    original = quirks(read(args.src / "plans.csv"), read(args.src / "prices.csv"))
    plans = read(args.scaled / "plans.csv")
    prices = read(args.scaled / "prices.csv")
    scaled = quirks(plans, prices)
    failures = 0
    print(f"{'':36} {'original':>9} {'scaled':>9} {'expected':>9}")
    for name, value in original.items():
        expected = value * args.factor
        ok = scaled[name] == expected
        failures += not ok
        print(f"{name:36} {value:>9,} {scaled[name]:>9,} {expected:>9,} {'' if ok else 'FAIL'}")
    known = {row["plan_id"] for row in plans}
    orphans = sum(row["plan_id"] not in known for row in prices)
    prefectures = len({row["prefecture"] for row in plans})
    print(f"prices of unknown plans: {orphans}; prefectures used: {prefectures}")
    failures += orphans > 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
