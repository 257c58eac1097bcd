import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const p = require.resolve('@bsull/augurs/prophet');
const mod = await import('@bsull/augurs/prophet');
mod.initSync({ module: readFileSync(path.join(path.dirname(p), 'prophet_bg.wasm')) });
const { optimizer } = await import('@bsull/augurs-prophet-wasmstan');
const n = 24 * 28;
const ds = [],
  y = [];
for (let i = 0; i < n; i++) {
  ds.push(1704067200 + i * 3600);
  y.push((400 / (1 + Math.exp(-(i - 300) / 80))) * (1 + 0.05 * Math.sin((i * 2 * Math.PI) / 24)));
}
for (const variant of ['plain', 'restring']) {
  try {
    const pr = new mod.Prophet({
      optimizer: {
        optimize: (i, d, o) =>
          optimizer.optimize(i, variant === 'plain' ? d : JSON.stringify(JSON.parse(d)), o),
      },
      growth: 'logistic',
      uncertaintySamples: 0,
    });
    pr.fit({ ds, y, cap: new Array(n).fill(420), floor: new Array(n).fill(0) }, { seed: 1 });
    console.log(variant, 'ok', pr.predict({ ds: [ds[n - 1] + 3600], cap: [420], floor: [0] }).yhat.point);
  } catch (e) {
    console.log(variant, 'fail', String(e).slice(0, 200));
  }
}
