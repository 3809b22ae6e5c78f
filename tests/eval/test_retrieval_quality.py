"""Retrieval quality: score floors on the question set, tokenizer behaviour, no-match and highlights.

The floors sit a little below the figures measured with
`interview-bot eval --memory --split dev` (and `--split heldout`), so that a regression fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.adapters.cli import main
from bot.answer import answerer
from bot.answer.evaluation import DEFAULT_FILE, OFFTOPIC_FILE, evaluate, load_questions, rejection, summarize
from bot.answer.library import Library
from retrieval.query import analyze
from retrieval.tokenize import detect_language, tokenize, tokens

HERE = Path(__file__).resolve().parent
WHOIS_FILE = HERE / "whois.jsonl"

# language -> (hit@3, MRR@10) floors
# measured (dev, 760 questions: the 440 of earlier rounds, still 0.959/0.896 on their own, and 320 written
# blind in the sixth round): zh 0.933/0.885, zh-Hant 0.938/0.880, de 0.957/0.875, en 0.916/0.883,
# all 0.935/0.881
DEV_FLOORS = {"zh": (0.92, 0.87), "zh-Hant": (0.92, 0.86), "de": (0.94, 0.86), "en": (0.90, 0.87),
              "all": (0.92, 0.87)}
HELDOUT_FLOORS = {"all": (0.90, 0.86)}  # measured 0.919/0.872 (323 questions)
QUOTE_HIT3_FLOOR = 0.91  # dev: the shown quote holds the answer (measured 0.922)
OFF_TOPIC_REJECTED_FLOOR = 0.80  # dev off-topic questions answered "no good match" (measured 0.824)
ON_TOPIC_REJECTED_CEILING = 0.015  # dev on-topic questions wrongly answered "no good match" (measured 0.008)
WHOIS_HIT3_FLOOR = 0.75  # dev who/what-is questions (measured 0.777)
# held-out sets, written blind and scored once before they were kept (first runs: off-topic 0.855, every
# language >= 0.789; who-is 0.873)
HELDOUT_OFF_TOPIC_REJECTED_FLOOR = 0.82
HELDOUT_WHOIS_HIT3_FLOOR = 0.84


@pytest.fixture(scope="module")
def dev_scores(library: Library):
    return summarize(evaluate(library, load_questions(DEFAULT_FILE, "dev"), top_k=10))


def test_question_set_is_split() -> None:
    dev, heldout = load_questions(DEFAULT_FILE, "dev"), load_questions(DEFAULT_FILE, "heldout")
    assert len(dev) >= 80 and len(heldout) >= 30
    assert {q["lang"] for q in dev} == {"zh", "zh-Hant", "de", "en"}
    assert not {q["question"] for q in dev} & {q["question"] for q in heldout}


@pytest.mark.parametrize("lang", sorted(DEV_FLOORS))
def test_dev_scores_stay_above_floor(dev_scores, lang: str) -> None:
    hit3, mrr = DEV_FLOORS[lang]
    s = dev_scores[lang]
    assert s.hit3 >= hit3, f"{lang} hit@3 {s.hit3} < {hit3}; misses: {s.misses}"
    assert s.mrr10 >= mrr, f"{lang} MRR@10 {s.mrr10} < {mrr}"


def test_dev_quotes_show_the_answer(dev_scores) -> None:
    assert dev_scores["all"].quote_hit3 >= QUOTE_HIT3_FLOOR


def test_heldout_scores_stay_above_floor(library: Library) -> None:
    s = summarize(evaluate(library, load_questions(DEFAULT_FILE, "heldout"), top_k=10))["all"]
    hit3, mrr = HELDOUT_FLOORS["all"]
    assert s.hit3 >= hit3 and s.mrr10 >= mrr, (s.hit3, s.mrr10, s.misses)


# -- the eval command ------------------------------------------------------------------------------
def test_eval_command_scores_a_question_file(tmp_path: Path) -> None:
    rows = load_questions(DEFAULT_FILE, "dev")[:6]
    rows.append({"id": "x1", "lang": "en", "split": "dev", "question": "What's the weather in Paris tomorrow?",
                 "article": "jiqizhixin-gomez-20vc", "answers": ["this excerpt is nowhere in the corpus"]})
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(path), "--memory", "--json", "--misses", "--top", "5"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    overall = data["scores"]["all"]
    assert overall["n"] == 7
    assert 0 <= overall["hit1"] <= overall["hit3"] <= 6 / 7
    assert "x1" in [m["id"] for m in data["misses"]]
    assert next(m for m in data["misses"] if m["id"] == "x1")["status"] == "no_match"
    text = CliRunner().invoke(main, ["eval", str(path), "--memory", "--misses"])
    assert text.exit_code == 0 and "hit@3" in text.output and "x1 [en]" in text.output


def test_eval_command_rejects_an_empty_split(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    path.write_text(json.dumps({"id": "a", "lang": "zh", "split": "dev", "question": "x", "answers": ["y"]}))
    result = CliRunner().invoke(main, ["eval", str(path), "--memory", "--split", "heldout"])
    assert result.exit_code != 0 and "no questions" in result.output


# -- tokenizer ---------------------------------------------------------------------------------------
def test_traditional_chinese_is_folded_to_simplified() -> None:
    assert tokenize("戈麥斯認為數據質量很重要") == tokenize("戈麦斯认为数据质量很重要")
    assert detect_language("戈麥斯怎麼看數據") == "zh-Hant"
    assert detect_language("戈麦斯怎么看数据") == "zh"


def test_full_width_is_folded_to_half_width() -> None:
    assert tokenize("ＧＰＴ－４ 和 Ｃｏｈｅｒｅ") == tokenize("GPT-4 和 Cohere")
    spans = tokens("ＧＰＴ－４")
    assert spans and spans[0].start == 0 and spans[0].end == len("ＧＰＴ－４")


def test_german_umlaut_words_stay_whole_and_are_stemmed() -> None:
    terms = tokenize("Die Datenqualität der Modelle", "de")
    assert terms == tokenize("Datenqualität Modell", "de")
    assert not any(t in ("ä", "t", "datenqualit") for t in terms)
    assert tokenize("models", "en") == tokenize("model", "en")


def test_german_hyphenated_words_count_by_their_parts() -> None:
    terms = tokenize("Kundendienst-Jobs", "de")
    assert tokenize("Jobs", "de")[0] in terms


def test_unknown_german_compounds_are_split_into_known_words(library: Library) -> None:
    query = analyze("Werden Kundendienstjobs durch KI wegfallen?", library.index.vocab)
    assert tokenize("Jobs", "de")[0] in query.own
    assert {"客户", "岗位"} & query.expanded  # the parts are translated


def test_stop_words_are_dropped_but_content_words_kept() -> None:
    assert tokenize("What does he think about the data?", "en") == tokenize("data", "en")
    assert "的" not in tokenize("数据的质量")
    assert tokenize("Was denkt er über die Daten?", "de") == tokenize("Daten", "de")
    for content in ("模型", "数据", "芯片", "客户", "训练"):
        assert content in tokenize(f"关于{content}"), content


def test_name_variants_fold_onto_one_term() -> None:
    assert tokenize("NVIDIA") == tokenize("Nvidia") == tokenize("英伟达")
    assert tokenize("Yann LeCun")[-1] == tokenize("杨立昆")[0] == tokenize("杨立坤")[0]
    assert tokenize("Aidan Gomez")[-1] == tokenize("戈麦斯")[0]


def test_index_terms_have_no_whitespace(library: Library) -> None:
    """Stored tokens are space-separated: a term with a space would come back as two."""
    assert not [t for p in library.passages for t in p.tokens if not t or any(c.isspace() for c in t)]


def test_mixed_text_keeps_both_scripts_with_offsets() -> None:
    text = "Cohere 的 Command R+ 模型"
    toks = tokens(text)
    assert {"Cohere", "模型"} <= {t.term for t in toks}
    for t in toks:
        assert 0 <= t.start < t.end <= len(text)
    assert text[toks[-1].start:toks[-1].end] == "模型"


def test_long_chinese_words_also_match_by_bigrams() -> None:
    query = analyze("私有化部署")
    assert {"私有", "部署"} <= set(query.terms)
    assert query.terms["私有"] < query.terms["部署"]  # a bigram counts less than a word


def test_misspelt_names_are_corrected_against_the_index(library: Library) -> None:
    query = analyze("Who wrote the Transfomer paper at Cohre?", library.index.vocab)
    assert {"Transformer", "Cohere"} <= query.own


# -- cross-lingual queries and answers ----------------------------------------------------------------
def test_english_question_is_expanded_into_chinese(library: Library) -> None:
    query = analyze("Will Nvidia keep its monopoly on chips?")
    assert "芯片" in query.expanded
    reply = answerer.answer(library, "Will Nvidia keep its monopoly on chips?")
    assert reply.status == "ok"
    assert any("芯片" in q.passage for q in reply.quotes)


def test_german_question_shows_the_german_version_first(library: Library) -> None:
    reply = answerer.answer(library, "Warum ist die Datenqualität so wichtig für die Modelle?")
    assert reply.status == "ok" and reply.language == "de"
    grouped = [q for q in reply.quotes if q.also_in]
    assert grouped, "no result with a translation"
    assert all(q.article.language == "de" for q in grouped)
    assert any(v.article.language == "zh" for v in grouped[0].also_in)


def test_chinese_question_shows_the_chinese_version_first(library: Library) -> None:
    reply = answerer.answer(library, "数据质量为什么这么重要")
    grouped = [q for q in reply.quotes if q.also_in]
    assert grouped and all(q.article.language == "zh" for q in grouped)


# -- no good match -----------------------------------------------------------------------------------
@pytest.mark.parametrize("question", ["What's the weather in Paris tomorrow?", "今天股市怎么样", "Wie backe ich Brot?",
                                      "What is the capital of Australia?", "marathon training plan for beginners"])
def test_off_topic_questions_get_no_match(library: Library, question: str) -> None:
    reply = answerer.answer(library, question)
    assert reply.status == "no_match" and not reply.quotes and reply.note


def test_most_off_topic_questions_are_rejected(library: Library) -> None:
    rates = rejection(library, load_questions(OFFTOPIC_FILE, "dev"))
    assert rates["all"]["rejected"] >= OFF_TOPIC_REJECTED_FLOOR, rates
    assert min(r["rejected"] for r in rates.values()) >= OFF_TOPIC_REJECTED_FLOOR - 0.05, rates  # every language


def test_held_out_off_topic_questions_are_rejected(library: Library) -> None:
    rates = rejection(library, load_questions(OFFTOPIC_FILE, "heldout"))
    assert rates["all"]["rejected"] >= HELDOUT_OFF_TOPIC_REJECTED_FLOOR, rates
    assert min(r["rejected"] for r in rates.values()) >= 0.75, rates  # every language


def test_held_out_who_is_questions_get_the_passages_describing_it(library: Library) -> None:
    s = summarize(evaluate(library, load_questions(WHOIS_FILE, "heldout"), top_k=10))["all"]
    assert s.hit3 >= HELDOUT_WHOIS_HIT3_FLOOR, (s.hit3, s.misses)


def test_real_questions_are_still_answered(dev_scores, library: Library) -> None:
    assert dev_scores["all"].rejected <= ON_TOPIC_REJECTED_CEILING, dev_scores["all"]
    for question in ("Cohere 的估值是多少", "戈麥斯怎麼看數據質量", "Was hält Gomez von synthetischen Daten?",
                     "What does Gomez think about synthetic data?"):
        assert answerer.answer(library, question).status == "ok", question


def test_who_and_what_is_questions_get_the_passages_describing_it(library: Library) -> None:
    s = summarize(evaluate(library, load_questions(WHOIS_FILE, "dev"), top_k=10))["all"]
    assert s.hit3 >= WHOIS_HIT3_FLOOR, (s.hit3, s.misses)
    for question in ("Who is Aidan Gomez?", "戈麦斯是谁？", "Wer ist Aidan Gomez?", "What is Cohere?", "戴雨森是谁"):
        reply = answerer.answer(library, question)
        assert reply.status == "ok" and reply.quotes, question


def test_the_answerability_model_is_the_one_the_training_script_fits() -> None:
    """The bundled model is reproduced from the development questions (retrain after changing features,
    ranking or the question sets)."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, str(HERE / "train_answerability.py"), "--check"], capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr


# -- highlights --------------------------------------------------------------------------------------
def _marked(quote) -> list[str]:
    return [quote.quote[s:e] for s, e in quote.highlights]


def test_traditional_chinese_query_highlights_simplified_quote(library: Library) -> None:
    reply = answerer.answer(library, "合成數據")
    marked = _marked(reply.quotes[0])
    assert any("合成" in m or "数据" in m for m in marked), marked


def test_english_query_highlights_chinese_terms(library: Library) -> None:
    reply = answerer.answer(library, "What does Gomez say about synthetic data?")
    zh = [q for q in reply.quotes if q.article.language == "zh"]
    assert zh, "no Chinese result"
    assert any(any("数据" in m or "合成" in m for m in _marked(q)) for q in zh)


def test_highlights_are_valid_spans(library: Library) -> None:
    for question in ("Cohere 的估值是多少", "Warum ist die Datenqualität so wichtig?"):
        for q in answerer.answer(library, question).quotes:
            for s, e in q.highlights:
                assert 0 <= s < e <= len(q.quote)


# -- ranking mechanisms (see EXPERIMENTS.md 35-43) ------------------------------------------------------
def test_taiwan_vocabulary_is_mapped_to_mainland_words() -> None:
    query = analyze("晶片 資料中心")
    assert query.language == "zh-Hant"
    assert {"芯片", "数据中心"} <= set(query.terms)


def test_editors_summary_lifts_the_answer_it_summarises(library: Library) -> None:
    bullets = [i for i, p in enumerate(library.passages) if p.kind == "bullet" and library.ranker.source(i) is not None]
    assert bullets, "no bullet is linked to an answer"
    for doc in bullets[:5]:
        source = library.passages[library.ranker.source(doc)]
        assert source.kind == "answer" and source.article_id == library.passages[doc].article_id
        quotes = answerer.answer(library, library.passages[doc].text, top_k=3).quotes
        ids = [q.passage_id for q in quotes] + [v.passage_id for q in quotes for v in q.also_in]
        assert source.id in ids, (library.passages[doc].text, source.text)


def test_a_named_speaker_favours_their_answers(library: Library) -> None:
    prior = library.ranker.speaker_prior(analyze("戴雨森怎么看", library.index.vocab))
    said = [i for i, p in enumerate(library.passages) if p.speaker == "戴雨森" and p.kind == "answer"]
    others = [i for i, p in enumerate(library.passages) if p.speaker != "戴雨森"]
    assert said and all(prior[i] > 1 for i in said) and all(prior[i] == 1 for i in others)
    assert library.ranker.speaker_prior(analyze("数据质量", library.index.vocab)) == 1.0


def test_a_short_chinese_word_also_finds_longer_index_words() -> None:
    vocabulary = {"过热", "热度", "模型", "热"}
    query = analyze("太热", vocabulary)
    assert {"过热", "热度"} <= set(query.terms) and query.terms["过热"] < query.terms["热"]


def test_a_word_the_index_lacks_counts_by_its_known_parts() -> None:
    query = analyze("筹集资金", {"筹集", "资金"})
    assert query.terms["筹集"] == query.terms["资金"] > query.terms["集资"]


def test_hyphenated_german_words_are_judged_by_their_parts(library: Library) -> None:
    query = analyze("Lohnen sich KI-Investitionen?", library.index.vocab)
    whole = tokenize("KI-Investitionen", "de")[0]
    assert not any(whole in c for c in query.concepts)
    assert any(tokenize("Investitionen", "de")[0] in c for c in query.concepts)


def test_german_is_recognised_by_known_words_when_function_words_tie(library: Library) -> None:
    # "was" reads as English and "unter" as German: the index knows the German stem of Dateninnovation
    for question in ("Was versteht Gomez unter Dateninnovation?", "Dateninnovation"):
        query = analyze(question, library.index.vocab)
        assert query.language == "de" and tokenize("Dateninnovation", "de")[0] in query.terms
    assert analyze("What is data innovation?", library.index.vocab).language == "en"


def test_unknown_german_nouns_are_read_by_their_lemma() -> None:
    plural, singular = tokenize("Kinos", "de")[0], tokenize("Kino", "de")[0]
    assert plural != singular  # the stemmer leaves the -s after a vowel
    query = analyze("Wie viele Kinos gibt es?", {singular, "viel"})
    assert singular in query.terms and plural not in query.terms
    assert plural in analyze("Wie viele Kinos gibt es?", {"viel"}).terms  # a lemma nobody knows is no help


def test_verbs_are_not_lemmatised_into_nouns(library: Library) -> None:
    query = analyze("Wer hat die Fußball-Weltmeisterschaft 2014 gewonnen?", library.index.vocab)
    assert tokenize("Gewinn", "de")[0] not in query.terms
    assert answerer.answer(library, "Wer hat die Fußball-Weltmeisterschaft 2014 gewonnen?").status == "no_match"


def test_synonyms_stand_in_for_a_chinese_word_the_index_lacks() -> None:
    from retrieval.query import OOV_SYNONYM_WEIGHT, SYNONYM_WEIGHT, synonyms

    word, others = next((w, s) for w, s in synonyms().items() if len(s) == 1 and len(w) == 2)
    known = analyze(word, {word, others[0]})
    unknown = analyze(word, {others[0]})
    assert known.terms[others[0]] == pytest.approx(SYNONYM_WEIGHT)
    assert unknown.terms[others[0]] == pytest.approx(OOV_SYNONYM_WEIGHT)
    assert OOV_SYNONYM_WEIGHT > SYNONYM_WEIGHT


def test_glossary_rows_are_well_formed() -> None:
    from retrieval.tokenize import _read_lines

    rows = [line.split("\t") for line in _read_lines("glossary.tsv")]
    assert rows[0] == ["zh", "en", "de"]
    chinese = [r[0].strip() for r in rows[1:]]
    assert len(chinese) == len(set(chinese)), "a Chinese word has two rows"
    for cells in rows[1:]:
        assert 2 <= len(cells) <= 3 and cells[0].strip(), cells
        for col, lang in ((1, "en"), (2, "de")):
            for phrase in (cells[col].split(",") if col < len(cells) and cells[col].strip() else []):
                assert tokenize(phrase.strip(), lang), f"{cells[0]}: {phrase!r} is only stop words"


# -- the no-match gate and editorial priors (EXPERIMENTS.md, fifth round) --------------------------------
def test_a_passage_covering_the_whole_question_passes_at_a_lower_score(library: Library) -> None:
    from retrieval.gate import FULL_MATCH_SCORE, MIN_COVERAGE, MIN_SCORE

    query = analyze("技术的本质是什么", library.index.vocab)
    covers = [library.ranker.coverage(query, p) for p in library.passages]
    full = next(i for i, c in enumerate(covers) if c == 1.0)
    part = next(i for i, c in enumerate(covers) if MIN_COVERAGE <= c < 1.0)
    assert FULL_MATCH_SCORE < MIN_SCORE
    passes = library.ranker.passes
    assert passes(query, full, FULL_MATCH_SCORE) and not passes(query, full, FULL_MATCH_SCORE - 0.1)
    assert not passes(query, part, MIN_SCORE - 0.1) and passes(query, part, MIN_SCORE)


def test_the_gate_judges_the_reranked_results(library: Library) -> None:
    """Passages matching one name of the question score high but cover little of it: the gate looks at
    what is shown after reranking by coverage, not at the raw best three."""
    from retrieval.gate import GATE_DEPTH

    question = "what does yann lecun think of LLMs, per dai yusen"
    query = analyze(question, library.index.vocab)
    _, _, raw_best = library.ranker.candidates(query, GATE_DEPTH)
    assert not any(library.ranker.passes(query, d, s) for d, s in raw_best)  # judged before reranking: "no good match"
    reply = answerer.answer(library, question)
    assert reply.status == "ok"
    assert library.ranker.coverage(query, library.by_id[reply.quotes[0].passage_id]) > max(
        library.ranker.coverage(query, library.passages[d]) for d, _ in raw_best)


def test_a_one_word_question_needs_the_full_score(library: Library) -> None:
    """Any passage holding the one word covers all of a one-concept question: no lower bar for it."""
    from retrieval.gate import FULL_MATCH_SCORE, MIN_SCORE

    query = analyze("Wie alt bist du?", library.index.vocab)
    assert len(set(query.concepts)) == 1
    doc = next(i for i, p in enumerate(library.passages) if library.ranker.coverage(query, p) == 1.0)
    assert not library.ranker.passes(query, doc, (FULL_MATCH_SCORE + MIN_SCORE) / 2)


def test_editors_text_restating_no_answer_keeps_most_of_its_weight(library: Library) -> None:
    from retrieval.ranking import KIND_PRIOR, UNSOURCED_PRIOR

    seen = set()
    for i, p in enumerate(library.passages):
        if p.kind in KIND_PRIOR:
            sourced = library.ranker.source(i) is not None
            assert library.ranker.prior(i) == (KIND_PRIOR if sourced else UNSOURCED_PRIOR)[p.kind]
            assert library.ranker.prior(i) <= library.ranker.prior_bound[i]  # candidates are found by the bound
            seen.add((p.kind, sourced))
        else:
            assert library.ranker.prior(i) == library.ranker.prior_bound[i] == 1.0
    assert {("bullet", True), ("bullet", False), ("narrative", False)} <= seen
    assert all(UNSOURCED_PRIOR[k] > KIND_PRIOR[k] for k in KIND_PRIOR)


def test_candidates_are_ranked_by_their_true_prior(library: Library) -> None:
    query = analyze("Cohere 的估值是多少", library.index.vocab)
    raw, _, best = library.ranker.candidates(query, 20)
    assert [s for _, s in best] == sorted((s for _, s in best), reverse=True)
    for doc, score in best:
        assert score == pytest.approx(raw[doc] * library.ranker.prior(doc))


def test_english_words_in_a_chinese_question_are_translated(library: Library) -> None:
    query = analyze("为什么做 agent 模型厂商更有优势", library.index.vocab)
    assert query.language == "zh" and "智能体" in query.expanded
    assert any("智能体" in c and "agent" in c for c in query.concepts)
    assert "智能体" not in analyze("为什么模型厂商更有优势", library.index.vocab).terms


def test_which_year_questions_look_for_a_year() -> None:
    query = analyze("字节跳动是哪一年创办的")
    assert "年" in query.own and not {"哪一年", "一年", "哪一"} & set(query.terms)
    assert "哪一年" in tokenize("字节跳动是哪一年创办的")  # documents keep their words: only the question is read so


def test_english_phrases_in_a_chinese_question_stay_within_adjacent_words() -> None:
    assert "开源" in analyze("open source 模型").terms or "开源大模型" in analyze("open source 模型").terms
    assert not {"开源", "开源大模型"} & set(analyze("open 和 source 哪个重要").terms)


def test_a_real_word_is_not_corrected_into_a_name(library: Library) -> None:
    name = tokenize("Nick Frosst")[-1]
    assert name not in analyze("Wo sieht Dai Yusen die größten Chancen?", library.index.vocab).terms
    assert name in analyze("Was sagt Frossst über Cohere?", library.index.vocab).terms  # a misspelt name still is
    assert name in analyze("What does Nick Frost think about agents?", library.index.vocab).terms  # next to "Nick"
    assert name not in analyze("Frost on agents", library.index.vocab).terms


def test_a_misspelt_name_is_corrected_even_when_the_stemmer_cut_it(library: Library) -> None:
    assert tokenize("Gomes", "de") != tokenize("Gomez", "de")  # German stemming drops the -es
    assert tokenize("Gomez")[0] in analyze("Glaubt Gomes, dass Sprache wichtig wird?", library.index.vocab).terms
    # the typed form only finds names: "interne" (stem intern) is no typo of "internet"
    assert tokenize("interne", "de")[0] in analyze("Wie nutzen Firmen interne Daten?", library.index.vocab).own


def test_a_traditional_word_also_counts_as_written() -> None:
    """OpenCC's Taiwan reading turns 整合 into 集成; the articles say 整合, so both count, as one concept."""
    query = analyze("技術整合")
    assert {"集成", "整合"} <= set(query.terms)
    assert any({"集成", "整合"} <= c for c in query.concepts)


def test_taiwan_words_opencc_leaves_alone_reach_the_mainland_words() -> None:
    from retrieval.query import taiwan_to_mainland, taiwan_words

    table = taiwan_words()
    assert table and all(table.values())
    assert taiwan_to_mainland("網路") == "网络" and "互联网" in analyze("網路平台的贏家").terms
    assert "账户" in analyze("銀行帳戶").terms
    assert "互联网" not in analyze("网络安全").terms  # a simplified question is read as written


def test_score_ask_scores_through_the_cli(tmp_path: Path, library: Library) -> None:
    """tests/eval/score_ask.py: the checker's rule, through `interview-bot ask --json -`."""
    import shutil
    import subprocess
    import sys

    exe = shutil.which("interview-bot") or str(Path(sys.executable).parent / "interview-bot")
    p = next(p for p in library.passages if p.kind == "answer" and len(p.text) > 200 and "\n" not in p.text[:120])
    rows = [{"id": "x1", "lang": "zh", "question": p.text[:60], "answers": [p.text[5:25]]},
            {"id": "x2", "lang": "en", "question": "What's the weather in Paris tomorrow?", "answers": ["nowhere"]}]
    path = tmp_path / "q.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = subprocess.run([sys.executable, str(HERE / "score_ask.py"), str(path), exe], capture_output=True,
                         text=True, check=True, timeout=120).stdout
    assert "miss x2 [en]" in out and "miss x1" not in out
    assert "all      n=  2 hit@3=0.500" in out
