#!/usr/bin/env bash
# tests/package/install-test.sh NEW_DEB [OLD_DEB]: installs, upgrades and removes the Qingting package in a clean
# Debian 12 system (a debootstrap minbase chroot, as root), the way a hall's IT person would with apt-get:
#   1. OLD_DEB (when given, else NEW_DEB) installs with its declared dependencies only; a desk user makes a database
#      with qingting-cli (init, a user, demo cases) in the default place (~/.local/share/Qingting/qingting/);
#   2. NEW_DEB upgrades it: the database opens, migrates if it must, and `verify` holds; the app starts (offscreen);
#      the desktop entry, AppStream metadata, icons and manual pages are where desktops look for them;
#   3. remove, then purge: every file of the package is gone, the user's database is not, and a reinstall opens it.
# The minbase is made once under QINGTING_CHROOT_CACHE (default /var/cache/qingting-chroot) and copied per run.
# Exit 0 passed, 1 failed, 2 usage, 77 skipped (no root, or no mounts allowed here: the reason on stderr).
set -euo pipefail
new_deb="$(realpath "${1:?usage: install-test.sh NEW_DEB [OLD_DEB]}")"
old_deb="$(realpath "${2:-$1}")"
cache="${QINGTING_CHROOT_CACHE:-/var/cache/qingting-chroot}"
mirror="${QINGTING_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
[[ $EUID -eq 0 ]] || { echo "SKIPPED: install-test.sh needs root (chroot, mount)." >&2; exit 77; }
command -v debootstrap >/dev/null || { echo "debootstrap is missing (apt-get install debootstrap)." >&2; exit 2; }

if [[ ! -x "$cache/bookworm/usr/bin/apt-get" ]]; then
    echo "-- debootstrap bookworm (minbase) into $cache/bookworm, once" >&2
    rm -rf "$cache/bookworm.partial"
    mkdir -p "$cache"
    debootstrap --variant=minbase bookworm "$cache/bookworm.partial" "$mirror" >&2
    mv "$cache/bookworm.partial" "$cache/bookworm"
fi

root="$(mktemp -d /tmp/qingting-chroot.XXXXXX)"
cleanup() {
    umount -l "$root/proc" 2>/dev/null || true
    umount -l "$root/dev" 2>/dev/null || true
    rm -rf "$root"
}
trap cleanup EXIT
cp -a "$cache/bookworm/." "$root/"
if ! mount -t proc proc "$root/proc"; then
    echo "SKIPPED: this machine does not let the test mount /proc in a chroot (a container without CAP_SYS_ADMIN)." >&2
    exit 77
fi
mount --bind /dev "$root/dev"
mount --make-private "$root/dev" # nothing mounted below it may reach the host's /dev
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$old_deb" "$root/tmp/old.deb"
cp "$new_deb" "$root/tmp/new.deb"

in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LC_ALL=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"; }
as_desk() { in_root runuser -u desk -- env HOME=/home/desk LC_ALL=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "-- $*" >&2; }

in_root apt-get update -qq >&2
in_root useradd --create-home --shell /bin/bash desk

step "install $(basename "$old_deb")"
in_root apt-get install -y -qq /tmp/old.deb >&2 || fail "the package does not install with its dependencies"
as_desk qingting-cli version || fail "qingting-cli does not run"
as_desk qingting-cli init >&2 || fail "init"
printf 'desk-password-1\n' | as_desk qingting-cli user add admin --role admin --name 'Hall admin' >&2 || fail "user add"
as_desk qingting-cli demo --cases 300 --days 30 --seed 7 >&2 || fail "demo"
data=/home/desk/.local/share/Qingting/qingting
[[ -f "$root$data/qingting.sqlite" ]] || fail "the desk's database is not at $data/qingting.sqlite: $(ls -R "$root/home/desk" | head -20)"
before="$(as_desk qingting-cli cases --limit 1000 | sha256sum)"

step "upgrade to $(basename "$new_deb")"
in_root apt-get install -y -qq /tmp/new.deb >&2 || fail "the upgrade does not install"
as_desk qingting-cli version
as_desk qingting-cli verify >&2 || fail "verify after the upgrade"
[[ "$(as_desk qingting-cli cases --limit 1000 | sha256sum)" == "$before" ]] || fail "the cases changed in the upgrade"
as_desk qingting --version >&2 || fail "the app does not start (offscreen)"
# The app itself, on the desk's database, for a few seconds: it must still be running when stopped (124).
set +e
as_desk timeout 8 qingting >/dev/null 2>&1
code=$?
set -e
[[ $code -eq 124 ]] || fail "the app exited with $code on its own"
for f in /usr/share/applications/qingting.desktop /usr/share/metainfo/invalid.qingting.Qingting.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/qingting.svg /usr/share/icons/hicolor/16x16/apps/qingting.png \
    /usr/share/icons/hicolor/48x48/apps/qingting.png /usr/share/icons/hicolor/256x256/apps/qingting.png \
    /usr/share/man/man1/qingting-cli.1.gz /usr/share/man/man1/qingting.1.gz \
    /usr/share/doc/qingting/copyright /usr/share/doc/qingting/changelog.gz; do
    [[ -e "$root$f" ]] || fail "$f is missing"
done
files="$(in_root dpkg -L qingting | grep -v '^/\.$')"

step "remove, then purge"
in_root apt-get remove -y -qq qingting >&2
[[ ! -e "$root/usr/bin/qingting" && ! -e "$root/usr/bin/qingting-cli" ]] || fail "the programs are still there"
[[ -f "$root$data/qingting.sqlite" ]] || fail "removing the package removed the desk's database"
# Nothing of the package is left for a purge to find (it has no configuration files), which dpkg accepts.
in_root dpkg --purge qingting >&2
while IFS= read -r f; do
    [[ -d "$root$f" || ! -e "$root$f" ]] || fail "$f is left after the purge"
done <<<"$files"
[[ -f "$root$data/qingting.sqlite" ]] || fail "purging the package removed the desk's database"

step "reinstall: the database opens as it was"
in_root apt-get install -y -qq /tmp/new.deb >&2
as_desk qingting-cli verify >&2 || fail "verify after the reinstall"
[[ "$(as_desk qingting-cli cases --limit 1000 | sha256sum)" == "$before" ]] || fail "the cases changed"
echo "install, upgrade, remove, purge and reinstall: ok" >&2
