"""A refusal names what was refused in words, never by the policy's internal id (issue 14).

``PermissionDeniedError`` carries the action id (``results.read``) and the role value
(``member``); it renders them through ``policy.action.*`` / ``policy.role.*`` labels.
"""

from __future__ import annotations

import pytest

from oaoi_desktop.errors import PermissionDeniedError
from oaoi_desktop.i18n import all_messages
from oaoi_desktop.services import accounts, events, ranking
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.policy import Action
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Role
from support.builders import add_judges, make_event


def test_every_policy_action_and_role_has_a_label_in_both_languages() -> None:
    known = all_messages()
    actions = [v for k, v in vars(Action).items() if k.isupper() and isinstance(v, str)]
    assert len(actions) > 40  # the scan sees the policy's whole list
    missing = [a for a in actions if not {"id", "en"} <= set(known.get(f"policy.action.{a}", {}))]
    assert missing == [], "add a label to oaoi_desktop/i18n/catalogue_actions.py for: " + ", ".join(missing)
    missing_roles = [r.value for r in Role if not {"id", "en"} <= set(known.get(f"policy.role.{r.value}", {}))]
    assert missing_roles == []


def test_a_judge_refused_the_ranking_reads_words_not_ids(db: Database) -> None:
    eid = make_event(db)
    add_judges(db, eid, ["Ani Lestari"])
    with db.read() as s:
        event = events.get_event(s, eid)
        judge = accounts.find_judge(s, event, "Ani Lestari")
        with pytest.raises(PermissionDeniedError) as caught:
            ranking.rank_event(s, event, actor=Actor(judge.name, judge.id))
    text_id, text_en = caught.value.render("id"), caught.value.render("en")
    assert "results.read" not in text_id and "results.read" not in text_en
    assert "melihat peringkat dan hasil penilaian" in text_id, text_id
    assert "see rankings and results" in text_en, text_en
    assert "'" + "Ani Lestari" + "'" in text_id  # who was refused is still named


def test_an_unknown_action_still_shows_something() -> None:
    err = PermissionDeniedError("policy.secretariat_only", name="X", action="future.thing")
    assert "future.thing" in err.render("id")  # never an empty hole in the sentence
