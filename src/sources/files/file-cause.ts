// Why a file gave no (or not every) certificate, as data: put into words by
// report/text/file-cause.ts. What the file walk itself decides is typed here; the
// file readers' own problems (PEM, DER, PKCS#7/#12, keystores, YAML) are typed in
// reader-problem.ts and travel inside `parser`. The certificate parser's reasons
// (x509/parse-certificate.ts) are still its text.
import { isPasswordProblem, type ReaderContext, type ReaderProblem } from './reader-problem.js';

export type FileCause =
  /** a committed symbolic link to a file outside the workspace: not followed */
  | { reason: 'link-outside-workspace' }
  /** a configured glob matched a directory */
  | { reason: 'directory' }
  /** a device, socket or pipe */
  | { reason: 'not-regular-file' }
  /** over the size limit for a certificate file (`bytes` as stat saw it): not read */
  | { reason: 'too-large'; bytes: number; limit: number }
  /** under the limit when looked at, past it while being read */
  | { reason: 'grew-too-large'; limit: number }
  /** the file system refused: its error code (and message, for codes without words) */
  | { reason: 'unreadable'; code?: string; message: string }
  /** `password-env` names a variable the step's environment does not set */
  | { reason: 'password-env-unset'; env: string }
  | { reason: 'no-certificate' }
  /** a certificate in the file that does not parse: the parser's reason */
  | { reason: 'certificate-unparseable'; text: string }
  /** a certificate read as OpenSSL reads it, with an encoding RFC 5280 does not prescribe */
  | { reason: 'encoding-note'; text: string }
  /** a file reader's problem, and where inside wrapping readers it sits (outermost first) */
  | { reason: 'parser'; problem: ReaderProblem; within?: ReaderContext[] };

/** The stores a file's content can show it is, whatever its name says (a PKCS#12 store named .jks). */
export type MisnamedStore = 'jks' | 'jceks' | 'pkcs12' | 'pkcs7';

/** Thrown by the bounded file reads (collect-files.ts, read-discovered.ts); collectFiles reports its cause. */
export class FileTooLarge extends Error {
  constructor(readonly fileCause: Extract<FileCause, { reason: 'too-large' | 'grew-too-large' }>) {
    super(fileCause.reason);
  }
}

/** True when the cause is a missing or wrong password (init suggests `password-env` for the file). */
export function needsPassword(c: FileCause): boolean {
  return c.reason === 'password-env-unset' || (c.reason === 'parser' && isPasswordProblem(c.problem));
}
