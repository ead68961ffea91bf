import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  INVENTORY_FORMATS,
  renderInventory
} from "./chunk-5APSJRBO.js";
import "./chunk-4ILXPCHS.js";
import "./chunk-642HVC74.js";
import "./chunk-DDCI7ZLU.js";
export {
  INVENTORY_FORMATS,
  renderInventory
};
