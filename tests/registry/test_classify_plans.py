# (The tables quote registry text verbatim, full-width punctuation included.)
"""saisei.registry.classify on plans: real titles from the bundled registry, and their English
names."""

import collections

import pytest
from django.utils import translation

from saisei.registry.classify import (
    Classification,
    classify_plan,
    english_treatment_name,
)
from saisei.registry.models import Modality
from tests.registry.importdata import extract_rows

M = Modality

PLANS = extract_rows("plans.csv")
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
