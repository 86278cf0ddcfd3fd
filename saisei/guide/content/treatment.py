"""What the treatment is: cells, culture, PRP, the two visits, recovery, risks, cost."""

from datetime import date

from django.utils.translation import gettext_lazy as _

from .types import GuidePage, Link, Para, Section

PAGE = GuidePage(
    slug="treatment",
    title=_("Stem cell and PRP knee treatment, explained"),
    description=_(
        "What stem cell knee treatment in Japan involves: fat or bone-marrow cells, cultured or "
        "same-day, how PRP differs, the two visits, recovery, risks and cost, with sources."
    ),
    lede=_(
        "What a clinic actually does when it offers a stem cell injection for a painful knee, "
        "and what it does not tell you in its advertising."
    ),
    reviewed=date(2026, 12, 1),
    sections=(
        Section(
            "what",
            _("What the cells are"),
            (
                Para(
                    _(
                        "The cells used are mesenchymal stem cells, also called mesenchymal "
                        "stromal cells (MSCs). They are found in fat, bone marrow, the lining of "
                        "joints (synovium) and umbilical cord tissue. Most knee treatments in "
                        "Japan use the patient's own cells: they are taken from your body, "
                        "prepared, and injected back into the knee joint. Cells from another "
                        "person, such as umbilical cord cells, fall in the strictest risk class "
                        "(class 1)."
                    ),
                    ("isscr_handbook", "e_saisei", "asrm_law"),
                ),
                Para(
                    _(
                        "Each such treatment needs a provision plan filed under Japan's Act on "
                        "the Safety of Regenerative Medicine. A plan is a legal filing, not a "
                        "finding that the treatment works."
                    ),
                    ("asrm_law",),
                ),
            ),
            question=_("What is stem cell treatment for the knee?"),
        ),
        Section(
            "cell-sources",
            _("Fat or bone marrow"),
            (
                Para(
                    _(
                        "Fat-derived cells are taken by a small liposuction, usually from the "
                        "belly, under local anaesthetic. Bone-marrow cells are drawn with a "
                        "needle from the back of the pelvic bone. In Saisei's registry extract, "
                        "most stem cell plans for joints use fat-derived cells; plans using bone "
                        "marrow are few."
                    ),
                    ("e_saisei", "saisei_registry"),
                ),
                Para(
                    _(
                        "In the MILES trial, neither a bone-marrow concentrate nor a fat-derived "
                        "cell preparation relieved knee pain better than a steroid injection at "
                        "12 months."
                    ),
                    ("miles",),
                ),
            ),
            question=_("Are fat-derived and bone-marrow stem cells the same treatment?"),
        ),
        Section(
            "cultured",
            _("Culture-expanded or same-day"),
            (
                Para(
                    _(
                        "Culture-expanded cells are grown for several weeks in a cell processing "
                        "facility until there are many more of them, then injected at a second "
                        "visit. Same-day preparations (the stromal vascular fraction, SVF, from "
                        "fat, or a bone-marrow concentrate) are processed during one visit and "
                        "injected at once: they are not grown, and contain fewer stem cells "
                        "mixed with other cells."
                    ),
                    ("mhlw_saisei", "e_saisei"),
                ),
                Para(
                    _(
                        "Both kinds use the patient's own stem cells and are filed as class 2 "
                        "plans in Japan. Each plan on Saisei says whether its cells are "
                        "culture-expanded."
                    ),
                    ("asrm_law", "saisei_registry"),
                ),
            ),
            question=_("What is the difference between cultured stem cells and SVF?"),
        ),
        Section(
            "prp",
            _("PRP is not a stem cell therapy"),
            (
                Para(
                    _(
                        "Platelet-rich plasma (PRP) is made by spinning a sample of your blood "
                        "to concentrate its platelets. It contains no stem cells. It is a "
                        "different treatment with its own trials, cheaper and done in one visit. "
                        "PRP plans for joints appear in the registry as class 2 or class 3."
                    ),
                    ("mhlw_saisei", "saisei_registry"),
                ),
                Para(
                    _(
                        "In the RESTORE trial (288 people with knee osteoarthritis), PRP "
                        "injections did not reduce pain or preserve cartilage on MRI better than "
                        "salt-water placebo injections at 12 months."
                    ),
                    ("restore",),
                ),
            ),
            question=_("Is PRP a stem cell treatment?"),
        ),
        Section(
            "visits",
            _("Two visits, weeks apart"),
            (
                Para(
                    _(
                        "A culture-expanded treatment usually takes two trips. Visit 1: "
                        "consultation, X-ray or MRI, blood tests (including infection "
                        "screening), and the fat or marrow harvest. The cells are then cultured "
                        "for roughly three to five weeks. Visit 2: the injection into the knee, "
                        "then a short rest at the clinic. Follow-up visits or remote check-ins "
                        "come after."
                    ),
                    ("e_saisei",),
                ),
                Para(
                    _(
                        "Same-day SVF and PRP need one visit. Each clinic's explanation "
                        "document, linked from its plan on Saisei, gives its own schedule."
                    ),
                    ("e_saisei",),
                ),
            ),
            question=_("How many trips to Japan does the treatment take?"),
        ),
        Section(
            "recovery",
            _("Pain and recovery"),
            (
                Para(
                    _(
                        "The harvest site is usually bruised and sore for days to a couple of "
                        "weeks. The knee often swells and aches for a few days after the "
                        "injection. Most people walk out the same day; clinics give their own "
                        "advice on rest, bathing and exercise, and that advice is in their "
                        "explanation documents."
                    ),
                    ("e_saisei",),
                ),
            ),
            question=_("Does the treatment hurt, and how long is recovery?"),
        ),
        Section(
            "risks",
            _("Side effects and risks"),
            (
                Para(
                    _(
                        "Every treatment has risks. Those the consent documents and regulators "
                        "list include:"
                    ),
                    ("e_saisei", "fda_warning"),
                ),
            ),
            items=(
                Para(_("pain, swelling and stiffness of the knee after the injection;")),
                Para(
                    _(
                        "infection of the joint, which is rare after any knee injection but "
                        "serious;"
                    ),
                    ("e_saisei",),
                ),
                Para(
                    _(
                        "bruising, bleeding, numbness or, rarely, deeper injury at the fat or "
                        "marrow harvest site;"
                    ),
                    ("e_saisei",),
                ),
                Para(
                    _(
                        "a cell product that is contaminated, or that cannot be made, so that "
                        "the second visit is cancelled;"
                    ),
                    ("e_saisei",),
                ),
                Para(
                    _(
                        "effects that are not yet known: cells that move away from where they "
                        "were placed, change into the wrong cell types or multiply, which the "
                        "FDA lists among the risks of unapproved cell products."
                    ),
                    ("fda_warning",),
                ),
            ),
            question=_("What are the side effects and risks?"),
        ),
        Section(
            "candidates",
            _("Who tends to be a candidate"),
            (
                Para(
                    _(
                        "Trials of cell injections have mostly enrolled adults with knee "
                        "osteoarthritis visible on X-ray but not at its most severe stage. When "
                        "the cartilage is gone (bone on bone, Kellgren-Lawrence grade 4), there "
                        "is less to gain and surgeons usually discuss knee replacement."
                    ),
                    ("kim2020", "kl1957"),
                ),
                Para(
                    _(
                        "Medical guidelines put exercise, weight management and education first "
                        "for everyone with knee osteoarthritis."
                    ),
                    ("oarsi2019",),
                ),
            ),
            question=_("Who is a candidate for stem cell knee treatment?"),
        ),
        Section(
            "insurance",
            _("Insurance: you pay yourself"),
            (
                Para(
                    _(
                        "In Japan these treatments are self-paid care outside the national "
                        "health insurance. Foreign health and travel insurance rarely pay for "
                        "them. In the United States, the FDA has approved no stem cell product "
                        "for knee osteoarthritis."
                    ),
                    ("mhlw_saisei", "fda_warning"),
                ),
            ),
            question=_("Does insurance pay for stem cell knee treatment?"),
        ),
    ),
    related=("japan-regulation", "evidence", "visa"),
    links=(
        Link(_("Am I a candidate? A general self-check"), url_name="guide:candidate"),
        Link(_("What it costs in Japan and elsewhere"), url_name="guide:costs"),
        Link(_("Find a registered clinic"), url_name="clinics:list"),
    ),
)
