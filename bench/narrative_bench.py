"""Narrative retrieval per stage: candidate recall, rank of the first hit, hit@1/@3 and MRR of the passage
that answers, on the narrative and precedent questions of the question sets (a paraphrase file's `dev`
split only: its `test` split is never looked at).

    python bench/narrative_bench.py --home DIR [--sets eval_sets/full.jsonl eval_sets/paraphrase.jsonl …] [--pool]
    python bench/narrative_bench.py --home DIR --latency N [--server]  # a scale home (bench/scale_bench.py): wall ms

Stages, each over the same reports (the expected report when the question names its agency, else the corpus):
- chunk-hybrid: today's retrieval, the hybrid search's passages (chunks) in order;
- sentence-lexical: candidate sentences by the question's words and the section priors, no model;
- sentence-dense: candidate sentences by their own cosine with the question (each sentence embedded, as an
  ingest would; the cost per report is printed);
- fusion: sentence-lexical plus the cosine of the passage that holds the sentence (what the assistant does);
- fusion+sentence-dense: sentence-lexical plus the sentence's own cosine.
Precedent questions: the rank of the first expected agency among one best sentence per agency, and the
share of expected agencies found (candidate recall)."""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import numpy as np

from assistant import narrative as nv
from assistant.execute import MAX_NAMED_REPORTS
from assistant.normalize import is_english, normalize_question
from assistant.plan import plan_parts
from index.ingest import Index
from index.settings import Settings

STAGES = ("chunk-hybrid", "sentence-lexical", "sentence-dense", "fusion", "fusion+sentence-dense")


def load_set(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["type"] in ("narrative", "precedent") and r.get("split", "dev") == "dev"]


class Bench:
    def __init__(self, home: Path, sentence_dense: bool = True):
        self.sentence_dense = sentence_dense
        self.index = Index(Settings(home=home))
        from assistant.pipeline import Assistant

        self.assistant = Assistant(self.index.settings, self.index)
        self.catalog = self.assistant.catalog()
        self.search = self.assistant.retriever().search
        self.embedder = self.index.embedder
        self.vectors: dict[tuple[str, int, int], np.ndarray] = {}
        self.embed_s: dict[str, float] = {}

    def across(self, row: dict) -> tuple[float, float, float] | str | None:
        """A precedent question answered by the assistant: (share of the expected agencies it quotes, share of
        its quotes from an expected agency, whether the first is one); "declined" when it declined; None when it
        answered from the tables."""
        answer = self.assistant.ask(row["question"])
        cited = [c.agency for c in answer.citations if c.kind == "passage"]
        if answer.abstained:
            return "declined"
        if not cited:
            return None
        expected = row["answer"]["agencies"]
        return (sum(a in cited for a in expected) / len(expected), sum(a in expected for a in cited) / len(cited),
                float(cited[0] in expected))

    def read(self, question: str) -> tuple[str, str]:
        """The question as the assistant reads it (normalised: traditional characters, slips, English glossed)
        and its topic: its first narrative or precedent part's."""
        norm = normalize_question(question, self.catalog.romanised_places() if is_english(question) else None)
        parts = plan_parts(question, norm.text, [], self.catalog)
        text, it = next(((t, i) for t, i in parts if i.kind in ("narrative", "precedent")), parts[0])
        return it.question or text, it.topic

    def reports_for(self, row: dict) -> list:
        agencies = {(c["agency"], c["year"]) for c in row.get("cite", [])}
        named = row["type"] == "narrative" and row["answer"].get("match", "all") == "all" and agencies
        ids = [self.catalog.entry(a, y).report_id for a, y in sorted(agencies)] if named else \
            [e.report_id for e in self.catalog.entries]
        return [self.assistant.report(i) for i in ids]

    def sentence_vectors(self, report) -> None:
        """Every candidate sentence embedded once (timed per report: what an ingest would add)."""
        todo = [s for s in nv.report_sentences(report) if (s.report_id, s.start, s.end) not in self.vectors]
        if not todo:
            return
        t = time.perf_counter()
        vecs = np.asarray(self.embedder.embed_passages([s.text for s in todo]), dtype=np.float32)
        self.embed_s[report.id] = self.embed_s.get(report.id, 0.0) + time.perf_counter() - t
        for s, v in zip(todo, vecs, strict=True):
            self.vectors[(s.report_id, s.start, s.end)] = v

    def rankings(self, question: str, topic: str, reports: list) -> dict[str, list[tuple[str, int, str]]]:
        """Per stage: (agency, year, text) of the ranked evidence, best first."""
        ids = [r.id for r in reports]
        filters = {"kind": "text", "report_id": ids if len(ids) > 1 else ids[0]}
        hits = self.search(question, 8, filters)
        out = {"chunk-hybrid": [(h.chunk.agency, h.chunk.year, h.chunk.text) for h in hits]}
        cands = [c for r in reports for c in nv.report_sentences(r)]
        names = [p for r in reports for p in nv.name_parts(r.meta.agency)]
        named = tuple(r.meta.agency for r in reports) if len(reports) <= MAX_NAMED_REPORTS else ()
        terms = nv.query_terms(question, nv.topic_words(topic), names, named)
        doing = len(reports) <= MAX_NAMED_REPORTS  # as the assistant ranks: the asked activity within named reports
        lex = nv.rank(question, terms, cands, {}, names, doing)
        chunks = nv.passage_cosines(self.search, question, ids)
        texts = {r.id: r.text for r in reports}
        fused = nv.with_items(nv.rank(question, terms, cands, nv.sentence_cosines(cands, chunks), names, doing), cands, texts,
                              lists=nv.cue(question) in ("shortfall", "plan"), question=question)

        def rows(seq):
            return [(c.agency, c.year, c.text) for c in seq]

        out["sentence-lexical"] = rows(s.sentence for s in lex)
        out["fusion"] = rows(s.sentence for s in fused)
        out["sentence-dense"] = out["fusion+sentence-dense"] = []
        if self.sentence_dense:
            for r in reports:
                self.sentence_vectors(r)
            q = np.asarray(self.embedder.embed_queries([question]), dtype=np.float32)[0]
            own = {i: float(self.vectors[(c.report_id, c.start, c.end)] @ q) for i, c in enumerate(cands)}
            out["sentence-dense"] = rows(cands[i] for i in sorted(range(len(cands)), key=lambda i: -own[i]))
            out["fusion+sentence-dense"] = rows(s.sentence for s in nv.rank(question, terms, cands, own, names, doing))
        out["_pool"] = rows(cands)
        return out


LATENCY_ASKED = ("{a}{y}年政府信息公开工作存在哪些问题？", "{a}{y}年怎么培训政务公开工作人员？", "{a}{y}年下一步有什么打算？",
                 "{a}{y}年怎么做政策解读？", "{a}{y}年开展了几场培训？", "{a}{y}年收取信息处理费了吗？")
LATENCY_OPEN = ("哪些单位开展了依申请公开培训？", "各单位都是怎么培训政务公开工作人员的？", "哪些报告提到了政务新媒体清理整合？",
                "哪些单位提到了压力测试？", "哪些单位开展过政策解读直播？", "哪些报告提到人员流动性大的问题？",
                "哪些单位建立了疑难件会商制度？", "哪些单位开通了政务微博？", "哪些报告提到问政平潭？", "哪些单位收取了信息处理费？")


def latency(home: Path, vector_reports: int, server: bool = False) -> dict:
    """Wall ms (p50/p95) of narrative questions on a scale home: each kind of question about the first
    `vector_reports` reports (the ones with vectors), then open questions across every report, first in this
    process (each report's sentences not in memory: read from the sentence store, or built where it has none),
    then again. Warmed by three one-report questions; with `server`, first as a server warms (Assistant.warm:
    the vector index, every report's sentences into the store)."""
    from assistant.pipeline import Assistant

    settings = Settings(home=home)
    a = Assistant(settings, Index(settings))
    entries = sorted(a.catalog().entries, key=lambda e: e.file_name)[:vector_reports]
    asked = [k.format(a=e.agency, y=e.year) for e in entries for k in LATENCY_ASKED]
    if server:
        a.warm()
    for q in asked[:3]:  # warm: the model, Chroma, the lexical index
        a.ask(q)

    def timed(questions) -> str:
        ms = []
        for q in questions:
            t = time.perf_counter()
            a.ask(q)
            ms.append((time.perf_counter() - t) * 1000)
        slowest = max(range(len(ms)), key=ms.__getitem__)
        return (f"p50 {statistics.median(ms):.0f} ms, p95 {sorted(ms)[max(0, -(-len(ms) * 95 // 100) - 1)]:.0f} ms "
                f"(n={len(ms)}; slowest: #{slowest + 1} {questions[slowest]})")

    return {"one report": timed(asked), "open, cold": timed(LATENCY_OPEN), "open, again": timed(LATENCY_OPEN)}


def first_hit(ranked: list[tuple[str, int, str]], quotes: list[str], sources: set) -> int | None:
    return next((i + 1 for i, (a, y, t) in enumerate(ranked) if (a, y) in sources and any(q in t for q in quotes)),
                None)


def per_agency(ranked: list[tuple[str, int, str]]) -> list[str]:
    return list(dict.fromkeys(a for a, _, _ in ranked))


def stage_table(title: str, rows: list[dict], ranks: dict, pool_recall: list[bool], prec_found: dict) -> None:
    """Per stage: hit@1/@3/@8, MRR and median rank of the first hit (narrative); agency recall and first-agency
    hit@1 (precedent questions ranked over every report's candidates)."""
    n_nar = sum(1 for r in rows if r["type"] == "narrative")
    print(f"\n{title} — narrative n={n_nar}, candidate recall (the quote is in some candidate sentence) "
          f"{sum(pool_recall) / max(1, len(pool_recall)):.3f}")
    print(f"{'stage':<24}{'hit@1':>7}{'hit@3':>7}{'hit@8':>7}{'MRR':>7}{'median rank':>13}   precedent: "
          f"agency recall, first-agency hit@1")
    for s in STAGES:
        nar = [r for r, row in zip(ranks[s], rows, strict=True) if row["type"] == "narrative"]
        pre = [r for r, row in zip(ranks[s], rows, strict=True) if row["type"] == "precedent"]
        found = [r for r in nar if r]

        def at(k, xs=nar):
            return sum(1 for r in xs if r and r <= k) / max(1, len(xs))

        mrr = sum(1 / r for r in nar if r) / max(1, len(nar))
        med = statistics.median(found) if found else float("nan")
        ag = statistics.mean(prec_found[s]) if prec_found[s] else float("nan")
        print(f"{s:<24}{at(1):>7.3f}{at(3):>7.3f}{at(8):>7.3f}{mrr:>7.3f}{med:>13.1f}   {ag:.3f}  {at(1, pre):.3f}")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", type=Path, required=True)
    ap.add_argument("--sets", nargs="+", type=Path, default=[Path("eval_sets/full.jsonl")])
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--pool", action="store_true", help="also one table over all the sets' questions together")
    ap.add_argument("--quick", action="store_true", help="leave out the stages that embed every sentence")
    ap.add_argument("--latency", type=int, metavar="N", help="time questions on a scale home (N reports with vectors)")
    ap.add_argument("--server", action="store_true", help="with --latency: warm first as a server does")
    args = ap.parse_args(argv)
    if args.latency:
        import os

        print(f"load average {os.getloadavg()[0]:.1f}, {Settings(home=args.home).home}")
        for what, figure in latency(args.home, args.latency, args.server).items():
            print(f"{what}: {figure}")
        return
    b = Bench(args.home, sentence_dense=not args.quick)
    pooled: tuple[list, dict, list, dict] = ([], {s: [] for s in STAGES}, [], {s: [] for s in STAGES})
    for path in args.sets:
        rows = load_set(path)
        ranks: dict[str, list[int | None]] = {s: [] for s in STAGES}
        pool_recall, prec_found = [], {s: [] for s in STAGES}
        for row in rows:
            question, topic = b.read(row["question"])
            reports = b.reports_for(row)
            got = b.rankings(question, topic, reports)
            if row["type"] == "narrative":
                quotes = row["answer"]["quotes"]
                sources = {(c["agency"], c["year"]) for c in row["cite"]}
                pool_recall.append(first_hit(got["_pool"], quotes, sources) is not None)
                for s in STAGES:
                    ranks[s].append(first_hit(got[s], quotes, sources))
                if args.show_misses and ranks["fusion"][-1] != 1:
                    print(f"  miss {row['id']} rank={ranks['fusion'][-1]} {row['question']} | {got['fusion'][0][2][:60]}")
            else:
                expected = row["answer"]["agencies"]
                for s in STAGES:
                    order = per_agency(got[s])
                    found = [a for a in expected if a in order]
                    prec_found[s].append(len(found) / len(expected))
                    ranks[s].append(min((order.index(a) + 1 for a in found), default=None))
        stage_table(str(path), rows, ranks, pool_recall, prec_found)
        pooled[0].extend(rows)
        pooled[2].extend(pool_recall)
        for s in STAGES:
            pooled[1][s].extend(ranks[s])
            pooled[3][s].extend(prec_found[s])
        precedents = [row for row in rows if row["type"] == "precedent"]
        answers = [b.across(row) for row in precedents]
        across = [x for x in answers if x and x != "declined"]
        declined = sum(x == "declined" for x in answers)
        if across or declined:
            print(f"precedent across agencies (the assistant's answer, n={len(across)} answered from passages, "
                  f"{declined} declined): agency recall "
                  f"{statistics.mean(r for r, _, _ in across) if across else float('nan'):.3f}, precision "
                  f"{statistics.mean(p for _, p, _ in across) if across else float('nan'):.3f}, first agency expected "
                  f"{statistics.mean(f for *_, f in across) if across else float('nan'):.3f}")
            if args.show_misses:
                for x, row in zip(answers, precedents, strict=True):
                    if x == "declined" or (x and (x[0] < 1 or x[1] < 1)):
                        print(f"  miss {row['id']} {x} {row['question']}")
    if args.pool and len(args.sets) > 1:
        stage_table(f"pooled over {len(args.sets)} sets", *pooled)
    if b.embed_s:
        per = sorted(b.embed_s.values())
        chunks = b.index.vectors.collection.count()
        n = len(b.embed_s)
        t = time.perf_counter()
        sample = [c for c in b.index.vectors.collection.get(include=["documents"], limit=400)["documents"]]
        b.embedder.embed_passages(sample)
        chunk_s = (time.perf_counter() - t) / len(sample) * chunks / max(1, len(b.catalog.entries))
        print(f"\nsentence vectors: {len(b.vectors)} sentences over {n} reports, embedding "
              f"median {statistics.median(per):.2f} s/report (chunk vectors today ~{chunk_s:.2f} s/report: "
              f"+{statistics.median(per) / chunk_s:.0%} if added at ingest)")


if __name__ == "__main__":
    main()
