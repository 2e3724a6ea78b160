#!/usr/bin/env python3
"""Independent computation of qp-cohort's activities and activity_weeks
tables (qunpipe(7) "Activities"), every event in memory.

usage: reference_activity.py ZONE events.csv roles.csv weekly.csv WINDOW_S
           NAME:REGEX ... OUTDIR

events.csv is the events table in stream order (qp-cat -t events of a
sorted stream), weekly.csv the weekly rows the reference computed (its
members column), OUTDIR gets activities.csv and activity_weeks.csv without
their headers.  Python's re agrees with POSIX ERE on the rules used.
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
WINDOW = int(sys.argv[5])
RULES = [(r.split(":", 1)[0], re.compile(r.split(":", 1)[1]))
         for r in sys.argv[6:-1]]
OUT = sys.argv[-1]


def instant(ts):
    return int(dt.datetime.fromisoformat(ts).timestamp() // 1)


def lday(t):
    return (dt.datetime.fromtimestamp(t, ZONE).date() - EPOCH).days


def wstr(day):
    return "%04d-W%02d" % (EPOCH + dt.timedelta(days=day)).isocalendar()[:2]


def tstr(t):
    return dt.datetime.fromtimestamp(t, ZONE).isoformat()


def rate(a, b):
    if b == 0:
        return ""
    q, r = divmod(Fraction(a, b) * 10000, 1)
    q = int(q)
    if r > Fraction(1, 2) or (r == Fraction(1, 2) and q % 2 == 1):
        q += 1
    return "%d.%04d" % (q // 10000, q % 10000)


def median(d):
    d = sorted(d)
    if not d:
        return ""
    if len(d) % 2:
        return str(d[len(d) // 2])
    s = d[len(d) // 2 - 1] + d[len(d) // 2]
    return str(s // 2) + (".5" if s % 2 else "")


roles = {}
with open(sys.argv[3], encoding="utf-8", newline="") as f:
    for r in csv.DictReader(f):
        roles.setdefault((r["group_id"], r["user_id"]), []).append(r["role"])
ORDER = ["owner", "admin", "assistant", "sales", "shill", "bot"]


def role(g, u):
    rs = roles.get((g, u), []) + roles.get(("*", u), [])
    return min(rs, key=ORDER.index) if rs else None


events = []
with open(sys.argv[2], encoding="utf-8", newline="") as f:
    for r in csv.DictReader(f):
        if r["group_id"]:
            r["t"] = instant(r["ts"])
            events.append(r)

acts = []               # dicts, in group then start order
for g in dict.fromkeys(e["group_id"] for e in events):
    state = {}          # member -> open?
    since = {}          # member -> when their membership began
    mine = []           # this group's activities
    for e in (e for e in events if e["group_id"] == g):
        u, k = e["user_id"], e["kind"]
        if not u:
            continue
        r = role(g, u)
        if r is not None:
            if k != "message" or r == "shill":
                continue
            name = None
            if e["media"] == "red_packet":
                name, kind = "红包", "rp"
            else:
                kind = "jl" if e["media"] == "jielong" else ""
                for n, rx in RULES:
                    if e["text"] and rx.search(e["text"]):
                        name = n
                        break
                if name is None and kind == "jl":
                    name = "接龙"
            if name is None:
                continue
            if mine:
                mine[-1]["end"] = min(mine[-1]["end"], e["t"])
            mine.append(dict(g=g, start=e["t"], end=e["t"] + WINDOW,
                             name=name, kind=kind, by=u, msg=e["msg_id"],
                             members=sum(state.values()), replies=0,
                             first={}))
            continue
        if k in ("join", "message", "rename"):
            if not state.get(u):
                since[u] = e["t"]
            state[u] = True
        elif k in ("leave", "remove"):
            state[u] = False

        def part(a):
            # only members counted at its start take part: rate <= 1
            if state.get(u) and since[u] <= a["start"]:
                a["first"].setdefault(u, e["t"] - a["start"])
        if k == "custom":
            rps = [a for a in mine if a["kind"] == "rp"]
            if rps and e["name"] == "red_packet_open":
                part(rps[-1])
            continue
        if k != "message" or not mine:
            continue
        if e["reply_to"]:
            hit = [a for a in mine if a["msg"] == e["reply_to"]]
            if hit:
                hit[-1]["replies"] += 1
                part(hit[-1])
        jls = [a for a in mine if a["kind"] == "jl"]
        if jls and e["media"] == "jielong":
            part(jls[-1])
        if e["t"] < mine[-1]["end"]:
            part(mine[-1])
    acts += mine

os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, "activities.csv"), "w", encoding="utf-8",
          newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    for a in acts:
        p = len(a["first"])
        w.writerow([a["g"], tstr(a["start"]), tstr(a["end"]), a["name"],
                    a["by"], a["members"], p, rate(p, a["members"]),
                    a["replies"], median(a["first"].values())])

weekly = defaultdict(list)          # scope -> [(week, members)]
with open(sys.argv[4], encoding="utf-8", newline="") as f:
    for r in csv.reader(f):
        weekly[r[1]].append((r[0], int(r[2])))
with open(os.path.join(OUT, "activity_weeks.csv"), "w", encoding="utf-8",
          newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    for scope in weekly:
        mine = [a for a in acts if scope == "*" or a["g"] == scope]
        if not mine:
            continue
        for wk, members in weekly[scope]:
            these = [a for a in mine if wstr(lday(a["start"])) == wk]
            if not these:
                w.writerow([wk, scope, members, 0, "", ""])
                continue
            p = len({u for a in these for u in a["first"]})
            w.writerow([wk, scope, members, len(these), p, rate(p, members)])
