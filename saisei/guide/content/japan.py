"""How Japan regulates regenerative medicine, and what Saisei's registry badge means."""

from datetime import date

from django.utils.translation import gettext_lazy as _

from .types import GuidePage, Link, Para, Section

PAGE = GuidePage(
    slug="japan-regulation",
    title=_("How Japan regulates stem cell treatment"),
    description=_(
        "Japan's Act on the Safety of Regenerative Medicine: risk classes, certified committees, "
        "plans filed with the Regional Bureaus, cell processing facilities and what a "
        "registered plan does not prove."
    ),
    lede=_(
        "Japan lets clinics offer stem cell treatments that are not approved products, under a "
        "law that requires a reviewed, filed plan for each one. Here is what that law checks and "
        "what it leaves to you."
    ),
    reviewed=date(2026, 12, 1),
    sections=(
        Section(
            "act",
            _("The Act on the Safety of Regenerative Medicine"),
            (
                Para(
                    _(
                        "The Act on the Safety of Regenerative Medicine (ASRM) was passed in "
                        "2013 and came into force in November 2014. A clinic may give a "
                        "regenerative treatment outside a product approval only after it has "
                        "filed a provision plan for that treatment. Giving such a treatment "
                        "without a plan is an offence under the Act."
                    ),
                    ("asrm_law", "mhlw_saisei"),
                ),
            ),
            question=_("Is stem cell treatment legal in Japan?"),
        ),
        Section(
            "classes",
            _("Three risk classes"),
            (
                Para(
                    _(
                        "The Act sorts treatments by risk. Class 1 (highest): ES or iPS cells, "
                        "cells from another person and gene-modified cells. Class 2: the "
                        "patient's own somatic stem cells, such as fat- or bone-marrow-derived "
                        "MSCs, and cells used for a different function than they have in the "
                        "body. Class 3 (lowest): the rest, such as some PRP uses."
                    ),
                    ("asrm_law", "mhlw_saisei"),
                ),
                Para(
                    _(
                        "The class describes how much review the law asks for. It is not a "
                        "rating of the clinic or of the results."
                    ),
                    ("mhlw_saisei",),
                ),
            ),
            question=_("What do the risk classes 1, 2 and 3 mean?"),
        ),
        Section(
            "committees",
            _("Review by a certified committee"),
            (
                Para(
                    _(
                        "Before filing, the clinic must have its plan reviewed by a committee "
                        "certified by the Minister of Health, Labour and Welfare: a specially "
                        "certified committee for class 1 and 2 plans, a certified committee for "
                        "class 3 plans. The committee looks at the science, the consent "
                        "documents and the clinic's ability to give the treatment."
                    ),
                    ("asrm_law", "mhlw_saisei"),
                ),
            ),
            question=_("Who reviews a clinic's treatment plan?"),
        ),
        Section(
            "filing",
            _("Plans filed with the Regional Bureaus"),
            (
                Para(
                    _(
                        "Class 2 and 3 plans are filed with the clinic's Regional Bureau of "
                        "Health and Welfare. Class 1 plans go to the Minister, who consults an "
                        "expert council before treatment may start. Clinics must report serious "
                        "adverse events and send periodic reports on the treatments given."
                    ),
                    ("asrm_law",),
                ),
                Para(
                    _(
                        "The filed plans are published in the ministry's e-再生医療 registry. "
                        "Saisei imports that registry and links each plan to its official record."
                    ),
                    ("e_saisei", "saisei_registry"),
                ),
            ),
        ),
        Section(
            "cpf",
            _("Cell processing facilities"),
            (
                Para(
                    _(
                        "Culture-expanded cells must be made in a cell processing facility that "
                        "meets the Act's standards. A facility inside a hospital or clinic is "
                        "notified to the authorities; one run by a company needs a licence from "
                        "the ministry. Each facility has its own number, for example FC3150092."
                    ),
                    ("asrm_law", "mhlw_saisei"),
                ),
            ),
        ),
        Section(
            "badge",
            _("What “registered” on Saisei means, and does not mean"),
            (
                Para(
                    _(
                        "The registry badge means that a plan for the treatment is in the "
                        "registry extract Saisei imported, with its code, risk class, date and "
                        "a link to the official record. It shows that the clinic followed the "
                        "legal procedure."
                    ),
                    ("e_saisei", "saisei_registry"),
                ),
                Para(
                    _(
                        "It does not mean that the treatment works, that the government approved "
                        "it as a medicine, that Saisei checked the clinic's quality or results, "
                        "or that the prices are verified. The law does not require proof of "
                        "effectiveness before a plan is filed."
                    ),
                    ("asrm_law", "mhlw_saisei"),
                ),
            ),
            question=_("What does “registered” mean on Saisei?"),
        ),
        Section(
            "enforcement",
            _("Enforcement actions"),
            (
                Para(
                    _(
                        "The ministry and the Regional Bureaus can inspect clinics, order "
                        "improvements, and order a clinic to stop giving a treatment. Saisei "
                        "shows the actions it has imported on the clinic's page, each with its "
                        "source. No action on Saisei does not mean none was ever taken: check "
                        "the ministry's announcements too."
                    ),
                    ("asrm_law", "mhlw_saisei"),
                ),
            ),
            question=_("Can a registered clinic be stopped from giving treatments?"),
        ),
    ),
    related=("treatment", "evidence"),
    links=(Link(_("Find a registered clinic"), url_name="clinics:list"),),
)
