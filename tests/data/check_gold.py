#!/usr/bin/env python3
"""Checks a gold TSV against its documents and the evaluation vocabulary.

    python3 tests/data/check_gold.py tests/data/devset/gold.tsv tests/data/devset

Checks: 8 tab-separated columns with the header of GUIDELINES.md; `doc` is a
file of the folder; `relation` is a gold name of RELATIONS.md; polarity and
modality are in their vocabularies; `date` is ISO 8601 or an interval; the
evidence is a verbatim substring of the document; subject and object are an
English label of ontology/actors.ttl or an Arabic name (an actor the lexicon
does not list, named by its fullest form in the text) that occurs in the
document. Exit status 1 with one line per problem.
"""
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def vocab():
    rel = set(re.findall(r"^\| ([a-z-]+) \|", (ROOT / "tests/data/eval/RELATIONS.md").read_text(), re.M))
    rel.discard("gold")
    labels = set(re.findall(r'rdfs:label "([^"]+)"@en', (ROOT / "ontology/actors.ttl").read_text()))
    for line in (ROOT / "tests/data/eval/actors.tsv").read_text().splitlines()[1:]:
        labels.add(line.split("\t")[0])
    return rel, labels


def unquote(f):
    f = f.strip()
    if len(f) >= 2 and f[0] == '"' and f[-1] == '"':
        return f[1:-1].replace('""', '"')
    return f


def main():
    gold, folder = Path(sys.argv[1]), Path(sys.argv[2])
    rel, labels = vocab()
    date = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?)?$")
    arabic = re.compile(r"[\u0600-\u06FF]")
    problems = []
    lines = gold.read_text(encoding="utf-8").splitlines()
    if lines[0].split("\t") != ["doc", "subject", "relation", "object", "polarity", "modality", "date", "evidence"]:
        problems.append("line 1: header differs from GUIDELINES.md")
    for n, line in enumerate(lines[1:], start=2):
        cols = line.split("\t")
        if len(cols) != 8:
            problems.append(f"line {n}: {len(cols)} columns, want 8")
            continue
        doc, s, r, o, pol, mod, d, ev = cols
        path = folder / doc
        if not path.is_file():
            problems.append(f"line {n}: no document {path}")
            continue
        text = path.read_text(encoding="utf-8")
        if r not in rel:
            problems.append(f"line {n}: relation {r!r} is not in RELATIONS.md")
        if pol not in ("pos", "neg"):
            problems.append(f"line {n}: polarity {pol!r}")
        if mod not in ("asserted", "reported", "hedged"):
            problems.append(f"line {n}: modality {mod!r}")
        if not date.match(d):
            problems.append(f"line {n}: date {d!r}")
        if unquote(ev) not in text:
            problems.append(f"line {n}: evidence is not a verbatim substring of {doc}")
        for name in (s, o):
            if name in labels:
                continue
            if arabic.search(name):
                if name not in text:
                    problems.append(f"line {n}: Arabic name {name!r} does not occur in {doc}")
            else:
                problems.append(f"line {n}: {name!r} is neither an English label of ontology/actors.ttl nor Arabic")
    for p in problems:
        print(p)
    print(f"{len(lines) - 1} rows, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
