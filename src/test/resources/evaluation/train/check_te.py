#!/usr/bin/env python3
"""Checks labelled call files (<id>.json + <id>.labels.json) against the testdata/calls README scheme.
Usage: python3 check_te.py [files or dirs ...]   (default: this directory's te_*.json)"""
import json, os, sys, glob

DOMAINS = {"support", "csr", "field_sales", "mystery_shop", "voice_agent"}
LANGS = {"en-US", "es-419"}
DIRS = {"inbound", "outbound", "in_person"}
PII_TYPES = {"NAME", "PHONE", "EMAIL", "ADDRESS", "ACCOUNT_NUMBER", "CARD_NUMBER", "DATE_OF_BIRTH", "NATIONAL_ID"}
OBJ = {"price", "timing", "decision_maker", "trust", "competitor", "need", "other"}
QA_KEYS = ["greeting", "identified_self", "verified_customer", "showed_empathy", "offered_solution",
           "asked_for_sale_or_booking", "confirmed_next_steps", "closing", "interrupted_customer",
           "identified_needs", "value_added"]
QA_NULLABLE = {"verified_customer", "asked_for_sale_or_booking", "identified_needs", "value_added"}


def check(path):
    errs = []
    base = path[:-len(".json")]
    cid = os.path.basename(base)
    try:
        call = json.load(open(path, encoding="utf-8"))
        lab = json.load(open(base + ".labels.json", encoding="utf-8"))
    except Exception as e:
        return ["parse: %s" % e]
    e = errs.append
    if call.get("id") != cid: e("id %r != file id" % call.get("id"))
    dom = call.get("domain")
    if dom not in DOMAINS: e("domain %r" % dom)
    if call.get("language") not in LANGS: e("language %r" % call.get("language"))
    if call.get("direction") not in DIRS: e("direction %r" % call.get("direction"))
    if not isinstance(call.get("agent"), dict) or not call["agent"].get("name"): e("agent")
    cust = call.get("customer")
    if not isinstance(cust, dict) or "phone" not in cust: e("customer")
    elif cust["phone"] is not None and not (isinstance(cust["phone"], str) and cust["phone"].startswith("+")
                                           and cust["phone"][1:].isdigit()): e("phone %r" % cust["phone"])
    turns = call.get("turns") or []
    if not turns: e("no turns")
    prev = None
    for i, t in enumerate(turns):
        if t.get("speaker") not in ("agent", "customer"): e("turn %d speaker" % i)
        if not isinstance(t.get("text"), str) or not t["text"].strip(): e("turn %d text" % i)
        if not (t.get("end", 0) > t.get("start", 0)): e("turn %d end<=start" % i)
        if prev is not None and t["start"] < prev["start"]: e("turn %d not sorted" % i)
        prev = t
    n = len(turns)
    for p in lab.get("pii", []):
        ti = p.get("turn")
        if not isinstance(ti, int) or not 0 <= ti < n: e("pii turn %r" % ti); continue
        if p.get("type") not in PII_TYPES: e("pii type %r" % p.get("type"))
        if not p.get("text") or p["text"] not in turns[ti]["text"]: e("pii %r not in turn %d" % (p.get("text"), ti))
    for o in lab.get("objections", []):
        ti = o.get("turn")
        if not isinstance(ti, int) or not 0 <= ti < n: e("objection turn %r" % ti); continue
        if turns[ti]["speaker"] != "customer": e("objection on agent turn %d" % ti)
        if o.get("category") not in OBJ: e("objection category %r" % o.get("category"))
    for a in lab.get("action_items", []):
        if a.get("owner") not in ("agent", "customer") or not a.get("text"): e("action item %r" % a)
    if lab.get("customer_sentiment") not in ("negative", "neutral", "positive"): e("sentiment")
    if lab.get("sentiment_trend") not in ("improving", "steady", "worsening"): e("trend")
    if not lab.get("call_reason") or not all(c.islower() or c.isdigit() or c == "_" for c in lab["call_reason"]): e("call_reason")
    if not lab.get("summary"): e("summary")
    qa = lab.get("qa") or {}
    if sorted(qa) != sorted(QA_KEYS): e("qa keys %s" % sorted(set(qa) ^ set(QA_KEYS)))
    for k in QA_KEYS:
        v = qa.get(k)
        if v is None and k not in QA_NULLABLE: e("qa %s null" % k)
        if v is not None and not isinstance(v, bool): e("qa %s not bool" % k)
    bs = lab.get("booking_status", "missing")
    if bs not in ("booked", "not_booked", "service_not_offered", None): e("booking_status %r" % bs)
    if dom in ("csr", "voice_agent") and bs is None: e("booking_status required")
    if dom in ("support", "field_sales") and bs is not None: e("booking_status must be null")
    q = lab.get("qualification", "missing")
    if dom == "csr":
        if q not in ("hot", "warm", "cold", "unqualified"): e("qualification %r" % q)
    elif q is not None: e("qualification must be null")
    out, dv = lab.get("outcome", "missing"), lab.get("deal_value", "missing")
    if dom == "field_sales":
        if out not in ("closed_won", "closed_lost", "open"): e("outcome %r" % out)
    elif out is not None: e("outcome must be null")
    if out == "closed_won":
        if not isinstance(dv, (int, float)) or isinstance(dv, bool): e("deal_value must be a number")
    elif dv is not None: e("deal_value must be null")
    k = lab.get("kpis") or {}
    if k.get("customer_effort_1to5") not in (1, 2, 3, 4, 5): e("effort")
    if k.get("resolution") not in ("resolved", "unresolved", "escalated"): e("resolution")
    over = any(turns[i]["speaker"] == "agent" and turns[i - 1]["speaker"] == "customer"
               and turns[i]["start"] < turns[i - 1]["end"] for i in range(1, n))
    if qa.get("interrupted_customer") is not over:
        e("interrupted_customer=%r but timing overlap=%r" % (qa.get("interrupted_customer"), over))
    return errs


def main(args):
    here = os.path.dirname(os.path.abspath(__file__))
    paths = []
    for a in args or [here]:
        if os.path.isdir(a):
            paths += sorted(p for p in glob.glob(os.path.join(a, "*.json"))
                            if not p.endswith((".labels.json", ".rendered.json"))
                            and (args or os.path.basename(p).startswith("te_")))
        elif a.endswith(".labels.json"):
            paths.append(a[:-len(".labels.json")] + ".json")
        else:
            paths.append(a)
    bad = 0
    for p in paths:
        try:
            if json.load(open(p, encoding="utf-8")).get("language") != "en-US" and args: continue
        except Exception:
            pass
        errs = check(p)
        if errs:
            bad += 1
            print("FAIL %s: %s" % (os.path.basename(p), "; ".join(errs)))
    print("%d calls checked, %d failing" % (len(paths), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
