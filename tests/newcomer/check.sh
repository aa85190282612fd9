#!/usr/bin/env bash
# The newcomer check (issue 11): on a fresh, minimal Debian bookworm, as a normal user, the
# README's two commands work as written and the window opens on the demo.
#
#   sudo bash tests/newcomer/check.sh [--repo PATH] [--root DIR] [--out DIR] [--with-tests]
#
# It builds a root with `debootstrap --variant=minbase bookworm` (apt's configured Debian
# mirror), installs only python3 python3-venv python3-pip git in it, creates the user
# "newcomer", clones the repository (PATH, by default this script's own, at its HEAD) into the
# user's home and runs `bash .ci/setup && .venv/bin/aes-desktop` there as that user, with the
# window on an Xvfb display; OUT/main-window.png is a screenshot of it. A normal user cannot
# install packages: when a command names the missing ones ("as root: apt-get install ..."), the
# script does as an administrator would (installs exactly those, as root) and runs the command
# again. --with-tests also runs the second command, `bash .ci/run` (several minutes).
# It needs root and the package registries; it is not part of .ci/run.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
root=""
out=$PWD/newcomer-check
with_tests=0
while [ $# -gt 0 ]; do
  case "$1" in
    --repo) repo=$(cd "$2" && pwd); shift 2 ;;
    --root) root=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --with-tests) with_tests=1; shift ;;
    *) echo "usage: $0 [--repo PATH] [--root DIR] [--out DIR] [--with-tests]" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" = 0 ] || { echo "The newcomer check needs root (debootstrap, chroot)." >&2; exit 2; }
command -v debootstrap >/dev/null || PATH=$PATH:/usr/sbin:/sbin
command -v debootstrap >/dev/null || { echo "as root: apt-get install debootstrap" >&2; exit 2; }
command -v Xvfb >/dev/null || { echo "as root: apt-get install xvfb" >&2; exit 2; }
mkdir -p "$out"
out=$(cd "$out" && pwd)
[ -n "$root" ] || root=$(mktemp -d /var/tmp/aes-newcomer.XXXXXX)
user=newcomer
log() { printf '\n== %s\n' "$*"; }

# The Debian mirror apt is configured with (deb822 sources or sources.list), else the default.
mirror=$(
  { grep -hs -A3 '^Types:.*deb' /etc/apt/sources.list.d/*.sources || true; } |
    awk '/^URIs:/ {print $2}' | grep -v security | head -n1
)
[ -n "$mirror" ] || mirror=$(
  { grep -hs '^deb ' /etc/apt/sources.list || true; } | awk '{print $2}' | grep -v security | head -n1
)
[ -n "$mirror" ] || mirror=http://deb.debian.org/debian

cleanup() {
  [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
  for m in tmp/.X11-unix dev/pts dev sys proc; do
    mountpoint -q "$root/$m" && umount -l "$root/$m" || true
  done
}
trap cleanup EXIT

if [ ! -x "$root/usr/bin/apt-get" ]; then
  log "debootstrap --variant=minbase bookworm $root $mirror"
  debootstrap --variant=minbase bookworm "$root" "$mirror" >"$out/debootstrap.log" 2>&1 ||
    { tail -n 20 "$out/debootstrap.log"; exit 1; }
fi
mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys" && mount --make-rslave "$root/sys"
mount --rbind /dev "$root/dev" && mount --make-rslave "$root/dev"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# No services start inside a chroot (the usual policy for package installs there).
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d" && chmod +x "$root/usr/sbin/policy-rc.d"

as_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
  DEBIAN_FRONTEND=noninteractive "$@"; }
# The user's own login environment: PATH without /sbin, no sudo, their home.
as_user() { chroot "$root" runuser -l "$user" -c "$*"; }

log "apt-get install python3 python3-venv python3-pip git (only these)"
as_root apt-get update -q >/dev/null
as_root apt-get install -y -q --no-install-recommends python3 python3-venv python3-pip git \
  >/dev/null
# The host's own certificate authorities (a network that inspects TLS has one): pip and git in
# the new system trust what this machine trusts, as an administrator would have set it up.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  as_root apt-get install -y -q --no-install-recommends ca-certificates >/dev/null
  as_root update-ca-certificates >/dev/null 2>&1
fi
as_root sh -c "id $user >/dev/null 2>&1 || useradd -m -s /bin/bash $user"

log "git clone $repo ~$user/aes-dossiers (HEAD $(git -C "$repo" rev-parse --short HEAD))"
rm -rf "$root/srv/aes-dossiers.git" "$root/home/$user/aes-dossiers"
git clone -q --bare --no-hardlinks "$repo" "$root/srv/aes-dossiers.git"
git -C "$root/srv/aes-dossiers.git" update-ref HEAD "$(git -C "$repo" rev-parse HEAD)"
as_root chown -R "$user:" /srv/aes-dossiers.git  # git refuses a repository someone else owns
as_user "git clone -q /srv/aes-dossiers.git ~/aes-dossiers"

# Run a README command as the user; if it names packages to install "as root", install exactly
# those as root, as the administrator would, and run it again. $1: a label, then the command.
run_readme_command() {
  local label=$1; shift
  local attempt
  for attempt in 1 2 3; do
    log "as $user, in ~/aes-dossiers: $* (attempt $attempt)"
    if as_user "cd ~/aes-dossiers && $*" >"$out/$label.$attempt.log" 2>&1; then
      tail -n 5 "$out/$label.$attempt.log"
      return 0
    fi
    tail -n 15 "$out/$label.$attempt.log"
    local installs
    installs=$(sed -n 's/^ *as root: \(apt-get install .*\)$/\1/p' "$out/$label.$attempt.log")
    [ -n "$installs" ] || { echo "FAILED: $* (no install named)"; return 1; }
    while IFS= read -r cmd; do
      log "as root (the administrator, following the message): $cmd"
      # shellcheck disable=SC2086
      as_root ${cmd/apt-get install/apt-get install -y -q} >/dev/null
    done <<<"$installs"
  done
  echo "FAILED: $*"
  return 1
}

# The first command, with the window on an Xvfb display (started here, outside the chroot).
display=:77
mkdir -p /tmp/.X11-unix "$root/tmp/.X11-unix"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!
sleep 2
mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
run_readme_command setup "bash .ci/setup"
log "as $user: bash .ci/setup && .venv/bin/aes-desktop (DISPLAY=$display)"
as_user "cd ~/aes-dossiers && DISPLAY=$display bash .ci/setup && DISPLAY=$display \
  timeout 45 .venv/bin/aes-desktop" >"$out/window.log" 2>&1 &
app=$!
sleep 25
as_user "cd ~/aes-dossiers && DISPLAY=$display .venv/bin/python -c '
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv)
shot = QGuiApplication.primaryScreen().grabWindow(0)
sys.exit(0 if shot.save(\"/tmp/main-window.png\") else 1)
'"
cp "$root/tmp/main-window.png" "$out/main-window.png"
# The app stays open until timeout ends it (status 124); any other status means it quit or died.
status=0
wait "$app" || status=$?
alive=no
[ "$status" = 124 ] && alive=yes
log "the window: $out/main-window.png (the app stayed open until stopped: $alive)"
tail -n 5 "$out/window.log"
[ "$alive" = yes ] || { echo "FAILED: the app did not stay open"; exit 1; }

if [ "$with_tests" = 1 ]; then
  run_readme_command run "bash .ci/run"
fi
log "newcomer check passed (root $root, output in $out)"
