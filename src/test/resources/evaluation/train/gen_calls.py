#!/usr/bin/env python3
"""Builds PREFIX_*.json / PREFIX_*.labels.json from the compact sources src/PREFIX_*.txt (tb, th, ti).

Usage: python3 gen_calls.py PREFIX [OUTDIR]
Turn lines: 'A:' agent, 'C:' customer; 'C~:' = this turn is cut off by the next one (overlap);
'C{price,timing}:' objections on this turn; '[gap 4.5]' before the colon = explicit pause before the turn.
PII inline: {N:..} NAME {P:..} PHONE {E:..} EMAIL {AD:..} ADDRESS {AC:..} ACCOUNT_NUMBER
{CC:..} CARD_NUMBER {D:..} DATE_OF_BIRTH {S:..} NATIONAL_ID. Timing is synthetic (seeded by id)."""
import glob, json, os, random, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
PREFIX = sys.argv[1]
OUT = sys.argv[2] if len(sys.argv) > 2 else HERE
PT = {"N": "NAME", "P": "PHONE", "E": "EMAIL", "AD": "ADDRESS", "AC": "ACCOUNT_NUMBER", "CC": "CARD_NUMBER",
      "D": "DATE_OF_BIRTH", "S": "NATIONAL_ID"}
QA = {"greet": "greeting", "self": "identified_self", "verify": "verified_customer", "emp": "showed_empathy",
      "sol": "offered_solution", "ask": "asked_for_sale_or_booking", "next": "confirmed_next_steps",
      "close": "closing", "needs": "identified_needs", "value": "value_added"}
TURN = re.compile(r"^(A|C)(~)?(\{[a-z_,]+\})?(\[gap ([\d.]+)\])?:\s*(.*)$")
PII = re.compile(r"\{(N|P|E|AD|AC|CC|D|S):([^{}]+)\}")


def build(block):
    lines = [l.rstrip() for l in block.strip().split("\n") if l.strip() and not l.startswith("#") and l.strip() != "--"]
    cid = lines[0].strip()
    head, lab, turns = {}, {"act": []}, []
    for l in lines[1:]:
        m = TURN.match(l)
        if m:
            turns.append(m.groups())
            continue
        k, v = l.split(":", 1)
        v = v.strip()
        if k == "act":
            lab["act"].append(v)
        elif turns:
            lab[k] = v
        else:
            head[k] = v
    rnd = random.Random(cid)
    out_turns, pii, objs = [], [], []
    t = round(rnd.uniform(0.6, 1.8), 2)
    cut_next = False
    for i, (spk, cut, obj, _, gap, raw) in enumerate(turns):
        text, spans, pos = "", [], 0
        for m in PII.finditer(raw):
            text += raw[pos:m.start()]
            spans.append((m.group(2), PT[m.group(1)]))
            text += m.group(2)
            pos = m.end()
        text += raw[pos:]
        assert "{" not in text and "}" not in text, (cid, i, text)
        for s, ty in spans:
            pii.append({"turn": i, "text": s, "type": ty})
        if obj:
            for c in obj[1:-1].split(","):
                objs.append({"turn": i, "category": c})
        if i > 0:
            if cut_next:
                start = prev_end - rnd.uniform(0.3, 0.8)
            elif gap:
                start = prev_end + float(gap)
            else:
                start = prev_end + rnd.uniform(0.15, 0.9)
        else:
            start = t
        words = len(text.split())
        dur = max(0.6, words / rnd.uniform(2.2, 2.9))
        end = start + dur
        out_turns.append({"speaker": "agent" if spk == "A" else "customer", "start": round(start, 2),
                          "end": round(end, 2), "text": text})
        prev_end = round(end, 2)
        cut_next = bool(cut)
        if cut: assert text.endswith("—"), (cid, i, text)
    an, aid = [x.strip() for x in head["agent"].split("|")]
    cn, cph = [x.strip() for x in head["cust"].split("|")]
    call = {"id": cid, "domain": head["domain"], "language": "en-US", "direction": head["dir"],
            "agent": {"name": an, "id": aid}, "customer": {"name": cn, "phone": None if cph == "null" else cph},
            "started_at": head["at"], "turns": out_turns}
    over = any(out_turns[i]["speaker"] == "agent" and out_turns[i - 1]["speaker"] == "customer"
               and out_turns[i]["start"] < out_turns[i - 1]["end"] for i in range(1, len(out_turns)))
    qa = {}
    for kv in lab["qa"].split():
        k, v = kv.split("=")
        qa[QA[k]] = {"1": True, "0": False, "-": None}[v]
    qa = {k: qa[k] if k != "interrupted_customer" else over for k in
          ["greeting", "identified_self", "verified_customer", "showed_empathy", "offered_solution",
           "asked_for_sale_or_booking", "confirmed_next_steps", "closing", "interrupted_customer",
           "identified_needs", "value_added"]}
    sent, trend = lab["sent"].split()
    eff, res = lab["kpis"].split()
    outc, dv = None, None
    if "out" in lab:
        p = lab["out"].split()
        outc = p[0]
        dv = float(p[1]) if len(p) > 1 else None
        if dv is not None and dv == int(dv): dv = int(dv)
    labels = {"customer_sentiment": sent, "sentiment_trend": trend, "call_reason": lab["reason"],
              "summary": lab["summary"], "pii": pii, "qa": qa, "objections": objs,
              "action_items": [{"owner": a.split(":", 1)[0].strip(), "text": a.split(":", 1)[1].strip()} for a in lab["act"]],
              "booking_status": lab.get("book"), "qualification": lab.get("qual"), "outcome": outc,
              "deal_value": dv, "kpis": {"customer_effort_1to5": int(eff), "resolution": res}}
    with open(os.path.join(OUT, cid + ".json"), "w") as f:
        json.dump(call, f, indent=2, ensure_ascii=False); f.write("\n")
    with open(os.path.join(OUT, cid + ".labels.json"), "w") as f:
        json.dump(labels, f, indent=2, ensure_ascii=False); f.write("\n")
    return cid, len(out_turns)


if __name__ == "__main__":
    for src in sorted(glob.glob(os.path.join(HERE, "src", PREFIX + "_*.txt"))):
        for block in open(src).read().split("\n=== ")[0:]:
            block = block.lstrip("= ").strip()
            if block:
                cid, n = build(block)
                if not 14 <= n <= 40: print("WARN %s has %d turns" % (cid, n))
                print(cid, n)
