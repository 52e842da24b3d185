//! Line breaking: UAX #14 opportunities (unicode-linebreak) at grapheme cluster boundaries,
//! tightened by Chinese/Japanese kinsoku rules, then greedy filling.
//!
//! UAX #14 already keeps most closing punctuation (CL, CP, EX, IS, NS) off a line's start and
//! opening punctuation (OP) off its end. Quotation marks are class QU (ambiguous between
//! opening and closing), `·` is AI and resolves to a letter, so `”’·` could start a line and
//! `“‘` end one; the tables below close those holes, and are also applied where a word too
//! long for the line has to be cut between clusters.

use unicode_linebreak::{linebreaks, BreakOpportunity};

use super::prepare::{Cluster, Kind, Prepared};

/// May not start a line (when something precedes it on the line).
const NO_START: &[char] = &[
    '，', '。', '、', '！', '？', '；', '：', '）', '」', '』', '】', '》', '〉', '〕', '”', '’', '…', '‥', '·', '・',
    '］', '｝', '〗', '〙', '〛', '．', '｡', '､', '〞', '〟', ')', ']', '}', ',', '.', '!', '?', ';', ':', '%', '％',
    '‰', '℃',
];

/// May not end a line (when something follows it).
const NO_END: &[char] =
    &['（', '「', '『', '【', '《', '〈', '〔', '“', '‘', '［', '｛', '〖', '〘', '〚', '〝', '(', '[', '{'];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Brk {
    No,
    Allowed,
    Mandatory,
}

/// Where lines may end, for the first `n` clusters of a [`Prepared`]; index `j` means
/// "before cluster `j`", so both vectors have `n + 1` entries.
#[derive(Debug)]
pub(super) struct Breaks {
    pub at: Vec<Brk>,
    /// Kinsoku allows a break here (whether or not UAX #14 does).
    pub kinsoku_ok: Vec<bool>,
}

impl Breaks {
    pub fn new(p: &Prepared, n: usize) -> Self {
        let clusters = p.clusters.get(..n).unwrap_or(&p.clusters);
        let n = clusters.len();
        let mut at = vec![Brk::No; n + 1];
        let mut j = 0;
        for (offset, op) in linebreaks(&p.text) {
            // Clusters are sorted by offset; an opportunity inside a cluster (which UAX #14
            // rarely offers) is not a cluster boundary and is ignored.
            while j < n && clusters.get(j).is_some_and(|c| c.start < offset) {
                j += 1;
            }
            let boundary = clusters.get(j).map_or(offset >= p.text.len(), |c| c.start == offset);
            if boundary && j > 0 {
                if let Some(slot) = at.get_mut(j) {
                    *slot = match op {
                        BreakOpportunity::Mandatory => Brk::Mandatory,
                        BreakOpportunity::Allowed => Brk::Allowed,
                    };
                }
            }
        }
        // Spaces hang and are dropped, so kinsoku looks at the visible neighbours of a break,
        // within its hard line.
        let mut kinsoku_ok = vec![true; n + 1];
        let mut next_visible = None;
        for j in (0..n).rev() {
            if let Some(c) = clusters.get(j) {
                match c.kind {
                    Kind::Visible => next_visible = Some(p.first_char(c)),
                    Kind::Newline => next_visible = None,
                    Kind::Space => {}
                }
            }
            if next_visible.is_some_and(|ch| NO_START.contains(&ch)) {
                if let Some(ok) = kinsoku_ok.get_mut(j) {
                    *ok = false;
                }
            }
        }
        let mut prev_visible = None;
        for j in 1..=n {
            if let Some(c) = clusters.get(j - 1) {
                match c.kind {
                    Kind::Visible => prev_visible = Some(p.first_char(c)),
                    Kind::Newline => prev_visible = None,
                    Kind::Space => {}
                }
            }
            if prev_visible.is_some_and(|ch| NO_END.contains(&ch)) {
                if let Some(ok) = kinsoku_ok.get_mut(j) {
                    *ok = false;
                }
            }
        }
        for (b, ok) in at.iter_mut().zip(&kinsoku_ok) {
            if *b == Brk::Allowed && !ok {
                *b = Brk::No;
            }
        }
        Breaks { at, kinsoku_ok }
    }
}

/// Per-run px values at one scale: widths are always computed through [`Measure::step`],
/// in order from a line's start, so every width of the same clusters is the same float.
pub(super) struct Measure {
    size: Vec<f32>,
    spacing: Vec<f32>,
}

impl Measure {
    pub fn new(p: &Prepared, scale: f32) -> Self {
        Measure {
            size: p.runs.iter().map(|r| r.size * scale).collect(),
            spacing: p.runs.iter().map(|r| r.letter_spacing * scale).collect(),
        }
    }

    pub fn size(&self, run: usize) -> f32 {
        self.size.get(run).copied().unwrap_or(0.0)
    }

    pub fn advance(&self, c: &Cluster) -> f32 {
        c.em * self.size(c.run)
    }

    /// Letter spacing after `c`.
    pub fn spacing(&self, c: &Cluster) -> f32 {
        if c.spaced {
            self.spacing.get(c.run).copied().unwrap_or(0.0)
        } else {
            0.0
        }
    }

    pub fn step(&self, c: &Cluster) -> f32 {
        self.advance(c) + self.spacing(c)
    }

    /// Width of `clusters` laid side by side, without the spacing after the last.
    pub fn width<'a>(&self, clusters: impl IntoIterator<Item = &'a Cluster>) -> f32 {
        let mut acc = 0.0;
        let mut last = 0.0;
        for c in clusters {
            acc += self.step(c);
            last = self.spacing(c);
        }
        acc - last
    }
}

/// One line: clusters `start..end`, of which `start..content_end` are shown (the rest are
/// hanging spaces and the line break).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Span {
    pub start: usize,
    pub content_end: usize,
    pub end: usize,
    /// A cluster sequence wider than the line had to be cut (or a cluster overflows).
    pub overflow: bool,
    pub width: f32,
}

/// Fills the line that starts at cluster `start` (after a soft break, leading spaces are
/// skipped first). Returns `None` when no cluster is left.
pub(super) fn next_line(
    p: &Prepared,
    breaks: &Breaks,
    m: &Measure,
    mut start: usize,
    after_soft_break: bool,
    width: Option<f32>,
) -> Option<Span> {
    let n = breaks.at.len().saturating_sub(1);
    let kind = |j: usize| p.clusters.get(j).map(|c| c.kind);
    if after_soft_break {
        while start < n && kind(start) == Some(Kind::Space) {
            start += 1;
        }
    }
    if start >= n {
        return None;
    }
    let mut acc = 0.0f32;
    let mut last_ok = None;
    let mut overflow = false;
    let mut j = start;
    let end = loop {
        let Some(c) = p.clusters.get(j).filter(|_| j < n) else { break n };
        if j > start {
            match breaks.at.get(j) {
                Some(Brk::Mandatory) => break j,
                Some(Brk::Allowed) => last_ok = Some(j),
                _ => {}
            }
        }
        let next = acc + m.step(c);
        if c.kind == Kind::Visible {
            if let Some(max) = width {
                if next - m.spacing(c) > max {
                    if j == start {
                        overflow = true;
                    } else if let Some(k) = last_ok {
                        break k;
                    } else {
                        // A word wider than the line: cut between clusters, stepping back
                        // over positions kinsoku forbids while anything is left.
                        overflow = true;
                        let mut k = j;
                        while k > start + 1 && !breaks.kinsoku_ok.get(k).copied().unwrap_or(true) {
                            k -= 1;
                        }
                        break if breaks.kinsoku_ok.get(k).copied().unwrap_or(true) { k } else { j };
                    }
                }
            }
        }
        acc = next;
        j += 1;
    };
    let mut content_end = end;
    while content_end > start && matches!(kind(content_end - 1), Some(Kind::Space | Kind::Newline)) {
        content_end -= 1;
    }
    let width = m.width(p.clusters.get(start..content_end).unwrap_or(&[]));
    Some(Span { start, content_end, end, overflow, width })
}

/// Whether a line ending at `end` was ended by a line break (so the next keeps its spaces).
pub(super) fn is_hard(breaks: &Breaks, end: usize) -> bool {
    breaks.at.get(end) == Some(&Brk::Mandatory)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::poster::text::prepare::{Cluster, Kind};

    /// A paragraph of one run whose clusters are the chars of `text`, each 1 em wide at
    /// size 10 (so 10 px), without fonts: breaking is tested on its own.
    fn synthetic(text: &str) -> Prepared {
        let mut p = Prepared::default();
        p.runs.push(crate::poster::text::prepare::RunInfo::new(
            &crate::poster::text::FontBook::new(),
            &crate::poster::text::tests::run("", 10.0),
        ));
        p.text = text.to_owned();
        for (i, ch) in text.char_indices() {
            let kind = if ch == '\n' {
                Kind::Newline
            } else if ch == ' ' {
                Kind::Space
            } else {
                Kind::Visible
            };
            let em = if kind == Kind::Newline { 0.0 } else { 1.0 };
            p.clusters.push(Cluster {
                start: i,
                end: i + ch.len_utf8(),
                run: 0,
                font: None,
                glyphs: (0, 0),
                em,
                kind,
                spaced: true,
            });
        }
        p
    }

    fn lines(text: &str, width: f32) -> Vec<String> {
        let p = synthetic(text);
        let b = Breaks::new(&p, p.clusters.len());
        let m = Measure::new(&p, 1.0);
        let (mut out, mut start, mut soft) = (Vec::new(), 0, false);
        while let Some(s) = next_line(&p, &b, &m, start, soft, Some(width)) {
            let (a, z) = (p.clusters[s.start].start, p.clusters.get(s.content_end).map_or(p.text.len(), |c| c.start));
            out.push(p.text[a..z].trim_end_matches(['\n', ' ']).to_owned());
            soft = !is_hard(&b, s.end);
            start = s.end;
        }
        out
    }

    #[test]
    fn greedy_fill_breaks_at_spaces_and_hangs_them() {
        assert_eq!(lines("aaa bbb ccc", 70.0), ["aaa bbb", "ccc"]);
        assert_eq!(lines("aaa bbb ccc", 69.0), ["aaa", "bbb", "ccc"]);
        assert_eq!(lines("aaa    bbb", 30.0), ["aaa", "bbb"], "trailing spaces hang");
        assert_eq!(lines("a\n\nb\n", 100.0), ["a", "", "b"]);
        assert_eq!(lines("abcdefg", 30.0), ["abc", "def", "g"], "too long: cut between clusters");
    }

    #[test]
    fn kinsoku_holds_for_every_listed_character() {
        for &ch in NO_START {
            // Width for 3 clusters: without kinsoku "字字字" then a line starting with `ch`.
            let text = format!("字字字{ch}字字");
            for line in lines(&text, 30.0).iter().skip(1) {
                assert!(!line.starts_with(ch), "{text:?} -> line starts with {ch:?}");
            }
            let text = format!("字字字 {ch}字字");
            for line in lines(&text, 30.0).iter().skip(1) {
                assert!(!line.starts_with(ch), "{text:?} -> line starts with {ch:?}");
            }
        }
        for &ch in NO_END {
            let text = format!("字字{ch}字字字");
            let got = lines(&text, 30.0);
            for line in &got[..got.len() - 1] {
                assert!(!line.ends_with(ch), "{text:?} -> {got:?} ends with {ch:?}");
            }
        }
    }
}
