#!/usr/bin/env bash
# Rebuilds NotoSansSC-Regular.otf and NotoSansSC-Bold.otf in this folder: subsets of
# Noto Sans CJK SC (Regular 400, Bold 700) renamed "Noto Sans SC Subset".
#
#   bash www/examples/fonts/make-subset.sh
#
# Needs a Debian machine (the source fonts are the fonts-noto-cjk package) and access to
# PyPI (fontTools, pinned below, goes into a throwaway venv that is removed afterwards).
# Output is byte-identical from run to run for the same package and fontTools versions.
set -euo pipefail

FONTTOOLS_VERSION=4.55.3
# Largest file size allowed per weight. Past it, GB2312 level-1 hanzi are dropped from
# the end (in code order) until both weights fit.
MAX_BYTES=$((1600 * 1024))
SRC_DIR=/usr/share/fonts/opentype/noto
OUT_DIR="$(cd "$(dirname "$0")" && pwd)"

log() { printf '[make-subset] %s\n' "$*"; }

# --- source fonts ------------------------------------------------------------------
if [[ ! -f "$SRC_DIR/NotoSansCJK-Regular.ttc" || ! -f "$SRC_DIR/NotoSansCJK-Bold.ttc" ]]; then
  log "installing fonts-noto-cjk"
  SUDO=""
  [[ $(id -u) -eq 0 ]] || SUDO=sudo
  $SUDO apt-get update
  $SUDO apt-get install -y fonts-noto-cjk
fi
log "fonts-noto-cjk $(dpkg-query -W -f='${Version}' fonts-noto-cjk 2>/dev/null || echo '?')"

# --- throwaway venv with pinned fontTools -------------------------------------------
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install --quiet --disable-pip-version-check "fonttools==$FONTTOOLS_VERSION"
PY="$WORK/venv/bin/python"
PYFTSUBSET="$WORK/venv/bin/pyftsubset"

# --- character set -------------------------------------------------------------------
# Writes $WORK/unicodes-N.txt (one U+XXXX per line) for a given number of GB2312
# level-1 hanzi; prints the total number of code points.
make_unicodes() {
  "$PY" - "$1" "$OUT_DIR/extra-chars.txt" "$WORK/unicodes-$1.txt" <<'PYEOF'
import sys

n_hanzi, extra_path, out_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
cps = set()
cps.update(range(0x20, 0x7F))                 # printable ASCII
cps.update(range(0xA0, 0xC0))                 # Latin-1 punctuation and symbols
cps.update((0xD7, 0xF7))                      # multiplication and division signs
cps.update(range(0x2010, 0x2028))             # dashes, quotes, bullet, ellipsis
cps.update(range(0x2030, 0x203F))             # per mille, primes, reference mark
cps.update((0x20AC, 0x2103, 0x2122))          # euro, degree Celsius, trade mark
cps.update(range(0x3000, 0x3040))             # CJK symbols and punctuation
cps.update(range(0xFF01, 0xFF5F))             # fullwidth ASCII forms
cps.update(range(0xFFE0, 0xFFE7))             # fullwidth cent, pound, yen ...
# GB2312 level 1: rows 0xB0..0xD7, in code order.
hanzi = []
for hi in range(0xB0, 0xD8):
    for lo in range(0xA1, 0xFF):
        try:
            hanzi.append(bytes((hi, lo)).decode("gb2312"))
        except UnicodeDecodeError:
            pass
assert len(hanzi) == 3755, len(hanzi)
cps.update(ord(c) for c in hanzi[:n_hanzi])
with open(extra_path, encoding="utf-8") as f:
    cps.update(ord(c) for c in f.read() if c.isprintable())
with open(out_path, "w", encoding="ascii") as f:
    f.writelines(f"U+{cp:04X}\n" for cp in sorted(cps))
print(len(cps))
PYEOF
}

# Index of the "Noto Sans CJK SC" face inside a .ttc collection.
face_index() {
  "$PY" - "$1" <<'PYEOF'
import sys
from fontTools.ttLib import TTCollection

coll = TTCollection(sys.argv[1], lazy=True)
for i, font in enumerate(coll.fonts):
    if font["name"].getDebugName(1) == "Noto Sans CJK SC":
        print(i)
        break
else:
    sys.exit("no Noto Sans CJK SC face in " + sys.argv[1])
PYEOF
}

# Renames the family so the subset is not mistaken for the full font (OFL section 3),
# in the name table and in the CFF table's own names.
rename_font() {
  "$PY" - "$1" "$2" <<'PYEOF'
import sys
from fontTools.ttLib import TTFont

path, style = sys.argv[1], sys.argv[2]
family = "Noto Sans SC Subset"
ps = f"NotoSansSCSubset-{style}"
font = TTFont(path, recalcTimestamp=False)
name = font["name"]
version = name.getDebugName(5).split(";")[0].replace("Version ", "")
new = {
    1: family,
    2: style,
    3: f"{version};{ps}",
    4: f"{family} {style}",
    6: ps,
}
for rec in list(name.names):
    if rec.nameID in new:
        name.setName(new[rec.nameID], rec.nameID, rec.platformID, rec.platEncID, rec.langID)
    elif rec.nameID in (16, 17, 18, 21, 22):
        name.removeNames(nameID=rec.nameID)
cff = font["CFF "].cff
cff.fontNames = [ps]
top = cff.topDictIndex[0]
top.FamilyName = family
top.FullName = f"{family} {style}"
# CID-keyed: the font dicts carry "<original PostScript name>-<group>" names.
if hasattr(top, "FDArray"):
    for fd in top.FDArray:
        if hasattr(fd, "FontName"):
            fd.FontName = f"{ps}-{fd.FontName.rsplit('-', 1)[-1]}"
font.save(path)
PYEOF
}

# --- subset ----------------------------------------------------------------------------
KEEP_TABLES="cmap hmtx hhea OS/2 post name head maxp CFF"

subset_all() {
  local n_hanzi=$1 weight idx
  make_unicodes "$n_hanzi" >/dev/null
  for weight in Regular Bold; do
    idx="$(face_index "$SRC_DIR/NotoSansCJK-$weight.ttc")"
    # Every table not in KEEP_TABLES is dropped: layout (GSUB, GPOS, GDEF, BASE), vertical
    # metrics (vhea, vmtx, VORG) - the engine does no shaping and sets text horizontally.
    # No hints. Desubroutinized: the subset's outlines come out about 1% smaller as plain
    # charstrings than with the original font's subroutines (about 9 KB per weight).
    "$PYFTSUBSET" "$SRC_DIR/NotoSansCJK-$weight.ttc" \
      --font-number="$idx" \
      --unicodes-file="$WORK/unicodes-$n_hanzi.txt" \
      --output-file="$OUT_DIR/NotoSansSC-$weight.otf" \
      --drop-tables+=GSUB,GPOS,GDEF,BASE,VORG,vhea,vmtx,JSTF,DSIG,meta \
      --layout-features= \
      --no-hinting \
      --desubroutinize \
      --notdef-outline \
      --name-IDs='*' \
      --name-languages=0x409 \
      --no-recalc-timestamp
    rename_font "$OUT_DIR/NotoSansSC-$weight.otf" "$weight"
  done
}

fits() {
  local f
  for f in "$OUT_DIR/NotoSansSC-Regular.otf" "$OUT_DIR/NotoSansSC-Bold.otf"; do
    [[ $(stat -c %s "$f") -le $MAX_BYTES ]] || return 1
  done
}

N_HANZI=3755
subset_all "$N_HANZI"
while ! fits; do
  N_HANZI=$((N_HANZI - 250))
  (( N_HANZI > 0 )) || { echo "cannot fit under $MAX_BYTES bytes" >&2; exit 1; }
  log "over $MAX_BYTES bytes: retrying with the first $N_HANZI GB2312 level-1 hanzi"
  subset_all "$N_HANZI"
done

# --- licence ---------------------------------------------------------------------------
# OFL.txt: the font's own copyright line (name ID 0, with the Reserved Font Name that the
# upstream project's LICENSE file states), then the SIL OFL 1.1 text exactly as the Debian
# package's copyright file carries it (its stand-alone "License: SIL-1.1" paragraph,
# un-indented).
{
  echo "Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'."
  echo "(The font files' own copyright string, name ID 0: \"© 2014-2021 Adobe (http://www.adobe.com/).\")"
  echo
  echo "This Font Software is licensed under the SIL Open Font License, Version 1.1."
  echo
  awk 'prev == "" && /^License: SIL-1.1$/ { on = 1; next }
       { prev = $0 }
       on && !/^ / { exit }
       on { sub(/^ /, ""); if ($0 == ".") $0 = ""; print }' \
    /usr/share/doc/fonts-noto-cjk/copyright
} > "$OUT_DIR/OFL.txt"
grep -q "SIL OPEN FONT LICENSE Version 1.1" "$OUT_DIR/OFL.txt"

# --- check -----------------------------------------------------------------------------
"$PY" - "$OUT_DIR" "$KEEP_TABLES" <<'PYEOF'
import sys
from fontTools.ttLib import TTFont

out_dir, keep = sys.argv[1], set(sys.argv[2].split())
for style in ("Regular", "Bold"):
    font = TTFont(f"{out_dir}/NotoSansSC-{style}.otf")
    cmap = font.getBestCmap()
    for ch in "A国…¥，￥【】":
        assert ord(ch) in cmap, (style, ch)
    tables = {t.strip() for t in font.keys()} - {"GlyphOrder"}
    assert tables <= keep, (style, sorted(tables - keep))
    assert font["name"].getDebugName(1) == "Noto Sans SC Subset"
    print(f"[make-subset] NotoSansSC-{style}.otf: {len(cmap)} code points, "
          f"{len(font.getGlyphOrder())} glyphs, weight {font['OS/2'].usWeightClass}")
PYEOF
log "GB2312 level-1 hanzi kept: $N_HANZI of 3755"
ls -l "$OUT_DIR"/NotoSansSC-*.otf
