import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  renderSarif
} from "./chunk-YKTLYQTS.js";
import "./chunk-2XRMHOW7.js";
import "./chunk-DDCI7ZLU.js";
export {
  renderSarif
};
