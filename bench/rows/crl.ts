// The 1M-entry CRL row as before (bench/crl.ts): certwatch's parse + verify +
// lookup timed inside its process, against `openssl crl -noout` as a whole process.
import { benchCrl } from '../crl.js';
import type { Bench } from '../lib.js';

export const bench: Bench = {
  name: 'crl',
  order: 50,
  async run(o) {
    const n = o.quick ? 100_000 : 1_000_000;
    const [r] = await benchCrl([n]);
    const base = { wallMs: r.opensslMs ?? NaN, rssMb: r.opensslRssMB ?? NaN };
    const ratio = r.certwatchMs / base.wallMs;
    return [
      {
        row: `CRL with ${n.toLocaleString('en')} entries (${r.sizeMB.toFixed(1)} MB), one lookup`,
        certwatchName: 'read + scan + verify + lookup, timed in-process (unchanged row)',
        certwatch: { wallMs: r.certwatchMs, rssMb: r.certwatchRssMB },
        baselineName: '`openssl crl -inform DER -noout` (whole process)',
        baseline: base,
        ratio,
        target: '≤ 1×',
        met: r.found && ratio <= 1,
      },
    ];
  },
};
