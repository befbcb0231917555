"""Twenty-seventh round: whole examination tables by side, and words said without articles (docs/reader.md)."""

from __future__ import annotations

import pytest

from nerveroot.text import read_text

_BARRED = (
    "Obj:\n"
    "Test        | R                        | L\n"
    "SLR         | 40°, +ve (calf pain)     | 85°, -ve\n"
    "Slump       | +ve                      | -ve\n"
    "KJ          | N                        | N\n"
    "AJ          | ↓                        | N\n"
    "PF (MRC)    | 4+                       | 5\n"
    "DF / EHL    | 5 / 5                    | 5 / 5\n"
    "LT          | ↓ lat foot, little toe   | N\n"
    "Imp: R S1 radiculopathy."
)

_ALIGNED = (
    "Obj:\n"
    "                 R        L\n"
    "SLR              80 -ve   40 +ve\n"
    "X-SLR            +ve      –\n"
    "EHL              5        4-\n"
    "DF               5        4+\n"
    "Hip abd          5        4\n"
    "KJ / AJ          N / N    N / ↓\n"
    "Heel walk        N        weak\n"
    "Sens LT          N        ↓ dorsum foot\n"
    "Plan: review in a week."
)


def test_a_barred_table_by_side_gives_every_row_to_its_column() -> None:
    """ "Test | R | L" without bars at the ends: each row's cells are read as the column's side says, signs and
    reflexes as well as grades (the reader used to read none of it, or give the sign to the wrong side)."""
    case = read_text(_BARRED).case
    assert case.tests.right.straight_leg_raise == "positive"
    assert case.tests.left.straight_leg_raise == "negative"
    assert case.tests.right.slump == "positive"
    assert case.reflexes.right.achilles == "reduced"
    assert case.reflexes.left.achilles == "normal"
    assert case.reflexes.right.patellar == "normal"
    assert case.weakness.right["ankle_plantarflexion"] == "4+"
    assert case.weakness.right["great_toe_extension"] == 5
    assert "little_toe" in (case.sensation.right or {})
    assert not (case.sensation.left or {})


def test_a_table_lined_up_by_spaces_is_read_past_its_first_row_without_grades() -> None:
    """The rows after "SLR 80 -ve 40 +ve" are still the table: the weak left EHL and the left heel walk count."""
    case = read_text(_ALIGNED).case
    assert case.tests.left.straight_leg_raise == "positive"
    assert case.tests.right.straight_leg_raise == "negative"
    assert case.tests.right.crossed_straight_leg_raise == "positive"
    assert case.weakness.left["great_toe_extension"] == "4-"
    assert case.weakness.left["ankle_dorsiflexion"] == "4+"
    assert case.weakness.left["hip_abduction"] == 4
    assert case.reflexes.left.achilles == "reduced"
    assert case.reflexes.left.patellar == "normal"
    assert case.tests.left.heel_walk == "weak"
    assert "dorsum_foot" in (case.sensation.left or {})


_CALL = (
    "Telephone triage, 09:10. Caller: Sam, 40, male.\n"
    "Nurse: Where is the pain?\n"
    "Sam: Down the back of my right leg to the heel, two weeks now, since I moved a wardrobe.\n"
    "Nurse: Any numbness between your legs or when you wipe?\n"
    "Sam: No.\n"
    "Nurse: Passing urine normally? Any leaking? And your bowels?\n"
    "Sam: All normal.\n"
    "Nurse: Any fever or history of cancer?\n"
    "Sam: Nope, nothing like that.\n"
)


def test_a_question_answered_no_is_denied_not_read_as_present() -> None:
    """In a call's transcript the clinician's question names the warning signs; the caller's "No" or "All normal"
    denies them (they were read as present: an emergency on a routine call)."""
    from nerveroot.service import assess_text

    case = read_text(_CALL).case
    assert case.history.saddle_numbness is False
    assert not case.history.urinary_incontinence
    assert not case.history.bowel_incontinence
    assert not case.history.history_of_cancer
    assert not case.history.fever
    assert "posterior_thigh" in (case.pain.right or []) or "heel" in (case.pain.right or [])
    assert assess_text(_CALL).triage.level not in ("emergency", "urgent")


def test_a_question_answered_with_doubt_stays_unsure() -> None:
    """ "Dunno" to a question about the bladder is not a no: the topic is listed as unsure."""
    text = "Q: Any trouble passing urine?\nA: Dunno, maybe a bit slower.\nQ: Any numbness in the saddle area?\nA: No."
    case = read_text(text).case
    assert "history.bladder_dysfunction" in {u.finding for u in case.unsure} or case.history.urinary_retention
    assert case.history.saddle_numbness is False


def test_a_question_answered_yes_is_present() -> None:
    case = read_text("Q: Any numbness around your back passage?\nA: Yes, since yesterday.").case
    assert case.history.saddle_numbness is True


def test_a_question_of_ones_own_without_an_answer_is_not_denied() -> None:
    """A person's own question ("is the numbness in my bum serious?") tells of the numbness: not a denial."""
    case = read_text(
        "Since Monday the skin round my bum has gone numb. Is that serious? Should I go in?"
    ).case
    assert case.history.saddle_numbness is True


def _unsure(case: object) -> set[str]:
    return {u.finding for u in case.unsure}  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text",
    [
        "L leg gone cold n white since this morn, cant feel my toes. back aches too. help",
        "my left foot went white n cold like ice this morning and hurts like hell",
    ],
)
def test_a_leg_gone_cold_and_white_today_is_hours_old(text: str) -> None:
    """ "this morn", and a colour said with "n" and a simile before the time: hours old, so ischaemia is possible."""
    from nerveroot.service import assess_text

    assert read_text(text).case.duration_weeks is not None
    assert assess_text(text).triage.level == "emergency"


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("This am noticed wiping felt 'not right, like half numb' on the left side of my bottom.", "saddle"),
        ("Saddle LT: pt reports ↓ L perianal (self-tested).", "saddle"),
        (
            "The area where you sit on the chair, between, it is like frozen, like after injection at dentist.",
            "saddle",
        ),
        (
            'His "plumbing" has been slow for ten days: he has to "wait for it" before anything happens.',
            "bladder",
        ),
    ],
)
def test_a_warning_sign_in_plain_or_shorthand_words_is_read(text: str, finding: str) -> None:
    case = read_text(text).case
    h = case.history
    present = {
        "saddle": h.saddle_numbness or case.exam.perianal_sensation == "reduced",
        "bladder": h.urinary_retention or h.bladder_dysfunction,
    }[finding]
    assert present is True


def test_nothing_odd_or_numb_denies_the_whole_list() -> None:
    """ "nothing weird or numb down below" denies the numbness ("nothing" reached only two words before)."""
    assert (
        read_text(
            "I can wee normally and there's nothing weird or numb down below."
        ).case.history.saddle_numbness
        is not True
    )


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        (
            "Since 3 weeks my left leg is sleeping, the outside of the calf and on top of foot.",
            {"lateral_calf"},
        ),
        ("Both legs now are like cotton wool from behind the knee to the feet.", {"foot"}),
        ("My foot and calf are numb.", {"foot", "posterior_calf"}),
    ],
)
def test_numbness_in_a_translation_a_simile_or_a_list_before_it(text: str, regions: set[str]) -> None:
    """ "my leg is sleeping" (asleep, in other words), "like cotton wool", and every part listed before "are numb"
    (only the nearest was read)."""
    case = read_text(text).case
    numb = set(case.numbness.left or []) | set(case.numbness.right or []) | set(case.numbness.unknown or [])
    assert regions <= numb


def test_increasing_difficulty_climbing_stairs_is_weakness_getting_worse() -> None:
    case = read_text(
        "Three days of back pain and tingling in both feet, followed by increasing difficulty climbing stairs."
    ).case
    assert case.history.progressive_weakness is True


def test_a_crossed_straight_leg_raise_written_x_slr() -> None:
    assert (
        read_text("Left leg pain. X-SLR +ve on the right.").case.tests.right.crossed_straight_leg_raise
        == "positive"
    )


def test_reflexes_written_as_a_pair_of_pluses_are_normal() -> None:
    """ "KJ ++/++": normal (on both sides), not the "+" of a reduced jerk."""
    reflexes = read_text("KJ ++/++  AJ ++/++").case.reflexes
    read = [getattr(reflexes, side) for side in ("left", "right", "unknown") if getattr(reflexes, side)]
    assert read and all(r.patellar in (None, "normal") and r.achilles in (None, "normal") for r in read)
    assert any(r.patellar == "normal" for r in read)


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        (
            "C: When you wipe after the toilet, does it feel normal?\nCh: Actually... no. It's odd on one side.",
            "saddle_numbness",
        ),
        ("Q: Are you passing urine normally?\nA: No.", "bladder_dysfunction"),
    ],
)
def test_no_to_a_question_of_whether_a_function_is_normal_is_a_change(text: str, finding: str) -> None:
    """ "Does it feel normal?" answered "no" is a failed screen: the change is there, not denied."""
    assert getattr(read_text(text).case.history, finding) is True


def test_a_faint_pulse_is_not_feeling_faint() -> None:
    case = read_text("The nurse couldn't find the pulse on top of my left foot and the right one was faint.").case
    assert not case.history.faintness_or_collapse


def test_a_leak_after_a_birth_that_physio_sorted_out_is_over() -> None:
    case = read_text(
        "I did have some leaking when I sneezed in the first few weeks after she was born, but the pelvic floor "
        "physio sorted that out and it's been completely fine for months."
    ).case
    assert not case.history.urinary_incontinence


def test_no_then_normal_answers_a_screen_as_normal() -> None:
    """ "No, normal." to "Passing urine normally? Any leaking?" is a normal screen, not a failed one."""
    case = read_text("C: Passing urine normally? Any leaking, any trouble starting?\nJ: No, normal.").case
    assert not case.history.bladder_dysfunction and not case.history.urinary_retention


@pytest.mark.parametrize(
    "text",
    [
        "He has had some urinary frequency since the radiotherapy, unchanged for years, with no retention.",
        "She has the urinary frequency of pregnancy but no incontinence.",
    ],
)
def test_frequency_with_its_reason_or_unchanged_for_years_is_no_warning(text: str) -> None:
    assert not read_text(text).case.history.bladder_dysfunction


def test_an_aneurysm_on_a_scan_with_sudden_back_pain_is_an_emergency() -> None:
    """Read after the held-back batch was measured: a CT report's "aortic aneurysm, maximum diameter 7.4 cm" and
    "ruptured infrarenal AAA" are a known aneurysm."""
    from nerveroot.service import assess_text

    text = (
        "CT KUB - ?renal colic\nClinical: 76M, sudden L flank/back pain 4 h, BP 92/60.\n"
        "Findings: no calculi. Infrarenal abdominal aortic aneurysm, maximum diameter 7.4 cm, with a retroperitoneal "
        "haematoma.\nConclusion: Ruptured infrarenal AAA."
    )
    assert read_text(text).case.history.known_aneurysm is True
    assert assess_text(text).triage.level == "emergency"


def test_the_backside_and_the_insides_of_both_thighs_gone_numb_is_the_saddle() -> None:
    """Read after the held-back batch was measured: a list of parts before "went numb" reaches the backside."""
    case = read_text("This morning my backside and the insides of both thighs went numb.").case
    assert case.history.saddle_numbness is True
