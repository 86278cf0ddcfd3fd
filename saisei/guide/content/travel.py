"""Short practical pages: visa, language support, travelling with a companion."""

from datetime import date

from django.utils.translation import gettext_lazy as _

from .types import GuidePage, Link, Para, Section

JOURNEY = Link(_("Plan the two trips in the journey planner"), url_name="journeys:planner")

VISA = GuidePage(
    slug="visa",
    title=_("Visa for medical treatment in Japan"),
    description=_(
        "Visa-free stays, Japan's Visa for Medical Stay, guarantors and the clinic's certificate: "
        "what a patient travelling for knee treatment needs to check."
    ),
    lede=_("Two trips a few weeks apart fit inside most visa-free stays, but not all of them."),
    reviewed=date(2026, 12, 1),
    sections=(
        Section(
            "visa-free",
            _("Visa-free stays"),
            (
                Para(
                    _(
                        "Citizens of many countries may visit Japan without a visa for up to 90 "
                        "days; some nationalities only for 15 or 30 days, a few for up to six "
                        "months. Check the Ministry of Foreign Affairs list for your passport "
                        "before you book."
                    ),
                    ("mofa_exemption",),
                ),
            ),
            question=_("Do I need a visa for treatment in Japan?"),
        ),
        Section(
            "medical-stay",
            _("The Visa for Medical Stay"),
            (
                Para(
                    _(
                        "Japan's Visa for Medical Stay allows stays of 90 days, six months or "
                        "one year; stays over 90 days need a Certificate of Eligibility. It can "
                        "be issued for multiple entries over up to three years, and "
                        "accompanying persons can apply too."
                    ),
                    ("mofa_medical_visa",),
                ),
                Para(
                    _(
                        "You need a guarantor registered in Japan (a medical coordinator "
                        "registered with the Ministry of Economy, Trade and Industry, or a "
                        "travel agency registered with the Japan Tourism Agency) and a "
                        "certificate of planned treatment from the clinic."
                    ),
                    ("mofa_medical_visa",),
                ),
            ),
            question=_("What is Japan's Visa for Medical Stay?"),
        ),
    ),
    related=("language-support", "companion"),
    links=(JOURNEY,),
)

LANGUAGE = GuidePage(
    slug="language-support",
    title=_("Language support at Japanese clinics"),
    description=_(
        "Japanese clinics' documents are in Japanese. How to get the explanation and consent "
        "documents in a language you read, and what to ask about interpreters."
    ),
    lede=_("You should understand everything you sign. Arrange that before the first trip."),
    reviewed=date(2026, 12, 1),
    sections=(
        Section(
            "documents",
            _("The documents are in Japanese"),
            (
                Para(
                    _(
                        "The registered plans and their explanation and consent documents are "
                        "published in Japanese. Saisei shows the Japanese original with an "
                        "English rendering beside it, but a rendering is not a translation you "
                        "can rely on for consent."
                    ),
                    ("e_saisei", "saisei_registry"),
                ),
                Para(
                    _(
                        "Ask the clinic for the explanation document in your language, or a "
                        "professional translation, before the first visit. The ISSCR advises "
                        "that consent should be informed and free of pressure."
                    ),
                    ("isscr_handbook",),
                ),
            ),
            question=_("Will I understand the consent documents?"),
        ),
        Section(
            "interpreters",
            _("Interpreters"),
            (
                Para(
                    _(
                        "A clinic's page on Saisei lists the languages the clinic itself says "
                        "its staff can treat you in, and whether through an interpreter. "
                        "Registered medical coordinators, who can also act as visa guarantors, "
                        "often arrange medical interpreters."
                    ),
                    ("mofa_medical_visa",),
                ),
            ),
            question=_("Will the clinic speak my language?"),
        ),
    ),
    related=("visa", "companion"),
    links=(JOURNEY, Link(_("Find a registered clinic"), url_name="clinics:list")),
)

COMPANION = GuidePage(
    slug="companion",
    title=_("Travelling with a companion"),
    description=_(
        "Bringing someone with you for stem cell knee treatment in Japan: the visa for "
        "accompanying persons, and the days when help is most useful."
    ),
    lede=_("Company is useful on the days of the harvest and of the injection."),
    reviewed=date(2026, 12, 1),
    sections=(
        Section(
            "why",
            _("When help matters"),
            (
                Para(
                    _(
                        "After a fat harvest or a knee injection you may be sore and walk "
                        "slowly for a few days; a companion can carry bags, help you through "
                        "stations and take notes at the consultation."
                    ),
                    ("e_saisei",),
                ),
            ),
        ),
        Section(
            "visa",
            _("A visa for your companion"),
            (
                Para(
                    _(
                        "If your companion needs a visa, the Visa for Medical Stay can cover "
                        "accompanying persons. Otherwise they travel under their own visa-free "
                        "rules, which may differ from yours."
                    ),
                    ("mofa_medical_visa", "mofa_exemption"),
                ),
            ),
            question=_("Can someone travel with me for treatment?"),
        ),
    ),
    related=("visa", "language-support"),
    links=(JOURNEY,),
)
