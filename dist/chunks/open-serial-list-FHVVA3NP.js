import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  SerialListError,
  decompressed,
  openListFile,
  openListUrl
} from "./chunk-HNER2LQK.js";
import "./chunk-PHMNRMIA.js";
import "./chunk-S52FOATI.js";
import "./chunk-NOSH5WDB.js";
import "./chunk-Y3CDYBQM.js";
import "./chunk-DDCI7ZLU.js";
export {
  SerialListError,
  decompressed,
  openListFile,
  openListUrl
};
