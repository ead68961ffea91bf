import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  renderSarif
} from "./chunk-DRHZVUTF.js";
import "./chunk-2QTV5ZJ2.js";
import "./chunk-DDCI7ZLU.js";
export {
  renderSarif
};
