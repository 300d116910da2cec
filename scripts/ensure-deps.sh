# Sourced by scripts/start.sh and scripts/run-tests.sh: installs what a fresh machine lacks.
# ensure_node_modules: `npm ci` when node_modules is missing or older than package-lock.json.
# ensure_browsers chromium [firefox-esr]: Debian packages through apt-get when root; otherwise
# prints the exact command and returns non-zero.

CHROMIUM_BIN="${CHROMIUM_PATH:-/usr/lib/chromium/chromium}"
FIREFOX_BIN="${FIREFOX_PATH:-/usr/bin/firefox-esr}"

ensure_node_modules() {
  # npm writes node_modules/.package-lock.json on every install: older than the lock file = stale.
  if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] \
     || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "==> npm ci (node_modules missing or stale)"
    npm ci || return 1
  fi
}

ensure_browsers() {
  local missing=()
  for pkg in "$@"; do
    case "$pkg" in
      chromium) [ -x "$CHROMIUM_BIN" ] || missing+=(chromium) ;;
      firefox-esr) [ -x "$FIREFOX_BIN" ] || missing+=(firefox-esr) ;;
    esac
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "==> apt-get install -y ${missing[*]}"
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" || return 1
  else
    echo "Missing browser(s): ${missing[*]}. Install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    return 1
  fi
}
