#!/usr/bin/env bash
# Remakes assets/fonts/organigram-cjk.ttf, the CJK font bundled into Organigram.
# Source: WenQuanYi Micro Hei (Debian package fonts-wqy-microhei, Apache-2.0).
# Needs: apt-get install fonts-wqy-microhei; pip install fonttools
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=${1:-/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}
# Latin (with Extended-A/B and Extended Additional), Greek, Cyrillic, general punctuation, CJK symbols and punctuation,
# CJK unified ideographs, fullwidth forms, and the bullets HR documents use (➢ ① …).
unicodes="U+0020-007E,U+00A0-024F,U+0370-03FF,U+0400-04FF,U+1E00-1EFF,U+2010-2027,U+2030-205E,U+2190-21FF,U+2460-24FF,U+25A0-25FF,U+2600-26FF,U+2700-27BF,U+3000-303F,U+3200-32FF,U+4E00-9FFF,U+FF00-FFEF"
pyftsubset "$src" --font-number=0 --unicodes="$unicodes" \
  --layout-features='*' --no-hinting --desubroutinize \
  --name-IDs='*' --name-languages='*' \
  --output-file="$here/organigram-cjk.ttf"
ls -l "$here/organigram-cjk.ttf"
