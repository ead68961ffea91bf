import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  renderSarif
} from "./chunk-UKHL2SNO.js";
import "./chunk-DDCI7ZLU.js";
export {
  renderSarif
};
