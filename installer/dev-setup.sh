#!/usr/bin/env bash
# Shared set-up of ./run and ./test: install what is missing from installer/build-deps.txt, configure with the
# "dev" CMake preset (Ninja, ccache) and build. A second run installs nothing and builds incrementally.
set -euo pipefail

QINGTING_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export QINGTING_ROOT

qingting_missing_packages() {
    local wanted
    wanted=$(grep -v '^\s*#' "$QINGTING_ROOT/installer/build-deps.txt" | grep -v '^\s*$')
    # shellcheck disable=SC2086
    dpkg-query -W -f='${Package} ${Status}\n' $wanted 2>/dev/null | awk '$NF == "installed" { print $1 }' \
        | sort >/tmp/qingting-installed.$$ || true
    echo "$wanted" | sort | comm -23 - /tmp/qingting-installed.$$
    rm -f /tmp/qingting-installed.$$
}

qingting_install_packages() {
    local missing
    missing=$(qingting_missing_packages)
    [[ -z $missing ]] && return 0
    echo "Installing missing packages:" $missing >&2
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        if command -v sudo >/dev/null; then
            sudo=(sudo)
        else
            echo "error: these packages are missing and you are not root (and there is no sudo): $missing" >&2
            exit 1
        fi
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    # shellcheck disable=SC2086
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends $missing >&2
}

qingting_build() {
    cd "$QINGTING_ROOT"
    if [[ ! -f build/dev/build.ninja ]]; then
        cmake --preset dev >&2
    fi
    cmake --build --preset dev -- -j"$(nproc)" >&2
}

qingting_setup() {
    qingting_install_packages
    qingting_build
}
