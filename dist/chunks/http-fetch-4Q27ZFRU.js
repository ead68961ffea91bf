import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  FetchError,
  closeHttp,
  configureHttp,
  fetchableUrl,
  httpFetch,
  httpStream
} from "./chunk-3L6ZDQZR.js";
import "./chunk-4HURYBLK.js";
import "./chunk-NOSH5WDB.js";
import "./chunk-C6FOCXUK.js";
import "./chunk-DDCI7ZLU.js";
export {
  FetchError,
  closeHttp,
  configureHttp,
  fetchableUrl,
  httpFetch,
  httpStream
};
