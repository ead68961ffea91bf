import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);

// src/shared/openssl-verify-errors.ts
var ERRORS = [
  {
    code: 4,
    name: "UNABLE_TO_DECRYPT_CERT_SIGNATURE",
    text: "unable to decrypt certificate's signature",
    sentence: "a certificate signature could not be decoded with its issuer's key"
  },
  {
    code: 6,
    name: "UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY",
    text: "unable to decode issuer public key",
    sentence: "an issuer's public key could not be read"
  },
  {
    code: 7,
    name: "CERT_SIGNATURE_FAILURE",
    text: "certificate signature failure",
    sentence: "a certificate signature does not verify with its issuer's key"
  },
  {
    code: 13,
    name: "ERROR_IN_CERT_NOT_BEFORE_FIELD",
    text: "format error in certificate's notBefore field",
    sentence: "a certificate's notBefore date is malformed"
  },
  {
    code: 14,
    name: "ERROR_IN_CERT_NOT_AFTER_FIELD",
    text: "format error in certificate's notAfter field",
    sentence: "a certificate's notAfter date is malformed"
  },
  {
    code: 22,
    name: "CERT_CHAIN_TOO_LONG",
    text: "certificate chain too long",
    sentence: "the chain is longer than the verifier allows"
  },
  {
    code: 24,
    name: "NO_ISSUER_PUBLIC_KEY",
    text: "issuer certificate doesn't have a public key",
    sentence: "an issuer certificate has no usable public key"
  },
  {
    code: 25,
    name: "PATH_LENGTH_EXCEEDED",
    text: "path length constraint exceeded",
    sentence: "a CA on the path allows fewer CAs below it (pathLenConstraint) than the chain has"
  },
  {
    code: 26,
    name: "INVALID_PURPOSE",
    text: "unsuitable certificate purpose",
    sentence: "a certificate's extended key usage does not allow TLS server authentication"
  },
  {
    code: 27,
    name: "CERT_UNTRUSTED",
    text: "certificate not trusted",
    sentence: "the root is not trusted for this purpose"
  },
  {
    code: 28,
    name: "CERT_REJECTED",
    text: "certificate rejected",
    sentence: "the root is marked as rejected for this purpose"
  },
  {
    code: 29,
    name: "SUBJECT_ISSUER_MISMATCH",
    text: "subject issuer mismatch",
    sentence: "a certificate's issuer name does not match its issuer's subject"
  },
  {
    code: 30,
    name: "AKID_SKID_MISMATCH",
    text: "authority and subject key identifier mismatch",
    sentence: "a certificate's authority key identifier does not match its issuer's subject key identifier"
  },
  {
    code: 31,
    name: "AKID_ISSUER_SERIAL_MISMATCH",
    text: "authority and issuer serial number mismatch",
    sentence: "a certificate's authority key identifier names another issuer serial"
  },
  {
    code: 32,
    name: "KEYUSAGE_NO_CERTSIGN",
    text: "key usage does not include certificate signing",
    sentence: "an issuing CA's keyUsage does not allow signing certificates (keyCertSign)"
  },
  {
    code: 34,
    name: "UNHANDLED_CRITICAL_EXTENSION",
    text: "unhandled critical extension",
    sentence: "a certificate has a critical extension the verifier does not understand, so it must be rejected"
  },
  {
    code: 37,
    name: "INVALID_NON_CA",
    text: "invalid non-CA certificate (has CA markings)",
    sentence: "a certificate that is not a CA carries CA markings (keyCertSign or pathLen)"
  },
  {
    code: 41,
    name: "INVALID_EXTENSION",
    text: "invalid or inconsistent certificate extension",
    sentence: "a certificate extension is invalid or contradicts another"
  },
  {
    code: 42,
    name: "INVALID_POLICY_EXTENSION",
    text: "invalid or inconsistent certificate policy extension",
    sentence: "a certificate policy extension is invalid"
  },
  {
    code: 43,
    name: "NO_EXPLICIT_POLICY",
    text: "no explicit policy",
    sentence: "a CA on the path requires an explicit certificate policy the leaf does not have"
  },
  {
    code: 47,
    name: "PERMITTED_VIOLATION",
    text: "permitted subtree violation",
    sentence: "a name in the certificate lies outside the names its issuing CA may certify (name constraints, permitted subtrees)"
  },
  {
    code: 48,
    name: "EXCLUDED_VIOLATION",
    text: "excluded subtree violation",
    sentence: "a name in the certificate is one its issuing CA is forbidden to certify (name constraints, excluded subtrees)"
  },
  {
    code: 49,
    name: "SUBTREE_MINMAX",
    text: "name constraints minimum and maximum not supported",
    sentence: "a CA's name constraints use minimum/maximum, which verifiers do not support"
  },
  {
    code: 51,
    name: "UNSUPPORTED_CONSTRAINT_TYPE",
    text: "unsupported name constraint type",
    sentence: "a CA's name constraints use a name type the verifier does not support"
  },
  {
    code: 52,
    name: "UNSUPPORTED_CONSTRAINT_SYNTAX",
    text: "unsupported or invalid name constraint syntax",
    sentence: "a CA's name constraints are malformed"
  },
  {
    code: 53,
    name: "UNSUPPORTED_NAME_SYNTAX",
    text: "unsupported or invalid name syntax",
    sentence: "a name in the certificate cannot be checked against its CA's name constraints"
  },
  {
    code: 66,
    name: "EE_KEY_TOO_SMALL",
    text: "EE certificate key too weak",
    sentence: "the leaf certificate's key is below the verifier's security level"
  },
  {
    code: 67,
    name: "CA_KEY_TOO_SMALL",
    text: "CA certificate key too weak",
    sentence: "a CA certificate's key is below the verifier's security level"
  },
  {
    code: 68,
    name: "CA_MD_TOO_WEAK",
    text: "CA signature digest algorithm too weak",
    sentence: "a certificate is signed with a digest (e.g. SHA-1, MD5) below the verifier's security level"
  },
  {
    code: 71,
    name: "NO_VALID_SCTS",
    text: "Certificate Transparency required, but no valid SCTs found",
    sentence: "Certificate Transparency is required but the certificate has no valid SCTs"
  },
  {
    code: 76,
    name: "UNSUPPORTED_SIGNATURE_ALGORITHM",
    text: "unsupported signature algorithm",
    sentence: "a certificate is signed with an algorithm the verifier does not support"
  },
  {
    code: 77,
    name: "SIGNATURE_ALGORITHM_MISMATCH",
    text: "subject signature algorithm and issuer public key algorithm mismatch",
    sentence: "a certificate's signature algorithm does not fit its issuer's key type"
  },
  {
    code: 78,
    name: "SIGNATURE_ALGORITHM_INCONSISTENCY",
    text: "cert info signature and signature algorithm mismatch",
    sentence: "a certificate names two different signature algorithms"
  },
  {
    code: 79,
    name: "INVALID_CA",
    text: "invalid CA certificate",
    sentence: "a certificate used as a CA is not a valid CA (no basicConstraints CA:TRUE, or keyUsage without keyCertSign)"
  },
  {
    code: 89,
    name: "CA_BCONS_NOT_CRITICAL",
    text: "Basic Constraints of CA cert not marked critical",
    sentence: "a CA certificate's basicConstraints is not marked critical"
  },
  {
    code: 92,
    name: "CA_CERT_MISSING_KEY_USAGE",
    text: "CA cert does not include key usage extension",
    sentence: "a CA certificate has no keyUsage extension"
  },
  {
    code: 93,
    name: "EXTENSIONS_REQUIRE_VERSION_3",
    text: "Using cert extension requires at least X509v3",
    sentence: "a certificate has extensions but is not version 3"
  },
  {
    code: 94,
    name: "EC_KEY_EXPLICIT_PARAMS",
    text: "Certificate public key has explicit ECC parameters",
    sentence: "a certificate's EC key uses explicit curve parameters instead of a named curve"
  }
];
var byText = new Map(ERRORS.map((e) => [e.text.toLowerCase(), e]));
var byName = new Map(ERRORS.map((e) => [e.name, e]));
function verifyErrorName(nodeCode, opensslText) {
  if (nodeCode !== "UNSPECIFIED" || !opensslText) return nodeCode;
  return byText.get(opensslText.trim().toLowerCase())?.name ?? `UNSPECIFIED (${opensslText.trim()})`;
}
function describeVerifyError(name) {
  const e = byName.get(name);
  return e ? `${e.name} (OpenSSL error ${e.code}): ${e.sentence}` : name;
}

export {
  verifyErrorName,
  describeVerifyError
};
