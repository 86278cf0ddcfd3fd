"""Classify registry plans and the prices found in their documents. Pure Python, no database.

Decisions (see also the tests, which pin them on real titles from the registry extract):

- The plan title is the evidence; ``source_category`` (the extractor's rough hint) is read only
  when the title names no cell or blood source at all.
- SVF covers every same-day, non-cultured fat product: SVF, ADRC (脂肪組織由来再生(幹)細胞),
  脂肪組織由来細胞群 and micro-fragmented fat (MFAT, 微小細断脂肪組織片). A patient meets all of
  them as "fat taken and processed on the day, not grown in a lab".
- Bone-marrow concentrate (BMAC, 濃縮骨髄液) is a bone-marrow modality, not cultured.
- A title naming two cell sources (自己脂肪・滑膜由来) is classified by the first, adipose.
- 多血小板血漿抽出液 is the registry's name for the APS kit (the APS plan spells it out as
  "多血小板血漿抽出液(Autologous Protein Solution)"), so it is blood_other, like APS, PRGF and
  growth-factor concentrates. Plain PRP stays PRP.
- ``cultured`` is True when the title says 培養 (cells grown in a lab; a culture *supernatant*,
  培養上清, does not count), False when it says 非培養 or the product is same-day by nature
  (SVF family, bone-marrow concentrate, and every blood product: PRP, APS, PRGF... are never
  culture-expanded), None otherwise.
- ``intra_articular`` is True when the title says so (関節内, 関節腔, 関節への...), False when it
  excludes the joint (関節外, 関節腔内への投与を除く, 血流のある部位), gives the cells through a
  vein or artery, or names only non-joint sites (tendon, ligament, muscle, spine...), else None.
- ``targets_joint`` looks for knee/joint words after removing the excluded phrases; a spinal
  facet joint (椎間関節) and a pseudarthrosis (偽関節) do not count as a joint.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext

from saisei.registry.models import Modality, PricePoint

__all__ = ["Classification", "classify_plan", "classify_price", "english_treatment_name"]


@dataclass(frozen=True)
class Classification:
    modality: str
    cultured: bool | None
    intra_articular: bool | None
    targets_joint: bool


def _norm(text: str) -> str:
    """NFKC (full-width letters, brackets and digits to ASCII) and upper-case Latin letters."""
    return unicodedata.normalize("NFKC", text or "").upper()


def _latin(*words: str) -> str:
    """Latin tokens that are not part of a longer Latin word (ASCS counts as ASC)."""
    return rf"(?<![A-Z])(?:{'|'.join(words)})S?(?![A-Z])"


# Order matters: the first modality whose pattern matches wins.
_MODALITY_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (Modality.OTHER, re.compile(r"培養軟骨|軟骨細胞")),
    (Modality.UMBILICAL_CORD_MSC, re.compile(r"臍帯|さい帯|UMBILICAL|" + _latin("UC-?MSC"))),
    (
        Modality.SVF,
        re.compile(
            r"SVF|ADRC|間質血管|再生\(?幹\)?細胞|脂肪(?:組織)?由来細胞群|MFAT|微小細断|"
            r"細断脂肪|脂肪組織片|LIPOGEMS|マイクロフラグメント"
        ),
    ),
    (
        Modality.ADIPOSE_MSC,
        re.compile(r"脂肪.{0,12}(?:幹細胞|間葉系|間質細胞|細胞)|" + _latin("ASC", "ADSC")),
    ),
    (Modality.SYNOVIAL_MSC, re.compile(r"滑膜")),
    (
        Modality.BONE_MARROW_MSC,
        re.compile(r"骨髄(?:由来|液|濃縮|幹細胞|間葉|間質|細胞)|濃縮骨髄|" + _latin("BMAC")),
    ),
    (
        Modality.BLOOD_OTHER,
        re.compile(
            _latin("APS", "PRGF", "PFC", "ACS")
            + r"|AUTOLOGOUS PROTEIN|タンパク|蛋白|増殖因子|成長因子|GROWTH FACTOR|由来因子|"
            r"サイトカイン|抽出液|凍結乾燥|フリーズドライ|自己血清|CONDITIONED SERUM"
        ),
    ),
    (Modality.PRP, re.compile(_latin("PRP") + r"|多血小板|血小板")),
)

_BLOOD = {Modality.PRP.value, Modality.BLOOD_OTHER.value}
_NOT_CULTURED = re.compile(r"非培養|未培養|培養しない|培養を行わない")
_CULTURED = re.compile(r"培養(?!上清)")
_SAME_DAY_MARROW = re.compile(r"濃縮|BMAC")
# Phrases that exclude the joint; removed before looking for joint words.
_JOINT_EXCLUDED = re.compile(
    r"関節腔?内?(?:への|に|の)?(?:投与|注入|注射)?を除[くき]|関節腔?外(?:の軟部組織)?(?:に限る)?"
)
_EXTRA_ARTICULAR = re.compile(r"血流(?:の?ある)?部位")
_PROVISO = re.compile(r"\(ただし[^)]*\)")  # (ただし、脊柱は除く): an exclusion of other sites
_NOT_A_JOINT = re.compile(r"椎間関節|偽関節")
_INTRA_ARTICULAR = re.compile(
    r"関節腔|関節内|関節への|関節に(?:対する)?(?:投与|注入|注射)|関節注射|関節の軟骨"
)
_SYSTEMIC = re.compile(r"静脈|点滴|動脈|経血管|全身投与")
_JOINT = re.compile(r"膝|ひざ|関節|軟骨|半月板")
_OTHER_SITES = re.compile(
    r"腱|靭帯|靱帯|筋(?!骨格)|脊椎|脊柱|椎間|腰椎|頸椎|頚椎|腰痛|軟部組織|手根管"
)


def _modality_of(text: str) -> str | None:
    for modality, pattern in _MODALITY_PATTERNS:
        if pattern.search(text):
            return str(modality)
    return None


def classify_plan(title_ja: str, source_category: str = "") -> Classification:
    """Modality, culture, route and joint target of a plan, from its Japanese title."""
    title = _norm(title_ja)
    modality = _modality_of(title) or _modality_of(_norm(source_category)) or Modality.OTHER.value

    cultured: bool | None = None
    if modality in _BLOOD or _NOT_CULTURED.search(title):
        cultured = False
    elif _CULTURED.search(title):
        cultured = True
    elif modality == Modality.SVF or (
        modality == Modality.BONE_MARROW_MSC and _SAME_DAY_MARROW.search(title)
    ):
        cultured = False

    excluded = bool(_JOINT_EXCLUDED.search(title) or _EXTRA_ARTICULAR.search(title))
    remaining = _PROVISO.sub(" ", _JOINT_EXCLUDED.sub(" ", title))
    joint_text = _NOT_A_JOINT.sub(" ", remaining)
    targets_joint = bool(_JOINT.search(joint_text))

    intra_articular: bool | None = None
    if _INTRA_ARTICULAR.search(remaining):
        intra_articular = True
    elif excluded or _SYSTEMIC.search(remaining):
        intra_articular = False  # the joint is excluded, or the cells go into a vessel
    elif not targets_joint and _OTHER_SITES.search(remaining):
        intra_articular = False  # only tendons, ligaments, muscles, spine...
    return Classification(modality, cultured, intra_articular, targets_joint)


def _treatment_phrase(c: Classification) -> str:
    m, cultured = c.modality, c.cultured
    if m == Modality.ADIPOSE_MSC:
        if cultured:
            return gettext("Adipose-derived stem cells, culture-expanded")
        if cultured is False:
            return gettext("Adipose-derived stem cells, not culture-expanded")
        return gettext("Adipose-derived stem cells")
    if m == Modality.SVF:
        return gettext("Fat-derived cells (SVF) prepared on the day, not culture-expanded")
    if m == Modality.BONE_MARROW_MSC:
        if cultured:
            return gettext("Bone-marrow-derived stem cells, culture-expanded")
        if cultured is False:
            return gettext("Bone-marrow concentrate, not culture-expanded")
        return gettext("Bone-marrow-derived stem cells")
    if m == Modality.SYNOVIAL_MSC:
        if cultured:
            return gettext("Synovial stem cells, culture-expanded")
        return gettext("Synovial stem cells")
    if m == Modality.UMBILICAL_CORD_MSC:
        if cultured:
            return gettext("Umbilical-cord-derived stem cells, culture-expanded")
        return gettext("Umbilical-cord-derived stem cells")
    if m == Modality.PRP:
        return gettext("Platelet-rich plasma (PRP) from your own blood")
    if m == Modality.BLOOD_OTHER:
        return gettext("Concentrate made from your own blood (such as APS or PRGF)")
    if cultured:
        return gettext("Other regenerative treatment with culture-expanded cells")
    return gettext("Other regenerative treatment")


def english_treatment_name(c: Classification) -> str:
    """A plain-English name for a patient, e.g. 'Adipose-derived stem cells, culture-expanded,
    injected into the joint'. Every phrase is a translatable message."""
    treatment = _treatment_phrase(c)
    if c.intra_articular and c.modality == Modality.OTHER:
        return gettext("%(treatment)s, implanted in the joint") % {"treatment": treatment}
    if c.intra_articular:
        return gettext("%(treatment)s, injected into the joint") % {"treatment": treatment}
    if c.intra_articular is False:
        return gettext("%(treatment)s, not injected into a joint") % {"treatment": treatment}
    if c.targets_joint:
        return gettext("%(treatment)s, for joint conditions") % {"treatment": treatment}
    return treatment


# --- prices -----------------------------------------------------------------------------------

_T, _CANCEL, _CONSULT, _STORAGE, _INSURED = (
    PricePoint.Kind.TREATMENT.value,
    PricePoint.Kind.CANCELLATION.value,
    PricePoint.Kind.CONSULTATION.value,
    PricePoint.Kind.STORAGE.value,
    PricePoint.Kind.INSURED_REFERENCE.value,
)
_INSURED_MAX_JPY = 10_000  # the insured reference price is about 2,000 yen a session

# One alternation; at a given position the first group listed wins (投与前 before 投与).
_LABELS = re.compile(
    r"(?P<cancellation>キャンセル|取りやめ|とりやめ|取り止め|取止め|中止|解約|撤回|採血後|"
    r"加工後|加工前|加工開始|製造開始|投与前|直前|\d\s?(?:日|週間)前|採取前|採取後)"
    r"|(?P<insured_reference>保険適用(?!外)|保険負担|保険診療|保険点数|保険給付|[1-3]割負担)"
    r"|(?P<storage>保管料|保管費|保存料|保存費|保管細胞|細胞保管|保管延長|年間保管)"
    r"|(?P<consultation>初診|再診|診察|検査|検診|カウンセリング|相談料|問診|説明料|"
    r"書類作[成製]料|文書料|診断書|MRI)"
    r"|(?P<treatment>施術|治療費|治療料|提供価格|処置|手技料|培養費|加工費|製造費|調製|麻酔)"
    r"|(?P<procedure>投与|注射|注入|移植|治療メニュー|コース)"
    r"|(?P<weak>費用|料金|価格|金額|代金|[0-9一]\s?回|部位|[片両]膝|[片両]側|関節)"
)
# Where a label stops applying: sentence ends, bullets, numbered headings, notes.
_BOUNDARY = re.compile(r"。|□|■|※|\s\d{1,2}\s?\.\s|\(\d{1,2}\)")
_OCR_ZERO = re.compile(r"\d[\d.,Oo]*[Oo][\d.,Oo]*(?=\s*円)")
_SEN = re.compile(r"(?P<a>\d+)\s*千\s*円")
_MAN = re.compile(
    r"(?P<a>\d+(?:\.\d+)?)(?:\s*[~〜-]\s*(?P<b>\d+(?:\.\d+)?))?\s*万\s*"
    r"(?:(?P<sen>\d)\s*千|(?P<rest>\d{1,4})(?=\s*円))?\s*円?"
)
_PLAIN = re.compile(
    r"(?P<yen>[¥\\]\s*)?(?P<num>\d[\d,.]*\d|\d)\s*"
    r"(?P<en>円|(?=[~〜]\s*[¥\\]?\s*\d[\d,.]*\s*円))?"
)
_WINDOW = 60  # characters before an amount that may hold its label
_AFTER = 25  # characters after an amount searched for an insured-price note
# A note in brackets right after the amount: "5,000 円(初診料として)", "3000円 (保険負担金)".
_NOTE = re.compile(r"\s*円?\s*(?:\(税[^)]*\))?\s*\(([^)円]*)\)")
_INHERITED = {_CANCEL, _STORAGE, _INSURED}  # list sections whose items may carry no label


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    value: int


def _number(text: str) -> int | None:
    groups = text.split(".")
    if len(groups) > 1 and all(len(g.replace(",", "")) == 3 for g in groups[1:]):
        text = text.replace(".", "")  # "5.000" used as a thousands separator
    try:
        return round(float(text.replace(",", "")))
    except ValueError:
        return None


def _mentions(text: str) -> list[_Mention]:
    """Every yen amount written in the text, in order: 60,000円, ¥60,000, 6万円, 3万5000円..."""
    found: list[_Mention] = []
    taken: list[tuple[int, int]] = []
    for m in _MAN.finditer(text):
        extra = int(m["sen"]) * 1000 if m["sen"] else int(m["rest"] or 0)
        for key in ("a", "b"):
            if m[key]:
                found.append(_Mention(m.start(key), m.end(), round(float(m[key]) * 10_000) + extra))
        taken.append(m.span())
    for m in _SEN.finditer(text):
        if not any(a <= m.start() < b for a, b in taken):
            found.append(_Mention(m.start(), m.end(), int(m["a"]) * 1000))
            taken.append(m.span())
    for m in _PLAIN.finditer(text):
        if not (m["yen"] or m["en"] is not None) or any(a <= m.start() < b for a, b in taken):
            continue
        value = _number(m["num"])
        if value is not None:
            found.append(_Mention(m.start(), m.end(), value))
    return sorted(found, key=lambda x: x.start)


def _label(text: str, amount: int) -> tuple[str, int] | None:
    """The nearest label in a window, as (kind, rank): 3 for a fee label, 2 for a weak one.
    A procedure word (投与, 注射...) names what is priced, so it only gives way to a
    cancellation label in the same window ("【キャンセル料】 採血後:1 治療(2 回投与)35,000 円")."""
    strong: list[tuple[int, str]] = []
    weak = False
    for m in _LABELS.finditer(text):
        kind = m.lastgroup or ""
        if kind == "weak":
            weak = True
        elif kind != _INSURED or amount <= _INSURED_MAX_JPY:
            strong.append((m.end(), kind))
    if strong:
        nearest = max(strong)[1]
        if nearest == "procedure":
            cancelled = any(kind == _CANCEL for _, kind in strong)
            return (_CANCEL if cancelled else _T), 3
        return nearest, 3
    return (_T, 2) if weak else None


def _mention_kinds(text: str, amount: int) -> list[tuple[int, str]]:
    mentions = _mentions(text)
    results: list[tuple[int, str]] = []
    previous: tuple[int, str] | None = None
    prev_end = 0
    for mention in mentions:
        start = max(prev_end, mention.start - _WINDOW)
        window = text[start : mention.start]
        cuts = [m.end() for m in _BOUNDARY.finditer(window)]
        cut = cuts[-1] if cuts else None
        if cut is not None:
            window = window[cut:]
        label = _label(window, amount)
        if label is None:
            note = _NOTE.match(text, mention.end)
            found = _label(note[1], amount) if note else None
            if found and found[1] == 3 and found[0] != _T:
                label = found
        if label is None and mention.value <= _INSURED_MAX_JPY:
            after = text[mention.end : mention.end + _AFTER].split("。")[0]
            if (found := _label(after, amount)) and found[0] == _INSURED:
                label = found
        # An unlabelled item right after a cancellation/storage item belongs to the same list.
        chained = start == prev_end and cut is None
        if label is None and chained and previous and previous[0] and previous[1] in _INHERITED:
            label = (previous[1], 1)
        kind_rank = (label[1], label[0]) if label else (0, _T)
        if mention.value == amount:
            results.append(kind_rank)
        previous = (kind_rank[0], kind_rank[1])
        prev_end = mention.end
    return results


def classify_price(unit: str, excerpt: str, amount_jpy: int) -> str:
    """The PricePoint.Kind of an amount, read from the label written just before it in the
    excerpt (several amounts share one excerpt). Treatment unless the text clearly says
    cancellation, cell storage, consultation/test, or the insured reference price."""
    text = _OCR_ZERO.sub(lambda m: m.group().replace("O", "0").replace("o", "0"), _norm(excerpt))
    text = text.replace("\\", "¥")
    found = _mention_kinds(text, amount_jpy)
    if not found:
        label = _label(_norm(unit), amount_jpy)
        return label[0] if label and label[1] == 3 else _T
    best = max(rank for rank, _ in found)
    kinds = {kind for rank, kind in found if rank == best}
    if len(kinds) == 1:
        return kinds.pop()
    return _T
