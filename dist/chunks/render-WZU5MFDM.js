import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  INVENTORY_FORMATS,
  isRollupFormat,
  renderInventory
} from "./chunk-RJ3LJIND.js";
import "./chunk-FHYUFM6O.js";
import "./chunk-ELOWYH3B.js";
import "./chunk-LV6FGBFC.js";
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
