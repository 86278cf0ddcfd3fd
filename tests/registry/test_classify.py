# (The tables quote registry text verbatim, full-width punctuation included.)
"""Tests for saisei.registry.classify, on real titles and excerpts from the bundled registry."""

import collections
import csv
from pathlib import Path

import pytest
from django.utils import translation

from saisei.registry.classify import (
    Classification,
    classify_plan,
    classify_price,
    english_treatment_name,
)
from saisei.registry.models import Modality, PricePoint

DATA = Path(__file__).resolve().parents[2] / "data" / "registry"
M = Modality
K = PricePoint.Kind


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


PLANS = _rows("plans.csv")
PRICES = _rows("prices.csv")

# (title as in plans.csv, source_category, modality, cultured, intra_articular, targets_joint)
PLAN_TABLE = [
    # PRP, into the joint, beside it, or elsewhere
    (
        "自家多血小板血漿（PRP）を用いた慢性関節炎の治療（関節内組織）",
        "PRP",
        M.PRP,
        False,
        True,
        True,
    ),
    ("変形性関節症に対する多血小板血漿（PRP）関節内投与療法", "PRP", M.PRP, False, True, True),
    (
        "変形性関節症および関節腔の傷害を対象とした自家多血小板血漿（PRP）注入療法",
        "PRP",
        M.PRP,
        False,
        True,
        True,
    ),
    ("PRP膝関節内注射", "PRP", M.PRP, False, True, True),
    ("PRP股関節内注射", "PRP", M.PRP, False, True, True),
    ("関節腔への自己多血小板血漿（PRP）を用いた変形性関節症治療", "PRP", M.PRP, False, True, True),
    ("多血小板血漿（PRP）を用いた変形性関節症治療", "PRP", M.PRP, False, None, True),
    ("自家多血小板血漿（PRP）を用いた関節機能改善治療", "PRP", M.PRP, False, None, True),
    ("多血小板血漿を用いた膝前十字靭帯再建手術", "PRP/ACL再建", M.PRP, False, None, True),
    (
        "多血小板血漿を用いた整形外科領域（関節腔内への投与を除く）の治療",
        "PRP",
        M.PRP,
        False,
        False,
        False,
    ),
    (
        "自家多血小板血漿（PRP）を用いた関節機能治療（関節腔外に限る）",
        "PRP",
        M.PRP,
        False,
        False,
        True,
    ),
    (
        "自家多血小板血漿（PRP）を用いた筋肉、腱、靭帯、筋膜の損傷及び慢性炎症の治療（関節外の軟部組織）",
        "PRP",
        M.PRP,
        False,
        False,
        False,
    ),
    (
        "四肢の筋・腱・靱帯及びその付着部の傷害を対象とした自家多血小板血漿（PRP）注入療法",
        "PRP",
        M.PRP,
        False,
        False,
        False,
    ),
    (
        "整形外科領域におけるPRPを用いた関節外靭帯損傷、腱付着部炎および筋断裂の修復",
        "PRP",
        M.PRP,
        False,
        False,
        False,
    ),
    (
        "多血小板血漿（PRP）を用いた整形外科疾患に対する治療（血流のある部位）",
        "PRP",
        M.PRP,
        False,
        False,
        False,
    ),
    ("整形外科領域におけるPRP治療（血流部位への投与）", "PRP", M.PRP, False, False, False),
    ("自家多血小板血漿（PRP）を用いた脊椎由来疼痛の治療", "PRP", M.PRP, False, False, False),
    ("変形性腰椎症に対する自己多血小板血漿（PRP）治療", "PRP", M.PRP, False, False, False),
    ("自己多血小板血漿（PRP）による腱板病変の治療", "PRP", M.PRP, False, False, False),
    ("難治性スポーツ障害等におけるPRPを用いた再生医療", "PRP", M.PRP, False, None, False),
    # APS, PRGF and the PRP/APS extract: other blood products
    ("多血小板血漿抽出液による関節症治療", "PRP/APS", M.BLOOD_OTHER, False, None, True),
    (
        "多血小板血漿抽出液（Autologous Protein Solution）による関節治療",
        "APS",
        M.BLOOD_OTHER,
        False,
        None,
        True,
    ),
    (
        "PRP由来自己タンパク溶液（APS）の投与による軟骨損傷および変形性関節症治療",
        "APS",
        M.BLOOD_OTHER,
        False,
        None,
        True,
    ),
    (
        "自己多血小板血漿由来の自己蛋白溶液（APS）を用いた変形性関節症治療",
        "APS",
        M.BLOOD_OTHER,
        False,
        None,
        True,
    ),
    (
        "多増殖因子血漿（PRGF）を用いた変形性関節症・関節炎治療",
        "PRGF",
        M.BLOOD_OTHER,
        False,
        None,
        True,
    ),
    # adipose-derived MSC/ASC
    (
        "自家脂肪組織由来の培養間葉系幹細胞を用いた関節疾患の治療",
        "脂肪由来MSC",
        M.ADIPOSE_MSC,
        True,
        None,
        True,
    ),
    (
        "変形性関節症に対する自己脂肪組織由来培養間葉系幹細胞の関節内投与療法",
        "脂肪由来MSC",
        M.ADIPOSE_MSC,
        True,
        True,
        True,
    ),
    (
        "自家培養脂肪由来幹細胞を用いた整形外科疾患に対する関節内治療",
        "脂肪由来幹細胞",
        M.ADIPOSE_MSC,
        True,
        True,
        True,
    ),
    (
        "自己脂肪由来幹細胞を用いた変形性関節症の治療",
        "脂肪由来幹細胞",
        M.ADIPOSE_MSC,
        None,
        None,
        True,
    ),
    (
        "自家脂肪組織由来幹細胞（ASC）の投与による関節治療",
        "脂肪由来ASC",
        M.ADIPOSE_MSC,
        None,
        None,
        True,
    ),
    (
        "変形性関節症に対する自家脂肪組織由来幹細胞（ASC）の関節内注入療法",
        "脂肪由来ASC",
        M.ADIPOSE_MSC,
        None,
        True,
        True,
    ),
    (
        "自家脂肪組織由来の培養間葉系間質細胞とPRPを用いた関節疾患の治療",
        "脂肪由来MSC+PRP",
        M.ADIPOSE_MSC,
        True,
        None,
        True,
    ),
    (
        "変形性関節症に対する自己脂肪・滑膜由来培養間葉系幹細胞の関節内投与療法",
        "脂肪/滑膜由来MSC",
        M.ADIPOSE_MSC,
        True,
        True,
        True,
    ),
    (
        "自己脂肪由来幹細胞と自己培養上清液を用いた変形性関節症の治療",
        "脂肪由来幹細胞",
        M.ADIPOSE_MSC,
        None,
        None,
        True,
    ),
    (
        "自家脂肪組織由来幹細胞（ASC）の静脈内投与による慢性筋骨格系疼痛治療",
        "脂肪由来ASC",
        M.ADIPOSE_MSC,
        None,
        False,
        False,
    ),
    (
        "慢性筋骨格系疼痛の緩和を目的とした自己脂肪由来間葉系幹細胞治療（動脈投与）",
        "脂肪由来MSC",
        M.ADIPOSE_MSC,
        None,
        False,
        False,
    ),
    (
        "慢性筋骨格系疼痛の緩和を目的とした自己脂肪由来間葉系幹細胞治療（局所投与）",
        "脂肪由来MSC",
        M.ADIPOSE_MSC,
        None,
        None,
        False,
    ),
    (
        "変形性関節症・腰痛症・末梢神経障害などの疼痛に対する自己脂肪由来間葉系幹細胞の静脈注射治療",
        "脂肪由来MSC",
        M.ADIPOSE_MSC,
        None,
        False,
        True,
    ),
    (
        "自家脂肪組織由来の培養間葉系幹細胞を用いた椎間関節症の治療",
        "脂肪由来MSC",
        M.ADIPOSE_MSC,
        True,
        False,
        False,
    ),
    (
        "自家脂肪由来間葉系幹細胞を用いた肩（回旋筋）腱板損傷の治療",
        "脂肪由来MSC",
        M.ADIPOSE_MSC,
        None,
        False,
        False,
    ),
    (
        "自己脂肪由来間葉系幹細胞を用いた靭帯・腱損傷治療",
        "脂肪由来MSC",
        M.ADIPOSE_MSC,
        None,
        False,
        False,
    ),
    (
        "自己皮下脂肪組織由来幹細胞（ADSCs）を用いた変形性関節症に対する細胞移植治療（ただし、脊柱は除く）",
        "脂肪由来MSC",
        M.ADIPOSE_MSC,
        None,
        None,
        True,
    ),
    # same-day fat products: SVF, ADRC, fat-derived cell groups, micro-fragmented fat
    ("脂肪由来SVF（非培養）による変形性関節症の治療", "SVF", M.SVF, False, None, True),
    (
        "間質血管分画細胞群（SVF）を用いた運動器疾患（筋・腱・靭帯・関節）に対する細胞移植治療",
        "SVF",
        M.SVF,
        False,
        None,
        True,
    ),
    ("脂肪組織由来再生幹細胞（ADRCs）を用いた変形性膝関節症治療", "ADRC", M.SVF, False, None, True),
    (
        "脂肪組織由来再生（幹）細胞を用いた変形性関節症に対する治療",
        "脂肪由来幹細胞",
        M.SVF,
        False,
        None,
        True,
    ),
    (
        "変形性関節症に対する自家脂肪組織由来細胞群による疼痛緩和治療（ただし、手指及び脊柱を除く）",
        "脂肪由来細胞群",
        M.SVF,
        False,
        None,
        True,
    ),
    (
        "自家脂肪組織由来微小細断脂肪組織片（MFAT）を用いた変形性膝関節症に対する治療",
        "MFAT",
        M.SVF,
        False,
        None,
        True,
    ),
    # bone marrow, synovium, cultured cartilage
    (
        "変形性膝関節症に対する自己骨髄由来間葉系幹細胞を含む骨髄濃縮液（BMAC）の関節内投与療法",
        "BMAC",
        M.BONE_MARROW_MSC,
        False,
        True,
        True,
    ),
    (
        "自家濃縮骨髄液を用いた難治性の骨髄異常陰影の治療",
        "骨髄濃縮液",
        M.BONE_MARROW_MSC,
        False,
        None,
        False,
    ),
    ("自家滑膜幹細胞注射による変形性膝関節症治療", "滑膜幹細胞", M.SYNOVIAL_MSC, None, None, True),
    ("関節の軟骨全層欠損部位への自家培養軟骨移植術", "培養軟骨", M.OTHER, True, True, True),
]


@pytest.mark.parametrize(
    ("title", "category", "modality", "cultured", "intra_articular", "targets_joint"), PLAN_TABLE
)
def test_classify_plan_on_real_titles(
    title: str,
    category: str,
    modality: str,
    cultured: bool | None,
    intra_articular: bool | None,
    targets_joint: bool,
) -> None:
    assert classify_plan(title, category) == Classification(
        modality, cultured, intra_articular, targets_joint
    )


def test_the_plan_table_holds_real_titles_and_covers_every_modality_in_the_data() -> None:
    titles = {(r["treatment_title"], r["source_category"]) for r in PLANS}
    assert len(PLAN_TABLE) >= 40
    for title, category, *_ in PLAN_TABLE:
        assert (title, category) in titles, title
    found = {row[2] for row in PLAN_TABLE}
    assert found == set(Modality) - {M.UMBILICAL_CORD_MSC}  # no cord-blood plan in the extract


def test_umbilical_cord_cells_which_the_extract_does_not_hold() -> None:
    c = classify_plan("他家臍帯由来培養間葉系幹細胞の関節内投与による変形性膝関節症治療")
    assert c == Classification(M.UMBILICAL_CORD_MSC, True, True, True)


def test_the_title_wins_over_the_category_and_the_category_is_a_fallback() -> None:
    assert classify_plan("多血小板血漿（PRP）による関節治療", "脂肪由来MSC").modality == M.PRP
    assert (
        classify_plan("幹細胞を用いた変形性関節症の治療", "脂肪由来幹細胞").modality
        == M.ADIPOSE_MSC
    )
    assert classify_plan("再生医療", "").modality == M.OTHER
    assert classify_plan("", "") == Classification(M.OTHER, None, None, False)


def test_full_width_letters_are_read_like_ascii() -> None:
    assert classify_plan("ＰＲＰ膝関節内注射").modality == M.PRP
    assert classify_plan("自家脂肪由来ＳＶＦによる治療").modality == M.SVF


def test_every_plan_of_the_extract_is_classified_plausibly() -> None:
    counts: collections.Counter[str] = collections.Counter()
    for row in PLANS:
        c = classify_plan(row["treatment_title"], row["source_category"])
        counts[c.modality] += 1
        category, title = row["source_category"], row["treatment_title"]
        if category.startswith("脂肪由来") and category != "脂肪由来細胞群":
            # adipose unless the title names a same-day fat product (ADRC: 再生(幹)細胞)
            same_day = "再生" in title or "SVF" in title
            assert c.modality == (M.SVF if same_day else M.ADIPOSE_MSC), title
        if category == "PRP":
            assert c.modality == M.PRP, title
        if c.modality in (M.PRP, M.BLOOD_OTHER, M.SVF):
            assert c.cultured is False, title
        if c.intra_articular:
            assert c.targets_joint, title
    total = sum(counts.values())
    assert total == len(PLANS) == 656
    assert counts[M.PRP] > total / 2
    assert counts[M.ADIPOSE_MSC] > counts[M.SVF] > 0
    assert counts[M.BLOOD_OTHER] >= 27  # 22 PRP/APS + 4 APS + 1 PRGF
    assert counts[M.SYNOVIAL_MSC] == 6
    assert counts[M.BONE_MARROW_MSC] == 2
    assert counts[M.OTHER] == 1


@pytest.mark.parametrize(
    ("c", "english"),
    [
        (
            Classification(M.ADIPOSE_MSC, True, True, True),
            "Adipose-derived stem cells, culture-expanded, injected into the joint",
        ),
        (
            Classification(M.PRP, False, False, False),
            "Platelet-rich plasma (PRP) from your own blood, not injected into a joint",
        ),
        (
            Classification(M.SVF, False, None, True),
            "Fat-derived cells (SVF) prepared on the day, not culture-expanded, "
            "for joint conditions",
        ),
        (
            Classification(M.BONE_MARROW_MSC, False, True, True),
            "Bone-marrow concentrate, not culture-expanded, injected into the joint",
        ),
        (Classification(M.SYNOVIAL_MSC, None, None, False), "Synovial stem cells"),
        (
            Classification(M.OTHER, True, True, True),
            "Other regenerative treatment with culture-expanded cells, implanted in the joint",
        ),
    ],
)
def test_english_treatment_name(c: Classification, english: str) -> None:
    with translation.override("en"):
        assert english_treatment_name(c) == english


def test_every_classification_has_an_english_name_that_never_calls_prp_a_stem_cell() -> None:
    with translation.override("en"):
        for modality in Modality:
            for cultured in (True, False, None):
                for intra in (True, False, None):
                    for joint in (True, False):
                        name = english_treatment_name(
                            Classification(modality, cultured, intra, joint)
                        )
                        assert name and "%(" not in name
                        if modality in (M.PRP, M.BLOOD_OTHER):
                            assert "stem cell" not in name.lower()


# (plan_id, amount_jpy, a real passage of the excerpt, expected kind, why). The test classifies
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
