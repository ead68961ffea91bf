// The SARIF certwatch writes, with the fields it always sets required — so
// tests read them without guards, and a missing one fails the assertion that
// reads it. (The schema check in sarif.test.ts validates the whole log.)
export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: 'error' | 'warning' | 'note' | 'none';
  message: { text: string };
  locations: {
    physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } };
  }[];
  suppressions?: { kind: string; justification?: string }[];
  partialFingerprints?: Record<string, string>;
  properties: { fingerprint?: string; [field: string]: unknown };
}

export interface SarifLog {
  version: string;
  $schema: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; [field: string]: unknown }[] } };
    results: SarifResult[];
  }[];
}
