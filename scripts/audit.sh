#!/usr/bin/env bash
# Dependency audit, fast and safe offline:
#  1. Rust: every crate in Cargo.lock is reviewed in docs/dependencies.md (scripts/audit-deps.mjs:
#     version, where it ends up, license, crates.io only). Always runs; needs no network.
#     When cargo-audit is installed and the RustSec advisory database can be reached (or a copy
#     of it is on this machine), `cargo audit` runs too and fails on known vulnerabilities.
#  2. npm: nothing from npm ships (package.json has no runtime dependencies, the lock holds only
#     dev packages). When the registry answers, `npm audit --omit=dev` must find nothing; the
#     build and test tools are audited too, for information only.
# Exit code 0 when everything that could be checked passed. QUIETREAD_AUDIT_STRICT=1 also fails
# on advisories in the development tools.
set -euo pipefail
cd "$(dirname "$0")/.."

fail=0
say() { printf 'audit: %s\n' "$*"; }

# 1. Rust
node scripts/audit-deps.mjs || fail=1

if command -v cargo-audit >/dev/null 2>&1; then
  db="${CARGO_HOME:-$HOME/.cargo}/advisory-db"
  if timeout 10 git ls-remote https://github.com/rustsec/advisory-db HEAD >/dev/null 2>&1; then
    say "cargo audit (advisory database fetched)"
    timeout 180 cargo audit || fail=1
  elif [ -d "$db" ]; then
    say "cargo audit against the local advisory database in $db (not fetched: github.com unreachable; it may be stale)"
    timeout 60 cargo audit --no-fetch --stale || fail=1
  else
    say "cargo audit skipped: the RustSec advisory database cannot be reached and there is no local copy"
  fi
else
  say "cargo audit not installed: the review in docs/dependencies.md is the record"
fi

# 2. npm
if ! node -e '
  const pkg = require("./package.json");
  const lock = require("./package-lock.json");
  const shipped = ["dependencies", "optionalDependencies", "peerDependencies", "bundleDependencies"]
    .filter((k) => pkg[k] && Object.keys(pkg[k]).length);
  const prod = Object.entries(lock.packages || {}).filter(([k, v]) => k && !v.dev && !v.devOptional).map(([k]) => k);
  if (shipped.length || prod.length) {
    console.error("audit: npm packages that are not development only: " + shipped.concat(prod).join(", "));
    process.exit(1);
  }
  console.log("audit: npm: no runtime dependencies; all " + (Object.keys(lock.packages).length - 1) + " locked packages are development tools");
'; then
  fail=1
fi

if timeout 5 npm ping >/dev/null 2>&1; then
  # Summarise `npm audit --json`: "no known vulnerabilities", "vulnerable N (...)" or
  # "unavailable (why)" (this registry may not serve the advisory endpoint).
  summary() {
    node -e '
      let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
        let j; try { j = JSON.parse(s); } catch { console.log("unavailable (no answer)"); return; }
        if (j.error) { console.log("unavailable (" + String(j.error.summary || j.message || j.error.code || "error").split("\n")[0].slice(0, 120) + ")"); return; }
        const v = (j.metadata && j.metadata.vulnerabilities) || {};
        const n = v.total || 0;
        console.log(n ? `vulnerable ${n} (critical ${v.critical}, high ${v.high}, moderate ${v.moderate}, low ${v.low})` : "no known vulnerabilities");
      });'
  }
  prod=$(timeout 60 npm audit --omit=dev --json 2>/dev/null | summary || true)
  say "npm audit --omit=dev: $prod"
  case "$prod" in vulnerable*) fail=1 ;; esac
  dev=$(timeout 60 npm audit --json 2>/dev/null | summary || true)
  say "npm audit of the build and test tools (information): $dev"
  case "$dev" in vulnerable*) [ "${QUIETREAD_AUDIT_STRICT:-0}" = 1 ] && fail=1 ;; esac
else
  say "npm registry unreachable: npm audit skipped"
fi

if [ "$fail" -ne 0 ]; then
  say "FAILED"
  exit 1
fi
say "passed"
