// Certificates embedded in Go 1.19's crypto/x509 and crypto/tls tests against openssl; see ../helpers/corpus-agreement.ts.
import { corpusTest } from '../helpers/corpus-agreement.js';

corpusTest('go');
