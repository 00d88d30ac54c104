"""Metamorphic robustness: take the dev questions the assistant already answers right, rewrite each the way people
type (a slip, a filler, the year said last, the number stated as a claim …) and count the rewrites that break it.
A second family turns an answered figure question into one that must be declined (a year the agency lacks, an
agency the corpus lacks, a fact no report records) and counts those still answered. No test half is read.

    python bench/metamorphic_bench.py --home DIR [--transforms typo,voice,…] [--narrative] [--limit N]
    python bench/metamorphic_bench.py --home DIR --declines [--limit N]
    python bench/metamorphic_bench.py --home DIR --followups [--limit N]

A third family (`--followups`) spreads an answered one-turn question over a conversation whose last turn must
give the same answer: the agency or the year said in an earlier turn, a pronoun for the agency, 那X年呢 / 那X呢 /
前一年呢 after the same question about another year or agency (the earlier turns answered by the assistant itself).

Prints `transform broke/tried` per transform; `--out FILE` writes the broken rewrites (JSON) to read them."""

from __future__ import annotations

import argparse
import collections
import json
import random
import re
import zlib
from functools import lru_cache
from pathlib import Path

from assistant.catalog import Catalog
from assistant.evaluate import EvalQuestion, load_questions, run_question
from assistant.pipeline import Assistant
from index.ingest import Index
from index.settings import Settings
from index.vocabulary import QUERY_FIGURES

ROOT = Path(__file__).resolve().parents[1]
# every held-out set there is (their dev halves only), so a new set joins the bench without an edit here
SETS = ["full.jsonl", *sorted((p.name for p in (ROOT / "eval_sets").glob("paraphrase*.jsonl")),
                               key=lambda name: int(name[len("paraphrase"):-len(".jsonl")] or 1))]
FIGURE_TYPES = ("figure", "derived", "followup", "comparison")
FILLERS = ["那个", "就是", "嗯", "呃", "那个就是", "然后"]
OPENERS = ["请问", "我想问一下，", "麻烦帮我查查，", "你好，想了解下", "问下", "帮忙看看"]
CLOSERS = ["", "谢谢", "呀", "啊，谢谢！", "？急"]
FOREIGN = ["瓯海区", "龙湾区", "乐清市", "鼓楼区", "江宁区", "余杭区", "昆山市", "金湖县", "盱眙县", "泗阳县", "宁波市", "厦门市",
           "莆田市", "闽侯县", "福清市", "连江县", "苍南县", "徐汇区", "清江浦区", "淮阴区"]
UNRECORDED = ["申请人的平均年龄", "申请人里女性", "信息公开工作经费", "信息公开专职人员的工资", "申请人的职业分布", "第三季度的申请",
              "三月份收到的申请", "区长的名字", "依申请公开的平均办理天数"]
YEAR = re.compile(r"((?:20)?\d\d)年度?的?")


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


@lru_cache(maxsize=1)
def _terms() -> list[str]:
    return sorted((t for t in QUERY_FIGURES if len(t) >= 3), key=len, reverse=True)


@lru_cache(maxsize=1)
def _homophones(questions: tuple[str, ...]) -> dict[str, list[str]]:
    """Characters of the questions by sound: the pool a one-character slip is drawn from."""
    from pypinyin import lazy_pinyin

    pool: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for q in questions:
        for ch in q:
            if "\u4e00" <= ch <= "\u9fff":
                pool[lazy_pinyin(ch)[0]][ch] += 1
    return {k: [c for c, _ in v.most_common(6)] for k, v in pool.items()}


def typo(q: EvalQuestion, r: random.Random, pool: dict) -> str:
    from pypinyin import lazy_pinyin

    t = q.question
    spots = [i for i, ch in enumerate(t) if "\u4e00" <= ch <= "\u9fff" and len(pool.get(lazy_pinyin(ch)[0], [])) > 1]
    if not spots:
        return t
    i = r.choice(spots)
    return t[:i] + r.choice([c for c in pool[lazy_pinyin(t[i])[0]] if c != t[i]]) + t[i + 1:]


def _in_figure_word(t: str, r: random.Random, edit) -> str:
    found = [w for w in _terms() if w in t]
    return t.replace(found[0], edit(found[0], r), 1) if found else t


def drop_char(w: str, r: random.Random) -> str:
    i = r.randrange(1, len(w) - 1)
    return w[:i] + w[i + 1:]


def swap_chars(w: str, r: random.Random) -> str:
    i = r.randrange(0, len(w) - 1)
    return w[:i] + w[i + 1] + w[i] + w[i + 2:]


def voice(t: str, r: random.Random) -> str:
    parts = [x for x in re.split(r"[，,？?。！!、]", t) if x]
    return " ".join((r.choice(FILLERS) if r.random() < 0.7 else "") + x for x in parts)


def year_last(t: str, r: random.Random) -> str:
    m = YEAR.search(t)
    if not m or m.start() == 0 or len(YEAR.findall(t)) != 1:
        return t
    rest = (t[:m.start()] + t[m.end():]).rstrip("？?。")
    return rest + r.choice(["，{y}年的", "（{y}年）", "？{y}年", " {y}年度"]).format(y=m.group(1))


def agency_last(t: str, r: random.Random) -> str:
    m = re.match(r"^([\u4e00-\u9fff]{2,12}?(?:区|县|市|局|委|厅|会|办|片区))((?:20)?\d\d年度?的?)(.+?)([？?]?)$", t)
    if not m or len(YEAR.findall(t)) != 1:
        return t
    return m.group(2) + m.group(3) + "，" + m.group(1) + r.choice(["的", "那边", "的呢", ""]) + m.group(4)


def claim(q: EvalQuestion, r: random.Random) -> str:
    v = q.answer.value
    if q.type != "figure" or v is None or not float(v).is_integer():
        return q.question
    for w in ("有多少件", "多少件", "有几件", "几件", "是多少", "多少"):
        if w in q.question:
            return q.question.replace(w, r.choice([f"是不是{int(v)}件", f"有{int(v)}件吗", f"是{int(v)}件对吧"]), 1)
    return q.question


TRANSFORMS = {
    "trad": lambda q, r, p: _s2t().convert(q.question),
    "full": lambda q, r, p: "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isdigit() else c for c in q.question),
    "courtesy": lambda q, r, p: r.choice(OPENERS) + q.question + r.choice(CLOSERS),
    "nopunct": lambda q, r, p: re.sub(r"[？?。，,！!、：:；;“”\"]", " ", q.question).strip(),
    "typo": typo,
    "drop": lambda q, r, p: _in_figure_word(q.question, r, drop_char),
    "swap": lambda q, r, p: _in_figure_word(q.question, r, swap_chars),
    "voice": lambda q, r, p: voice(q.question, r),
    "yearlast": lambda q, r, p: year_last(q.question, r),
    "agencylast": lambda q, r, p: agency_last(q.question, r),
    "claim": lambda q, r, p: claim(q, r),
}


def _cited(q: EvalQuestion) -> str | None:
    return next((c.agency for c in q.cite if getattr(c, "agency", None)), None)


def _mention(t: str, agency: str, catalog: Catalog) -> str | None:
    """The longest run of the question the catalogue reads as that agency alone."""
    best = None
    for i in range(len(t)):
        for j in range(i + 2, min(len(t), i + 14) + 1):
            w = t[i:j]
            if re.fullmatch(r"[\u4e00-\u9fffA-Za-z]+", w) and catalog.best(w) == [agency] and len(w) > len(best or ""):
                best = w
    return best


def declines(q: EvalQuestion, r: random.Random, catalog: Catalog) -> dict[str, str]:
    """Rewrites of an answered figure question that must be declined."""
    agency, out = _cited(q), {}
    m = re.search(r"(20\d\d)年", q.question)
    if not agency or not m:
        return out
    held = catalog.years(agency)
    missing = [y for y in range(min(held) - 2, max(held) + 2) if y not in held and 2008 <= y <= 2026]
    out["year"] = q.question[:m.start(1)] + str(r.choice(missing)) + q.question[m.end(1):]
    if not q.history and (said := _mention(q.question, agency, catalog)):
        out["foreign"] = q.question.replace(said, r.choice(FOREIGN), 1)
        out["unrecorded"] = f"{said}{m.group(0)}{r.choice(UNRECORDED)}{r.choice(['有多少', '是多少', '多少'])}？"
    return out


PRONOUNS = ["他们", "该单位", "这家单位", "它", "这个单位"]


def followups(q: EvalQuestion, r: random.Random, catalog: Catalog) -> dict[str, list[str]]:
    """Conversations (user turns) whose last turn asks what the one-turn question asked."""
    agency, out = _cited(q), {}
    m = re.search(r"(20\d\d)年度?", q.question)
    if (q.history or not agency or not m or len(re.findall(r"20\d\d", q.question)) != 1
            or len({c.agency for c in q.cite}) > 1):
        return out
    said = _mention(q.question, agency, catalog)
    year, held = int(m.group(1)), catalog.years(agency)
    others = [y for y in held if y != year]
    if said:
        bare = q.question.replace(said, "", 1).lstrip("的，, ")
        out["agency_first"] = [r.choice(["我想了解{a}的情况", "问一下{a}", "{a}", "说说{a}的年报"]).format(a=said), bare]
        rest = bare.replace(m.group(0), "", 1).lstrip("的，, ")
        out["spread"] = [r.choice(["看一下{a}", "{a}", "查{a}"]).format(a=said),
                         r.choice(["{y}年的", "{y}年的报告", "{y}年度"]).format(y=year), rest]
        out["pronoun"] = [f"{said}{year}年收到多少政府信息公开申请？",
                          q.question.replace(said, r.choice(PRONOUNS), 1).replace(m.group(0), r.choice(["那年", "同一年", ""]), 1)]
        rivals = [a for a in catalog.agencies if a != agency and year in catalog.years(a)]
        rival = r.choice(rivals) if rivals else None
        if rival:
            out["back_agency"] = [q.question.replace(said, _short(rival, catalog), 1), r.choice(["那{a}呢", "{a}的呢", "换成{a}呢"]).format(a=said)]
    if others:
        other = r.choice(others)
        out["back_year"] = [q.question.replace(m.group(1), str(other), 1),
                            r.choice(["那{y}年呢", "{y}年的呢", "换成{y}年呢"]).format(y=year)]
    for step, words in ((1, ["那前一年呢", "上一年的呢", "往前一年呢"]), (-1, ["那后一年呢", "下一年的呢", "再往后一年呢"])):
        if year + step in held:
            out["relative"] = [q.question.replace(m.group(1), str(year + step), 1), r.choice(words)]
            break
    return out


def _short(agency: str, catalog: Catalog) -> str:
    """The shortest run of the name ending in a place or body word (洪泽区, 市科委) that the catalogue reads as that
    agency alone, as people shorten names; else the full name."""
    runs = (agency[k:j] for n in range(3, len(agency)) for k in range(len(agency) - n + 1)
            if agency[(j := k + n) - 1] in "区县市局委会厅" and (k == 0 or agency[k - 1] in "区县市"))
    return next((w for w in runs if catalog.best(w) == [agency]), agency)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", required=True)
    ap.add_argument("--transforms", default=",".join(TRANSFORMS))
    ap.add_argument("--narrative", action="store_true", help="narrative and precedent questions instead of figures")
    ap.add_argument("--declines", action="store_true", help="rewrites that must be declined")
    ap.add_argument("--followups", action="store_true", help="the question spread over a conversation")
    ap.add_argument("--limit", type=int, default=10**9)
    ap.add_argument("--out")
    args = ap.parse_args()
    settings = Settings(home=args.home)
    assistant = Assistant(settings, Index(settings))
    catalog = assistant.catalog()
    wanted = ("narrative", "precedent") if args.narrative else FIGURE_TYPES
    questions = [q for f in SETS for q in load_questions([ROOT / "eval_sets" / f])
                 if q.split != "test" and q.type in wanted][:args.limit]
    pool = _homophones(tuple(q.question for q in questions))
    names = (["year", "foreign", "unrecorded"] if args.declines else
             ["agency_first", "spread", "pronoun", "back_agency", "back_year", "relative"] if args.followups else
             args.transforms.split(","))
    counts, broken = collections.Counter(), []
    for q in questions:
        if run_question(q, assistant.ask).verdicts.score < 1:
            continue
        history = [t.model_dump() for t in q.history]
        for name in names:
            r = random.Random(zlib.crc32(f"{q.id}:{name}".encode()))
            if args.followups:
                turns = followups(q, r, catalog).get(name)
                if not turns:
                    continue
                convo: list[dict] = []
                for said in turns[:-1]:
                    convo += [{"role": "user", "content": said},
                              {"role": "assistant", "content": assistant.ask(said, convo).text}]
                text = " || ".join(turns)
                asked = EvalQuestion.model_validate({**q.model_dump(), "question": turns[-1], "history": convo})
                result = run_question(asked, assistant.ask)
                failed, answer = result.verdicts.score < 1, result
            elif args.declines:
                text = declines(q, r, catalog).get(name)
                if not text or q.type == "comparison":
                    continue
                answer = assistant.ask(text, history)
                failed = not answer.abstained
            else:
                text = TRANSFORMS[name](q, r, pool)
                if not text or text == q.question:
                    continue
                result = run_question(q.model_copy(update={"question": text}), assistant.ask)
                failed, answer = result.verdicts.score < 1, result
            counts[name, "tried"] += 1
            if failed:
                counts[name, "broke"] += 1
                broken.append({"id": q.id, "transform": name, "question": text, "original": q.question,
                               "answer": getattr(answer, "answer", None) or getattr(answer, "text", "")})
    for name in names:
        print(f"{name:12} {counts[name, 'broke']:4} / {counts[name, 'tried']}")
    if args.out:
        Path(args.out).write_text(json.dumps(broken, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
