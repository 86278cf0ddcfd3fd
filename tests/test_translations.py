"""The Japanese and Simplified Chinese catalogues are complete, well-formed and used by the pages.

Refresh the catalogues after changing interface strings:

    .venv/bin/python manage.py makemessages -l ja -l zh_Hans --ignore=.venv --ignore=bench \
        --ignore=tests --ignore=staticfiles --no-obsolete
    (translate the new or fuzzy entries in locale/*/LC_MESSAGES/django.po)
    .venv/bin/python manage.py compile_catalogues --force
"""

import re
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po
from django.conf import settings

from tests.factories import make_facility, make_rates

LOCALES = ["ja", "zh_Hans"]

# %(name)s, %s, %d, %.2f ... but not a literal %%.
PERCENT_PLACEHOLDER = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[-#0 +]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?P<type>[diouxXeEfFgGcrsa%])"
)
BRACE_PLACEHOLDER = re.compile(r"(?<!\{)\{(?P<field>[^{}]*)\}(?!\})")
MARKUP = re.compile(r"<[^>]+>|&#?\w+;")


def po_path(locale: str) -> Path:
    return Path(settings.LOCALE_PATHS[0]) / locale / "LC_MESSAGES" / "django.po"


def load_catalog(locale: str) -> Catalog:
    with po_path(locale).open("rb") as po_file:
        return read_po(po_file, locale=locale)


def messages(locale: str) -> list[Message]:
    """Every message of the catalogue except its header."""
    return [message for message in load_catalog(locale) if message.id]


def label(message: Message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def percent_placeholders(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """Named placeholders (in any order) and positional ones (in order), without %%."""
    named: set[str] = set()
    positional: list[str] = []
    for match in PERCENT_PLACEHOLDER.finditer(text):
        if match["type"] == "%":
            continue
        if match["name"] is not None:
            named.add(f"{match['name']}:{match['type']}")
        else:
            positional.append(match["type"])
    return frozenset(named), tuple(positional)


def brace_placeholders(text: str) -> Counter[str]:
    return Counter(match["field"] for match in BRACE_PLACEHOLDER.finditer(text))


def source_and_translations(message: Message) -> list[tuple[str, str]]:
    """(source text, translation) pairs: each plural form is compared with the plural msgid,
    which is the form that carries every placeholder."""
    if isinstance(message.id, str):
        return [(message.id, str(message.string))]
    return [(message.id[-1], str(form)) for form in message.string or ()]


# --- the catalogues ---------------------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_catalogue_header_declares_one_plural_form(locale):
    catalog = load_catalog(locale)
    assert catalog.num_plurals == 1
    assert catalog.plural_expr == "0"
    assert not catalog.fuzzy


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_is_translated(locale):
    catalog = load_catalog(locale)
    untranslated = []
    for message in messages(locale):
        forms = [message.string] if isinstance(message.id, str) else list(message.string or ())
        complete = isinstance(message.id, str) or len(forms) == catalog.num_plurals
        if not complete or not all(isinstance(form, str) and form.strip() for form in forms):
            untranslated.append(label(message))
    assert untranslated == []
    assert len(messages(locale)) > 100


@pytest.mark.parametrize("locale", LOCALES)
def test_no_message_is_fuzzy(locale):
    assert [label(m) for m in messages(locale) if m.fuzzy] == []


@pytest.mark.parametrize("locale", LOCALES)
def test_python_format_placeholders_are_kept(locale):
    wrong = []
    for message in messages(locale):
        if "python-format" not in message.flags:
            continue
        for source, translation in source_and_translations(message):
            if percent_placeholders(translation) != percent_placeholders(source):
                wrong.append((source, translation))
    assert wrong == []


@pytest.mark.parametrize("locale", LOCALES)
def test_brace_format_placeholders_are_kept(locale):
    wrong = []
    for message in messages(locale):
        for source, translation in source_and_translations(message):
            if brace_placeholders(translation) != brace_placeholders(source):
                wrong.append((source, translation))
    assert wrong == []


@pytest.mark.parametrize("locale", LOCALES)
def test_brace_format_messages_are_extracted(locale):
    """The currency note in saisei/lib/templatetags/money.py is a str.format() message."""
    brace = [m for m in messages(locale) if "python-brace-format" in m.flags]
    assert any("{currency_name}" in label(m) for m in brace)


@pytest.mark.parametrize("locale", LOCALES)
def test_markup_and_entities_are_kept(locale):
    wrong = []
    for message in messages(locale):
        for source, translation in source_and_translations(message):
            if Counter(MARKUP.findall(translation)) != Counter(MARKUP.findall(source)):
                wrong.append((source, translation))
    assert wrong == []


@pytest.mark.parametrize("locale", LOCALES)
def test_gnu_msgfmt_accepts_the_catalogue(locale):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("GNU gettext is not installed")
    result = subprocess.run(
        [msgfmt, "--check", "-o", "/dev/null", str(po_path(locale))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("locale", "term"),
    [
        ("ja", "幹細胞"),
        ("ja", "多血小板血漿（PRP）"),
        ("ja", "再生医療等提供計画"),
        ("ja", "厚生労働省"),
        ("zh_Hans", "干细胞"),
        ("zh_Hans", "富血小板血浆（PRP）"),
        ("zh_Hans", "再生医疗提供计划"),
        ("zh_Hans", "日本厚生劳动省"),
    ],
)
def test_catalogue_uses_the_agreed_terms(locale, term):
    assert any(term in form for m in messages(locale) for _, form in source_and_translations(m))


# A claim word may appear in a translation only when the English says it too (e.g. "safety"
# in the name of the Act, "not proof that the treatment works").
CLAIM_WORDS = {
    "ja": {
        "安全": "safe",
        "保証": "guarantee",
        "承認": "approv",
        "認可": "approv|authori[sz]",
        "認定": "certif",
        "証明": "proof|prove",
        "副作用": "side effect",
    },
    "zh_Hans": {
        "安全": "safe",
        "保证": "guarantee",
        "批准": "approv",
        "认证": "certif",
        "证明": "proof|prove",
        "副作用": "side effect",
    },
}


@pytest.mark.parametrize("locale", LOCALES)
def test_translations_add_no_claims(locale):
    """Honest-claims rules: a translation never says "safe", "approved", "certified",
    "guaranteed" or "proven" where the English does not."""
    added = [
        (source, word)
        for m in messages(locale)
        for source, form in source_and_translations(m)
        for word, english in CLAIM_WORDS[locale].items()
        if word in form and not re.search(english, source, re.IGNORECASE)
    ]
    assert added == []


# --- the pages --------------------------------------------------------------------------------


class _VisibleText(HTMLParser):
    """Text a visitor reads or hears: text nodes and the attributes shown or spoken."""

    SPOKEN = {"aria-label", "title", "placeholder", "alt", "content", "data-status"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self._skip += 1
        for name, value in attrs:
            if name in self.SPOKEN and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in {"script", "style"} and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


@pytest.fixture
def clinics(db):
    make_rates()
    plan = {
        "modality": "adipose_msc",
        "cultured": True,
        "intra_articular": True,
        "prices": [{"amount_jpy": 990_000, "unit": "片膝", "excerpt": "片膝 990,000円（税込）"}],
    }
    prp = {"modality": "prp", "title_ja": "PRP療法", "prices": []}
    return [
        make_facility(plans=[plan, prp]),
        make_facility(
            name_ja="テスト第二クリニック", name_romaji="Second Test Clinic", plans=[prp]
        ),
    ]


ENGLISH_INTERFACE = [
    "Find a registered clinic",
    "Find a clinic",
    "Compare",
    "registered plan",
    "Registered treatments",
    "Stem cells",
    "Published prices from",
    "Add to compare",
    "Registry data as of",
    "Risk class",
    "Not stated",
    "Skip to main content",
    "not medical advice",
    "Currency",
    "clinic found",
    "Search",
]

LOCAL_INTERFACE = {
    "ja": {
        "list": ["届出済みのクリニックを探す", "比較", "届出済みの再生医療等提供計画（1件）"],
        "detail": ["第2種", "リスク分類", "関節内に注射", "培養した脂肪由来幹細胞", "出典"],
        "compare": ["クリニックを比較", "幹細胞の提供計画", "PRPなど血液由来の提供計画"],
        "home": ["幹細胞とPRPをはっきり区別", "クリニックを検索"],
    },
    "zh-hans": {
        "list": ["查找已备案的诊所", "对比", "已备案的再生医疗提供计划（1 项）"],
        "detail": ["第2类", "风险分类", "关节腔内注射", "经培养扩增的脂肪来源干细胞", "来源"],
        "compare": ["对比诊所", "干细胞提供计划", "PRP 及其他血液来源制品的提供计划"],
        "home": ["明确区分干细胞与 PRP", "搜索诊所"],
    },
}


def page_urls(language: str, clinics) -> dict[str, str]:
    first, second = clinics
    return {
        "home": f"/{language}/",
        "list": f"/{language}/clinics/",
        "detail": f"/{language}/clinics/{first.slug}/",
        "compare": f"/{language}/compare/?c={first.slug}&c={second.slug}",
    }


@pytest.mark.parametrize("language", ["ja", "zh-hans"])
@pytest.mark.parametrize("page", ["home", "list", "detail", "compare"])
def test_pages_speak_the_visitors_language(client, clinics, language, page):
    response = client.get(page_urls(language, clinics)[page])
    assert response.status_code == 200
    assert response.headers["Content-Language"] == language
    text = visible_text(response.content.decode())
    for phrase in LOCAL_INTERFACE[language][page]:
        assert phrase in text
    assert [phrase for phrase in ENGLISH_INTERFACE if phrase in text] == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ja", "2件のクリニックが見つかりました"), ("zh-hans", "找到 2 家诊所")],
)
def test_plural_messages_are_filled_in(client, clinics, language, expected):
    html = client.get(f"/{language}/clinics/").content.decode()
    assert expected in visible_text(html)


def test_english_pages_stay_english(client, clinics):
    text = visible_text(client.get("/clinics/").content.decode())
    assert "Find a registered clinic" in text
    assert "2 clinics found" in text
