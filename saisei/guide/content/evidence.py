"""What randomised trials and meta-analyses found, and the ISSCR questions."""

from datetime import date

from django.utils.translation import gettext_lazy as _

from .types import GuidePage, Link, Para, Section

PAGE = GuidePage(
    slug="evidence",
    title=_("Do stem cell knee injections work? The evidence"),
    description=_(
        "What randomised trials found: the MILES trial in Nature Medicine 2023, the RESTORE PRP "
        "trial, meta-analyses against hyaluronic acid, and the ISSCR questions to ask a clinic."
    ),
    lede=_(
        "Clinic websites show patients who improved. Trials ask a harder question: did they "
        "improve more than people who had a cheaper injection or a placebo?"
    ),
    reviewed=date(2026, 12, 1),
    sections=(
        Section(
            "reading",
            _("Why a comparison matters"),
            (
                Para(
                    _(
                        "Knee pain goes up and down, and it often eases after any injection, "
                        "including a placebo. In the trials below, the control groups improved "
                        "too. So a patient who feels better after a cell injection does not "
                        "show that the cells caused it; only a comparison with a control group "
                        "can."
                    ),
                    ("miles", "restore"),
                ),
            ),
        ),
        Section(
            "miles",
            _("The MILES trial (Nature Medicine, 2023)"),
            (
                Para(
                    _(
                        "480 people with knee osteoarthritis were randomly given one of four "
                        "injections: bone-marrow aspirate concentrate, fat-derived stromal "
                        "vascular fraction, umbilical cord tissue, or a corticosteroid (steroid). "
                        "The main outcomes were the change in knee pain at 12 months, on a 0-10 "
                        "pain scale and on the KOOS pain scale."
                    ),
                    ("miles",),
                ),
                Para(
                    _(
                        "None of the three cell-based injections reduced pain more than the "
                        "steroid injection at 12 months. The trial did not test cells grown in a "
                        "laboratory (culture-expanded), which many Japanese clinics offer."
                    ),
                    ("miles",),
                ),
            ),
            question=_("Do stem cell injections work better than a steroid injection?"),
        ),
        Section(
            "meta",
            _("Meta-analyses of culture-expanded cells"),
            (
                Para(
                    _(
                        "Trials of culture-expanded MSC injections are small and differ in cell "
                        "source, dose and control. Meta-analyses that pool them report "
                        "improvements in pain and function scores against controls, many of "
                        "which were hyaluronic acid injections, but no consistent improvement "
                        "of cartilage on MRI."
                    ),
                    ("kim2020", "pubmed_msc_ha"),
                ),
                Para(
                    _(
                        "So the claim that stem cells regrow knee cartilage is not established "
                        "by trials. What the pooled evidence suggests, from small trials, is a "
                        "pain benefit over a hyaluronic acid injection."
                    ),
                    ("kim2020", "pubmed_msc_ha"),
                ),
            ),
            question=_("Do stem cells regrow knee cartilage?"),
        ),
        Section(
            "prp",
            _("PRP: the RESTORE trial (JAMA, 2021)"),
            (
                Para(
                    _(
                        "288 people with knee osteoarthritis were randomly given PRP or "
                        "salt-water placebo injections. At 12 months there was no meaningful "
                        "difference between the groups in knee pain or in cartilage volume on "
                        "MRI."
                    ),
                    ("restore",),
                ),
            ),
            question=_("Does PRP work for knee osteoarthritis?"),
        ),
        Section(
            "limits",
            _("What the evidence cannot tell you"),
            (
                Para(
                    _(
                        "Trials test one protocol. A clinic's own cell count, culture method "
                        "and number of injections may differ from any trial, and its results "
                        "are usually published by no one but the clinic. Japan's law does not "
                        "require proof of effectiveness before a plan is filed."
                    ),
                    ("asrm_law", "isscr_guidelines"),
                ),
            ),
        ),
        Section(
            "questions",
            _("Questions to ask any clinic"),
            (
                Para(
                    _(
                        "The International Society for Stem Cell Research (ISSCR) suggests "
                        "asking these questions before any stem cell treatment. Its patient "
                        "handbook explains each one."
                    ),
                    ("isscr_handbook",),
                ),
            ),
            items=(
                Para(_("What is the evidence that this treatment helps knees like mine?")),
                Para(_("Is it part of a clinical trial, and who reviewed it?")),
                Para(_("Where do the cells come from, and how are they prepared?")),
                Para(_("What are the risks, and what happens if something goes wrong?")),
                Para(_("How will my results be followed up and recorded?")),
                Para(_("What does it cost in total, and what is not included?")),
                Para(_("Which regulator oversees the treatment, and where is its record?")),
            ),
            question=_("What should I ask a clinic before treatment?"),
        ),
    ),
    related=("treatment", "japan-regulation"),
    links=(Link(_("Am I a candidate? A general self-check"), url_name="guide:candidate"),),
)
