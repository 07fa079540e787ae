#!/usr/bin/env python3
"""Validate the hand-annotated development set in this directory (stdlib only).

  python3 tests/devset/check.py [GOLD.gold.json ...]   # default: every *.gold.json beside this file

Checks, for every gold file: valid JSON with the seed's top-level fields; `doc` exists beside it;
every quantity/not_quantity `context` and every statement `key` occurs EXACTLY ONCE in the text;
every `anchor` lies inside its `context`; fields are well typed (ranges are [low, high] with
numbers or null in the high slot, sources are lists of strings or null, ...); statement ids are
unique; the text is 250-600 words. Exit status 1 on any problem.
"""
import json, pathlib, re, sys

HERE = pathlib.Path(__file__).resolve().parent
TOP = {'doc', 'lang', 'note', 'quantities', 'not_quantities', 'statements'}
Q_FIELDS = {'anchor', 'context', 'value', 'low', 'high', 'approximate', 'ordinal', 'source',
            'optional', 'hedged', 'note'}
NQ_FIELDS = {'anchor', 'context', 'why'}
S_FIELDS = {'id', 'keys', 'cue', 'source', 'not_source', 'via', 'direct', 'hedged', 'optional', 'note'}


def once(text, s):
    return text.count(s) == 1 and s != ''


def is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def words_list(x):
    return isinstance(x, list) and x and all(isinstance(w, str) and w.strip() for w in x)


def check(path):
    errs = []
    try:
        gold = json.loads(path.read_text(encoding='utf-8'))
    except Exception as e:  # noqa: BLE001
        return [f'invalid JSON: {e}'], None
    if set(gold) != TOP:
        errs.append(f'top-level fields {sorted(gold)} != {sorted(TOP)}')
    doc = path.parent / str(gold.get('doc'))
    if not doc.is_file():
        return errs + [f'doc {gold.get("doc")!r} missing'], None
    if doc.name != path.name.replace('.gold.json', '.txt'):
        errs.append(f'doc {doc.name} does not match gold file name')
    text = doc.read_text(encoding='utf-8')
    if gold.get('lang') not in ('nl', 'en'):
        errs.append(f'lang {gold.get("lang")!r}')
    if not isinstance(gold.get('note'), str) or not gold['note']:
        errs.append('note missing')
    nwords = len(re.findall(r'\w+', text))
    if not 250 <= nwords <= 600:
        errs.append(f'{nwords} words (want 250-600)')

    def span(where, ctx, anc):
        if not isinstance(ctx, str) or not isinstance(anc, str):
            errs.append(f'{where}: context/anchor must be strings')
            return
        n = text.count(ctx)
        if n != 1:
            errs.append(f'{where}: context {ctx!r} occurs {n} times')
        if anc not in ctx:
            errs.append(f'{where}: anchor {anc!r} not inside context {ctx!r}')

    for i, q in enumerate(gold.get('quantities', [])):
        w = f'quantity {i} {q.get("context")!r}'
        if set(q) - Q_FIELDS:
            errs.append(f'{w}: unknown fields {sorted(set(q) - Q_FIELDS)}')
        span(w, q.get('context'), q.get('anchor'))
        for k in ('low', 'high'):
            r = q.get(k)
            if not (isinstance(r, list) and len(r) == 2 and is_num(r[0]) and (r[1] is None or is_num(r[1]))
                    and (r[1] is None or r[0] <= r[1])):
                errs.append(f'{w}: {k} must be [number, number|null] with low<=high, got {r!r}')
        if 'value' in q and q['value'] is not None and not is_num(q['value']):
            errs.append(f'{w}: value must be a number')
        if 'value' in q and is_num(q['value']):
            for k in ('low', 'high'):
                r = q.get(k)
                if isinstance(r, list) and len(r) == 2 and is_num(r[0]) and k == 'low' and r[0] > q['value']:
                    errs.append(f'{w}: low range starts above value')
        if q.get('source') is not None and not words_list(q['source']):
            errs.append(f'{w}: source must be null or a list of words')
        for k in ('approximate', 'ordinal', 'optional', 'hedged'):
            if k in q and not isinstance(q[k], bool):
                errs.append(f'{w}: {k} must be boolean')
        if 'approximate' not in q:
            errs.append(f'{w}: approximate missing')
        if 'source' not in q:
            errs.append(f'{w}: source missing (null for unsourced)')
    for i, q in enumerate(gold.get('not_quantities', [])):
        w = f'not_quantity {i} {q.get("context")!r}'
        if set(q) - NQ_FIELDS:
            errs.append(f'{w}: unknown fields {sorted(set(q) - NQ_FIELDS)}')
        span(w, q.get('context'), q.get('anchor'))
        if not isinstance(q.get('why'), str):
            errs.append(f'{w}: why missing')
    ids = set()
    for i, s in enumerate(gold.get('statements', [])):
        w = f'statement {i} {s.get("id")!r}'
        if set(s) - S_FIELDS:
            errs.append(f'{w}: unknown fields {sorted(set(s) - S_FIELDS)}')
        if not isinstance(s.get('id'), str) or s['id'] in ids:
            errs.append(f'{w}: id missing or duplicate')
        ids.add(s.get('id'))
        keys = s.get('keys')
        if not (isinstance(keys, list) and 1 <= len(keys) <= 3 and all(isinstance(k, str) for k in keys)):
            errs.append(f'{w}: keys must be a list of 1-3 strings')
            keys = []
        for k in keys:
            n = text.count(k)
            if n != 1:
                errs.append(f'{w}: key {k!r} occurs {n} times')
        if 'cue' not in s or not (s['cue'] is None or (isinstance(s['cue'], str) and s['cue'])):
            errs.append(f'{w}: cue must be a string or null')
        elif s['cue'] and not all(w in text.lower() for w in s['cue'].lower().split()):
            errs.append(f'{w}: cue {s["cue"]!r} does not occur in the text')
        if not words_list(s.get('source')):
            errs.append(f'{w}: source must be a non-empty list of words')
        for k in ('not_source', 'via'):
            if k in s and not words_list(s[k]):
                errs.append(f'{w}: {k} must be a non-empty list of words')
        if 'via' in s:
            for v in s['via']:
                if v not in text:
                    errs.append(f'{w}: via {v!r} not in text')
        if not isinstance(s.get('direct'), bool):
            errs.append(f'{w}: direct must be boolean')
        for k in ('hedged', 'optional'):
            if k in s and not isinstance(s[k], bool):
                errs.append(f'{w}: {k} must be boolean')
        src = s.get('source') or []
        bad = [x for x in s.get('not_source', []) if any(x.lower() in y.lower() for y in src)]
        if bad:
            errs.append(f'{w}: not_source {bad} contradicts source')
    return errs, (gold, text, nwords)


def main():
    files = [pathlib.Path(f) for f in sys.argv[1:]] or sorted(HERE.glob('*.gold.json'))
    bad = 0
    stats = {'nl': [0, 0, 0, 0], 'en': [0, 0, 0, 0]}
    for f in files:
        errs, info = check(f)
        if errs:
            bad += 1
            print(f'{f.name}:')
            for e in errs:
                print(f'  {e}')
        if info:
            gold, _, nw = info
            st = stats.setdefault(gold.get('lang'), [0, 0, 0, 0])
            st[0] += 1
            st[1] += nw
            st[2] += len(gold.get('quantities', []))
            st[3] += len(gold.get('statements', []))
    txts = {p.name[:-4] for p in HERE.glob('*.txt')}
    golds = {p.name[:-10] for p in HERE.glob('*.gold.json')}
    for orphan in sorted(txts - golds):
        bad += 1
        print(f'{orphan}.txt has no gold file')
    for lang, (n, nw, nq, ns) in sorted(stats.items()):
        print(f'{lang}: {n} articles, {nw} words, {nq} quantities, {ns} statements')
    print('OK' if not bad else f'{bad} file(s) with problems')
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
