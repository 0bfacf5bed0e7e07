"""Korean particles after a substituted value (thermogui.ui.josa: pure Python, no Qt)."""

import pytest

from thermogui.ui.josa import final_consonant, particles


@pytest.mark.parametrize(
    "written, read",
    [
        ("손실이 inf이(가) 되었습니다", "손실이 inf가 되었습니다"),  # 에프: no final consonant
        ("nan이(가)", "nan이"),  # …n
        ("학습률 0.01은(는) 이", "학습률 0.01은 이"),  # 일
        ("학습률 3e-4은(는)", "학습률 3e-4는"),  # 사
        ("학습률을 3e-4(으)로 정했습니다", "학습률을 3e-4로 정했습니다"),
        ("10(으)로", "10으로"),  # 십
        ("7(으)로", "7로"),  # 칠: ㄹ takes 로
        ("그래프를 파일(으)로", "그래프를 파일로"),  # 일: ㄹ
        ("그래프를 그림(으)로", "그래프를 그림으로"),
        ("data.csv을(를) 열었습니다", "data.csv를 열었습니다"),  # 브이
        ("name.json을(를)", "name.json을"),  # …n
        ("model.pt을(를)", "model.pt를"),
        ("'abc'은(는) 숫자가 아닙니다", "'abc'는 숫자가 아닙니다"),  # through the quote
        ('"data.t_u"은(는)', '"data.t_u"는'),
        ("손실 지형을(를) 쓸 수 없습니다", "손실 지형을 쓸 수 없습니다"),  # a Hangul syllable's own 받침
        ("모델 “직선”을(를)", "모델 “직선”을"),
        ("측정값 50%와(과)", "측정값 50%와"),  # 퍼센트
        ("표시 #와(과)", "표시 #와(과)"),  # a symbol says nothing: both forms stay
        ("'x…'은(는)", "'x…'은(는)"),
        ("결과(이)나", "결과나"),
        ("검증 비율 0.9(이)면", "검증 비율 0.9면"),
        ("검증 비율 0.5(이)면", "검증 비율 0.5면"),
        ("검증 비율 0.1(이)면", "검증 비율 0.1이면"),
        ("No particle (here)", "No particle (here)"),
    ],
)
def test_the_particle_follows_how_the_word_before_it_is_read(written, read):
    assert particles(written) == read


def test_final_consonants():
    assert final_consonant("각") == (True, False) and final_consonant("갈") == (True, True)
    assert final_consonant("가") == (False, False) and final_consonant("#") is None
    assert [final_consonant(d)[0] for d in "0123456789"] == [
        True,
        True,
        False,
        True,
        False,
        False,
        True,
        True,
        True,
        False,
    ]


def test_a_translation_formats_with_the_right_particle():
    """The window's translate() and Text messages go through it (the Korean texts come from the .qm)."""
    from thermogui.ui.i18n import Translated

    assert Translated("{what}이(가) 되었습니다").format(what="inf") == "inf가 되었습니다"
    assert Translated("{what}이(가) 되었습니다").format(what="nan") == "nan이 되었습니다"
    assert Translated("the {what} became {value}").format(what="loss", value="inf") == "the loss became inf"
