import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  INVENTORY_FORMATS,
  renderInventory
} from "./chunk-ALLS2PVA.js";
import "./chunk-RKSKMDF6.js";
import "./chunk-JSGFZU5O.js";
import "./chunk-ICE5XF2S.js";
import "./chunk-DDCI7ZLU.js";
export {
  INVENTORY_FORMATS,
  renderInventory
};
