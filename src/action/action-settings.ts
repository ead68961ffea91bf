// The action's inputs and config file → one Settings value, narrowed for an
// untrusted event (a fork's pull request: its code is the attacker's, see
// net/address-policy.ts and github/fork-context.ts).
import * as core from '@actions/core';
import { buildSettings, DEFAULT_CONFIG_PATH } from '../config/settings.js';
import type { GithubEnv } from '../github/context.js';
import type { UntrustedEvent } from '../net/address-policy.js';
import type { Settings } from '../types.js';
import type { ActionInputs } from './inputs.js';
import { log } from './log.js';
import { maskPkcs12Passwords } from './mask-secrets.js';

/** Settings from the inputs and the config file, with the config's PKCS#12 passwords masked. */
export async function actionSettings(inputs: ActionInputs): Promise<Settings> {
  const { workspace, configPath } = inputs;
  const settings = await buildSettings(workspace, {
    configPath,
    endpoints: inputs.endpoints,
    files: inputs.files,
    warnWithin: inputs.warnWithin,
    failWithin: inputs.failWithin,
    revocation: inputs.revocation,
    shard: inputs.shard,
  });
  if (!settings.configPath && configPath !== DEFAULT_CONFIG_PATH) {
    // The contract says an absent file means discovery; a path someone typed that
    // does not exist is more likely a typo than a wish for discovery, so say so.
    core.warning(
      `config file ${configPath} does not exist; checking with discovery defaults (every certificate file in the workspace)`,
      { title: 'certwatch: config not found' },
    );
  }
  maskPkcs12Passwords(settings);
  return settings;
}

/**
 * On an untrusted event the sections of the config that decide what is
 * trusted (network, ignore, ari, revoked-serials, ca-file) come from the base
 * branch. `untrusted`: why the event is untrusted, else null.
 */
export async function trustedSettings(
  settings: Settings,
  inputs: ActionInputs,
  gh: GithubEnv,
): Promise<{ settings: Settings; untrusted: UntrustedEvent | null }> {
  // Loaded on demand, like every GitHub module the run may not need.
  const { untrustedEvent, withBaseTrustedSections } = await import('../github/fork-context.js');
  const untrusted = untrustedEvent(gh);
  if (!untrusted) return { settings, untrusted };
  const config = settings.configPath ?? inputs.configPath;
  return { settings: await withBaseTrustedSections(settings, gh, config, log), untrusted };
}
