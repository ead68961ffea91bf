import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  parseConfigText
} from "./chunk-KG6EYPGC.js";
import "./chunk-RHUPNITJ.js";
import "./chunk-CWOAGZBK.js";
import "./chunk-DDCI7ZLU.js";
export {
  parseConfigText
};
