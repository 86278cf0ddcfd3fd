from django import forms
from django.test.html import parse_html

from saisei.lib.widgets import PlainSelect

CHOICES = [("", "Any"), ("kanto", "Kanto"), ("kinki", 'Kinki <&> "West"')]
GROUPED = [("East", [("tohoku", "Tohoku")]), ("West", [("kyushu", "Kyushu")])]


def test_plain_select_renders_the_same_html_as_djangos_select():
    for choices in (CHOICES, [*CHOICES, *GROUPED]):
        for value in (None, "", "kinki", "kyushu", "atlantis"):
            attrs = {"id": "id_region", "aria-describedby": "help", "required": True}
            django = forms.Select(choices=choices).render("region", value, attrs)
            plain = PlainSelect(choices=choices).render("region", value, attrs)
            assert parse_html(plain) == parse_html(django)


def test_plain_select_escapes_labels_and_keeps_groups():
    html = PlainSelect(choices=[*CHOICES, *GROUPED]).render("region", "kyushu", {})
    assert "Kinki &lt;&amp;&gt; &quot;West&quot;" in html
    assert '<optgroup label="West"><option value="kyushu" selected>Kyushu</option>' in html
