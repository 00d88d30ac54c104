"""Intent -> Answer: figures only from the structured store, each cited to its cell; passages quoted with
[n] markers; declines that say why. No model here: the plan decided what to read, this reads it (one query per
table) and hands the values to `assistant.compose`."""

from __future__ import annotations

import functools
import os
import re
import statistics
import threading
from collections import OrderedDict
from collections.abc import Callable

from assistant import compose
from assistant.bilingual import printed
from assistant.catalog import Catalog, CatalogEntry, years_said
from assistant.cues import (
    ABOUT_ME,
    ASCENDING_CUES,
    CAUSE_WORDS,
    COUNT_ASKED,
    COUNTERS,
    EACH_CUES,
    GENERIC_COUNTERS,
    IN_YUAN,
    MONEY_ASKED,
    PART_OF_YEAR_SAID,
    QUANTITY_PREMISE,
    RANKING_CUES,
    RATIO_CUES,
    REASON_WORDS,
    RECEIVED_ANY,
    SPREAD_ASKED,
    TIMELINESS,
    TIMES_OF,
    TITLE_ENDINGS,
    TOTAL_CUES,
    WHY_NONE,
)
from assistant.figures import (
    RESULT_ROWS,
    CellMap,
    Facts,
    Value,
    against_mean,
    bound_words,
    change,
    context_keys,
    group_total,
    outcome_keys,
    parts_of,
    passes,
    percent,
    rate_parts,
    read,
    summable,
    template_key,
    total,
    with_column,
)
from assistant.narrative import (
    MEASURE_NOUN,
    NUMBER,
    WHY_QUESTION,
    WHY_SAID,
    Passage,
    SentenceStore,
    across,
    answer_lines,
    asks_count,
    compound_parts,
    contact_asked,
    contact_passages,
    count_clause,
    count_unit,
    earlier_reports,
    evidence_in_time,
    report_sentences,
    states,
    topic_words,
)
from assistant.query import CellKey, Intent
from assistant.read import counted_head, has, part_named
from index.models import Answer, Figure, Number, Report
from index.parse.statements import stated_in
from index.settings import Settings
from index.stores.lexical import word_tags
from index.vocabulary import (
    ACTIVE,
    APPLICANT_COLUMNS,
    EVERYDAY_WORDS,
    QUERY_FIGURES,
    RATES,
    REQUEST_ROW_KEYS,
    REVIEW_KEYS,
    TABLE_NAMES,
    TABLE_NUMBERS,
)

DEFAULT_TOP_N = 5
MAX_FACTS_BYTES = 64 << 20  # the facts cache's bound: ~240 generated or ~360 bundled reports' cells in memory
FACT_BYTES = 1400  # held per cell, failed check or ambiguity (tracemalloc: 180 KB a bundled report, 270 KB a
#                   generated one, ~1.4 KB an item in both)
MAX_CACHED_REPORTS = 64  # full reports (with text) for passages and citations
MAX_LISTED_CELLS = 30  # precedents and sums cite at most this many cells
MAX_NAMED_REPORTS = 4  # more reports in scope than this: one best sentence per agency, not one report's quotes
MAX_PHRASE_REPORTS = 200  # reports a phrase search reads sentences from (~10 ms each the first time)
MAX_READ_REPORTS = 16  # a cross-report operation over more reports than this reads its cells by query (`scan`)
TITLE_CHARS = 60  # a catalogue listing cites the first line of a report, at most this long


# 均在法定期限内答复, 全部在规定时限内予以答复, 未发生超期答复: how timely the replies were, said in the text
TIMELY_SAID = re.compile(r"(?:法定|规定)的?(?:期限|时限)内|(?:未|没有)(?:发生|出现)?超期|无超期|按时(?:办结|答复)率?")

def _held_bytes(facts: Facts) -> int:
    return FACT_BYTES * (len(facts.cells) + len(facts.checks) + len(facts.ambiguous))


def told_figure(d: compose.Draft, e: CatalogEntry, told: tuple[Number, Passage], what: str, unit: str) -> int:
    """A figure a report without the tables states in its text: its sentence cited, the number kept as a passage
    figure (so the guard and the evaluation treat it like a cell); returns the citation's number."""
    n = d.cite_passage(told[1])
    d.figures.append(Figure(agency=e.agency, year=e.year, table="passage", row=what, value=told[0],
                            citation=n, kind="passage", unit=unit))
    return n


def name_of(it: Intent, found: list[Value]) -> str:
    """What the question counts, as the table names it (新收政府信息公开申请), for a sentence about it; several rows
    asked as one (不予公开's eight) by the word said for them, as their sum is named."""
    if len(it.keys) > 1 and it.figure_word:
        return it.figure_word
    return compose.label(**(it.keys or [v.key for v in found])[0].model_dump())


def unsaid(it: Intent, texts: list[str]) -> bool:
    """A count whose part of the year (第四季度), part of a whole (是问农机补贴的) or thing counted (通气会, or its
    everyday word) no evidence sentence says: a number lifted from them would count something else."""
    asked = ABOUT_ME.sub(_untold, it.question)  # 我是2017年5月看到的，…全年: the month is the story's
    if (part := PART_OF_YEAR_SAID.search(asked)) and asks_count(asked) and not any(part.group() in t for t in texts):
        return True
    held = {a for a, _ in it.targets}  # 投诉公安的: a word read as an agency the question is not about is a word
    names = [m for a, m in zip(it.agencies, it.mentions, strict=False) if a in held]
    share = has(it.question, RATIO_CUES)  # 乡镇…占全区的比例: its sentence states the share (占28.89%), not the whole's words
    if not share and (part := part_named(it.question, names)) and not any(
            all(any(w in t for w in group) for group in part) for t in texts if re.search(r"\d", t)):
        return True  # 热线里有多少起是问农机补贴的: no sentence with a number names that part
    head = counted_head(it.question, it.mentions)
    words = (head, *EVERYDAY_WORDS.get(head, ())) if head else ()
    after = it.english is None and any(_names_at_once(m.group(1), head) for m in COUNT_ASKED.finditer(it.question))
    return bool(head) and not any(w in t and (not after or counts(w, t)) for t in texts for w in words)


def _names_at_once(said: str, head: str | None) -> bool:
    """The count is followed by the thing itself, no verb between (几起安全生产事故; not 几个人负责信息公开, whose 信息公开
    is what they do)."""
    if not head or head not in said:
        return False
    before = said[:said.index(head)].lstrip(COUNTERS)  # 几起安全生产事故: 起 counts, it is no verb
    return not any(flag in ("v", "vd") for _, flag in word_tags(before)) if before else True


def counts(thing: str, text: str) -> bool:
    """Some clause of the sentence holds both a number and the thing a count asks for, named after the count (几起
    安全生产事故; 用户已突破550万), or the clause after the one naming it ends with a number (解答群众问题，其中热线电话11通):
    not a sentence that names it in one clause and counts another thing in the next (…生产安全事故挂牌督办信息公开，共发布了
    40期安全生产信息简报)."""
    clauses = re.split(r"[，,。；;：:！!？?]", text)
    return any(thing in c and (COUNT_SAID.search(c) or (i + 1 < len(clauses) and ENDS_COUNTED.search(clauses[i + 1])))
               for i, c in enumerate(clauses))


# a number that is no year (2016年 counts nothing), or one in Chinese numerals with its unit (意见征集两次)
COUNT_SAID = re.compile(r"(?<![\d.])\d[\d,.]*(?![\d,.]*\s*年)|" + NUMBER.pattern)
ENDS_COUNTED = re.compile(r"\d[\d,.]*\s*[^\d\s]{0,2}$")  # …11通, …3件: a number and its unit close the clause


def _untold(m: re.Match) -> str:
    """An asker's own clause with nothing asked in it is left out of what is asked."""
    return m.group() if re.search(r"多少|几|吗|[？?]", m.group()) else "|"


def operands(d: compose.Draft, values: list[Value]) -> str:
    """A rate's numerator or denominator as the formula shows it: each cell's value and citation, summed."""
    refs = "＋".join(f"{compose.number(v.value)}[{d.cite_cell(v)}]" for v in values)
    return f"（{refs}）" if len(values) > 1 else refs


def _read_from(it: Intent) -> str:
    """Where a listing read: the reports the question listed (鹿城22、洪泽23…这几份), else every report held."""
    return "所列报告中" if it.pairs else "在已收录的报告中"


def _itemised(values: list[Value], ref: Callable[[Value], int], name: Callable[[Value], str]) -> str:
    """The cells of a sum or of what is left, each with its value and [n], the zeros cited together (其余各项为0[3][4])."""
    parts = [f"{name(v)}{compose.amount(v.value, v.key.table, v.key.row)}[{ref(v)}]" for v in values if v.value]
    zero = "".join(f"[{ref(v)}]" for v in values if not v.value)
    if zero:
        parts.append(("其余各项" if parts else "各分项均") + f"为0{zero}")
    return "，".join(parts)


def _group_label(keys: list[CellKey]) -> str:
    """One label for cells summed as one (the two suit groups: 行政诉讼, 行政诉讼结果纠正)."""
    labels = [compose.label(**k.model_dump()) for k in keys]
    if len(labels) == 1:
        return labels[0]
    split = [re.fullmatch(r"(.*)（([^（）]*)）", lab) for lab in labels]
    if all(split) and len({m.group(1) for m in split}) == 1:  # one row over several columns: （商业企业、科研机构）
        return f"{split[0].group(1)}（{'、'.join(m.group(2) for m in split)}）"
    tails = {lab.rsplit("）", 1)[-1] for lab in labels}
    if not (common := os.path.commonprefix(labels).rstrip("（(")):  # 予以公开 and 无法提供's rows: each head once
        return "、".join(dict.fromkeys(lab.split("（")[0] for lab in labels))
    return common + (tails.pop() if len(tails) == 1 else "")


def year_asked(it: Intent, agency: str, year: int) -> bool:
    """Whether a held report's year is asked: any year when none is said; else the years said, which are only the
    bound agency's where they were said of one (鹿城和2019年的平潭管委会: 鹿城's every held year)."""
    return not it.years or year in it.years or (it.year_bound is not None and agency != it.year_bound)


class Executor:
    """Runs resolved intents over the stores; one per process, safe to share between requests."""

    def __init__(self, settings: Settings, index):
        self.settings, self.index = settings, index
        self._reports: OrderedDict[str, Report] = OrderedDict()
        self._retriever = None
        self._facts: OrderedDict[str, Facts] = OrderedDict()
        self._facts_bytes = 0  # what the facts cache holds, estimated (FACT_BYTES an item)
        self._facts_lock = threading.Lock()
        self._catalog: tuple[tuple, Catalog] | None = None
        self._catalog_stamp: int | None = None  # the store's change stamp when the catalog was last read
        self.sentences = SentenceStore(settings.home / "sentences")  # open questions' candidates, kept on disk

    # ---- data access ---------------------------------------------------------------------------
    def catalog(self) -> Catalog:
        """What the store holds now; the prepared name matcher is reused while the store's change stamp (raised
        by every write of any process, SQLite or PostgreSQL) is unchanged: the list query grows with the corpus
        (~55 ms CPU a question at 1,000 reports), the stamp is one row."""
        stamp = self.index.store.change_stamp()
        if self._catalog is not None and self._catalog_stamp == stamp:
            return self._catalog[1]
        summaries = self.index.store.reports()
        signature = tuple((s.id, s.checks_failed, s.ambiguous) for s in summaries)
        if self._catalog is None or self._catalog[0] != signature:
            self._catalog = (signature, Catalog.from_summaries(summaries))
        self._catalog_stamp = stamp
        return self._catalog[1]

    def report(self, report_id: str) -> Report:
        """A stored report, kept in a small cache (ids are content hashes, so entries never go stale)."""
        if report_id in self._reports:
            self._reports.move_to_end(report_id)
            return self._reports[report_id]
        r = self.index.store.report(report_id)
        self._reports[report_id] = r
        while len(self._reports) > MAX_CACHED_REPORTS:
            self._reports.popitem(last=False)
        return r

    def retriever(self):
        """The index's retriever; built here from its vectors and lexical index if it exposes none."""
        if self._retriever is None:
            self._retriever = getattr(self.index, "retriever", None)
        if self._retriever is None:
            from index.stores.retrieve import Retriever

            self._retriever = Retriever(self.index.vectors, self.index.lexical, self.settings.retrieval)
        return self._retriever

    def facts(self, report_id: str) -> Facts:
        """A report's cells, failed checks and ambiguities (no text), kept while the cache holds under
        MAX_FACTS_BYTES; the first read are the first let go."""
        if (held := self._facts.get(report_id)) is not None:
            return held
        facts = Facts.of(self.report(report_id))
        with self._facts_lock:
            if report_id not in self._facts:
                self._facts[report_id] = facts
                self._facts_bytes += _held_bytes(facts)
            while self._facts_bytes > MAX_FACTS_BYTES and len(self._facts) > 1:
                self._facts_bytes -= _held_bytes(self._facts.popitem(last=False)[1])
        return facts

    def values(self, entries: list[CatalogEntry], keys: list[CellKey]) -> dict[str, list[Value]]:
        """The keys' cells per report, with the report's own failed checks and ambiguities."""
        return {e.report_id: [read(e, k, self.facts(e.report_id)) for k in keys] for e in entries}

    def scan(self, entries: list[CatalogEntry], keys: list[CellKey]) -> dict[str, list[Value]]:
        """The same as `values`, for list-which, rank and sum over many reports: one query per key over the stored
        cells (SQLAlchemy) instead of every full report, and one for the failed checks and undecided cells of the
        reports that have any (`Store.flaws`), so their notes and their glued cells (never a blank, never 0) stay
        exactly what `values` gives without reading those reports whole or keeping them in the facts cache."""
        if len(entries) <= MAX_READ_REPORTS:
            return self.values(entries, keys)
        wanted = {(e.report_id, k.table, k.row, k.column)
                  for e in entries for k in (template_key(k, e.template) for k in keys)}
        cells: dict[str, CellMap] = {}
        for table, row, column in {w[1:] for w in wanted}:
            ids = sorted({rid for rid, t, r, c in wanted if (t, r, c) == (table, row, column)})
            for summary, cell in self.index.store.cells(table=table, row=row, column=column, report_ids=ids):
                if cell.column == column:
                    cells.setdefault(summary.id, {})[(table, row, column)] = cell
        flaws = self.index.store.flaws([e.report_id for e in entries if e.checks_failed or e.ambiguous])
        out: dict[str, list[Value]] = {}
        for e in entries:
            checks, ambiguous = flaws.get(e.report_id, ([], []))
            facts = Facts.model_construct(cells=cells.get(e.report_id, {}), checks=checks, ambiguous=ambiguous)
            out[e.report_id] = [read(e, k, facts) for k in keys]
        return out

    def column_parts(self, entry: CatalogEntry, keys: list[CellKey]) -> list[Value] | None:
        """A requests row's applicant columns when its 总计 is what the report left blank or printed as 0 while
        those columns hold numbers (an HTML table with an empty 总计, glued digits split 4|0|…|0): the report's
        own arithmetic says the total is their sum. None when the columns hold nothing either."""
        if not keys or any(k.table != "requests" or k.column != "total" for k in keys):
            return None
        parts = self.values([entry], [CellKey(table=k.table, row=k.row, column=c) for k in keys
                                      for c in APPLICANT_COLUMNS])[entry.report_id]
        return parts if any(v.found and v.value for v in parts) else None

    def _blank_total(self, entry: CatalogEntry, keys: list[CellKey], vals: list[Value]) -> list[Value]:
        """The cells a rate adds for `keys`: their applicant columns that hold numbers where every 总计 asked is
        blank beside them (column_parts), else the cells themselves."""
        if vals and all(v.value is None for v in vals) and (parts := self.column_parts(entry, keys)):
            return [v for v in parts if v.found and v.value]
        return vals

    # ---- the one entry point -------------------------------------------------------------------
    def run(self, it: Intent, catalog: Catalog) -> Answer:
        """The answer to one resolved part: its operation's handler, or the decline or question back it carries."""
        handler = {
            "figure": self._figure, "breakdown": self._breakdown, "rate": self._rate, "change": self._change,
            "comparison": self._comparison, "ranking": self._ranking, "sum": self._sum,
            "precedent": self._precedent, "narrative": self._narrative, "checks": self._checks,
            "catalogue": self._catalogue,
        }.get(it.kind)
        if handler is None:
            return self._refuse(it, catalog)
        return handler(it, catalog)

    # ---- declines and questions back -----------------------------------------------------------
    def _refuse(self, it: Intent, catalog: Catalog) -> Answer:
        q = it.question
        if it.kind == "clarify" and it.clarify:
            text = compose.clarify_agencies([(a, catalog.span(a)) for a in it.clarify])
            return compose.decline(q, text, "several_agencies", kind="clarify")
        if it.kind == "clarify":
            return compose.decline(q, compose.clarify_no_agency(catalog.agencies), "no_agency", kind="clarify")
        if it.reason == "unknown_agency":
            return compose.decline(q, compose.decline_unknown_agency(it.unknown_agency or "", catalog.agencies), it.reason)
        if it.reason in ("year_not_held", "previous_year_not_held"):
            missing = it.missing_years or [(a, y) for a in it.agencies for y in it.years]
            agency = missing[0][0] if missing else (it.agencies[0] if it.agencies else "")
            years = sorted({y for a, y in missing if a == agency})
            nearby = catalog.nearby_holding(agency, years)
            return compose.decline(q, compose.decline_year(agency, years, catalog.span(agency), nearby), it.reason)
        if it.reason == "empty_scope":
            places = catalog.places()
            held = {p: places[p] for p in it.scope_places if p in places}
            return compose.decline(q, compose.decline_empty_scope(it.scope_places, held), it.reason)
        if it.reason in compose.FIXED_DECLINES:
            return compose.decline(q, compose.FIXED_DECLINES[it.reason], it.reason)
        if it.reason == "unsupported_figure" and (stated := self._stated_in_text(it, catalog)):
            asked = f"{it.question}（是否均在法定期限内答复）" if TIMELINESS.search(it.unsupported or "") else it.asked
            # 超期 is asked by the report's words for being in time
            return self._narrative(it.model_copy(update={"kind": "narrative", "reason": None, "unsupported": None,
                                                         "keys": [], "targets": stated, "asked": asked}), catalog)
        return compose.decline(q, compose.decline_unsupported(it.unsupported or "该项"), it.reason or "unsupported_figure")

    def _stated_in_text(self, it: Intent, catalog: Catalog) -> list[tuple[str, int]]:
        """The reports asked whose text counts what no table row holds (主动撤回157件 for 撤回): the word, then at
        once a number in a measure word. Those reports answer it in their text; the rest decline as before."""
        word = it.unsupported
        if not word or not it.agencies:
            return []
        wanted = {e.report_id: (a, e.year) for a in it.agencies for y in (it.years or [catalog.newest(a)])
                  if (e := catalog.entry(a, y)) is not None}
        if TIMELINESS.search(word):  # 有没有超期答复: a report that says its replies were all in time answers whether
            if COUNT_ASKED.search(it.question):  # any was late; 超期答复的一共多少件 asks a count no report keeps
                return []
            return [wanted[i] for i in wanted if TIMELY_SAID.search(self.report(i).text)]
        clause = re.compile(rf"{re.escape(word)}[了共为计有达约近\s]{{0,3}}{NUMBER.pattern}")  # 撤回157件, not 户籍管理…129项
        return [wanted[i] for i in self.index.store.containing([word], list(wanted))
                if clause.search(self.report(i).text)]

    def _missing(self, it: Intent, values: list[Value]) -> Answer:
        v = values[0]
        for x in values:
            if x.ambiguity is not None:
                text = compose.ambiguous_cell(x)
                return compose.decline(it.question, text, "ambiguous_cell")
        label = compose.label(**v.key.model_dump())
        what = label if not it.figure_word or label.startswith(it.figure_word) else it.figure_word  # the measure the
        # template lacks (行政事业性收费本年收费金额), not its item, which the 2019 template has
        text = compose.decline_missing_cell(v.entry.agency, v.entry.year, what, v.entry.template)
        said = self._narrative(it.model_copy(update={"targets": [(v.entry.agency, v.entry.year)]}), self.catalog())
        money = bool(MONEY_ASKED.search(it.question)) or "金额" in it.question  # 收了多少万元: only a sum of money
        # states it, not 69条
        stated = (v.entry.template == "pre2019" or not COUNT_ASKED.search(it.question)
                  or any(f.kind == "passage" and (not money or (f.unit or "").endswith("元")) for f in said.figures))
        if said.reason == "cause_not_stated":  # 2011年为什么没有人提申请: the text tells none came, not why
            return said
        if not said.abstained and stated:  # a report without the row may still state it in its text; a count its
            # tables would hold and no passage states is declined (2021年版 has no 政府集中采购)
            said.text = f"{text}\n以下是报告原文中的相关内容：\n{said.text}"
            return said
        return compose.decline(it.question, text, "missing_cell")

    # ---- one report ----------------------------------------------------------------------------
    def _single(self, it: Intent, catalog: Catalog) -> tuple[CatalogEntry, str]:
        a, y = it.targets[0]
        entry = catalog.entry(a, y)
        note = compose.newest_note(y, it.year_word, catalog.newest(a)) if not it.years else ""
        return entry, (note + "，" if note else "")

    def _remainder(self, it: Intent, catalog: Catalog) -> Answer:
        """没有被纠正的复议: the group's total less the part said, both cited and the subtraction shown (the
        report's own total, not its other rows re-added, which a report that breaks its arithmetic would change)."""
        entry, prefix = self._single(it, catalog)
        vals = self.values([entry], it.keys + it.less)[entry.report_id]
        if not all(v.found for v in vals):
            return self._missing(it, [v for v in vals if not v.found])
        whole, part = vals[:len(it.keys)], vals[len(it.keys):]
        rest = [v for v in self.values([entry], it.rest)[entry.report_id] if v.found] if it.rest else []
        d = compose.Draft(it.question, "derived")
        a, b = total(whole), total(part)
        refs_a, refs_b = d.markers(whole), d.markers(part)
        value = round(a - b, 4)
        d.derived(entry, "remainder", value, d.cite_cell(whole[0]))
        unit = compose.unit(it.keys[0].table, it.keys[0].row)
        label_a, label_b = _group_label(it.keys), _group_label(it.less)
        parts = _itemised(rest, d.cite_cell, compose.part_label)
        d.parts.append(f"{prefix}{compose.report_name(entry.agency, entry.year)}{label_a}{compose.number(a)}{unit}"
                       f"{refs_a}，其中{label_b}{compose.number(b)}{unit}{refs_b}，其余为{compose.number(a)}－"
                       f"{compose.number(b)}＝{compose.number(value)}{unit}" + (f"（{parts}）" if parts else "") + "。")
        d.check_notes(vals + rest)
        return d.answer()

    def _figure(self, it: Intent, catalog: Catalog) -> Answer:
        if len(it.targets) > 1:
            return self._comparison(it, catalog)
        if it.less:
            return self._remainder(it, catalog)
        entry, prefix = self._single(it, catalog)
        keys = with_column(it.keys, it.column)
        extra = context_keys(keys)
        values = self.values([entry], keys + extra)[entry.report_id]
        asked, context = values[:len(keys)], values[len(keys):]
        found = [v for v in asked if v.found]
        if not found and (parts := parts_of(keys)) != keys:  # printed only as its parts: their sum, each cited
            asked = self.values([entry], parts)[entry.report_id]
            found = [v for v in asked if v.found]
            it = it.model_copy(update={"figure_word": it.figure_word or compose.label(**keys[0].model_dump())})
        blank = bool(found) and all(v.value is None for v in found)
        if blank and (parts := self.column_parts(entry, keys)):  # 总计 left empty beside filled columns
            asked, found = parts, [v for v in parts if v.found]
            label = it.figure_word or compose.label(**keys[0].model_dump())
            it = it.model_copy(update={"figure_word": f"{label}（总计一栏为空，按各类申请人相加）"})
        if not found:
            return self._missing(it, asked)
        d = compose.Draft(it.question, "figure")
        name = compose.report_name(entry.agency, entry.year)
        base = None  # the figure an average per period divides
        if len(found) == 1:
            v = found[0]
            n = d.cite_cell(v)
            base = v.value
            text = f"{prefix}{name}{compose.label(**v.key.model_dump())}为{compose.amount(v.value, v.key.table, v.key.row)}[{n}]"
            if v.key.row.endswith("_wan") and v.value is not None and IN_YUAN.search(it.question):
                yuan = round(v.value * 10000, 2)  # 换算成元: 万元 × 10000, a computed figure
                d.derived(entry, "yuan", yuan, n)
                text += f"（合{compose.number(yuan)}元，{compose.number(v.value)}万元×10000）"
        elif (has(it.question, EACH_CUES + REASON_WORDS) or not summable([v.key for v in found])) \
                and not has(it.question, TOTAL_CUES):
            text = prefix + name + "，".join(f"{compose.label(**v.key.model_dump())}为"
                                             f"{compose.amount(v.value, v.key.table, v.key.row)}[{d.cite_cell(v)}]"
                                             for v in found)
            if has(it.question, RANKING_CUES) and any(v.value for v in found):  # 哪种理由最多: say which, ties named
                fewest = has(it.question, ASCENDING_CUES)
                best = (min if fewest else max)(v.value or 0 for v in found)
                named = "、".join(compose.label(**v.key.model_dump()) for v in found if (v.value or 0) == best)
                text += f"；{'最少' if fewest else '最多'}的是{named}（{compose.number(best)}件）"
        else:
            s = total(found)
            refs = {id(v): d.cite_cell(v) for v in found}  # cited in the table's order
            parts = _itemised(found, lambda v: refs[id(v)], lambda v: compose.label(**v.key.model_dump()))
            d.derived(entry, "sum", s, d.citations[0].n)
            word = it.figure_word or "合计"
            if len(cols := {v.key.column for v in found}) == 1 and (col := cols.pop()) not in (None, "total") and \
                    compose.COLUMN_LABELS.get(col, col) not in word:  # 商业企业的不予公开共0件: the column said, not the
                word += f"（{compose.COLUMN_LABELS.get(col, col)}）"  # whole row's sum, which it is not
            base = s
            text = f"{prefix}{name}{word}共{compose.number(s)}件（{parts}）"
        if it.own is not None and base is not None:  # 比我们少多少: the cell less the asker's own figure, shown
            gap = round(base - it.own, 2)
            d.derived(entry, "difference", abs(gap), d.citations[0].n)
            side = "多" if gap > 0 else "少"
            text += (f"，比您所说的{compose.number(it.own)}件{side}{compose.number(abs(gap))}件"
                     f"（{compose.number(max(base, it.own))}－{compose.number(min(base, it.own))}）" if gap else f"，与您所说的{compose.number(it.own)}件持平")
        if it.claim and base is not None:  # 是不是113件, 有没有超过300件: whether what the asker states holds
            text = compose.VERDICT[passes(base, it.claim)] + text
        if it.per and base is not None:  # 平均每月: the year's figure over its months, the division shown
            period, parts_in_year = it.per
            average = round(base / parts_in_year, 1)
            d.derived(entry, "average", average, d.citations[0].n)
            text += (f"，平均每{period}约{compose.number(average)}{compose.unit(found[0].key.table, found[0].key.row)}"
                     f"（{compose.number(base)}÷{parts_in_year}）")
        if it.per_item and base is not None:
            text += self._per_item(d, entry, it.per_item, base, found[0])
        text += compose.context_sentence(d, context)
        if it.claim == ("=", 0.0) and base == 0 and WHY_NONE.search(it.question):  # 为什么一件都没收到, and none
            d.parts.append(compose.decline_cause(compose.report_name(entry.agency, entry.year), name_of(it, found)))
            d.parts.append(f"报告中的数字：{text}。")  # were: the premise holds, and why is what no report says
            return d.answer(abstained=True, reason="cause_not_stated")
        d.parts.append(text + "。")
        d.check_notes(asked + context)
        return d.answer()

    def _per_item(self, d: compose.Draft, entry: CatalogEntry, key: CellKey, amount: Number, of: Value) -> str:
        """An amount averaged over the count printed beside it (采购总金额 ÷ 采购项目数量), the division shown."""
        count = self.values([entry], [key])[entry.report_id][0]
        if not count.found or not count.value:
            return "，报告中没有可用来平均的项目数量" if not count.found else "，项目数量为0，无法平均"
        n = d.cite_cell(count)
        average = round(amount / count.value, 2)
        d.derived(entry, "average", average, n)
        unit = compose.unit(of.key.table, of.key.row)
        return (f"，{compose.label(**key.model_dump())}{compose.amount(count.value, key.table, key.row)}[{n}]，平均每个约"
                f"{compose.number(average)}{unit}（{compose.number(amount)}÷{compose.number(count.value)}）")

    def _breakdown(self, it: Intent, catalog: Catalog) -> Answer:
        if it.breakdown == "table":
            return self._table(it, catalog)
        entry, prefix = self._single(it, catalog)
        key = it.keys[0]
        if key.table == "review_litigation":  # 复议的维持、纠正各多少: the outcomes of the group they are of, and its total
            wholes = {t.row: t for t in map(group_total, it.keys)}.values()
            keys = [k for g in wholes for k in (outcome_keys(g) + [g])]
        elif it.breakdown == "outcome":
            keys = [CellKey(table="requests", row=r, column=it.column or "total") for r in RESULT_ROWS + ["results_total"]]
        else:
            keys = [CellKey(table=key.table, row=key.row, column=c) for c in APPLICANT_COLUMNS + ["total"]]
        values = self.values([entry], keys)[entry.report_id]
        found = [v for v in values if v.found]
        if not found:
            return self._missing(it, values)
        d = compose.Draft(it.question, "breakdown")
        name = compose.report_name(entry.agency, entry.year)
        totals = [v for v in found if v.key.row.endswith("total") or v.key.column == "total"]
        head = totals[-1] if totals else None
        lines = []
        if head is not None:
            lines.append(f"{prefix}{name}{compose.label(**head.key.model_dump())}为"
                         f"{compose.amount(head.value, head.key.table, head.key.row)}[{d.cite_cell(head)}]")
        items = [v for v in found if v is not head and v.value]
        if items:
            shown = "，".join(f"{compose.part_label(v)}{compose.amount(v.value, v.key.table, v.key.row)}[{d.cite_cell(v)}]"
                             for v in items)
            lines.append(f"其中{shown}")
        zero = [v for v in found if v is not head and not v.value]
        if zero and items:
            lines.append("其余各项为0")
        elif zero:
            lines.append("各项均为0")
        fewest = bool(has(it.question, ASCENDING_CUES)) or it.ascending
        if items and it.nth and it.nth <= len(items):  # 数量排第二的是哪一类: the place asked, from the cells cited
            placed = sorted(items, key=lambda v: v.value, reverse=not fewest)[it.nth - 1]
            lines.append(f"{compose.order_said(fewest)}排第{it.nth}的是{compose.part_label(placed)}"
                         f"（{compose.amount(placed.value, placed.key.table, placed.key.row)}）")
        elif items and has(it.question, RANKING_CUES):  # 哪类申请人最多: say which, from the cells just cited
            top = (min if fewest else max)(items, key=lambda v: v.value)
            lines.append(f"{'最少' if fewest else '最多'}的是{compose.part_label(top)}")
        d.parts.append("；".join(lines) + "。")
        d.check_notes(found)
        return d.answer()

    def _table(self, it: Intent, catalog: Catalog) -> Answer:
        """One standard table of one report, row by row (表三: the total column), each cell cited."""
        entry, prefix = self._single(it, catalog)
        table = it.keys[0].table
        values = self.values([entry], table_keys(table, entry.template))[entry.report_id]
        found = [v for v in values if v.found]
        name = compose.report_name(entry.agency, entry.year)
        if not found:
            return compose.decline(it.question, compose.decline_missing_cell(
                entry.agency, entry.year, TABLE_TITLES[table], entry.template), "missing_cell")
        d = compose.Draft(it.question, "breakdown")
        d.parts.append(f"{prefix}{name}报告{TABLE_TITLES[table]}" + ("（总计一栏）" if table == "requests" else "") + "：")
        for v in values:  # a glued run: its printed digits and readings, never a chosen value
            if v.found:
                d.parts.append(f"- {compose.label(**v.key.model_dump())}："
                               f"{compose.amount(v.value, v.key.table, v.key.row)}[{d.cite_cell(v)}]")
            elif v.ambiguity is not None:
                d.parts.append(f"- {compose.label(**v.key.model_dump())}：{compose.ambiguous_cell(v)}")
        d.check_notes(found)
        return d.answer()

    def _rate(self, it: Intent, catalog: Catalog) -> Answer:
        if len(it.targets) > 1 and not it.pooled:
            return self._comparison(it, catalog)
        if len(it.targets) > 1:  # 两年加起来的比例: the numerators summed over the denominators summed
            entries, prefix = [e for a, y in it.targets if (e := catalog.entry(a, y))], ""
            name = ("、".join(compose.report_name(e.agency, e.year) for e in entries) if len({e.agency for e in entries}) > 1
                    else entries[0].agency + "、".join(str(e.year) for e in entries) + "年度") + "合计"
        else:
            entry, prefix = self._single(it, catalog)
            entries, name = [entry], compose.report_name(entry.agency, entry.year)
        label, num_keys, den_keys, formula = rate_parts(it)
        nums, dens, summed = [], [], False
        for entry in entries:
            keys = num_keys
            values = self.values([entry], keys + den_keys)[entry.report_id]
            if not all(v.found for v in values[:len(keys)]) and (parts := parts_of(keys)) != keys:
                keys = parts  # （六）其他处理 printed as its three rows: their sum over the total
                values = self.values([entry], keys + den_keys)[entry.report_id]
            if not all(v.found for v in values):
                return self._missing(it, [v for v in values if not v.found])
            num = self._blank_total(entry, keys, values[:len(keys)])
            den = self._blank_total(entry, den_keys, values[len(keys):])
            summed = summed or len(num) + len(den) != len(values)
            nums, dens = nums + num, dens + den
        d = compose.Draft(it.question, "derived")
        if summed:  # 不予处理占多大比例 where 总计 is blank: its applicant columns, as the figure path reads them
            label = f"{label}（总计一栏为空，按各类申请人相加）"
        num_sum, den_sum = sum(v.value or 0 for v in nums), sum(v.value or 0 for v in dens)
        value = percent(num_sum, den_sum)
        entry = entries[0]
        refs, den_ref = operands(d, nums), operands(d, dens)
        if value is None:  # a zero denominator: declined, saying why, the zero cell cited
            d.parts.append(f"{prefix}{name}{compose.label(**dens[0].key.model_dump())}为{den_ref}，无法计算{label}。")
            return d.answer().model_copy(update={"abstained": True, "reason": "zero_denominator", "kind": "decline"})
        d.derived(entry, it.rate, value, d.citations[0].n)
        per = ""
        if it.per_n:  # 十件里有几件, 千分之几: the unrounded share per so many, a computed figure of its own
            per_n = num_sum / den_sum * it.per_n
            per = f"，即每{it.per_n}件约{compose.number(round(per_n, 1))}件"
            d.derived(entry, f"per_{it.per_n}", round(per_n, 2), d.citations[0].n, at=1)
        said = compose.VERDICT[passes(value, it.claim)] if it.claim else ""  # 过半了吗, 超过3成了吗
        d.parts.append(f"{said}{prefix}{name}{label}为{value}%，按{formula}计算：{refs}÷{den_ref}＝{value}%{per}。")
        d.check_notes(nums + dens)
        return d.answer()

    def _changes_across(self, it: Intent, catalog: Catalog) -> Answer:
        """The change of one figure for every agency of a scope (平潭的单位2024年比2023年各变化多少): the two asked
        years (or the asked year and the one before; else each agency's newest two), each side cited."""
        keys = with_column(it.keys, it.column)
        years = sorted(it.years)
        pairs = []
        for a in it.scope:
            cur_y = years[-1] if years else catalog.newest(a)
            prev_y = years[0] if len(years) > 1 else (cur_y - 1 if cur_y else None)
            if cur_y and prev_y and (cur := catalog.entry(a, cur_y)) and (prev := catalog.entry(a, prev_y)):
                pairs.append((prev, cur))
        vals = self.scan([e for pair in pairs for e in pair], keys)
        pairs = [(p, c) for p, c in pairs if any(v.found for v in vals[p.report_id])
                 and any(v.found for v in vals[c.report_id])]
        what = it.figure_word if len(keys) > 1 else compose.label(**keys[0].model_dump())
        if not pairs:
            return compose.decline(it.question, f"所问范围内没有单位同时有两个所问年度的“{what}”，无法计算变化。",
                                   "previous_year_not_held")
        d = compose.Draft(it.question, "derived")
        unit = compose.unit(keys[0].table, keys[0].row)
        lines = []
        for prev, cur in pairs:
            before, after = total(vals[prev.report_id]), total(vals[cur.report_id])
            diff, pct = change(before, after)
            first = len(d.citations) + 1
            refs = [d.markers(vals[e.report_id]) for e in (prev, cur)]
            moved = "持平" if diff == 0 else f"{'增加' if diff > 0 else '减少'}{compose.number(abs(diff))}{unit}" + (
                f"（{'增长' if diff > 0 else '下降'}{abs(pct)}%）" if pct is not None else "")
            lines.append(f"- {cur.agency}：{prev.year}年度{compose.number(before)}{unit}{refs[0]}，"
                         f"{cur.year}年度{compose.number(after)}{unit}{refs[1]}，{moved}")
            d.derived(cur, "change", diff, first, at=len(lines) - 1)
        d.parts.append(f"{what}的变化（{len(pairs)}个单位有两个年度的报告）：")
        d.parts.extend(lines)
        if len(pairs) < len(it.scope):
            d.parts.append(f"另有{len(it.scope) - len(pairs)}个单位缺少其中一个年度的报告或这一项，未列出。")
        d.check_notes([v for pair in pairs for e in pair for v in vals[e.report_id]])
        return d.answer()

    def _change(self, it: Intent, catalog: Catalog) -> Answer:
        if it.scope and not it.agencies:
            return self._changes_across(it, catalog)
        by_agency: dict[str, list[tuple[str, int]]] = {}
        for a, y in it.targets:
            by_agency.setdefault(a, []).append((a, y))
        a = it.agencies[0]
        (_, prev_y), (_, cur_y) = sorted(by_agency[a], key=lambda t: t[1])[-2:]
        entries = [catalog.entry(a, prev_y), catalog.entry(a, cur_y)]
        keys = with_column(it.keys, it.column)
        vals = self.values(entries, keys)
        prev_v, cur_v = vals[entries[0].report_id], vals[entries[1].report_id]
        if not any(v.found for v in cur_v) or not any(v.found for v in prev_v):
            return self._missing(it, cur_v if not any(v.found for v in cur_v) else prev_v)
        d = compose.Draft(it.question, "derived")
        cur, prev = total(cur_v), total(prev_v)
        what = it.figure_word if len(keys) > 1 else compose.label(**cur_v[0].key.model_dump())
        than = "比上年" if cur_y - prev_y == 1 else f"比{prev_y}年度"
        unit = compose.unit(keys[0].table, keys[0].row)
        cur_refs = d.markers(cur_v)
        prev_refs = d.markers(prev_v)
        diff, pct = change(prev, cur)
        note = compose.newest_note(cur_y, it.year_word, catalog.newest(a)) if not it.years else ""
        text = (f"{note + '，' if note else ''}{a}{cur_y}年度{what}为{compose.number(cur)}{unit}{cur_refs}，"
                f"{prev_y}年度为{compose.number(prev)}{unit}{prev_refs}，")
        if diff == 0:
            text += "与上年持平。" if than == "比上年" else f"与{prev_y}年度持平。"
        else:
            text += f"{than}{'增加' if diff > 0 else '减少'}{compose.number(abs(diff))}{unit}"
            text += f"（{'增长' if diff > 0 else '下降'}{abs(pct)}%）。" if pct is not None else "。"
        if it.times and prev:  # 翻了几倍: the later figure over the earlier, said after the change
            times = round(cur / prev, 2)
            text = text.rstrip("。") + f"，{cur_y}年度是{prev_y}年度的{compose.number(times)}倍（{compose.number(cur)}÷{compose.number(prev)}）。"
            d.derived(entries[1], "ratio", times, d.citations[0].n)
        if pct is not None:
            d.derived(entries[1], "change_pct", pct, d.citations[0].n)
        d.derived(entries[1], "change", diff, d.citations[0].n)
        d.parts.append(text)
        d.check_notes(cur_v + prev_v)
        return d.answer()

    # ---- several reports -----------------------------------------------------------------------
    def _comparison(self, it: Intent, catalog: Catalog) -> Answer:
        entries = [catalog.entry(a, y) for a, y in it.targets]
        if len(entries) == 1 and len(it.sides) > 1 and not it.rate:
            return self._sides(it, entries[0])
        if len(entries) == 1 and it.followup and it.keys and not it.rate:  # 那后者呢 after a comparison: its figure
            return self._figure(it.model_copy(update={"kind": "figure"}), catalog)
        n_num = 0
        if it.rate:
            _, num_keys, den_keys, _ = rate_parts(it)
            keys, n_num = num_keys + den_keys, len(num_keys)
        else:
            keys = with_column(it.keys, it.column)
        vals = self.values(entries, keys)
        d = compose.Draft(it.question, "comparison")
        rows: list[tuple[CatalogEntry, Number | None]] = []
        absent: dict[str, list[int]] = {}  # reports without the item, said once (2011–2018年度: no tables)
        lacking = [e for e in entries if not any(v.found for v in vals[e.report_id])]
        told = self._told(lacking, keys) if lacking and not it.rate else {}  # no tables: what the text states
        for e in entries:
            vs = vals[e.report_id]
            if e.report_id in told:
                value = told[e.report_id][0]
                n = told_figure(d, e, told[e.report_id], it.figure_word or compose.label(**keys[0].model_dump()),
                                compose.unit(keys[0].table, keys[0].row))
                rows.append((e, value))
                d.parts.append(f"{compose.report_name(e.agency, e.year)}：{compose.amount(value, keys[0].table, keys[0].row)}"
                               f"（报告正文）[{n}]")
                continue
            if not any(v.found for v in vs):
                glued = next((v for v in vs if v.ambiguity is not None), None)
                if glued:
                    d.parts.append(compose.ambiguous_cell(glued))
                else:
                    absent.setdefault(e.agency, []).append(e.year)
                continue
            refs = d.markers(vs)
            if it.rate:
                value = percent(sum(v.value or 0 for v in vs[:n_num]), sum(v.value or 0 for v in vs[n_num:]))
                shown = "无法计算" if value is None else f"{value}%"
            else:
                value = total(vs)
                shown = compose.amount(value, keys[0].table, keys[0].row)
            rows.append((e, value))
            d.parts.append(f"{compose.report_name(e.agency, e.year)}：{shown}{refs}")
        if not rows:
            return self._missing(it, vals[entries[0].report_id])
        if absent:
            d.parts.append("、".join(f"{a}{years_said(sorted(ys))}" for a, ys in absent.items()) + "的报告中没有这一项。")
        what = rate_parts(it)[0] if it.rate else (it.figure_word if len(keys) > 1 else compose.label(**keys[0].model_dump()))
        d.parts.insert(0, f"{what}逐年变化：" if it.trend else f"{what}对比：")
        if it.rate or len(keys) > 1:
            for e, value in reversed(rows):
                d.derived(e, it.rate or "sum", value)
        d.parts.append(compose.comparison_summary(rows, it, keys))
        said = [(e, v) for e, v in rows if v is not None]
        _spread(d, it.question, said, "" if it.rate else compose.unit(keys[0].table, keys[0].row))
        if it.times and len(said) == 2 and said[1][1] and not it.rate:  # 鹿城的是洪泽的几倍: the first named over the other
            (e1, v1), (e2, v2) = said
            times = round(v1 / v2, 2)
            d.derived(e1, "ratio", times)
            d.parts.append(f"{compose.report_name(e1.agency, e1.year)}是{compose.report_name(e2.agency, e2.year)}的"
                           f"{compose.number(times)}倍（{compose.number(v1)}÷{compose.number(v2)}）。")
        known = sorted(said, key=lambda t: t[0].year)
        if len(known) == 2 and it.rate and not it.trend:  # 公开率比2019年高了几个百分点: the points between the two
            (_, a), (after, b) = known
            d.derived(after, "change", round(b - a, 2))
        if len(known) == 2 and known[0][0].agency == known[1][0].agency and not it.rate and not it.trend:
            (before, a), (after, b) = known  # one agency, two years: the change the summary states, as a figure
            diff, pct = change(a, b)
            if pct is not None:
                d.derived(after, "change_pct", pct)
                d.parts.append(f"{after.year}年度比{before.year}年度{'增长' if diff >= 0 else '下降'}{abs(pct)}%。")
            d.derived(after, "change", diff)
        u = "个百分点" if it.rate else compose.unit(keys[0].table, keys[0].row) if keys else ""
        if len({e.agency for e, _ in known}) == 1 and (steps := compose.steps_sentence([(e.year, v) for e, v in known], u)):
            d.parts.append(steps)  # 是不是一直在涨: each step, not only the first and last year
            for (_, a), (later, b) in zip(known, known[1:], strict=False):  # 哪一年跌了多少: each step a computed figure
                d.derived(later, "change", round(b - a, 2))
        if it.trend and len(rows) >= 2 and not it.rate:
            (first, a), (last, b) = rows[0], rows[-1]
            diff, pct = change(a, b)
            if diff is not None:
                d.derived(last, "change", diff)
                d.parts.append(compose.trend_sentence(first.year, last.year, a, b, diff, pct,
                                                      compose.unit(keys[0].table, keys[0].row)))
            if it.annual and a and b is not None and a > 0 and b >= 0 and (n := last.year - first.year) > 0:
                rate = round(((b / a) ** (1 / n) - 1) * 100, 1)  # compound, over the years between (not the reports held)
                d.derived(last, "annual_growth_rate", rate)
                d.parts.append(f"年均增长率为{rate}%（按（{compose.number(b)}÷{compose.number(a)}）^(1/{n})−1计算，"
                               f"{first.year}年度到{last.year}年度共{n}年）。")
        if it.missing_years:
            d.parts.append("已收录的报告中没有" + "、".join(compose.report_name(a, y) for a, y in it.missing_years) + "的报告。")
        d.check_notes([v for vs in vals.values() for v in vs])
        return d.answer()

    def _sides(self, it: Intent, e: CatalogEntry) -> Answer:
        """Two or more figures of one report side by side (复议和诉讼哪个多, 个人申请和企业申请哪个多)."""
        d = compose.Draft(it.question, "comparison")
        vals = {word or compose.label(**keys[0].model_dump()): self.values([e], keys)[e.report_id]
                for word, keys in it.sides}  # a side without a word: its row's label (不予公开（属于国家秘密）)
        rows: list[tuple[str, Number, list[Value]]] = []
        for word, vs in vals.items():
            if not any(v.found for v in vs):
                glued = next((v for v in vs if v.ambiguity is not None), None)
                d.parts.append(compose.ambiguous_cell(glued) if glued else f"{word}：报告中没有这一项。")
                continue
            value, refs = total(vs), d.markers(vs)
            rows.append((word, value, vs))
            d.parts.append(f"{word}：{compose.amount(value, vs[0].cell.table, vs[0].cell.row)}{refs}")
        if not rows:
            return self._missing(it, next(iter(vals.values())))
        what = "与".join(vals) if len(vals) <= 3 else f"{it.figure_word or ''}各项"  # 不予公开的八个原因: 各项
        d.parts.insert(0, f"{compose.report_name(e.agency, e.year)}{what}对比：")
        for _, value, vs in rows:
            if len(vs) > 1:
                d.derived(e, "sum", value, d.cite_cell(vs[0]))
        if it.minus and len(rows) == 2:  # 减去: the first said less the second, signed, its sum shown
            (w1, v1, vs1), (w2, v2, _) = rows
            diff = round(v1 - v2, 4)
            d.derived(e, "change", diff, d.cite_cell(vs1[0]))
            u = compose.unit(vs1[0].cell.table, vs1[0].cell.row)
            d.parts.append(f"{w1}减{w2}：{compose.number(v1)}−{compose.number(v2)}＝{compose.number(diff)}{u}。")
        elif len(rows) >= 2:
            (w1, v1, vs1), (w2, v2, _) = max(rows, key=lambda r: r[1]), min(rows, key=lambda r: r[1])
            if v1 == v2:
                d.parts.append("两者相同。" if len(rows) == 2 else f"最多的是{w1}。")
            else:
                diff = round(v1 - v2, 4)
                d.derived(e, "change", diff, d.cite_cell(vs1[0]))
                u = compose.unit(vs1[0].cell.table, vs1[0].cell.row)
                tied = ["、".join(w for w, v, _ in rows if v == x) for x in (v1, v2)]  # ties named, not broken by order
                d.parts.append(f"{w1}比{w2}多{compose.number(diff)}{u}。" if len(rows) == 2
                               else f"最多的是{tied[0]}（{compose.number(v1)}{u}），最少的是{tied[1]}"
                                    f"（{compose.number(v2)}{u}）。")
        d.check_notes([v for vs in vals.values() for v in vs])
        return d.answer()

    def _scope_entries(self, it: Intent, catalog: Catalog, every: bool = False) -> tuple[list[CatalogEntry], str]:
        """Reports a ranking or sum runs over: the asked years, else each agency's newest report (or, for a listing
        of those that pass a bound, every report: which ones ever did)."""
        agencies = it.scope or catalog.agencies
        if it.pairs:  # 鹿城2022年、洪泽2023年…这几份报告: exactly the reports listed
            entries = [e for a, y in it.pairs if (e := catalog.entry(a, y))]
            return entries, "所列报告中"
        if it.years and it.year_bound:  # 鹿城、洪泽和平潭管委会19到21年: the years are the last one's, the others' all held
            return [e for a in agencies for y in catalog.years(a) if year_asked(it, a, y)
                    if (e := catalog.entry(a, y))], "所问报告中"
        if it.years:
            entries = [e for a in agencies for y in it.years if (e := catalog.entry(a, y))]
            return entries, "、".join(f"{y}年度" for y in it.years)
        if every:
            return [e for a in agencies for y in catalog.years(a) if (e := catalog.entry(a, y))], "在已收录的报告中"
        entries = [catalog.entry(a, catalog.newest(a)) for a in agencies if catalog.newest(a)]
        return entries, "按各单位最新报告"

    def _rates_across(self, it: Intent, catalog: Catalog, ranking: bool) -> Answer:
        """One rate per report over a scope (平潭的单位2024年的公开率, 哪个单位公开率最高): each computed from its
        cited cells, formula shown, highest first; a ranking names the first, a listing gives them all."""
        entries, when = self._scope_entries(it, catalog, every=bool(it.threshold) and not ranking)
        label, num_keys, den_keys, formula = rate_parts(it)
        vals = self.scan(entries, num_keys + den_keys)
        rated = []
        for e in entries:
            values = vals[e.report_id]
            if all(v.found for v in values):
                nums, dens = values[:len(num_keys)], values[len(num_keys):]
                value = percent(sum(v.value or 0 for v in nums), sum(v.value or 0 for v in dens))
                if value is not None:
                    rated.append((e, value, nums, dens))
        if not rated:
            return compose.decline(it.question, f"{when}没有报告能算出“{label}”（缺少所需的格或分母为0）。", "missing_cell")
        computed = len(rated)
        it = it.model_copy(update={"threshold": against_mean(it.threshold, [r[1] for r in rated])})
        if it.threshold and not ranking:  # 公开率超过50%的单位: only the reports whose rate passes
            rated = [r for r in rated if passes(r[1], it.threshold)]
            if not rated:  # an answer: none passes (not a decline)
                d = compose.Draft(it.question, "derived")
                d.parts.append(f"{when}能算出“{label}”的{computed}份报告中，没有{label}{bound_words(it.threshold, '%')}的。")
                return d.answer()
        rated.sort(key=lambda t: (t[1] if it.ascending else -t[1], t[0].agency))
        shown = rated[:it.top_n or DEFAULT_TOP_N] if ranking else rated[:MAX_LISTED_CELLS // 2]
        d = compose.Draft(it.question, "ranking" if ranking else "derived")
        lines = []
        for i, (e, value, nums, dens) in enumerate(shown):
            first_cell = len(d.citations) + 1
            lines.append(f"{i + 1}. {compose.report_name(e.agency, e.year)}：{value}%（{operands(d, nums)}÷{operands(d, dens)}）")
            d.derived(e, it.rate or "share", value, first_cell, at=i)
        first, value = rated[0][0], rated[0][1]
        word = "最低" if it.ascending else "最高"
        lead = (f"{when}{label}{word}的是{first.agency}（{first.year}年度，{value}%）。" if ranking else f"{when}{label}：")
        if it.rank_of and ranking:
            placed = _place([(r[0], r[1]) for r in rated], it, "%")
            if placed is None:
                return compose.decline(it.question, f"{compose.report_name(it.rank_of, it.years[0])}报告算不出“{label}”"
                                       "（缺少所需的格或分母为0），无法排名。", "missing_cell")
            lead = f"{when}{label}：" + placed
        passing = f"其中{label}{bound_words(it.threshold, '%')}的有{len(rated)}份，" if it.threshold and not ranking else ""
        d.parts.append(f"{lead}按{formula}计算，共{computed}份报告能算出，{passing}" + ("前" if ranking else "由高到低列出")
                       + f"{len(shown)}份：")
        d.parts.extend(lines)
        if computed < len(entries):
            d.parts.append(f"另有{len(entries) - computed}份报告缺少所需的格或分母为0，算不出。")
        d.check_notes([v for _, _, nums, dens in shown for v in nums + dens])
        return d.answer()

    def _ranking(self, it: Intent, catalog: Catalog) -> Answer:
        if it.rank_of and not it.years:  # 洪泽区的申请量排第几: among the reports of its newest year
            it = it.model_copy(update={"years": [catalog.newest(it.rank_of) or 0]})
        if (it.rate and (not it.keys or it.rate in RATES)) or it.rate_spec is not None:  # 纠错率最高: the rate, not
            return self._rates_across(it, catalog, ranking=True)  # the count its numerator's words name
        if not it.keys:
            return self._narrative(it, catalog)
        entries, when = self._scope_entries(it, catalog)
        keys = with_column(it.keys, it.column)
        vals = self.scan(entries, keys)
        ranked = [(e, total(vals[e.report_id])) for e in entries if any(v.found for v in vals[e.report_id])]
        ranked = [(e, v) for e, v in ranked if v is not None]
        what = it.figure_word if len(keys) > 1 else compose.label(**keys[0].model_dump())
        if not ranked:
            return compose.decline(it.question, f"{when}没有报告含有“{what}”这一项，无法排名。", "missing_cell")
        ranked.sort(key=lambda t: (t[1] if it.ascending else -t[1], t[0].agency))
        n = it.top_n or DEFAULT_TOP_N
        d = compose.Draft(it.question, "ranking")
        unit = compose.unit(keys[0].table, keys[0].row)
        lines = []
        for i, (e, value) in enumerate(ranked, 1):
            if i > n and e.agency != it.rank_of:
                continue  # the first n, and the asked agency's report wherever it stands
            refs = d.markers(vals[e.report_id])
            lines.append(f"{i}. {compose.report_name(e.agency, e.year)}：{compose.number(value)}{unit}{refs}")
        best_e, best_v = ranked[0]
        word = "最少" if it.ascending else "最多"
        if it.rank_of:
            placed = _place(ranked, it, unit)
            if placed is None:
                return compose.decline(it.question, f"{compose.report_name(it.rank_of, it.years[0])}报告中没有“{what}”"
                                       "这一项，无法排名。", "missing_cell")
            d.parts.append(f"{when}{what}：{placed}前{min(n, len(ranked))}名：")
        elif it.nth and it.nth <= len(ranked):  # 倒数第二的是哪家: that place, then the ranking up to it
            e, v = ranked[it.nth - 1]
            d.parts.append(f"{when}{what}{compose.order_said(it.ascending)}排第{it.nth}的是{e.agency}"
                           f"（{e.year}年度，{compose.number(v)}{unit}）。共比较{len(ranked)}份报告，前{min(n, len(ranked))}名：")
        else:
            d.parts.append(f"{when}{what}{word}的是{best_e.agency}（{best_e.year}年度，{compose.number(best_v)}{unit}）。"
                           f"共比较{len(ranked)}份报告，前{min(n, len(ranked))}名：")
        d.parts.extend(lines)
        if len(keys) > 1:
            for e, value in reversed(ranked[:n]):
                d.derived(e, "sum", value)
        _spread(d, it.question, ranked, unit)
        d.check_notes([v for e, _ in ranked[:n] for v in vals[e.report_id]])
        return d.answer()

    def _sum(self, it: Intent, catalog: Catalog) -> Answer:
        if not it.keys:
            return self._narrative(it, catalog)
        named = not it.scope and bool(it.targets)  # 平潭管委会2019年到2021年一共, 鹿城区和洪泽区一共
        left_out: list[str] = []
        if not it.years and not named:
            scope = it.scope or catalog.agencies
            newest = max((catalog.newest(a) or 0) for a in scope)
            it = it.model_copy(update={"years": [newest]})
            left_out = [a for a in scope if not catalog.entry(a, newest)]  # said, never silently dropped
        if named:
            entries, when = [e for a, y in it.targets if (e := catalog.entry(a, y))], ""
        else:
            entries, when = self._scope_entries(it, catalog)
        keys = with_column(it.keys, it.column)
        vals = self.scan(entries, keys)
        used = [(e, total(vals[e.report_id])) for e in entries if any(v.found for v in vals[e.report_id])]
        lacking = [e for e in entries if e.report_id not in {u.report_id for u, _ in used}]
        told = self._told(lacking, keys) if lacking else {}  # reports without the tables: what their text states
        used = sorted(used + [(e, told[e.report_id][0]) for e in lacking if e.report_id in told],
                      key=lambda t: (t[0].agency, t[0].year))
        lacking = [e for e in lacking if e.report_id not in told]
        agencies = len({e.agency for e, _ in used})
        one, several_years = agencies == 1, len(used) > agencies  # 江苏的报告: an agency's reports each named by year
        what = it.figure_word if len(keys) > 1 else compose.label(**keys[0].model_dump())
        if not used:
            return compose.decline(it.question, f"{when}没有报告含有“{what}”这一项，无法合计。", "missing_cell")
        d = compose.Draft(it.question, "derived")
        unit = compose.unit(keys[0].table, keys[0].row)
        s = sum(v or 0 for _, v in used)
        parts = []
        refs_of: dict[str, str] = {}  # each report's citation markers, once
        for e, value in used[:MAX_LISTED_CELLS]:
            if e.report_id in told:  # no table: the sentence of its text that states it, a passage figure
                refs_of[e.report_id] = f"（报告正文）[{told_figure(d, e, told[e.report_id], what, unit)}]"
            else:
                refs_of[e.report_id] = d.markers(vals[e.report_id])
            who = f"{e.year}年度" if one else e.agency + ("" if when and not several_years else f"{e.year}年度")
            parts.append(f"{who}{compose.number(value)}{unit}{refs_of[e.report_id]}")
        whose = (f"{used[0][0].agency}{len(used)}份报告（{'、'.join(str(e.year) for e, _ in used)}年度）" if one
                 else f"{when}{agencies}个单位" + (f"的{len(used)}份报告" if several_years else ""))
        if it.mean == "median":  # 中位数: the values in order, the middle one (or the mean of the middle two) shown
            ordered = sorted(v or 0 for _, v in used)
            mid = len(ordered) // 2
            middle = ordered[mid - 1:mid + 1] if len(ordered) % 2 == 0 else ordered[mid:mid + 1]
            median = round(statistics.median(ordered), 2)
            d.derived(used[0][0], "median", median, 1)
            how = "居中的一个" if len(middle) == 1 else f"居中两个（{'、'.join(map(compose.number, middle))}）的平均"
            d.parts.append(f"{whose}的{what}中位数为{compose.number(median)}{unit}：{'；'.join(parts)}；"
                           f"从小到大为{'、'.join(map(compose.number, ordered))}，取{how}。")
        elif it.mean and it.against_rest and (subject := next((
                (e, v) for e, v in used if (e.agency, e.year) == it.against_rest), None)) and len(used) > 2:
            rest = [(e, v) for e, v in used if e is not subject[0]]  # 高于…这几家的平均水平吗: the first against the others
            s = sum(v or 0 for _, v in rest)
            mean = round(s / len(rest), 2)
            d.derived(rest[0][0], "sum", s, 1)
            d.derived(rest[0][0], "mean", mean, 1)
            others = [p for (e, _), p in zip(used, parts, strict=False) if e is not subject[0]]
            side = "高于" if (subject[1] or 0) > mean else "低于" if (subject[1] or 0) < mean else "等于"
            value = f"{compose.number(subject[1])}{unit}{refs_of.get(subject[0].report_id, '')}"
            d.parts.append(f"{subject[0].agency}{subject[0].year}年度{what}{value}，{side}其余{len(rest)}份报告的"
                           f"平均值{compose.number(mean)}{unit}：{'；'.join(others)}；"
                           f"合计{compose.number(s)}{unit}÷{len(rest)}＝{compose.number(mean)}{unit}。")
        elif it.mean:  # 平均每年: the sum over the reports' count, the division shown
            mean = round(s / len(used), 2)
            d.derived(used[0][0], "sum", s, 1)  # the total the division shows is a figure too (合计…？均值呢？)
            d.derived(used[0][0], "mean", mean, 1)
            per = "每年" if one else "每份报告"  # one agency's years, else the reports of several
            d.parts.append(f"{whose}的{what}平均{per}{compose.number(mean)}{unit}：{'；'.join(parts)}；"
                           f"合计{compose.number(s)}{unit}÷{len(used)}＝{compose.number(mean)}{unit}。")
        else:
            d.derived(used[0][0], "sum", s, 1)
            d.parts.append(f"{whose}的{what}合计{compose.number(s)}{unit}：{'；'.join(parts)}。")
        glued = [x for e in lacking for x in vals[e.report_id] if x.ambiguity is not None]
        for x in glued[:MAX_NAMED_REPORTS]:  # printed, but its digits run together: its readings, not counted
            d.parts.append(f"注：{compose.ambiguous_cell(x).removesuffix('。')}，未计入。")
        lacking = [e for e in lacking if all(x.ambiguity is None for x in vals[e.report_id])]
        if lacking:  # held, but neither a table nor a sentence states it: said, never silently dropped
            d.parts.append("注：" + "、".join(compose.report_name(e.agency, e.year) for e in lacking[:MAX_NAMED_REPORTS])
                           + f"{'等' if len(lacking) > MAX_NAMED_REPORTS else ''}的报告中没有这一项，未计入。")
        if left_out:
            shown = "、".join(left_out[:MAX_NAMED_REPORTS]) + ("等" if len(left_out) > MAX_NAMED_REPORTS else "")
            d.parts.append(f"注：{shown}{len(left_out)}个单位没有{it.years[0]}年度的报告，未计入；可指定年份再问。")
        d.check_notes([v for e, _ in used for v in vals[e.report_id]])
        return d.answer()

    def _columns_if_total_broken(self, e: CatalogEntry, keys: list[CellKey], vs: list[Value]) -> tuple[list[Value], str]:
        """A total that breaks the report's arithmetic (printed 0 or blank beside applicant columns that are not):
        the columns instead, and what the total printed (为0 / 为空); else the values as read and ""."""
        if not e.checks_failed or total(vs) or not (parts := self.column_parts(e, keys)):
            return vs, ""
        return parts, "为0" if any(v.value == 0 for v in vs) else "为空"

    def _beating(self, it: Intent, entries: list[CatalogEntry]) -> Answer:
        """The reports whose first figure is more (or less) than their second (哪几份的行政许可多于行政处罚): each with
        both cited cells; a report lacking either is not counted, and the count of those read is said."""
        (w1, k1), (w2, k2) = it.sides
        vals = self.scan(entries, k1 + k2)
        read = [(e, self._columns_if_total_broken(e, k1, vals[e.report_id][:len(k1)])[0],
                 self._columns_if_total_broken(e, k2, vals[e.report_id][len(k1):])[0]) for e in entries]
        read = [(e, a, b) for e, a, b in read if any(v.found for v in a) and any(v.found for v in b)]
        hits = [(e, a, b) for e, a, b in read if passes(total(a) - total(b), (it.beats, 0))]
        than = "多于" if it.beats == ">" else "少于"
        among = f"{_read_from(it)}两项都有的{len(read)}份报告里"
        d = compose.Draft(it.question, "precedent")
        if not hits:
            d.parts.append(f"{among}，没有报告的{w1}{than}{w2}。")
            return d.answer()
        d.parts.append(f"{among}，有{len(hits)}份报告的{w1}{than}{w2}：")

        unit = compose.unit(k1[0].table, k1[0].row)
        for e, a, b in hits[:MAX_LISTED_CELLS // 2]:
            d.parts.append(f"- {compose.report_name(e.agency, e.year)}：{w1}{compose.number(total(a))}{unit}{d.markers(a)}，"
                           f"{w2}{compose.number(total(b))}{unit}{d.markers(b)}")
        d.check_notes([v for _, a, b in hits for v in a + b])
        return d.answer()

    def _year_over_year(self, it: Intent, agencies: list[str], catalog: Catalog) -> Answer:
        """The agencies whose figure went up (or down) from one year to another (2024年比2023年多的单位): every agency
        holding both reports with the figure, each listed with both cited cells and the change; the count read is said."""
        later, earlier, op = it.versus
        keys = with_column(it.keys, it.column)
        pairs = [(b, a) for ag in agencies if (a := catalog.entry(ag, later)) and (b := catalog.entry(ag, earlier))]
        vals = self.scan([e for pair in pairs for e in pair], keys)
        read = [(b, a) for b, a in pairs if any(v.found for v in vals[b.report_id]) and any(v.found for v in vals[a.report_id])]
        hits = [(b, a) for b, a in read if passes(total(vals[a.report_id]) - total(vals[b.report_id]), (op, 0))]
        what = it.figure_word if len(keys) > 1 else compose.label(**keys[0].model_dump())
        way, unit = "多于" if op == ">" else "少于", compose.unit(keys[0].table, keys[0].row)
        d = compose.Draft(it.question, "precedent")
        among = f"{earlier}年度和{later}年度的报告都有、都含“{what}”的{len(read)}个单位里"
        if not hits:
            d.parts.append(f"{among}，没有单位{later}年度的{what}{way}{earlier}年度。")
            return d.answer()
        d.parts.append(f"{among}，有{len(hits)}个单位{later}年度的{what}{way}{earlier}年度：")
        for b, a in hits[:MAX_LISTED_CELLS // 2]:
            x, y = total(vals[b.report_id]), total(vals[a.report_id])
            d.parts.append(f"- {a.agency}：{earlier}年度{compose.number(x)}{unit}{d.markers(vals[b.report_id])}，"
                           f"{later}年度{compose.number(y)}{unit}{d.markers(vals[a.report_id])}"
                           f"（{'增加' if y >= x else '减少'}{compose.number(abs(y - x))}{unit}）")
            d.derived(a, "change", y - x, d.cite_cell(vals[a.report_id][0]))
        d.check_notes([v for b, a in hits for v in vals[b.report_id] + vals[a.report_id]])
        return d.answer()

    def _precedent(self, it: Intent, catalog: Catalog) -> Answer:
        if it.rate:  # 平潭的单位2024年的公开率各是多少: a listing of rates, not who had a count
            return self._rates_across(it, catalog, ranking=False)
        asks_requests = (it.figure_word or "").endswith(("申请", "收到", "受理"))  # 收到过企业的申请, not 请律师审核答复书
        received = asks_requests and (RECEIVED_ANY.search(it.question) is not None
                                      or it.threshold is not None)  # 超过20件申请的单位: a count is asked
        by_column = it.column or any(k.column not in (None, "total") for k in it.keys)  # 除了个人之外的: its columns
        if not it.keys or (it.weak_figure and not ((by_column and asks_requests) or it.negated or received)):
            return self._narrative(it, catalog, cross=True)
        agencies = it.scope or catalog.agencies
        entries = [catalog.entry(a, y) for a in agencies for y in catalog.years(a) if year_asked(it, a, y)]
        if it.pairs:  # 鹿城22、洪泽23和24这几份: exactly the reports listed
            entries = [e for e in entries if (e.agency, e.year) in it.pairs]
        if it.beats and len(it.sides) == 2:
            return self._beating(it, entries)
        if it.versus:
            return self._year_over_year(it, agencies, catalog)
        if it.relative is not None and not it.years:  # 上海的单位去年…: each agency's newest report (less N)
            entries = [e for e in entries if e.year == (catalog.newest(e.agency) or 0) + it.relative]
        keys = with_column(it.keys, it.column)
        vals = self.scan(entries, keys)
        with_table = [e for e in entries if any(v.found for v in vals[e.report_id])]
        from_parts: dict[str, str] = {}  # report id -> what its 总计 printed
        for e in with_table if not it.negated else []:
            vals[e.report_id], printed = self._columns_if_total_broken(e, keys, vals[e.report_id])
            if printed:
                from_parts[e.report_id] = printed
        tabled = {e.report_id for e in with_table}  # (`e not in with_table` compared models: 50M at 10,000 reports)
        told = self._told([e for e in entries if e.report_id not in tabled], keys)  # reports without the tables
        hits = [(e, total(vals[e.report_id])) for e in with_table] + [(e, told[e.report_id][0]) for e in entries
                                                                        if e.report_id in told]
        it = it.model_copy(update={"threshold": against_mean(it.threshold, [v for _, v in hits])})  # 超过平均水平
        hits = [(e, v) for e, v in hits if (v == 0 if it.negated else passes(v, it.threshold) if it.threshold else v)]
        hits.sort(key=lambda h: (h[0].agency, h[0].year))
        held = len(with_table) + len(told)
        what = it.figure_word if len(keys) > 1 else compose.label(**keys[0].model_dump())
        d = compose.Draft(it.question, "precedent")
        unit = compose.unit(keys[0].table, keys[0].row)
        test = "为0" if it.negated else bound_words(it.threshold) if it.threshold else "大于0"
        among = f"{_read_from(it)}含有这一项的{held}份报告里"
        if not hits:
            d.parts.append(f"{among}，没有单位的“{what}”{test}。")
            return d.answer()
        by_agency: OrderedDict[str, list[str]] = OrderedDict()
        for e, value in hits[:MAX_LISTED_CELLS]:
            if e.report_id in told:  # no table: the sentence of its text that states it, a passage figure
                n = told_figure(d, e, told[e.report_id], what, unit)
                by_agency.setdefault(e.agency, []).append(f"{e.year}年度{compose.number(value)}{unit}（报告正文）[{n}]")
                continue
            refs = "".join(f"[{d.cite_cell(v)}]" for v in vals[e.report_id] if v.found and (v.value or it.negated))
            caveat = f"（总计一栏{from_parts[e.report_id]}，按各类申请人相加）" if e.report_id in from_parts else ""
            by_agency.setdefault(e.agency, []).append(f"{e.year}年度{compose.number(value)}{unit}{caveat}{refs}")
        s = sum(v for _, v in hits)
        d.parts.append(f"{among}，有{len({e.agency for e, _ in hits})}个单位的"
                       f"{len(hits)}份报告“{what}”{test}" + ("：" if it.negated else f"，合计{compose.number(s)}{unit}："))
        d.parts.extend(f"- {a}：{'，'.join(items)}" for a, items in by_agency.items())
        if not it.negated:
            d.derived(hits[0][0], "sum", s, 1)
        d.check_notes([v for e, _ in hits for v in vals[e.report_id]])
        return d.answer()

    def _checks(self, it: Intent, catalog: Catalog) -> Answer:
        """Whether the reports' own figures add up: each failed check of the asked reports (or of every report in
        scope), in words, with the cells it involves cited as printed; never a corrected figure."""
        if it.targets:
            entries = [e for a, y in it.targets if (e := catalog.entry(a, y))]
        else:
            entries = [e for e in catalog.entries if (not it.scope or e.agency in it.scope)
                       and (not it.years or e.year in it.years)]
        flawed = [e for e in entries if e.checks_failed]
        d = compose.Draft(it.question, "checks")
        if not flawed:
            held = "、".join(compose.report_name(e.agency, e.year) for e in entries[:MAX_NAMED_REPORTS])
            d.parts.append(f"{held}{'等' if len(entries) > MAX_NAMED_REPORTS else ''}的报告，表格的算术核对没有发现不一致"
                           "（新收＋结转＝办理结果＋结转下年度、各项之和＝总计等）。")
            return d.answer()
        if len(entries) > 1:
            d.parts.append(f"已收录的{len(entries)}份报告中，有{len(flawed)}份的数字核对不通过（数字均按报告原文引用，未作更正）：")
        shown = flawed[:MAX_LISTED_CELLS]
        flaws = self.index.store.flaws([e.report_id for e in shown])  # the failed checks alone, in one query
        for e in shown:
            for check in (c for c in flaws.get(e.report_id, ([], []))[0] if c.status == "failed"):
                keys = [CellKey(table=t, row=row, column=col or None)
                        for t, (row, _, col) in ((t, r.partition(".")) for t, r in (c.split(":", 1) for c in check.cells))]
                refs = d.markers(self.values([e], keys)[e.report_id])
                said = compose.check_words(check.rule)
                if check.rule.startswith("narrative.") and keys and (told := self._stated(e, keys, anywhere=True)):
                    refs += f"[{told_figure(d, e, told, said, compose.unit(keys[0].table, keys[0].row))}]"  # the prose
                table = keys[0].table if keys else check.rule.split(".")[0]
                d.parts.append(f"- {compose.report_name(e.agency, e.year)}{compose.table_number(table)}："
                               f"{said}（{compose.detail_words(check.detail)}）{refs}")
        return d.answer()

    def _catalogue(self, it: Intent, catalog: Catalog) -> Answer:
        """What the corpus holds in scope: each agency with its years, citing the title line of its newest report."""
        places = catalog.places()
        named = list(dict.fromkeys(a for m in it.mentions if not _titled(it.question, m)
                                   for a in places.get(m, [])))  # 上海市: every agency there; not 平潭管委会
        agencies = [a for a in (it.scope or named or it.agencies or catalog.agencies)
                    if not it.years or any(y in it.years for y in catalog.years(a))]
        if not agencies and it.agencies and it.years:  # 你这有没有沭阳县2024年的年报: no, and which years are held
            missing = [(a, y) for a in it.agencies for y in it.years]
            return self._refuse(it.model_copy(update={"reason": "year_not_held", "missing_years": missing}), catalog)
        d = compose.Draft(it.question, "catalogue")
        if not agencies:
            d.parts.append("已收录的报告中没有所问范围或年份的单位。")
            return d.answer()
        held = {a: [y for y in catalog.years(a) if not it.years or y in it.years] for a in agencies}
        d.parts.append(f"已收录{len(agencies)}个单位的{sum(map(len, held.values()))}份年度报告：")
        for a in agencies[:MAX_LISTED_CELLS]:
            years = held[a]
            newest = catalog.entry(a, years[-1])
            text = self.report(newest.report_id).text
            end = min(len(text), next((i for i in (text.find(c) for c in "\n。") if i > 0), TITLE_CHARS), TITLE_CHARS)
            n = d.cite_passage(Passage(report_id=newest.report_id, agency=a, year=newest.year, section="overview",
                                       text=text[:end], start=0, end=end))
            d.parts.append(f"- {a}：{'、'.join(str(y) for y in years)}年度[{n}]")
        if len(agencies) > MAX_LISTED_CELLS:
            d.parts.append(f"等，共{len(agencies)}个单位。")
        return d.answer()

    def _told(self, entries: list[CatalogEntry], keys: list[CellKey]) -> dict[str, tuple[Number, Passage]]:
        """For reports without the standard tables (pre-2019), the figure their text states for these cells
        (本年度未收到…申请 states 0), read in the section the table would be in: report id -> (value, sentence)."""
        return {e.report_id: told for e in entries if e.template == "pre2019" and (told := self._stated(e, keys))}

    def _stated(self, e: CatalogEntry, keys: list[CellKey], anywhere: bool = False) -> tuple[Number, Passage] | None:
        """The first sentence of the report that states the figure of these cells (in the section their table
        is in, or `anywhere`), with the number it states."""
        cells = {(k.table, k.row, k.column) for k in keys}
        section = {k.table for k in keys}
        for s in report_sentences(self.report(e.report_id)):
            if (anywhere or s.section in section) and (value := stated_in(s.text, cells)) is not None:
                return value, s.passage(1.0)
        return None

    # ---- passages ------------------------------------------------------------------------------
    def _contact(self, it: Intent, entries: list[CatalogEntry], asked: list[str]) -> Answer:
        """The report's own phone, fax, e-mail, postcode, address or signing date, quoted as printed; a report that
        prints none is said so (declined where none of those read prints any)."""
        d = compose.Draft(it.question, "narrative")
        for e in entries:
            for name, p in contact_passages(self.report(e.report_id), asked):
                said = f"“{p.shown}”[{d.cite_passage(p)}]" if p else "报告中没有写明"
                d.parts.append(f"{compose.report_name(e.agency, e.year)}报告的{name}：{said}")
        if not d.citations:
            return compose.decline(it.question, "\n".join(d.parts), "not_recorded")
        return d.answer()

    def _narrative(self, it: Intent, catalog: Catalog, cross: bool = False) -> Answer:
        """The sentence that answers, said first (for a count, its number and unit as printed, a passage
        figure), then the best supporting quotes; across the corpus one best sentence per agency."""
        entries = [catalog.entry(a, y) for a, y in it.targets] if it.targets else []
        if not entries and it.agencies:
            entries = [e for e in catalog.entries if e.agency in it.agencies]
        if not entries and (it.years or it.scope):  # 2019年 / 平潭的单位: every report of that year or scope
            entries = [e for e in catalog.entries if (not it.years or e.year in it.years)
                       and (not it.scope or e.agency in it.scope)]
        if it.kind == "narrative" and it.keys and entries and len(entries) <= MAX_NAMED_REPORTS and WHY_QUESTION.search(
                it.question) and not any(
                self._cause_stated(e, it.keys) for e in entries):
            return self._cause_unstated(it, catalog, entries)
        if entries and len(entries) <= MAX_NAMED_REPORTS and (asked := contact_asked(it.question)):
            return self._contact(it, entries, asked)
        search, topics, threshold = self.retriever().search, topic_words(it.topic), self.settings.min_relevance
        if it.english:  # the model reads English: the question as typed, with its Chinese gloss for the words
            search = functools.partial(_searched_with, search, it.english)
        asked = it.asked or it.question  # 那洪泽区呢 after 怎么培训工作人员: the question it carries on
        scope = "、".join(compose.report_name(e.agency, e.year) for e in entries[:3]) if entries else "已收录"
        if cross or not entries or len(entries) > MAX_NAMED_REPORTS:  # a year alone names every agency's report
            ids = sorted({e.report_id for e in entries})
            found = self._phrase_reports(topics, ids or None) if cross else []
            best = across(search, self.report, asked, topics, found, ids, threshold, precedent=cross,
                          sentences=self.sentences)
            if not best:
                return compose.decline(it.question, compose.decline_irrelevant(scope), "not_relevant")
            return compose.by_agency(it.question, "precedent" if cross else "narrative", best)
        reports = [self.report(e.report_id) for e in entries]
        hints = tuple(printed(it.unglossed, [r.text for r in reports]))  # recruitment, rumours: words the glossary
        # lacks, as the reports print them
        ranked = evidence_in_time(search, self.report, asked, topics, reports, earlier_reports(catalog, it), threshold,
                                  hints)
        if not ranked:
            return compose.decline(it.question, compose.decline_irrelevant(scope), "not_relevant")
        lines = answer_lines(ranked)
        if WHY_QUESTION.search(it.question) and (it.keys or QUANTITY_PREMISE.search(it.question) or WHY_NONE.search(
                it.question)) and not any(self._gives_cause(s.sentence.text, topics) for s in lines):
            told = compose.extractive(it.question, lines, several=len(reports) > 1)  # 办结比受理还多，为什么: what
            return told.model_copy(update={  # the report says of it, and that it says no cause
                "text": f"{compose.decline_cause_told(scope)}\n{told.text}", "abstained": True,
                "reason": "cause_not_stated", "kind": "decline"})
        unit = count_unit(it.question)

        after = TIMES_OF.search(it.question)  # 开了几次政策吹风会: what is counted, named after the count
        counted = topic_words(after.group(1))[-1:] if after else []

        def stated(s) -> bool:  # its number; a count of times in a sentence about what was asked (被攻击了几次: not
            about = unit not in GENERIC_COUNTERS or any(t in s.sentence.text for t in counted or topics or [""])
            return states(unit, s.sentence.text) and about  # 通报3次; 几次政策吹风会: not 新闻发布会42场)

        if unit and not any(stated(s) for s in lines):  # 打了几分, 几个人: no such number said
            return compose.decline(it.question, compose.decline_not_stated(scope), "not_stated")
        if MEASURE_NOUN.search(it.question) and not any(count_clause(it.question, s.sentence.text) for s in lines):
            return compose.decline(it.question, compose.decline_not_stated(scope), "not_stated")  # 访问量是多少
        if unsaid(it, [s.sentence.text for s in lines]):  # 第四季度发布了多少条, 几场新闻通气会
            return compose.decline(it.question, compose.decline_not_stated(scope), "not_stated")
        if unit:  # 几个人: the sentence that states people (共有工作人员2名) leads, not one that counts 条
            lines = sorted(lines, key=lambda s: not stated(s))
        return compose.extractive(it.question, lines, several=len(reports) > 1)

    @staticmethod
    def _gives_cause(sentence: str, topics: list[str]) -> bool:
        """A sentence that states a cause (由于…, …造成…) of what the question asks about: a topic word in the
        clause that says it (not 三是依申请…；四是宣传不够，造成查阅点利用率不高, whose cause is of another thing)."""
        said = [c for c in re.split(r"[；;。]", sentence) if WHY_SAID.search(c)]
        return any(t in c for c in said for t in topics if len(t) >= 2 and not any(w in t for w in CAUSE_WORDS))

    def _cause_stated(self, e: CatalogEntry, keys: list[CellKey]) -> bool:
        """Whether the report states a cause (由于…, …导致…) in a sentence that names the figure asked about."""
        rows = {(k.table, k.row) for k in keys}
        terms = [t for t, (table, row, _) in QUERY_FIGURES.items() if (table, row) in rows and len(t) >= 2]
        return any(WHY_SAID.search(s.text) and any(t in s.text for t in terms)
                   for s in report_sentences(self.report(e.report_id)))

    def _cause_unstated(self, it: Intent, catalog: Catalog, entries: list[CatalogEntry]) -> Answer:
        """为什么申请比去年多: the reports count, they do not explain a figure; declined, with the figures asked
        about cited, so the asker sees what the report does say."""
        years: dict[str, list[int]] = {}
        for e in entries:
            years.setdefault(e.agency, []).append(e.year)
        scope = "、".join(f"{a}{years_said(sorted(ys))}" for a, ys in years.items())
        text = compose.decline_cause(scope, name_of(it, []))
        said = self.run(it.model_copy(update={"kind": "figure"}), catalog)
        if said.abstained:
            return compose.decline(it.question, text, "cause_not_stated")
        return said.model_copy(update={"text": f"{text}\n报告中的数字：{said.text}", "abstained": True,
                                       "reason": "cause_not_stated", "kind": "decline"})

    def _phrase_reports(self, topics: list[str], report_ids: list[str] | None) -> list[str]:
        """Every stored report whose text holds the topic words (complete, unlike the retriever's top k)."""
        if not topics:
            return []
        found = self.index.store.containing(topics, report_ids)
        loose = [w for t in topics for w in compound_parts(t)]
        if loose != topics:  # 问卷调查 printed as 调查问卷: a compound's parts in any order; the sentence filter decides
            either = sorted(set(found) | set(self.index.store.containing(loose, report_ids)))
            found = either if len(either) <= MAX_PHRASE_REPORTS else found
        if len(topics) > 2:  # 人员 不够 流动: a report may say it with some of the words; the sentence filter decides
            some = sorted({i for t in topics for i in self.index.store.containing([t], report_ids)})
            found = some if len(some) <= MAX_PHRASE_REPORTS else found
        return found[:MAX_PHRASE_REPORTS]


def _place(ranked: list[tuple[CatalogEntry, Number]], it: Intent, unit: str) -> str | None:
    """Where the asked agency's report stands among the ranked ones (ties share a place), or None when it has
    no value to rank."""
    mine = next(((e, v) for e, v in ranked if e.agency == it.rank_of), None)
    if mine is None:
        return None
    e, v = mine
    ahead = sum(1 for _, w in ranked if (w < v if it.ascending else w > v))
    tied = sum(1 for _, w in ranked if w == v) - 1
    return (f"{compose.report_name(e.agency, e.year)}为{compose.number(v)}{unit}，在{len(ranked)}份报告中"
            f"{compose.order_said(it.ascending)}排第{ahead + 1}"
            + (f"（与另外{tied}份并列）" if tied else "") + "。")


def _spread(d: compose.Draft, question: str, values: list[tuple[CatalogEntry, Number]], unit: str) -> None:
    """最多的跟最少的相差几件: the largest value less the smallest, a computed figure, where the question asks it of three
    or more (of two, the comparison states the difference already)."""
    if len(values) < 3 or not SPREAD_ASKED.search(question):
        return
    (hi, a), (lo, b) = max(values, key=lambda t: t[1]), min(values, key=lambda t: t[1])
    gap = round(a - b, 4)
    d.derived(hi, "range", gap)
    d.parts.append(f"最多的{compose.report_name(hi.agency, hi.year)}（{compose.number(a)}{unit}）与最少的"
                   f"{compose.report_name(lo.agency, lo.year)}（{compose.number(b)}{unit}）相差{compose.number(gap)}{unit}"
                   f"（{compose.number(a)}−{compose.number(b)}）。")


def _titled(question: str, place: str) -> bool:
    """Whether the place is said as the start of an agency's name (平潭管委会的年报), not alone (平潭有哪几家单位)."""
    return any(re.match(rf"[\u4e00-\u9fff]{{0,8}}?(?:{'|'.join(TITLE_ENDINGS)})", question[m.end():])
               for m in re.finditer(re.escape(place), question))


def _searched_with(search: Callable, typed: str, query: str, *args, **kwargs):
    """A search by the question as typed beside the gloss the rest of the path reads."""
    return search(f"{typed} {query}", *args, **kwargs)


TABLE_TITLES = {t: f"{TABLE_NUMBERS[t]} {name}" for t, name in TABLE_NAMES.items()}  # 表三 收到和处理…情况


def table_keys(table: str, template: str) -> list[CellKey]:
    """The cells of a standard table in print order (表二 as the report's template prints it)."""
    if table == "requests":
        return [CellKey(table="requests", row=r, column="total") for r in REQUEST_ROW_KEYS]
    if table == "review_litigation":
        return [CellKey(table="review_litigation", row=k) for k in REVIEW_KEYS]
    return [CellKey(table="active", row=c) for r in ACTIVE.get(template, []) for c in r.columns]

