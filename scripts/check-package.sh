#!/usr/bin/env bash
# scripts/check-package.sh [DEB]: the checks a Debian-family hall's packager runs on the .deb, each printed in full:
# lintian (errors and warnings fail), appstreamcli validate on the AppStream metadata inside it, and
# desktop-file-validate on its desktop entry. Without DEB: the newest build/release/qingting_*.deb
# (`cmake --preset release && cmake --build --preset release && (cd build/release && cpack)`).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
deb="${1:-$(ls -t "$root"/build/release/qingting_*.deb 2>/dev/null | head -n1)}"
if [[ -z "$deb" || ! -f "$deb" ]]; then
    echo "No .deb to check: build one with cpack in build/release, or name it." >&2
    exit 2
fi
for tool in lintian appstreamcli desktop-file-validate dpkg-deb; do
    command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install lintian appstream desktop-file-utils)" >&2; exit 2; }
done
unpacked="$(mktemp -d)"
trap 'rm -rf "$unpacked"' EXIT
dpkg-deb -x "$deb" "$unpacked"
status=0

echo "== lintian $(basename "$deb")"
# --fail-on error,warning: exit non-zero on either; root may run it (CI does), which lintian only warns about.
lintian --allow-root --fail-on error,warning --display-info "$deb" || status=1

shopt -s nullglob
metainfo=("$unpacked"/usr/share/metainfo/*.metainfo.xml)
desktop=("$unpacked"/usr/share/applications/*.desktop)
if ((${#metainfo[@]} == 0 || ${#desktop[@]} == 0)); then
    echo "The package carries no AppStream metadata or no desktop entry." >&2
    exit 1
fi
for m in "${metainfo[@]}"; do
    echo "== appstreamcli validate ${m#"$unpacked"}"
    appstreamcli validate --no-net "$m" || status=1
done
for d in "${desktop[@]}"; do
    echo "== desktop-file-validate ${d#"$unpacked"}"
    desktop-file-validate "$d" && echo "ok" || status=1
done
exit $status
