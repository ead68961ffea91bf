import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  renderSarif
} from "./chunk-HWUVINMX.js";
import "./chunk-HH333CRM.js";
import "./chunk-QFD7P3SF.js";
import "./chunk-BSO42MW5.js";
import "./chunk-ZIJ54FUI.js";
import "./chunk-LX3FKHLY.js";
import "./chunk-DDCI7ZLU.js";
export {
  renderSarif
};
