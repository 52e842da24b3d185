"""Decodes every PNG of a QR gallery with ZXing (zxing-cpp) and compares the text.

ZXing is the decoder inside most Android scanner apps; unlike rqrr it finds finder
patterns by their run lengths along lines through the centre, so it reads rounded and
circular finders too. The gallery is written by `cargo run --example qr_gallery DIR`.

Usage: python3 decode_gallery.py DIR   (exit code 1 when any code does not read back)
"""

import sys
from pathlib import Path

import zxingcpp
from PIL import Image


def unescape(field: str) -> str:
    return field.replace("\\t", "\t").replace("\\\\", "\\")


def main() -> int:
    directory = Path(sys.argv[1])
    lines = (directory / "manifest.tsv").read_text(encoding="utf-8").splitlines()
    failures = []
    for line in lines:
        name, text = line.split("\t", 1)
        expected = unescape(text)
        with Image.open(directory / name) as image:
            # On white, as a code printed on a poster is seen.
            flat = Image.new("RGB", image.size, "white")
            flat.paste(image.convert("RGBA"), mask=image.convert("RGBA"))
            results = zxingcpp.read_barcodes(flat, formats=zxingcpp.BarcodeFormat.QRCode)
        texts = [r.text for r in results]
        if texts != [expected]:
            failures.append(f"{name}: read {texts!r}")
    for failure in failures:
        print("FAIL", failure)
    print(f"zxing-cpp read {len(lines) - len(failures)} of {len(lines)} codes back")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
