#!/usr/bin/env python3
"""Paints the demo images used by the poster examples.

    .venv/bin/python www/examples/make-assets.py

Pillow only. Every random choice comes from a seeded random.Random, and nothing reads
the clock, so every run writes the same bytes (for the same Pillow and libjpeg).
Shapes are drawn at twice the final size and scaled down, which smooths their edges.
"""

import math
import os
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter

HERE = os.path.dirname(os.path.abspath(__file__))
SS = 2  # supersampling factor for drawn shapes

JPEG_OPTS = dict(quality=85, optimize=True, progressive=False, subsampling="4:2:0")


# --- helpers ----------------------------------------------------------------------------


def hexc(s, a=None):
    s = s.lstrip("#")
    rgb = tuple(int(s[i : i + 2], 16) for i in (0, 2, 4))
    return rgb if a is None else rgb + (a,)


def lerp(c1, c2, t):
    return tuple(round(a + (b - a) * t) for a, b in zip(c1, c2))


def ramp(stops, t):
    """Color at t in [0, 1] along a list of (position, color) stops."""
    t = min(max(t, 0.0), 1.0)
    for (p1, c1), (p2, c2) in zip(stops, stops[1:]):
        if t <= p2:
            return lerp(c1, c2, (t - p1) / (p2 - p1) if p2 > p1 else 0.0)
    return stops[-1][1]


def field(size, fn, grid=64, mode="RGB"):
    """An image whose pixel at (u, v) in [0, 1]^2 is fn(u, v): sampled on a grid, then
    smoothly scaled up (cheap, and smooth enough for gradients)."""
    gw = gh = grid
    img = Image.new(mode, (gw, gh))
    img.putdata([fn(x / (gw - 1), y / (gh - 1)) for y in range(gh) for x in range(gw)])
    return img.resize(size, Image.Resampling.BICUBIC)


def vgradient(size, stops):
    w, h = size
    col = Image.new("RGB", (1, h))
    col.putdata([ramp(stops, y / (h - 1)) for y in range(h)])
    return col.resize(size, Image.Resampling.NEAREST)


def glow(base, center, radius, color, strength=1.0):
    """Adds a soft radial light (color with a radial falloff) over base, in place."""
    r = int(radius)
    # radial_gradient is 0 at the centre and 255 at the corners (distance 128 * sqrt 2).
    scale = math.hypot(128, 128) / 128 / 255

    def falloff(v):
        t = min(1.0, v * scale)
        return int(255 * strength * (1 - t) ** 2 + 0.5)

    mask = Image.radial_gradient("L").point(falloff).resize((2 * r, 2 * r), Image.Resampling.BICUBIC)
    layer = Image.new("RGB", (2 * r, 2 * r), color)
    base.paste(layer, (int(center[0] - r), int(center[1] - r)), mask)


def blurred_layer(size, draw_fn, blur, ss=1):
    """A transparent RGBA layer drawn by draw_fn(ImageDraw, scale), then blurred."""
    w, h = size
    layer = Image.new("RGBA", (w * ss, h * ss), (0, 0, 0, 0))
    draw_fn(ImageDraw.Draw(layer), ss)
    # Scale and blur with premultiplied alpha, so that transparent pixels (black) do not
    # darken the edges of the shapes.
    layer = layer.convert("RGBa")
    if ss != 1:
        layer = layer.resize(size, Image.Resampling.LANCZOS)
    if blur:
        layer = layer.filter(ImageFilter.GaussianBlur(blur))
    return layer.convert("RGBA")


def over(base, layer):
    """Alpha-composites an RGBA layer over an RGB image."""
    return Image.alpha_composite(base.convert("RGBA"), layer).convert("RGB")


def shadow(mask, offset, blur, opacity):
    """A soft drop shadow (as an L mask) of a shape mask."""
    m = ImageChops.offset(mask, *offset).filter(ImageFilter.GaussianBlur(blur))
    return m.point(lambda v: int(v * opacity))


def rounded_mask(size, box, radius):
    m = Image.new("L", size, 0)
    ImageDraw.Draw(m).rounded_rectangle(box, radius=radius, fill=255)
    return m


def save_jpeg(img, path, exif=None):
    opts = dict(JPEG_OPTS)
    if exif is not None:
        opts["exif"] = exif
    img.convert("RGB").save(path, "JPEG", **opts)


def save_png(img, path):
    img.save(path, "PNG", optimize=True)


def out(*parts):
    path = os.path.join(HERE, *parts)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    return path


# --- backgrounds ------------------------------------------------------------------------


def warm_bokeh_bg(seed, size=(750, 1334)):
    rng = random.Random(seed)
    w, h = size
    stops = [(0.0, hexc("#ffb15c")), (0.45, hexc("#ff7a3d")), (1.0, hexc("#e0352f"))]
    img = field(size, lambda u, v: ramp(stops, 0.75 * v + 0.25 * u))
    glow(img, (w * 0.78, h * 0.10), w * 0.75, hexc("#ffe7a8"), 0.55)
    glow(img, (w * 0.10, h * 0.92), w * 0.70, hexc("#c81e3a"), 0.45)

    # Far bokeh: large, very soft.
    def far(d, s):
        for _ in range(14):
            r = rng.uniform(60, 140)
            x, y = rng.uniform(-40, w + 40), rng.uniform(-40, h + 40)
            d.ellipse((x - r, y - r, x + r, y + r), fill=hexc("#fff1c9", rng.randint(40, 80)))

    img = over(img, blurred_layer(size, far, 28))

    # Near bokeh: smaller discs with a brighter rim, slightly blurred.
    def near(d, s):
        for _ in range(26):
            r = rng.uniform(14, 48) * s
            x, y = rng.uniform(0, w) * s, rng.uniform(0, h) * s
            a = rng.randint(60, 120)
            col = rng.choice(["#fff6d8", "#ffd89a", "#ffc2a0"])
            d.ellipse((x - r, y - r, x + r, y + r), fill=hexc(col, a // 2))
            d.ellipse((x - r, y - r, x + r, y + r), outline=hexc(col, a), width=int(3 * s))

    img = over(img, blurred_layer(size, near, 3, ss=SS))

    # Tiny sparkles.
    def sparkles(d, s):
        for _ in range(40):
            r = rng.uniform(2, 5)
            x, y = rng.uniform(0, w), rng.uniform(0, h)
            d.ellipse((x - r, y - r, x + r, y + r), fill=hexc("#fffbe8", rng.randint(120, 220)))

    img = over(img, blurred_layer(size, sparkles, 1.2))
    return img


def cool_confetti_bg(seed, size=(750, 1000)):
    rng = random.Random(seed)
    w, h = size
    stops = [(0.0, hexc("#5b7cfa")), (0.55, hexc("#6a5ae0")), (1.0, hexc("#8e44c8"))]
    img = field(size, lambda u, v: ramp(stops, 0.7 * v + 0.3 * (1 - u)))
    glow(img, (w * 0.2, h * 0.05), w * 0.8, hexc("#9fd0ff"), 0.5)
    glow(img, (w * 0.95, h * 0.85), w * 0.6, hexc("#d86bd6"), 0.35)

    # Soft large circles far behind.
    def far(d, s):
        for _ in range(8):
            r = rng.uniform(80, 170)
            x, y = rng.uniform(0, w), rng.uniform(0, h)
            d.ellipse((x - r, y - r, x + r, y + r), fill=hexc("#e6ecff", rng.randint(25, 50)))

    img = over(img, blurred_layer(size, far, 30))

    palette = ["#ffd166", "#ff8fab", "#7ef0d0", "#ffffff", "#a5b4ff", "#ffb347"]

    def confetti(count, scale):
        def paint(d, s):
            for _ in range(count):
                x, y = rng.uniform(0, w) * s, rng.uniform(0, h) * s
                col = hexc(rng.choice(palette), rng.randint(150, 235))
                kind = rng.random()
                size_ = rng.uniform(7, 16) * scale * s
                if kind < 0.55:  # a rotated strip
                    ang = rng.uniform(0, math.pi)
                    lw, lh = size_ * 1.6, size_ * 0.55
                    ca, sa = math.cos(ang), math.sin(ang)
                    pts = [
                        (x + ca * dx - sa * dy, y + sa * dx + ca * dy)
                        for dx, dy in ((-lw, -lh), (lw, -lh), (lw, lh), (-lw, lh))
                    ]
                    d.polygon(pts, fill=col)
                elif kind < 0.85:  # a dot
                    r = size_ * 0.6
                    d.ellipse((x - r, y - r, x + r, y + r), fill=col)
                else:  # a small ring
                    r = size_ * 0.8
                    d.ellipse((x - r, y - r, x + r, y + r), outline=col, width=int(max(2, size_ * 0.3)))

        return paint

    img = over(img, blurred_layer(size, confetti(34, 1.6), 5, ss=SS))  # out of focus
    img = over(img, blurred_layer(size, confetti(70, 1.0), 0.6, ss=SS))  # sharp
    return img


def star_points(cx, cy, r_out, r_in, rot=0.0, n=5):
    pts = []
    for k in range(2 * n):
        r = r_out if k % 2 == 0 else r_in
        a = rot - math.pi / 2 + k * math.pi / n
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def festive_pattern_bg(seed, size=(750, 1000)):
    """Flat festive red: sunburst rays, a scattering of gold stars and dots, cloud-like
    scallops along the bottom. Flat colors only, quantized to a small palette, so the PNG
    stays small."""
    rng = random.Random(seed)
    w, h = size
    s = SS

    def X(v):
        return v * s

    img = Image.new("RGB", (w * s, h * s), hexc("#e63e36"))
    d = ImageDraw.Draw(img)
    # Sunburst from a point above the top centre.
    ox, oy, n = w / 2, 180, 28
    for k in range(0, n, 2):
        a0 = 2 * math.pi * k / n
        a1 = 2 * math.pi * (k + 1) / n
        far = 2000
        pts = [(ox, oy), (ox + far * math.cos(a0), oy + far * math.sin(a0)), (ox + far * math.cos(a1), oy + far * math.sin(a1))]
        d.polygon([(X(x), X(y)) for x, y in pts], fill=hexc("#ea4a3f"))
    # A calm disc behind the burst's centre.
    d.ellipse((X(ox - 150), X(oy - 150), X(ox + 150), X(oy + 150)), fill=hexc("#ee5a48"))
    d.ellipse((X(ox - 110), X(oy - 110), X(ox + 110), X(oy + 110)), fill=hexc("#f26b50"))
    # Gold stars and dots, kept away from the middle where the coupon sits.
    gold, pale = hexc("#ffd36e"), hexc("#ffe6a6")
    placed = 0
    while placed < 22:
        x, y = rng.uniform(20, w - 20), rng.uniform(20, h - 20)
        if 90 < x < w - 90 and 300 < y < 820:
            continue
        placed += 1
        if rng.random() < 0.5:
            r = rng.uniform(9, 18)
            d.polygon([(X(px), X(py)) for px, py in star_points(x, y, r, r * 0.45, rng.uniform(0, 1))], fill=rng.choice((gold, pale)))
        else:
            r = rng.uniform(3, 7)
            d.ellipse((X(x - r), X(y - r), X(x + r), X(y + r)), fill=rng.choice((gold, pale)))
    # Cloud scallops along the bottom: two rows of overlapping circles.
    for row, (base_y, col, rad) in enumerate(((930, "#d9342d", 58), (975, "#c82a26", 50))):
        x = -20 + row * 30
        while x < w + 60:
            r = rad * rng.uniform(0.8, 1.1)
            d.ellipse((X(x - r), X(base_y - r), X(x + r), X(base_y + r)), fill=hexc(col))
            x += r * 1.3
        d.rectangle((0, X(base_y), X(w), X(h)), fill=hexc(col))
    # A thin gold frame.
    d.rounded_rectangle((X(18), X(18), X(w - 18), X(h - 18)), radius=X(26), outline=gold, width=X(3))
    img = img.resize(size, Image.Resampling.LANCZOS)
    # Quantize back to a small palette: the edges stay smooth, the file stays small.
    return img.quantize(colors=32, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)


# --- product illustrations --------------------------------------------------------------


def band_profile(size, bands, dark=0.84):
    """An L image (255 = 1.0): horizontal puffed bands, darker at their seams and full
    bright in their middle."""
    w, h = size
    vals = [255] * h
    for y0, y1 in bands:
        for y in range(max(0, int(y0)), min(h, int(y1))):
            t = (y - y0) / (y1 - y0)
            vals[y] = round(255 * (dark + (1 - dark) * math.sin(math.pi * t) ** 0.6))
    col = Image.new("L", (1, h))
    col.putdata(vals)
    return col.resize(size, Image.Resampling.NEAREST)


def inner_shade(mask, radius, dark=0.78):
    """An L image (255 = 1.0) that darkens a shape towards its edges, so it looks round."""
    e = mask.filter(ImageFilter.GaussianBlur(radius))
    return e.point(lambda v: round(255 * (dark + (1 - dark) * min(1.0, max(0.0, (v - 100) / 155)) ** 0.7)))


def multiply(img, factor):
    return ImageChops.multiply(img, factor.convert("RGB"))


def jacket_product(seed, size=(1000, 1000)):
    rng = random.Random(seed)
    w, h = size
    s = SS
    W, H = w * s, h * s
    bg = field(size, lambda u, v: ramp([(0, hexc("#fbf6f1")), (1, hexc("#f0e4da"))], 0.8 * v + 0.2 * u))
    glow(bg, (w * 0.5, h * 0.40), w * 0.6, hexc("#ffffff"), 0.9)
    # A soft round stage behind the jacket.
    bg = over(bg, blurred_layer(size, lambda d, k: d.ellipse((150, 120, 850, 820), fill=hexc("#f8dcd3", 255)), 3))
    bg = over(bg, blurred_layer(size, lambda d, k: d.ellipse((150, 120, 850, 820), outline=hexc("#ffffff", 200), width=4), 1))

    def X(v):
        return v * s

    def poly_mask(pts):
        m = Image.new("L", (W, H), 0)
        ImageDraw.Draw(m).polygon([(X(x), X(y)) for x, y in pts], fill=255)
        # round the corners a little
        return m.filter(ImageFilter.GaussianBlur(X(5))).point(lambda v: 255 if v > 127 else 0)

    cx = 500
    body_pts = [(cx - 160, 250), (cx + 160, 250), (cx + 198, 330), (cx + 222, 780),
                (cx + 216, 806), (cx - 216, 806), (cx - 222, 780), (cx - 198, 330)]
    sleeve_l = [(cx - 160, 250), (cx - 250, 292), (cx - 296, 420), (cx - 330, 722),
                (cx - 252, 746), (cx - 226, 520), (cx - 200, 360)]
    sleeve_r = [(2 * cx - x, y) for x, y in sleeve_l]
    collar_box = (cx - 96, 196, cx + 96, 272)

    base = hexc("#f3a7a0")
    bands = []
    y = 276
    for bh in (88, 92, 96, 100, 104, 110, 120):
        bands.append((X(y), X(y + bh)))
        y += bh
    puff = band_profile((W, H), bands)

    color = Image.new("RGB", (W, H), base)
    mask = Image.new("L", (W, H), 0)
    for pts in (sleeve_l, sleeve_r, body_pts):
        m = poly_mask(pts)
        part = multiply(multiply(Image.new("RGB", (W, H), base), puff), inner_shade(m, X(26)))
        color.paste(part, (0, 0), m)
        mask = ImageChops.lighter(mask, m)
    cm = Image.new("L", (W, H), 0)
    ImageDraw.Draw(cm).rounded_rectangle([X(v) for v in collar_box], radius=X(26), fill=255)
    collar = multiply(Image.new("RGB", (W, H), hexc("#e8918b")), inner_shade(cm, X(14), 0.8))
    color.paste(collar, (0, 0), cm)
    mask = ImageChops.lighter(mask, cm)

    det = ImageDraw.Draw(color)
    seam = hexc("#c87470")
    # Quilting seams between the baffles, across body and sleeves (gently curved).
    for y0, _ in bands[1:]:
        yy = y0 / s
        pts = [(cx + dx, yy + 7 * (1 - (dx / 340) ** 2)) for dx in range(-340, 341, 20)]
        det.line([(X(x), X(y)) for x, y in pts], fill=seam, width=X(2), joint="curve")
    # Armhole seams.
    for sign in (-1, 1):
        pts = [(cx + sign * 160, 252), (cx + sign * 196, 332), (cx + sign * 200, 362), (cx + sign * 226, 520), (cx + sign * 236, 748)]
        det.line([(X(x), X(y)) for x, y in pts], fill=seam, width=X(2), joint="curve")
    # Cuffs: a ribbed band at each sleeve end.
    for sign in (-1, 1):
        pts = [(cx + sign * 246, 712), (cx + sign * 326, 690), (cx + sign * 331, 724), (cx + sign * 252, 748)]
        det.polygon([(X(x), X(y)) for x, y in pts], fill=hexc("#d9837e"))
    # Hem band.
    det.rounded_rectangle((X(cx - 222), X(778), X(cx + 222), X(806)), radius=X(8), fill=hexc("#df8a84"))
    # Zipper, and its pull at the collar.
    det.line((X(cx), X(200), X(cx), X(806)), fill=hexc("#9a4e4a"), width=X(4))
    det.rounded_rectangle((X(cx - 8), X(258), X(cx + 8), X(298)), radius=X(5), fill=hexc("#fff1de"))
    det.ellipse((X(cx - 4), X(263), X(cx + 4), X(271)), fill=hexc("#9a4e4a"))
    # Pockets: two slanted welts.
    for sign in (-1, 1):
        det.line([(X(cx + sign * 72), X(565)), (X(cx + sign * 140), X(640))], fill=hexc("#b9605e"), width=X(5))
    # Sheen: a soft highlight on the upper left of each baffle.
    sheen = Image.new("L", (W, H), 0)
    sd = ImageDraw.Draw(sheen)
    for y0, y1 in bands:
        mid = (y0 + y1) / 2 - (y1 - y0) * 0.16
        sd.ellipse((X(cx - 180), mid - X(10), X(cx - 30), mid + X(10)), fill=90)
        sd.ellipse((X(cx + 40), mid - X(7), X(cx + 150), mid + X(7)), fill=45)
    sheen = ImageChops.multiply(sheen.filter(ImageFilter.GaussianBlur(X(9))), mask)
    color.paste(Image.new("RGB", (W, H), (255, 246, 242)), (0, 0), sheen)

    # Down to final size and composite onto the background with a soft shadow.
    color = color.resize(size, Image.Resampling.LANCZOS)
    mask = mask.resize(size, Image.Resampling.LANCZOS)
    bg.paste(Image.new("RGB", size, hexc("#9a6458")), (0, 0), shadow(mask, (8, 16), 16, 0.25))
    bg = over(bg, blurred_layer(size, lambda d, k: d.ellipse((290, 796, 710, 836), fill=(120, 80, 70, 80)), 12))
    bg.paste(color, (0, 0), mask)
    # A few soft floating dots for decoration.
    dots = [(rng.uniform(80, 170), rng.uniform(140, 300), rng.uniform(14, 24), "#f4b6a8"),
            (rng.uniform(830, 920), rng.uniform(150, 300), rng.uniform(10, 18), "#ffd7a0"),
            (rng.uniform(840, 930), rng.uniform(720, 860), rng.uniform(16, 26), "#f4b6a8"),
            (rng.uniform(70, 160), rng.uniform(740, 880), rng.uniform(8, 14), "#ffd7a0")]
    deco = blurred_layer(size, lambda d, k: [d.ellipse((x - r, y - r, x + r, y + r), fill=hexc(c, 150)) for x, y, r, c in dots], 1.5)
    return over(bg, deco)


def bubble_tea_product(seed, size=(600, 600)):
    rng = random.Random(seed)
    w, h = size
    s = SS
    W, H = w * s, h * s
    bg = field(size, lambda u, v: ramp([(0, hexc("#fff4e6")), (1, hexc("#ffe0cc"))], 0.6 * v + 0.4 * u))
    bg = over(bg, blurred_layer(size, lambda d, k: d.ellipse((110, 90, 490, 470), fill=hexc("#ffc9a8", 140)), 4))

    def X(v):
        return v * s

    cx = 300
    top_y, bot_y = 175, 520
    top_hw, bot_hw = 118, 90
    cup = [(cx - top_hw, top_y), (cx + top_hw, top_y), (cx + bot_hw, bot_y), (cx - bot_hw, bot_y)]

    def half_width(y):
        t = (y - top_y) / (bot_y - top_y)
        return top_hw + (bot_hw - top_hw) * t

    canvas = Image.new("RGBA", (W, H), (0, 0, 0, 0))

    # Straw behind the lid: a wide pastel tube going up and to the right.
    straw = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    sd = ImageDraw.Draw(straw)
    ang = math.radians(14)
    x0, y0 = cx + 20, 330
    length, half = 300, 15
    dx, dy = math.sin(ang), -math.cos(ang)
    nx, ny = math.cos(ang), math.sin(ang)
    x1, y1 = x0 + dx * length, y0 + dy * length
    pts = [(x0 - nx * half, y0 - ny * half), (x1 - nx * half, y1 - ny * half),
           (x1 + nx * half, y1 + ny * half), (x0 + nx * half, y0 + ny * half)]
    sd.polygon([(X(x), X(y)) for x, y in pts], fill=hexc("#ff8fa3", 255))
    # highlight stripe on the straw
    pts2 = [(x0 - nx * 8, y0 - ny * 8), (x1 - nx * 8, y1 - ny * 8), (x1 - nx * 3, y1 - ny * 3), (x0 - nx * 3, y0 - ny * 3)]
    sd.polygon([(X(x), X(y)) for x, y in pts2], fill=hexc("#ffc4cf", 255))
    sd.ellipse((X(x1 - half), X(y1 - half * 0.45), X(x1 + half), X(y1 + half * 0.45)), fill=hexc("#e8667d", 255))
    canvas = Image.alpha_composite(canvas, straw)

    # Cup contents: milk tea gradient, with the pearls at the bottom.
    cup_mask = Image.new("L", (W, H), 0)
    ImageDraw.Draw(cup_mask).polygon([(X(x), X(y)) for x, y in cup], fill=255)
    fill_top = 215
    tea = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    grad = vgradient((W, H), [(0, hexc("#f1d3ad")), (fill_top / h, hexc("#e9c29a")),
                              (0.7, hexc("#d9a877")), (1, hexc("#c4905f"))]).convert("RGBA")
    tea_mask = Image.new("L", (W, H), 0)
    ImageDraw.Draw(tea_mask).rectangle((0, X(fill_top), W, H), fill=255)
    tea.paste(grad, (0, 0), ImageChops.multiply(cup_mask, tea_mask))
    td = ImageDraw.Draw(tea)
    # Creamy swirl near the top.
    for k in range(3):
        yy = fill_top + 22 + k * 26
        hw = half_width(yy) - 6
        td.arc((X(cx - hw), X(yy - 14), X(cx + hw), X(yy + 14)), 10, 170, fill=hexc("#f7e3c8", 160), width=X(5))
    # Pearls.
    pearls = []
    for row in range(4):
        yy = bot_y - 22 - row * 30
        hw = half_width(yy) - 20
        n = int(2 * hw / 33)
        for i in range(n + 1):
            xx = cx - hw + i * (2 * hw / max(n, 1)) + rng.uniform(-4, 4)
            pearls.append((xx, yy + rng.uniform(-5, 5), rng.uniform(13, 16)))
    for xx, yy, r in pearls:
        td.ellipse((X(xx - r), X(yy - r), X(xx + r), X(yy + r)), fill=hexc("#3b2418", 255))
        td.ellipse((X(xx - r * 0.55), X(yy - r * 0.6), X(xx - r * 0.1), X(yy - r * 0.15)), fill=hexc("#7a5444", 255))
    tea.putalpha(ImageChops.multiply(tea.getchannel("A"), cup_mask))
    canvas = Image.alpha_composite(canvas, tea)

    # Clear plastic: a faint tint, rim lines and vertical highlights.
    glass = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    gd = ImageDraw.Draw(glass)
    gd.polygon([(X(x), X(y)) for x, y in cup], fill=(255, 255, 255, 45))
    gd.line([(X(cx - top_hw), X(top_y)), (X(cx - bot_hw), X(bot_y))], fill=(255, 255, 255, 170), width=X(3))
    gd.line([(X(cx + top_hw), X(top_y)), (X(cx + bot_hw), X(bot_y))], fill=(255, 255, 255, 120), width=X(3))
    hx0, hx1 = cx - top_hw + 26, cx - bot_hw + 20
    gd.line([(X(hx0), X(top_y + 40)), (X(hx1), X(bot_y - 30))], fill=(255, 255, 255, 150), width=X(9))
    gd.line([(X(hx0 + 20), X(top_y + 60)), (X(hx1 + 16), X(bot_y - 120))], fill=(255, 255, 255, 90), width=X(4))
    gd.rounded_rectangle((X(cx - bot_hw), X(bot_y - 8), X(cx + bot_hw), X(bot_y + 4)), radius=X(5), fill=(255, 255, 255, 120))
    canvas = Image.alpha_composite(canvas, glass)

    # Dome lid, sitting on the rim.
    lid = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    ld = ImageDraw.Draw(lid)
    ld.rounded_rectangle((X(cx - top_hw - 10), X(top_y - 12), X(cx + top_hw + 10), X(top_y + 8)), radius=X(8), fill=(255, 255, 255, 200))
    ld.chord((X(cx - top_hw + 6), X(top_y - 80), X(cx + top_hw - 6), X(top_y + 60)), 180, 360, fill=(255, 255, 255, 90))
    ld.arc((X(cx - top_hw + 6), X(top_y - 80), X(cx + top_hw - 6), X(top_y + 60)), 200, 260, fill=(255, 255, 255, 210), width=X(5))
    canvas = Image.alpha_composite(canvas, lid)
    # The straw again in front of the dome (it goes through the lid).
    front = straw.crop((0, 0, W, X(top_y - 40)))
    canvas.alpha_composite(front, (0, 0))

    canvas = canvas.resize(size, Image.Resampling.LANCZOS)
    # Shadow under the cup.
    floor = blurred_layer(size, lambda d, k: d.ellipse((cx - 130, bot_y - 6, cx + 130, bot_y + 22), fill=(150, 90, 60, 90)), 8)
    bg = over(bg, floor)
    # Little sparkles / pearls floating around.
    deco = blurred_layer(size, lambda d, k: [
        d.ellipse((x - r, y - r, x + r, y + r), fill=c)
        for x, y, r, c in [(95, 170, 14, hexc("#3b2418", 230)), (520, 430, 11, hexc("#3b2418", 230)),
                           (480, 150, 8, hexc("#ffffff", 220)), (120, 420, 9, hexc("#ffffff", 200)),
                           (540, 250, 6, hexc("#ff8fa3", 220))]
    ], 0.8)
    bg = over(bg, deco)
    return over(bg, canvas)


# --- faces and marks --------------------------------------------------------------------


def deer_avatar(seed, size=(300, 300)):
    rng = random.Random(seed)
    w, h = size
    s = SS * 2
    W = w * s

    def X(v):
        return v * s

    img = field(size, lambda u, v: ramp([(0, hexc("#ffe6c7")), (1, hexc("#ffc59a"))], 0.5 * (u + v)))
    img = img.resize((W, W), Image.Resampling.BICUBIC)
    d = ImageDraw.Draw(img)
    cx, cy = 150, 168
    fur, fur_dark, muzzle = hexc("#c98a55"), hexc("#a86c3d"), hexc("#f6e2c8")
    # Antlers.
    antler = hexc("#8b5a35")
    for sign in (-1, 1):
        pts = [(cx + sign * 40, 100), (cx + sign * 58, 62), (cx + sign * 62, 36)]
        d.line([(X(x), X(y)) for x, y in pts], fill=antler, width=X(9), joint="curve")
        d.line([(X(cx + sign * 56), X(68)), (X(cx + sign * 82), X(54))], fill=antler, width=X(8))
        d.line([(X(cx + sign * 60), X(46)), (X(cx + sign * 44), X(30))], fill=antler, width=X(7))
        for x, y in ((cx + sign * 62, 36), (cx + sign * 82, 54), (cx + sign * 44, 30)):
            d.ellipse((X(x - 4), X(y - 4), X(x + 4), X(y + 4)), fill=antler)
    # Ears.
    for sign in (-1, 1):
        ex, ey = cx + sign * 88, 118
        d.ellipse((X(ex - 36), X(ey - 18), X(ex + 36), X(ey + 18)), fill=fur_dark)
        d.ellipse((X(ex - 24), X(ey - 10), X(ex + 24), X(ey + 10)), fill=hexc("#f3b4a4"))
    # Head.
    d.ellipse((X(cx - 82), X(cy - 78), X(cx + 82), X(cy + 84)), fill=fur)
    # Spots on the forehead.
    for x, y, r in ((cx - 30, cy - 52, 6), (cx + 24, cy - 58, 5), (cx + 2, cy - 66, 4)):
        d.ellipse((X(x - r), X(y - r), X(x + r), X(y + r)), fill=muzzle)
    # Muzzle.
    d.ellipse((X(cx - 48), X(cy + 8), X(cx + 48), X(cy + 78)), fill=muzzle)
    # Eyes with highlights.
    for sign in (-1, 1):
        ex, ey = cx + sign * 36, cy - 8
        d.ellipse((X(ex - 13), X(ey - 15), X(ex + 13), X(ey + 15)), fill=hexc("#2d1b12"))
        d.ellipse((X(ex - 6), X(ey - 10), X(ex + 2), X(ey - 2)), fill=(255, 255, 255))
        d.ellipse((X(ex + 3), X(ey + 3), X(ex + 7), X(ey + 7)), fill=(255, 255, 255))
    # Nose and smile.
    d.ellipse((X(cx - 14), X(cy + 20), X(cx + 14), X(cy + 38)), fill=hexc("#3a2418"))
    d.ellipse((X(cx - 7), X(cy + 23), X(cx - 1), X(cy + 28)), fill=hexc("#7d5a48"))
    d.arc((X(cx - 20), X(cy + 30), X(cx), X(cy + 56)), 20, 160, fill=hexc("#3a2418"), width=X(3))
    d.arc((X(cx), X(cy + 30), X(cx + 20), X(cy + 56)), 20, 160, fill=hexc("#3a2418"), width=X(3))
    img = img.resize(size, Image.Resampling.LANCZOS)
    # Blush.
    blush = blurred_layer(size, lambda dd, k: [
        dd.ellipse((cx + sign * 58 - 16, cy + 14, cx + sign * 58 + 16, cy + 32), fill=hexc("#ff8a7a", 150))
        for sign in (-1, 1)
    ], 4)
    img = over(img, blush)
    # A few tiny hearts/dots in the background corners.
    dots = blurred_layer(size, lambda dd, k: [
        dd.ellipse((x - r, y - r, x + r, y + r), fill=hexc("#ffffff", 170))
        for x, y, r in [(rng.uniform(20, 60), rng.uniform(200, 280), rng.uniform(4, 8)),
                        (rng.uniform(240, 285), rng.uniform(20, 70), rng.uniform(4, 8)),
                        (rng.uniform(250, 285), rng.uniform(220, 280), rng.uniform(3, 6))]
    ], 0.6)
    return over(img, dots)


def cat_avatar(seed, size=(300, 300)):
    rng = random.Random(seed)
    w, h = size
    s = SS * 2
    W = w * s

    def X(v):
        return v * s

    img = field(size, lambda u, v: ramp([(0, hexc("#d6e4ff")), (1, hexc("#b9c8ff"))], 0.5 * (u + v)))
    img = img.resize((W, W), Image.Resampling.BICUBIC)
    d = ImageDraw.Draw(img)
    cx, cy = 150, 170
    fur, fur_dark, white = hexc("#8d94a6"), hexc("#6f7689"), hexc("#f7f5f2")
    # Ears.
    for sign in (-1, 1):
        outer = [(cx + sign * 92, 150), (cx + sign * 84, 52), (cx + sign * 30, 100)]
        inner = [(cx + sign * 80, 132), (cx + sign * 78, 74), (cx + sign * 46, 104)]
        d.polygon([(X(x), X(y)) for x, y in outer], fill=fur)
        d.polygon([(X(x), X(y)) for x, y in inner], fill=hexc("#f4b8c0"))
    # Head.
    d.ellipse((X(cx - 100), X(cy - 82), X(cx + 100), X(cy + 82)), fill=fur)
    # Tabby stripes on the forehead.
    for dx in (-22, 0, 22):
        d.line([(X(cx + dx), X(cy - 80)), (X(cx + dx * 0.8), X(cy - 50))], fill=fur_dark, width=X(7))
    # White muzzle and chin.
    d.ellipse((X(cx - 62), X(cy + 2), X(cx + 2), X(cy + 62)), fill=white)
    d.ellipse((X(cx - 2), X(cy + 2), X(cx + 62), X(cy + 62)), fill=white)
    d.ellipse((X(cx - 34), X(cy + 30), X(cx + 34), X(cy + 78)), fill=white)
    # Eyes: big and green.
    for sign in (-1, 1):
        ex, ey = cx + sign * 44, cy - 14
        d.ellipse((X(ex - 20), X(ey - 22), X(ex + 20), X(ey + 22)), fill=hexc("#8fd18b"))
        d.ellipse((X(ex - 9), X(ey - 18), X(ex + 9), X(ey + 18)), fill=hexc("#1f2430"))
        d.ellipse((X(ex - 7), X(ey - 14), X(ex + 1), X(ey - 6)), fill=(255, 255, 255))
    # Nose, mouth, whiskers.
    d.polygon([(X(cx - 10), X(cy + 14)), (X(cx + 10), X(cy + 14)), (X(cx), X(cy + 25))], fill=hexc("#f08a9a"))
    d.arc((X(cx - 18), X(cy + 16), X(cx), X(cy + 38)), 20, 160, fill=hexc("#4a4f5c"), width=X(3))
    d.arc((X(cx), X(cy + 16), X(cx + 18), X(cy + 38)), 20, 160, fill=hexc("#4a4f5c"), width=X(3))
    for sign in (-1, 1):
        for k, dy in enumerate((-6, 6)):
            d.line([(X(cx + sign * 56), X(cy + 26 + dy)), (X(cx + sign * 122), X(cy + 18 + dy * 2.4))], fill=hexc("#ffffff"), width=X(2))
    img = img.resize(size, Image.Resampling.LANCZOS)
    blush = blurred_layer(size, lambda dd, k: [
        dd.ellipse((cx + sign * 72 - 15, cy + 12, cx + sign * 72 + 15, cy + 28), fill=hexc("#ff9cb0", 140))
        for sign in (-1, 1)
    ], 4)
    img = over(img, blush)
    stars = blurred_layer(size, lambda dd, k: [
        dd.ellipse((x - r, y - r, x + r, y + r), fill=hexc("#ffffff", 190))
        for x, y, r in [(rng.uniform(25, 60), rng.uniform(25, 70), rng.uniform(4, 7)),
                        (rng.uniform(245, 280), rng.uniform(230, 280), rng.uniform(4, 7)),
                        (rng.uniform(20, 50), rng.uniform(240, 285), rng.uniform(3, 5))]
    ], 0.6)
    return over(img, stars)


def round_mark(size, stops, draw_symbol):
    """A round brand mark on a transparent square: a gradient disc with a white ring and
    a white symbol drawn by draw_symbol(ImageDraw, X)."""
    w, h = size
    s = 8
    W = w * s

    def X(v):
        return v * s

    disc = field((W, W), lambda u, v: ramp(stops, 0.5 * (u + v)), grid=32)
    mark = Image.new("RGBA", (W, W), (0, 0, 0, 0))
    m = Image.new("L", (W, W), 0)
    ImageDraw.Draw(m).ellipse((X(4), X(4), X(116), X(116)), fill=255)
    mark.paste(disc, (0, 0), m)
    d = ImageDraw.Draw(mark)
    d.ellipse((X(11), X(11), X(109), X(109)), outline=(255, 255, 255, 150), width=X(2))
    draw_symbol(d, X)
    return mark.resize(size, Image.Resampling.LANCZOS)


def bag_symbol(d, X):
    white = (255, 255, 255, 255)
    d.rounded_rectangle((X(36), X(48), X(84), X(88)), radius=X(7), fill=white)
    d.arc((X(46), X(30), X(74), X(62)), 180, 360, fill=white, width=X(5))
    # a small heart cut into the bag
    heart = (238, 90, 58, 255)
    d.ellipse((X(51), X(60), X(61), X(70)), fill=heart)
    d.ellipse((X(59), X(60), X(69), X(70)), fill=heart)
    d.polygon([(X(51.5), X(67)), (X(68.5), X(67)), (X(60), X(79))], fill=heart)


def gift_symbol(d, X):
    white = (255, 255, 255, 255)
    d.rounded_rectangle((X(34), X(54), X(86), X(88)), radius=X(5), fill=white)
    d.rounded_rectangle((X(30), X(42), X(90), X(56)), radius=X(4), fill=white)
    ribbon = (120, 92, 230, 255)
    d.rectangle((X(56), X(42), X(64), X(88)), fill=ribbon)
    # bow loops
    d.ellipse((X(40), X(26), X(60), X(44)), outline=white, width=X(5))
    d.ellipse((X(60), X(26), X(80), X(44)), outline=white, width=X(5))


def leaf_symbol(d, X):
    white = (255, 255, 255, 255)
    # a leaf: two sine arcs meeting at the tips, tilted
    leaf = []
    for k in range(60):
        t = k / 59 * math.pi
        leaf.append((38 + 44 * t / math.pi, 60 - 22 * math.sin(t)))
    for k in range(60):
        t = (1 - k / 59) * math.pi
        leaf.append((38 + 44 * t / math.pi, 60 + 22 * math.sin(t)))
    # rotate by -35 degrees about the centre
    ang = math.radians(-35)
    ca, sa = math.cos(ang), math.sin(ang)
    rot = [(60 + (x - 60) * ca - (y - 60) * sa, 60 + (x - 60) * sa + (y - 60) * ca) for x, y in leaf]
    d.polygon([(X(x), X(y)) for x, y in rot], fill=white)
    vein = (40, 160, 140, 255)
    a0 = (60 + (34 - 60) * ca, 60 + (34 - 60) * sa)
    a1 = (60 + (80 - 60) * ca, 60 + (80 - 60) * sa)
    d.line([(X(a0[0]), X(a0[1])), (X(a1[0]), X(a1[1]))], fill=vein, width=X(3))
    # stem
    d.line([(X(a0[0]), X(a0[1])), (X(a0[0] - 8), X(a0[1] + 8))], fill=white, width=X(4))


# --- the EXIF orientation test photo ---------------------------------------------------


def exif_photo(seed):
    """A 480x640 upright landscape-ish scene with a green bar at the top and a big red
    arrow pointing up, stored rotated 90 degrees counter-clockwise (640x480) with EXIF
    Orientation 6, so a viewer that honours the tag shows it upright."""
    rng = random.Random(seed)
    w, h = 480, 640
    s = SS
    img = vgradient((w, h), [(0, hexc("#7fb6e8")), (0.55, hexc("#cfe6f5")), (0.56, hexc("#8cbf6a")), (1, hexc("#4f8a3c"))])
    glow(img, (w * 0.78, h * 0.18), 110, hexc("#fff4c2"), 0.9)
    img = img.resize((w * s, h * s), Image.Resampling.BICUBIC)
    d = ImageDraw.Draw(img)

    def X(v):
        return v * s

    # Sun.
    d.ellipse((X(350), X(85), X(400), X(135)), fill=hexc("#ffe27a"))
    # Hills on the horizon.
    for base_y, col, amp in ((360, "#6f9fb8", 40), (372, "#6aa35a", 26)):
        pts = [(0, h)]
        for k in range(0, 49):
            x = k * 10
            pts.append((x, base_y - amp * (0.6 + 0.4 * math.sin(x / 55 + rng.uniform(0, 0.3)))))
        pts.append((w, h))
        d.polygon([(X(x), X(y)) for x, y in pts], fill=hexc(col))
    # Clouds.
    for cx, cy in ((110, 140), (270, 210)):
        for dx, dy, r in ((-30, 6, 22), (0, -6, 30), (32, 6, 22)):
            d.ellipse((X(cx + dx - r), X(cy + dy - r), X(cx + dx + r), X(cy + dy + r)), fill=(255, 255, 255))
    # Green bar across the top of the upright picture.
    d.rectangle((0, 0, X(w), X(56)), fill=hexc("#1fae4b"))
    # Big red arrow pointing up, centred.
    cx = 240
    arrow = [(cx, 150), (cx + 110, 290), (cx + 44, 290), (cx + 44, 540),
             (cx - 44, 540), (cx - 44, 290), (cx - 110, 290)]
    d.polygon([(X(x + 6), X(y + 8)) for x, y in arrow], fill=hexc("#7a1e1e"))  # shadow
    d.polygon([(X(x), X(y)) for x, y in arrow], fill=hexc("#e02424"))
    # A small yellow square in the bottom-left corner breaks any remaining symmetry.
    d.rectangle((X(16), X(h - 76), X(76), X(h - 16)), fill=hexc("#ffd21f"))
    upright = img.resize((w, h), Image.Resampling.LANCZOS)

    stored = upright.transpose(Image.Transpose.ROTATE_90)  # counter-clockwise; now 640x480
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90 degrees clockwise to display
    return stored, exif, upright


# --- main -------------------------------------------------------------------------------


def main():
    # w2-product
    save_jpeg(warm_bokeh_bg(101), out("w2-product", "assets", "bg.jpg"))
    save_jpeg(jacket_product(102), out("w2-product", "assets", "product.jpg"))
    save_jpeg(deer_avatar(103), out("w2-product", "assets", "avatar.jpg"))
    save_png(round_mark((120, 120), [(0, hexc("#ffb547")), (1, hexc("#f0463a"))], bag_symbol),
             out("w2-product", "assets", "logo.png"))
    # invite-card
    save_jpeg(cool_confetti_bg(201), out("invite-card", "assets", "bg.jpg"))
    save_jpeg(cat_avatar(202), out("invite-card", "assets", "avatar.jpg"))
    save_png(round_mark((120, 120), [(0, hexc("#7aa2ff")), (1, hexc("#8a4fd8"))], gift_symbol),
             out("invite-card", "assets", "logo.png"))
    # coupon
    save_png(festive_pattern_bg(301), out("coupon", "assets", "bg.png"))
    save_jpeg(bubble_tea_product(302), out("coupon", "assets", "product.jpg"))
    save_png(round_mark((120, 120), [(0, hexc("#4fd1b5")), (1, hexc("#1f8f8a"))], leaf_symbol),
             out("coupon", "assets", "logo.png"))
    # photo-exif
    stored, exif, _ = exif_photo(401)
    save_jpeg(stored, out("photo-exif", "assets", "photo.jpg"), exif=exif)


if __name__ == "__main__":
    main()
