import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  INVENTORY_FORMATS,
  isRollupFormat,
  renderInventory
} from "./chunk-OP2SNKMX.js";
import "./chunk-JZRIIL7L.js";
import "./chunk-6YKOA7A2.js";
import "./chunk-BOOLVPHJ.js";
import "./chunk-BSO42MW5.js";
import "./chunk-ZIJ54FUI.js";
import "./chunk-TNHBLPBT.js";
import "./chunk-753U3B2Y.js";
import "./chunk-DDCI7ZLU.js";
export {
  INVENTORY_FORMATS,
  isRollupFormat,
  renderInventory
};
