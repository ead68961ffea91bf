// The action's log. core.info prints as is, and its lines carry certificate
// names, server answers and issue text: made unable to start a workflow
// command. core.warning/error escape their message themselves.
import * as core from '@actions/core';
import type { Logger } from '../github/context.js';
import { workflowSafe } from '../report/workflow-safe.js';

export const log: Logger = {
  info: (m) => core.info(workflowSafe(m)),
  warning: (m) => core.warning(m),
  error: (m) => core.error(m),
};
