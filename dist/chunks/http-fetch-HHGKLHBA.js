import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  FetchError,
  closeHttp,
  configureHttp,
  fetchableUrl,
  httpFetch,
  httpStream
} from "./chunk-3ATVUZE5.js";
import "./chunk-NF44PJ2Z.js";
import "./chunk-NOSH5WDB.js";
import "./chunk-MC76F5MD.js";
import "./chunk-DDCI7ZLU.js";
export {
  FetchError,
  closeHttp,
  configureHttp,
  fetchableUrl,
  httpFetch,
  httpStream
};
