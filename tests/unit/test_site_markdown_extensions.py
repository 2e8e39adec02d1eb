"""Our Python-Markdown extensions: CJK line joining and labelled task-list checkboxes."""

from __future__ import annotations

import markdown
import pytest

from sciedu.site.cjk_breaks import join_cjk_breaks

EXTENSIONS = ["pymdownx.tasklist", "sciedu.site.task_labels", "sciedu.site.cjk_breaks"]


def render(source: str) -> str:
    return markdown.markdown(source, extensions=EXTENSIONS)


@pytest.mark.parametrize(("source", "expected"), [
    ("地球绕着\n太阳转。", "<p>地球绕着太阳转。</p>"),
    ("速度是：\n20 米每秒", "<p>速度是：\n20 米每秒</p>"),            # a break before Latin text or a digit stays
    ("使用\nPython 计算", "<p>使用\nPython 计算</p>"),
    ("这是\n  第二行", "<p>这是第二行</p>"),                            # the indentation of the next line goes too
    ("句子。\n下一句！\n再一句", "<p>句子。下一句！再一句</p>"),          # full-width punctuation joins as well
    ("Earth goes\nround the Sun", "<p>Earth goes\nround the Sun</p>"),
])
def test_a_break_between_two_cjk_characters_is_removed(source: str, expected: str) -> None:
    assert render(source) == expected


def test_the_join_works_across_inline_elements() -> None:
    assert render("这是**加速度**\n的定义，*单位*\n是米每二次方秒") == "<p>这是<strong>加速度</strong>的定义，<em>单位</em>是米每二次方秒</p>"


def test_headings_and_code_are_not_joined() -> None:
    html = render("## 背景\n这是正文\n下一行\n\n```\n甲\n乙\n```\n\n    代码甲\n    代码乙\n")
    assert "<h2>背景</h2>" in html and "<p>这是正文下一行</p>" in html
    assert "甲\n乙" in html and "代码甲\n代码乙" in html


def test_join_cjk_breaks_on_plain_text() -> None:
    assert join_cjk_breaks("甲\n乙 \n 丙\nD\n戊") == "甲乙丙\nD\n戊"


def test_each_task_checkbox_is_labelled_by_its_text() -> None:
    html = render("- [ ] 访问前 *1–2* 周与教师通话\n- [x] Done\n")
    assert '<li class="task-list-item"><label><input type="checkbox" disabled/> 访问前 <em>1–2</em> 周与教师通话</label></li>' in html
    assert "<label><input type=\"checkbox\" disabled checked/> Done</label>" in html


def test_a_loose_task_list_labels_the_first_paragraph() -> None:
    html = render("- [ ] 第一项\n\n    补充说明\n\n- [ ] 第二项\n")
    assert "<p><label><input type=\"checkbox\" disabled/> 第一项</label></p>" in html
    assert "<p>补充说明</p>" in html


def test_a_plain_list_is_untouched() -> None:
    assert "<label>" not in render("- 甲\n- 乙\n")
