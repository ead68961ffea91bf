import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  INVENTORY_FORMATS,
  isRollupFormat,
  renderInventory
} from "./chunk-72TXMEZ4.js";
import "./chunk-NOIW2QPL.js";
import "./chunk-ZZSU3PYF.js";
import "./chunk-PXVVZLAU.js";
import "./chunk-BSO42MW5.js";
import "./chunk-ZIJ54FUI.js";
import "./chunk-TNHBLPBT.js";
import "./chunk-LX3FKHLY.js";
import "./chunk-DDCI7ZLU.js";
export {
  INVENTORY_FORMATS,
  isRollupFormat,
  renderInventory
};
