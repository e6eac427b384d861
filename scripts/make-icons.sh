#!/usr/bin/env bash
# scripts/make-icons.sh: the hicolor PNG sizes of the app icon, scaled down from resources/icons/qingting-256.png
# (drawn from qingting.svg). ImageMagick's own SVG reader drops the tile's gradient, so the PNGs come from the
# 256-pixel one; run again after changing it, and commit the PNGs.
set -euo pipefail
cd "$(dirname "$0")/../resources/icons"
for n in 16 24 32 48 64 128; do
    /usr/bin/convert qingting-256.png -filter Lanczos -resize "${n}x${n}" -strip "PNG32:qingting-$n.png"
done
