"""Answering a questionnaire occasion, page by page; every page is saved on the server.

A page's answers replace what was saved for its items (a cleared answer is deleted), so a
patient whose connection drops finds everything they sent so far when they open the link
again. The last page completes the occasion and stores its scores.
"""

from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from saisei.audit.services import record

from . import clock, links, questionnaires
from .errors import AnswerError
from .models import Answer, Occasion, Treatment


def occasion_for_token(token: str) -> Occasion:
    """The occasion an answer link opens; LinkError/AnswerError if it cannot be answered."""
    pk = links.read_token(links.ANSWER, token)
    occasion = (
        Occasion.objects.select_related("treatment", "treatment__facility").filter(pk=pk).first()
    )
    if occasion is None:
        raise AnswerError(_("This questionnaire no longer exists."))
    if occasion.treatment.follow_up != Treatment.FollowUp.ACTIVE:
        raise AnswerError(_("You have stopped taking part, so there is nothing to answer."))
    return occasion


def saved_answers(occasion: Occasion) -> dict[tuple[str, str], int]:
    return {(a.instrument, a.item): a.value for a in occasion.answers.all()}


def first_unsaved_page(occasion: Occasion, total: int) -> int:
    return min(occasion.pages_saved + 1, max(total, 1))


@transaction.atomic
def save_page(occasion: Occasion, page: questionnaires.Page, values: Mapping[str, int | None]):
    """Store one page's answers ({item id: value or None for skipped}); complete on the last."""
    occasion = Occasion.objects.select_for_update().get(pk=occasion.pk)
    if occasion.status == Occasion.Status.COMPLETED:
        raise AnswerError(_("This questionnaire was already sent. Thank you."))
    instrument = page.instrument
    for item in page.items:
        value = values.get(item.id)
        if value is None:
            Answer.objects.filter(
                occasion=occasion, instrument=instrument.id, item=item.id
            ).delete()
            continue
        if value not in item.values:
            raise AnswerError(_("Please choose one of the answers shown."))
        Answer.objects.update_or_create(
            occasion=occasion,
            instrument=instrument.id,
            item=item.id,
            defaults={"value": value},
        )
    now = clock.now()
    occasion.status = Occasion.Status.IN_PROGRESS
    occasion.started_at = occasion.started_at or now
    occasion.pages_saved = max(occasion.pages_saved, page.number)
    occasion.save()
    record(
        "outcomes.page_saved",
        occasion,
        actor=occasion.treatment.patient,
        page=page.number,
        instrument=instrument.id,
    )
    return occasion


@transaction.atomic
def complete(occasion: Occasion) -> Occasion:
    occasion = Occasion.objects.select_for_update().get(pk=occasion.pk)
    if occasion.status == Occasion.Status.COMPLETED:
        return occasion
    occasion.scores = score(occasion)
    occasion.status = Occasion.Status.COMPLETED
    occasion.completed_at = clock.now()
    occasion.answered_on = clock.today()
    occasion.save()
    record("outcomes.occasion_completed", occasion, actor=occasion.treatment.patient)
    return occasion


def score(occasion: Occasion) -> dict[str, float | None]:
    """{"instrument.subscale": score or None} for every instrument answered at this occasion."""
    answers = saved_answers(occasion)
    result: dict[str, float | None] = {}
    for instrument in questionnaires.all_instruments().values():
        mine = {item: v for (inst, item), v in answers.items() if inst == instrument.id}
        if not mine:
            continue
        for subscale, value in instrument.score(mine).items():
            result[f"{instrument.id}.{subscale}"] = value
    return result


@transaction.atomic
def record_completed(
    treatment: Treatment,
    timepoint: str,
    answers: Mapping[str, Mapping[str, int]],
    answered_at,
) -> Occasion:
    """A completed occasion with the given answers ({instrument: {item: value}}), e.g. for
    demo data or an import from paper: scored exactly as answers given online."""
    occasion, _created = Occasion.objects.get_or_create(treatment=treatment, timepoint=timepoint)
    Answer.objects.filter(occasion=occasion).delete()
    Answer.objects.bulk_create(
        Answer(occasion=occasion, instrument=instrument, item=item, value=value)
        for instrument, values in answers.items()
        for item, value in values.items()
    )
    occasion.scores = score(occasion)
    occasion.status = Occasion.Status.COMPLETED
    occasion.started_at = occasion.completed_at = answered_at
    occasion.answered_on = answered_at.astimezone(timezone.get_current_timezone()).date()
    occasion.save()
    return occasion
