"""Crafted hidden fields on the patient pages (issue 10): a lone surrogate, a 5,000-digit number or an
odd shape in `case`, `reading`, `asked`, `trail` or an answer is a 4xx page, never a 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

HUGE = "9" * 5000
PROBES = {
    "case-surrogate": ("/check/red-flags", {"case": '{"age": 40, "x\\ud800": 1}'}),
    "case-huge": ("/check/red-flags", {"case": '{"age": ' + HUGE + "}"}),
    "age-huge": ("/check/body-map", {"case": "{}", "age": HUGE, "go": "continue", "mark": "pain.left.heel"}),
    "duration-huge": ("/check/body-map", {"case": "{}", "duration_weeks": HUGE, "go": "continue", "mark": "pain.left.heel"}),
    "reading-huge": ("/check/body-map", {"case": "{}", "reading": "[" + HUGE + "]", "go": "continue"}),
    "reading-surrogate": ("/check/body-map", {"case": "{}", "reading": '[["pain.left.heel\\ud800", 1]]', "go": "continue"}),
    "reading-crafted": ("/check/body-map", {"case": "{}", "reading": '[["age.x.y", 1]]', "keep": "age.x.y", "go": "continue", "mark": "pain.left.heel"}),
    "trail-huge": ("/check/questions", {"case": '{"age": 40}', "asked": "[]", "trail": "[" + HUGE + "]"}),
    "trail-crafted": ("/check/questions", {"case": '{"age": 40}', "asked": "[]", "trail": '[{"asked": 5, "changed": "x"}]', "go": "back"}),
    "asked-huge": ("/check/questions", {"case": '{"age": 40}', "asked": "[" + HUGE + "]"}),
    "asked-surrogate": ("/check/questions", {"case": '{"age": 40}', "asked": '["\\ud800"]'}),
    "answer-huge": ("/check/questions", {"case": '{"age": 40}', "asked": "[]", "answer": HUGE}),
    "result-surrogate": ("/check/result", {"case": '{"age": 40, "sex": "\\udc00"}'}),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(PROBES))
def test_a_crafted_field_is_a_page_with_a_4xx(client: TestClient, name: str) -> None:
    path, data = PROBES[name]
    response = client.post(path, data=data, headers={"accept": "text/html"}, follow_redirects=True)
    assert 200 <= response.status_code < 500, (name, response.status_code)
    assert response.headers["content-type"].startswith("text/html")
