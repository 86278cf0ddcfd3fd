"""What each timeline event is called, in the active language (pages and calendar alike)."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .schedule import ACTIVITY_WEEKS, Event


def event_title(event: Event, home: str = "", culture_weeks: tuple[int, int] = (3, 5)) -> str:
    kind = event.kind
    if kind == "arrive":
        if home:
            return _("Fly from %(home)s and arrive in Japan (visit 1)") % {"home": home}
        return _("Arrive in Japan (visit 1)")
    if kind == "consultation":
        return _("Consultation and imaging (MRI or X-ray) at the clinic")
    if kind == "harvest":
        return _("Tissue harvest (fat or bone marrow) for the cell culture")
    if kind == "depart_between":
        return _("Fly home while the cells are cultured")
    if kind == "culture":
        return _("Cell culture: %(low)s to %(high)s weeks") % {
            "low": culture_weeks[0],
            "high": culture_weeks[1],
        }
    if kind == "arrive_again":
        return _("Arrive in Japan (visit 2)")
    if kind == "injection":
        return _("Injection of your cultured cells")
    if kind == "rest":
        return _("Rest for 48 hours before flying")
    if kind == "return":
        if home:
            return _("Fly home to %(home)s") % {"home": home}
        return _("Fly home")
    if kind == "activity":
        return _("No running or heavy lifting for %(low)s to %(high)s weeks") % {
            "low": ACTIVITY_WEEKS[0],
            "high": ACTIVITY_WEEKS[1],
        }
    if kind == "follow_up":
        months = event.months or 0
        if event.mode == "in_person":
            text = ngettext(
                "Follow-up at the clinic, %(months)s month after the injection",
                "Follow-up at the clinic, %(months)s months after the injection",
                months,
            )
        else:
            text = ngettext(
                "Remote follow-up (video call), %(months)s month after the injection",
                "Remote follow-up (video call), %(months)s months after the injection",
                months,
            )
        return text % {"months": months}
    if kind == "visa_apply":
        return _("Apply for the Visa for Medical Stay by this day")
    return kind


def event_detail(event: Event) -> str:
    kind = event.kind
    if kind in {"consultation", "harvest", "injection"}:
        return _("Time to be confirmed by the clinic.")
    if kind == "culture":
        return _(
            "The clinic's cell processing facility grows the cells; it tells you when they are "
            "ready and the date of the injection."
        )
    if kind == "activity":
        return _(
            "Typical advice in published treatment explanations, from Saisei's generic template; "
            "your clinic's own instructions replace it."
        )
    if kind == "follow_up":
        return _(
            "Questions about pain and movement, and imaging if the clinic asks for it. Generic "
            "template: remote unless your clinic asks you to come."
        )
    if kind == "visa_apply":
        return _("A planning aid: apply earlier if you can; processing times vary.")
    return ""


def reminder_label(kind: str, event_key: str) -> str:
    """A saved plan's reminder, named for its page (never in the e-mail)."""
    if kind == "visa_application":
        return _("Apply for a visa, if you need one")
    if event_key == "visit1-arrive":
        return _("Trip to Japan (visit 1)")
    if event_key == "visit2-arrive":
        return _("Trip to Japan (visit 2)")
    months = event_key.rsplit("-", 1)[-1]
    if months.isdigit():
        return ngettext(
            "Follow-up %(n)s month after the injection",
            "Follow-up %(n)s months after the injection",
            int(months),
        ) % {"n": int(months)}
    return _("Follow-up")
