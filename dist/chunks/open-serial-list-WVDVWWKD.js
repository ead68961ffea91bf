import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  SerialListError,
  decompressed,
  openListFile,
  openListUrl
} from "./chunk-5FTKIXB7.js";
import "./chunk-3L6ZDQZR.js";
import "./chunk-4HURYBLK.js";
import "./chunk-NOSH5WDB.js";
import "./chunk-C6FOCXUK.js";
import "./chunk-DDCI7ZLU.js";
export {
  SerialListError,
  decompressed,
  openListFile,
  openListUrl
};
