"""Scale the registry extract up for benchmarks: N deterministic copies of every plan.

    python bench/scale_registry.py --factor 100 --out bench/out/x100

writes `plans.csv` and `prices.csv` in the format of data/registry/README.md (same header,
same quoting and CRLF line endings, same quirks). Copy 0 is the original rows, byte for byte.
Copy k (1 <= k < factor) of every facility and plan is derived as follows:

* plan_id: the original id followed by k, zero-padded to SUFFIX_WIDTH digits
  (at least 3): copy 7 of `P00084` is `P00084007`. facility_id likewise (`F0397007`).
  The original ids are shorter, so they never collide with a copy; uniqueness is also
  checked while writing.
* facility_name: the registered name plus ` 第{k}分院` ("branch k"), applied to every
  spelling of the name, so the name variants of one facility survive in every copy and
  the romanised names (and slugs) of the copies differ.
* prefecture and region: one prefecture per facility copy, drawn from all 47 prefectures,
  weighted by how many facilities of the extract are in each prefecture plus a flat
  PREFECTURE_FLOOR for every prefecture (so Tokyo and Osaka stay large and every prefecture,
  including Hokkaido and Tohoku which the extract does not cover, gets some). The region
  follows the extract's own scheme (三重県 is 中部; 中国四国 and 九州沖縄 are single regions);
  Hokkaido is `北海道` and Tohoku `東北`, regions that do not occur in the original extract.
  `--original-regions` keeps to the 40 prefectures of the extract's five regions.
* document_code: same two-digit prefix and letter, a new year-month (2024-01..2026-09)
  and serial, unique across the output; the plans that share a code in the original share
  one (new) code in every copy, and the plan without a code has none in every copy.
  document_url is rebuilt around the new code.
* prices: every price row of the plan, verbatim, with plan_id remapped (so the repeated
  plan+amount pairs are repeated in every copy too).

Everything random comes from one random.Random(seed) consumed in file order, so the same
arguments give the same bytes on every run.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SRC = ROOT / "data" / "registry"

PLAN_HEADER = [
    "plan_id",
    "document_code",
    "facility_id",
    "facility_name",
    "prefecture",
    "region",
    "risk_class",
    "treatment_title",
    "source_category",
    "document_url",
    "registry_list_url",
    "extracted_on",
]
PRICE_HEADER = [
    "plan_id",
    "amount_jpy",
    "tax",
    "unit",
    "extraction",
    "extraction_note",
    "products",
    "makers",
    "document_page",
    "excerpt",
]

MIN_SUFFIX_WIDTH = 3
PREFECTURE_FLOOR = 5
DEFAULT_SEED = 20260901
DOCUMENT_URL = "https://saiseiiryo.mhlw.go.jp/published_plan/download/{code}/5/0"
# Year-months a new document code may carry: 2024-01 to 2026-09 (the extract's date).
DOCUMENT_MONTHS = [
    f"{year % 100:02d}{month:02d}"
    for year in (2024, 2025, 2026)
    for month in range(1, 13)
    if (year, month) <= (2026, 9)
]

# The 47 prefectures in JIS order, with the region as the extract names it.
PREFECTURE_REGIONS: dict[str, str] = {
    "北海道": "北海道",
    **dict.fromkeys(["青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県"], "東北"),
    **dict.fromkeys(
        ["茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県"], "関東"
    ),
    **dict.fromkeys(
        [
            "新潟県",
            "富山県",
            "石川県",
            "福井県",
            "山梨県",
            "長野県",
            "岐阜県",
            "静岡県",
            "愛知県",
            "三重県",
        ],
        "中部",
    ),
    **dict.fromkeys(["滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県"], "近畿"),
    **dict.fromkeys(
        [
            "鳥取県",
            "島根県",
            "岡山県",
            "広島県",
            "山口県",
            "徳島県",
            "香川県",
            "愛媛県",
            "高知県",
        ],
        "中国四国",
    ),
    **dict.fromkeys(
        ["福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県"],
        "九州沖縄",
    ),
}
ORIGINAL_REGIONS = frozenset({"関東", "中部", "近畿", "中国四国", "九州沖縄"})


class ScaleError(Exception):
    """The input does not look like the extract, or the output would not be unique."""


@dataclass
class Stats:
    plans: int = 0
    prices: int = 0
    facilities: int = 0


def read_rows(path: Path, header: list[str]) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != header:
            raise ScaleError(f"{path}: unexpected header {reader.fieldnames}")
        return list(reader)


def suffix_width(factor: int) -> int:
    return max(MIN_SUFFIX_WIDTH, len(str(factor - 1)))


def copy_id(original: str, k: int, width: int) -> str:
    return original if k == 0 else f"{original}{k:0{width}d}"


def copy_name(original: str, k: int) -> str:
    return original if k == 0 else f"{original} 第{k}分院"


def prefecture_weights(plans: list[dict[str, str]], original_regions: bool) -> dict[str, int]:
    """Facilities per prefecture in the extract, plus a floor for every prefecture."""
    seen: dict[str, str] = {}
    for row in plans:
        seen.setdefault(row["facility_id"], row["prefecture"])
    counts = Counter(seen.values())
    return {
        prefecture: counts[prefecture] + PREFECTURE_FLOOR
        for prefecture, region in PREFECTURE_REGIONS.items()
        if not original_regions or region in ORIGINAL_REGIONS
    }


def check_regions(plans: list[dict[str, str]]) -> None:
    for row in plans:
        expected = PREFECTURE_REGIONS.get(row["prefecture"])
        if expected != row["region"]:
            raise ScaleError(
                f"{row['plan_id']}: {row['prefecture']} is in {row['region']!r} in the extract, "
                f"{expected!r} in PREFECTURE_REGIONS"
            )


class DocumentCodes:
    """New document codes, unique across the output (the originals included)."""

    def __init__(self, rng: random.Random, originals: list[str]) -> None:
        self.rng = rng
        self.used = {code for code in originals if code}

    def new(self, original: str) -> str:
        # Shape of the extract's codes: 2 digits, a letter, yymm, 3-digit serial (02E2408010).
        if len(original) != 10:
            raise ScaleError(f"unexpected document code {original!r}")
        head = original[:3]
        for _ in range(1000):
            code = f"{head}{self.rng.choice(DOCUMENT_MONTHS)}{self.rng.randrange(1, 1000):03d}"
            if code not in self.used:
                self.used.add(code)
                return code
        raise ScaleError(f"no free document code left for prefix {head}")


def scaled_plans(
    plans: list[dict[str, str]],
    factor: int,
    rng: random.Random,
    weights: dict[str, int],
    stats: Stats,
) -> Iterator[dict[str, str]]:
    width = suffix_width(factor)
    prefectures = list(weights)
    cumulative = []
    total = 0
    for prefecture in prefectures:
        total += weights[prefecture]
        cumulative.append(total)
    codes = DocumentCodes(rng, [row["document_code"] for row in plans])
    plan_ids: set[str] = set()
    facility_ids: set[str] = set()
    for k in range(factor):
        moved: dict[str, str] = {}  # facility_id -> prefecture of this copy
        new_codes: dict[str, str] = {"": ""}  # original code -> code of this copy
        for row in plans:
            out = dict(row)
            out["plan_id"] = copy_id(row["plan_id"], k, width)
            if out["plan_id"] in plan_ids:
                raise ScaleError(f"duplicate plan_id {out['plan_id']}")
            plan_ids.add(out["plan_id"])
            out["facility_id"] = copy_id(row["facility_id"], k, width)
            if out["facility_id"] not in facility_ids:
                facility_ids.add(out["facility_id"])
                stats.facilities += 1
            if k:
                out["facility_name"] = copy_name(row["facility_name"], k)
                if row["facility_id"] not in moved:
                    moved[row["facility_id"]] = rng.choices(prefectures, cum_weights=cumulative)[0]
                out["prefecture"] = moved[row["facility_id"]]
                out["region"] = PREFECTURE_REGIONS[out["prefecture"]]
                code = row["document_code"]
                if code not in new_codes:
                    new_codes[code] = codes.new(code)
                out["document_code"] = new_codes[code]
                out["document_url"] = (
                    DOCUMENT_URL.format(code=out["document_code"]) if out["document_code"] else ""
                )
            stats.plans += 1
            yield out


def scaled_prices(
    prices: list[dict[str, str]], factor: int, stats: Stats
) -> Iterator[dict[str, str]]:
    width = suffix_width(factor)
    for k in range(factor):
        for row in prices:
            out = dict(row)
            out["plan_id"] = copy_id(row["plan_id"], k, width)
            stats.prices += 1
            yield out


def write_rows(path: Path, header: list[str], rows: Iterator[dict[str, str]]) -> None:
    # csv's defaults (QUOTE_MINIMAL, CRLF) reproduce the extract byte for byte.
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)


def scale(
    src: Path, out: Path, factor: int, seed: int = DEFAULT_SEED, original_regions: bool = False
) -> Stats:
    if factor < 1:
        raise ScaleError("--factor must be at least 1")
    plans = read_rows(src / "plans.csv", PLAN_HEADER)
    prices = read_rows(src / "prices.csv", PRICE_HEADER)
    check_regions(plans)
    known = {row["plan_id"] for row in plans}
    orphans = {row["plan_id"] for row in prices} - known
    if orphans:
        raise ScaleError(f"prices for unknown plans: {sorted(orphans)[:5]}")
    rng = random.Random(seed)
    stats = Stats()
    out.mkdir(parents=True, exist_ok=True)
    weights = prefecture_weights(plans, original_regions)
    write_rows(out / "plans.csv", PLAN_HEADER, scaled_plans(plans, factor, rng, weights, stats))
    write_rows(out / "prices.csv", PRICE_HEADER, scaled_prices(prices, factor, stats))
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Scale the registry extract up for benchmarks.")
    parser.add_argument("--factor", type=int, default=100, help="copies, the original included")
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    parser.add_argument("--src", type=Path, default=DEFAULT_SRC, help="directory of the extract")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--original-regions",
        action="store_true",
        help="only the prefectures of the extract's five regions (no 北海道, no 東北)",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        stats = scale(args.src, args.out, args.factor, args.seed, args.original_regions)
    except ScaleError as error:
        print(f"scale_registry: {error}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(
        f"{args.out}: {stats.plans:,} plans, {stats.facilities:,} facilities, "
        f"{stats.prices:,} prices in {elapsed:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
