"""Writes the eight shards the annotators of session 19 read (the training calls as plain numbered turns, a seeded
shuffle, 45 calls each): python3 shards.py OUTDIR. The shard files themselves are not kept; this rebuilds them."""
import glob, json, os, random, sys
HERE = os.path.dirname(os.path.abspath(__file__))
TRAIN = os.path.join(HERE, '../../src/test/resources/evaluation/train')
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
ids = [os.path.basename(f)[:-len('.labels.json')] for f in sorted(glob.glob(f'{TRAIN}/t?_*.labels.json'))]
random.Random(7).shuffle(ids)
for k in range(8):
    with open(f'{out}/shard{k}.txt', 'w') as o:
        for i in ids[k::8]:
            c = json.load(open(f'{TRAIN}/{i}.json'))
            o.write(f"=== CALL {i} (domain: {c['domain']})\n")
            for n, t in enumerate(c['turns']):
                role = 'AGENT' if t['speaker'] == 'agent' else 'CUSTOMER' if t['speaker'] == 'customer' else t['speaker'].upper()
                o.write(f"{n} {role}: {t['text']}\n")
            o.write("\n")
