import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  parseConfigText
} from "./chunk-VXRHFM6Y.js";
import "./chunk-RHUPNITJ.js";
import "./chunk-N755ILLP.js";
import "./chunk-DDCI7ZLU.js";
export {
  parseConfigText
};
