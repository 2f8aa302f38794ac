#!/usr/bin/env bash
# Builds the pinned MinIO and SFTPGo binaries from the Go module proxy into a cache
# outside the repository, and does nothing when the pinned binaries are already there.
#
#   CSP_CACHE_DIR   cache root (default: ~/.cache/cloudstorage-pro)
#   MINIO_BIN       use this minio binary instead of building one
#   SFTPGO_BIN      use this sftpgo binary instead of building one
set -euo pipefail

MINIO_VERSION="v0.0.0-20260212201848-7aac2a2c5b7c"   # minio/minio master 7aac2a2c (2026-02-12; code as of 2025-10-24)
SFTPGO_VERSION="v2.7.5"

CACHE="${CSP_CACHE_DIR:-$HOME/.cache/cloudstorage-pro}"
BIN="$CACHE/bin"
MINIO_OUT="$BIN/minio-$MINIO_VERSION/minio"
SFTPGO_OUT="$BIN/sftpgo-$SFTPGO_VERSION/sftpgo"

log() { printf '[build-services] %s\n' "$*" >&2; }

# Runs a build with its output in a log file, printing one progress line per service every 15 s
# (what is being built, elapsed time, modules fetched so far) instead of the Go tool's own lines.
with_progress() {
  local name="$1" logfile="$2"; shift 2
  local started=$SECONDS
  "$@" >"$logfile" 2>&1 &
  local pid=$!
  local ticks=0 fetched
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    ticks=$((ticks + 1))
    if [ $((ticks % 15)) -eq 0 ] && kill -0 "$pid" 2>/dev/null; then
      fetched=$(grep -cE '^(# get .*200 OK|go: downloading)' "$logfile" 2>/dev/null || true)
      log "building $name: $((SECONDS - started)) s, ${fetched:-0} modules fetched"
    fi
  done
  wait "$pid"
  local status=$?
  [ "$status" -eq 0 ] && log "built $name in $((SECONDS - started)) s"
  return "$status"
}

need_go() {
  if ! command -v go >/dev/null 2>&1; then
    log "Go is not installed. Install Go >= 1.25 (https://go.dev/doc/install, or 'apt-get install golang-go' on a recent Debian),"
    log "or point MINIO_BIN and SFTPGO_BIN at existing minio and sftpgo binaries."
    exit 2
  fi
  export GOTOOLCHAIN=local GOFLAGS=-buildvcs=false
  export GOPATH="$CACHE/go" GOMODCACHE="$CACHE/go/pkg/mod" GOCACHE="$CACHE/go-build"
}

build_minio() {
  if [ -n "${MINIO_BIN:-}" ]; then log "using MINIO_BIN=$MINIO_BIN"; return; fi
  if [ -x "$MINIO_OUT" ]; then log "minio $MINIO_VERSION already built"; return; fi
  need_go
  log "building minio@$MINIO_VERSION (the first build downloads hundreds of modules: several minutes on 2 cores)"
  local tmp; tmp=$(mktemp -d)
  with_progress minio "$tmp/build.log" env GOBIN="$tmp" CGO_ENABLED=0 go install -trimpath -x "github.com/minio/minio@$MINIO_VERSION" \
    || { log "minio build failed; the end of its log:"; tail -n 30 "$tmp/build.log" >&2; exit 1; }
  mkdir -p "$(dirname "$MINIO_OUT")" && mv "$tmp/minio" "$MINIO_OUT" && rm -rf "$tmp"
  log "minio ready: $MINIO_OUT"
}

build_sftpgo() {
  if [ -n "${SFTPGO_BIN:-}" ]; then log "using SFTPGO_BIN=$SFTPGO_BIN"; return; fi
  if [ -x "$SFTPGO_OUT" ]; then log "sftpgo $SFTPGO_VERSION already built"; return; fi
  need_go
  log "building sftpgo $SFTPGO_VERSION"
  local tmp; tmp=$(mktemp -d)
  local dir
  dir=$(cd "$tmp" && go mod download -json "github.com/drakkan/sftpgo/v2@$SFTPGO_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [ -n "$dir" ] || { log "could not download the sftpgo module"; exit 1; }
  cp -r "$dir" "$tmp/src" && chmod -R u+w "$tmp/src"
  (cd "$tmp/src" && with_progress sftpgo "$tmp/build.log" env CGO_ENABLED=0 go build -mod=readonly -trimpath -x \
    -tags nopgxregisterdefaulttypes,disable_grpc_modules,nosqlite,nogcs,noazblob,nomysql,noportable \
    -o "$tmp/sftpgo" .) || { log "sftpgo build failed; the end of its log:"; tail -n 30 "$tmp/build.log" >&2; exit 1; }
  mkdir -p "$(dirname "$SFTPGO_OUT")" && mv "$tmp/sftpgo" "$SFTPGO_OUT" && rm -rf "$tmp"
  log "sftpgo ready: $SFTPGO_OUT"
}

case "${1:-all}" in
  minio) build_minio ;;
  sftpgo) build_sftpgo ;;
  paths) echo "MINIO_BIN=${MINIO_BIN:-$MINIO_OUT}"; echo "SFTPGO_BIN=${SFTPGO_BIN:-$SFTPGO_OUT}" ;;
  all) build_minio; build_sftpgo ;;
  *) echo "usage: $0 [all|minio|sftpgo|paths]" >&2; exit 2 ;;
esac
