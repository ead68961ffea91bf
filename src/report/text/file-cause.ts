// Why a file gave no certificate (sources/files/file-cause.ts), in words: what
// follows "path:line: " in a file-problem finding.
import type { FileCause, MisnamedStore } from '../../sources/files/file-cause.js';
import { readerProblemSentence } from './reader-problem.js';

export function fileCause(c: FileCause): string {
  switch (c.reason) {
    case 'link-outside-workspace':
      return 'a symbolic link to a file outside the workspace; not followed';
    case 'directory':
      return 'this is a directory, not a certificate file; narrow the glob to files';
    case 'not-regular-file':
      return 'not a regular file (a device, socket or pipe); not read';
    case 'too-large':
      return `the file is ${(c.bytes / 1048576).toFixed(1)} MiB, over the ${c.limit / 1048576} MiB limit for a certificate file; not read`;
    case 'grew-too-large':
      return `the file grew past the ${c.limit / 1048576} MiB limit while being read`;
    case 'unreadable':
      return unreadable(c.code, c.message);
    case 'password-env-unset':
      return `password variable $${c.env} is not set in the environment; pass it to the step (env: ${c.env}: \${{ secrets.${c.env} }})`;
    case 'no-certificate':
      return 'holds no certificate';
    case 'certificate-unparseable':
    case 'encoding-note':
      return c.text;
    case 'parser':
      return readerProblemSentence(c.problem, c.within);
  }
}

/** "PKCS#12 store, named .jks": what a misnamed file really is. */
export function misnamedStore(store: MisnamedStore, ext: string): string {
  return `${STORE_NAMES[store]}, named ${ext}`;
}

const STORE_NAMES: Record<MisnamedStore, string> = {
  jks: 'JKS keystore',
  jceks: 'JCEKS keystore',
  pkcs12: 'PKCS#12 store',
  pkcs7: 'PKCS#7 bundle',
};

function unreadable(code: string | undefined, message: string): string {
  switch (code) {
    case 'ELOOP':
      return 'symbolic link loop; not read';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied; the file cannot be read by this job';
    case 'ENOENT':
      return 'dangling symbolic link or file removed during the run';
    case 'EISDIR':
      return 'this is a directory, not a certificate file';
    default:
      return `cannot be read (${code ?? message})`;
  }
}
