#!/usr/bin/env python3
"""Checks labelled calls (<id>.json + <id>.labels.json) against the testdata/calls README scheme.

Usage: check_ta.py [DIR_OR_LABELS_FILE ...]   (default: the ta_*.labels.json next to this script)
Only en-US calls are checked when given a directory with other languages (es-419 is skipped)."""
import glob, json, os, sys

DOMAINS = {"support", "csr", "field_sales", "mystery_shop", "voice_agent"}
PREFIX = {"support": "sup_", "csr": "csr_", "field_sales": "fs_", "mystery_shop": "ms_", "voice_agent": "va_"}
DIRECTIONS = {"inbound", "outbound", "in_person"}
PII_TYPES = {"NAME", "PHONE", "EMAIL", "ADDRESS", "ACCOUNT_NUMBER", "CARD_NUMBER", "DATE_OF_BIRTH", "NATIONAL_ID"}
CATS = {"price", "timing", "decision_maker", "trust", "competitor", "need", "other"}
QA_KEYS = ["greeting", "identified_self", "verified_customer", "showed_empathy", "offered_solution",
           "asked_for_sale_or_booking", "confirmed_next_steps", "closing", "interrupted_customer",
           "identified_needs", "value_added"]
QA_NULLABLE = {"verified_customer", "asked_for_sale_or_booking", "identified_needs"}
LABEL_KEYS = ["customer_sentiment", "sentiment_trend", "call_reason", "summary", "pii", "qa", "objections",
              "action_items", "booking_status", "qualification", "outcome", "deal_value", "kpis"]


def check(labels_path, english_only):
    errs = []
    cid = os.path.basename(labels_path)[:-len(".labels.json")]
    try:
        call = json.load(open(os.path.join(os.path.dirname(labels_path), cid + ".json")))
        lab = json.load(open(labels_path))
    except Exception as e:  # noqa
        return None, ["parse: %s" % e]
    if english_only and call.get("language") != "en-US":
        return "skip", []
    e = errs.append
    if call.get("id") != cid: e("id %r != file id" % call.get("id"))
    dom = call.get("domain")
    if dom not in DOMAINS: e("domain %r" % dom)
    elif not (cid.startswith(PREFIX[dom]) or cid.startswith("ta_" + PREFIX[dom])
              or cid.split("_", 1)[-1].startswith(PREFIX[dom])):
        e("id prefix does not match domain %s" % dom)
    if call.get("language") not in ("en-US", "es-419"): e("language %r" % call.get("language"))
    if call.get("direction") not in DIRECTIONS: e("direction %r" % call.get("direction"))
    for k in ("agent", "customer", "started_at", "turns"):
        if k not in call: e("missing %s" % k)
    ph = (call.get("customer") or {}).get("phone")
    if ph is not None and not (isinstance(ph, str) and ph.startswith("+") and ph[1:].isdigit()):
        e("customer.phone not E.164: %r" % ph)
    turns = call.get("turns", [])
    prev = None
    for i, t in enumerate(turns):
        if t.get("speaker") not in ("agent", "customer"): e("turn %d speaker %r" % (i, t.get("speaker")))
        if not isinstance(t.get("text"), str) or not t["text"].strip(): e("turn %d empty text" % i)
        if not (t.get("end", 0) > t.get("start", 0)): e("turn %d end <= start" % i)
        if prev is not None and t["start"] < prev: e("turn %d not sorted by start" % i)
        prev = t.get("start", 0)
    interrupted = any(turns[i]["speaker"] == "agent" and turns[i - 1]["speaker"] == "customer"
                      and turns[i]["start"] < turns[i - 1]["end"] for i in range(1, len(turns)))
    for k in LABEL_KEYS:
        if k not in lab: e("labels missing %s" % k)
    if lab.get("customer_sentiment") not in ("negative", "neutral", "positive"): e("sentiment %r" % lab.get("customer_sentiment"))
    if lab.get("sentiment_trend") not in ("improving", "steady", "worsening"): e("trend %r" % lab.get("sentiment_trend"))
    cr = lab.get("call_reason")
    if not (isinstance(cr, str) and cr and cr == cr.lower() and all(c.isalnum() or c == "_" for c in cr)):
        e("call_reason not snake_case: %r" % cr)
    if not isinstance(lab.get("summary"), str) or not lab.get("summary", "").strip(): e("summary empty")
    for p in lab.get("pii", []):
        ti = p.get("turn")
        if not isinstance(ti, int) or not 0 <= ti < len(turns): e("pii turn %r out of range" % ti); continue
        if p.get("type") not in PII_TYPES: e("pii type %r" % p.get("type"))
        if not p.get("text") or p["text"] not in turns[ti]["text"]:
            e("pii %r not in turn %d" % (p.get("text"), ti))
    # a string listed n times for one turn must occur at least n times there
    cnt = {}
    for p in lab.get("pii", []):
        cnt[(p.get("turn"), p.get("text"))] = cnt.get((p.get("turn"), p.get("text")), 0) + 1
    for (ti, tx), n in cnt.items():
        if isinstance(ti, int) and 0 <= ti < len(turns) and tx and turns[ti]["text"].count(tx) < n:
            e("pii %r listed %d times but occurs %d times in turn %d" % (tx, n, turns[ti]["text"].count(tx), ti))
    for o in lab.get("objections", []):
        ti = o.get("turn")
        if not isinstance(ti, int) or not 0 <= ti < len(turns): e("objection turn %r out of range" % ti); continue
        if turns[ti]["speaker"] != "customer": e("objection on non-customer turn %d" % ti)
        if o.get("category") not in CATS: e("objection category %r" % o.get("category"))
    for a in lab.get("action_items", []):
        if a.get("owner") not in ("agent", "customer"): e("action owner %r" % a.get("owner"))
        if not isinstance(a.get("text"), str) or not a["text"].strip(): e("action text empty")
    qa = lab.get("qa", {})
    if sorted(qa) != sorted(QA_KEYS): e("qa keys %s" % sorted(set(qa) ^ set(QA_KEYS)))
    for k in QA_KEYS:
        v = qa.get(k)
        if v is None and k not in QA_NULLABLE: e("qa.%s is null but may not be" % k)
        elif v is not None and not isinstance(v, bool): e("qa.%s not bool/null: %r" % (k, v))
    if qa.get("interrupted_customer") is not interrupted:
        e("qa.interrupted_customer=%r but timing says %r" % (qa.get("interrupted_customer"), interrupted))
    bs = lab.get("booking_status")
    if bs not in (None, "booked", "not_booked", "service_not_offered"): e("booking_status %r" % bs)
    if dom in ("support", "field_sales") and bs is not None: e("booking_status must be null for %s" % dom)
    if dom in ("csr", "voice_agent") and bs is None: e("booking_status required for %s" % dom)
    q = lab.get("qualification")
    if q not in (None, "hot", "warm", "cold", "unqualified"): e("qualification %r" % q)
    if dom == "csr" and q is None: e("qualification required for csr")
    if dom != "csr" and q is not None: e("qualification only for csr")
    out = lab.get("outcome")
    if out not in (None, "closed_won", "closed_lost", "open"): e("outcome %r" % out)
    if dom == "field_sales" and out is None: e("outcome required for field_sales")
    if dom != "field_sales" and out is not None: e("outcome only for field_sales")
    dv = lab.get("deal_value")
    if out == "closed_won":
        if not isinstance(dv, (int, float)) or isinstance(dv, bool) or dv <= 0: e("deal_value must be a number with closed_won")
    elif dv is not None: e("deal_value only with closed_won")
    k = lab.get("kpis", {})
    if k.get("customer_effort_1to5") not in (1, 2, 3, 4, 5): e("customer_effort %r" % k.get("customer_effort_1to5"))
    if k.get("resolution") not in ("resolved", "unresolved", "escalated"): e("resolution %r" % k.get("resolution"))
    return True, errs


def main(args):
    here = os.path.dirname(os.path.abspath(__file__))
    paths = []
    english_only = False
    for a in args or [here]:
        if os.path.isdir(a):
            english_only = english_only or bool(args)
            pat = "*.labels.json" if args else "ta_*.labels.json"
            paths += sorted(glob.glob(os.path.join(a, pat)))
        else:
            paths.append(a)
    bad = n = 0
    for p in paths:
        ok, errs = check(p, english_only)
        if ok == "skip": continue
        n += 1
        for x in errs: print("%s: %s" % (os.path.basename(p)[:-12], x))
        bad += bool(errs)
    print("%d calls checked, %d with errors" % (n, bad))
    return 1 if bad or n == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
