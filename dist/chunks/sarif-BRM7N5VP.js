import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  renderSarif
} from "./chunk-7VPG6WGG.js";
import "./chunk-73VQ3H73.js";
import "./chunk-DDCI7ZLU.js";
export {
  renderSarif
};
