"""The reading itself, one straight pipeline; each stage is its own module and data flows one way.

sections (sections.py) -> concept mentions (mentions.py, lexicon.py) -> context: negation, certainty, history,
other people (context.py) -> assembly: symptoms with body parts and sides (compose.py), strength (grammar.py),
time (timeline.py), imaging (imaging.py) -> one value per finding, doubts kept (settle.py) -> what stayed
unsettled (failsafe.py) -> the case.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from nerveroot.text import failsafe, grammar, imaging, scope, tables, timeline, topic_net, vitals
from nerveroot.text.anaphora import answered_pronouns
from nerveroot.text.compose import Contribution, dropped, finding
from nerveroot.text.context import Flags, Parsed, parse
from nerveroot.text.factors import listed_factors
from nerveroot.text.functions import functions
from nerveroot.text.lexicon import load_lexicon
from nerveroot.text.mentions import Found, Mention, find_mentions, inside
from nerveroot.text.motor_course import ungraded
from nerveroot.text.myotomes import myotome_grades
from nerveroot.text.normalise import Corrections, correct, normalise
from nerveroot.text.places import symptom_regions
from nerveroot.text.sections import Sections, find_sections
from nerveroot.text.settle import Doubt, coherent, nest, settle, words
from nerveroot.text.sides import SideFinder, resolve_sides
from nerveroot.text.slr import straight_leg_raises
from nerveroot.text.table_rows import table_rows

# Kinds of mention ConText looks at; the first three never overlap one another.
_TARGETS = ("findings", "symptoms", "regions")
_EXTRA = ("topics", "strength", "imaging", "organs", "troubles", "rest")
# Kinds of mention that give words a reading: the topic net does not second-guess them.
_READ = ("findings", "symptoms", "topics", "troubles", "organs", "grades", "strength", "imaging")
# What a section's words are, for a present finding of this person.
_SECTION_FLAGS = {
    "plan": Flags(hypothetical=True),
    "family": Flags(family=True),
    "past_history": Flags(historical=True),
}


@dataclass(frozen=True)
class Read:
    case: dict[str, Any]
    contributions: list[Contribution]


def read(text: str) -> Read:
    """The case (as JSON data) and every finding read with the words behind it."""
    text = normalise(text)  # the same length: every offset still points at the person's words
    lexicon = load_lexicon()
    # "bladdder", "cannae": offsets map back through `fixed`
    spoken = text
    text, fixed = correct(text, lexicon.spelling, lexicon.dialect, answered_pronouns(text))
    sections = find_sections(text)
    found = find_mentions(text)
    parsed = _context(text, found, sections)
    symptom_spans = sorted((m.start, m.end) for m in found["symptoms"])
    # a symptom phrase holds no side: "LT" in "↓ LT" is light touch, not left
    sides = resolve_sides([m for m in found["sides"] if not inside(m, symptom_spans)])
    finder = SideFinder(sides, parsed, text)

    contributions: list[Contribution] = list(
        symptom_regions(found["symptoms"], found["regions"], finder, parsed, text)
    )
    for m in found["findings"]:
        if not dropped(m):
            contributions.extend(
                finding(lexicon, m, finder, regions=found["regions"], text=text, findings=found["findings"])
            )
    charted, by_root = myotome_grades(text, parsed, finder)
    contributions.extend(
        c for c in grammar.strength(text, found, parsed, finder) if not _overlaps(c, by_root)
    )
    contributions = _charted(text, found, [*contributions, *charted])
    contributions = tables.with_pairs(text, found, contributions)
    contributions = _with_straight_leg_raises(text, [*contributions, *functions(text, found, parsed)])
    contributions.extend(listed_factors(text))
    contributions.extend(vitals.measures(text))
    dated, time_doubts = timeline.read_time(text, found, parsed, contributions)
    contributions.extend(dated)
    denied, raised = failsafe.unsettled(text, found, parsed, contributions)
    contributions.extend(denied)
    contributions.extend(_genital_numbness(text, parsed, contributions))
    told = _sex_from_pronouns(text, contributions)
    if told is not None:
        contributions.append(told)
    values, doubts = settle(contributions, text)
    lift = _lift_as_minor_trauma(values, contributions)
    if lift is not None:
        contributions.append(lift)
        values[lift.path] = lift.value
    doubts.extend(time_doubts)
    # "not sure" is never "no": a doubt said in words outlasts a denial elsewhere ("B&B NAD" at the first visit;
    # today 'voiding: "fine I think, maybe slower, not sure"')
    for d in raised:
        if d.hedged and values.get(d.finding) is False:
            del values[d.finding]
    doubts.extend(d for d in raised if d.finding not in values)
    values = coherent(values)
    doubts.extend(ungraded(text, values, contributions))
    # what the rules did not read is not "no": the topic net, on words they did not read
    doubts.extend(topic_net.raised(text, values, doubts, [(m.start, m.end) for k in _READ for m in found[k]]))
    case = nest(values)
    scans = imaging.read_imaging(text, found, parsed, sections)
    if scans:
        case["imaging"] = scans
    unsure = _unique(_in_own_words(doubts, text, spoken, fixed) if fixed.pairs else doubts)
    if unsure:
        case["unsure"] = unsure
    if fixed.pairs:
        contributions = [replace(c, spans=[fixed.span(*s) for s in c.spans]) for c in contributions]
    return Read(case, contributions)


def _with_straight_leg_raises(text: str, contributions: list[Contribution]) -> list[Contribution]:
    """Each side of a straight leg raise told in a list (slr.py), in place of the lexicon's reading of those sides
    there (which gave the first side's sign to both)."""
    raises, stretches = straight_leg_raises(text)

    def listed(c: Contribution) -> bool:
        return bool(c.spans) and any(lo <= c.spans[0][0] < hi for lo, hi in stretches)

    said = {c.path for c in raises if listed(c)}
    kept = [c for c in contributions if not (c.path in said and listed(c))]
    read = {c.path for c in kept}
    return [*kept, *(c for c in raises if listed(c) or c.path not in read)]


def _charted(text: str, found: Found, contributions: list[Contribution]) -> list[Contribution]:
    """What the text's tables say, found once: side-column tables row by row (in place of their rows read as
    prose), then grades charted by side or by visit."""
    charts = tables.grids(text)
    out = table_rows(charts, contributions, lambda line: read(line).contributions)
    out.extend(tables.table_grades(charts, found))
    return out


def _context(text: str, found: Found, sections: Sections) -> Parsed:
    """Flags for every mention: ConText's, then what its section says (a plan is hypothetical)."""
    targets = sorted((m for k in _TARGETS for m in found[k]), key=lambda m: m.start)
    extra = [m for k in _EXTRA for m in found[k] if _may_matter(k, m, found, sections)]
    starts = [m.start for m in targets]
    inherit: list[tuple[Mention, Mention]] = []
    own: list[Mention] = []
    alike: dict[tuple[int, int], Mention] = {}  # ConText keeps one of two targets with the same words
    for m in extra:
        i = bisect.bisect_right(starts, m.start) - 1
        host = next((t for t in targets[max(0, i) : i + 2] if t.start < m.end and m.start < t.end), None)
        host = host or alike.get((m.start, m.end))
        if host is not None:
            inherit.append((m, host))
        else:
            own.append(m)
            alike[(m.start, m.end)] = m
    spans = sorted([*targets, *own], key=lambda m: m.start)
    # A finding that starts with its own negation ("no back pain, numbness or weakness"): ConText is given the
    # words after it, so that the "no" is a modifier of its own and reaches the rest of the list too; the
    # finding's own negation is already in what it sets.
    leads = [_own_negation(text, m) for m in spans]
    # A finding that starts with "had" or "has" is given to ConText without it, so that the person who had it
    # ("my dad had an aneurysm": ConText's "dad had") still modifies it.
    verbs = [0 if lead else _lead_verb(text, m) for m, lead in zip(spans, leads, strict=True)]
    parsed = parse(
        text, [(m.start + lead + verb, m.end) for m, lead, verb in zip(spans, leads, verbs, strict=True)]
    )
    for m, lead, flags in zip(spans, leads, parsed.flags, strict=True):
        m.flags = replace(flags, negated=False) if lead else flags
    for m, host in inherit:
        m.flags = host.flags
    recent = load_lexicon().time["recent"]
    for kind in found.by_kind:
        for m in found[kind]:
            m.section = sections.kind_at(m.start)
            extra_flags = _SECTION_FLAGS.get(m.section)
            if extra_flags is not None:
                # what an old illness left behind is here now: "Background: ... I was left with a numb patch ...,
                # and I self-catheterise twice a day because my bladder never fully came back"
                # and a sentence dated lately is today's story told under the heading ("Background: ... since
                # Saturday I've had sciatica down both legs")
                still = extra_flags.historical and (
                    _STILL.search(text, *parsed.clause(m.start, len(text)))
                    or recent.search(text, *parsed.sentence(m.start, len(text)))
                )
                m.flags = replace(
                    m.flags,
                    hypothetical=m.flags.hypothetical or extra_flags.hypothetical,
                    family=m.flags.family or extra_flags.family,
                    historical=m.flags.historical or (extra_flags.historical and not still),
                )
    scope.widen(text, found, parsed)
    return parsed


_STILL = re.compile(
    r"\b(?:still|(?:ever\s+)?since\s+then|ever\s+since|to\s+this\s+day|left\s+(?:me\s+|him\s+|her\s+)?with|never\s+(?:fully\s+|completely\s+)?"
    r"(?:came\s+back|recovered|returned|went\s+away)|(?:self[\s-]*)?catheteris\w*|permanent\w*|residual)\b",
    re.IGNORECASE,
)
_LEAD_NEGATION = re.compile(
    r"(?:no|nil|denies|denied|denying|without|negative\s+for|never\s+had|free\s+of)\s+(?=\S)", re.IGNORECASE
)


def _own_negation(text: str, m: Mention) -> int:
    """How many characters of a finding's words are its own negation ("no " in "no back pain"), else 0."""
    if m.entry.section != "findings" or not m.entry.sets:  # a phrase that sets nothing shields its "no"
        return 0
    return _lead(_LEAD_NEGATION, text, m)


_LEAD_VERB = re.compile(r"(?:had|has|have|having|got)\s+(?=\S)", re.IGNORECASE)


def _lead_verb(text: str, m: Mention) -> int:
    return _lead(_LEAD_VERB, text, m) if m.entry.section == "findings" else 0


def _lead(words: re.Pattern[str], text: str, m: Mention) -> int:
    """How many characters of the mention `words` take at its start, when something is left after them."""
    lead = words.match(text, m.start, m.end)
    return lead.end() - m.start if lead and lead.end() < m.end else 0


def _may_matter(kind: str, m: Mention, found: Found, sections: Sections) -> bool:
    """Can this mention's context change the reading? ConText's cost grows with the mentions it is given,
    so words that cannot count here are left out: a rest cue with no pain, a bladder trouble with no organ."""
    if kind == "rest":
        return any(s.entry.kind == "pain" for s in found["symptoms"]) or bool(found["findings"])
    if kind == "troubles":
        return bool(found["organs"]) or m.entry.kind in ("wetting", "soiling", "emptying")
    if kind == "organs":
        return bool(found["troubles"])
    if kind == "imaging":
        return imaging.possible(found, sections)
    return True


_HE = re.compile(r"\b(?:he|his|him|himself)\b", re.I)
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]y|[Mm]e|[Mm]ine|[Mm]yself|[Ii]m|I['’]m|I['’]ve)\b")
_PRONOUNS_NEEDED = 2


def _sex_from_pronouns(text: str, contributions: list[Contribution]) -> Contribution | None:
    """A note about someone else says their sex by its pronouns ("A 41-year-old lorry driver ... he has had pain"):
    only where no sex was written, nobody speaks for themself, and the pronouns are of one sex only (a wife's
    "she" in a man's note leaves it unsaid)."""
    if any(c.path == "sex" for c in contributions) or _FIRST_PERSON.search(text):
        return None
    he, she = list(_HE.finditer(text)), list(_SHE.finditer(text))
    if len(he) >= _PRONOUNS_NEEDED and not she:
        return Contribution("sex", "male", [he[0].span()])
    if len(she) >= _PRONOUNS_NEEDED and not he:
        return Contribution("sex", "female", [she[0].span()])
    return None


def _lift_as_minor_trauma(values: dict[str, Any], contributions: list[Contribution]) -> Contribution | None:
    """A lift is a minor trauma (CASE_SCHEMA.md), which matters over 70 or with thin bones (PRODUCT.md): it is
    said so only then, so that a lift at an unknown age raises no fracture ("82, osteoporosis, pain since lifting a basket")."""
    if values.get("history.after_lifting_or_bending") is not True or "history.minor_trauma" in values:
        return None
    age = values.get("age")
    if (
        not (isinstance(age, (int, float)) and age > 70)
        and values.get("history.osteoporosis_or_steroid_use") is not True
    ):
        return None
    lift = next(c for c in contributions if c.path == "history.after_lifting_or_bending" and c.value is True)
    return Contribution("history.minor_trauma", True, lift.spans)


_GENITAL = re.compile(
    r"\b(?:penis|scrot\w*|vulva|labia\w*|vagina\w*|clitoris|genital\w*|privates|private\s+parts?|willy|todger|"
    r"testicles?|testes)\b"
    r"(?!\s+(?:(?:is|are|feel|feels|felt|seem|seems)\s+)?(?:fine|ok|okay|normal|unaffected|spared|intact))",
    re.I,
)
_GENITAL_REACH = 80


def _genital_numbness(text: str, parsed: Parsed, contributions: list[Contribution]) -> Iterator[Contribution]:
    """Numbness of the saddle that takes in the genitals ("... left side of my bottom and the back of my
    scrotum") is also a new loss of feeling in the genitals: the sexual topic (red_flags.yaml)."""
    for c in contributions:
        if c.path != "history.saddle_numbness" or c.value is not True or c.uncertain:
            continue
        start, end = c.spans[0]
        lo, hi = parsed.sentence(start, len(text))
        if _GENITAL.search(text, max(lo, start - _GENITAL_REACH), min(hi, end + _GENITAL_REACH)):
            yield Contribution("history.sexual_dysfunction", True, c.spans)
            return


def _overlaps(c: Contribution, spans: list[tuple[int, int]]) -> bool:
    return any(lo < e and s < hi for s, e in c.spans for lo, hi in spans)


def _in_own_words(doubts: list[Doubt], text: str, spoken: str, fixed: Corrections) -> list[Doubt]:
    """The words beside each doubt as the person wrote them ("ma legs are sair doon"), not as corrected."""
    out = []
    for d in doubts:
        said = r"\s+".join(re.escape(w) for w in d.words.rstrip("…").split())
        m = re.search(said, text) if said else None
        out.append(replace(d, words=words(spoken, *fixed.span(m.start(), m.end()))) if m else d)
    return out


def _unique(doubts: list[Doubt]) -> list[dict[str, str]]:
    seen: dict[str, list[str]] = {}
    for d in doubts:
        words = seen.setdefault(d.finding, [])
        if d.words not in words:
            words.append(d.words)
    return [{"finding": f, "words": " … ".join(ws)[:500]} for f, ws in seen.items()][:100]
