"""Japanese names for English readers: prefectures, regions, romanisation, facility names.

Romanisation is Hepburn as pykakasi (bundled dictionary, no network) writes it. Long vowels are
left as pykakasi spells them, with doubled vowels and "ou" (東京 -> "Toukyou", リハビリテーション
-> "Rihabiriteeshon"): no macrons, nothing dropped, so the romaji maps back to the kana.
english_facility_name() uses the glossary in saisei.lib.japanese_glossary first, which holds
the usual English spellings of common places (Tokyo, Osaka, Kyoto...) and institution words.
Nothing here raises on odd input.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.utils.text import slugify

from saisei.lib.japanese_glossary import (
    INSTITUTIONS,
    NAMES,
    PREFECTURES,
    REGIONS,
    SPECIALTIES,
    WORDS,
)

__all__ = [
    "PREFECTURES",
    "REGIONS",
    "english_facility_name",
    "prefecture_en",
    "region_en",
    "romanise",
    "slug_for",
]

_SLUG_MAX = 120
# Variant kanji pykakasi does not know, mapped to the common form.
_VARIANTS = str.maketrans({"髙": "高", "﨑": "崎", "德": "徳", "琇": "秀"})
_PARTICLES = {"no", "ga", "wo", "ni", "to", "e"}


@functools.cache
def _kakasi() -> Any:
    """One converter for the process, made on first use (loading the dictionary takes time)."""
    import pykakasi

    return pykakasi.kakasi()


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").translate(_VARIANTS)
    return " ".join(text.split())


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:] if word else word


def _romaji_words(japanese: str) -> list[str]:
    """Hepburn words for a run of Japanese text; a lone particle stays lower-case."""
    words: list[str] = []
    try:
        items = _kakasi().convert(japanese)
    except Exception:  # a converter failure must never break a page
        return []
    for item in items:
        for word in str(item.get("hepburn") or "").split():
            word = re.sub(r"[^A-Za-z0-9&'.-]", "", word)
            if word:
                words.append(word if word in _PARTICLES and words else _capitalise(word))
    return words


_RUNS = re.compile(r"(?P<latin>[!-~]+(?:\s+[!-~]+)*)|(?P<space>\s+)|(?P<other>[^!-~\s]+)")


def _join(parts: list[str]) -> str:
    text = " ".join(p for p in parts if p)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\(\s+", "(", text)
    return re.sub(r"\s+([),.:])", r"\1", text).strip(" -&")


def romanise(text: str) -> str:
    """Hepburn romanisation with capitalised words; ASCII letters and digits are kept as written,
    full-width forms are normalised, "&" is spaced and "・" becomes a space."""
    text = _clean(text).replace("・", " ").replace("&", " & ")
    text = re.sub(r"[「」『』【】〈〉《》]", " ", text)
    parts: list[str] = []
    for m in _RUNS.finditer(text):
        if m["latin"]:
            parts.append(m["latin"])
        elif m["other"]:
            parts.extend(_romaji_words(m["other"]))
    return _join(parts)


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(folded.split())


def prefecture_en(ja: str) -> str:
    """English name of a prefecture ("東京都" -> "Tokyo"); accepts the bare stem ("東京")."""
    name = _clean(ja).replace(" ", "")
    if name in PREFECTURES:
        return PREFECTURES[name]
    for suffix in ("都", "道", "府", "県"):
        if name + suffix in PREFECTURES:
            return PREFECTURES[name + suffix]
    return romanise(name)


def region_en(ja: str) -> str:
    """English name of a region ("中国四国" or "中国・四国" -> "Chugoku-Shikoku")."""
    name = re.sub(r"[・･\s]", "", _clean(ja))
    name = re.sub(r"(?:地方|地区|地域|ブロック)$", "", name)
    return REGIONS.get(name) or romanise(ja)


# --- facility names ----------------------------------------------------------------------------

# Corporate forms, longest first: 医療法人健佑会 いちはら病院 -> いちはら病院. The national
# hospital agencies that follow 独立行政法人 are corporations too.
_CORPORATE = re.compile(
    r"^(?:地方独立行政法人|独立行政法人|国立大学法人|公立大学法人|社会医療法人(?:社団|財団)?|"
    r"特定医療法人(?:社団|財団)?|医療法人(?:社団|財団)?|一般社団法人|一般財団法人|"
    r"公益社団法人|公益財団法人|社会福祉法人|学校法人|宗教法人)"
    r"(?:国立病院機構|地域医療機能推進機構|労働者健康安全機構)?"
)
# A leading chunk that is itself a corporation: ...協同組合連合会, ...共済組合, 医療生協...
_CORPORATE_CHUNK = re.compile(r"法人|組合|連合会|生協")
# A corporation name glued to the facility name: 健佑会いちはら病院, 恩賜財団済生会奈良病院.
_GLUED = re.compile(r"^(?P<corp>\S{1,10}?(?:会|財団|機構))(?P<rest>\S{2,})$")
_FACILITY_WORD = re.compile(r"病院|クリニック|医院|診療所|整形")
_ALL_CAPS = re.compile(r"^[A-Z0-9&.\-]+$")


def _unglue(chunk: str) -> str | None:
    """The facility part of a corporation name glued to it, or None."""
    m = _GLUED.match(chunk)
    if not m or _FACILITY_WORD.search(m["corp"]):
        return None
    rest = m["rest"]
    if any(rest == word or rest.startswith(word) for word in INSTITUTIONS if len(word) > 1):
        return None  # 協和会病院 is a name, not 協和会 + 病院
    return rest


def _named(text: str) -> bool:
    """Whether the text has something besides glossary words (a proper name)."""
    return any(t.kind in ("raw", "latin", "name") for t in _tokens(text))


def _strip_corporate(name: str) -> str:
    chunks = name.split(" ")
    if len(chunks) > 1 and _CORPORATE_CHUNK.search(chunks[0]) and not _CORPORATE.match(name):
        return _strip_corporate(" ".join(chunks[1:]))
    m = _CORPORATE.match(name)
    if not m:
        return name
    spaced = name[m.end() : m.end() + 1] == " "
    rest = name[m.end() :].strip()
    chunks = rest.split(" ")
    if not spaced and (facility := _unglue(chunks[0])):
        return " ".join([facility, *chunks[1:]])
    if len(chunks) > 1 and chunks[0].lower() != "the":
        drop = 1
        while (
            drop < len(chunks) - 1
            and _ALL_CAPS.match(chunks[drop - 1])
            and _ALL_CAPS.match(chunks[drop])
        ):
            drop += 1
        remaining = " ".join(chunks[drop:])
        # 大室整形外科 脊椎・関節クリニック: the second part alone names no one; keep both.
        if _named(remaining) or re.search(r"(?:会|財団|機構)$", chunks[0]):
            return remaining
        return rest
    return _unglue(rest) or rest


@dataclass
class _Token:
    kind: str  # raw, latin, name, spec, inst, word, dot, amp, space, open, close
    text: str
    adjective: str = ""


_GLOSSARY: dict[str, tuple[str, str, str]] = {
    **{k: ("name", v, "") for k, v in NAMES.items()},
    **{k: ("word", v, "") for k, v in WORDS.items()},
    **{k: ("inst", v, "") for k, v in INSTITUTIONS.items()},
    **{k: ("spec", noun, adj) for k, (noun, adj) in SPECIALTIES.items()},
}
for _ja, _en in PREFECTURES.items():
    _GLOSSARY.setdefault(_ja[:-1] if _ja[-1] in "都府県" else _ja, ("name", _en, ""))
    if _ja[-1] in "府県":
        _GLOSSARY.setdefault(_ja, ("name", f"{_en} Prefecture", ""))
        _GLOSSARY.setdefault(_ja + "立", ("word", f"{_en} Prefectural", ""))
# A katakana glossary word must not end inside a longer sound: シティ in フェリシティー.
_MID_SOUND = set("ーァィゥェォャュョッヮ")
_LONGEST = max(len(k) for k in _GLOSSARY)


def _tokens(name: str) -> list[_Token]:
    tokens: list[_Token] = []
    raw = ""

    def flush() -> None:
        nonlocal raw
        if raw:
            tokens.append(_Token("raw", raw))
            raw = ""

    i = 0
    while i < len(name):
        ch = name[i]
        if ch in "・･":
            flush()
            tokens.append(_Token("dot", " "))
            i += 1
            continue
        if ch == "&":
            flush()
            tokens.append(_Token("amp", "&"))
            i += 1
            continue
        if ch in "()":
            flush()
            tokens.append(_Token("open" if ch == "(" else "close", ch))
            i += 1
            continue
        latin = re.match(r"[!-%'*-~]+", name[i:])  # ASCII without & ( )
        if latin or ch.isspace():
            flush()
            if latin:
                tokens.append(_Token("latin", latin.group()))
                i += latin.end()
            else:
                tokens.append(_Token("space", " "))
                i += 1
            continue
        for size in range(min(_LONGEST, len(name) - i), 0, -1):
            entry = _GLOSSARY.get(name[i : i + size])
            if entry and i + size < len(name) and name[i + size] in _MID_SOUND:
                continue
            if entry:
                flush()
                tokens.append(_Token(entry[0], entry[1], entry[2]))
                i += size
                break
        else:
            raw += ch
            i += 1
    flush()
    return tokens


def _render(tokens: list[_Token]) -> str:
    # 整形外科たかひろクリニック: move a leading specialty to just before the institution word.
    names = ("raw", "latin", "name", "space")
    if len(tokens) > 2 and tokens[0].kind == "spec":
        inst = next((i for i, t in enumerate(tokens) if t.kind == "inst"), None)
        if inst and inst > 1 and all(t.kind in names for t in tokens[1:inst]):
            tokens = [*tokens[1:inst], tokens[0], *tokens[inst:]]
    parts: list[str] = []
    for i, token in enumerate(tokens):
        previous = tokens[i - 1] if i else None
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if token.kind == "raw" and token.text in ("の", "\u30ce") and parts:
            parts.append("no")
        elif token.kind == "raw":
            parts.extend(_romaji_words(token.text))
        elif token.kind == "spec":
            if following and following.kind == "spec":
                parts.append(token.text + " &")
            elif following and following.kind in ("inst", "word"):
                parts.append(token.adjective)
            else:
                parts.append(token.text)
        elif token.kind == "dot":
            listed = ("spec", "word")
            if previous and following and previous.kind in listed and following.kind in listed:
                parts.append("&")
        elif token.kind == "amp":
            parts.append("&")
        elif token.kind != "space":
            parts.append(token.text)
    return _join(parts)


def english_facility_name(name_ja: str) -> str:
    """A readable English name: the corporate form dropped, institution words translated,
    the rest romanised ("医療法人健佑会 いちはら病院" -> "Ichihara Hospital")."""
    try:
        name = _strip_corporate(_clean(name_ja))
        name = re.sub(r"[「」『』【】〈〉《》]", " ", name)
        # 総合病院 聖隷浜松病院: the leading "general hospital" is a title, not the name.
        name = re.sub(r"^総合病院\s+(?=\S*病院)", "", name).strip()
        english = _ascii(_render(_tokens(name)))
    except Exception:  # never let a name break a page
        english = ""
    return english or _ascii(romanise(name_ja))


def slug_for(name_ja: str, external_id: str) -> str:
    """A stable ASCII slug: the English name, then the registry id ("ichihara-hospital-f0398")."""
    suffix = slugify(str(external_id)).lower() or "x"
    base = slugify(english_facility_name(name_ja)) or "facility"
    room = _SLUG_MAX - len(suffix) - 1
    base = base[:room].rstrip("-") or "facility"
    return f"{base}-{suffix}"
