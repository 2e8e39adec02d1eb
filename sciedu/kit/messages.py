"""Every sentence the kit shows a student, in Chinese and English, keyed by a message id.

Keeping them in one table lets a test check that both languages exist and take the same ``{placeholders}``,
and lets a reviewer read all the wording in one place.
"""

from __future__ import annotations

from typing import Any

from sciedu.kit.lang import resolve_lang

MESSAGES: dict[str, dict[str, str]] = {
    # shared
    "correct": {
        "zh": "正确！",
        "en": "Correct!",
    },
    "empty": {
        "zh": "你还没有填写答案。",
        "en": "You haven't entered an answer yet.",
    },
    "too_long": {
        "zh": "答案太长了（最多 {limit} 个字符）。",
        "en": "That answer is too long (at most {limit} characters).",
    },
    "internal": {
        "zh": "这个答案没法检查，请换一种写法再试。",
        "en": "This answer couldn't be checked. Try writing it another way.",
    },
    # quantities
    "q_wrong_number": {
        "zh": "量的种类对了，但数值不对（超出了允许误差 {tolerance}）。再检查一下计算。",
        "en": ("The kind of quantity is right, but the number is off (outside the allowed error of {tolerance}). "
               "Check your calculation."),
    },
    "q_wrong_dimension": {
        "zh": "你给出的是{given}，但题目要求的是{expected}。检查一下单位。",
        "en": "You gave {given}, but {expected} was asked for. Check your unit.",
    },
    "q_too_large": {
        "zh": "你的数值是正确结果的 {factor} 倍。{hint}",
        "en": "Your value is {factor} times too large. {hint}",
    },
    "q_too_small": {
        "zh": "你的数值只有正确结果的 1/{factor}。{hint}",
        "en": "Your value is {factor} times too small. {hint}",
    },
    "q_hint_prefix": {
        "zh": "检查单位的词头（如 k、c、m）和单位换算。",
        "en": "Check the unit prefix (k, c, m, …) and your unit conversion.",
    },
    "q_hint_speed": {
        "zh": "注意 km/h 和 m/s 的换算：1 m/s = 3.6 km/h。",
        "en": "Mind the conversion between km/h and m/s: 1 m/s = 3.6 km/h.",
    },
    "q_hint_time": {
        "zh": "注意秒、分钟、小时之间的换算。",
        "en": "Mind the conversion between seconds, minutes and hours.",
    },
    "q_hint_days": {
        "zh": "注意小时、天、年之间的换算。",
        "en": "Mind the conversion between hours, days and years.",
    },
    "q_hint_temperature": {
        "zh": "你的数值像是用了另一种温标，注意摄氏度（°C）和开尔文（K）的换算。",
        "en": "Your number looks like it is on another temperature scale. Mind the conversion between °C and K.",
    },
    "q_missing_unit": {
        "zh": "缺少单位：请在数值后面写上单位，例如“3.0 m”里的“m”。",
        "en": "The unit is missing: write a unit after the number, like the “m” in “3.0 m”.",
    },
    "q_missing_unit_number_ok": {
        "zh": "数值对了，但缺少单位。请在数值后面写上单位。",
        "en": "The number is right, but the unit is missing. Write a unit after the number.",
    },
    "q_no_number": {
        "zh": "请先写数值，再写单位，例如“9.8 m/s^2”。",
        "en": "Start with the number, then the unit, for example “9.8 m/s^2”.",
    },
    "q_unknown_unit": {
        "zh": ("不认识单位“{unit}”。"
               "可以用 m、s、kg、N 这样的符号，或 米、秒、千克、牛 这样的中文名称。"),
        "en": "Unknown unit “{unit}”. Use symbols such as m, s, kg and N, or names such as metre.",
    },
    "q_bad_unit": {
        "zh": "看不懂单位“{unit}”。单位里只能有单位名称、* / 、括号和不大的指数。",
        "en": ("The unit “{unit}” couldn't be read. A unit may contain only unit names, * /, brackets and small "
               "powers."),
    },
    "q_bad_char": {
        "zh": "单位里不能有“{char}”。",
        "en": "“{char}” can't appear in a unit.",
    },
    "q_bad_exponent": {
        "zh": "单位的指数太大了：“{text}”。",
        "en": "The power in the unit is too large: “{text}”.",
    },
    "q_number_too_large": {
        "zh": "这个数太大或太小了，无法检查。",
        "en": "That number is too large or too small to check.",
    },
    "q_decimal_comma": {
        "zh": "请用小数点“.”表示小数，不要用逗号。",
        "en": "Use a decimal point “.”, not a comma.",
    },
    # expressions
    "e_not_equivalent": {
        "zh": "这个表达式和正确答案不相等。",
        "en": "This expression is not equal to the expected answer.",
    },
    "e_sign": {
        "zh": "差一点：正负号不对。",
        "en": "Close, but the sign is wrong.",
    },
    "e_factor": {
        "zh": "差一点：和正确答案只差一个常数倍数。检查系数。",
        "en": "Close: it differs from the answer by a constant factor. Check the coefficients.",
    },
    "p_unexpected_char": {
        "zh": "第 {position} 个字符“{token}”不能出现在表达式里。",
        "en": "“{token}” (character {position}) can't appear in an expression.",
    },
    "p_unexpected_token": {
        "zh": "第 {position} 个字符处的“{token}”放在这里不对。",
        "en": "“{token}” at character {position} doesn't belong there.",
    },
    "p_unexpected_end": {
        "zh": "表达式不完整：结尾还缺少内容。",
        "en": "The expression is incomplete: something is missing at the end.",
    },
    "p_unclosed": {
        "zh": "有括号没有闭合：缺少“)”。",
        "en": "A bracket is not closed: a “)” is missing.",
    },
    "p_unmatched_close": {
        "zh": "第 {position} 个字符处多了一个“)”。",
        "en": "There is an extra “)” at character {position}.",
    },
    "p_unknown_name": {
        "zh": "不认识“{token}”。可以使用的变量：{names}。",
        "en": "Unknown name “{token}”. The variables you can use are: {names}.",
    },
    "p_function_call": {
        "zh": "函数 {token} 后面要加括号，例如 {token}(x)。",
        "en": "Put brackets after {token}, for example {token}(x).",
    },
    "p_too_deep": {
        "zh": "括号或符号嵌套太深了（最多 {limit} 层）。",
        "en": "The expression is nested too deeply (at most {limit} levels).",
    },
    "p_too_large": {
        "zh": "第 {position} 个字符附近的数字或指数太大了，无法计算。",
        "en": "A number or power near character {position} is too large to work with.",
    },
    "p_equals": {
        "zh": "只写等号右边的表达式，不要写“=”。",
        "en": "Write only the expression, without “=”.",
    },
    "p_tip": {
        "zh": ("表达式里可以用数字、变量（{names}）、"
               "sin cos tan exp log sqrt abs、pi、+ - * / ^ 和括号。"),
        "en": "You can use numbers, the variables {names}, sin cos tan exp log sqrt abs, pi, + - * / ^ and brackets.",
    },
    # multiple choice
    "c_incorrect": {
        "zh": "不对，再想一想。",
        "en": "Not quite. Think again.",
    },
    "c_misconception": {
        "zh": "这是一个常见的误解：{misconception}",
        "en": "This is a common misconception: {misconception}",
    },
    "c_invalid": {
        "zh": "没有这个选项：请选择 {first} 到 {last} 中的一个。",
        "en": "There is no such option: choose one of {first} to {last}.",
    },
    "c_none": {
        "zh": "请先选择一个选项。",
        "en": "Choose an option first.",
    },
    # predict, observe, explain
    "r_recorded": {
        "zh": "已记录你的预测。现在可以查看结果了。",
        "en": "Your prediction is recorded. Now see what happens.",
    },
    "r_not_saved": {
        "zh": "（没能保存到文件，但这次已经记下了。）",
        "en": "(This couldn't be saved to the file, but it is kept for this session.)",
    },
    "r_no_prediction": {
        "zh": "请先写下你的预测，再查看结果。",
        "en": "Write down your prediction before you look at the result.",
    },
    "r_empty_prediction": {
        "zh": "先写下你的预测：你觉得会发生什么？为什么？",
        "en": "Write down your prediction first: what do you think will happen, and why?",
    },
    "r_reveal": {
        "zh": "你的预测：{prediction}\n\n观察结果：{observation}\n\n{explain}",
        "en": "Your prediction: {prediction}\n\nWhat happened: {observation}\n\n{explain}",
    },
    "r_explain": {
        "zh": "现在解释一下：结果和你的预测一致吗？为什么？",
        "en": "Now explain: does the result match your prediction? Why or why not?",
    },
    "r_explain_first": {
        "zh": "先查看结果，再写解释。",
        "en": "Look at the result before you explain it.",
    },
    "r_explained": {
        "zh": "已记录你的解释。",
        "en": "Your explanation is recorded.",
    },
    "r_empty_explanation": {
        "zh": "请写下你的解释。",
        "en": "Write down your explanation.",
    },
    # widgets
    "w_answer": {
        "zh": "答案",
        "en": "Answer",
    },
    "w_check": {
        "zh": "检查",
        "en": "Check",
    },
    "w_check_tooltip": {
        "zh": "检查答案（也可以按回车键）",
        "en": "Check the answer (or press Enter)",
    },
    "w_placeholder": {
        "zh": "在这里输入答案，按回车检查",
        "en": "Type your answer, press Enter to check",
    },
    "w_choice": {
        "zh": "选择",
        "en": "Choose",
    },
    "w_prediction": {
        "zh": "我的预测",
        "en": "My prediction",
    },
    "w_prediction_placeholder": {
        "zh": "我预测……，因为……",
        "en": "I predict … because …",
    },
    "w_record": {
        "zh": "记录预测",
        "en": "Record prediction",
    },
    "w_reveal": {
        "zh": "查看结果",
        "en": "Show the result",
    },
    "w_explanation": {
        "zh": "我的解释",
        "en": "My explanation",
    },
    "w_explanation_placeholder": {
        "zh": "结果是……，我认为原因是……",
        "en": "What happened was … because …",
    },
    "w_explain": {
        "zh": "记录解释",
        "en": "Record explanation",
    },
    # variant tables
    "v_seed": {
        "zh": "种子",
        "en": "Seed",
    },
    "v_answer": {
        "zh": "答案",
        "en": "Answer",
    },
}


def message(key: str, lang: str, **params: Any) -> str:
    """The ``lang`` wording of message ``key`` with ``params`` filled in."""
    return MESSAGES[key][resolve_lang(lang)].format(**params)
