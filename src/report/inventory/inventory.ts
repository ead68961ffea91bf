// Every inventory view of one report, computed once: each renderer formats
// this, so the text, markdown, HTML and JSON outputs say the same things.
import type { Report } from '../report-types.js';
import { concentration, groupBy, type InventoryGroup } from './group.js';
import { findDrift, type DriftItem } from './drift.js';
import { expiryForecast, type ExpiryBucket } from './forecast.js';

export interface Inventory {
  groups: { issuer: InventoryGroup[]; root: InventoryGroup[]; owner: InventoryGroup[]; key: InventoryGroup[] };
  concentration: string[];
  drift: DriftItem[];
  forecast: ExpiryBucket[];
}

export function buildInventory(report: Report): Inventory {
  return {
    groups: {
      issuer: groupBy(report, 'issuer'),
      root: groupBy(report, 'root'),
      owner: groupBy(report, 'owner'),
      key: groupBy(report, 'key'),
    },
    concentration: concentration(report),
    drift: findDrift(report),
    forecast: expiryForecast(report),
  };
}
