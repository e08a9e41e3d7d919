"""Personnummer and samordningsnummer: format, century, date, control digit; why it fails."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.records.personnummer import (
    InvalidPersonnummerError,
    PersonnummerCenturyError,
    PersonnummerCharactersError,
    PersonnummerControlDigitError,
    PersonnummerDateError,
    PersonnummerFutureError,
    PersonnummerLengthError,
    luhn_digit,
    make_identity_number,
    parse_identity_number,
)

TODAY = dt.date(2026, 6, 1)


def parse(text: str) -> str:
    return parse_identity_number(text, today=TODAY).normalised


@pytest.mark.parametrize(
    "text",
    ["811228-9874", "8112289874", "198112289874", "19811228-9874", " 811228-9874 "],
)
def test_the_same_number_in_every_accepted_form(text: str) -> None:
    assert parse(text) == "19811228-9874"


def test_value_object() -> None:
    n = parse_identity_number("811228-9874", today=TODAY)
    assert n.birth_date == dt.date(1981, 12, 28) and n.birth_year == 1981
    assert n.kind == "personnummer" and not n.is_coordination
    assert n.digits == "198112289874" and str(n) == "19811228-9874"
    assert n.short == "811228-9874" and n.legal_sex_digit_odd


def test_century_rules_for_ten_digits() -> None:
    # The most recent year not in the future: 25xxxx is 2025, 27xxxx is 1927.
    assert parse(make_identity_number(dt.date(2025, 3, 1), 123)[2:]).startswith("2025")
    assert parse(make_identity_number(dt.date(1927, 3, 1), 123)[2:]).startswith("1927")
    # Same year as today but later in the year: a century back.
    later = make_identity_number(dt.date(1926, 7, 1), 123)[2:]
    assert parse(later).startswith("1926")
    # '+' means 100 or older: one more century back.
    ten = make_identity_number(dt.date(1920, 5, 5), 222)[2:].replace("-", "+")
    assert parse(ten).startswith("1920")
    ten_minus = ten.replace("+", "-")
    assert parse(ten_minus).startswith("2020")


def test_plus_with_twelve_digits_must_fit_the_age() -> None:
    old = make_identity_number(dt.date(1920, 5, 5), 222).replace("-", "+")
    assert parse(old) == old.replace("+", "-")
    young = make_identity_number(dt.date(1990, 5, 5), 222).replace("-", "+")
    with pytest.raises(PersonnummerCenturyError):
        parse(young)


def test_samordningsnummer_day_plus_sixty() -> None:
    text = make_identity_number(dt.date(1990, 4, 15), 123, coordination=True)
    assert text[6:8] == "75"
    n = parse_identity_number(text, today=TODAY)
    assert n.is_coordination and n.kind == "samordningsnummer"
    assert n.birth_date == dt.date(1990, 4, 15) and n.birth_day == 15
    assert n.normalised == text


def test_leap_day() -> None:
    assert parse(make_identity_number(dt.date(2000, 2, 29), 111)).startswith("20000229")
    with pytest.raises(PersonnummerDateError):
        parse("20010229-1116")


@pytest.mark.parametrize(
    ("text", "error", "why"),
    [
        ("81122898", PersonnummerLengthError, "10 or 12 digits (got 8)"),
        ("1981122898745", PersonnummerLengthError, "got 13"),
        ("", PersonnummerLengthError, "got 0"),
        ("811228_9874", PersonnummerCharactersError, "only digits"),
        ("8112-28-9874", PersonnummerCharactersError, "only digits"),
        ("81122-89874", PersonnummerCharactersError, "only digits"),
        ("abcdef-ghij", PersonnummerCharactersError, "only digits"),
        ("811328-9874", PersonnummerDateError, "not a real calendar date"),
        ("811232-9874", PersonnummerDateError, "not a real calendar date"),
        ("810000-9874", PersonnummerDateError, "not a real calendar date"),
        ("811292-9874", PersonnummerDateError, "not a real calendar date"),
        ("811228-9875", PersonnummerControlDigitError, "control digit"),
        ("17811228-9874", PersonnummerCenturyError, "century"),
        ("20301228-9874", PersonnummerFutureError, "future"),
    ],
)
def test_invalid_numbers_say_why(text: str, error: type[Exception], why: str) -> None:
    with pytest.raises(error) as exc:
        parse_identity_number(text, field="person.personnummer", today=TODAY)
    assert isinstance(exc.value, InvalidPersonnummerError)
    message = str(exc.value)
    assert why in message and "person.personnummer" in message
    assert "9874" not in message  # the value itself is never in the message


def test_not_a_string() -> None:
    with pytest.raises(PersonnummerCharactersError):
        parse_identity_number(8112289874, today=TODAY)  # type: ignore[arg-type]


def test_luhn_known_value() -> None:
    assert luhn_digit("811228987") == 4
    with pytest.raises(ValueError):
        make_identity_number(dt.date(1990, 1, 1), 1000)


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY),
    st.integers(0, 999),
    st.booleans(),
)
def test_every_made_number_parses_back(born: dt.date, serial: int, coordination: bool) -> None:
    text = make_identity_number(born, serial, coordination)
    n = parse_identity_number(text, today=TODAY)
    assert n.birth_date == born and n.normalised == text and n.is_coordination == coordination


@given(st.text(max_size=20))
def test_any_text_is_a_number_or_a_clear_refusal(text: str) -> None:
    try:
        parse_identity_number(text, today=TODAY)
    except InvalidPersonnummerError as exc:
        assert exc.params["field"] == "personnummer"


@given(st.from_regex(r"\A\d{6}[-+]?\d{4}\Z"))
def test_a_typo_in_any_digit_is_caught(text: str) -> None:
    try:
        n = parse_identity_number(text, today=TODAY)
    except InvalidPersonnummerError:
        return
    digits = text.replace("-", "").replace("+", "")
    for i in range(6, 10):  # serial and control digit: Luhn catches every single-digit change
        changed = digits[:i] + str((int(digits[i]) + 1) % 10) + digits[i + 1 :]
        with pytest.raises(InvalidPersonnummerError):
            parse_identity_number(changed, today=TODAY)
    assert n.digits.endswith(digits[6:])
