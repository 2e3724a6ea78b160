#!/usr/bin/env python3
"""An independent computation of qp-cohort's check-in tables.

Written from qunpipe(7) "Check-ins" in the plainest way: every event in
memory, each member's check-in days in a set, no streaming, no bitmaps.
tests/prop/crosscheck-checkin.sh compares its output with qp-cohort's on
generated data.

    reference_checkin.py ZONE events.csv GROUPS.csv|- OUTDIR

reads the events table as `qp-cat -t events` prints it and a groups file
(UTF-8, English headers, or - for none) and writes OUTDIR/<table>.csv for
checkins, checkin_days and camps, without their header.
"""
import csv
import datetime as dt
import os
import re
import sys
from collections import defaultdict
from fractions import Fraction
from zoneinfo import ZoneInfo

ZONE = ZoneInfo(sys.argv[1])
EPOCH = dt.date(1970, 1, 1)
CHECKIN = re.compile("打卡|签到|Day ?[0-9]+|第[0-9一二三四五六七八九十]+天")
MAKEUP = re.compile("补卡")


def lday(t):
    return (dt.datetime.fromtimestamp(t, ZONE).date() - EPOCH).days


def secs_of_day(t):
    d = dt.datetime.fromtimestamp(t, ZONE)
    return d.hour * 3600 + d.minute * 60 + d.second


def midnight(day):
    d = EPOCH + dt.timedelta(days=day)
    return int(dt.datetime(d.year, d.month, d.day, tzinfo=ZONE).timestamp())


def dstr(day):
    return "" if day is None else (EPOCH + dt.timedelta(days=day)).isoformat()


def rate(a, b):
    if b == 0:
        return ""
    q, r = divmod(Fraction(a, b) * 10000, 1)
    q = int(q)
    if r > Fraction(1, 2) or (r == Fraction(1, 2) and q % 2 == 1):
        q += 1
    return "%d.%04d" % (q // 10000, q % 10000)


def n(v):
    return "" if v is None else str(v)


events = []
with open(sys.argv[2], encoding="utf-8", newline="") as f:
    for i, row in enumerate(csv.DictReader(f)):
        row["t"] = int(dt.datetime.fromisoformat(row["ts"]).timestamp())
        row["day"] = lday(row["t"])
        row["seq"] = i
        events.append(row)
E = max(e["day"] for e in events)

plans = None
if sys.argv[3] != "-":
    plans = {}
    with open(sys.argv[3], encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            p = {"type": r.get("type", ""), "start": None, "days": None,
                 "deadline": None, "required": None}
            if r.get("start"):
                p["start"] = (dt.date.fromisoformat(r["start"]) - EPOCH).days
            if r.get("days"):
                p["days"] = int(r["days"])
            if r.get("required"):
                p["required"] = int(r["required"])
            if r.get("deadline"):
                h, m = r["deadline"].split(":")
                p["deadline"] = int(h) * 3600 + int(m) * 60
            plans.setdefault(r["group"], p)

names = {}
for e in sorted(events, key=lambda e: (e["t"], e["seq"])):
    if e["user_id"] and e["user"]:
        names[e["user_id"]] = e["user"]

out = {"checkins": [], "checkin_days": [], "camps": []}
# "*": camp day k of every camp added up; the camps' counts added up, each
# rate over the camps it applies to
star_days = defaultdict(lambda: [0, 0])
star = dict(enrolled=0, reported=0, md=0, cks=0, comp=0, ereq=0, stayed=0,
            eend=0)
for g in sorted({e["group_id"] for e in events if e["group_id"]}):
    evs = [e for e in events if e["group_id"] == g]
    plan = None
    if plans is not None:
        plan = plans.get(g) or plans.get(evs[0]["group"])
        if plan is None or (plan["start"] is None and plan["type"] != "camp"):
            continue
    # memberships: first entry, last exit (None: still in)
    enrol, left, state = {}, {}, {}
    start = plan["start"] if plan else None
    start_ts = midnight(start) if start is not None else None
    first_ck_seq = None
    ck, on, mk = defaultdict(set), defaultdict(set), defaultdict(set)
    for e in evs:
        u, k = e["user_id"], e["kind"]
        if not u:
            continue
        st = state.get(u)
        if k in ("join", "message", "rename") and st != "in":
            enrol.setdefault(u, e["t"])
            left[u] = None
            state[u] = "in"
        elif k in ("leave", "remove"):
            if st == "in":
                left[u] = e["t"]
                state[u] = "out"
            elif st is None:
                enrol[u] = left[u] = e["t"]
                state[u] = "out"
        if k != "message" or not (CHECKIN.search(e["text"]) or
                                  MAKEUP.search(e["text"])):
            continue
        if start is None:
            start, start_ts, first_ck_seq = e["day"], e["t"], e["seq"]
        last = start + plan["days"] - 1 if plan and plan["days"] else None
        d = e["day"]
        if d < start or (last is not None and d > last):
            continue
        if (MAKEUP.search(e["text"]) and d - 1 >= start and
                d - 1 >= lday(enrol[u]) and d - 1 not in ck[u]):
            ck[u].add(d - 1)
            mk[u].add(d - 1)
            continue
        ck[u].add(d)
        if plan and plan["deadline"] is not None and \
                secs_of_day(e["t"]) < plan["deadline"]:
            on[u].add(d)
    if start is None:
        continue
    last = start + plan["days"] - 1 if plan and plan["days"] else None
    hi = E if last is None else min(last, E)
    # 报到: a message within 24 h of max(start, entry), from the start on
    reported = set()
    for e in evs:
        u = e["user_id"]
        if e["kind"] != "message" or not u:
            continue
        if first_ck_seq is not None and e["seq"] < first_ck_seq:
            continue
        a = max(start_ts, enrol[u])
        if a <= e["t"] < a + 86400 and (last is None or e["day"] <= last):
            reported.add(u)

    def member_on(u, d):
        return lday(enrol[u]) <= d and (left[u] is None or lday(left[u]) >= d)

    req = None
    if plan:
        req = plan["required"] if plan["required"] is not None else plan["days"]
    ended = last is not None and E >= last
    enrolled = [u for u in sorted(enrol) if lday(enrol[u]) <= hi and
                (left[u] is None or lday(left[u]) >= start)]
    if start <= E:
        for u in enrolled:
            days = sorted(x for x in ck[u] if start <= x <= hi)
            longest = run = 0
            prev = None
            for x in days:
                run = run + 1 if prev == x - 1 else 1
                longest = max(longest, run)
                prev = x
            end = hi - 1 if hi == E and hi not in ck[u] else hi
            cur = 0
            while end - cur >= start and end - cur in ck[u]:
                cur += 1
            broke = E - 1 >= start and E <= hi and E - 1 in ck[u] and E not in ck[u]
            out["checkins"].append([
                g, u, names.get(u, ""), len(days),
                dstr(days[0] if days else None),
                dstr(days[-1] if days else None), longest, cur,
                n(len([x for x in on[u] if start <= x <= hi]))
                if plan and plan["deadline"] is not None else "",
                len([x for x in mk[u] if start <= x <= hi]),
                ("1" if len(days) >= req else "0") if req is not None else "",
                "1" if longest >= 7 else "0", "1" if broke else "0"])
    md = cks = 0
    for d in range(start, hi + 1):
        en = [u for u in enrol if member_on(u, d)]
        k = len([u for u in en if d in ck[u]])
        md += len(en)
        cks += k
        star_days[d - start + 1][0] += len(en)
        star_days[d - start + 1][1] += k
        out["checkin_days"].append([g, d - start + 1, dstr(d), len(en), k,
                                    rate(k, len(en))])
    if start > E:
        continue
    comp = len([u for u in enrolled if req is not None and
                len([x for x in ck[u] if start <= x <= hi]) >= req])
    stayed = len([u for u in enrolled if left[u] is None or
                  lday(left[u]) > last]) if ended else None
    rep = len([u for u in enrolled if u in reported])
    star["enrolled"] += len(enrolled)
    star["reported"] += rep
    star["md"] += md
    star["cks"] += cks
    if req is not None:
        star["comp"] += comp
        star["ereq"] += len(enrolled)
    if ended:
        star["stayed"] += stayed
        star["eend"] += len(enrolled)
    out["camps"].append([
        g, plan["type"] if plan else "", dstr(start),
        n(plan["days"]) if plan else "", dstr(last), len(enrolled), rep,
        rate(rep, len(enrolled)), md, cks, rate(cks, md), n(req),
        n(comp) if req is not None else "",
        rate(comp, len(enrolled)) if req is not None else "",
        n(stayed), rate(stayed, len(enrolled)) if ended else ""])

out["checkin_days"][:0] = [["*", k, "", v[0], v[1], rate(v[1], v[0])]
                           for k, v in sorted(star_days.items())]
if out["camps"]:
    out["camps"].insert(0, [
        "*", "", "", "", "", star["enrolled"], star["reported"],
        rate(star["reported"], star["enrolled"]), star["md"], star["cks"],
        rate(star["cks"], star["md"]), "",
        n(star["comp"]) if star["ereq"] else "",
        rate(star["comp"], star["ereq"]) if star["ereq"] else "",
        n(star["stayed"]) if star["eend"] else "",
        rate(star["stayed"], star["eend"]) if star["eend"] else ""])
os.makedirs(sys.argv[4], exist_ok=True)
for name, rows in out.items():
    with open(os.path.join(sys.argv[4], name + ".csv"), "w", encoding="utf-8",
              newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        for r in rows:
            w.writerow(r)
