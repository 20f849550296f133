"""The roll-up's shared words are bounded: at most a dozen a client, each cut at a word."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import yaml

from belonging_cli.coaching.bundle import parse_bundle
from belonging_cli.coaching.client_view import MAX_CHARS, MAX_WORDS, shared_words, shorten
from belonging_cli.coaching.samples import sample_bundle

CORPUS = Path(__file__).resolve().parents[2] / "hostile" / "rollup2" / "long-words.yaml"
END = dt.date(2026, 11, 27)


def test_words_are_bounded_newest_first_and_cut_at_a_word() -> None:
    texts = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    data = sample_bundle("Long", 1, END)
    for n, rating in enumerate(data["ratings"]):
        for m, point in enumerate(rating["series"]):
            point["evidence"] = texts[(n + m) % len(texts)]
    bundle = parse_bundle(json.dumps(data).encode(), "long.json")
    words = shared_words(bundle, data["period"]["first_week"])
    assert len(words) == MAX_WORDS
    assert [w.week for w in words] == sorted((w.week for w in words), reverse=True)
    for word in words:
        assert len(word.text) <= MAX_CHARS
        assert "\n" not in word.text
        if word.text.endswith("\u2026"):  # a prefix of one text, cut at a space or mid-run
            assert any(" ".join(t.split()).startswith(word.text[:-1]) for t in texts)


def test_shorten_cuts_at_a_word_boundary() -> None:
    text = "word " * 100
    cut = shorten(text, 50)
    assert len(cut) <= 50 and cut.endswith("word\u2026")
    assert shorten("short") == "short"
