import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);

// src/sources/files/extracted.ts
function within(ctx, p) {
  return { ...p, within: [ctx, ...p.within ?? []] };
}
function emptyExtraction() {
  return { certificates: [], keys: [], problems: [] };
}

export {
  within,
  emptyExtraction
};
