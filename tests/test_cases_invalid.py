"""Every field of the other records: invalid input is refused with the field named and
nothing stored."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from storage.casefile import (
    assessments,
    consents,
    documents,
    followups,
    interventions,
    placements,
)
from storage.errors import (
    NotFoundError,
    ValidationError,
)
from storage.registers import (
    groups,
    providers,
)
from storage.vault.store import Store
from tests.case_fixtures import days, new_case, shared_store, snapshot, store_template

__all__ = ["shared_store", "store_template"]


def _case(s: Store) -> int:
    return new_case(s)


Call = Callable[[Store, int], Any]
INVALID: list[tuple[Call, str]] = [
    (
        lambda s, c: consents.add_consent(s, c, agencies=[], municipalities=[], signed_on=days(-1)),
        "agencies",
    ),
    (
        lambda s, c: consents.add_consent(
            s, c, agencies="Polisen", municipalities=[], signed_on=days(-1)
        ),
        "agencies",
    ),
    (
        lambda s, c: consents.add_consent(
            s, c, agencies=["P", ""], municipalities=[], signed_on=days(-1)
        ),
        "agencies[1]",
    ),
    (
        lambda s, c: consents.add_consent(
            s, c, agencies=["P"], municipalities=[3], signed_on=days(-1)
        ),
        "municipalities[0]",
    ),
    (
        lambda s, c: consents.add_consent(
            s, c, agencies=["P"], municipalities=[], signed_on=days(2)
        ),
        "signed_on",
    ),
    (
        lambda s, c: consents.add_consent(
            s, c, agencies=["P"], municipalities=[], signed_on="idag"
        ),
        "signed_on",
    ),
    (
        lambda s, c: consents.add_consent(
            s, c, agencies=["P"], municipalities=[], signed_on=days(-1), expires_on=days(-2)
        ),
        "expires_on",
    ),
    (
        lambda s, c: consents.add_consent(
            s, c, agencies=["P"], municipalities=[], signed_on=days(-1), person_id=99999
        ),
        "person",
    ),
    (lambda s, c: consents.add_agreement(s, c, signed_on=days(-1), conditions=[]), "conditions"),
    (lambda s, c: consents.add_agreement(s, c, signed_on=None, conditions=["A"]), "signed_on"),
    (
        lambda s, c: consents.add_agreement(
            s, c, signed_on=days(-1), conditions=["A"], valid_until=days(-5)
        ),
        "valid_until",
    ),
    (
        lambda s, c: consents.add_agreement(
            s, c, signed_on=days(-1), conditions=["A"], summary="\x00"
        ),
        "summary",
    ),
    (
        lambda s, c: assessments.add_threat_assessment(
            s, c, source_unit="", assessed_on=days(-1), level="low", summary="s"
        ),
        "source_unit",
    ),
    (
        lambda s, c: assessments.add_threat_assessment(
            s, c, source_unit="P", assessed_on=days(1), level="low", summary="s"
        ),
        "assessed_on",
    ),
    (
        lambda s, c: assessments.add_threat_assessment(
            s, c, source_unit="P", assessed_on=days(-1), level="extreme", summary="s"
        ),
        "level",
    ),
    (
        lambda s, c: assessments.add_threat_assessment(
            s, c, source_unit="P", assessed_on=days(-1), level="low", summary=""
        ),
        "summary",
    ),
    (
        lambda s, c: assessments.add_threat_assessment(
            s,
            c,
            source_unit="P",
            assessed_on=days(-1),
            level="low",
            summary="s",
            next_review_on=days(-9),
        ),
        "next_review_on",
    ),
    (lambda s, c: assessments.add_network_link(s, c, environment="gang"), "environment"),
    (
        lambda s, c: assessments.add_network_link(
            s, c, environment="violent_extremism", role="x" * 201
        ),
        "role",
    ),
    (
        lambda s, c: assessments.add_network_link(
            s, c, environment="criminal_network", left_on="2024-02-30"
        ),
        "left_on",
    ),
    (
        lambda s, c: assessments.add_network_link(
            s, c, environment="criminal_network", group_id=99999
        ),
        "group",
    ),
    (lambda s, c: interventions.add_intervention(s, c, type="spa", started_on=days(-1)), "type"),
    (
        lambda s, c: interventions.add_intervention(s, c, type="other", started_on=None),
        "started_on",
    ),
    (
        lambda s, c: interventions.add_intervention(
            s, c, type="other", started_on=days(-1), ended_on=days(-2)
        ),
        "ended_on",
    ),
    (
        lambda s, c: interventions.add_intervention(
            s, c, type="other", started_on=days(-1), cost_sek=-5
        ),
        "cost_sek",
    ),
    (
        lambda s, c: interventions.add_intervention(
            s, c, type="other", started_on=days(-1), cost_sek=1.5
        ),
        "cost_sek",
    ),
    (
        lambda s, c: interventions.add_intervention(
            s, c, type="other", started_on=days(-1), funding="lottery"
        ),
        "funding",
    ),
    (
        lambda s, c: interventions.add_intervention(
            s, c, type="other", started_on=days(-1), control_interval_days=0
        ),
        "control_interval_days",
    ),
    (
        lambda s, c: interventions.add_intervention(
            s, c, type="other", started_on=days(-1), provider_id=99999
        ),
        "provider",
    ),
    (
        lambda s, c: placements.add_placement(s, c, municipality="", moved_in_on=days(-1)),
        "municipality",
    ),
    (
        lambda s, c: placements.add_placement(
            s, c, municipality="U", moved_in_on=days(-1), moved_out_on=days(-3)
        ),
        "moved_out_on",
    ),
    (
        lambda s, c: placements.add_placement(
            s, c, municipality="U", moved_in_on=days(-1), city="Umeå"
        ),
        "street",
    ),
    (
        lambda s, c: placements.add_placement(
            s, c, municipality="U", moved_in_on=days(-1), street="Gata 1"
        ),
        "city",
    ),
    (
        lambda s, c: placements.add_placement(
            s,
            c,
            municipality="U",
            moved_in_on=days(-1),
            street="Gata 1",
            city="U",
            postal_code="1234",
        ),
        "postal_code",
    ),
    (
        lambda s, c: followups.add_follow_up(s, c, kind="yearly", done_on=days(-1), summary="s"),
        "kind",
    ),
    (
        lambda s, c: followups.add_follow_up(s, c, kind="other", done_on=days(1), summary="s"),
        "done_on",
    ),
    (
        lambda s, c: followups.add_follow_up(s, c, kind="other", done_on=days(-1), summary=""),
        "summary",
    ),
    (lambda s, c: followups.add_reminder(s, c, due_on="snart", text="x"), "due_on"),
    (lambda s, c: followups.add_reminder(s, c, due_on=days(1), text=""), "text"),
    (lambda s, c: documents.add_document(s, c, title="", filename="f", content=b"x"), "title"),
    (lambda s, c: documents.add_document(s, c, title="T", filename="", content=b"x"), "filename"),
    (lambda s, c: groups.add_group(s, name="", environment="criminal_network"), "name"),
    (lambda s, c: groups.add_group(s, name="G", environment="sports club"), "environment"),
    (lambda s, c: providers.add_provider(s, name="P", kind="state"), "kind"),
    (
        lambda s, c: providers.add_provider(s, name="P", kind="private", org_number="x" * 21),
        "org_number",
    ),
]


@pytest.mark.parametrize(("call", "field"), INVALID)
def test_invalid_input_is_refused(shared_store: Store, call: Call, field: str) -> None:
    case_id = _case(shared_store)
    before = snapshot(shared_store)
    with pytest.raises((ValidationError, NotFoundError)) as exc:
        call(shared_store, case_id)
    named = exc.value.params.get("field") or exc.value.params.get("record")
    assert named == field
    assert snapshot(shared_store) == before
