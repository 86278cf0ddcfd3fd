# (The tables quote registry text verbatim, full-width punctuation included.)
"""saisei.registry.classify on prices: real excerpts from the bundled registry."""

import collections

import pytest

from saisei.registry.classify import (
    classify_price,
)
from saisei.registry.models import PricePoint
from tests.registry.importdata import extract_rows

K = PricePoint.Kind

PRICES = extract_rows("prices.csv")
# the whole excerpt of the prices.csv row that holds this passage.
PRICE_TABLE = [
    (
        "P00090",
        5000,
        "る実費等はご負担いただきます。 :採血後のキャンセル料 5,000 円 加工後のキ",
        K.CANCELLATION,
        "post-draw cancellation fee",
    ),
    (
        "P00090",
        35000,
        "担いただきます。 :採血後のキャンセル料 5,000 円 加工後のキャンセル料 35,000 円) もしこの",
        K.CANCELLATION,
        "post-processing cancellation fee",
    ),
    (
        "P00084",
        60000,
        "分です。 血液検査: \\ 10,000円(税込) (脊椎)PRP1回・1部位: \\ 60,000円(税込) (",
        K.TREATMENT,
        "treatment after a blood-test fee",
    ),
    (
        "P00266",
        6000,
        "ご負担いただきます。 【採血後のキャンセル料】 TriCeLL PRP キット:6,000 円 京セラコン",
        K.CANCELLATION,
        "header 【採血後のキャンセル料】",
    ),
    (
        "P00266",
        5000,
        "料】 TriCeLL PRP キット:6,000 円 京セラコンデンシアキット:5,000 円 【加工後の",
        K.CANCELLATION,
        "unlabelled second item of a cancellation list",
    ),
    (
        "P00266",
        88000,
        "ります。 血液分離専用容器キットによる施術料: TriCeLL PRP キット:88,000 円(税込) 京",
        K.TREATMENT,
        "treatment price of the same document",
    ),
    (
        "P00336",
        120000,
        "ブルシリンジの場合:30,000 円 :ACP MAX PRP システムの場合:120,000 円 もしこの治",
        K.CANCELLATION,
        "second kit in a cancellation list",
    ),
    (
        "P00336",
        55000,
        "離専用容器キットによる施術料(1 回あたり): ・ACP ダブルシリンジの場合:55,000 円(税込) ・",
        K.TREATMENT,
        "treatment price of the same document",
    ),
    (
        "P00114",
        2000,
        "費用 180,000 円(税抜) 290,000 円(税抜) 保険適用:2000 円前 後/回",
        K.INSURED_REFERENCE,
        "insured reference price",
    ),
    (
        "P00114",
        180000,
        "ない。 費用 180,000 円(税抜) 2",
        K.TREATMENT,
        "treatment next to the insured price",
    ),
    (
        "P00173",
        3000,
        "100万円~150万円 (施設により異なる) 2000円~3000円 (保険負担",
        K.INSURED_REFERENCE,
        "(保険負担金) after the amount",
    ),
    (
        "P00294",
        10000,
        "費用(税別) 診察料(血液検査も含む) 10,000 円 血液検査料",
        K.CONSULTATION,
        "診察料 in the same excerpt as a treatment price",
    ),
    (
        "P00294",
        100000,
        "5,000,000 円 細胞保管費用(2 年目以降) (年間)100,000 円 *医師によ",
        K.STORAGE,
        "細胞保管費用",
    ),
    (
        "P00294",
        5000000,
        "50,000 円 自家培養脂肪由来幹細胞投与 1 回* 5,000,000 円 細胞保管費",
        K.TREATMENT,
        "treatment next to a storage fee",
    ),
    (
        "P00263",
        44000,
        "を行う場合は、1 年間延 長するごとに保管費用として別途44,000 円(税込)ご負",
        K.STORAGE,
        "保管費用 for a one-year extension",
    ),
    (
        "P00258",
        11000,
        "9 治療料金表 (税込) 1.外来初診料 [11,000 円] 問診(痛",
        K.CONSULTATION,
        "外来初診料",
    ),
    (
        "P00258",
        29700,
        "処置費用(装置の使用料を含む) エコー下による投与 29,700 円 CT 下に",
        K.TREATMENT,
        "injection under ultrasound",
    ),
    (
        "P00636",
        10000,
        "0,000 円 80ml 8ml 150,000 円 ※初診時には、初診料として10,000 円がかかります",
        K.CONSULTATION,
        "初診料 in a price table",
    ),
    (
        "P00636",
        60000,
        "用、投与の総額となります。 採血量 PRP 投与量 治療費用 20ml 2ml 60,000 円 40ml",
        K.TREATMENT,
        "treatment in the same table",
    ),
    (
        "P00829",
        27500,
        "000 円 ・PRP 療法 治療費(1 回)55,000 円 → キャンセル料 27,500 円 ※患者様の",
        K.CANCELLATION,
        "→ キャンセル料",
    ),
    (
        "P00829",
        55000,
        "くい APS の前段階であり単独の 効果に関するデータが少ない 3 PRP 法 55,000 円/回 状態に",
        K.TREATMENT,
        "treatment before the arrow",
    ),
    (
        "P00236",
        35000,
        "了承くだ さい。 (製造委託) 【キャンセル料】 採血後:1 治療(2 回投与)35,000 円(税込) 加",
        K.CANCELLATION,
        "(2 回投与) inside a cancellation label",
    ),
    (
        "P00349",
        38000,
        "担いただきます。 : 採血後のキャンセル料 5.OOO円 加工後のキャンセル料 38,000 円) もしこの",
        K.CANCELLATION,
        "OCR 5.OOO円 before it",
    ),
    (
        "P00088",
        1000000,
        "円 10 万円 10 万円 10 万円 細胞加工開始後~細胞投与前 90 万円 100 万円 120 万",
        K.CANCELLATION,
        "man-yen table of cancellation fees",
    ),
    (
        "P00382",
        200000,
        "ても治療を中止することはできますが、こ の場合、実費のご負担(APS/GPS: 20万円、PRP:",
        K.CANCELLATION,
        "中止 ... 20万円",
    ),
    (
        "P00837",
        3000,
        "【診察料+血液検査】 診察料 : 3,000 円(診察のみの",
        K.CONSULTATION,
        "診察料 : 3,000 円",
    ),
    (
        "P00837",
        1200000,
        "0 円(注:3,000 円の初診料も込みの金額です) 【施術料】 1 部位 : 1,200,000 円(税別) 2",
        K.TREATMENT,
        "施術料 after consultation fees",
    ),
    (
        "P00568",
        165000,
        "険の対象ではありませんので、当院所定の施術料と して片膝165,000 円(税込)をお",
        K.TREATMENT,
        "treatment price",
    ),
    (
        "P00482",
        5000,
        "、キャンセル費用を頂きます。 ■PRP 初回投与時※ :5,000 円(初診料とし",
        K.CONSULTATION,
        "(初診料として) after the amount",
    ),
    (
        "P00487",
        31900,
        "とりやめた場合 ◯予約取得日から施術の1 週間前まで: 31,900 円(税込) ◯",
        K.CANCELLATION,
        "dated cancellation table",
    ),
    (
        "P00216",
        120000,
        "税抜価格) APS・・・26 万円(別途特別診察料 5 千円) GPSIII・・12 万円(別途特別診",
        K.TREATMENT,
        "note in brackets after another price",
    ),
    (
        "P00741",
        11000,
        "いません。 ・採血後から投与までに治療をとりやめた場合、11,000 円(税込)をお",
        K.CANCELLATION,
        "とりやめた場合",
    ),
    (
        "P00552",
        10000,
        "時点でキット代が費用が発生しているた め、発生した費用(10,000円(税込))に",
        K.CANCELLATION,
        "同意を撤回 ... 発生した費用",
    ),
    (
        "P00415",
        11000,
        "5,500,000 円 細胞保管費用6 億cells(1 か月あたり) 11,000 円 *cell",
        K.STORAGE,
        "monthly storage",
    ),
    (
        "P00206",
        5000,
        "ます。 PRP 療法の費用(消費税込み) 1回(採血が15ml の場合) 3 万5000 円 1 回",
        K.TREATMENT,
        "extractor read 3 万5000 円 as 5000; no such amount",
    ),
    (
        "P00088",
        1000000,
        "1 約3,000 万個×1 回分 90 万円 2 約5,000 万個×1 回分 100 万円 3 約1",
        K.TREATMENT,
        "same amount as a treatment price in another excerpt",
    ),
]


def _price_row(plan_id: str, amount: int, passage: str) -> dict[str, str]:
    for row in PRICES:
        if (
            row["plan_id"] == plan_id
            and int(row["amount_jpy"]) == amount
            and passage in row["excerpt"]
        ):
            return row
    raise AssertionError(f"no row {plan_id} {amount} with {passage!r}")


@pytest.mark.parametrize(("plan_id", "amount", "passage", "kind", "why"), PRICE_TABLE)
def test_classify_price_on_real_excerpts(
    plan_id: str, amount: int, passage: str, kind: str, why: str
) -> None:
    row = _price_row(plan_id, amount, passage)
    assert classify_price(row["unit"], row["excerpt"], amount) == kind, why


@pytest.mark.parametrize(
    ("excerpt", "amount", "kind"),
    [
        ("施術料 60,000円(税込)", 60000, K.TREATMENT),
        ("施術料 ¥60,000", 60000, K.TREATMENT),
        ("施術料 ６０，０００円", 60000, K.TREATMENT),
        ("施術料 60000円", 60000, K.TREATMENT),
        ("施術料 6万円", 60000, K.TREATMENT),
        ("初診料 ３，３００円 施術料 ６０，０００円", 3300, K.CONSULTATION),
        ("採血後のキャンセル料 5.OOO円 加工後のキャンセル料 30,000 円", 5000, K.CANCELLATION),
        ("実費のご負担(APS/GPS: 20万円、PRP: 2万5千円)が発生いたします。", 25000, K.TREATMENT),
        ("治療を中止することはできますが、実費のご負担(PRP: 2万5千円)", 25000, K.CANCELLATION),
        ("保険適用:2,000 円前後/回", 2000, K.INSURED_REFERENCE),
        ("この治療は保険診療ではありません。費用 300,000 円", 300000, K.TREATMENT),
        ("細胞保管料(1 年毎更新) 110,000 円", 110000, K.STORAGE),
        ("", 50000, K.TREATMENT),
        ("金額の記載なし", 50000, K.TREATMENT),
    ],
)
def test_classify_price_reads_the_label_next_to_the_amount(
    excerpt: str, amount: int, kind: str
) -> None:
    assert classify_price("", excerpt, amount) == kind


def test_the_price_table_is_large_enough_and_mixes_kinds_within_one_excerpt() -> None:
    assert len(PRICE_TABLE) >= 15
    assert {row[3] for row in PRICE_TABLE} == set(K)
    by_plan = collections.defaultdict(set)
    for plan_id, _, _, kind, _ in PRICE_TABLE:
        by_plan[plan_id].add(kind)
    assert {K.TREATMENT, K.CANCELLATION} <= by_plan["P00266"]
    assert {K.TREATMENT, K.CONSULTATION} <= by_plan["P00636"]


def test_every_price_of_the_extract_is_classified_and_treatment_is_the_usual_kind() -> None:
    counts = collections.Counter(
        classify_price(r["unit"], r["excerpt"], int(r["amount_jpy"])) for r in PRICES
    )
    assert sum(counts.values()) == len(PRICES)
    assert set(counts) <= set(K)
    assert counts[K.TREATMENT] > 0.75 * len(PRICES)
    assert counts[K.CANCELLATION] > 100
    assert 0 < counts[K.INSURED_REFERENCE] < 30
