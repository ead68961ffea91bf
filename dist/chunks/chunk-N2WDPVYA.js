import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);

// src/sources/files/extracted.ts
function within(ctx, x) {
  return { ...x, within: [ctx, ...x.within ?? []] };
}
function emptyExtraction() {
  return { certificates: [], keys: [], problems: [] };
}

export {
  within,
  emptyExtraction
};
