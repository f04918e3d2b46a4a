#!/usr/bin/env bash
# Idempotent project setup, run by `make run-dev` and `make test`.
# Provides Node (the version in .nvmrc when the system one is older than 22), pnpm (pinned in package.json),
# the workspace dependencies, and — when running as root — the Debian packages the sandbox and browser tests need.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
NODE_VERSION="$(tr -d '[:space:]' <"$ROOT/.nvmrc")"
PNPM_VERSION="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$ROOT/package.json")"
# Debian packages: bubblewrap (tool sandbox), chromium (browser tests), prometheus (scrape test), iproute2 (the mesh
# discovery test's own network namespace), and for the compose test's private Docker engine docker.io,
# docker-compose and debootstrap (its offline base images).
APT_PACKAGES=(bubblewrap chromium prometheus iproute2 docker.io docker-compose debootstrap)

say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[setup] error:\033[0m %s\n' "$*" >&2; exit 1; }

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  local sys_major
  sys_major="$(command -v node >/dev/null && node_major node || echo 0)"
  if [ -x "$TOOLS/node/bin/node" ] && [ "$("$TOOLS/node/bin/node" --version)" = "v$NODE_VERSION" ]; then
    say "node v$NODE_VERSION (project copy in .tools/node)"
    return
  fi
  if [ "$sys_major" -ge 22 ]; then
    say "node $(node --version) (system)"
    return
  fi
  command -v npm >/dev/null || die "npm is required to fetch Node $NODE_VERSION (system node is ${sys_major:-missing})"
  local arch
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) die "unsupported CPU $(uname -m): install Node >= 22 yourself" ;;
  esac
  say "system node is v$sys_major (< 22): fetching node-linux-$arch@$NODE_VERSION from the npm registry"
  local tmp
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-$arch@$NODE_VERSION" >/dev/null) ||
    die "could not download node-linux-$arch@$NODE_VERSION from the npm registry"
  rm -rf "$TOOLS/node" && mkdir -p "$TOOLS/node"
  tar -xzf "$tmp"/node-linux-*.tgz -C "$TOOLS/node" --strip-components=1
  rm -rf "$tmp"
  [ "$("$TOOLS/node/bin/node" --version)" = "v$NODE_VERSION" ] || die "the downloaded node does not run"
  say "node v$NODE_VERSION installed in .tools/node (binary and headers)"
}

ensure_pnpm() {
  local bin="$TOOLS/pnpm/node_modules/.bin/pnpm"
  if [ -x "$bin" ] && [ "$("$bin" --version 2>/dev/null)" = "$PNPM_VERSION" ]; then
    say "pnpm $PNPM_VERSION"
    return
  fi
  say "installing pnpm $PNPM_VERSION into .tools/pnpm"
  mkdir -p "$TOOLS/pnpm"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS/pnpm" "pnpm@$PNPM_VERSION" >/dev/null ||
    die "could not install pnpm $PNPM_VERSION from the npm registry"
}

ensure_apt_packages() {
  local missing=()
  local pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    say "system packages present: ${APT_PACKAGES[*]}"
    return
  fi
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    say "WARNING: missing system packages (${missing[*]}); install them as root: apt-get install ${missing[*]}"
    [ "${CI:-}" = "true" ] && die "CI needs ${missing[*]}"
    return
  fi
  say "installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Installing docker.io must not start the system's Docker daemon (its default bridge network and NAT rules): the
  # tests run their own engine with host networking only. Services are kept from starting during this install only.
  local policy=/usr/sbin/policy-rc.d own_policy=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && own_policy=1
  fi
  local ok=1
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || ok=""
  [ -n "$own_policy" ] && rm -f "$policy"
  [ -n "$ok" ] || die "apt-get install ${missing[*]} failed"
}

ensure_workspace() {
  # shellcheck source=scripts/env.sh
  source "$ROOT/scripts/env.sh"
  local stamp="$ROOT/node_modules/.pagi-install-stamp"
  local want
  want="$(cat "$ROOT/pnpm-lock.yaml" "$ROOT/package.json" "$ROOT/pnpm-workspace.yaml" | sha256sum | cut -d' ' -f1)-$(node --version)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    say "workspace dependencies up to date"
    return
  fi
  say "pnpm install --frozen-lockfile (native addons build from source against Node's headers)"
  (cd "$ROOT" && pnpm install --frozen-lockfile --reporter=append-only) || die "pnpm install failed"
  echo "$want" >"$stamp"
}

ensure_node
# shellcheck source=scripts/env.sh
source "$ROOT/scripts/env.sh"
ensure_pnpm
source "$ROOT/scripts/env.sh"
ensure_apt_packages
ensure_workspace
mkdir -p "$ROOT/data/ingest" "$ROOT/data/media" "$ROOT/data/state" "$ROOT/data/vectors" "$ROOT/data/sandbox"
say "ready (node $(node --version), pnpm $(pnpm --version))"
