#!/usr/bin/env bash
# Scaffold a new workspace package: tooling/scripts/new-package.sh <dir-under-packages> "<description>"
# Creates package.json, tsconfig.json, tsup.config.ts, vitest.config.ts, src/index.ts, README.md.
set -euo pipefail
name="$1"; desc="$2"
dir="$(cd "$(dirname "$0")/../.." && pwd)/packages/$name"
mkdir -p "$dir/src"
cd "$dir"
[ -f package.json ] || cat > package.json <<JSON
{
  "name": "@cdf/$name",
  "version": "0.1.0",
  "description": "$desc",
  "license": "MIT",
  "type": "module",
  "sideEffects": false,
  "files": ["dist", "README.md"],
  "exports": {
    ".": {
      "@cdf/source": "./src/index.ts",
      "types": "./dist/index.d.ts",
      "import": "./dist/index.js"
    }
  },
  "types": "./dist/index.d.ts",
  "engines": { "node": ">=20.19" },
  "scripts": {
    "build": "tsup",
    "test": "vitest run",
    "typecheck": "tsc -p tsconfig.json"
  },
  "dependencies": {
    "@cdf/core": "workspace:^"
  },
  "devDependencies": {
    "@cdf/tsconfig": "workspace:*"
  }
}
JSON
[ -f tsconfig.json ] || printf '{\n  "extends": "@cdf/tsconfig/base.json",\n  "include": ["src", "test", "*.ts"]\n}\n' > tsconfig.json
[ -f tsup.config.ts ] || printf "import { defineConfig } from 'tsup';\nimport { cdfTsup } from '../../tooling/tsup.shared.ts';\n\nexport default defineConfig(cdfTsup({ index: 'src/index.ts' }));\n" > tsup.config.ts
[ -f vitest.config.ts ] || printf "export { default } from '../../tooling/vitest.shared.ts';\n" > vitest.config.ts
[ -f src/index.ts ] || printf "/** @cdf/%s: %s */\nexport {};\n" "$name" "$desc" > src/index.ts
[ -f README.md ] || printf "# @cdf/%s\n\n%s\n" "$name" "$desc" > README.md
