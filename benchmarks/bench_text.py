"""Free-text reader: texts per second over 10,000 notes of 100-200 words, and one cold `assess --text`."""

from __future__ import annotations

import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

PIECES = [
    "Pain down the back of my {side} leg into the heel, worse when I sit or cough.",
    "{age}{sex}. {S} buttock and posterior thigh pain radiating to the lateral calf for {n} weeks.",
    "Reduced sensation over the dorsum of the {side} foot and first web space.",
    "EHL 4/5 on the {side}, TA 5/5, AJ absent {S}, KJ 2+ bilaterally.",
    "SLR positive at 40 degrees on the {side}, crossed SLR negative.",
    "No numbness between the legs, no bladder or bowel problems, denies fever or weight loss.",
    "Pins and needles in the sole and along the outer edge of the foot on that side.",
    "I can't stand on tiptoe and my knee gives way on the stairs.",
    "Both legs ache when I walk more than a few hundred metres and I have to sit down.",
    "BP 134/82, HR 74, temp 36.7. Meds: amlodipine 5 mg, atorvastatin 20 mg, omeprazole 20 mg.",
    "Lives with his wife, works as a plumber, enjoys walking the dog at weekends.",
    "Past medical history of type 2 diabetes and hypertension; ex-smoker.",
    "Advised to return urgently if numbness between the legs or difficulty passing urine develops.",
    "Not only pain in the calf but also tingling on the top of the foot, no change in the back pain.",
    "Tinel's at the fibular head negative, pedal pulses palpable, hip internal rotation full and pain-free.",
]


def make_notes(count: int, seed: int = 7) -> list[str]:
    """Notes of 100-200 words built from clinical and irrelevant sentences."""
    rng = random.Random(seed)
    notes = []
    for _ in range(count):
        side = rng.choice(["left", "right"])
        words: list[str] = []
        while len(words) < rng.randint(100, 200):
            words.extend(
                rng.choice(PIECES)
                .format(
                    side=side,
                    S=side[0].upper(),
                    age=rng.randint(25, 85),
                    sex=rng.choice("MF"),
                    n=rng.randint(1, 12),
                )
                .split()
            )
        notes.append(" ".join(words))
    return notes


def main() -> None:
    from nerveroot.text import read_text

    notes = make_notes(10_000)
    words = sum(len(n.split()) for n in notes)
    read_text(notes[0])  # build the pipeline once; a server does this at start
    started, cpu = time.perf_counter(), time.process_time()
    for note in notes:
        read_text(note)
    took, used = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"read_text: {len(notes)} notes ({words / len(notes):.0f} words on average) in {took:.2f} s wall = "
        f"{len(notes) / took:.0f} texts/s ({len(notes) / used:.0f} texts per CPU-second)"
    )

    from nerveroot.service import assess_text

    sample = notes[:2000]
    started = time.perf_counter()
    for note in sample:
        assess_text(note)
    took = time.perf_counter() - started
    print(
        f"assess_text (reader + engine): {len(sample)} notes in {took:.2f} s = {len(sample) / took:.0f} texts/s"
    )

    exe = str(Path(sys.executable).with_name("nerveroot"))
    for label, text in (
        (
            "clinician note, no negation words",
            "52M. L buttock and posterior thigh pain radiating to lateral calf. EHL 4/5. SLR positive at 40 degrees on the left.",
        ),
        (
            "lay words with negation",
            "Shooting pain down the outside of my right calf. No numbness, no bladder or bowel problems.",
        ),
    ):
        times, cpus = [], []
        for _ in range(5):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run([exe, "assess", "--text", text], capture_output=True, check=True)
            times.append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        print(
            f"cold `nerveroot assess --text` ({label}): wall median {statistics.median(times):.2f} s, "
            f"best {min(times):.2f} s; CPU median {statistics.median(cpus):.2f} s (5 runs)"
        )


if __name__ == "__main__":
    main()
