#!/usr/bin/env python3
"""An independent proxy of the true parents of one session's resolutions, from the Akoma Ntoso
files alone (no text shares: what a careful analyst reads first), and how far a lineage
repository agrees with it.

Truth for a resolution R of the judged session:
  1. the resolutions R's preamble links to (undocs/docs.un.org A/RES/...) that are in the corpus
     and adopted before R, whose title is R's, or close to it (word Jaccard >= 0.5), or that share
     R's agenda item name with a title at least loosely close (Jaccard >= 0.25): the latest one;
  2. otherwise the latest earlier resolution with R's title;
  3. otherwise none (a one-off).
One parent at most: a merge in the repository counts as a disagreement.

usage: series_truth.py CORPUS_SESSION_FOLDER... --judge SESSION --repo REPO [--show N]
"""
import re, subprocess, sys, xml.etree.ElementTree as ET
from pathlib import Path

NS = '{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}'

STOP = {'of', 'the', 'and', 'in', 'on', 'to', 'for', 'a', 'an', 'its', 'by', 'with', 'at', 'from'}

def words(t):
    return set(re.findall(r'[a-z0-9]+', (t or '').lower())) - STOP

def jaccard(a, b):
    a, b = words(a), words(b)
    return len(a & b) / len(a | b) if a | b else 0

def norm(t):
    return ' '.join(re.findall(r'[a-z0-9]+', (t or '').lower()))

def read(path):
    root = ET.parse(path).getroot()
    lang = next((e.get('language') for e in root.iter(NS + 'FRBRlanguage')), None)
    symbol = next((e.text.strip() for e in root.iter(NS + 'docNumber') if e.get('refersTo') == '#symbol' and e.text), None)
    date = next((e.get('date') for e in root.iter(NS + 'FRBRdate') if e.get('name') == 'adoption'), '')
    title = None
    for e in root.iter(NS + 'docTitle'):
        if e.get('refersTo') == '#resolutionTitle':
            title = ' '.join(''.join(e.itertext()).split())
    agenda = next((' '.join(''.join(e.itertext()).split()) for e in root.iter(NS + 'inline') if e.get('name') == 'agenda item name'), '')
    cited = []
    for pre in root.iter(NS + 'preamble'):
        for e in pre.iter():
            m = re.search(r'/A/RES/(\d+/\d+)', e.get('href') or '')
            if m and m.group(1) not in cited:
                cited.append(m.group(1))
    number = symbol.replace('A/RES/', '') if symbol else None
    return dict(number=number, date=date, title=title, agenda=agenda, cited=cited, lang=lang, path=path)

def main():
    args = sys.argv[1:]
    judge = args[args.index('--judge') + 1]
    repo = args[args.index('--repo') + 1]
    show = int(args[args.index('--show') + 1]) if '--show' in args else 0
    folders = [a for i, a in enumerate(args) if not a.startswith('--') and (i == 0 or args[i - 1] not in ('--judge', '--repo', '--show'))]
    res = {}
    for folder in folders:
        for p in sorted(Path(folder).glob('*.xml')):
            r = read(p)
            if r['number'] and r['lang'] in (None, 'eng'):
                # a part "74/232 B" has number "74/232 B"
                res[r['number']] = r
    def key(n):
        r = res[n]
        return (r['date'], [int(x) if x.isdigit() else 0 for x in re.split(r'[/ ]', n)], n)
    order = sorted(res, key=key)
    pos = {n: i for i, n in enumerate(order)}
    truth = {}
    for n in order:
        r = res[n]
        if not n.startswith(judge + '/'):
            continue
        earlier = [c for c in r['cited'] if c in pos and pos[c] < pos[n]]
        close = [c for c in earlier if norm(res[c]['title']) == norm(r['title']) or jaccard(res[c]['title'], r['title']) >= 0.5
                 or (r['agenda'] and res[c]['agenda'] == r['agenda'] and jaccard(res[c]['title'], r['title']) >= 0.25)]
        if close:
            exact = [c for c in close if norm(res[c]['title']) == norm(r['title'])]
            c = max(exact or close, key=lambda c: pos[c])
            # The series went on after the resolution cited: its latest text with R's title
            # that is later than the cited one.
            later = [m for m in order[pos[c] + 1:pos[n]] if norm(res[m]['title']) == norm(r['title'])]
            truth[n] = [later[-1] if later else c]
            continue
        same = [m for m in order[:pos[n]] if norm(res[m]['title']) == norm(r['title'])]
        truth[n] = [same[-1]] if same else []
    # The repository's parents, by tag.
    refs = subprocess.run(['git', '-C', repo, 'for-each-ref', '--format=%(objectname) %(refname)', 'refs/tags'],
                          capture_output=True, text=True, check=True).stdout.split('\n')
    number_of = {}
    for line in refs:
        if line:
            oid, ref = line.split(' ', 1)
            number_of[oid] = ref.replace('refs/tags/A/RES/', '').replace('-', ' ', 1)
    tags = {v: k for k, v in number_of.items()}
    agree = 0
    wrong = []
    for n, t in truth.items():
        if n not in tags:
            wrong.append((n, t, None))
            continue
        parents = subprocess.run(['git', '-C', repo, 'log', '-1', '--format=%P', tags[n]], capture_output=True, text=True).stdout.split()
        got = [number_of.get(p, p[:12]) for p in parents]
        if got == t:
            agree += 1
        else:
            wrong.append((n, t, got))
    total = len(truth)
    print(f'session {judge}: {agree} of {total} agree with the proxy ({100 * agree / total:.1f}%); '
          f'{sum(1 for n in truth if not truth[n])} one-offs in the proxy')
    for n, t, got in wrong[:show] if show else []:
        print(f'{n}\tproxy {t}\trepo {got}\t{res[n]["title"][:70]}')
        for x in set(t + (got or [])):
            if x in res:
                print(f'\t\t{x}: {res[x]["title"][:80]}')

if __name__ == '__main__':
    main()
