// The version users see (`--version`, the JSON report's tool.version) is the
// package's own: one number, kept in package.json.
import pkg from '../package.json' with { type: 'json' };

export const TOOL_VERSION: string = pkg.version;
