import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  INVENTORY_FORMATS,
  renderInventory
} from "./chunk-MJB73T4V.js";
import "./chunk-4EQEUG44.js";
import "./chunk-Z7KJFGKJ.js";
import "./chunk-73VQ3H73.js";
import "./chunk-ICE5XF2S.js";
import "./chunk-DDCI7ZLU.js";
export {
  INVENTORY_FORMATS,
  renderInventory
};
