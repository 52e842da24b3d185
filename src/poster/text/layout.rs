//! Paragraph layout: lines at a scale, shrink-to-fit, ellipsis, line boxes, alignment.

use super::breaking::{is_hard, next_line, Breaks, Measure, Span};
use super::font::{FontBook, Metrics, FALLBACK_METRICS};
use super::prepare::{px, Cluster, Faces, Kind, Prepared};
use super::{Align, Decoration, Glyph, Line, Paragraph, TextLayout, VerticalAlign};

/// Lines may overshoot the box height by this much (sums of float line heights at a
/// shrink scale land a hair off the exact box height).
const HEIGHT_SLACK: f32 = 0.01;
/// Shrink-to-fit step, in px of the largest run.
const SHRINK_STEP: f32 = 0.5;
/// Shrinking never goes below this size, whatever `min_size` says.
const MIN_SHRINK_SIZE: f32 = 1.0;

/// The parts of a paragraph's geometry, sanitised (NaN and infinities dropped).
struct Limits {
    width: Option<f32>,
    height: Option<f32>,
    line_height: Option<f32>,
    max_lines: usize,
}

impl Limits {
    fn new(para: &Paragraph) -> Self {
        let clean = |v: Option<f32>| v.filter(|v| v.is_finite()).map(|v| px(v).max(0.0));
        Limits {
            width: clean(para.width),
            height: clean(para.height),
            line_height: clean(para.line_height),
            max_lines: para.max_lines.map_or(usize::MAX, |n| n as usize),
        }
    }
}

/// Where a line's baseline sits below its top, and how far its box reaches below it.
#[derive(Clone, Copy, Debug)]
struct LineBox {
    above: f32,
    below: f32,
}

struct Attempt {
    scale: f32,
    lines: Vec<(Span, LineBox)>,
    truncated: bool,
    overflow: bool,
}

impl Attempt {
    fn fits(&self) -> bool {
        !self.truncated && !self.overflow
    }
}

pub(super) fn layout(book: &FontBook, para: &Paragraph) -> TextLayout {
    let faces = Faces::new(book);
    let mut p = Prepared::new(book, &faces, &para.runs);
    let n = p.clusters.len();
    if n == 0 {
        return TextLayout { scale: 1.0, ..TextLayout::default() };
    }
    let breaks = Breaks::new(&p, n);
    let limits = Limits::new(para);
    let attempt = |scale: f32| lines_at(book, &p, &breaks, &limits, scale);
    let mut best = attempt(1.0);
    let largest = p.runs.iter().map(|r| r.size).fold(0.0f32, f32::max);
    let min = para.min_size.filter(|v| v.is_finite()).map(|v| v.max(MIN_SHRINK_SIZE));
    if let Some(min) = min.filter(|&min| !best.fits() && min < largest) {
        // Sizes largest - k * step for k in 0..=steps, the last clamped to `min`. Fitting
        // is monotone in practice, so a binary search finds the largest size that fits in
        // a handful of layouts instead of one per step.
        let steps = ((largest - min) / SHRINK_STEP).ceil().min(1_000_000.0) as u32;
        let scale_at = |k: u32| {
            let size = if k >= steps { min } else { largest - SHRINK_STEP * k as f32 };
            size / largest
        };
        let smallest = attempt(scale_at(steps));
        if smallest.fits() {
            let (mut lo, mut hi) = (0u32, steps);
            let mut found = smallest;
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                let a = attempt(scale_at(mid));
                if a.fits() {
                    hi = mid;
                    found = a;
                } else {
                    lo = mid;
                }
            }
            best = found;
        } else {
            best = smallest;
        }
    }
    finish(book, &faces, &mut p, &limits, para, best)
}

/// Breaks lines at `scale` until the text, `max_lines` or the box height runs out.
fn lines_at(book: &FontBook, p: &Prepared, breaks: &Breaks, limits: &Limits, scale: f32) -> Attempt {
    let m = Measure::new(p, scale);
    let width = limits.width;
    let mut a = Attempt { scale, lines: Vec::new(), truncated: false, overflow: false };
    let (mut start, mut soft, mut total) = (0, false, 0.0f32);
    while let Some(span) = next_line(p, breaks, &m, start, soft, width) {
        if a.lines.len() >= limits.max_lines {
            a.truncated = true;
            break;
        }
        let lb = line_box(book, p, &m, p.clusters.get(span.start..span.end).unwrap_or(&[]), limits, scale);
        if limits.height.is_some_and(|h| total + lb.above + lb.below > h + HEIGHT_SLACK) {
            a.truncated = true;
            break;
        }
        total += lb.above + lb.below;
        a.overflow |= span.overflow;
        a.lines.push((span, lb));
        soft = !is_hard(breaks, span.end);
        start = span.end;
    }
    a
}

/// CSS line box: each face used on the line (and each run's first-choice face, as CSS's
/// strut) gets half the leading above its ascent and below its descent; the line's baseline
/// is the lowest of the resulting tops and its bottom the lowest bottom.
fn line_box(book: &FontBook, p: &Prepared, m: &Measure, clusters: &[Cluster], limits: &Limits, scale: f32) -> LineBox {
    let mut lb: Option<LineBox> = None;
    let mut add = |met: &Metrics, size: f32| {
        let (a, d) = (met.ascent * size, met.descent * size);
        let leading = match limits.line_height {
            Some(l) => l * scale - (a + d),
            None => met.line_gap * size,
        };
        let half = leading / 2.0;
        let b = lb.get_or_insert(LineBox { above: a + half, below: d + half });
        b.above = b.above.max(a + half);
        b.below = b.below.max(d + half);
    };
    for c in clusters {
        let size = m.size(c.run);
        add(metrics(book, c.font), size);
        let primary = p.runs.get(c.run).and_then(|r| r.primary());
        if primary != c.font {
            add(metrics(book, primary), size);
        }
    }
    lb.unwrap_or(LineBox { above: 0.0, below: 0.0 })
}

fn metrics(book: &FontBook, font: Option<usize>) -> &Metrics {
    font.map_or(&FALLBACK_METRICS, |f| book.metrics(f))
}

/// A line to draw: body clusters, then ellipsis clusters, and the width of both together.
struct Shown {
    body: (usize, usize),
    tail: (usize, usize),
    width: f32,
    lb: LineBox,
}

fn finish(
    book: &FontBook,
    faces: &Faces<'_>,
    p: &mut Prepared,
    limits: &Limits,
    para: &Paragraph,
    a: Attempt,
) -> TextLayout {
    let mut shown: Vec<Shown> = a
        .lines
        .iter()
        .map(|(s, lb)| Shown { body: (s.start, s.content_end), tail: (0, 0), width: s.width, lb: *lb })
        .collect();
    if a.truncated {
        if let (Some(last), Some((span, _))) = (shown.last_mut(), a.lines.last()) {
            ellipsize(book, faces, p, limits, para, a.scale, *span, last);
        }
    }
    let m = Measure::new(p, a.scale);
    let widest = shown.iter().map(|s| s.width).fold(0.0f32, f32::max);
    let content: f32 = shown.iter().map(|s| s.lb.above + s.lb.below).sum();
    let box_w = limits.width.unwrap_or(widest);
    let shift = |room: f32, f: f32| (room * f).max(0.0);
    let v = match (limits.height, para.vertical_align) {
        (Some(h), VerticalAlign::Middle) => shift(h - content, 0.5),
        (Some(h), VerticalAlign::Bottom) => shift(h - content, 1.0),
        _ => 0.0,
    };
    let mut top = v;
    let mut lines = Vec::with_capacity(shown.len());
    for s in &shown {
        let x = match para.align {
            Align::Left => 0.0,
            Align::Center => shift(box_w - s.width, 0.5),
            Align::Right => shift(box_w - s.width, 1.0),
        };
        let baseline = top + s.lb.above;
        let height = s.lb.above + s.lb.below;
        lines.push(build_line(book, p, &m, s, x, top, baseline, height));
        top += height;
    }
    TextLayout {
        lines,
        width: widest,
        height: content,
        scale: a.scale,
        truncated: a.truncated,
        missing: p.missing.clone(),
    }
}

/// Cuts whole clusters (and then trailing spaces) off the end of the last kept line until it
/// and the ellipsis fit the width; if even the ellipsis alone is too wide, shows as much of
/// it as fits. The ellipsis takes the style of the last run on the line.
#[allow(clippy::too_many_arguments)]
fn ellipsize(
    book: &FontBook,
    faces: &Faces<'_>,
    p: &mut Prepared,
    limits: &Limits,
    para: &Paragraph,
    scale: f32,
    span: Span,
    line: &mut Shown,
) {
    let run = p.clusters.get(span.end.saturating_sub(1)).map_or(0, |c| c.run);
    let (e0, mut e1) = p.append(faces, run, &para.ellipsis);
    let m = Measure::new(p, scale);
    let max = limits.width.unwrap_or(f32::INFINITY);
    // prefix[i]: pen after the first i clusters of the line, spacing included.
    let body = p.clusters.get(span.start..span.content_end).unwrap_or(&[]);
    let mut prefix = Vec::with_capacity(body.len() + 1);
    prefix.push(0.0f32);
    for c in body {
        prefix.push(prefix.last().copied().unwrap_or(0.0) + m.step(c));
    }
    let tail = |e1: usize| p.clusters.get(e0..e1).unwrap_or(&[]);
    // Width of the first k body clusters followed by ellipsis clusters e0..e1, summed in
    // the same order as `Measure::width` so that an unchanged line keeps its exact width.
    let total = |k: usize, e1: usize| {
        let mut acc = prefix.get(k).copied().unwrap_or(0.0);
        let mut last = k.checked_sub(1).and_then(|i| body.get(i)).map_or(0.0, |c| m.spacing(c));
        for c in tail(e1) {
            acc += m.step(c);
            last = m.spacing(c);
        }
        acc - last
    };
    let mut k = body.len();
    loop {
        while k > 0 && body.get(k - 1).is_some_and(|c| c.kind != Kind::Visible) {
            k -= 1;
        }
        if k == 0 || total(k, e1) <= max {
            break;
        }
        k -= 1;
    }
    while e1 > e0 && total(k, e1) > max {
        e1 -= 1;
    }
    line.body = (span.start, span.start + k);
    line.tail = (e0, e1);
    line.width = total(k, e1);
    let shown: Vec<Cluster> = body.iter().take(k).chain(tail(e1)).cloned().collect();
    if !shown.is_empty() {
        line.lb = line_box(book, p, &m, &shown, limits, scale);
    }
}

#[allow(clippy::too_many_arguments)]
fn build_line(
    book: &FontBook,
    p: &Prepared,
    m: &Measure,
    s: &Shown,
    x: f32,
    top: f32,
    baseline: f32,
    height: f32,
) -> Line {
    let body = p.clusters.get(s.body.0..s.body.1).unwrap_or(&[]);
    let tail = p.clusters.get(s.tail.0..s.tail.1).unwrap_or(&[]);
    let mut text = String::new();
    let mut glyphs = Vec::new();
    let mut decorations = Vec::new();
    let mut pen = 0.0f32;
    // The run segment being decorated: (run, pen at its start).
    let mut segment: Option<(usize, f32)> = None;
    for c in body.iter().chain(tail) {
        if let Some((run, from)) = segment.filter(|&(run, _)| run != c.run) {
            decorate(book, p, m, run, x + from, pen - from, baseline, &mut decorations);
            segment = None;
        }
        segment.get_or_insert((c.run, pen));
        text.push_str(p.cluster_text(c));
        let size = m.size(c.run);
        let (run, font) = (p.runs.get(c.run), c.font);
        if let (Some(run), Some(font), Kind::Visible) = (run, font, c.kind) {
            if size > 0.0 {
                for g in p.glyphs.get(c.glyphs.0..c.glyphs.1).unwrap_or(&[]) {
                    glyphs.push(Glyph { font, id: g.id, x: x + pen + g.x * size, size, color: run.color });
                }
            }
        }
        pen += m.step(c);
    }
    if let Some((run, from)) = segment {
        decorate(book, p, m, run, x + from, s.width - from, baseline, &mut decorations);
    }
    Line { text, x, top, baseline, width: s.width, height, glyphs, decorations }
}

/// Underline from `post`, strikeout from OS/2, of the run's first-choice face; without them,
/// strokes of size/14 centred half the descent below and 0.3 em above the baseline.
#[allow(clippy::too_many_arguments)]
fn decorate(
    book: &FontBook,
    p: &Prepared,
    m: &Measure,
    run: usize,
    x: f32,
    width: f32,
    baseline: f32,
    out: &mut Vec<Decoration>,
) {
    let (Some(info), size) = (p.runs.get(run), m.size(run)) else { return };
    if width <= 0.0 || size <= 0.0 {
        return;
    }
    let met = metrics(book, info.primary());
    let fallback = size / 14.0;
    let stroke = |line: Option<(f32, f32)>, centre_below: f32| match line {
        Some((pos, th)) => (baseline - pos * size, th * size),
        None => (baseline + centre_below - fallback / 2.0, fallback),
    };
    let color = info.color;
    if info.underline {
        let (y, thickness) = stroke(met.underline, met.descent * size * 0.5);
        out.push(Decoration { x, y, width, thickness, color });
    }
    if info.strikethrough {
        let (y, thickness) = stroke(met.strikeout, -0.3 * size);
        out.push(Decoration { x, y, width, thickness, color });
    }
}
