# Helpers shared by .ci/setup and .ci/tools (sourced, not run): find what is missing, and either
# install it (as root, with apt) or name the one command that installs it.

# Run as root: install Debian packages, refreshing apt's lists once if they are missing or stale.
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q --no-install-recommends "$@" >/tmp/aes-apt.$$.log 2>&1; then
    apt-get update -q >/dev/null 2>&1 || true
    if ! apt-get install -y -q --no-install-recommends "$@" >/tmp/aes-apt.$$.log 2>&1; then
      tail -n 20 /tmp/aes-apt.$$.log >&2
      rm -f /tmp/aes-apt.$$.log
      return 1
    fi
  fi
  rm -f /tmp/aes-apt.$$.log
}

# The command a user who is not root should run (an administrator, when there is no sudo).
install_hint() {
  if command -v sudo >/dev/null 2>&1; then
    echo "  sudo apt-get install $*"
  else
    echo "  as root: apt-get install $*"
  fi
}

# Print the distinct words of "$@", in order.
uniq_words() {
  local seen=" " word out=()
  for word in "$@"; do
    case "$seen" in *" $word "*) ;; *) seen+="$word "; out+=("$word") ;; esac
  done
  echo "${out[*]}"
}

# Install the packages "$@" when root with apt, else say how and fail. $what says what for.
install_or_explain() {
  local what=$1; shift
  local packages
  packages=$(uniq_words "$@")
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing $what: $packages" >&2
    # shellcheck disable=SC2086
    apt_install $packages
    return
  fi
  {
    echo "Missing $what. Install them, then run this command again:"
    # shellcheck disable=SC2086
    install_hint $packages
  } >&2
  return 1
}
