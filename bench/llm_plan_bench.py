"""How often the local model's plan proposal is used where the router's plan is weak (docs/llm.md, Plan proposals).

    python bench/llm_plan_bench.py --home DIR [--no-model] [--out r.jsonl] eval_sets/full.jsonl eval_sets/paraphrase*.jsonl

Lines with "split": "test" are skipped unread (only their split is looked at). Step 1: every question is answered the
default way (NIANBAO_LLM=none) and each part's intent, as `Assistant._ask_part` hands it to the plan step (after the UI
filters and the figure-by-meaning reread), is checked with `llm_plan.low_confidence`. Step 2 (skipped with
--no-model): each question with a weak part is asked again, with `propose_plan` run on its parts by the local model
exactly where `_ask_part` runs it when an LLM is configured (a used proposal also drops the reread's question back);
the follow-up rewrite and the answer's wording are not run, so the two answers differ by the proposal alone. Both
answers are scored with `assistant.evaluate.score`. The GGUF: --gguf, else NIANBAO_LLM_GGUF, else the default home's."""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import time
from collections import Counter
from pathlib import Path

from langchain_core.messages import HumanMessage

import assistant.pipeline as pipeline
from assistant import llm, llm_plan
from assistant.evaluate import EvalQuestion, build_assistant, score
from assistant.llm_install import GGUF_NAME
from index.settings import Settings, default_home


def load_dev(files: list[str]) -> list[tuple[str, EvalQuestion]]:
    """(set name, question) for every line that is not of a test half."""
    out = []
    for f in files:
        for line in Path(f).read_text(encoding="utf-8").splitlines():
            if line.strip() and (d := json.loads(line)).get("split") != "test":
                out.append((Path(f).stem, EvalQuestion.model_validate(d)))
    return out


class Watch(logging.Handler):
    """The plan step's log records (why a proposal was ignored or proposed no plan)."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class PlanStep:
    """Stands in for `assistant.pipeline.reread`, the step just before `_ask_part`'s plan step: records each part's
    intent as the plan step sees it; with `propose`, runs `propose_plan` on a weak one as `_ask_part` does."""

    def __init__(self, settings: Settings):
        self.reread, self.settings = pipeline.reread, settings
        self.history: list[dict] = []
        self.propose = False
        self.parts: list[dict] = []
        self.calls: list[dict] = []  # the model calls of the current proposal
        self.watch = Watch()
        logging.getLogger(llm_plan.__name__).addHandler(self.watch)
        logging.getLogger(llm_plan.__name__).setLevel(logging.INFO)
        logging.getLogger(llm_plan.__name__).propagate = False
        self.invoke = llm.invoke_with_timeout
        llm.invoke_with_timeout = self.timed_invoke  # llm_plan calls it through the module

    def timed_invoke(self, model, messages, timeout):
        start = time.perf_counter()
        try:
            reply = self.invoke(model, messages, timeout)
        except Exception as e:
            self.calls.append({"ms": (time.perf_counter() - start) * 1000, "error": f"{type(e).__name__}: {e}"})
            raise
        self.calls.append({"ms": (time.perf_counter() - start) * 1000, "reply": reply})
        return reply

    def __call__(self, question, intent, catalog, meaning):
        intent, unclear = self.reread(question, intent, catalog, meaning)
        part = {"part": question, "kind": intent.kind, "reason": intent.reason, "weak": llm_plan.low_confidence(intent)}
        if self.propose and part["weak"]:
            self.calls, self.watch.records = [], []
            start = time.perf_counter()
            proposed = llm_plan.propose_plan(self.settings, question, self.history, intent, catalog)
            part["proposal"] = self.outcome(proposed, (time.perf_counter() - start) * 1000)
            if proposed.proposed_by:
                unclear, intent = None, proposed
        self.parts.append(part)
        return intent, unclear

    def outcome(self, proposed, ms: float) -> dict:
        """What became of one proposal: not asked, timeout/error, no plan, rejected (why), valid (the plan)."""
        out: dict = {"ms": round(ms), "model_ms": round(sum(c["ms"] for c in self.calls))}
        if self.calls:
            out["reply"] = self.calls[-1].get("reply")
        messages = [r.getMessage() for r in self.watch.records]
        if not self.calls:
            out["outcome"] = "not asked"
        elif "error" in self.calls[-1]:
            out["outcome"] = "timeout" if self.calls[-1]["error"].startswith("TimeoutError") else "error"
            out["why"] = self.calls[-1]["error"]
        elif proposed.proposed_by:
            out["outcome"] = "valid"
            out["plan"] = {"kind": proposed.kind, "reason": proposed.reason, "agencies": proposed.agencies,
                           "years": proposed.years, "keys": [k.model_dump() for k in proposed.keys], "rate": proposed.rate}
        elif any(r.getMessage().startswith("LLM proposed no plan") for r in self.watch.records):
            out["outcome"] = "no plan"
            out["why"] = next(r.args[0] for r in self.watch.records if r.getMessage().startswith("LLM proposed no plan"))
        else:
            ignored = [r for r in self.watch.records if r.getMessage().startswith("LLM plan proposal ignored")]
            out["outcome"] = "rejected"
            out["why"] = str(ignored[-1].args[1]) if ignored else "; ".join(messages)
        return out


def ask(assistant, step: PlanStep, q: EvalQuestion, propose: bool) -> dict:
    history = [t.model_dump() for t in q.history]
    step.history, step.propose, step.parts = history, propose, []
    start = time.perf_counter()
    answer = assistant.ask(q.question, history)
    ms = (time.perf_counter() - start) * 1000
    return {"answer": answer, "parts": step.parts, "ms": ms, "score": score(q, answer).score}


def same(a, b) -> bool:
    return (a.text, [f.model_dump() for f in a.figures], [c.model_dump() for c in a.citations]) == \
        (b.text, [f.model_dump() for f in b.figures], [c.model_dump() for c in b.citations])


def table(rows: list[list], head: list[str]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows, strict=True)]
    line = lambda r: "  ".join(str(x).ljust(w) for x, w in zip(r, widths, strict=True))  # noqa: E731
    return "\n".join([line(head), "  ".join("-" * w for w in widths), *map(line, rows)])


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="+")
    ap.add_argument("--home", type=Path, required=True)
    ap.add_argument("--gguf", type=Path)
    ap.add_argument("--no-model", action="store_true", help="step 1 only: which plans are weak")
    ap.add_argument("--out", type=Path, help="one JSON line per question with a weak part")
    ap.add_argument("--ids", type=Path, help="only these question ids (one a line), e.g. the weak ones of a --no-model run")
    ap.add_argument("--stop-at", help="UTC HH:MM after which step 2 asks no further question (a shared machine)")
    args = ap.parse_args(argv)
    plain = Settings(home=args.home, llm="none")
    local = plain.model_copy(update={"llm": "local",
                                     "llm_gguf": args.gguf or plain.llm_gguf or default_home() / "models" / GGUF_NAME})
    assistant = build_assistant(plain)
    step = PlanStep(local)
    pipeline.reread = step
    questions = load_dev(args.sets)
    if args.ids:
        wanted = set(args.ids.read_text(encoding="utf-8").split())
        questions = [(name, q) for name, q in questions if q.id in wanted]

    start = time.perf_counter()
    rows, weak = [], []
    for name, q in questions:
        done = ask(assistant, step, q, propose=False)
        rows.append((name, q, done))
        if any(p["weak"] for p in done["parts"]):
            weak.append((name, q, done))
    print(f"step 1: {len(questions)} questions answered the default way in {time.perf_counter() - start:.0f} s")
    by_set: dict[str, Counter] = {}
    by_type: dict[str, Counter] = {}
    for name, q, done in rows:
        for key, counts in ((name, by_set), (q.type, by_type)):
            c = counts.setdefault(key, Counter())
            c["questions"] += 1
            c["parts"] += len(done["parts"])
            c["weak parts"] += sum(p["weak"] for p in done["parts"])
            c["weak questions"] += any(p["weak"] for p in done["parts"])
    head = ["questions", "parts", "weak parts", "weak questions"]
    for title, counts in (("set", by_set), ("type", by_type)):
        total = sum(counts.values(), Counter())
        print("\n" + table([[k, *(c[h] for h in head)] for k, c in counts.items()] + [["all", *(total[h] for h in head)]],
                           [title, *head]))
    kinds = Counter(f"{p['kind']}/{p['reason']}" for _, _, d in weak for p in d["parts"] if p["weak"])
    print("\nweak parts by routed kind/reason: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    print("\nweak questions:")
    for _, q, done in weak:
        for p in done["parts"]:
            if p["weak"]:
                print(f"  {q.id} [{q.type}] {p['kind']}/{p['reason']}: {p['part']}")
    if args.no_model:
        return

    t = time.perf_counter()
    llm.invoke_with_timeout(llm.get_chat_model(local), [HumanMessage("只回答：好")], local.llm_timeout)
    print(f"\nstep 2: model loaded and warmed in {time.perf_counter() - t:.1f} s (untimed below); "
          f"{len(weak)} questions asked again with proposals")
    start = time.perf_counter()
    results = []
    for name, q, before in weak:
        if args.stop_at and time.strftime("%H:%M", time.gmtime()) >= args.stop_at:
            print(f"  stopped at {args.stop_at} UTC: {len(weak) - len(results)} weak questions not asked again")
            break
        after = ask(assistant, step, q, propose=True)
        proposals = [p["proposal"] for p in after["parts"] if "proposal" in p]
        results.append((name, q, before, after, proposals))
        print(f"  {q.id}: " + "; ".join(f"{p['outcome']}" + (f" ({p['why']})" if p.get("why") else "")
                                       + f" {p['model_ms'] / 1000:.1f} s" for p in proposals)
              + f" | score {before['score']:.2f} -> {after['score']:.2f}", flush=True)
        if args.out:
            with args.out.open("a", encoding="utf-8") as f:
                f.write(json.dumps({"set": name, "id": q.id, "type": q.type, "question": q.question,
                                    "proposals": proposals, "score_default": before["score"],
                                    "score_proposed": after["score"], "changed": not same(before["answer"], after["answer"]),
                                    "answer_default": before["answer"].text, "answer_proposed": after["answer"].text},
                                   ensure_ascii=False) + "\n")
    print(f"step 2 took {time.perf_counter() - start:.0f} s")
    proposals = [p for *_, ps in results for p in ps]
    outcomes = Counter(p["outcome"] for p in proposals)
    why = Counter(f"{p['outcome']}: {p.get('why')}" for p in proposals if p["outcome"] in ("rejected", "no plan"))
    asked = [p["model_ms"] / 1000 for p in proposals if p["outcome"] != "not asked"]
    print(f"\nweak parts: {len(proposals)}; " + ", ".join(f"{k} {n}" for k, n in outcomes.most_common()))
    for k, n in why.most_common():
        print(f"  {n} x {k}")
    if asked:
        q = statistics.quantiles(asked, n=20) if len(asked) > 1 else asked * 19
        print(f"model call latency (s): n {len(asked)}, median {statistics.median(asked):.1f}, p95 {q[18]:.1f}, "
              f"max {max(asked):.1f}")
    changed = [r for r in results if not same(r[2]["answer"], r[3]["answer"])]
    better = sum(r[3]["score"] > r[2]["score"] for r in changed)
    worse = sum(r[3]["score"] < r[2]["score"] for r in changed)
    print(f"answers changed: {len(changed)} of {len(results)}; by score: better {better}, worse {worse}, "
          f"same {len(changed) - better - worse}")
    print(f"mean score over these {len(results)} questions: default "
          f"{statistics.mean(r[2]['score'] for r in results):.3f}, with proposals "
          f"{statistics.mean(r[3]['score'] for r in results):.3f}")


if __name__ == "__main__":
    main()
