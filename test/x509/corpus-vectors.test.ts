// python3-cryptography-vectors x509/ (NIST PKITS included) against openssl; see ../helpers/corpus-agreement.ts.
import { corpusTest } from '../helpers/corpus-agreement.js';

corpusTest('vectors');
