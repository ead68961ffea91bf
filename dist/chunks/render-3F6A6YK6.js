import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  INVENTORY_FORMATS,
  isRollupFormat,
  renderInventory
} from "./chunk-L7CCXIE3.js";
import "./chunk-AADLPE53.js";
import "./chunk-CJ73HY3X.js";
import "./chunk-6MS4KPWC.js";
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
