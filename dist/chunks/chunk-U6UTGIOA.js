import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);

// src/report/report-shard.ts
function shardText(s) {
  return `${s.index}/${s.count}`;
}
function reportShard(r) {
  const m = /^(\d+)\/(\d+)$/.exec(typeof r.run?.shard === "string" ? r.run.shard : "");
  return m ? { index: Number(m[1]), count: Number(m[2]) } : null;
}

export {
  shardText,
  reportShard
};
