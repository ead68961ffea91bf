import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  INVENTORY_FORMATS,
  renderInventory
} from "./chunk-SEO2EXOX.js";
import "./chunk-UZQAWREW.js";
import "./chunk-DDCI7ZLU.js";
export {
  INVENTORY_FORMATS,
  renderInventory
};
