#!/usr/bin/env python3
"""Development rows per construction class, and how many extraction recovers.

    python3 scripts/construction_coverage.py tests/data/devset/gold.tsv tests/data/devset

Runs `actorgraph eval --json` (target/release/actorgraph, else target/debug,
else `cargo run --release`), then sorts every gold row into the construction
classes of issue 15 by cues in its evidence (a row may be in several; the
cues are the words that mark the construction, listed below), and prints, per
class, the rows it covers and the rows found. For the development set only:
the blind set is never opened, and this script prints evidence of misses
with --misses CLASS only.
"""
import json
import os
import re
import subprocess
import sys

CLASSES = [
    ("titles and appositions", ["relation:leads", "relation:member-of"], r"(وزير|رئيس|زعيم|قائد|أمير|المتحدث|الناطق|مؤسس|العقيد|الجنرال|النقيب|المشير)"),
    ("membership and composition", ["relation:member-of"], r"(تضم|يضم|تتألف|يتألف|يتكون|تتكون|أعضاء|عضو|من بين|هي مالي|انضم)"),
    ("verbal nouns in side clauses", [], r"(بالتوازي مع|لمساندة|لدعم|مثل استعادة|بعد انسحاب|عقب|إثر)"),
    ("result clauses and casualties", ["relation:killed"], r"(أسفر|أودى|خسائر في صفوف|على أيدي|على يد|القضاء على|مقتل|قتل)"),
    ("nominal sentences and copulas", [], r"(\bوهي\b|\bوهو\b|\bهي\b|\bهو\b|تعد|يعد|تعتبر|يعتبر)"),
    ("stationing and presence", ["relation:deployed-to", "relation:operates-in"], r"(متمركز|يتمركز|تتمركز|قاعدة|قواعد|ينتشر|تنتشر|منتشر|وجود|تواجد)"),
    ("succession and renaming", ["relation:succeeded-by", "relation:merged-into"], r"(محل|تحول|أعيدت تسمية|خلف|خلفت|بديل|حل)"),
    ("ends of relationships", [], r"(إنهاء|تعليق|فك|إلغاء|قطع|انسحاب|الانسحاب|خروج|مغادرة)"),
    ("coordination", [], r"\S+ و\S+ و\S+|، و"),
]


def actorgraph():
    built = [p for p in ("target/release/actorgraph", "target/debug/actorgraph") if os.path.exists(p)]
    if built:
        return [max(built, key=os.path.getmtime)]
    return ["cargo", "run", "--release", "--quiet", "--"]


def main():
    gold, docs = sys.argv[1], sys.argv[2]
    if "blind" in docs:
        sys.exit("the blind set is reported only by `actorgraph eval --summary`")
    misses_of = sys.argv[sys.argv.index("--misses") + 1] if "--misses" in sys.argv else None
    out = subprocess.run(actorgraph() + ["eval", "--json", "--gold", gold, docs], capture_output=True, text=True, check=False)
    if not out.stdout.strip():
        sys.exit(f"actorgraph eval failed: {out.stderr}")
    report = json.loads(out.stdout)
    missed = {(m["doc"], m["subject"], m["relation"], m["object"]) for m in report["misses"]}
    rows = []
    with open(gold, encoding="utf-8") as f:
        next(f)
        for line in f:
            doc, s, r, o, _pol, _mod, _date, ev = line.rstrip("\n").split("\t")
            rows.append((doc, s, r, o, ev))
    print(f"{'class':34} {'rows':>5} {'found':>6} {'recall':>7}")
    for name, rels, cue in CLASSES:
        pat = re.compile(cue)
        want = {x.split(":")[1] for x in rels}
        covered = [x for x in rows if pat.search(x[4]) and (not want or x[2] in want)]
        found = [x for x in covered if x[:4] not in missed]
        rate = len(found) / len(covered) if covered else 0.0
        print(f"{name:34} {len(covered):>5} {len(found):>6} {rate:>7.3f}")
        if misses_of == name:
            for x in covered:
                if x[:4] in missed:
                    print("   ", x[0], x[1], x[2], x[3], "|", x[4][:120])
    print(f"{'all rows':34} {len(rows):>5} {len(rows) - len(missed):>6} {1 - len(missed) / len(rows):>7.3f}")


if __name__ == "__main__":
    main()
