"""The report's top-level sections, with character offsets into its normalised text.

Headings are found by their numbering (一、 … 十、) wherever it stands, since crawled pages run a whole
report on one line, and named by the heading words of `vocabulary.SECTIONS`. A numbered heading is a
section when its words name a standard section not seen yet, or when its number continues the sequence
of the sections before it (extra or free-form sections: s1, s2 …). Sub-lists (a second 一、 inside 总体情况)
and the numbered rows of table 三 (一、本年新收… 四、结转下年度…) are neither, so they never split the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.models import Section
from index.vocabulary import REQUEST_ROWS, SECTION_HEADING_ENDS, SECTIONS

_NUMERALS = "一二三四五六七八九十"
# the number of a heading: not the tail of a longer number (十一、) nor of 第一、/其一、
_NUMBERED = re.compile(rf"(?<![{_NUMERALS}第其之])([{_NUMERALS}]{{1,3}})、[ \t]*")
_PAREN_NUMBERED = re.compile(rf"[（(]([{_NUMERALS}]{{1,3}})[)）][ \t]*")
_WORD_WINDOW = 20  # heading words must stand this close to the number
_HEADING_MAX = 30
_HEADING_END = re.compile("|".join(SECTION_HEADING_ENDS))
_CONNECTIVES = "及和与、"
_HEADING_STOP = re.compile(r"[\n。，；：:（(|]|[ \t]|\d")
_SENTENCE = re.compile(r"[。，；：:！？,;!?]")
_SUB_NUMBERED = re.compile(rf"[（(][{_NUMERALS}\d]+[)）]|\d+[.、．]|[{_NUMERALS}]是")
_LISTED = set("、，,和及与")  # a heading named inside a sentence stands next to one of these
_UNNUMBERED_MARKUP = re.compile(r"^[\s#*]+|[\s*]+$")  # markdown heading and bold marks around a heading line


@dataclass
class _Candidate:
    start: int
    number: int
    heading: str
    key: str | None


def split_sections(text: str, template: str) -> list[Section]:
    """Sections in text order: "preamble" before the first heading, then the report's own sections; they
    never overlap and cover the text from the first heading to its end."""
    chosen = _choose(_candidates(text, _NUMBERED, template))
    if len([c for c in chosen if c.key]) < 2:  # some reports number their top level （一）（二）…, some not at all
        for alt in (_choose(_candidates(text, _PAREN_NUMBERED, template)), _unnumbered(text)):
            if len([c for c in alt if c.key]) > len([c for c in chosen if c.key]):
                chosen = alt
    sections = []
    if not chosen or chosen[0].start > 0:
        sections.append(Section(key="preamble", heading="", start=0, end=chosen[0].start if chosen else len(text)))
    ends = [c.start for c in chosen[1:]] + [len(text)] if chosen else []
    for n, (cand, end) in enumerate(zip(chosen, ends, strict=True), start=1):
        sections.append(Section(key=cand.key or f"s{n}", heading=cand.heading, start=cand.start, end=end))
    return sections


def _choose(candidates: list[_Candidate]) -> list[_Candidate]:
    """Walk the numbered headings in order: standard words not seen yet, or the next number, make a section."""
    chosen: list[_Candidate] = []
    used: set[str] = set()
    expected, in_sublist = 1, False
    for cand in candidates:
        if cand.key and cand.key not in used:
            used.add(cand.key)
        elif cand.key or cand.number != expected or in_sublist:
            in_sublist = in_sublist or (cand.number == 1 and bool(chosen))  # 一、 again: a list inside a section
            continue
        chosen.append(cand)
        expected, in_sublist = cand.number + 1, False
    return chosen


def _candidates(text: str, pattern: re.Pattern, template: str) -> list[_Candidate]:
    row_starts = _table_row_starts(template)
    found = []
    for m in pattern.finditer(text):
        window = text[m.end(): m.end() + _HEADING_MAX + 20]
        if not window or not ("\u4e00" <= window[0] <= "\u9fff") or window[0] in _NUMERALS:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        if window.startswith(row_starts) or text[line_start: m.start()].lstrip().startswith("|"):
            continue  # a row of a table
        title = _heading_title(window)
        found.append(_Candidate(m.start(), _number(m.group(1)), text[m.start(): m.end()] + title, _topic(title)))
    return found


def _unnumbered(text: str) -> list[_Candidate]:
    """Headings without numbers, found by the standard topics' fixed words: a short line of its own that
    names one topic and ends as headings do ("## 总体情况", "**主动公开政府信息情况**"; not a sub-heading
    such as "（二）依申请公开方面", not a wrapped line of prose), or a topic's full standard heading standing between
    sentences of text run on one line. The first one of each topic opens its section."""
    found: list[_Candidate] = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        core = _UNNUMBERED_MARKUP.sub("", line)
        if not core.endswith(SECTION_HEADING_ENDS) or len(core) > _HEADING_MAX or _SENTENCE.search(core) \
                or _SUB_NUMBERED.match(core) or line.lstrip().startswith("|"):
            continue
        topics = {k for k, _, words in SECTIONS if any(w in core for w in words)}
        if len(topics) == 1 and (key := _topic(core)):
            at = start + line.index(core[0])
            found.append(_Candidate(at, 0, text[at:at + len(core)], key))
    for key, heading, _ in SECTIONS:
        standard = heading.split("、", 1)[1]
        for m in re.finditer(re.escape(standard), text):
            before = text[:m.start()].rstrip()[-1:]
            if before in _LISTED or text[m.end():m.end() + 1] in _LISTED | set("。；"):
                continue  # named in a sentence ("包括总体情况、主动公开…")
            found.append(_Candidate(m.start(), 0, standard, key))
            break
    first: dict[str, _Candidate] = {}
    for cand in sorted(found, key=lambda c: c.start):
        first.setdefault(cand.key, cand)
    return list(first.values())


def _topic(title: str) -> str | None:
    return next((k for k, _, words in SECTIONS if any(w in title[:_WORD_WINDOW] for w in words)), None)


def _heading_title(window: str) -> str:
    """The heading's words: the rest of its line, or, where running text follows on the same line, up to
    the first heading ending (情况, 事项 …) not followed by a connective or another ending
    ("存在的主要问题及改进情况" / "其他需要报告的事项" + "无其他需要报告事项")."""
    stop = _HEADING_STOP.search(window)
    title = window[: stop.start()] if stop else window
    if not stop or stop.group() != "\n":
        for m in _HEADING_END.finditer(title[:_HEADING_MAX]):
            rest = title[m.end():]
            if rest and (rest[0] in _CONNECTIVES or rest.startswith(SECTION_HEADING_ENDS)):
                continue
            return title[: m.end()]
    return title[:_HEADING_MAX]


def _table_row_starts(template: str) -> tuple[str, ...]:
    """The first words of table 三's numbered row labels (一、本年新收… 三、本年度办理结果 四、结转下年度…)."""
    labels = {r.label for r in REQUEST_ROWS if template in r.templates} | {
        r.group for r in REQUEST_ROWS if template in r.templates}
    return tuple(lab.split("、", 1)[1][:4] for lab in labels if re.match(rf"[{_NUMERALS}]+、", lab))


def _number(numeral: str) -> int:
    """一 … 九十九 as an int ("十二" = 12, "二十" = 20)."""
    digits = {c: i for i, c in enumerate(_NUMERALS[:9], start=1)}
    if "十" not in numeral:
        return digits.get(numeral[-1], 0)
    tens, _, ones = numeral.partition("十")
    return digits.get(tens, 1) * 10 + digits.get(ones, 0)
