import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  INVENTORY_FORMATS,
  isRollupFormat,
  renderInventory
} from "./chunk-Y7HT4D26.js";
import "./chunk-76WTTFLF.js";
import "./chunk-Z7KJFGKJ.js";
import "./chunk-ICE5XF2S.js";
import "./chunk-2QTV5ZJ2.js";
import "./chunk-DDCI7ZLU.js";
export {
  INVENTORY_FORMATS,
  isRollupFormat,
  renderInventory
};
