#!/usr/bin/env python3
"""Check a report's charts: no large solid dark region in any PNG (a glyph
drawn from a fallback font at any size), no empty text and no code point
the chart font cannot draw in any SVG, and the given labels present.

usage: chart_check.py DIR [LABEL ...]
"""
import glob
import re
import struct
import sys
import zlib

SIDE = 16   # a dark square this wide is no line and no letter


def pixels(path):
    """Rows of (r, g, b) brightness tuples' darkness: 1 where dark."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, plte = 8, [], b""
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        pos += n + 12
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, lace = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            plte = body
        elif kind == b"IDAT":
            idat.append(body)
    if depth != 8 or lace:
        raise ValueError(f"{path}: not an 8-bit plain PNG")
    bpp = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[ctype]
    raw = zlib.decompress(b"".join(idat))
    stride = w * bpp
    prev = bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        cur = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 1:
            for x in range(bpp, stride):
                cur[x] = (cur[x] + cur[x - bpp]) & 255
        elif f == 2:
            for x in range(stride):
                cur[x] = (cur[x] + prev[x]) & 255
        elif f == 3:
            for x in range(stride):
                a = cur[x - bpp] if x >= bpp else 0
                cur[x] = (cur[x] + ((a + prev[x]) >> 1)) & 255
        elif f == 4:
            for x in range(stride):
                a = cur[x - bpp] if x >= bpp else 0
                b = prev[x]
                c = prev[x - bpp] if x >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                cur[x] = (cur[x] + (a if pa <= pb and pa <= pc else
                                    b if pb <= pc else c)) & 255
        prev = cur
        if ctype == 3:
            yield [max(plte[3 * i:3 * i + 3]) < 60 for i in cur]
        elif bpp >= 3:
            yield [max(cur[x:x + 3]) < 60 for x in range(0, stride, bpp)]
        else:
            yield [cur[x] < 60 for x in range(0, stride, bpp)]


def dark_square(path):
    """The corner of a SIDE x SIDE dark square, or None."""
    height = None
    for y, row in enumerate(pixels(path)):
        if height is None:
            height = [0] * len(row)
        run = 0
        for x, dark in enumerate(row):
            height[x] = height[x] + 1 if dark else 0
            run = run + 1 if height[x] >= SIDE else 0
            if run >= SIDE:
                return (x - SIDE + 1, y - SIDE + 1)
    return None


UNDRAWN = re.compile("[\u200d\u20e3\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff"
                     "\ufe00-\ufe0f\U0001f000-\U0001ffff\U000e0000-\U000e007f]")
d, want = sys.argv[1], sys.argv[2:]
bad = 0
pngs = sorted(glob.glob(f"{d}/*.png"))
for png in pngs:
    at = dark_square(png)
    if at:
        print(f"chart-check: {png}: a solid dark square at {at}")
        bad += 1
texts = {}
for svg in sorted(glob.glob(f"{d}/*.svg")):
    t = re.findall(r"<text[^>]*>(.*?)</text>", open(svg, encoding="utf-8")
                   .read(), re.S)
    texts[svg] = t
    empty = sum(1 for s in t if not re.sub(r"<[^>]*>", "", s).strip())
    if empty:
        print(f"chart-check: {svg}: {empty} empty labels")
        bad += 1
    for s in t:
        if UNDRAWN.search(s):
            print(f"chart-check: {svg}: {s!r} has a character the font "
                  f"cannot draw")
            bad += 1
every = [s for t in texts.values() for s in t]
for label in want:
    if label not in every:
        print(f"chart-check: {d}: no chart shows the label {label!r}")
        bad += 1
if bad or not pngs:
    sys.exit(1)
print(f"chart-check: {d}: {len(pngs)} PNGs without dark squares, "
      f"{len(every)} labels, {len(want)} names shown")
