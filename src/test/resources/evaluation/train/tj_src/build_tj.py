import json, re, random, sys, glob, os
TYPES = {"N":"NAME","P":"PHONE","E":"EMAIL","AD":"ADDRESS","AC":"ACCOUNT_NUMBER","CC":"CARD_NUMBER","D":"DATE_OF_BIRTH","S":"NATIONAL_ID"}
DOM = {"sup":"support","csr":"csr","fs":"field_sales","ms":"mystery_shop","va":"voice_agent"}
QAK = ["greeting","identified_self","verified_customer","showed_empathy","offered_solution",
       "asked_for_sale_or_booking","confirmed_next_steps","closing","identified_needs","value_added"]
CALLS = []
def call(**kw): CALLS.append(kw)
def build(c, outdir):
    cid = c["id"]; rnd = random.Random(cid)
    dom = DOM[cid.split("_")[1]]
    turns, pii, objs = [], [], []
    t = rnd.uniform(0.6, 1.8)
    prev_cut = False
    for line in [l for l in c["turns"].strip().split("\n") if l.strip()]:
        m = re.match(r"^(A|C)(\{[a-z_,]+\})?(~)?(\[gap ([\d.]+)\])?:\s*(.*)$", line.strip())
        if not m: raise SystemExit("%s bad line %r" % (cid, line))
        sp = "agent" if m.group(1) == "A" else "customer"
        raw = m.group(6)
        idx = len(turns)
        text = ""; pos = 0
        for mm in re.finditer(r"\{(N|P|E|AD|AC|CC|D|S):([^{}]+)\}", raw):
            text += raw[pos:mm.start()]; text += mm.group(2); pos = mm.end()
            pii.append({"turn": idx, "text": mm.group(2), "type": TYPES[mm.group(1)]})
        text += raw[pos:]
        if "{" in text or "}" in text: raise SystemExit("%s brace left %r" % (cid, text))
        if m.group(2):
            if sp != "customer": raise SystemExit("%s objection on agent %d" % (cid, idx))
            for cat in m.group(2)[1:-1].split(","): objs.append({"turn": idx, "category": cat})
        words = len(text.split())
        dur = words / rnd.uniform(2.2, 2.9) + rnd.uniform(0.2, 0.5)
        if turns:
            if prev_cut:
                start = turns[-1]["end"] - rnd.uniform(0.3, 1.1)
            elif m.group(4):
                start = turns[-1]["end"] + float(m.group(5))
            else:
                start = turns[-1]["end"] + rnd.uniform(0.15, 0.9)
        else:
            start = t
        start = max(start, turns[-1]["start"] + 0.2) if turns else start
        turns.append({"speaker": sp, "start": round(start, 2), "end": round(start + dur, 2), "text": text})
        prev_cut = bool(m.group(3))
    inter = any(turns[i]["speaker"] == "agent" and turns[i-1]["speaker"] == "customer" and turns[i]["start"] < turns[i-1]["end"] for i in range(1, len(turns)))
    q = c["qa"].split()
    assert len(q) == 10, (cid, q)
    qa = {}
    for k, v in zip(QAK, q):
        qa[k] = {"1": True, "0": False, "-": None}[v]
    qa["interrupted_customer"] = inter
    sent, trend = c["sent"].split("/")
    lab = {"customer_sentiment": sent, "sentiment_trend": trend, "call_reason": c["reason"],
           "summary": c["summary"], "pii": pii,
           "qa": {k: qa[k] for k in ["greeting","identified_self","verified_customer","showed_empathy","offered_solution","asked_for_sale_or_booking","confirmed_next_steps","closing","interrupted_customer","identified_needs","value_added"]},
           "objections": objs,
           "action_items": [{"owner": {"a":"agent","c":"customer"}[o], "text": tx} for o, tx in c.get("actions", [])],
           "booking_status": c.get("booking"), "qualification": c.get("qual"),
           "outcome": c.get("outcome"), "deal_value": c.get("deal"),
           "kpis": {"customer_effort_1to5": c["effort"], "resolution": c["res"]}}
    an, aid = c["agent"]; cn, ph = c["customer"]
    doc = {"id": cid, "domain": dom, "language": "en-US", "direction": c.get("dir", "inbound"),
           "agent": {"name": an, "id": aid}, "customer": {"name": cn, "phone": ph},
           "started_at": c["at"], "turns": turns}
    if not 14 <= len(turns) <= 40: print("WARN %s has %d turns" % (cid, len(turns)))
    json.dump(doc, open(os.path.join(outdir, cid + ".json"), "w"), indent=1, ensure_ascii=False)
    json.dump(lab, open(os.path.join(outdir, cid + ".labels.json"), "w"), indent=1, ensure_ascii=False)
    return inter
HERE = os.path.dirname(os.path.abspath(__file__))
if __name__ == "__main__":
    for f in sorted(glob.glob(os.path.join(HERE, "[a-z]_*.py"))):
        exec(open(f).read())
    for c in CALLS:
        inter = build(c, os.path.dirname(HERE))
        if c.get("expect_int") is not None and c["expect_int"] != inter: print("INT mismatch", c["id"])
    print(len(CALLS), "built")
