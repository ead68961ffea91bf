import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  renderSarif
} from "./chunk-4NF36ZQY.js";
import "./chunk-HH333CRM.js";
import "./chunk-6MS4KPWC.js";
import "./chunk-BSO42MW5.js";
import "./chunk-ZIJ54FUI.js";
import "./chunk-TNHBLPBT.js";
import "./chunk-LX3FKHLY.js";
import "./chunk-DDCI7ZLU.js";
export {
  renderSarif
};
