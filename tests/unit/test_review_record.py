"""The review record must say who checked what (as roles) and what still awaits an expert."""

from __future__ import annotations

from sciedu.checks import content
from sciedu.checks.context import Context
from sciedu.site.pages import _review_record

CHECKED = """  checked:
    - {role: {zh: 测试数据, en: test fixture}, what: {zh: 答案由 sciedu check 重算, en: answers recomputed by sciedu check}}
"""
AWAITING = """  awaiting:
    - {zh: 这是测试数据，不用于教学, en: "this is test data, not for teaching"}
"""


def test_a_complete_record_passes(activity_with) -> None:
    assert list(content.review_record_honest(activity_with(), Context())) == []


def test_a_record_without_checks_is_a_warning_at_the_review_key(activity_with) -> None:
    activity = activity_with(CHECKED, "")
    [finding] = content.review_record_honest(activity, Context())
    assert (finding.rule, finding.line) == ("review-record", 30)
    assert "review.checked is missing" in finding.message and "as roles" in finding.message


def test_a_record_that_does_not_say_what_awaits_is_a_warning(activity_with) -> None:
    [finding] = content.review_record_honest(activity_with(AWAITING, ""), Context())
    assert "review.awaiting is missing" in finding.message


def test_an_empty_awaiting_list_says_nothing_awaits(activity_with) -> None:
    activity = activity_with(AWAITING, "  awaiting: []\n")
    assert list(content.review_record_honest(activity, Context())) == []
    assert "**尚待专家审核**\n\n- 无" in _review_record(activity.metadata.review, "zh")


def test_the_page_shows_roles_and_what_awaits_in_each_language(activity_with) -> None:
    review = activity_with().metadata.review
    assert "- **test fixture**: answers recomputed by sciedu check" in _review_record(review, "en")
    assert "- **测试数据**：答案由 sciedu check 重算" in _review_record(review, "zh")
    assert "**Still awaiting an expert's review**\n\n- this is test data, not for teaching" in _review_record(review, "en")
