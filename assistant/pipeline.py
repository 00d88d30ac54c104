"""The question path, in one direction: normalise (`assistant.normalize`) -> plan each part (`assistant.plan`, which
reads the words and resolves them against the catalogue) -> decline what no report records (`assistant.coverage`)
-> execute over the stores (`assistant.execute`) -> compose one answer (`assistant.compose`, in English when asked
in English). The LLM, when configured, only rewrites an unresolved follow-up and words the answer (checked).

    assistant = Assistant(settings, Stores(settings))
    assistant.ask("鹿城区2022年收到多少政府信息公开申请？").text
"""

from __future__ import annotations

import logging
import re
import unicodedata

from assistant import compose, english
from assistant.bilingual import asked_words
from assistant.budget import bounded_history, question_too_long
from assistant.catalog import Catalog
from assistant.coverage import unrecorded
from assistant.cues import CELL_POINTER, FILE_ASKED, QUESTION_WORDS, RECHECK
from assistant.execute import Executor
from assistant.figures import Facts
from assistant.meaning import Meaning, reread
from assistant.narrative import contact_asked, miscut, settle
from assistant.normalize import (
    asker_year,
    correct_unheard,
    english_asked,
    gloss_read,
    is_english,
    normalize_question,
    normalized,
    romanised_places,
)
from assistant.plan import plan_parts, understand
from assistant.query import Intent, PlanPart, QueryPlan
from assistant.read import explained, find_phrases
from assistant.resolve import apply_filters
from index.errors import NianbaoError
from index.models import Answer, Report
from index.settings import Settings
from index.stores.slips import correct_slips
from index.vocabulary import QUERY_ACTIVE_ITEMS, QUERY_ACTIVE_MEASURES, QUERY_FIGURES

log = logging.getLogger(__name__)


def has_words(question: str) -> bool:
    """Whether the question holds a letter, a Chinese character or a digit, not only punctuation and symbols."""
    return any(unicodedata.category(ch)[0] in "LN" for ch in question)


FIGURE_NAMES = (*QUERY_FIGURES, *QUERY_ACTIVE_ITEMS, *QUERY_ACTIVE_MEASURES)
FIGURE_TAILS = ("", "的", "数", "数的", "量", "数量", "件数", "总数")  # 处理决定数额定值: what ends a figure's name
CASES_COUNTED = re.compile(r"(?:多少|几)(?:件|宗|起)")  # requests and cases, as the tables count them


def names_the_value(read: str, word: str) -> bool:
    """The asker's word for the value of the figure asked, not a thing no report records: of a cell pointed at or
    quoted (“现行有效”这一栏的指标读数), counted in the table's own unit (谜底是几件, 亮度几等——我是说有几件) or said right
    after the figure's name (处理决定数额定值)."""
    at = read.find(word)
    if at < 0:
        return False
    return bool(at and CELL_POINTER.search(re.split(r"[，,。；;？?！!]", read[:at])[-1])
                or CASES_COUNTED.search(re.split(r"[。？?！!]", read[at:])[0])
                or any(read[e:at] in FIGURE_TAILS for _, e, _ in find_phrases(read, FIGURE_NAMES) if e <= at))


class Assistant:
    """Answers questions about the stored reports; one per process, safe to share between requests."""

    def __init__(self, settings: Settings, index):
        self.settings, self.index = settings, index
        self.executor = Executor(settings, index)
        self.meaning = Meaning(index.embedder, settings.model_cache)  # descriptions embedded on first use

    def catalog(self) -> Catalog:
        return self.executor.catalog()

    def report(self, report_id: str) -> Report:
        return self.executor.report(report_id)

    def facts(self, report_id: str) -> Facts:
        return self.executor.facts(report_id)

    def retriever(self):
        return self.executor.retriever()

    def warm(self) -> None:
        """Load what the first questions would otherwise wait for (the bundled model, the figure descriptions'
        vectors, jieba's dictionary: ~10 s on a busy machine; the vector index; the candidate sentences of reports
        not yet in the sentence store, ~8 ms a report once per home; the romanised names of every division, ~1 s),
        so a server's first narrative, open, English or figure-by-meaning question stays inside the answer budget. Called in the background at start; a failure
        is only logged."""
        try:
            from index.parse.geography import romanised_divisions
            from index.stores.lexical import load_jieba

            self.meaning.vectors()
            romanised_divisions()  # Beijing -> 北京 for English questions (~1 s of pinyin, once)
            load_jieba().initialize()  # its dictionary (importing jieba loads none)
            import jieba.posseg  # noqa: F401  (its word tags: the coverage check reads them)

            self.retriever().warm()
            self.executor.sentences.fill([e.report_id for e in self.catalog().entries], self.report)
            settle()  # what a warmed server holds, out of the collector's reach (a full pass: 0.3-0.5 s)
        except Exception:  # the first question will load them, and say what failed
            log.exception("could not warm the assistant")

    # ---- the one entry point -------------------------------------------------------------------
    def ask(self, question: str, history: list[dict] | None = None, filters: dict | None = None) -> Answer:
        """Answer one question (with the conversation so far); never raises for a bad question. A question of
        several parts is answered part by part, each part's citations numbered after the last one's."""
        question = (question or "").strip()
        if not has_words(question):  # "", "？？？", "……": nothing to read (retrieval would still find passages)
            return compose.decline(question, "请输入问题。", "empty_question")
        if too_long := question_too_long(question, self.settings):
            return compose.decline(question[:self.settings.max_question_chars] + "…", too_long, "question_too_long")
        history = bounded_history(history, self.settings)
        try:
            catalog = self.catalog()
            if not len(catalog):
                return compose.decline(question, "还没有导入任何年度报告，请先导入报告。", "empty_corpus")
            norm = normalize_question(question, romanised_places(question, catalog), tuple(catalog.places()),
                                      now=asker_year(catalog), printed=self.index.lexical.frequencies)
            if history and (again := self._checked_again(question, norm.text, history, catalog)):
                return again
            read = question
            slip_readers = ((correct_unheard, self.index.lexical.contains),  # 服役 -> 复议
                            (correct_slips, self.index.lexical.frequencies))  # 再线访谈 -> 在线访谈
            for correct, corpus in slip_readers if norm.language == "zh" else ():
                if (slips := correct(norm.text, corpus))[1]:
                    read, norm.text, norm.changes = slips[0], slips[0], norm.changes + slips[1]
            parts = plan_parts(read, norm.text, history or [], catalog, self._turn_reader(catalog))
            if norm.language == "en":  # the passages are searched by the English as typed, beside its gloss
                words = asked_words(english_asked(question), catalog.romanised_places()) if len(parts) == 1 else []
                parts = [(text, it.model_copy(update={"english": english_asked(question), "unglossed": words}))
                         for text, it in parts]
            done = [self._ask_part(text, it, history or [], filters, catalog) for text, it in parts]
            if FILE_ASKED.search(norm.text if norm.language == "zh" else question) and not all(a.abstained for a, _ in done):
                made = done[-1][1].model_copy(update={"kind": "decline", "reason": "file_export"})  # 导成xlsx发我邮箱:
                done.append((self.executor.run(made, catalog), made))  # the figures answered, the file declined
            answer = done[0][0] if len(done) == 1 else compose.merge([a for a, _ in done], question)
            answer.question = question
            answer.plan = QueryPlan(question=question, normalized=norm.text, language=norm.language,
                                    changes=norm.changes, parts=[PlanPart.of(a.question, it, a) for a, it in done])
            return english.render(answer) if norm.language == "en" else answer
        except NianbaoError as e:
            log.warning("could not answer %r: %s", question, e)
            return compose.decline(question, "暂时无法回答：数据读取出错，请稍后再试。", f"error: {e}")
        except Exception as e:  # a question must never crash the chat; the traceback goes to the log
            if self.settings.debug:
                raise
            log.exception("unexpected error answering %r", question)
            return compose.decline(question, "暂时无法回答：内部错误，已记录。", f"error: {type(e).__name__}: {e}")

    def _checked_again(self, question: str, read: str, history: list[dict], catalog: Catalog) -> Answer | None:
        """你确定吗 / 出处在哪 / which table is that in, naming nothing of its own: the last question answered again,
        its cells cited (table, row, column) and any sum's parts shown, so the asker can check it."""
        if not (RECHECK.search(question) or RECHECK.search(read)):
            return None
        own = understand(read, [], catalog)
        asked = [i for i, t in enumerate(history) if t.get("role") == "user"]
        if own.keys or own.agencies or own.years or own.mentions or not asked:
            return None
        last = asked[-1]
        answer = self.ask(history[last]["content"], history[:last])
        lead = "Checked again: the same answer, with its sources." if is_english(question) else "核对：同上一问的答案及出处。"
        return answer.model_copy(update={"question": question, "text": f"{lead}\n{answer.text}"})

    def _unrecorded(self, said: str, intent: Intent, catalog: Catalog) -> str | None:
        """The noun asked of that no report holds; a word jieba made up out of single characters (格印 of 合计格印的)
        is no such noun: its characters are read apart and the question checked again."""
        def known(w: str) -> bool:
            return catalog.knows(w) or explained(w, said) or w in intent.mentions or w in QUESTION_WORDS  # 原话是什么

        read = said
        while (missing := unrecorded(read, self.index.lexical.contains, known)) and miscut(missing):
            read = read.replace(missing, " ".join(missing))
        if missing and intent.keys and not intent.weak_figure and names_the_value(read, missing):
            return None
        return missing

    def _turn_reader(self, catalog: Catalog):
        """An earlier turn's figure as its own answer read it: by meaning where no cue named it, never a guess."""
        def read(turn: str, it: Intent) -> Intent:
            found, unclear = reread(turn, it, catalog, self.meaning)
            return it if unclear is not None else found
        return read

    def _ask_part(self, question: str, intent: Intent, history: list[dict], filters: dict | None,
                  catalog: Catalog) -> tuple[Answer, Intent]:
        """One part: the LLM's rewrite where the plan could not resolve a follow-up, the UI's filters, a figure by
        meaning (or the question back), the LLM's plan where it is still weak, the coverage check, the answer."""
        if self.settings.llm != "none" and history and intent.kind in ("clarify", "decline"):
            # the router resolves most follow-ups itself (and better: the eval's rewrites lost 2 of 8);
            # the LLM's standalone rewrite is tried only where it could not
            from assistant.llm import rewrite_followup

            rewritten = understand(rewrite_followup(self.settings, question, history), history, catalog)
            intent = intent if rewritten.kind in ("clarify", "decline") else rewritten
        intent = apply_filters(intent, filters, catalog)
        intent, unclear = reread(question, intent, catalog, self.meaning)  # a figure no cue names, by meaning
        if self.settings.llm != "none":  # a weak plan may be replaced by the model's, once the catalogue validates it
            from assistant.llm_plan import propose_plan

            intent = propose_plan(self.settings, question, history, intent, catalog)
            unclear = None if intent.proposed_by else unclear
        if unclear is not None:  # 您问的是哪一项？ with the best readings, never a guess
            return compose.clarify_figure(question, [r.label for r in unclear.readings]), intent
        missing = None
        if intent.kind not in ("clarify", "decline") and not contact_asked(intent.question) and gloss_read(
                question) == question:  # 电话号码: the report's own contact block says it; 成交量，也就是本年新收…收盘
            missing = self._unrecorded(normalized(question, catalog), intent, catalog)  # 多少: what is asked, told
        if missing:
            base = compose.decline(question, compose.decline_unrecorded(missing), "not_recorded")
        else:
            base = self.executor.run(intent, catalog)
        base.question = question
        if self.settings.llm != "none":
            from assistant.llm import llm_answer

            base = llm_answer(self.settings, question, history, base)
        return base, intent
