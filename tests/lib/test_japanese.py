# (Facility names are quoted verbatim from the registry, full-width characters included.)
"""Tests for saisei.lib.japanese on the facility names, prefectures and regions of the extract."""

import csv
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saisei.lib.japanese import (
    PREFECTURES,
    REGIONS,
    english_facility_name,
    prefecture_en,
    region_en,
    romanise,
    slug_for,
)

PLANS_CSV = Path(__file__).resolve().parents[2] / "data" / "registry" / "plans.csv"


def _plans() -> list[dict[str, str]]:
    with PLANS_CSV.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


PLANS = _plans()
FACILITIES: dict[str, str] = {}  # facility_id -> first name seen
for _row in PLANS:
    FACILITIES.setdefault(_row["facility_id"], _row["facility_name"])


NAMES = [
    # corporate form and corporation name dropped, at a space or glued (up to 会)
    ("医療法人健佑会 いちはら病院", "Ichihara Hospital"),
    ("医療法人双樹会桂西口整形外科クリニック", "Katsura Nishiguchi Orthopaedic Clinic"),
    ("医療法人いちまる整形外科クリニック", "Ichimaru Orthopaedic Clinic"),
    ("医療法人社団 宏志会 豊岡第一病院", "Toyooka Daiichi Hospital"),
    ("医療法人 鎌野病院", "Kamano Hospital"),
    ("医療法人本庄福島病院 本庄総合病院", "Honjou General Hospital"),
    ("社会医療法人栗山会飯田病院", "Iida Hospital"),
    ("社会医療法人 ONE FLAG おおさかグローバル整形外科病院", "Oosaka Global Orthopaedic Hospital"),
    (
        "医療法人再生会そばじまクリニック ニューオータニ大阪院",
        "Sobajima Clinic New Otani Osaka Branch",
    ),
    ("社会福祉法人 恩賜財団済生会奈良病院", "Saiseikai Nara Hospital"),
    ("社会福祉法人聖隷福祉事業団 総合病院 聖隷浜松病院", "Seirei Hamamatsu Hospital"),
    ("独立行政法人国立病院機構東京医療センター", "Tokyo Medical Center"),
    ("山口県厚生農業協同組合連合会 小郡第一総合病院", "Ogoori Daiichi General Hospital"),
    ("医療法人社団大室整形外科 脊椎・関節クリニック", "Oomuro Orthopaedics Spine & Joint Clinic"),
    ("一般社団法人 The cell clinic", "The cell clinic"),
    # Latin letters, full-width letters and ampersands
    ("医療法人LIGHT Kobe OCEANS Clinic", "Kobe OCEANS Clinic"),
    (
        "医療法人社団S＆J しばはら整形外科スポーツ関節クリニック",
        "Shibahara Orthopaedic Sports Joint Clinic",
    ),
    ("すずらん整形＆ラボ", "Suzuran Orthopaedics & Lab"),
    (
        "ＴＯＢＵ整形外科スポーツ＆リハビリクリニック",
        "TOBU Orthopaedic Sports & Rehabilitation Clinic",
    ),
    ("医療法人ＳｍａｒｔＣｌｉｎｉｃ 小牧スマートクリニック", "Komaki Smart Clinic"),
    ("医療法人社団BODHI Dr.KAKUKOスポーツクリニック", "Dr.KAKUKO Sports Clinic"),
    ("SBC整形外科クリニック西新宿本院", "SBC Orthopaedic Clinic Nishishinjuku Main Branch"),
    ("Ｍクリニック", "M Clinic"),
    # institution and specialty words, in English order
    ("医療法人社団高遼会 整形外科たかひろクリニック", "Takahiro Orthopaedic Clinic"),
    ("医療法人 凉庵会 整形外科 吉田クリニック", "Yoshida Orthopaedic Clinic"),
    ("医療法人社団オルソプラス むらた整形外科", "Murata Orthopaedics"),
    ("百武整形外科・スポーツクリニック", "Hyakutake Orthopaedics & Sports Clinic"),
    ("水谷整形外科・内科クリニック", "Mizutani Orthopaedics & Internal Medicine Clinic"),
    ("たけうち整形外科リウマチ科", "Takeuchi Orthopaedics & Rheumatology"),
    ("医療法人社団イートス会 洗足整形・形成外科", "Sensoku Orthopaedics & Plastic Surgery"),
    ("ゆみ美容皮膚科クリニック", "Yumi Cosmetic Dermatology Clinic"),
    ("兵庫県立リハビリテーション中央病院", "Hyogo Prefectural Rehabilitation Central Hospital"),
    ("岐阜大学医学部附属病院", "Gifu University Hospital"),
    ("順天堂大学医学部附属 静岡病院", "Juntendo University School of Medicine Shizuoka Hospital"),
    ("学校法人獨協学園 獨協医科大学病院", "Dokkyo Medical University Hospital"),
    ("医療法人財団明理会 東戸塚記念病院", "Higashitotsuka Memorial Hospital"),
    ("市立岸和田市民病院", "Municipal Kishiwada City Hospital"),
    ("社会医療法人 大阪国際メディカル＆サイエンスセンター 大阪警察病院", "Osaka Police Hospital"),
    (
        "医療法人 前川整形外科医院 前川整形外科スポーツクリニック",
        "Maekawa Orthopaedic Sports Clinic",
    ),
    # katakana: glossary words in English, the rest in romaji
    ("医療法人直佳会 森ロコモクリニック", "Mori Rokomo Clinic"),
    ("医療法人美喜有会 リペアセルクリニック 東京院", "Repair Cell Clinic Tokyo Branch"),
    ("フェリシティークリニック名古屋", "Ferishiteii Clinic Nagoya"),
    ("医療法人錦秀会 インフュージョン（点滴）クリニック", "Infuyuujon (IV Drip) Clinic"),
]


@pytest.mark.parametrize(("name_ja", "english"), NAMES)
def test_english_facility_name(name_ja: str, english: str) -> None:
    assert english_facility_name(name_ja) == english


def test_the_name_table_holds_real_names() -> None:
    real = {row["facility_name"] for row in PLANS}
    assert len(NAMES) >= 25
    for name_ja, _ in NAMES:
        assert name_ja in real, name_ja


def test_name_variants_of_one_facility_give_one_english_name() -> None:
    variants: dict[str, set[str]] = {}
    for row in PLANS:
        variants.setdefault(row["facility_id"], set()).add(row["facility_name"])
    for facility_id in ("F0117", "F0404", "F0450", "F0547", "F0557", "F0368"):
        englishes = {english_facility_name(name) for name in variants[facility_id]}
        assert len(englishes) == 1, (facility_id, englishes)


def test_every_facility_of_the_extract_gets_a_readable_ascii_name() -> None:
    for name in {row["facility_name"] for row in PLANS}:
        english = english_facility_name(name)
        assert english and english.isascii(), name
        assert english == english.strip() and "  " not in english, name
        assert "Iryouhou" not in english and "Houjin" not in english, name


@pytest.mark.parametrize(
    ("text", "romaji"),
    [
        ("すずらん整形＆ラボ", "Suzuran Seikei & Rabo"),
        ("いちはら病院", "Ichihara Byouin"),
        ("東京", "Toukyou"),  # pykakasi's Hepburn keeps long vowels as written in kana
        ("ＴＯＢＵ整形外科", "TOBU Seikeigeka"),
        ("Re:Born Clinic 本院", "Re:Born Clinic Hon'in"),
        ("脊椎・関節", "Sekitsui Kansetsu"),
        ("", ""),
    ],
)
def test_romanise(text: str, romaji: str) -> None:
    assert romanise(text) == romaji


def test_all_47_prefectures() -> None:
    assert len(PREFECTURES) == 47
    assert PREFECTURES["東京都"] == "Tokyo"
    assert PREFECTURES["北海道"] == "Hokkaido"
    assert PREFECTURES["大阪府"] == "Osaka"
    assert PREFECTURES["福井県"] == "Fukui"
    assert all(re.fullmatch(r"[A-Z][a-z]+", en) for en in PREFECTURES.values())
    assert len(set(PREFECTURES.values())) == 47


def test_every_prefecture_and_region_of_the_extract_has_an_english_name() -> None:
    for row in PLANS:
        assert prefecture_en(row["prefecture"]) in PREFECTURES.values(), row["prefecture"]
        assert region_en(row["region"]) in REGIONS.values(), row["region"]
    assert region_en("中国四国") == region_en("中国・四国") == "Chugoku-Shikoku"
    assert region_en("九州沖縄") == region_en("九州・沖縄") == "Kyushu-Okinawa"
    assert region_en("関東") == "Kanto"
    assert region_en("近畿地方") == "Kinki"


def test_unknown_places_fall_back_to_romaji() -> None:
    assert prefecture_en("東京") == "Tokyo"
    assert prefecture_en("ＸＹ県") == "XY Ken"
    assert region_en("山陰") == "San'in"
    assert prefecture_en("") == region_en("") == ""


def test_slugs_are_ascii_unique_per_facility_and_stable() -> None:
    slugs = {fid: slug_for(name, fid) for fid, name in FACILITIES.items()}
    assert len(set(slugs.values())) == len(slugs) == 475
    for fid, slug in slugs.items():
        assert slug.isascii() and re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug), slug
        assert slug.endswith("-" + fid.lower()) and len(slug) <= 120
        assert slug_for(FACILITIES[fid], fid) == slug
    assert slugs["F0398"] == "ichihara-hospital-f0398"
    assert slugs["F0397"] == "suzuran-orthopaedics-lab-f0397"


def test_slug_for_is_never_empty_and_never_too_long() -> None:
    assert slug_for("", "F1") == "facility-f1"
    assert slug_for("・・・", "F2") == "facility-f2"
    long_slug = slug_for("いちはら" * 80 + "病院", "F0398")
    assert len(long_slug) <= 120 and long_slug.endswith("-f0398")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_the_helpers_never_raise(text: str) -> None:
    assert isinstance(romanise(text), str)
    english = english_facility_name(text)
    assert english.isascii()
    assert isinstance(prefecture_en(text), str) and isinstance(region_en(text), str)
    slug = slug_for(text, "F0001")
    assert slug.isascii() and slug.endswith("-f0001") and len(slug) <= 120
