import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);

// src/sources/files/extracted.ts
function keyWithin(ctx, k) {
  return { ...k, within: [ctx, ...k.within ?? []] };
}
function within(ctx, p) {
  return { ...p, within: [ctx, ...p.within ?? []] };
}
function emptyExtraction() {
  return { certificates: [], keys: [], problems: [] };
}

export {
  keyWithin,
  within,
  emptyExtraction
};
