#!/usr/bin/env python3
"""PDF text extracts against the UN's Akoma Ntoso files (dev-time check, not run by the tests).

The closest stand-in for issue 12's "PDF text extracts of sessions 74-79, each against its AKN
file": for a sample of AKN files of ../shared/corpus/unga-akn/en/74..79 (a fixed-seed draw plus
files of known hard shapes), each file is read by lineage (`parse --format json`), rendered as a
UN-style PDF with the layout of scripts/fixtures/make-pdf-fixtures.py (masthead, running heads,
footers n/N, footnotes at the foot of the page, hyphenation at line ends), the PDF's text is
extracted with poppler's `pdftotext` (plain, and with -layout), and lineage reads the extract
(.txt) and the PDF itself. Each reading is compared with the AKN reading: symbol, adopted date,
meeting, operative count, footnote count, and the paragraphs' texts word for word.

Writes only under --out (default: a fresh temporary folder); never copies shared files into the
project. Needs reportlab (PyPI), poppler-utils (Debian: pdftotext) and a built `lineage`.

    scripts/checks/pdf-vs-akn.py [--lineage .build/debug/lineage] [--sample 80] [--seed 12]
                                 [--out DIR] [--verbose]
"""

import argparse
import difflib
import importlib.util
import json
import os
import random
import re
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "corpus", "unga-akn", "en"))
SESSIONS = range(74, 80)
# Files of shapes known to be hard, found by their content (never by name): a silence
# procedure, parts A and B in one file, annexes or declarations, long lists, recorded votes,
# corrigenda. Up to this many of each shape join the seeded draw.
HARD_PER_SHAPE = 4
HARD_SHAPES = {
    "silence procedure": re.compile(r"silence procedure", re.I),
    "parts A and B": re.compile(r"<(?:\w+:)?(?:part|hcontainer)[^>]*name=\"part\"|>\s*B\s*<", re.I),
    "annex": re.compile(r"<(?:\w+:)?attachment\b|name=\"annex\"", re.I),
    "long list": re.compile(r"(?:<(?:\w+:)?point\b.*?){12}", re.S),
    "recorded vote": re.compile(r"recorded vote", re.I),
    "corrigendum": re.compile(r"[Cc]orr\.\s*\d|corrigend", re.I),
}


def load_renderer():
    path = os.path.join(ROOT, "scripts", "fixtures", "make-pdf-fixtures.py")
    spec = importlib.util.spec_from_file_location("make_pdf_fixtures", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sample_files(count, seed):
    files = sorted(os.path.join(SHARED, str(s), f) for s in SESSIONS if os.path.isdir(os.path.join(SHARED, str(s)))
                   for f in os.listdir(os.path.join(SHARED, str(s))) if f.endswith(".xml"))
    rng = random.Random(seed)
    chosen = {f: "seeded" for f in rng.sample(files, min(count, len(files)))}
    shuffled = files[:]
    rng.shuffle(shuffled)
    for shape, pattern in HARD_SHAPES.items():
        found = 0
        for f in shuffled:
            if found >= HARD_PER_SHAPE:
                break
            with open(f, encoding="utf-8", errors="replace") as h:
                if pattern.search(h.read()):
                    if f not in chosen:
                        chosen[f] = shape
                    found += 1
    return chosen


def lineage_json(lineage, path):
    run = subprocess.run([lineage, "parse", "--format", "json", path], capture_output=True, text=True)
    if run.returncode != 0:
        return None, run.stderr.strip().splitlines()[-1] if run.stderr.strip() else f"exit {run.returncode}"
    return json.loads(run.stdout), None


def render_doc(renderer, doc, path):
    """The renderer's layout, with labels of nested items ("1.5") printed with their full stop and
    the annexes set after the meeting lines (heading, title, paragraphs)."""
    doc = json.loads(json.dumps(doc))
    for p in doc["paragraphs"]:
        if p.get("label") and re.fullmatch(r"\d+(?:\.\d+)+", p["label"]):
            p["label"] += "."
        if p["kind"] == "operative" and p.get("label") is None:
            p["kind"] = "unnumbered"  # the renderer numbers every operative paragraph
    # reportlab's standard fonts have no glyph for a non-breaking hyphen (U+2011): printed as
    # the hyphen it looks like, as a word processor's PDF often does.
    for p in doc["paragraphs"]:
        p["text"] = p["text"].replace("\u2011", "-")
    for f in doc["footnotes"]:
        f["text"] = f["text"].replace("\u2011", "-")
    layout = renderer.layout

    def with_annexes(d):
        lines = layout(d)
        R = renderer
        for annex in d.get("annexes") or []:
            for k, text in enumerate([annex.get("heading"), annex.get("title")]):
                if text:
                    lines.append(R.Line([R.Token(w) for w in text.split(" ")], R.LEFT + R.INDENT, R.WIDTH, False,
                                        R.PARA_GAP * (3 if k == 0 else 1)))
            for text in annex.get("paragraphs") or []:
                toks = [R.Token(w) for w in text.split(" ") if w]
                if not toks:
                    continue
                for j, (t, x, w, last) in enumerate(R.break_lines(toks, R.LEFT + R.INDENT, R.LEFT, R.BODY[1], text, True)):
                    line = R.Line(t, x, w, not last, R.PARA_GAP if j == 0 else 0.0)
                    line.paragraph_start = j == 0
                    lines.append(line)
        return lines

    renderer.layout = with_annexes
    try:
        renderer.render(doc, path)
    finally:
        renderer.layout = layout


def words(text):
    # A non-breaking hyphen reads as a hyphen (see render_doc): the comparison is otherwise strict.
    return " ".join(text.replace("\u2011", "-").split())


def compare(akn, other):
    """Field differences and the share of the AKN reading's paragraphs found word for word, in order."""
    faults = []
    for field in ("symbol", "adopted", "meeting"):
        if akn.get(field) != other.get(field):
            faults.append(f"{field} {akn.get(field)!r} vs {other.get(field)!r}")
    count = lambda d, kind: sum(1 for p in d["paragraphs"] if p["kind"] == kind)
    if count(akn, "operative") != count(other, "operative"):
        faults.append(f"operative {count(akn, 'operative')} vs {count(other, 'operative')}")
    if len(akn["footnotes"]) != len(other["footnotes"]):
        faults.append(f"footnotes {len(akn['footnotes'])} vs {len(other['footnotes'])}")
    a = [words(p["text"]) for p in akn["paragraphs"]]
    b = [words(p["text"]) for p in other["paragraphs"]]
    same = sum(block.size for block in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    missing = [t for t in a if t not in b]
    return faults, same, len(a), missing


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lineage", default=os.path.join(ROOT, ".build", "debug", "lineage"))
    parser.add_argument("--sample", type=int, default=80)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--out", default=None)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    if not os.path.isdir(SHARED):
        sys.exit(f"pdf-vs-akn: {SHARED} is absent; nothing checked")
    out = args.out or tempfile.mkdtemp(prefix="pdf-vs-akn-")
    os.makedirs(out, exist_ok=True)
    renderer = load_renderer()
    chosen = sample_files(args.sample, args.seed)
    ways = ["pdftotext", "pdftotext -layout", "PDF reader"]
    tally = {w: dict(read=0, refused=[], exact=0, good=0, same=0, total=0, faults=[]) for w in ways}
    akn_refused = []
    for f, why in sorted(chosen.items()):
        name = os.path.basename(f)[:-4]
        akn, error = lineage_json(args.lineage, f)
        if akn is None:
            akn_refused.append((name, error))
            continue
        pdf = os.path.join(out, name + ".pdf")
        try:
            render_doc(renderer, akn, pdf)
        except Exception as e:  # a shape the renderer cannot lay out is reported, not hidden
            akn_refused.append((name, f"not rendered: {e}"))
            continue
        for way in ways:
            if way == "PDF reader":
                target = pdf
            else:
                target = os.path.join(out, name + (".layout" if "layout" in way else "") + ".txt")
                subprocess.run(way.split() + [pdf, target], check=True)
            other, error = lineage_json(args.lineage, target)
            t = tally[way]
            if other is None:
                t["refused"].append((name, why, error))
                continue
            faults, same, total, missing = compare(akn, other)
            t["read"] += 1
            t["same"] += same
            t["total"] += total
            share = same / total if total else 1.0
            if not faults and share >= 0.98:
                t["good"] += 1
            if not faults and same == total == len(other["paragraphs"]):
                t["exact"] += 1
            if faults or share < 1.0:
                t["faults"].append((name, why, faults, share, missing))
    print(f"sample: {len(chosen)} AKN files of sessions 74-79 (seed {args.seed}, {args.sample} drawn + hard shapes); out: {out}")
    for name, error in akn_refused:
        print(f"  AKN not read: {name}: {error}")
    for way in ways:
        t = tally[way]
        share = t["same"] / t["total"] if t["total"] else 0.0
        print(f"{way}: read {t['read']}, refused {len(t['refused'])}; fields right and >= 98% paragraphs "
              f"identical: {t['good']}; all identical: {t['exact']}; paragraphs identical {t['same']}/{t['total']} "
              f"({100 * share:.1f}%)")
        for name, why, error in t["refused"]:
            print(f"  refused {name} [{why}]: {error}")
        if args.verbose:
            for name, why, faults, share, missing in t["faults"]:
                print(f"  {name} [{why}] {100 * share:.1f}% {'; '.join(faults)}")
                for m in missing[:3]:
                    print(f"      AKN paragraph not found: {m[:160]}")


if __name__ == "__main__":
    main()
