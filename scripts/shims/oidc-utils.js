// Stands in for @actions/core's lib/oidc-utils.js in the bundle (scripts/build.mjs).
// certwatch never asks for an OIDC token, and the real module's static import of
// @actions/http-client pulls a whole copy of undici into the action's start-up
// (a third of the start-up CPU in a profile, issue 15). core.getIDToken fails loudly.
export class OidcClient {
  static async getIDToken() {
    throw new Error('certwatch does not request OIDC tokens (core.getIDToken is not bundled)');
  }
}
