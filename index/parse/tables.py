"""The three standard tables of a report -> exact cells in the spec's keys.

Every input shape (ruled HTML rows as `| a | b |` lines, markdown tables with detached rows, one cell per
line, PDF text lines, crawled pages with a whole table glued into one line) goes through the same path:
locate each table's region by its own header words, cut it into label text and value pieces (each with
its character offsets), group the pieces into value rows, and align those rows to the template's fixed
row order. Glued digit runs are split by `index.parse.splitting` with the report's own arithmetic; what the
text cannot decide is reported as an Ambiguity with every candidate, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pydantic import BaseModel, Field

from index.models import Ambiguity, Cell, Number, Section
from index.parse import splitting
from index.parse.resolve import Evidence, resolve
from index.parse.statements import stated_active, stated_figures
from index.vocabulary import (
    ACTIVE,
    ACTIVE_TABLE_ANCHORS,
    AMOUNT_UNITS,
    COUNT_UNITS,
    NOTE_COLUMN_HINTS,
    OTHER_SPLIT,
    REQUEST_COLUMN_KEYS,
    REQUEST_ROWS,
    REQUESTS_TABLE_ANCHORS,
    REVIEW_GROUPS,
    REVIEW_HEADER_WORDS,
    REVIEW_KEYS,
    REVIEW_OUTCOMES,
    REVIEW_TABLE_ANCHORS,
    SECTIONS,
    Row,
)

Values = tuple[Number | None, ...]


class TableParse(BaseModel):
    """What the tables of one report say: cells, what could not be decided, and the template the
    tables themselves show (it may correct a guess made from the year)."""

    cells: list[Cell] = Field(default_factory=list)
    ambiguous: list[Ambiguity] = Field(default_factory=list)
    template: str = "pre2019"
    year: int | None = None

    def decided(self) -> dict[tuple[str, str], Number | None]:
        """Cells this parse decided, by (table, key): what it offers another rendering of the same report."""
        open_ = {(a.table, k) for a in self.ambiguous for k in a.keys}
        return {(c.table, c.key): c.value for c in self.cells if (c.table, c.key) not in open_}

    def value(self, table: str, key: str) -> Number | None:
        c = next((c for c in self.cells if c.table == table and c.key == key), None)
        return c.value if c else None

    def candidates(self, table: str, keys: list[str]) -> list[Values]:
        """Every reading of `keys` this parse allows: one when decided, several when ambiguous."""
        base = {c.key: c.value for c in self.cells if c.table == table}
        if not all(k in base for k in keys):
            return []
        out: list[Values] = [tuple(base[k] for k in keys)]
        for amb in self.ambiguous:
            if amb.table != table or not set(amb.keys) & set(keys):
                continue
            expanded: list[Values] = []
            for reading in out:
                for cand in amb.candidates:
                    v = dict(zip(keys, reading, strict=True))
                    v.update({k: x for k, x in zip(amb.keys, cand, strict=True) if k in v})
                    expanded.append(tuple(v[k] for k in keys))
            out = list(dict.fromkeys(expanded))
        return out


# ---- tokens ------------------------------------------------------------------------------------
_NUM = re.compile(r"[-+]?\d+(?:\.\d+)?")
_CJK = r"\u4e00-\u9fff"
_PAREN_TEXT = re.compile(rf"[（(][^（()）\n]*[{_CJK}][^（()）\n]*[)）]")
_NOTE = re.compile(r"^\s*[（(][^（()）]*\d[^（()）]*[)）]\s*$")
_UNITS = "|".join(sorted({u for units in AMOUNT_UNITS.values() for u in units} | set(COUNT_UNITS), key=len,
                         reverse=True))
_UNIT = re.compile(rf"\s*({_UNITS})")
_CELL = re.compile(rf"^\s*([-+]?\d+(?:\.\d+)?)\s*({_UNITS})?\s*([（(].*[)）])?\s*$")
_LABEL_NUMBER = re.compile(r"[.．、][^\d\s]")  # "2.其他…", "1、申请人…": a row's own number, not a cell
_NOT_A_CELL_AFTER = set("年月日号%％件项条个次人家篇名起")  # a date, a share or a narrative count, no cell
_MD_RULE = re.compile(r"^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*:?-*\s*$")


@dataclass
class Token:
    kind: str  # "text" | "num" | "end" (a row or line boundary)
    text: str
    start: int
    end: int
    line: int = 0
    atomic: bool = False  # a whole cell of a ruled table: never split
    note: str = ""
    unit: str = ""


def _line_tokens(line: str, base: int, line_no: int) -> list[Token]:
    """Label text and value pieces of one unruled line (PDF text, or a whole glued table)."""
    masked = [(m.start(), m.end()) for m in _PAREN_TEXT.finditer(line)]
    out: list[Token] = []
    pos = 0
    for m in _NUM.finditer(line):
        s, e = m.start(), m.end()
        if any(a <= s < b for a, b in masked):
            continue
        if _LABEL_NUMBER.match(line, e) and not line[s:e].lstrip("-+").count("."):
            e -= 1  # the run ends with the next row's number ("70000072.没有现成信息")
            if e <= s or line[e - 1] in "-+":
                continue
        if e < len(line) and line[e] in _NOT_A_CELL_AFTER or line[max(0, s - 1):s] == "第":
            continue
        if s > pos and line[pos:s].strip():
            out.append(Token("text", line[pos:s], base + pos, base + s, line_no))
        unit = _UNIT.match(line, e)
        tok = Token("num", line[s:e], base + s, base + e, line_no)
        if unit:
            tok.unit, e = unit.group(1), unit.end()
            tok.end = base + e
        out.append(tok)
        pos = e
    if line[pos:].strip():
        out.append(Token("text", line[pos:], base + pos, base + len(line), line_no))
    return out


def _row_tokens(line: str, base: int, line_no: int) -> list[Token]:
    """Cells of a ruled row (`| a | b |`) or of a one-cell line (`91 |`)."""
    bounds = [-1] + [i for i, ch in enumerate(line) if ch == "|"] + [len(line)]
    cells = [(bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 1)]
    if cells and not line[cells[0][0]:cells[0][1]].strip():
        cells = cells[1:]
    if cells and not line[cells[-1][0]:cells[-1][1]].strip():
        cells = cells[:-1]
    out: list[Token] = []
    for s, e in cells:
        raw = line[s:e]
        m = _CELL.match(raw)
        if not raw.strip():
            out.append(Token("num", "", base + s, base + s, line_no, atomic=True))  # a blank slot
        elif m:
            out.append(Token("num", m.group(1), base + s + m.start(1), base + s + len(raw.rstrip()), line_no,
                             atomic=True, note=m.group(3) or "", unit=m.group(2) or ""))
        else:
            out.append(Token("text", raw.strip(), base + s, base + e, line_no))
    if not any(t.kind == "text" or t.text for t in out):
        return []  # "|||": the empty cells a colspan leaves behind
    return out


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Label text and value pieces of text[start:end], with row/line boundaries as "end" tokens."""
    out: list[Token] = []
    pos, line_no = start, 0
    for line in text[start:end].split("\n"):
        base = pos
        pos += len(line) + 1
        if not line.strip() or _MD_RULE.match(line):
            continue
        if "|" in line:
            toks = _row_tokens(line, base, line_no)
            if len(toks) > 1:  # a ruled row: its own line, boundaries on both sides
                line_no += 1
                for t in toks:
                    t.line = line_no
                out += [Token("end", "", base, base, line_no), *toks, Token("end", "", pos - 1, pos - 1, line_no)]
                line_no += 1
                continue
            for t in toks:
                t.line = line_no
            out += toks  # a one-cell line continues the current row
            continue
        line_no += 1
        out += _line_tokens(line, base, line_no)
        out.append(Token("end", "", pos - 1, pos - 1, line_no))
        line_no += 1
    return _attach_notes(out)


def _attach_notes(tokens: list[Token]) -> list[Token]:
    """'55' followed by '（含自然失效29件）': the note belongs to the value's raw text, its figure is no cell."""
    out: list[Token] = []
    for t in tokens:
        prev = next((p for p in reversed(out) if p.kind != "end"), None)
        if t.kind == "text" and prev is not None and prev.kind == "num" and prev.text and not prev.note \
                and _NOTE.match(t.text):
            prev.note, prev.end = t.text.strip(), t.end
            continue
        out.append(t)
    return out


@dataclass
class Group:
    """Consecutive value pieces: one printed table row (or a fragment, or a whole glued table)."""

    pieces: list[Token]
    before: str  # label text since the previous group
    same_line: str  # the part of it on the group's own line / ruled row
    start: int = 0
    end: int = 0
    atomic: bool = field(default=False)

    @property
    def capacity(self) -> int:
        """The most cells the group can hold."""
        if self.atomic:
            return len(self.pieces)
        return sum(len(re.sub(r"[^\d]", "", p.text)) for p in self.pieces)

    @property
    def raw(self) -> str:
        return " ".join(p.text or "_" for p in self.pieces)


def group_tokens(tokens: list[Token]) -> tuple[list[Group], str]:
    """Value groups with the label text before them; also the trailing label text."""
    groups: list[Group] = []
    label: list[Token] = []
    cur: list[Token] = []

    def close() -> None:
        if cur:
            line = cur[0].line
            groups.append(Group(
                pieces=list(cur), before="".join(t.text for t in label),
                same_line="".join(t.text for t in label if t.line == line),
                start=cur[0].start, end=cur[-1].end, atomic=all(p.atomic for p in cur)))
            cur.clear()
            label.clear()

    for t in tokens:
        if t.kind == "num":
            if cur and cur[-1].atomic != t.atomic:
                close()
            cur.append(t)
        elif t.kind == "end":
            close()
        else:
            close()
            label.append(t)
    close()
    return groups, "".join(t.text for t in label)


# ---- labels ------------------------------------------------------------------------------------
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、．])")


def _squash(s: str) -> str:
    return re.sub(r"[\s|#]", "", s)


def _row_words(label: str, aliases: tuple[str, ...]) -> list[str]:
    core = _NUMBERING.sub("", _squash(label))
    words = [core, *(_squash(a) for a in aliases)]
    if len(core) >= 8:
        words.append(core[:6])  # a PDF wraps long labels: their opening words still name the row
    return [w for w in dict.fromkeys(words) if w]


def last_label(chunk: str, rows: dict[str, list[str]]) -> str | None:
    """The row named closest to the end of `chunk` (labels precede their values); longest wins a tie."""
    flat = _squash(chunk)
    best: tuple[int, int] | None = None
    found = None
    for key, words in rows.items():
        for w in words:
            i = flat.rfind(w)
            if i >= 0 and (best is None or (i + len(w), len(w)) > best):
                best, found = (i + len(w), len(w)), key
    return found


# ---- regions -----------------------------------------------------------------------------------
def _find(text: str, words: tuple[str, ...], start: int, end: int | None = None) -> int:
    hits = [i for w in words if (i := text.find(w, start, end)) >= 0]
    return min(hits) if hits else -1


def _requests_row_start(text: str) -> int:
    """The '本年新收…' label that opens table 3: the 上年结转 label follows it, and between them stand a
    row of cells (digits or ruled slots), not a sentence such as '本年新收申请21件，上年结转0件'."""
    words = tuple(_row_words(REQUEST_ROWS[0].label, REQUEST_ROWS[0].aliases))
    second = tuple(_row_words(REQUEST_ROWS[1].label, REQUEST_ROWS[1].aliases))
    pos, fallback = 0, -1
    while (i := _find(text, words, pos)) >= 0:
        j = _find(text, second, i, i + 800)
        if j >= 0:
            between = text[i:j]
            if "。" not in between and len(re.findall(r"[\d|]", between)) >= 6:
                return i
            fallback = i if fallback < 0 else fallback
        pos = i + 1
    return fallback


def locate_tables(text: str, sections: list[Section] | None = None) -> dict[str, tuple[int, int]]:
    """Character spans of the tables a report prints (absent tables are absent)."""
    out: dict[str, tuple[int, int]] = {}
    row3 = _requests_row_start(text)
    heading3 = SECTIONS[2][2][0]  # 收到和处理政府信息公开申请
    if row3 >= 0:
        head = max((text.rfind(w, max(0, row3 - 800), row3) for w in REQUESTS_TABLE_ANCHORS), default=-1)
        req_start = head if head >= 0 else row3
        rev = _find(text, REVIEW_TABLE_ANCHORS, row3)
        own = next((s.end for s in sections or [] if s.start <= row3 < s.end and s.key != "preamble"), len(text))
        req_end = rev if rev >= 0 else own
        out["requests"] = (req_start, req_end)
        if rev >= 0:
            header = _find(text, REVIEW_HEADER_WORDS, rev, rev + 600)
            outcomes = [o for _, o in REVIEW_OUTCOMES]  # a table header names the outcomes, prose does not
            if header >= 0 and sum(o[-2:] in text[header:header + 400] for o in outcomes) >= 3:
                out["review_litigation"] = (header, _review_end(text, header, sections))
        limit = req_start
    else:
        limit = len(text)
    act = _find(text, ACTIVE_TABLE_ANCHORS, 0, limit)  # 第二十条第（一）项 heads table 2; else its column words
    act = act if act >= 0 else _find(text, _active_column_words(), 0, limit)
    if act >= 0:
        cut = text.find(heading3, act, limit)
        end = cut if cut >= 0 else limit
        words = [w for r in ACTIVE["2019"] + ACTIVE["2021"] for w in _row_words(r.label, r.aliases)]
        if _find(text, tuple(words), act, end) >= 0:
            out["active"] = (act, end)
    return out


def _active_column_words() -> tuple[str, ...]:
    return tuple(dict.fromkeys(w for t in ("2019", "2021") for r in ACTIVE[t] for w in r.column_labels))


def _review_end(text: str, start: int, sections: list[Section] | None) -> int:
    ends = [s.start for s in sections or [] if s.key in ("problems", "other") and s.start > start]
    nxt = text.find("五、", start)  # the next top-level heading after section 四
    if nxt >= 0:
        ends.append(nxt)
    return min(ends) if ends else len(text)


# ---- cells of one row --------------------------------------------------------------------------
def _value(tok: Token) -> Number | None:
    return splitting.to_number(tok.text) if tok.text else None


def _row_readings(group: Group, n: int, constraints=(), negative=(), decimal=()) -> tuple[list[Values], bool]:
    """Candidate readings of a group as n cells; the flag says whether they satisfy `constraints`."""
    if group.atomic:
        vals = [_value(p) for p in group.pieces]
        while len(vals) > n and vals[-1] is None:
            vals.pop()
        while len(vals) > n and vals[0] is None:  # the blank slot a merged label cell leaves
            vals.pop(0)
        if len(vals) > n:
            return splitting.drop_duplicates(vals, n), True
        return splitting.with_blanks(vals, n), True
    pieces = [p.text for p in group.pieces]
    found, broken = splitting.split_scored(pieces, n, list(constraints), negative=negative, decimal=decimal)
    if found:
        return list(found), not broken
    for fewer in range(n - 1, 0, -1):  # fewer digits than cells: the report left some blank
        short = splitting.split_run(pieces, fewer, negative=negative, decimal=decimal)
        if short:
            return list(dict.fromkeys(w for s in short for w in splitting.with_blanks(s, n))), False
    return [tuple([None] * n)], False


def _emit(text: str, table: str, keys: list[str], readings: list[Values], group: Group | None, reason: str,
          out: tuple[list[Cell], list[Ambiguity]], chosen: Values | None = None,
          sources: list[Token] | None = None) -> None:
    """Cells of one row; the columns its readings disagree on become one Ambiguity. A cell's `raw` is
    exactly text[start:end]: its own token when the row was printed cell by cell, else the whole run."""
    cells, ambiguous = out
    readings = list(dict.fromkeys(readings)) or [tuple([None] * len(keys))]
    own = group is not None and len(group.pieces) == len(keys) and len(readings) == 1 and (group.atomic or all(
        str(v) == p.text for v, p in zip(readings[0], group.pieces, strict=True)))
    if sources:
        spans = [(p.start, p.end) for p in sources]
    elif own:
        spans = [(p.start, p.end) for p in group.pieces]
    else:
        spans = [(group.start, group.end) if group else (None, None)] * len(keys)
    differ = [i for i in range(len(keys)) if len({r[i] for r in readings}) > 1]
    final = chosen or readings[0]
    for i, key in enumerate(keys):
        row, _, col = key.partition(".")
        s, e = spans[i]
        cells.append(Cell(table=table, row=row, column=col or None, value=final[i] if (i not in differ or chosen)
                          else None, raw=text[s:e] if s is not None else "", start=s, end=e))
    if differ:
        cands = list(dict.fromkeys(tuple(r[i] for i in differ) for r in readings))
        ambiguous.append(Ambiguity(
            table=table, keys=[keys[i] for i in differ], text=text[group.start:group.end] if group else "",
            candidates=[list(c) for c in cands], reason=reason,
            start=group.start if group else None, end=group.end if group else None))


# ---- table "active" ----------------------------------------------------------------------------
def detect_template(text: str, spans: dict[str, tuple[int, int]], default: str) -> str:
    """The template the tables show: table 2's column words, else table 3's (六) sub-rows."""
    if not spans:
        return default
    a = text[slice(*spans["active"])] if "active" in spans else ""
    words = {t: {w for r in ACTIVE[t] for w in r.column_labels} for t in ("2019", "2021")}
    hits = {t: sum(_squash(a).count(w) for w in words[t] - words[other])
            for t, other in (("2019", "2021"), ("2021", "2019"))}
    if hits["2019"] != hits["2021"]:
        return max(hits, key=hits.get)
    if "requests" in spans and _has_other_split(text[slice(*spans["requests"])]):
        return "2021"
    return default if default in ("2019", "2021") else "2021"


def _n(v: Number | None) -> Number:
    return v or 0


def _scale(key: str, readings: list[Values], i: int, unit: str, header: str) -> list[Values]:
    """Amounts into the key's unit: procurement in 元, fees in 万元 (a printed unit or the header's)."""
    units = AMOUNT_UNITS.get(key)
    if not units:
        return readings
    printed = unit or next((u for u in sorted(units, key=len, reverse=True) if u in header), "")
    factor = units.get(printed, 1)
    if factor == 1:
        return readings
    return [tuple(splitting.to_number(str(round(v * factor, 6))) if j == i and v is not None else v
                  for j, v in enumerate(r)) for r in readings]


def _fill_from_notes(row: Row, vals: list[Token], pool: list[Token]
                     ) -> tuple[list[Values], Values | None, list[Token] | None]:
    """A ruled row printed short while cells with notes were lifted out of the table above it (a PDF
    converter moves multi-line cells): put them back, into the column the note names when it names one."""
    n = len(row.columns)
    missing = n - len(vals)
    taken, pool[:] = pool[:missing], pool[missing:]
    readings: list[Values] = []
    hinted: Values | None = None
    sources: list[Token] | None = None
    base = [_value(t) for t in vals]
    for pos in range(n - missing + 1):
        if missing != 1:
            break
        readings.append(tuple(base[:pos] + [_value(taken[0])] + base[pos:]))
        for word, suffix in NOTE_COLUMN_HINTS.items():
            if word in taken[0].note and row.columns[pos].endswith(suffix):
                hinted, sources = readings[-1], vals[:pos] + taken[:1] + vals[pos:]
    return readings or splitting.with_blanks(base, n), hinted, sources


def _active_constraints(keys: list[str]) -> list[splitting.Constraint]:
    """The one relation a table-2 row implies within the year (2019 template): what was newly published this year
    is part of what was published in all, 本年新公开数量 <= 对外公开总数量 (it holds on every row the corpus prints
    unglued). It narrows a glued run's readings; a report that breaks it keeps the readings breaking it least."""
    new = next((i for i, k in enumerate(keys) if k.endswith("_new_published")), None)
    total = next((i for i, k in enumerate(keys) if k.endswith("_total_published")), None)
    if new is None or total is None:
        return []
    return [((new, total), lambda a, b: _n(a) <= _n(b))]


def _parse_active(text: str, span: tuple[int, int], template: str) -> tuple[list[Cell], list[Ambiguity]]:
    rows = ACTIVE[template]
    words = {r.key: _row_words(r.label, r.aliases) for r in rows}
    groups, tail = group_tokens(tokenize(text, *span))
    assigned: dict[str, Group] = {}
    detached: list[Token] = []
    for g in groups:
        key = last_label(g.before, words)
        if key and key not in assigned:
            assigned[key] = g
        else:
            detached += [p for p in g.pieces if p.text]
    if not assigned:
        return [], []
    labels = _squash("".join(g.before for g in groups) + tail)
    printed = {k for k, ws in words.items() if any(w in labels for w in ws)}  # a row printed with no values
    out: tuple[list[Cell], list[Ambiguity]] = ([], [])
    for row in rows:
        keys = list(row.columns)
        g = assigned.get(row.key)
        if g is None:
            if row.key in printed:
                _emit(text, "active", keys, [tuple([None] * len(keys))], None, "", out)
            continue
        neg = [i for i, k in enumerate(keys) if k.endswith("_change")]
        dec = [i for i, k in enumerate(keys) if k in AMOUNT_UNITS]
        hinted = sources = None
        values = [p for p in g.pieces if p.text]
        if g.atomic and len(values) < len(keys) and detached:
            readings, hinted, sources = _fill_from_notes(row, values, detached)
        else:
            readings, _ = _row_readings(g, len(keys), _active_constraints(keys), negative=neg, decimal=dec)
        for i in dec:
            unit = next((p.unit for p in g.pieces if p.unit in AMOUNT_UNITS[keys[i]]), "")
            readings = _scale(keys[i], readings, i, unit, g.before)
        reason = ("cells lifted out of the table; the note's wording names the column" if hinted else
                  f"'{g.raw}' reads as {len(keys)} cells in {len(set(readings))} ways the report does not decide")
        _emit(text, "active", keys, readings, g, reason, out, chosen=hinted, sources=sources)
    return out


# ---- table "requests" --------------------------------------------------------------------------
def _has_other_split(region: str) -> bool:
    flat = _squash(region)
    return any(a in flat for r in REQUEST_ROWS if r.key in OTHER_SPLIT[:2] for a in r.aliases)


def request_rows(template: str, region: str) -> list[Row]:
    """The rows this table prints: (六)其他处理 as one row or as its three sub-rows."""
    split = template == "2021" and _has_other_split(region)
    drop = {"other"} if split else set(OTHER_SPLIT)
    return [r for r in REQUEST_ROWS if r.key not in drop]


def align(groups: list[Group], keys: list[str], labels: list[str | None]) -> dict[str, Group]:
    """Value rows -> template rows, in order. A label on the row's own line pulls it to that row;
    rows without values stay empty; rows a converter detached from their labels keep their order."""
    n, m = len(groups), len(keys)
    neg = -10 ** 9
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    move: dict[tuple[int, int], tuple[int, int, bool]] = {}
    best[0] = [-j for j in range(m + 1)]
    for i in range(1, n + 1):
        best[i][0] = best[i - 1][0] - 2
        move[(i, 0)] = (i - 1, 0, False)
        for j in range(1, m + 1):
            lab = labels[i - 1]
            gain = 3 if lab == keys[j - 1] else (-3 if lab else 0)
            options = [(best[i - 1][j - 1] + gain, (i - 1, j - 1, True)),
                       (best[i][j - 1] - 1, (i, j - 1, False)),
                       (best[i - 1][j] - 2, (i - 1, j, False))]
            best[i][j], move[(i, j)] = max(options, key=lambda o: o[0])
    out: dict[str, Group] = {}
    i, j = n, m
    while i > 0 and j > 0:
        pi, pj, take = move[(i, j)]
        if take:
            out[keys[j - 1]] = groups[i - 1]
        i, j = pi, pj
    return out


def _request_identities(keys: list[str]):
    """requests.balance and requests.results_sum per column, as predicates over row readings."""
    results = [k for k in keys if k not in ("new_received", "carried_over", "results_total", "carried_forward")]
    out = []
    for c in range(7):
        out.append((["new_received", "carried_over", "results_total", "carried_forward"],
                    lambda v, c=c: _n(v["new_received"][c]) + _n(v["carried_over"][c])
                    == _n(v["results_total"][c]) + _n(v["carried_forward"][c])))
        out.append((["results_total", *results],
                    lambda v, c=c, rs=tuple(results): _n(v["results_total"][c]) == sum(_n(v[r][c]) for r in rs)))
    return out


def _parse_requests(text: str, span: tuple[int, int], template: str) -> tuple[list[Cell], list[Ambiguity]]:
    rows = request_rows(template, text[slice(*span)])
    keys = [r.key for r in rows]
    words = {r.key: _row_words(r.label, r.aliases) for r in rows}
    groups, _ = group_tokens(tokenize(text, *span))
    groups = [g for g in groups if g.capacity >= 6]
    if not groups:  # labels named in prose, no row of cells: no table
        return [], []
    labels = [last_label(g.same_line, words) for g in groups]
    placed = align(groups, keys, labels)
    total = splitting.sum_constraint(range(6), 6)
    readings: dict[str, list[Values]] = {}
    for k in keys:
        g = placed.get(k)
        readings[k] = _row_readings(g, 7, [total])[0] if g else [tuple([None] * 7)]
    decided = splitting.decide(readings, [(rs, p) for rs, p in _request_identities(keys)])
    out: tuple[list[Cell], list[Ambiguity]] = ([], [])
    for k in keys:
        g = placed.get(k)
        reason = f"'{g.raw if g else ''}' splits into 7 cells in several ways that satisfy the table's arithmetic"
        _emit(text, "requests", [f"{k}.{c}" for c in REQUEST_COLUMN_KEYS], decided[k], g, reason, out)
    return out


# ---- table "review_litigation" -----------------------------------------------------------------
def _parse_review(text: str, span: tuple[int, int]) -> tuple[list[Cell], list[Ambiguity]]:
    groups, _ = group_tokens(tokenize(text, *span))
    taken: list[Group] = []
    need = len(REVIEW_KEYS)
    for g in groups:
        if sum(t.capacity for t in taken) >= need:
            break
        if any(p.text for p in g.pieces):  # blank slots of a header row are no values
            taken.append(g)
    if sum(g.capacity for g in taken) < need - len(REVIEW_OUTCOMES):  # a few stray figures are no table
        return [], []
    pieces = [p for g in taken for p in g.pieces]
    merged = Group(pieces=pieces, before=taken[0].before, same_line=taken[0].same_line,
                   start=taken[0].start, end=taken[-1].end, atomic=all(g.atomic for g in taken))
    per = len(REVIEW_OUTCOMES)
    totals = [splitting.sum_constraint(range(per * g, per * g + per - 1), per * g + per - 1)
              for g in range(len(REVIEW_GROUPS))]
    readings, _ = _row_readings(merged, need, totals)
    out: tuple[list[Cell], list[Ambiguity]] = ([], [])
    _emit(text, "review_litigation", list(REVIEW_KEYS), readings, merged,
          f"'{merged.raw}' splits into 15 cells in several ways that satisfy the group totals", out)
    return out


# ---- the whole parse ---------------------------------------------------------------------------
def parse_tables(text: str, sections: list[Section], template: str, *, year: int | None = None,
                 neighbours: list[TableParse] | None = None, html: TableParse | None = None) -> TableParse:
    """The three tables of one report. What the text leaves open, second sources decide (index.resolve):
    `html`, the parse of the same report's HTML page; the narrative; `neighbours`, parses of the same
    agency's other years (made without neighbours)."""
    spans = locate_tables(text, sections)
    if not spans:
        return TableParse(template=template, year=year)
    shown = detect_template(text, spans, template)
    parts = []
    if "active" in spans:
        parts.append(_parse_active(text, spans["active"], shown))
    if "requests" in spans:
        parts.append(_parse_requests(text, spans["requests"], shown))
    if "review_litigation" in spans:
        parts.append(_parse_review(text, spans["review_litigation"]))
    evidence = Evidence(html=html.decided() if html else {}, stated=stated_figures(text, spans.values()),
                        stated_active=stated_active(text, spans.values()), year=year, template=shown,
                        neighbours=list(neighbours or []))
    cells, ambiguous = resolve([c for cs, _ in parts for c in cs], [a for _, ams in parts for a in ams], evidence)
    return TableParse(cells=cells, ambiguous=ambiguous, template=shown, year=year)
