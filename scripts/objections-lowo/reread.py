"""Whole-call labels of the training calls read again by independent annotators (one reading per call,
../../src/test/resources/evaluation/train/call-relabels/shard<k>.jsonl): agreement with the writers' own labels,
field by field. Training calls only."""
import glob, json, os, sys
from collections import Counter
HERE = os.path.dirname(os.path.abspath(__file__))
TRAIN = os.path.join(HERE, '../../src/test/resources/evaluation/train')
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(TRAIN, 'call-relabels')
QA = ["greeting", "identified_self", "verified_customer", "showed_empathy", "offered_solution", "asked_for_sale_or_booking",
      "confirmed_next_steps", "closing", "identified_needs", "value_added"]
ann = {}
for f in sorted(glob.glob(f'{OUT}/shard*.jsonl')):
    for line in open(f):
        if line.strip():
            r = json.loads(line); ann[r['id']] = r
gold = {os.path.basename(f)[:-len('.labels.json')]: json.load(open(f)) for f in glob.glob(f'{TRAIN}/t?_*.labels.json')}
ids = sorted(set(ann) & set(gold))
print(f'calls read again: {len(ids)} of {len(gold)}')


def report(name, pairs):
    agree = sum(a == g for a, g in pairs)
    conf = Counter((g, a) for a, g in pairs if a != g)
    print(f'{name:28s} {agree / len(pairs):.3f} ({agree}/{len(pairs)})  most common disagreements (writer -> annotator): '
          + ', '.join(f'{g}->{a} {n}' for (g, a), n in conf.most_common(3)))


report('customer_sentiment', [(ann[i]['customer_sentiment'], gold[i]['customer_sentiment']) for i in ids])
report('sentiment_trend', [(ann[i]['sentiment_trend'], gold[i]['sentiment_trend']) for i in ids])
report('booking_status (writer set)', [(ann[i]['booking_status'], gold[i]['booking_status']) for i in ids if gold[i]['booking_status']])
allqa = []
for k in QA:
    pairs = [(ann[i]['qa'].get(k), gold[i]['qa'].get(k)) for i in ids]
    allqa += pairs
    report(f'qa.{k}', pairs)
report('qa, all ten items', allqa)
