#!/usr/bin/env python3
"""Builds tc_*.json / tc_*.labels.json from the compact specs in specs_*.py (timings are synthetic:
2.2-2.9 words/s per speaker, gaps 0.15-0.9 s; 'A!' = agent starts before the previous turn ends,
'C+4.5' = 4.5 s pause before the turn, 'C[price,trust]' = objection categories on that customer turn).
PII entries 'text|TYPE' are labelled at every whole-word occurrence in every turn; 'n:text|TYPE' only in turn n."""
import json, os, random, re, sys, glob, importlib.util

HERE = os.path.dirname(os.path.abspath(__file__))
QA = {"g": "greeting", "s": "identified_self", "v": "verified_customer", "e": "showed_empathy",
      "o": "offered_solution", "a": "asked_for_sale_or_booking", "n": "confirmed_next_steps", "c": "closing",
      "d": "identified_needs", "x": "value_added"}
ORDER = ["greeting", "identified_self", "verified_customer", "showed_empathy", "offered_solution",
         "asked_for_sale_or_booking", "confirmed_next_steps", "closing", "interrupted_customer",
         "identified_needs", "value_added"]
LINE = re.compile(r"^(A|C)(!)?(\+[\d.]+)?(\[[a-z_,]+\])?:\s*(.+)$")


def build(c):
    rnd = random.Random(c["id"])
    rate = {"A": rnd.uniform(2.25, 2.85), "C": rnd.uniform(2.2, 2.85)}
    turns, objs = [], []
    t = rnd.uniform(0.4, 1.8)
    for raw in c["turns"].strip().splitlines():
        raw = raw.strip()
        if not raw:
            continue
        m = LINE.match(raw)
        if not m:
            raise SystemExit("%s: bad line %r" % (c["id"], raw))
        sp, ov, gap, ob, text = m.groups()
        words = len(text.split())
        dur = max(0.45, words / (rate[sp] * rnd.uniform(0.93, 1.07)))
        if turns:
            prev = turns[-1]
            if ov:
                start = max(prev["start"] + 0.4, prev["end"] - rnd.uniform(0.3, 0.85))
            elif gap:
                start = prev["end"] + float(gap[1:])
            else:
                start = prev["end"] + rnd.uniform(0.15, 0.9)
        else:
            start = t
        turns.append({"speaker": "agent" if sp == "A" else "customer", "start": round(start, 2),
                      "end": round(start + dur, 2), "text": text})
        if ob:
            for cat in ob[1:-1].split(","):
                objs.append({"turn": len(turns) - 1, "category": cat})
    interrupted = any(turns[i]["speaker"] == "agent" and turns[i - 1]["speaker"] == "customer"
                      and turns[i]["start"] < turns[i - 1]["end"] for i in range(1, len(turns)))
    pii = []
    assert len(set(c["pii"])) == len(c["pii"]), c["id"] + ": duplicate pii spec"
    for spec in c["pii"]:
        only = None
        m = re.match(r"^(\d+):(.*)$", spec)
        if m:
            only, spec = int(m.group(1)), m.group(2)
        text, typ = spec.rsplit("|", 1)
        pat = re.compile(r"(?<![\w-])" + re.escape(text) + r"(?![\w-])")
        hits = 0
        for i, tt in enumerate(turns):
            if only is not None and i != only:
                continue
            for mm in pat.finditer(tt["text"]):
                pii.append({"turn": i, "text": text, "type": typ, "_s": mm.start(), "_e": mm.end()})
                hits += 1
        if not hits:
            raise SystemExit("%s: pii %r not found" % (c["id"], spec))
    pii = [p for p in pii if not any(q is not p and q["turn"] == p["turn"] and q["_s"] <= p["_s"] and p["_e"] <= q["_e"]
                                     and (q["_e"] - q["_s"]) > (p["_e"] - p["_s"]) for q in pii)]
    pii.sort(key=lambda p: (p["turn"], p["_s"]))
    pii = [{"turn": p["turn"], "text": p["text"], "type": p["type"]} for p in pii]
    qa = {}
    for tok in c["qa"].split():
        k, v = tok[0], tok[1:]
        qa[QA[k]] = {"1": True, "0": False, "-": None}[v]
    qa["interrupted_customer"] = interrupted
    qa = {k: qa[k] for k in ORDER}
    call = {"id": c["id"], "domain": c["domain"], "language": "en-US", "direction": c.get("direction", "inbound"),
            "agent": {"name": c["agent"][0], "id": c["agent"][1]},
            "customer": {"name": c["customer"][0], "phone": c["customer"][1]},
            "started_at": c["started_at"], "turns": turns}
    lab = {"customer_sentiment": c["sent"], "sentiment_trend": c["trend"], "call_reason": c["reason"],
           "summary": c["summary"], "pii": pii, "qa": qa, "objections": objs,
           "action_items": [{"owner": {"a": "agent", "c": "customer"}[o], "text": x} for o, x in c.get("actions", [])],
           "booking_status": c.get("booking"), "qualification": c.get("qual"), "outcome": c.get("outcome"),
           "deal_value": c.get("value"),
           "kpis": {"customer_effort_1to5": c["effort"], "resolution": c["res"]}}
    for name, obj in ((c["id"] + ".json", call), (c["id"] + ".labels.json", lab)):
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
            json.dump(obj, f, indent=2, ensure_ascii=False)
            f.write("\n")
    return call, lab


def main():
    for path in sorted(glob.glob(os.path.join(HERE, "specs_*.py"))):
        spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3], path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        for c in mod.CALLS:
            call, lab = build(c)
            if "-v" in sys.argv:
                print(c["id"], len(call["turns"]), "turns", round(call["turns"][-1]["end"]), "s")
                for p in lab["pii"]:
                    print("   pii", p["turn"], p["type"], repr(p["text"]))
                for o in lab["objections"]:
                    print("   obj", o["turn"], o["category"], call["turns"][o["turn"]]["text"][:70])


if __name__ == "__main__":
    main()
