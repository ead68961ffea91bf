import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  parseConfigText
} from "./chunk-AKU3KICV.js";
import "./chunk-RHUPNITJ.js";
import "./chunk-EGCRF24D.js";
import "./chunk-DDCI7ZLU.js";
export {
  parseConfigText
};
