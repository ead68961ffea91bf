import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  ownersFor,
  parseCodeowners,
  readCodeowners
} from "./chunk-CNY3A7YR.js";
import "./chunk-DDCI7ZLU.js";
export {
  ownersFor,
  parseCodeowners,
  readCodeowners
};
