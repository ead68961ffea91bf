// Secrets the action learns are masked before anything can print them: proxy
// credentials first, the token as soon as it is read, PKCS#12 passwords once
// the config names them.
import * as core from '@actions/core';
import { proxySecrets } from '../net/proxy-credentials.js';
import type { Settings } from '../types.js';

/** Credentials inside the proxy variables of the environment. */
export function maskProxyCredentials(): void {
  for (const secret of proxySecrets(process.env)) core.setSecret(secret);
}

/** The `github-token` input. */
export function maskToken(token: string): void {
  if (token) core.setSecret(token);
}

/** PKCS#12 passwords come from the environment variables the config names. */
export function maskPkcs12Passwords(settings: Settings): void {
  for (const f of settings.files) {
    const v = f.passwordEnv ? process.env[f.passwordEnv] : undefined;
    if (v) core.setSecret(v);
  }
}
