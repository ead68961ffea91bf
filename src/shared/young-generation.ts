// Imported by the entry points (cli.ts, action.ts) for its effect: keep V8's young
// generation at its starting size. A run keeps a record per certificate until the
// report is written, so nearly everything it allocates survives the first
// collections, and V8 answers that survival rate by growing the young generation
// to 16 MB semi-spaces — memory that then sits mostly empty. A 10,000-file run
// peaked at 157 MB of RSS with growth and at 120 MB without, in the same CPU time
// (issue 15, files row). The semi-space size flags are read only when the heap is
// set up; the growth factor is read at each resize, so it still applies here.
// v8.setFlagsFromString is Node's documented way to set a V8 flag at run time; an
// unknown flag makes V8 print an error, so it is set only on the V8 versions this
// was measured on or known to have it (Node 20–24), and never over a user's choice.
import { setFlagsFromString } from 'node:v8';

const FLAG = '--semi-space-growth-factor';
const v8Major = Number(process.versions.v8.split('.')[0]);

if (
  v8Major >= 11 &&
  v8Major <= 13 &&
  !process.execArgv.some((a) => a.includes('semi-space')) &&
  !(process.env.NODE_OPTIONS ?? '').includes('semi-space')
)
  setFlagsFromString(`${FLAG}=1`);
