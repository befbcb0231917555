"""PDF reports: rendered to pictures (pdftoppm) and to text (pdftotext) from poppler-utils, and checked as a
person would look at them: not blank, the urgency first, the body map drawn in its colours, no Book button;
the clinician's report adds the reasons with their sources. The result page links to its own PDF."""

from __future__ import annotations

import json
import secrets
import shutil
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from markupsafe import Markup
from PIL import Image

from nerveroot.engine.knowledge import load_knowledge
from nerveroot.export.report import ClinicianExtras, Score, render_pdf
from nerveroot.service import assess_payload
from nerveroot.web.words import LEVEL_WORDS

L5 = {
    "age": 45,
    "pain": {"left": ["low_back", "buttock", "lateral_calf", "dorsum_foot"]},
    "numbness": {"left": ["dorsum_foot", "great_toe"]},
    "weakness": {"left": {"great_toe_extension": 4}},
    "tests": {"left": {"straight_leg_raise": "positive"}},
    "history": {"saddle_numbness": False, "bladder_dysfunction": False},
}
CES = {
    "pain": {"left": ["posterior_thigh"], "right": ["posterior_thigh"]},
    "history": {"saddle_numbness": True},
}
PAIN_FILL = (0xE5, 0x73, 0x73)  # .region.has-pain in web/static/style.css
DERMATOME_FILL = (0x8E, 0x5B, 0xB0)  # .region.derm-strong

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils: make system-deps")


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def _pages(pdf: Path, tmp: Path) -> list[Image.Image]:
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp / "page")], check=True)
    return [Image.open(p).convert("RGB") for p in sorted(tmp.glob("page-*.png"))]


def _count(image: Image.Image, colour: tuple[int, int, int], tolerance: int = 6) -> int:
    data = image.tobytes()
    pixels = zip(data[0::3], data[1::3], data[2::3], strict=True)
    return sum(
        1 for pixel in pixels if all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))
    )


def _write(tmp: Path, name: str, pdf: bytes) -> Path:
    path = tmp / name
    path.write_bytes(pdf)
    return path


@pytest.fixture(scope="module")
def person_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("person")
    return _write(tmp, "person.pdf", render_pdf(L5, "person"))


def test_the_persons_report_is_not_blank_and_puts_the_urgency_first(person_pdf: Path, tmp_path: Path) -> None:
    assert person_pdf.read_bytes().startswith(b"%PDF")
    pages = _pages(person_pdf, tmp_path)
    assert pages, "no page rendered"
    white = (255, 255, 255)
    width, height = pages[0].size
    assert width * height - _count(pages[0], white, 0) > 2000, "the first page is blank"
    text = _text(person_pdf)
    first = next(line for line in text.splitlines() if line.strip())
    a = assess_payload(L5)
    assert first.strip().upper().startswith(LEVEL_WORDS[a.triage.level].upper()), first
    assert a.triage.headline in first
    assert a.triage.action.split(".")[0] in " ".join(text.split())


def test_the_persons_report_draws_both_body_maps_and_the_advice(person_pdf: Path, tmp_path: Path) -> None:
    pages = _pages(person_pdf, tmp_path)
    assert sum(_count(p, PAIN_FILL) for p in pages) > 50, "the person's pain marks are not drawn"
    assert sum(_count(p, DERMATOME_FILL) for p in pages) > 50, "the root's skin area is not drawn"
    text = " ".join(_text(person_pdf).split())
    assert "Front view" in text and "Back view" in text
    a = assess_payload(L5)
    for line in a.safety_net:
        assert line in text, line
    assert "Book a new-patient consultation" not in text
    assert "This is not a diagnosis" in text


def test_an_emergency_report_starts_with_the_emergency(tmp_path: Path) -> None:
    pdf = _write(tmp_path, "ces.pdf", render_pdf(CES, "person"))
    first = next(line for line in _text(pdf).splitlines() if line.strip())
    assert first.strip().upper().startswith("EMERGENCY")


def test_the_clinicians_report_adds_findings_reasons_with_sources_and_codes(tmp_path: Path) -> None:
    pdf = _write(tmp_path, "clinician.pdf", render_pdf(L5, "clinician"))
    text = " ".join(_text(pdf).split())
    assert text.upper().startswith(LEVEL_WORDS[assess_payload(L5).triage.level].upper())
    for heading in ("Clinician report", "Findings recorded", "Reasons, with their sources", "Codes"):
        assert heading in text, heading
    a = assess_payload(L5)
    cited = {e.source for e in a.explanation if e.source != "consensus"}
    assert cited, "the case has sourced reasons"
    kb = load_knowledge()
    for source in cited:
        assert " ".join(kb.sources[source].citation.split()[:4]) in text, source
    assert a.codes[0].code in text
    assert "Referral letter" not in text and "Outcome scores" not in text


def test_the_clinicians_report_takes_examination_scores_chart_and_referral(tmp_path: Path) -> None:
    extras = ClinicianExtras(
        examination=[("Straight leg raise, left", "positive at 40 degrees")],
        scores=[Score("NPRS (leg)", "6 of 10", "29 Nov 2026")],
        chart_svg=Markup(
            '<svg viewBox="0 0 100 20" width="200" height="40"><text x="2" y="15">leg pain chart</text></svg>'
        ),
        referral="Dear colleague,\n\nPlease see this person within a week.",
    )
    pdf = _write(tmp_path, "extras.pdf", render_pdf(L5, "clinician", extras=extras))
    text = " ".join(_text(pdf).split())
    for words in ("positive at 40 degrees", "NPRS (leg)", "6 of 10", "leg pain chart", "Referral letter",
                  "Please see this person within a week."):  # fmt: skip
        assert words in text, words


def test_report_command_writes_the_pdf_and_refuses_bad_input(tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    case.write_text(json.dumps(L5), encoding="utf-8")
    out = tmp_path / "out.pdf"
    run = [sys.executable, "-m", "nerveroot", "report"]
    r = subprocess.run(
        [*run, str(case), "-o", str(out), "--for", "clinician"],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert "Reasons, with their sources" in _text(out)
    for args, words in (
        ([str(case), "-o", str(out), "--for", "doctor"], "--for"),
        ([str(tmp_path / "missing.json"), "-o", str(out)], "not found"),
        ([str(case), "-o", str(tmp_path / "no" / "dir.pdf")], "cannot write"),
    ):
        bad = subprocess.run([*run, *args], capture_output=True, text=True, timeout=180, check=False)
        assert bad.returncode == 2 and words in bad.stderr and "Traceback" not in bad.stderr, bad.stderr


# -------------------------------------------------------------------------------------------- the web link
@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from starlette.exceptions import StarletteDeprecationWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StarletteDeprecationWarning)
        from fastapi.testclient import TestClient

    from nerveroot.settings import Settings
    from nerveroot.store.migrate import upgrade
    from nerveroot.web.app import create_app

    url = f"sqlite:///{tmp_path_factory.mktemp('report-db') / 'nerveroot.db'}"
    upgrade(url)
    settings = Settings(database_url=url, secret_key=secrets.token_urlsafe(48))
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


def test_the_result_page_links_to_its_pdf_for_that_browser_only(client: object, tmp_path: Path) -> None:
    import re

    from fastapi.testclient import TestClient

    assert isinstance(client, TestClient)
    page = client.post("/check/result", data={"case": json.dumps(L5)})
    assert page.status_code == 200
    link = re.search(r'href="(/check/page/[^"]+/result\.pdf)"', page.text)
    assert link, "the result page links to its PDF"
    r = client.get(link.group(1))
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    assert r.headers["cache-control"] == "no-store"
    pdf = _write(tmp_path, "web.pdf", r.content)
    assert _text(pdf).strip().upper().startswith(LEVEL_WORDS[assess_payload(L5).triage.level].upper())
    stranger = TestClient(client.app)
    assert stranger.get(link.group(1)).status_code == 404
    assert client.get("/check/page/nonexistent/result.pdf").status_code == 404
    assert client.get("/book/NR-AAAA-BBBB/result.pdf?token=nothing").status_code == 404


def test_the_booked_result_links_to_its_pdf_with_the_bookings_token(client: object) -> None:
    from datetime import UTC, datetime, time, timedelta
    from zoneinfo import ZoneInfo

    from fastapi.testclient import TestClient

    from nerveroot.store.bookings import Contact, create_booking
    from nerveroot.store.slots import all_slots, open_slots

    assert isinstance(client, TestClient)
    now = datetime.now(UTC)
    store = client.app.state.store  # type: ignore[attr-defined]
    with store.write() as session:
        day = (now + timedelta(days=3)).date()
        open_slots(session, day=day, start=time(9), end=time(10),
                   minutes=30, tz=ZoneInfo("Europe/London"), now=now)  # fmt: skip
        slot = next(s for s in all_slots(session) if s.status == "open")
        made = create_booking(session, slot_id=slot.id, contact=Contact("Ann", "ann@example.org", "0100"), now=now,
                              case=L5, assessment=None, triage_level=None)  # fmt: skip
    reference, token = made.reference, made.cancel_token
    page = client.get(f"/book/{reference}/result?token={token}")
    assert f'href="/book/{reference}/result.pdf?token={token}"' in page.text
    r = client.get(f"/book/{reference}/result.pdf?token={token}")
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    assert client.get(f"/book/{reference}/result.pdf?token=wrong").status_code == 404  # as for an unknown one
