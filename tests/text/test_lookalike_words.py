"""The words of issue 6: what separates a look-alike from a lumbar root, read into the case."""

from __future__ import annotations

from typing import Any

import pytest

from nerveroot.case import case_json
from nerveroot.text import read_text


def _get(data: dict[str, Any], path: str) -> Any:
    for part in path.split("."):
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


@pytest.mark.parametrize(
    ("text", "path", "value"),
    [
        ("I knocked the side of my left knee", "history.knock_or_pressure_at_fibular_head", True),
        ("sat with my legs crossed for hours", "history.knock_or_pressure_at_fibular_head", True),
        ("pulses absent on the right", "tests.right.pedal_pulses", "absent"),
        ("foot pulses are weak on the left", "tests.left.pedal_pulses", "reduced"),
        ("my feet are always cold", "history.cold_feet", True),
        ("the calf pain eases when I stand still", "history.relieved_by_standing_still", True),
        ("painful internal rotation of the left hip", "tests.left.hip_internal_rotation", "painful"),
        ("Tinel's at the fibular head positive on the right", "tests.right.tinel_fibular_head", "positive"),
        (
            "Tinel's sign positive behind the left medial malleolus",
            "tests.left.tinel_tarsal_tunnel",
            "positive",
        ),
        ("burning outer thigh on the left", "pain.left", ["lateral_thigh"]),
        ("clonus at the right ankle", "reflexes.right.clonus", "present"),
        ("upgoing plantars on the left", "reflexes.left.plantar_response", "extensor"),
        ("Babinski positive on the left", "reflexes.left.plantar_response", "extensor"),
        ("I can still turn my right foot inwards normally", "weakness.right.foot_inversion", 5),
        ("I can't turn my left foot inwards", "weakness.left.foot_inversion", True),
        ("3 of 5 SIJ provocation tests positive on the left", "tests.left.sij_provocation_positive", 3),
        ("sudden severe low back pain and he collapsed", "history.faintness_or_collapse", True),
        ("pain going through to the belly", "history.abdominal_pain", True),
    ],
)
def test_lookalike_words(text: str, path: str, value: Any) -> None:
    assert _get(case_json(read_text(text).case), path) == value


def test_a_radial_pulse_is_not_a_foot_pulse() -> None:
    assert _get(case_json(read_text("pulse 80 regular, radial pulses normal").case), "tests") is None
