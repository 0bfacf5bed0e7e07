"""Korean particles after a substituted value: "inf이(가)" becomes "inf가", "0.01은(는)" becomes "0.01은".

A Korean particle depends on whether the word before it ends in a consonant (받침): 을/를, 은/는, 이/가, 과/와, 으로/로
(로 also after ㄹ).  A translation cannot know the value it will be given, so its template writes both forms, as
Korean software does ("{path}을(를)"); `particles()` picks one once the value is in, reading the value's last
character as a Korean reader would say it: a Hangul syllable by its final consonant, a digit by its Sino-Korean
name (1 일, 3 삼, 10 십, …), a Latin letter as a word or a file's extension ending in it is read (…m, …n with a
final consonant, …l with ㄹ, the rest without: inf → 에프, png → 지).  Quotes and closing brackets after the value
are looked through.  When the character says nothing (a symbol), both forms stay.
"""

from __future__ import annotations

import re

# the two forms as written in a template → (after a final consonant, after a vowel)
FORMS = {
    "을(를)": ("을", "를"),
    "를(을)": ("을", "를"),
    "은(는)": ("은", "는"),
    "는(은)": ("은", "는"),
    "이(가)": ("이", "가"),
    "가(이)": ("이", "가"),
    "과(와)": ("과", "와"),
    "와(과)": ("과", "와"),
    "(으)로": ("으로", "로"),
    "(이)라": ("이라", "라"),
    "(이)나": ("이나", "나"),
    "(이)면": ("이면", "면"),
}
_PATTERN = re.compile("|".join(re.escape(f) for f in FORMS))
_SEE_THROUGH = "'\"’”)]}>»」』*`"
# a digit's Sino-Korean name: (ends in a consonant, that consonant is ㄹ)
_DIGITS = {
    "0": (True, False),  # 영 (a lone 0), 십, 백, 천, 만: all end in a consonant
    "1": (True, True),  # 일
    "2": (False, False),  # 이
    "3": (True, False),  # 삼
    "4": (False, False),  # 사
    "5": (False, False),  # 오
    "6": (True, False),  # 육
    "7": (True, True),  # 칠
    "8": (True, True),  # 팔
    "9": (False, False),  # 구
}
_RIEUL = 8  # ㄹ as a final consonant (jongseong index)


def final_consonant(ch: str) -> tuple[bool, bool] | None:
    """(ends in a consonant, the consonant is ㄹ) for a word ending in `ch`; None when unknown."""
    code = ord(ch)
    if 0xAC00 <= code <= 0xD7A3:
        jong = (code - 0xAC00) % 28
        return jong != 0, jong == _RIEUL
    if ch in _DIGITS:
        return _DIGITS[ch]
    if ch in "%°":  # 퍼센트, 도
        return False, False
    low = ch.lower()
    if "a" <= low <= "z":
        if low in "mn":  # a word's …m, …n, or the letter's name (엠, 엔)
            return True, False
        if low == "l":  # …l, 엘: ㄹ
            return True, True
        return False, False  # …r, …e, …f, …s, or a letter's name (csv → 브이, png → 지, inf → 에프)
    return None


def particles(text: str) -> str:
    """`text` with every two-form particle written as the one its preceding word takes."""
    if "(" not in text:
        return text

    def pick(m: re.Match) -> str:
        i = m.start() - 1
        while i >= 0 and text[i] in _SEE_THROUGH:
            i -= 1
        if i < 0 or text[i].isspace():
            return m.group(0)
        ends = final_consonant(text[i])
        if ends is None:
            return m.group(0)
        consonant, rieul = ends
        form = m.group(0)
        after_consonant, after_vowel = FORMS[form]
        if form == "(으)로" and rieul:
            return after_vowel
        return after_consonant if consonant else after_vowel

    return _PATTERN.sub(pick, text)
