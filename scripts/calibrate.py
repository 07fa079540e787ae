#!/usr/bin/env python3
"""Refit the confidence lookup (src/engine/confidence.rs) on real news and measure it.

    scripts/calibrate.py            build, run, label, fit, print the reliability tables + ECE
    scripts/calibrate.py --write    ... and rewrite the fitted tables in src/engine/confidence.rs
    options: --no-build (use target/release/claimlens as it is), --emit-rust (print the tables),
             --polnear DIR (default $POLNEAR or /work/.mirror/networkdynamics+PolNeAR/repo),
             --shared DIR (default ../shared), --prior M (pseudo-counts, default 10),
             --verbose (per-bucket accuracy)

Data, read where it lies (nothing is copied into the project):
  fit         PolNeAR train (English) + the even-numbered files of ../shared/corpus/real-nl
              (sorted by file name, counted from 0: files 0, 2, 4, ..., 28)
  held apart  PolNeAR dev + the odd-numbered files of real-nl (1, 3, ..., 29)
PolNeAR's test split is never read.

Labels (docs/calibration.md):
  PolNeAR statement: matched to a gold attribution by evaluate.py's primary rule (greedy one-to-one,
    word-token F1 >= 0.5, no piece merging) and its source right by evaluate.py's head rule (gold
    source's last word or core head, as a whole word in the predicted source text or resolved;
    gold without source: right only when none is predicted). A statement left unmatched that is a
    piece of a matched attribution (at least half of its word tokens inside that gold content, the
    rule of evaluate.py's pieces-merged mode: PolNeAR makes `“A,” she said, “B.”` and the quote
    paragraphs that continue it one attribution) is right when its own source is right against
    that gold. Any other unmatched statement = wrong (--strict: pieces too). Statements with no
    word token in their content are skipped, as evaluate.py skips them. PolNeAR quantities are not
    annotated: not labelled.
  real-nl statement: the best match of a gold statement by score.py's rule (most of its keys inside
    the content, first such prediction), required or optional, and its source right by score.py's
    rule (every source word in `resolved` + `text`, no `not_source` word) for every gold statement
    it is the match of. Unmatched = wrong.
  real-nl quantity: overlaps a gold quantity (the first one in file order, required or optional),
    its bounds within the gold's `low`/`high` (and `approximate` where the gold gives it), and its
    source right by score.py's quantity rule. Overlapping nothing, or a `not_quantities` entry =
    wrong.

Model (what confidence.rs computes; this script and the Rust must stay in step):
  statement: bucket = the claim's reason set, one table per language. Shrinkage down a tree: all
    statements -> source kind -> (cue kind, source kind) -> reason set; each node is
    (right + M * parent) / (count + M). Dutch (some 75 fit statements) has no tree of its own
    above the pairs: each Dutch pair shrinks toward the English pair.
    The Rust keeps one value per (cue kind, source kind) pair (all 18) and one per reason set
    seen >= MIN_SET times in the fit data; any other set falls back to its pair.
  quantity alone (no statement around it): per form (digits, number words, vague), shrunk toward
    all lone quantities. Inside a statement: a per-form factor times the statement's confidence,
    factor = (right + M * pooled) / (sum of statement confidences + M) with pooled = all forms'
    right / all forms' statement confidence. An ordinal is capped (a prior, not fitted).
ECE: 10 equal-width confidence bins, sum over bins of count/N * |mean confidence - accuracy|.
"""
import argparse
import glob
import json
import os
import random
import re
import subprocess
import sys
from collections import defaultdict

sys.dont_write_bytecode = True
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIN_SET = 5
BINS = 10

CUES = ["explicit cue", "no cue: continues previous speaker", "no cue"]
SOURCES = ["named source", "described source", "resolved description", "resolved pronoun",
           "unresolved pronoun", "no source"]
FORMS = ["digits", "number words", "vague quantity"]
LANGS = ["en", "nl"]
# The wire codes and the Rust names of the reasons (src/engine/types.rs).
RUST = {
    "explicit cue": "ExplicitCue", "no cue: continues previous speaker": "ContinuesSpeaker",
    "no cue": "NoCue", "digits": "Digits", "number words": "NumberWords",
    "vague quantity": "VagueQuantity", "named source": "NamedSource",
    "described source": "DescribedSource", "resolved description": "ResolvedDescription",
    "resolved pronoun": "ResolvedPronoun", "unresolved pronoun": "UnresolvedPronoun",
    "source from statement": "SourceFromStatement", "no source": "NoSource",
    "antecedent far back": "AntecedentFarBack", "competing candidates": "CompetingCandidates",
    "direct quote": "DirectQuote", "hedged": "Hedged", "approximate": "Approximate",
    "ordinal": "Ordinal",
}
ORDER = list(RUST)          # reading order (Reason::ALL)


# --- running the engine ------------------------------------------------------------------------
def run(binary, rows):
    feed = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    p = subprocess.run([binary, "extract", "--jsonl"], input=feed.encode(), capture_output=True)
    if p.returncode != 0:
        sys.exit(f"claimlens failed ({p.returncode}): {p.stderr.decode(errors='replace')[-2000:]}")
    out = {}
    for line in p.stdout.decode().splitlines():
        if line.strip():
            d = json.loads(line)
            out[d["id"]] = d
    return out


def key(reasons):
    return tuple(sorted(reasons, key=ORDER.index))


def example(c, ok, corpus, claims, lang):
    ex = {"corpus": corpus, "lang": lang, "kind": c["kind"], "reasons": key(c.get("reasons") or []),
          "conf": c["confidence"], "ok": bool(ok)}
    if c["kind"] == "quantity" and "source from statement" in ex["reasons"]:
        s = enclosing(c, claims)
        ex["stmt"] = key(s.get("reasons") or []) if s else None
        ex["stmt_conf"] = s["confidence"] if s else None
    return ex


def enclosing(q, claims):
    """The statement a quantity took its source from (src/engine/mod.rs): the innermost one whose
    content holds it, else one whose span holds it after its cue; same source and cue."""
    same = [s for s in claims if s["kind"] == "statement" and s.get("source") == q.get("source")
            and s.get("cue") == q.get("cue")]
    inner = [s for s in same if s["content"]["start"] <= q["start"] and q["end"] <= s["content"]["end"]]
    if inner:
        return max(inner, key=lambda s: s["content"]["start"])
    around = [s for s in same if s["start"] <= q["start"] and q["end"] <= s["end"]]
    return around[-1] if around else None


# --- labels: PolNeAR (mirrors evaluate.py) -------------------------------------------------------
def polnear_examples(binary, polnear, split, tools, strict=False):
    if split == "test":
        sys.exit("PolNeAR's test split is reserved for independent measurement")
    sys.path.insert(0, os.path.join(tools, "polnear"))
    import convert
    import evaluate as ev
    gold = convert.load_split(polnear, split)
    preds = run(binary, [{"id": d["id"], "lang": "en", "text": d["text"]} for d in gold["documents"]])
    preds = {k: v.get("claims") or [] for k, v in preds.items()}
    out = []
    for d in gold["documents"]:
        doc = ev.Doc(d["text"])
        golds = []
        for a in d["attributions"]:
            g = dict(a)
            g["tok"] = doc.tokens(a["content"])
            golds.append(g)
        claims = preds.get(d["id"], [])
        ps, raw = [], []
        for c in claims:
            if c.get("kind") != "statement":
                continue
            p = ev.normalize_pred(c)
            p["tok"] = doc.tokens(p["content"])
            if not p["tok"]:
                continue
            ps.append(p)
            raw.append(c)
        m = ev.match(ps, golds, ev.PRIMARY)
        right = {pi: ev.source_verdict(ps[pi], golds[gi])[0] for gi, pi in m.items()}
        # A piece (`“A,” she said, “B.”` is one PolNeAR attribution, two statements here): at
        # least half of its tokens inside a gold content that another statement matched, as
        # evaluate.py's pieces-merged mode groups them. Right when its own source is right.
        for pi, p in enumerate(ps):
            if strict or pi in right:
                continue
            gi = next((gi for gi in m if len(p["tok"] & golds[gi]["tok"]) >= 0.5 * len(p["tok"])),
                      None)
            if gi is not None:
                right[pi] = ev.source_verdict(p, golds[gi])[0]
        for pi, c in enumerate(raw):
            out.append(example(c, right.get(pi, False), f"polnear-{split}", claims, "en"))
    return out


# --- labels: real-nl (mirrors score.py) ----------------------------------------------------------
def realnl_examples(binary, files, tools, corpus):
    sys.path.insert(0, tools)
    import score as sc
    rows, docs = [], {}
    for f in files:
        gold = json.load(open(f, encoding="utf-8"))
        text = open(os.path.join(os.path.dirname(f), gold["doc"]), encoding="utf-8").read()
        name = os.path.basename(f)
        rows.append({"id": name, "lang": gold.get("lang"), "text": text})
        docs[name] = (gold, text)
    preds = run(binary, rows)
    out = []
    for name, (gold, text) in docs.items():
        claims = preds[name]["claims"]
        lang = preds[name]["lang"]
        qs = [c for c in claims if c["kind"] == "quantity"]
        sts = [c for c in claims if c["kind"] == "statement"]
        q_ok = {}
        for g in gold.get("not_quantities", []):
            a, b = sc.span_of(text, g["context"], g["anchor"])
            for i, q in enumerate(qs):
                if sc.overlaps(q["start"], q["end"], a, b):
                    q_ok.setdefault(i, False)
        for g in gold.get("quantities", []):
            a, b = sc.span_of(text, g["context"], g["anchor"])
            for i, q in enumerate(qs):
                if i in q_ok or not sc.overlaps(q["start"], q["end"], a, b):
                    continue
                lo, hi = sc.bounds(q)
                ok = sc.in_range(lo, g["low"]) and sc.in_range(hi, g["high"])
                if "approximate" in g:
                    ok = ok and bool(q.get("approximate")) == g["approximate"]
                want, got = g.get("source"), sc.source_text(q)
                q_ok[i] = ok and ((want is None and not got) or bool(want and sc.has_words(got, want)))
        s_ok = {}
        for g in gold.get("statements", []):
            keys = [sc.span_of(text, k, k) for k in g["keys"]]
            best, best_cov = None, 0
            for i, s in enumerate(sts):
                c = s.get("content") or s
                cov = sum(1 for a, b in keys if c["start"] <= a and b <= c["end"])
                if cov > best_cov:
                    best, best_cov = i, cov
            if best is None:
                continue
            got = sc.source_text(sts[best])
            ok = sc.has_words(got, g["source"]) and not any(
                w.lower() in got.lower() for w in g.get("not_source", []))
            s_ok[best] = s_ok.get(best, True) and ok
        for i, q in enumerate(qs):
            out.append(example(q, q_ok.get(i, False), corpus, claims, lang))
        for i, s in enumerate(sts):
            out.append(example(s, s_ok.get(i, False), corpus, claims, lang))
    return out


# --- the model -----------------------------------------------------------------------------------
def cue_of(r):
    return next((x for x in CUES if x in r), "no cue")


def source_of(r):
    return next((x for x in SOURCES if x in r), "no source")


def form_of(r):
    return next((x for x in FORMS if x in r), "digits")


def shrink(right, n, parent, m):
    return (right + m * parent) / (n + m)


def fit_statements(st, m, prior=None):
    """prior: another language's table; when given, each (cue, source) pair shrinks toward that
    table's pair instead of toward this language's source kind."""
    tot = sum(e["ok"] for e in st) / len(st)
    by_src, by_pair, by_set = (defaultdict(lambda: [0, 0]) for _ in range(3))
    for e in st:
        r = e["reasons"]
        for d, k in ((by_src, source_of(r)), (by_pair, (cue_of(r), source_of(r))), (by_set, r)):
            d[k][0] += e["ok"]
            d[k][1] += 1
    src = {s: shrink(*by_src[s], tot, m) for s in SOURCES}
    pair = {(c, s): shrink(*by_pair[c, s], prior["pair"][c, s] if prior else src[s], m)
            for c in CUES for s in SOURCES}
    sets = {k: shrink(r, n, pair[cue_of(k), source_of(k)], m)
            for k, (r, n) in by_set.items() if n >= MIN_SET}
    return {"total": tot, "n": len(st), "pair": pair, "sets": sets,
            "counts": {"pair": dict(by_pair), "set": dict(by_set)}}


def fit(exs, m):
    """One statement table per language (the engine's accuracy, and how strictly each corpus
    labels it, differ by language), one set of quantity constants (only real-nl labels them)."""
    model = {"m": m}
    st = [e for e in exs if e["kind"] == "statement"]
    model["en"] = fit_statements([e for e in st if e["lang"] == "en"], m)
    # Dutch has some 75 fit statements, too few for a tree of its own (a branch with no error
    # in it climbs to 0.999): its pairs borrow PolNeAR's as their prior.
    model["nl"] = fit_statements([e for e in st if e["lang"] == "nl"], m, model["en"])
    qs = [e for e in exs if e["kind"] == "quantity"]
    alone = [e for e in qs if "source from statement" not in e["reasons"]]
    inside = [e for e in qs if "source from statement" in e["reasons"]]
    a_tot = sum(e["ok"] for e in alone) / max(1, len(alone))
    model["alone"], model["value"], model["qcounts"] = {}, {}, {}
    for f in FORMS:
        es = [e for e in alone if form_of(e["reasons"]) == f]
        model["alone"][f] = shrink(sum(e["ok"] for e in es), len(es), a_tot, m)
        model["qcounts"][f, "alone"] = (sum(e["ok"] for e in es), len(es))
    pooled = sum(e["ok"] for e in inside) / max(1e-9, sum(enclosing_conf(model, e) for e in inside))
    for f in FORMS:
        es = [e for e in inside if form_of(e["reasons"]) == f]
        model["value"][f] = shrink(sum(e["ok"] for e in es),
                                   sum(enclosing_conf(model, e) for e in es), pooled, m)
        model["qcounts"][f, "inside"] = (sum(e["ok"] for e in es), len(es))
    return model


def enclosing_conf(model, e):
    t = model[e["lang"]]
    return statement_conf(t, e["stmt"]) if e["stmt"] else t["total"]


ORDINAL_CAP = 0.55


def statement_conf(t, r):
    """t: one language's statement tables; r: the reason set."""
    c = t["sets"].get(r)
    if c is None:
        c = t["pair"][cue_of(r), source_of(r)]
    return min(1.0, max(0.0, round(c, 3)))


def predict(model, e):
    r = e["reasons"]
    if e["kind"] == "statement":
        c = statement_conf(model[e["lang"]], r)
    else:
        f = form_of(r)
        if "source from statement" in r:
            c = round(model["value"][f], 3) * enclosing_conf(model, e)
        else:
            c = round(model["alone"][f], 3)
        if "ordinal" in r:
            c = min(c, ORDINAL_CAP)
    return min(1.0, max(0.0, c))


# --- reliability ---------------------------------------------------------------------------------
def reliability(pairs):
    """pairs: [(confidence, ok)] -> (rows, ece); rows: (bin, count, mean conf, accuracy)."""
    bins = [[0, 0.0, 0] for _ in range(BINS)]
    for c, ok in pairs:
        b = min(BINS - 1, int(c * BINS))
        bins[b][0] += 1
        bins[b][1] += c
        bins[b][2] += ok
    n = len(pairs)
    rows, ece = [], 0.0
    for b, (k, s, r) in enumerate(bins):
        if k:
            rows.append((b, k, s / k, r / k))
            ece += k / n * abs(s / k - r / k)
    return rows, ece


def noise_floor(pairs, runs=300):
    """The mean ECE of labels drawn at random with exactly the given confidences: what a perfectly
    calibrated lookup would still show on this many claims (small sets have a large floor)."""
    rng = random.Random(14)
    return sum(reliability([(c, rng.random() < c) for c, _ in pairs])[1]
               for _ in range(runs)) / runs


def print_table(title, pairs):
    rows, ece = reliability(pairs)
    acc = sum(ok for _, ok in pairs) / max(1, len(pairs))
    mean = sum(c for c, _ in pairs) / max(1, len(pairs))
    print(f"\n{title}: {len(pairs)} claims, accuracy {acc:.3f}, mean confidence {mean:.3f},"
          f" ECE {ece:.4f} (noise floor {noise_floor(pairs):.4f})")
    print("| bin | count | mean confidence | accuracy |")
    print("| --- | ---: | ---: | ---: |")
    for b, k, c, a in rows:
        print(f"| {b / BINS:.1f}–{(b + 1) / BINS:.1f} | {k} | {c:.3f} | {a:.3f} |")
    return ece


# --- Rust ----------------------------------------------------------------------------------------
def rust(model):
    lines = ["// BEGIN fitted by scripts/calibrate.py (do not edit by hand: rerun it with --write)",
             f"// Prior strength {model['m']:g} pseudo-counts; fit data: PolNeAR train (en),"
             " the even-numbered real-nl files (nl)."]
    for lang in LANGS:
        t = model[lang]
        cp, cs = t["counts"]["pair"], t["counts"]["set"]
        right = sum(r for r, _ in cp.values())
        lines += [f"/// {lang}: {right} of {t['n']} statements right in the fit data"
                  f" ({t['total']:.3f}); after each entry, right of count in its bucket.",
                  f"const {lang.upper()}: Table = Table {{", "    pairs: &["]
        for (c, s), v in t["pair"].items():
            r, n = cp.get((c, s), (0, 0))
            lines.append(f"        (R::{RUST[c]}, R::{RUST[s]}, {v:.3f}), // {r} of {n}")
        lines += ["    ],", "    sets: &["]
        for k, v in sorted(t["sets"].items(), key=lambda kv: -cs[kv[0]][1]):
            r, n = cs[k]
            names = ", ".join("R::" + RUST[x] for x in k)
            lines.append(f"        (&[{names}], {v:.3f}), // {r} of {n}")
        lines += ["    ],", "};"]
    lines.append("/// Quantities (real-nl, both languages): lone ones per form, right of count.")
    for f, name in zip(FORMS, ["DIGITS", "WORDS", "VAGUE"]):
        r, n = model["qcounts"][f, "alone"]
        lines.append(f"const {name}_ALONE: f32 = {model['alone'][f]:.3f}; // {r} of {n}")
    lines.append("/// Inside a statement: factor × the statement's confidence (right of count).")
    for f, name in zip(FORMS, ["DIGITS", "WORDS", "VAGUE"]):
        r, n = model["qcounts"][f, "inside"]
        lines.append(f"const {name}_VALUE: f32 = {model['value'][f]:.3f}; // {r} of {n}")
    lines.append("// END fitted")
    return "\n".join(lines) + "\n"


def write_rust(model):
    path = os.path.join(ROOT, "src/engine/confidence.rs")
    src = open(path, encoding="utf-8").read()
    new, k = re.subn(r"// BEGIN fitted.*?// END fitted\n", lambda _: rust(model), src, flags=re.S)
    if k != 1:
        sys.exit("confidence.rs has no `// BEGIN fitted` … `// END fitted` block")
    open(path, "w", encoding="utf-8").write(new)
    subprocess.run(["rustfmt", "--edition", "2024", path], check=True)
    print(f"\nwrote the fitted tables into {os.path.relpath(path)}; rebuild and rerun to check")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("--polnear", default=os.environ.get(
        "POLNEAR", "/work/.mirror/networkdynamics+PolNeAR/repo"))
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--prior", type=float, default=10.0)
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--emit-rust", action="store_true")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--strict", action="store_true", help="a check, never for --write: PolNeAR"
                    " pieces of a matched attribution count as wrong")
    ap.add_argument("--swap-nl", action="store_true", help="a check, never for --write: fit on the"
                    " odd-numbered real-nl files and hold apart the even ones")
    a = ap.parse_args()
    binary = os.path.join(ROOT, "target/release/claimlens")
    if not a.no_build:
        subprocess.run(["cargo", "build", "--quiet", "--release", "--bin", "claimlens"],
                       cwd=ROOT, check=True)
    tools = os.path.join(a.shared, "tools")
    nl = sorted(glob.glob(os.path.join(a.shared, "corpus/real-nl/*.gold.json")))
    if len(nl) != 30:
        print(f"warning: {len(nl)} real-nl files, expected 30", file=sys.stderr)
    sets = {
        "polnear-train": polnear_examples(binary, a.polnear, "train", tools, a.strict),
        "polnear-dev": polnear_examples(binary, a.polnear, "dev", tools, a.strict),
        "real-nl-even": realnl_examples(binary, nl[0::2], tools, "real-nl-even"),
        "real-nl-odd": realnl_examples(binary, nl[1::2], tools, "real-nl-odd"),
    }
    if a.strict and a.write:
        sys.exit("--strict is a check: the committed fit counts pieces by their source")
    if a.swap_nl:
        if a.write:
            sys.exit("--swap-nl is a check: the committed fit uses the even-numbered files")
        sets["real-nl-even"], sets["real-nl-odd"] = sets["real-nl-odd"], sets["real-nl-even"]
        print("SWAPPED: the rows named real-nl-even below are the odd-numbered files and vice versa")
    fit_set = sets["polnear-train"] + sets["real-nl-even"]
    model = fit(fit_set, a.prior)
    print("Fit on PolNeAR train + real-nl even files; held apart: PolNeAR dev + real-nl odd files.")
    print("ECE over 10 equal-width bins. `engine` = the confidences the binary gave;"
          " `refit` = this fit.")
    summary = []
    for which in ("engine", "refit"):
        for name, role in (("polnear-train", "fit"), ("real-nl-even", "fit"),
                           ("polnear-dev", "held apart"), ("real-nl-odd", "held apart")):
            exs = sets[name]
            for kinds, label in ((("statement",), "statements"),
                                 (("statement", "quantity"), "all claims")):
                es = [e for e in exs if e["kind"] in kinds]
                if not es or (name.startswith("polnear") and label == "all claims"):
                    continue
                pairs = [(e["conf"] if which == "engine" else predict(model, e), e["ok"]) for e in es]
                ece = print_table(f"[{which}] {name} ({role}), {label}", pairs)
                summary.append((which, name, role, label, len(es), ece, noise_floor(pairs)))
        held = [e for e in sets["polnear-dev"] + sets["real-nl-odd"]
                if e["kind"] == "statement" or e["corpus"].startswith("real-nl")]
        pairs = [(e["conf"] if which == "engine" else predict(model, e), e["ok"]) for e in held]
        summary.append((which, "all held apart", "held apart", "labelled claims", len(held),
                        print_table(f"[{which}] all held-apart labelled claims", pairs),
                        noise_floor(pairs)))
    print("\n| confidences | set | role | claims | n | ECE | noise floor |")
    print("| --- | --- | --- | --- | ---: | ---: | ---: |")
    for which, name, role, label, n, ece, floor in summary:
        print(f"| {which} | {name} | {role} | {label} | {n} | {ece:.4f} | {floor:.4f} |")
    if a.verbose:
        print("\n| bucket | fit count | fit right | fit acc | refit | held count | held acc |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        held = sets["polnear-dev"] + sets["real-nl-odd"]
        for lang, k in sorted({(e["lang"], e["reasons"]) for e in fit_set + held
                               if e["kind"] == "statement"},
                              key=lambda lk: (lk[0], cue_of(lk[1]), source_of(lk[1]), lk[1])):
            sel = lambda es: [e["ok"] for e in es if e["kind"] == "statement"
                              and e["lang"] == lang and e["reasons"] == k]
            f, h = sel(fit_set), sel(held)
            print(f"| {lang}: {', '.join(k)} | {len(f)} | {sum(f)} | {sum(f) / max(1, len(f)):.3f} |"
                  f" {statement_conf(model[lang], k):.3f} | {len(h)} |"
                  f" {sum(h) / max(1, len(h)):.3f} |")
    if a.emit_rust:
        print()
        print(rust(model), end="")
    if a.write:
        write_rust(model)


if __name__ == "__main__":
    main()
