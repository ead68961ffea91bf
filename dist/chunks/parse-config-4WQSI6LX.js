import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  parseConfigText
} from "./chunk-SO5IEGJV.js";
import "./chunk-RHUPNITJ.js";
import "./chunk-WL7E4DWD.js";
import "./chunk-DDCI7ZLU.js";
export {
  parseConfigText
};
