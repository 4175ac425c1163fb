#!/usr/bin/env python3
"""Writes src/main/resources/adaptation/base-conversation.txt: one conversation turn a line, from the
licence-clean conversation sets in ../shared/testdata/external (Harper Valley Bank, Apache-2.0;
MultiDoGO, CDLA-Permissive-1.0). SGD (CC BY-SA 4.0, share-alike) and Presidio (synthetic sentences,
not conversation) are left out, and so is testdata/calls: the benchmark decodes those calls."""
import glob, json, os, sys

root = os.path.join(os.path.dirname(__file__), '..')
data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, '..', 'shared', 'testdata', 'external')
lines = []
for folder in ('harper_valley', 'multidogo_pii'):
    for f in sorted(glob.glob(os.path.join(data, folder, '*.json'))):
        if f.endswith('.labels.json'):
            continue
        for turn in json.load(open(f, encoding='utf-8')).get('turns', []):
            text = ' '.join(turn.get('text', '').split())
            if text:
                lines.append(text)
out = os.path.join(root, 'src', 'main', 'resources', 'adaptation', 'base-conversation.txt')
os.makedirs(os.path.dirname(out), exist_ok=True)
with open(out, 'w', encoding='utf-8') as o:
    o.write('\n'.join(lines) + '\n')
print(f'{len(lines)} turns -> {out}')
