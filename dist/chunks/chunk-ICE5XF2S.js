import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);

// src/checks/readable-time.ts
function readableTime(d) {
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export {
  readableTime
};
