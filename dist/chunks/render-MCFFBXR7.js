import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  INVENTORY_FORMATS,
  renderInventory
} from "./chunk-NCULB4GB.js";
import "./chunk-WNWGD363.js";
import "./chunk-JSGFZU5O.js";
import "./chunk-ICE5XF2S.js";
import "./chunk-DDCI7ZLU.js";
export {
  INVENTORY_FORMATS,
  renderInventory
};
