#!/usr/bin/env python3
"""Rebuilds the PII detector's word lists in src/main/resources/io/verbatim/enrichment/pii/.

Inputs (see that folder's README.md for sources and licences):
  FAKER_JSON   person.first_name / person.last_name of @faker-js/faker 10.6.0 per locale, dumped with node
               (allLocales[loc].person) to {"en": {"first": [...], "last": [...]}, ...}
  SCOWL_SMALL  /usr/share/dict/american-english-small from the Debian package wamerican-small
Usage: build-name-lists.py FAKER_JSON SCOWL_SMALL OUT_DIR
"""
import json, re, sys, unicodedata

LOCALES = ['en', 'en_IN', 'en_AU', 'es', 'es_MX', 'fr', 'de', 'it', 'nl', 'pt_BR', 'da', 'sv', 'nb_NO', 'fi', 'hu', 'pl', 'cs_CZ', 'sk', 'hr', 'ro', 'tr']
WORD = re.compile(r"[a-z][a-z'\-]+")


def fold(s):
    s = unicodedata.normalize('NFD', s.lower())
    return ''.join(c for c in s if unicodedata.category(c) != 'Mn')


def single_words(values):
    # multi-word entries ("Maria de los Angeles") would add particles such as "de" and "los"
    for v in values:
        if isinstance(v, str) and ' ' not in v.strip():
            f = fold(v.strip())
            if WORD.fullmatch(f):
                yield f


faker, scowl, out = sys.argv[1:4]
data = json.load(open(faker))
given, surnames = set(), set()
for loc in LOCALES:
    given.update(single_words(data[loc]['first']))
    surnames.update(single_words(data[loc]['last']))
words = sorted({w.strip() for w in open(scowl) if re.fullmatch(r"[a-z]+", w.strip())})
for name, values in [('given-names.txt', sorted(given)), ('surnames.txt', sorted(surnames)), ('english-words.txt', words)]:
    with open(f"{out}/{name}", 'w') as f:
        f.write('\n'.join(values) + '\n')
    print(name, len(values))
