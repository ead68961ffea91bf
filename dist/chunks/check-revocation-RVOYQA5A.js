import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  init_tslib_es6,
  require_cjs,
  require_cjs2,
  tslib_es6_exports
} from "./chunk-OMPGTOGU.js";
import {
  bundledRoots
} from "./chunk-ETJ5BLA6.js";
import {
  splitPem
} from "./chunk-HU74W3X2.js";
import {
  readableTime
} from "./chunk-ICE5XF2S.js";
import {
  oncePerKey
} from "./chunk-JHOQIWRP.js";
import {
  DerError,
  children,
  content,
  displayName,
  isIssuedBy,
  oidText,
  parseCertificate,
  readTime,
  readTlv
} from "./chunk-WUX6Q3GO.js";
import {
  CERT_MAX_BYTES,
  CLOCK_SKEW_MS,
  CRL_MAX_BYTES,
  CRL_NO_NEXT_UPDATE_FALLBACK_MS,
  CRL_TRANSFER_TIMEOUT_MS,
  FetchError,
  OCSP_MAX_BYTES,
  REVOCATION_CONCURRENCY,
  fetchableUrl,
  httpFetch
} from "./chunk-2MLTYNIN.js";
import {
  __commonJS,
  __toCommonJS,
  __toESM
} from "./chunk-DDCI7ZLU.js";

// node_modules/@peculiar/asn1-ocsp/build/cjs/extensions/acceptable_responses.js
var require_acceptable_responses = __commonJS({
  "node_modules/@peculiar/asn1-ocsp/build/cjs/extensions/acceptable_responses.js"(exports) {
    "use strict";
    var AcceptableResponses_1;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.AcceptableResponses = void 0;
    var tslib_1 = (init_tslib_es6(), __toCommonJS(tslib_es6_exports));
    var asn1_schema_1 = require_cjs();
    var AcceptableResponses = AcceptableResponses_1 = class AcceptableResponses extends asn1_schema_1.AsnArray {
      constructor(items) {
        super(items);
        Object.setPrototypeOf(this, AcceptableResponses_1.prototype);
      }
    };
    exports.AcceptableResponses = AcceptableResponses;
    exports.AcceptableResponses = AcceptableResponses = AcceptableResponses_1 = tslib_1.__decorate([
      (0, asn1_schema_1.AsnType)({ type: asn1_schema_1.AsnTypeTypes.Sequence, itemType: asn1_schema_1.AsnPropTypes.ObjectIdentifier })
    ], AcceptableResponses);
  }
});

// node_modules/@peculiar/asn1-ocsp/build/cjs/extensions/archive_cutoff.js
var require_archive_cutoff = __commonJS({
  "node_modules/@peculiar/asn1-ocsp/build/cjs/extensions/archive_cutoff.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ArchiveCutoff = void 0;
    var tslib_1 = (init_tslib_es6(), __toCommonJS(tslib_es6_exports));
    var asn1_schema_1 = require_cjs();
    var ArchiveCutoff = class ArchiveCutoff {
      constructor(value = /* @__PURE__ */ new Date()) {
        this.value = value;
      }
    };
    exports.ArchiveCutoff = ArchiveCutoff;
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_schema_1.AsnPropTypes.GeneralizedTime })
    ], ArchiveCutoff.prototype, "value", void 0);
    exports.ArchiveCutoff = ArchiveCutoff = tslib_1.__decorate([
      (0, asn1_schema_1.AsnType)({ type: asn1_schema_1.AsnTypeTypes.Choice })
    ], ArchiveCutoff);
  }
});

// node_modules/@peculiar/asn1-ocsp/build/cjs/extensions/extended_revoke.js
var require_extended_revoke = __commonJS({
  "node_modules/@peculiar/asn1-ocsp/build/cjs/extensions/extended_revoke.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ExtendedRevoke = void 0;
    var tslib_1 = (init_tslib_es6(), __toCommonJS(tslib_es6_exports));
    var asn1_schema_1 = require_cjs();
    var ExtendedRevoke = class ExtendedRevoke {
      constructor(value = null) {
        this.value = value;
      }
    };
    exports.ExtendedRevoke = ExtendedRevoke;
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_schema_1.AsnPropTypes.Null })
    ], ExtendedRevoke.prototype, "value", void 0);
    exports.ExtendedRevoke = ExtendedRevoke = tslib_1.__decorate([
      (0, asn1_schema_1.AsnType)({ type: asn1_schema_1.AsnTypeTypes.Choice })
    ], ExtendedRevoke);
  }
});

// node_modules/@peculiar/asn1-ocsp/build/cjs/extensions/nonce.js
var require_nonce = __commonJS({
  "node_modules/@peculiar/asn1-ocsp/build/cjs/extensions/nonce.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Nonce = void 0;
    var asn1_schema_1 = require_cjs();
    var Nonce = class extends asn1_schema_1.OctetString {
    };
    exports.Nonce = Nonce;
  }
});

// node_modules/@peculiar/asn1-ocsp/build/cjs/extensions/preferred_signature_algorithms.js
var require_preferred_signature_algorithms = __commonJS({
  "node_modules/@peculiar/asn1-ocsp/build/cjs/extensions/preferred_signature_algorithms.js"(exports) {
    "use strict";
    var PreferredSignatureAlgorithms_1;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.PreferredSignatureAlgorithms = exports.PreferredSignatureAlgorithm = void 0;
    var tslib_1 = (init_tslib_es6(), __toCommonJS(tslib_es6_exports));
    var asn1_schema_1 = require_cjs();
    var asn1_x509_1 = require_cjs2();
    var PreferredSignatureAlgorithm = class {
      constructor(params = {}) {
        this.sigIdentifier = new asn1_x509_1.AlgorithmIdentifier();
        Object.assign(this, params);
      }
    };
    exports.PreferredSignatureAlgorithm = PreferredSignatureAlgorithm;
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_x509_1.AlgorithmIdentifier })
    ], PreferredSignatureAlgorithm.prototype, "sigIdentifier", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_x509_1.AlgorithmIdentifier, optional: true })
    ], PreferredSignatureAlgorithm.prototype, "certIdentifier", void 0);
    var PreferredSignatureAlgorithms = PreferredSignatureAlgorithms_1 = class PreferredSignatureAlgorithms extends asn1_schema_1.AsnArray {
      constructor(items) {
        super(items);
        Object.setPrototypeOf(this, PreferredSignatureAlgorithms_1.prototype);
      }
    };
    exports.PreferredSignatureAlgorithms = PreferredSignatureAlgorithms;
    exports.PreferredSignatureAlgorithms = PreferredSignatureAlgorithms = PreferredSignatureAlgorithms_1 = tslib_1.__decorate([
      (0, asn1_schema_1.AsnType)({ type: asn1_schema_1.AsnTypeTypes.Sequence, itemType: PreferredSignatureAlgorithm })
    ], PreferredSignatureAlgorithms);
  }
});

// node_modules/@peculiar/asn1-ocsp/build/cjs/extensions/service_locator.js
var require_service_locator = __commonJS({
  "node_modules/@peculiar/asn1-ocsp/build/cjs/extensions/service_locator.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ServiceLocator = void 0;
    var tslib_1 = (init_tslib_es6(), __toCommonJS(tslib_es6_exports));
    var asn1_schema_1 = require_cjs();
    var asn1_x509_1 = require_cjs2();
    var ServiceLocator = class {
      constructor(params = {}) {
        this.issuer = new asn1_x509_1.Name();
        this.locator = new asn1_x509_1.AuthorityInfoAccessSyntax();
        Object.assign(this, params);
      }
    };
    exports.ServiceLocator = ServiceLocator;
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_x509_1.Name })
    ], ServiceLocator.prototype, "issuer", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_x509_1.AuthorityInfoAccessSyntax })
    ], ServiceLocator.prototype, "locator", void 0);
  }
});

// node_modules/@peculiar/asn1-ocsp/build/cjs/extensions/index.js
var require_extensions = __commonJS({
  "node_modules/@peculiar/asn1-ocsp/build/cjs/extensions/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var tslib_1 = (init_tslib_es6(), __toCommonJS(tslib_es6_exports));
    tslib_1.__exportStar(require_acceptable_responses(), exports);
    tslib_1.__exportStar(require_archive_cutoff(), exports);
    tslib_1.__exportStar(require_extended_revoke(), exports);
    tslib_1.__exportStar(require_nonce(), exports);
    tslib_1.__exportStar(require_preferred_signature_algorithms(), exports);
    tslib_1.__exportStar(require_service_locator(), exports);
  }
});

// node_modules/@peculiar/asn1-ocsp/build/cjs/responder_id.js
var require_responder_id = __commonJS({
  "node_modules/@peculiar/asn1-ocsp/build/cjs/responder_id.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ResponderID = exports.KeyHash = void 0;
    var tslib_1 = (init_tslib_es6(), __toCommonJS(tslib_es6_exports));
    var asn1_schema_1 = require_cjs();
    var asn1_x509_1 = require_cjs2();
    var KeyHash = class extends asn1_schema_1.OctetString {
    };
    exports.KeyHash = KeyHash;
    var ResponderID = class ResponderID {
      constructor(params = {}) {
        Object.assign(this, params);
      }
    };
    exports.ResponderID = ResponderID;
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_x509_1.Name, context: 1 })
    ], ResponderID.prototype, "byName", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: KeyHash, context: 2 })
    ], ResponderID.prototype, "byKey", void 0);
    exports.ResponderID = ResponderID = tslib_1.__decorate([
      (0, asn1_schema_1.AsnType)({ type: asn1_schema_1.AsnTypeTypes.Choice })
    ], ResponderID);
  }
});

// node_modules/@peculiar/asn1-ocsp/build/cjs/cert_id.js
var require_cert_id = __commonJS({
  "node_modules/@peculiar/asn1-ocsp/build/cjs/cert_id.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CertID = void 0;
    var tslib_1 = (init_tslib_es6(), __toCommonJS(tslib_es6_exports));
    var asn1_x509_1 = require_cjs2();
    var asn1_schema_1 = require_cjs();
    var CertID2 = class {
      constructor(params = {}) {
        this.hashAlgorithm = new asn1_x509_1.AlgorithmIdentifier();
        this.issuerNameHash = new asn1_schema_1.OctetString();
        this.issuerKeyHash = new asn1_schema_1.OctetString();
        this.serialNumber = new ArrayBuffer(0);
        Object.assign(this, params);
      }
    };
    exports.CertID = CertID2;
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_x509_1.AlgorithmIdentifier })
    ], CertID2.prototype, "hashAlgorithm", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_schema_1.OctetString })
    ], CertID2.prototype, "issuerNameHash", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_schema_1.OctetString })
    ], CertID2.prototype, "issuerKeyHash", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_schema_1.AsnPropTypes.Integer, converter: asn1_schema_1.AsnIntegerArrayBufferConverter })
    ], CertID2.prototype, "serialNumber", void 0);
  }
});

// node_modules/@peculiar/asn1-ocsp/build/cjs/revoked_info.js
var require_revoked_info = __commonJS({
  "node_modules/@peculiar/asn1-ocsp/build/cjs/revoked_info.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.RevokedInfo = void 0;
    var tslib_1 = (init_tslib_es6(), __toCommonJS(tslib_es6_exports));
    var asn1_schema_1 = require_cjs();
    var asn1_x509_1 = require_cjs2();
    var RevokedInfo = class {
      constructor(params = {}) {
        this.revocationTime = /* @__PURE__ */ new Date();
        Object.assign(this, params);
      }
    };
    exports.RevokedInfo = RevokedInfo;
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_schema_1.AsnPropTypes.GeneralizedTime })
    ], RevokedInfo.prototype, "revocationTime", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_x509_1.CRLReason, context: 0, optional: true })
    ], RevokedInfo.prototype, "revocationReason", void 0);
  }
});

// node_modules/@peculiar/asn1-ocsp/build/cjs/cert_status.js
var require_cert_status = __commonJS({
  "node_modules/@peculiar/asn1-ocsp/build/cjs/cert_status.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CertStatus = void 0;
    var tslib_1 = (init_tslib_es6(), __toCommonJS(tslib_es6_exports));
    var asn1_schema_1 = require_cjs();
    var revoked_info_1 = require_revoked_info();
    var CertStatus = class CertStatus {
      constructor(params = {}) {
        Object.assign(this, params);
      }
    };
    exports.CertStatus = CertStatus;
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_schema_1.AsnPropTypes.Null, context: 0, implicit: true })
    ], CertStatus.prototype, "good", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: revoked_info_1.RevokedInfo, context: 1, implicit: true })
    ], CertStatus.prototype, "revoked", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_schema_1.AsnPropTypes.Null, context: 2, implicit: true })
    ], CertStatus.prototype, "unknown", void 0);
    exports.CertStatus = CertStatus = tslib_1.__decorate([
      (0, asn1_schema_1.AsnType)({ type: asn1_schema_1.AsnTypeTypes.Choice })
    ], CertStatus);
  }
});

// node_modules/@peculiar/asn1-ocsp/build/cjs/single_response.js
var require_single_response = __commonJS({
  "node_modules/@peculiar/asn1-ocsp/build/cjs/single_response.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SingleResponse = void 0;
    var tslib_1 = (init_tslib_es6(), __toCommonJS(tslib_es6_exports));
    var asn1_schema_1 = require_cjs();
    var cert_id_1 = require_cert_id();
    var asn1_x509_1 = require_cjs2();
    var cert_status_1 = require_cert_status();
    var SingleResponse = class {
      constructor(params = {}) {
        this.certID = new cert_id_1.CertID();
        this.certStatus = new cert_status_1.CertStatus();
        this.thisUpdate = /* @__PURE__ */ new Date();
        Object.assign(this, params);
      }
    };
    exports.SingleResponse = SingleResponse;
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: cert_id_1.CertID })
    ], SingleResponse.prototype, "certID", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: cert_status_1.CertStatus })
    ], SingleResponse.prototype, "certStatus", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_schema_1.AsnPropTypes.GeneralizedTime })
    ], SingleResponse.prototype, "thisUpdate", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_schema_1.AsnPropTypes.GeneralizedTime, context: 0, optional: true })
    ], SingleResponse.prototype, "nextUpdate", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_x509_1.Extension, context: 1, repeated: "sequence", optional: true })
    ], SingleResponse.prototype, "singleExtensions", void 0);
  }
});

// node_modules/@peculiar/asn1-ocsp/build/cjs/types.js
var require_types = __commonJS({
  "node_modules/@peculiar/asn1-ocsp/build/cjs/types.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Version = void 0;
    var Version;
    (function(Version2) {
      Version2[Version2["v1"] = 0] = "v1";
    })(Version || (exports.Version = Version = {}));
  }
});

// node_modules/@peculiar/asn1-ocsp/build/cjs/response_data.js
var require_response_data = __commonJS({
  "node_modules/@peculiar/asn1-ocsp/build/cjs/response_data.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ResponseData = void 0;
    var tslib_1 = (init_tslib_es6(), __toCommonJS(tslib_es6_exports));
    var asn1_schema_1 = require_cjs();
    var asn1_x509_1 = require_cjs2();
    var responder_id_1 = require_responder_id();
    var single_response_1 = require_single_response();
    var types_1 = require_types();
    var ResponseData = class {
      constructor(params = {}) {
        this.version = types_1.Version.v1;
        this.responderID = new responder_id_1.ResponderID();
        this.producedAt = /* @__PURE__ */ new Date();
        this.responses = [];
        Object.assign(this, params);
      }
    };
    exports.ResponseData = ResponseData;
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_schema_1.AsnPropTypes.Integer, context: 0, defaultValue: types_1.Version.v1 })
    ], ResponseData.prototype, "version", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: responder_id_1.ResponderID })
    ], ResponseData.prototype, "responderID", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_schema_1.AsnPropTypes.GeneralizedTime })
    ], ResponseData.prototype, "producedAt", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: single_response_1.SingleResponse, repeated: "sequence" })
    ], ResponseData.prototype, "responses", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_x509_1.Extension, repeated: "sequence", context: 1, optional: true })
    ], ResponseData.prototype, "responseExtensions", void 0);
  }
});

// node_modules/@peculiar/asn1-ocsp/build/cjs/basic_ocsp_response.js
var require_basic_ocsp_response = __commonJS({
  "node_modules/@peculiar/asn1-ocsp/build/cjs/basic_ocsp_response.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.BasicOCSPResponse = void 0;
    var tslib_1 = (init_tslib_es6(), __toCommonJS(tslib_es6_exports));
    var asn1_schema_1 = require_cjs();
    var asn1_x509_1 = require_cjs2();
    var response_data_1 = require_response_data();
    var BasicOCSPResponse2 = class {
      constructor(params = {}) {
        this.tbsResponseData = new response_data_1.ResponseData();
        this.signatureAlgorithm = new asn1_x509_1.AlgorithmIdentifier();
        this.signature = new ArrayBuffer(0);
        Object.assign(this, params);
      }
    };
    exports.BasicOCSPResponse = BasicOCSPResponse2;
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: response_data_1.ResponseData, raw: true })
    ], BasicOCSPResponse2.prototype, "tbsResponseData", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_x509_1.AlgorithmIdentifier })
    ], BasicOCSPResponse2.prototype, "signatureAlgorithm", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_schema_1.AsnPropTypes.BitString })
    ], BasicOCSPResponse2.prototype, "signature", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_x509_1.Certificate, repeated: "sequence", optional: true, context: 0 })
    ], BasicOCSPResponse2.prototype, "certs", void 0);
  }
});

// node_modules/@peculiar/asn1-ocsp/build/cjs/object_identifiers.js
var require_object_identifiers = __commonJS({
  "node_modules/@peculiar/asn1-ocsp/build/cjs/object_identifiers.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.id_pkix_ocsp_extended_revoke = exports.id_pkix_ocsp_pref_sig_algs = exports.id_pkix_ocsp_service_locator = exports.id_pkix_ocsp_archive_cutoff = exports.id_pkix_ocsp_nocheck = exports.id_pkix_ocsp_response = exports.id_pkix_ocsp_crl = exports.id_pkix_ocsp_nonce = exports.id_pkix_ocsp_basic = exports.id_pkix_ocsp = exports.id_kp_OCSPSigning = void 0;
    var asn1_x509_1 = require_cjs2();
    exports.id_kp_OCSPSigning = `${asn1_x509_1.id_kp}.9`;
    exports.id_pkix_ocsp = `${asn1_x509_1.id_ad_ocsp}`;
    exports.id_pkix_ocsp_basic = `${exports.id_pkix_ocsp}.1`;
    exports.id_pkix_ocsp_nonce = `${exports.id_pkix_ocsp}.2`;
    exports.id_pkix_ocsp_crl = `${exports.id_pkix_ocsp}.3`;
    exports.id_pkix_ocsp_response = `${exports.id_pkix_ocsp}.4`;
    exports.id_pkix_ocsp_nocheck = `${exports.id_pkix_ocsp}.5`;
    exports.id_pkix_ocsp_archive_cutoff = `${exports.id_pkix_ocsp}.6`;
    exports.id_pkix_ocsp_service_locator = `${exports.id_pkix_ocsp}.7`;
    exports.id_pkix_ocsp_pref_sig_algs = `${exports.id_pkix_ocsp}.8`;
    exports.id_pkix_ocsp_extended_revoke = `${exports.id_pkix_ocsp}.9`;
  }
});

// node_modules/@peculiar/asn1-ocsp/build/cjs/signature.js
var require_signature = __commonJS({
  "node_modules/@peculiar/asn1-ocsp/build/cjs/signature.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Signature = void 0;
    var tslib_1 = (init_tslib_es6(), __toCommonJS(tslib_es6_exports));
    var asn1_schema_1 = require_cjs();
    var asn1_x509_1 = require_cjs2();
    var Signature = class {
      constructor(params = {}) {
        this.signatureAlgorithm = new asn1_x509_1.AlgorithmIdentifier();
        this.signature = new ArrayBuffer(0);
        Object.assign(this, params);
      }
    };
    exports.Signature = Signature;
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_x509_1.AlgorithmIdentifier })
    ], Signature.prototype, "signatureAlgorithm", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_schema_1.AsnPropTypes.BitString })
    ], Signature.prototype, "signature", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_x509_1.Certificate, repeated: "sequence", optional: true, context: 0 })
    ], Signature.prototype, "certs", void 0);
  }
});

// node_modules/@peculiar/asn1-ocsp/build/cjs/request.js
var require_request = __commonJS({
  "node_modules/@peculiar/asn1-ocsp/build/cjs/request.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Request = void 0;
    var tslib_1 = (init_tslib_es6(), __toCommonJS(tslib_es6_exports));
    var asn1_schema_1 = require_cjs();
    var cert_id_1 = require_cert_id();
    var asn1_x509_1 = require_cjs2();
    var Request2 = class {
      constructor(params = {}) {
        this.reqCert = new cert_id_1.CertID();
        Object.assign(this, params);
      }
    };
    exports.Request = Request2;
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: cert_id_1.CertID })
    ], Request2.prototype, "reqCert", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_x509_1.Extension, repeated: "sequence", optional: true })
    ], Request2.prototype, "singleRequestExtensions", void 0);
  }
});

// node_modules/@peculiar/asn1-ocsp/build/cjs/tbs_request.js
var require_tbs_request = __commonJS({
  "node_modules/@peculiar/asn1-ocsp/build/cjs/tbs_request.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.TBSRequest = void 0;
    var tslib_1 = (init_tslib_es6(), __toCommonJS(tslib_es6_exports));
    var asn1_schema_1 = require_cjs();
    var asn1_x509_1 = require_cjs2();
    var request_1 = require_request();
    var types_1 = require_types();
    var TBSRequest2 = class {
      constructor(params = {}) {
        this.version = types_1.Version.v1;
        this.requestList = [];
        Object.assign(this, params);
      }
    };
    exports.TBSRequest = TBSRequest2;
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_schema_1.AsnPropTypes.Integer, context: 0, defaultValue: types_1.Version.v1 })
    ], TBSRequest2.prototype, "version", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_x509_1.GeneralName, context: 1, optional: true })
    ], TBSRequest2.prototype, "requestorName", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: request_1.Request, repeated: "sequence" })
    ], TBSRequest2.prototype, "requestList", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_x509_1.Extension, context: 2, optional: true, repeated: "sequence" })
    ], TBSRequest2.prototype, "requestExtensions", void 0);
  }
});

// node_modules/@peculiar/asn1-ocsp/build/cjs/ocsp_request.js
var require_ocsp_request = __commonJS({
  "node_modules/@peculiar/asn1-ocsp/build/cjs/ocsp_request.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.OCSPRequest = void 0;
    var tslib_1 = (init_tslib_es6(), __toCommonJS(tslib_es6_exports));
    var asn1_schema_1 = require_cjs();
    var signature_1 = require_signature();
    var tbs_request_1 = require_tbs_request();
    var OCSPRequest2 = class {
      constructor(params = {}) {
        this.tbsRequest = new tbs_request_1.TBSRequest();
        Object.assign(this, params);
      }
    };
    exports.OCSPRequest = OCSPRequest2;
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: tbs_request_1.TBSRequest, raw: true })
    ], OCSPRequest2.prototype, "tbsRequest", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: signature_1.Signature, optional: true, context: 0 })
    ], OCSPRequest2.prototype, "optionalSignature", void 0);
  }
});

// node_modules/@peculiar/asn1-ocsp/build/cjs/ocsp_response_status.js
var require_ocsp_response_status = __commonJS({
  "node_modules/@peculiar/asn1-ocsp/build/cjs/ocsp_response_status.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.OCSPResponseStatus = void 0;
    var OCSPResponseStatus2;
    (function(OCSPResponseStatus3) {
      OCSPResponseStatus3[OCSPResponseStatus3["successful"] = 0] = "successful";
      OCSPResponseStatus3[OCSPResponseStatus3["malformedRequest"] = 1] = "malformedRequest";
      OCSPResponseStatus3[OCSPResponseStatus3["internalError"] = 2] = "internalError";
      OCSPResponseStatus3[OCSPResponseStatus3["tryLater"] = 3] = "tryLater";
      OCSPResponseStatus3[OCSPResponseStatus3["sigRequired"] = 5] = "sigRequired";
      OCSPResponseStatus3[OCSPResponseStatus3["unauthorized"] = 6] = "unauthorized";
    })(OCSPResponseStatus2 || (exports.OCSPResponseStatus = OCSPResponseStatus2 = {}));
  }
});

// node_modules/@peculiar/asn1-ocsp/build/cjs/response_bytes.js
var require_response_bytes = __commonJS({
  "node_modules/@peculiar/asn1-ocsp/build/cjs/response_bytes.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ResponseBytes = void 0;
    var tslib_1 = (init_tslib_es6(), __toCommonJS(tslib_es6_exports));
    var asn1_schema_1 = require_cjs();
    var ResponseBytes = class {
      constructor(params = {}) {
        this.responseType = "";
        this.response = new asn1_schema_1.OctetString();
        Object.assign(this, params);
      }
    };
    exports.ResponseBytes = ResponseBytes;
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_schema_1.AsnPropTypes.ObjectIdentifier })
    ], ResponseBytes.prototype, "responseType", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_schema_1.OctetString })
    ], ResponseBytes.prototype, "response", void 0);
  }
});

// node_modules/@peculiar/asn1-ocsp/build/cjs/ocsp_response.js
var require_ocsp_response = __commonJS({
  "node_modules/@peculiar/asn1-ocsp/build/cjs/ocsp_response.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.OCSPResponse = void 0;
    var tslib_1 = (init_tslib_es6(), __toCommonJS(tslib_es6_exports));
    var asn1_schema_1 = require_cjs();
    var ocsp_response_status_1 = require_ocsp_response_status();
    var response_bytes_1 = require_response_bytes();
    var OCSPResponse2 = class {
      constructor(params = {}) {
        this.responseStatus = ocsp_response_status_1.OCSPResponseStatus.successful;
        Object.assign(this, params);
      }
    };
    exports.OCSPResponse = OCSPResponse2;
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: asn1_schema_1.AsnPropTypes.Enumerated })
    ], OCSPResponse2.prototype, "responseStatus", void 0);
    tslib_1.__decorate([
      (0, asn1_schema_1.AsnProp)({ type: response_bytes_1.ResponseBytes, context: 0, optional: true })
    ], OCSPResponse2.prototype, "responseBytes", void 0);
  }
});

// node_modules/@peculiar/asn1-ocsp/build/cjs/index.js
var require_cjs3 = __commonJS({
  "node_modules/@peculiar/asn1-ocsp/build/cjs/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var tslib_1 = (init_tslib_es6(), __toCommonJS(tslib_es6_exports));
    tslib_1.__exportStar(require_extensions(), exports);
    tslib_1.__exportStar(require_basic_ocsp_response(), exports);
    tslib_1.__exportStar(require_cert_id(), exports);
    tslib_1.__exportStar(require_cert_status(), exports);
    tslib_1.__exportStar(require_object_identifiers(), exports);
    tslib_1.__exportStar(require_ocsp_request(), exports);
    tslib_1.__exportStar(require_ocsp_response_status(), exports);
    tslib_1.__exportStar(require_ocsp_response(), exports);
    tslib_1.__exportStar(require_request(), exports);
    tslib_1.__exportStar(require_responder_id(), exports);
    tslib_1.__exportStar(require_response_bytes(), exports);
    tslib_1.__exportStar(require_response_data(), exports);
    tslib_1.__exportStar(require_revoked_info(), exports);
    tslib_1.__exportStar(require_signature(), exports);
    tslib_1.__exportStar(require_single_response(), exports);
    tslib_1.__exportStar(require_tbs_request(), exports);
    tslib_1.__exportStar(require_types(), exports);
  }
});

// src/checks/revocation/check-revocation.ts
import { resolve } from "node:path";

// src/checks/revocation/cert-fields.ts
import { createPublicKey } from "node:crypto";
var EXT_EKU = "2.5.29.37";
var memo = /* @__PURE__ */ new WeakMap();
function certFields(cert) {
  const der = cert.der;
  let f = memo.get(der);
  if (f) return f;
  const top = readTlv(der, 0);
  const tbs = children(der, children(der, top)[0]);
  let i = 0;
  if (tbs[0]?.tag === 160) i++;
  i += 2;
  const issuerT = tbs[i++];
  i++;
  const subjectT = tbs[i++];
  const spkiT = tbs[i++];
  const bits = children(der, spkiT)[1];
  let extKeyUsage = null;
  const extsT = tbs.find((t) => t.tag === 163);
  if (extsT) {
    for (const ext of children(der, readTlv(der, extsT.contentStart, extsT.end))) {
      const ep = children(der, ext);
      if (oidText(content(der, ep[0])) !== EXT_EKU) continue;
      const val = ep[ep.length - 1];
      extKeyUsage = children(der, readTlv(der, val.contentStart, val.end)).map((o) => oidText(content(der, o)));
    }
  }
  const spkiDer = Buffer.from(der.subarray(spkiT.start, spkiT.end));
  let publicKey = null;
  try {
    publicKey = createPublicKey({ key: spkiDer, format: "der", type: "spki" });
  } catch {
    publicKey = null;
  }
  f = {
    issuerDer: Buffer.from(der.subarray(issuerT.start, issuerT.end)),
    subjectDer: Buffer.from(der.subarray(subjectT.start, subjectT.end)),
    spkiDer,
    publicKeyBits: Buffer.from(der.subarray(bits.contentStart + 1, bits.end)),
    publicKey,
    extKeyUsage
  };
  memo.set(der, f);
  return f;
}

// src/checks/revocation/signature.ts
import { constants, verify } from "node:crypto";
var HASH_BY_SIG_OID = {
  "1.2.840.113549.1.1.5": "sha1",
  "1.2.840.113549.1.1.14": "sha224",
  "1.2.840.113549.1.1.11": "sha256",
  "1.2.840.113549.1.1.12": "sha384",
  "1.2.840.113549.1.1.13": "sha512",
  "1.2.840.10045.4.1": "sha1",
  "1.2.840.10045.4.3.1": "sha224",
  "1.2.840.10045.4.3.2": "sha256",
  "1.2.840.10045.4.3.3": "sha384",
  "1.2.840.10045.4.3.4": "sha512",
  "1.3.101.112": null,
  // Ed25519: the hash is part of the scheme
  "1.3.101.113": null
  // Ed448
};
var RSA_PSS = "1.2.840.113549.1.1.10";
var HASH_BY_OID = {
  "1.3.14.3.2.26": "sha1",
  "2.16.840.1.101.3.4.2.4": "sha224",
  "2.16.840.1.101.3.4.2.1": "sha256",
  "2.16.840.1.101.3.4.2.2": "sha384",
  "2.16.840.1.101.3.4.2.3": "sha512"
};
function pssParams(params) {
  let hash = "sha1";
  let saltLength = 20;
  if (!params) return { hash, saltLength };
  const seq = readTlv(params, 0);
  for (const f of children(params, seq)) {
    if (f.tag === 160) {
      const alg = readTlv(params, f.contentStart, f.end);
      const h = HASH_BY_OID[oidText(content(params, children(params, alg)[0]))];
      if (!h) return null;
      hash = h;
    } else if (f.tag === 162) {
      const n = readTlv(params, f.contentStart, f.end);
      saltLength = content(params, n).reduce((a, b) => a * 256 + b, 0);
    }
  }
  return { hash, saltLength };
}
function checkSignature(algOid, params, data, signature, key) {
  if (!key) return "the signer's public key cannot be loaded";
  try {
    if (algOid === RSA_PSS) {
      const p = pssParams(params);
      if (!p) return "unsupported RSASSA-PSS parameters";
      const ok = verify(p.hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: p.saltLength }, signature);
      return ok ? null : "the signature does not verify";
    }
    if (!(algOid in HASH_BY_SIG_OID)) return `unsupported signature algorithm ${algOid}`;
    return verify(HASH_BY_SIG_OID[algOid], data, key, signature) ? null : "the signature does not verify";
  } catch (e) {
    return `the signature does not verify (${e.message})`;
  }
}

// src/checks/revocation/verify-crl.ts
function staleProblem(crl, now, kind = "CRL") {
  if (crl.nextUpdate && now.getTime() > crl.nextUpdate.getTime() + CLOCK_SKEW_MS) return `${kind} is stale: nextUpdate ${crl.nextUpdate.toISOString()}`;
  return null;
}
function sameUrl(a, b) {
  if (a === b) return true;
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return false;
  }
}
function verifyCrl(crl, issuer, o) {
  const kind = o.expectDelta ? "delta CRL" : "CRL";
  if (crl.unsupportedCritical.length) return `${kind} has critical extensions certwatch cannot process (${crl.unsupportedCritical.join(", ")})`;
  if (o.expectDelta && !crl.isDelta) return `${o.url} named as a delta CRL is not one (no DeltaCRLIndicator)`;
  if (!o.expectDelta && crl.isDelta) return `${o.url} is a delta CRL, not a complete one`;
  const f = certFields(issuer);
  if (!crl.issuerDer.equals(f.subjectDer)) return `${kind} issuer name is not ${issuer.subject}`;
  const sig = checkSignature(crl.signatureAlgorithm, crl.signatureParams, crl.tbs, crl.signature, f.publicKey);
  if (sig) return `${kind} is not signed by ${issuer.subject}: ${sig}`;
  const now = o.now.getTime();
  if (crl.thisUpdate.getTime() > now + CLOCK_SKEW_MS) return `${kind} is not yet valid: thisUpdate ${crl.thisUpdate.toISOString()}`;
  const stale = o.allowStale ? null : staleProblem(crl, o.now, kind);
  if (stale) return stale;
  if (crl.idp && crl.idp.fullNames.length && !crl.idp.fullNames.some((n) => sameUrl(n, o.url))) {
    return `wrong CRL shard: ${o.url} served the CRL for ${crl.idp.fullNames.join(", ")}`;
  }
  if (crl.idp?.indirectCrl) return `${kind} is an indirect CRL, which certwatch does not support`;
  return null;
}
function crlScopeProblem(crl, cert) {
  const idp = crl.idp;
  if (!idp) return null;
  if (idp.onlyUserCerts && cert.isCA) return "the CRL covers only end-entity certificates, and this is a CA certificate";
  if (idp.onlyCaCerts && !cert.isCA) return "the CRL covers only CA certificates, and this is an end-entity certificate";
  if (idp.onlyAttributeCerts) return "the CRL covers only attribute certificates";
  return null;
}

// src/checks/revocation/crl-status.ts
var REMOVE_FROM_CRL = 8;
var CERTIFICATE_HOLD = 6;
function revoked(m) {
  return { status: "revoked", revokedAt: m.revokedAt, reason: m.reason };
}
function crlStatus(answer, cert) {
  const scope = crlScopeProblem(answer.crl, cert);
  if (scope) return { status: "unknown", problem: `CRL ${answer.url}: ${scope}` };
  if (answer.stale) {
    const s = answer.crl.find(cert.serialBytes);
    if (s && s.reasonCode !== REMOVE_FROM_CRL && s.reasonCode !== CERTIFICATE_HOLD) return revoked(s);
    return { status: "unknown", problem: answer.stale };
  }
  const d = answer.delta?.find(cert.serialBytes);
  if (d) return d.reasonCode === REMOVE_FROM_CRL ? { status: "good" } : revoked(d);
  const b = answer.crl.find(cert.serialBytes);
  if (b && b.reasonCode !== REMOVE_FROM_CRL) return revoked(b);
  if (answer.crl.idp?.onlySomeReasons) return { status: "unknown", problem: `CRL ${answer.url} covers only some revocation reasons` };
  return { status: "good" };
}

// src/checks/revocation/fetch-crl.ts
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

// src/checks/revocation/serial.ts
function serialMagnitude(bytes) {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  return bytes.subarray(i);
}
function sameSerial(a, b) {
  const x = serialMagnitude(a);
  const y = serialMagnitude(b);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

// src/checks/revocation/crl-lookup.ts
var CrlParseError = class extends Error {
};
var CRL_REASONS = {
  0: "unspecified",
  1: "keyCompromise",
  2: "cACompromise",
  3: "affiliationChanged",
  4: "superseded",
  5: "cessationOfOperation",
  6: "certificateHold",
  8: "removeFromCRL",
  9: "privilegeWithdrawn",
  10: "aACompromise"
};
var SEQ = 48;
var INTEGER = 2;
var UTCTIME = 23;
var GENTIME = 24;
var BITSTRING = 3;
var EXT_CRL_NUMBER = "2.5.29.20";
var EXT_DELTA_INDICATOR = "2.5.29.27";
var EXT_IDP = "2.5.29.28";
var EXT_FRESHEST = "2.5.29.46";
var EXT_REASON = "2.5.29.21";
var KNOWN_CRL_EXTENSIONS = /* @__PURE__ */ new Set([EXT_CRL_NUMBER, EXT_DELTA_INDICATOR, EXT_IDP, EXT_FRESHEST, "2.5.29.35", "2.5.29.18", "2.5.29.60"]);
var INDEX_THRESHOLD = 64;
var hdrEnd = 0;
function hdr(buf, p, limit) {
  if (p + 2 > limit) throw new DerError("truncated TLV header", p);
  let len = buf[p + 1];
  let q = p + 2;
  if (len & 128) {
    const n = len & 127;
    if (n === 0 || n > 4) throw new DerError("bad length form", p);
    if (q + n > limit) throw new DerError("truncated length", p);
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[q + i];
    q += n;
  }
  hdrEnd = q + len;
  if (hdrEnd > limit) throw new DerError(`content of ${len} bytes runs past the end`, p);
  return q;
}
function toBigInt(b) {
  let v = 0n;
  for (const x of b) v = v << 8n | BigInt(x);
  return v;
}
function uris(buf, names) {
  const out = [];
  for (const gn of children(buf, names)) if (gn.tag === 134) out.push(content(buf, gn).toString("latin1"));
  return out;
}
function parseIdp(buf, seq) {
  const idp = { fullNames: [], onlyUserCerts: false, onlyCaCerts: false, onlySomeReasons: false, indirectCrl: false, onlyAttributeCerts: false };
  const flag = (t) => t.end > t.contentStart && buf[t.contentStart] !== 0;
  for (const f of children(buf, seq)) {
    switch (f.tag) {
      case 160:
        for (const n of children(buf, f)) if (n.tag === 160) idp.fullNames.push(...uris(buf, n));
        break;
      case 129:
        idp.onlyUserCerts = flag(f);
        break;
      case 130:
        idp.onlyCaCerts = flag(f);
        break;
      case 131:
      case 163:
        idp.onlySomeReasons = true;
        break;
      case 132:
        idp.indirectCrl = flag(f);
        break;
      case 133:
        idp.onlyAttributeCerts = flag(f);
        break;
    }
  }
  return idp;
}
function distributionPointUris(buf, seq) {
  const out = [];
  for (const dp of children(buf, seq)) {
    for (const f of children(buf, dp)) {
      if (f.tag !== 160) continue;
      for (const n of children(buf, f)) if (n.tag === 160) out.push(...uris(buf, n));
    }
  }
  return out;
}
function hashSerial(buf, from, to) {
  let h = 2166136261;
  for (let i = from; i < to; i++) h = Math.imul(h ^ buf[i], 16777619);
  return h >>> 0;
}
function scanCrl(derIn) {
  try {
    return scan(Buffer.isBuffer(derIn) ? derIn : Buffer.from(derIn.buffer, derIn.byteOffset, derIn.byteLength));
  } catch (e) {
    if (e instanceof DerError) throw new CrlParseError(`malformed CRL: ${e.message}`);
    throw e;
  }
}
function scan(buf) {
  if (buf.length === 0) throw new CrlParseError("empty CRL");
  const top = readTlv(buf, 0);
  if (top.tag !== SEQ) throw new CrlParseError("not a DER CRL (no outer SEQUENCE)");
  if (top.end !== buf.length) throw new CrlParseError(`${buf.length - top.end} bytes after the end of the CRL`);
  const parts = children(buf, top);
  if (parts.length !== 3 || parts[0].tag !== SEQ || parts[1].tag !== SEQ || parts[2].tag !== BITSTRING) {
    throw new CrlParseError("not a CertificateList (expected tbsCertList, signatureAlgorithm, signatureValue)");
  }
  const [tbsT, algT, sigT] = parts;
  const algParts = children(buf, algT);
  const signatureAlgorithm = oidText(content(buf, algParts[0]));
  const signatureParams = algParts[1] ? Buffer.from(buf.subarray(algParts[1].start, algParts[1].end)) : void 0;
  if (buf[sigT.contentStart] !== 0) throw new CrlParseError("signature BIT STRING has unused bits");
  const signature = buf.subarray(sigT.contentStart + 1, sigT.end);
  const f = children(buf, tbsT);
  let i = 0;
  if (f[i]?.tag === INTEGER) i++;
  const innerAlg = f[i++];
  if (!innerAlg || innerAlg.tag !== SEQ) throw new CrlParseError("tbsCertList has no signature algorithm");
  if (!buf.subarray(innerAlg.start, innerAlg.end).equals(buf.subarray(algT.start, algT.end))) {
    throw new CrlParseError("tbsCertList.signature differs from signatureAlgorithm");
  }
  const issuerT = f[i++];
  if (!issuerT || issuerT.tag !== SEQ) throw new CrlParseError("tbsCertList has no issuer");
  const thisT = f[i++];
  if (!thisT) throw new CrlParseError("tbsCertList has no thisUpdate");
  const thisUpdate = readTime(buf, thisT);
  let nextUpdate;
  if (f[i] && (f[i].tag === UTCTIME || f[i].tag === GENTIME)) nextUpdate = readTime(buf, f[i++]);
  let revT;
  if (f[i]?.tag === SEQ) revT = f[i++];
  let extsT;
  if (f[i]?.tag === 160) extsT = f[i++];
  if (i !== f.length) throw new CrlParseError(`unexpected field (tag 0x${f[i].tag.toString(16)}) in tbsCertList`);
  const crl = {
    thisUpdate,
    nextUpdate,
    issuerDer: Buffer.from(buf.subarray(issuerT.start, issuerT.end)),
    tbs: buf.subarray(tbsT.start, tbsT.end),
    signatureAlgorithm,
    signatureParams,
    signature,
    isDelta: false,
    freshestUrls: [],
    unsupportedCritical: []
  };
  if (extsT) {
    const seq = readTlv(buf, extsT.contentStart, extsT.end);
    for (const ext of children(buf, seq)) {
      const ep = children(buf, ext);
      const oid = oidText(content(buf, ep[0]));
      const critical = ep.length === 3 && buf[ep[1].contentStart] !== 0;
      const val = ep[ep.length - 1];
      const inner = readTlv(buf, val.contentStart, val.end);
      switch (oid) {
        case EXT_CRL_NUMBER:
          crl.crlNumber = toBigInt(content(buf, inner));
          break;
        case EXT_DELTA_INDICATOR:
          crl.isDelta = true;
          crl.deltaBase = toBigInt(content(buf, inner));
          break;
        case EXT_IDP:
          crl.idp = parseIdp(buf, inner);
          break;
        case EXT_FRESHEST:
          crl.freshestUrls = distributionPointUris(buf, inner);
          break;
        default:
          if (critical && !KNOWN_CRL_EXTENSIONS.has(oid)) crl.unsupportedCritical.push(oid);
      }
    }
  }
  const revStart = revT ? revT.contentStart : 0;
  const revEnd = revT ? revT.end : 0;
  let count = 0;
  for (let p = revStart; p < revEnd; ) {
    if (buf[p] !== SEQ) throw new DerError("revokedCertificates entry is not a SEQUENCE", p);
    const c = hdr(buf, p, revEnd);
    const eEnd = hdrEnd;
    if (buf[c] !== INTEGER) throw new DerError("entry without a serial number", c);
    const sc = hdr(buf, c, eEnd);
    const sEnd = hdrEnd;
    if (sEnd === sc) throw new DerError("empty serial number", c);
    const t = buf[sEnd];
    if (t !== UTCTIME && t !== GENTIME) throw new DerError("entry without a revocation date", sEnd);
    hdr(buf, sEnd, eEnd);
    const q = hdrEnd;
    if (q < eEnd) {
      if (buf[q] !== SEQ) throw new DerError("entry extensions are not a SEQUENCE", q);
      hdr(buf, q, eEnd);
      if (hdrEnd !== eEnd) throw new DerError("trailing bytes in a revokedCertificates entry", hdrEnd);
    }
    count++;
    p = eEnd;
  }
  let index = null;
  let lookups = 0;
  const buildIndex = () => {
    let size = 1;
    while (size < count * 2) size <<= 1;
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let p = revStart; p < revEnd; ) {
      const c = hdr(buf, p, revEnd);
      const eEnd = hdrEnd;
      let sc = hdr(buf, c, eEnd);
      const sEnd = hdrEnd;
      while (sc < sEnd && buf[sc] === 0) sc++;
      let slot = hashSerial(buf, sc, sEnd) & mask;
      while (table[slot] !== 0) slot = slot + 1 & mask;
      table[slot] = p + 1;
      p = eEnd;
    }
    return table;
  };
  const entryMatches = (p, want) => {
    const c = hdr(buf, p, revEnd);
    let sc = hdr(buf, c, hdrEnd);
    const sEnd = hdrEnd;
    while (sc < sEnd && buf[sc] === 0) sc++;
    if (sEnd - sc !== want.length) return false;
    for (let k = 0; k < want.length; k++) if (buf[sc + k] !== want[k]) return false;
    return true;
  };
  const decodeEntry = (p) => {
    const entry = readTlv(buf, p, revEnd);
    const ef = children(buf, entry);
    const m = { revokedAt: readTime(buf, ef[1]) };
    if (ef[2]) {
      for (const ext of children(buf, ef[2])) {
        const ep = children(buf, ext);
        if (oidText(content(buf, ep[0])) !== EXT_REASON) continue;
        const val = ep[ep.length - 1];
        const en = readTlv(buf, val.contentStart, val.end);
        const code = Number(toBigInt(content(buf, en)));
        m.reasonCode = code;
        m.reason = CRL_REASONS[code] ?? `reason ${code}`;
      }
    }
    return m;
  };
  const find = (serial) => {
    const want = serialMagnitude(serial);
    try {
      lookups++;
      if (count <= INDEX_THRESHOLD || lookups === 1 && !index) {
        for (let p = revStart; p < revEnd; ) {
          hdr(buf, p, revEnd);
          const eEnd = hdrEnd;
          if (entryMatches(p, want)) return decodeEntry(p);
          p = eEnd;
        }
        return null;
      }
      index ??= buildIndex();
      const mask = index.length - 1;
      let h = 2166136261;
      for (let k = 0; k < want.length; k++) h = Math.imul(h ^ want[k], 16777619);
      for (let slot = h >>> 0 & mask; index[slot] !== 0; slot = slot + 1 & mask) {
        const p = index[slot] - 1;
        if (entryMatches(p, want)) return decodeEntry(p);
      }
      return null;
    } catch (e) {
      if (e instanceof DerError) throw new CrlParseError(`malformed CRL entry: ${e.message}`);
      throw e;
    }
  };
  return { ...crl, count, find };
}

// src/checks/revocation/fetch-crl.ts
var CRL_CACHE_FRESH_MS = 60 * 6e4;
var CrlError = class extends Error {
};
function decodeCrlBytes(body, url) {
  let der = body;
  let i = 0;
  while (i < body.length && i < 64 && (body[i] === 32 || body[i] === 10 || body[i] === 13 || body[i] === 9)) i++;
  if (body.subarray(i, i + 10).toString("latin1") === "-----BEGIN") {
    const block = splitPem(body.toString("latin1")).blocks.find((b) => b.label === "X509 CRL");
    if (!block) throw new CrlError(`CRL ${url} is PEM without an X509 CRL block`);
    der = block.der;
  }
  try {
    return scanCrl(der);
  } catch (e) {
    if (e instanceof CrlParseError) throw new CrlError(`CRL ${url} is unreadable: ${e.message}`);
    throw e;
  }
}
var CrlSource = class {
  constructor(o) {
    this.o = o;
  }
  o;
  network = /* @__PURE__ */ new Map();
  disk = /* @__PURE__ */ new Map();
  answers = /* @__PURE__ */ new Map();
  written = /* @__PURE__ */ new Set();
  /** A verified CRL for certificates `issuer` issued, or a CrlError/FetchError saying why not. */
  get(url, issuer) {
    const key = `${url}
${issuer.fingerprint}`;
    return oncePerKey(this.answers, key, () => this.resolve(url, issuer));
  }
  async resolve(url, issuer) {
    const base = await this.verified(url, issuer, false);
    const answer = { url, crl: base.crl, fromCache: base.fromCache };
    const stale = staleProblem(base.crl, this.o.now);
    if (stale) {
      answer.stale = `CRL ${url}: ${stale}`;
      return answer;
    }
    const deltaUrl = base.crl.freshestUrls.find((u) => fetchableUrl(u) === null);
    if (deltaUrl) {
      try {
        const d = await this.verified(deltaUrl, issuer, true);
        if (base.crl.crlNumber === void 0) answer.deltaProblem = "the complete CRL has no CRL number to match the delta against";
        else if (d.crl.deltaBase === void 0 || d.crl.deltaBase > base.crl.crlNumber) {
          answer.deltaProblem = `delta CRL ${deltaUrl} needs base CRL number ${d.crl.deltaBase}, have ${base.crl.crlNumber}`;
        } else if (d.crl.crlNumber === void 0 || d.crl.crlNumber <= base.crl.crlNumber) {
          answer.deltaProblem = `delta CRL ${deltaUrl} (number ${d.crl.crlNumber}) is not newer than the complete CRL (number ${base.crl.crlNumber})`;
        } else answer.delta = d.crl;
      } catch (e) {
        answer.deltaProblem = e.message;
      }
    }
    return answer;
  }
  /** Cache first when young enough, else the network (conditionally when a cached copy exists). */
  async verified(url, issuer, expectDelta) {
    const opts = { url, now: this.o.now, expectDelta };
    const cached = await this.fromDisk(url);
    const age = cached ? Date.now() - cached.fetchedAt : -1;
    if (cached && age >= 0 && age < CRL_CACHE_FRESH_MS && verifyCrl(cached.crl, issuer, opts) === null) return cached;
    let fresh;
    try {
      fresh = await this.fromNetwork(url, cached);
    } catch (e) {
      const tooOld = cached && !cached.crl.nextUpdate && !(age >= 0 && age < CRL_NO_NEXT_UPDATE_FALLBACK_MS);
      if (cached && !tooOld && verifyCrl(cached.crl, issuer, opts) === null) return cached;
      throw e;
    }
    const problem = verifyCrl(fresh.crl, issuer, { ...opts, allowStale: !expectDelta });
    if (problem) throw new CrlError(`CRL ${url}: ${problem}`);
    if (!fresh.fromCache) await this.save(url, fresh);
    return fresh;
  }
  fromNetwork(url, cached) {
    return oncePerKey(this.network, url, () => this.download(url, cached));
  }
  async download(url, cached) {
    const headers = {};
    if (cached?.etag) headers["if-none-match"] = cached.etag;
    if (cached?.lastModified) headers["if-modified-since"] = cached.lastModified;
    const res = await httpFetch(url, {
      what: "fetching CRL",
      timeoutMs: this.o.timeoutMs,
      totalTimeoutMs: Math.max(this.o.timeoutMs, CRL_TRANSFER_TIMEOUT_MS),
      maxBytes: this.o.maxBytes ?? CRL_MAX_BYTES,
      deadline: this.o.deadline,
      headers,
      acceptStatus: cached ? [304] : []
    });
    if (res.status === 304 && cached) {
      const refreshed = { ...cached, fetchedAt: Date.now() };
      await this.writeMeta(url, refreshed);
      return refreshed;
    }
    const header = (h) => Array.isArray(h) ? h[0] : h;
    return {
      crl: decodeCrlBytes(res.body, url),
      raw: res.body,
      fromCache: false,
      etag: header(res.headers["etag"]),
      lastModified: header(res.headers["last-modified"]),
      fetchedAt: Date.now()
    };
  }
  paths(url) {
    if (!this.o.cacheDir) return null;
    const h = createHash("sha256").update(url).digest("hex").slice(0, 32);
    const dir = join(this.o.cacheDir, "crl");
    return { der: join(dir, `${h}.crl`), meta: join(dir, `${h}.json`) };
  }
  fromDisk(url) {
    return oncePerKey(this.disk, url, () => this.readDisk(url));
  }
  async readDisk(url) {
    const paths = this.paths(url);
    if (!paths) return null;
    try {
      const meta = JSON.parse(await readFile(paths.meta, "utf8"));
      if (meta.url !== url || typeof meta.fetchedAt !== "number") return null;
      const raw = await readFile(paths.der);
      return { crl: decodeCrlBytes(raw, url), raw, fromCache: true, etag: meta.etag, lastModified: meta.lastModified, fetchedAt: meta.fetchedAt };
    } catch {
      return null;
    }
  }
  /** Best effort: a read-only or full cache directory must not fail the check. */
  async save(url, l) {
    const paths = this.paths(url);
    if (!paths || this.written.has(url)) return;
    this.written.add(url);
    try {
      await mkdir(join(this.o.cacheDir, "crl"), { recursive: true });
      const tmp = `${paths.der}.${process.pid}.tmp`;
      await writeFile(tmp, l.raw);
      await rename(tmp, paths.der);
      await this.writeMeta(url, l);
    } catch {
    }
  }
  async writeMeta(url, l) {
    const paths = this.paths(url);
    if (!paths) return;
    try {
      const meta = { url, fetchedAt: l.fetchedAt, etag: l.etag, lastModified: l.lastModified };
      const tmp = `${paths.meta}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(meta));
      await rename(tmp, paths.meta);
    } catch {
    }
  }
};

// src/checks/revocation/find-issuer.ts
var systemRoots;
function bySubject(certs, into = /* @__PURE__ */ new Map()) {
  for (const c of certs) {
    const list = into.get(c.subject);
    if (!list) into.set(c.subject, [c]);
    else if (!list.some((x) => x.fingerprint === c.fingerprint)) list.push(c);
  }
  return into;
}
function systemRootIndex() {
  systemRoots ??= bySubject(bundledRoots());
  return systemRoots;
}
function certificatesFromAia(body) {
  const out = [];
  const head = body.subarray(0, 64).toString("latin1");
  if (head.includes("-----BEGIN")) {
    for (const b of splitPem(body.toString("latin1")).blocks) {
      if (b.label !== "CERTIFICATE" && b.label !== "PKCS7") continue;
      out.push(...certificatesFromAia(b.der));
    }
    return out;
  }
  try {
    return [parseCertificate(body)];
  } catch {
  }
  try {
    const ci = children(body, readTlv(body, 0));
    const sd = readTlv(body, ci[1].contentStart, ci[1].end);
    const certsT = children(body, sd).find((t) => t.tag === 160);
    if (certsT) {
      for (const c of children(body, certsT)) {
        if (c.tag !== 48) continue;
        try {
          out.push(parseCertificate(body.subarray(c.start, c.end)));
        } catch {
        }
      }
    }
  } catch {
  }
  return out;
}
var IssuerFinder = class {
  constructor(knownCertificates, o) {
    this.o = o;
    this.known = bySubject(knownCertificates);
  }
  o;
  known;
  aia = /* @__PURE__ */ new Map();
  results = /* @__PURE__ */ new Map();
  find(obs) {
    return oncePerKey(this.results, obs.cert.fingerprint, () => this.search(obs));
  }
  async search(obs) {
    const cert = obs.cert;
    const pick = (list) => list?.find((c) => signs(c, cert));
    const fromChain = pick(obs.companions.filter((c) => c.subject === cert.issuer));
    if (fromChain) return { issuer: fromChain, via: "chain" };
    const fromKnown = pick(this.known.get(cert.issuer));
    if (fromKnown) return { issuer: fromKnown, via: "known" };
    const fromSystem = pick(systemRootIndex().get(cert.issuer));
    if (fromSystem) return { issuer: fromSystem, via: "system" };
    const problems = [];
    for (const url of cert.caIssuersUrls) {
      const refused = fetchableUrl(url);
      if (refused) {
        problems.push(`AIA issuer URL skipped: ${refused}`);
        continue;
      }
      try {
        const got = await this.fetchAia(url);
        const issuer = got.find((c) => signs(c, cert));
        if (issuer) return { issuer, via: "aia" };
        problems.push(
          got.length ? `AIA issuer URL ${url} returned ${got.map((c) => c.subject).join("; ")}, which did not sign this certificate` : `AIA issuer URL ${url} returned no readable certificate`
        );
      } catch (e) {
        problems.push(e.message);
      }
    }
    if (!cert.caIssuersUrls.length) problems.push("no AIA caIssuers URL to fetch it from");
    return { problem: `issuer ${cert.issuer} not found (not in the chain or bundle, not among the certificates seen; ${problems.join("; ")})` };
  }
  fetchAia(url) {
    return oncePerKey(
      this.aia,
      url,
      () => httpFetch(url, { what: "fetching issuer certificate", timeoutMs: this.o.timeoutMs, deadline: this.o.deadline, maxBytes: CERT_MAX_BYTES }).then(
        (r) => certificatesFromAia(r.body)
      )
    );
  }
};
function signs(candidate, cert) {
  if (candidate.fingerprint === cert.fingerprint) return false;
  if (cert.authorityKeyId && candidate.subjectKeyId && !cert.authorityKeyId.equals(candidate.subjectKeyId)) return false;
  return isIssuedBy(cert, candidate);
}

// src/checks/revocation/ocsp-request.ts
var import_asn1_schema = __toESM(require_cjs(), 1);
var import_asn1_x509 = __toESM(require_cjs2(), 1);
var import_asn1_ocsp = __toESM(require_cjs3(), 1);
import { createHash as createHash2 } from "node:crypto";
var SHA1 = "1.3.14.3.2.26";
var OCSP_GET_MAX_BASE64 = 255;
function buildOcspRequest(cert, issuer) {
  const f = certFields(issuer);
  const certId = new import_asn1_ocsp.CertID({
    hashAlgorithm: new import_asn1_x509.AlgorithmIdentifier({ algorithm: SHA1, parameters: null }),
    issuerNameHash: new import_asn1_schema.OctetString(createHash2("sha1").update(f.subjectDer).digest()),
    issuerKeyHash: new import_asn1_schema.OctetString(createHash2("sha1").update(f.publicKeyBits).digest()),
    serialNumber: new Uint8Array(cert.serialBytes).buffer
  });
  const req = new import_asn1_ocsp.OCSPRequest({ tbsRequest: new import_asn1_ocsp.TBSRequest({ requestList: [new import_asn1_ocsp.Request({ reqCert: certId })] }) });
  return Buffer.from(import_asn1_schema.AsnConvert.serialize(req));
}
function successfulOcspResponse(b) {
  if (b.length < 5 || b[0] !== 48) return false;
  let p = 2;
  if (b[1] & 128) p += b[1] & 127;
  return b[p] === 10 && b[p + 1] === 1 && b[p + 2] === 0;
}
async function fetchOcsp(url, request, o) {
  const common = { timeoutMs: o.timeoutMs, deadline: o.deadline, maxBytes: OCSP_MAX_BYTES, headers: { accept: "application/ocsp-response" } };
  const b64 = request.toString("base64");
  let getProblem;
  if (b64.length < OCSP_GET_MAX_BASE64) {
    const getUrl = `${url.endsWith("/") ? url : url + "/"}${encodeURIComponent(b64)}`;
    try {
      const res = await httpFetch(getUrl, { ...common, what: "OCSP GET to", shownUrl: url });
      if (successfulOcspResponse(res.body)) return res.body;
      getProblem = "GET did not return a successful OCSP response";
    } catch (e) {
      if (!(e instanceof FetchError) || e.kind !== "http" && e.kind !== "too-large") throw e;
      getProblem = e.message;
    }
  }
  try {
    const res = await httpFetch(url, {
      ...common,
      what: "OCSP POST to",
      method: "POST",
      body: request,
      headers: { ...common.headers, "content-type": "application/ocsp-request" }
    });
    return res.body;
  } catch (e) {
    if (getProblem && e instanceof Error) e.message += ` (after ${getProblem})`;
    throw e;
  }
}

// src/checks/revocation/verify-ocsp.ts
var import_asn1_schema2 = __toESM(require_cjs(), 1);
var import_asn1_ocsp2 = __toESM(require_cjs3(), 1);
import { createHash as createHash3 } from "node:crypto";
var ID_PKIX_OCSP_BASIC = "1.3.6.1.5.5.7.48.1.1";
var ID_KP_OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
var OCSP_NO_NEXT_UPDATE_MAX_AGE_MS = 4 * 864e5;
var STATUS_NAMES = {
  [import_asn1_ocsp2.OCSPResponseStatus.malformedRequest]: "malformedRequest",
  [import_asn1_ocsp2.OCSPResponseStatus.internalError]: "internalError",
  [import_asn1_ocsp2.OCSPResponseStatus.tryLater]: "tryLater",
  [import_asn1_ocsp2.OCSPResponseStatus.sigRequired]: "sigRequired",
  [import_asn1_ocsp2.OCSPResponseStatus.unauthorized]: "unauthorized"
};
function unknown(problem) {
  return { status: "unknown", problem };
}
function looksLikeText(b) {
  const head = b.subarray(0, 256).toString("latin1").trimStart().toLowerCase();
  if (head.startsWith("<")) return "HTML";
  if (b.length && /^[\x09\x0a\x0d\x20-\x7e]+$/.test(head)) return "text";
  return null;
}
function matchingResponse(responses, cert, issuer) {
  const f = certFields(issuer);
  const seen = [];
  for (const r of responses) {
    const id = r.certID;
    const hash = HASH_BY_OID[id.hashAlgorithm.algorithm];
    seen.push(Buffer.from(id.serialNumber).toString("hex"));
    if (!hash) continue;
    const nameHash = createHash3(hash).update(f.subjectDer).digest();
    const keyHash = createHash3(hash).update(f.publicKeyBits).digest();
    if (!nameHash.equals(Buffer.from(id.issuerNameHash.buffer))) continue;
    if (!keyHash.equals(Buffer.from(id.issuerKeyHash.buffer))) continue;
    if (!sameSerial(new Uint8Array(id.serialNumber), cert.serialBytes)) continue;
    return r;
  }
  return `the response is not about this certificate (it answers for serial ${seen.join(", ") || "none"} with issuer hashes that ${seen.length ? "do not all match" : "are absent"}; wanted serial ${cert.serialNumber})`;
}
function checkSigner(tbs, algOid, params, signature, certsDer, issuer, now) {
  if (checkSignature(algOid, params, tbs, signature, certFields(issuer).publicKey) === null) return null;
  const reasons = [];
  for (const der of certsDer) {
    let responder;
    try {
      responder = parseCertificate(der);
    } catch {
      continue;
    }
    if (checkSignature(algOid, params, tbs, signature, certFields(responder).publicKey) !== null) continue;
    if (!isIssuedBy(responder, issuer)) {
      reasons.push(`it is signed by ${responder.subject}, which ${issuer.subject} did not issue`);
      continue;
    }
    if (!certFields(responder).extKeyUsage?.includes(ID_KP_OCSP_SIGNING)) {
      reasons.push(`it is signed by ${responder.subject}, which lacks id-kp-OCSPSigning`);
      continue;
    }
    const t = now.getTime();
    if (t < responder.notBefore.getTime() - CLOCK_SKEW_MS || t > responder.notAfter.getTime() + CLOCK_SKEW_MS) {
      reasons.push(`its responder certificate ${responder.subject} is outside its validity (${responder.notBefore.toISOString()} \u2013 ${responder.notAfter.toISOString()})`);
      continue;
    }
    return null;
  }
  return reasons.length ? `the response's signature is not acceptable: ${reasons.join("; ")}` : `the response is not signed by ${issuer.subject} or a responder it delegated to`;
}
function verifyOcsp(der, cert, issuer, now) {
  let resp;
  try {
    resp = import_asn1_schema2.AsnConvert.parse(der, import_asn1_ocsp2.OCSPResponse);
  } catch {
    const text = looksLikeText(der);
    return unknown(text ? `the responder returned ${text}, not an OCSP response` : `the responder returned ${der.length} bytes that are not an OCSP response`);
  }
  if (resp.responseStatus !== import_asn1_ocsp2.OCSPResponseStatus.successful) {
    return unknown(`responder said ${STATUS_NAMES[resp.responseStatus] ?? `status ${resp.responseStatus}`}`);
  }
  if (!resp.responseBytes || resp.responseBytes.responseType !== ID_PKIX_OCSP_BASIC) return unknown("the response is not a basic OCSP response");
  const basicDer = Buffer.from(resp.responseBytes.response.buffer);
  let basic;
  let tbs;
  let algOid;
  let params;
  let signature;
  const certsDer = [];
  try {
    basic = import_asn1_schema2.AsnConvert.parse(basicDer, import_asn1_ocsp2.BasicOCSPResponse);
    const parts = children(basicDer, readTlv(basicDer, 0));
    tbs = basicDer.subarray(parts[0].start, parts[0].end);
    const alg = children(basicDer, parts[1]);
    algOid = oidText(content(basicDer, alg[0]));
    params = alg[1] ? basicDer.subarray(alg[1].start, alg[1].end) : void 0;
    if (basicDer[parts[2].contentStart] !== 0) return unknown("the response signature has unused bits");
    signature = basicDer.subarray(parts[2].contentStart + 1, parts[2].end);
    const certsT = parts.find((p) => p.tag === 160);
    if (certsT) {
      for (const c of children(basicDer, readTlv(basicDer, certsT.contentStart, certsT.end))) certsDer.push(basicDer.subarray(c.start, c.end));
    }
  } catch (e) {
    return unknown(`the basic OCSP response is malformed (${e.message})`);
  }
  const signer = checkSigner(tbs, algOid, params, signature, certsDer, issuer, now);
  if (signer) return unknown(signer);
  const single = matchingResponse(basic.tbsResponseData.responses, cert, issuer);
  if (typeof single === "string") return unknown(single);
  const t = now.getTime();
  if (single.thisUpdate.getTime() > t + CLOCK_SKEW_MS) return unknown(`the response is not yet valid: thisUpdate ${single.thisUpdate.toISOString()}`);
  let stale = null;
  if (single.nextUpdate) {
    if (t > single.nextUpdate.getTime() + CLOCK_SKEW_MS) stale = `the response is stale: nextUpdate ${single.nextUpdate.toISOString()}`;
  } else if (t - single.thisUpdate.getTime() > OCSP_NO_NEXT_UPDATE_MAX_AGE_MS) {
    stale = `the response is stale: no nextUpdate and thisUpdate ${single.thisUpdate.toISOString()} is over 4 days old`;
  }
  const cs = single.certStatus;
  if (cs.revoked) {
    const code = cs.revoked.revocationReason?.reason;
    if (stale && code === 6) return unknown(stale);
    return { status: "revoked", revokedAt: cs.revoked.revocationTime, reason: code === void 0 ? void 0 : CRL_REASONS[code] ?? `reason ${code}` };
  }
  if (stale) return unknown(stale);
  if (cs.good !== void 0) return { status: "good" };
  return unknown("the responder does not know this certificate (status unknown)");
}

// src/checks/revocation/check-revocation.ts
async function eachLimited(items, limit, fn) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
async function checkRevocation(certs, ctx) {
  const d = ctx.settings.defaults;
  if (d.revocation === "off") {
    for (const c of certs) if (c.revocation?.method !== "list") c.revocation = { status: "not-checked", detail: "revocation checking is off" };
    return;
  }
  const session = {
    ctx,
    issuers: new IssuerFinder(ctx.knownCertificates, { timeoutMs: d.timeoutMs, deadline: ctx.deadline }),
    crls: new CrlSource({
      cacheDir: d.cacheDir ? resolve(ctx.settings.workspace, d.cacheDir) : void 0,
      timeoutMs: d.timeoutMs,
      deadline: ctx.deadline,
      now: ctx.now,
      maxBytes: ctx.crlMaxBytes
    }),
    ocsp: /* @__PURE__ */ new Map()
  };
  await eachLimited(certs, REVOCATION_CONCURRENCY, async (obs) => {
    let answer;
    try {
      answer = await checkOne(obs, session);
    } catch (e) {
      answer = { status: "unknown", detail: `revocation check failed: ${e.message}` };
    }
    record(obs, answer, ctx);
  });
}
function record(obs, answer, ctx) {
  const prior = obs.revocation;
  if (prior?.status === "revoked" && answer.status !== "revoked") return;
  let alsoListed = "";
  if (prior?.status === "revoked" && prior.method === "list") {
    obs.findings = obs.findings.filter((f) => f.id !== "revoked");
    alsoListed = `; also on the published list ${prior.reason} (${prior.detail ?? prior.source})`;
  }
  obs.revocation = answer;
  const base = { fingerprint: obs.cert.fingerprint };
  if (answer.status === "revoked") {
    const when = answer.revokedAt ? readableTime(answer.revokedAt) : "an unknown date";
    obs.findings.push({
      ...base,
      id: "revoked",
      severity: "error",
      message: `${subjectOf(obs)} was revoked on ${when} (reason: ${answer.reason ?? "none given"}), according to ${describeSource(answer.method, answer.source)}${alsoListed}`
    });
  } else if (answer.status === "unknown") {
    obs.findings.push({
      ...base,
      id: "revocation-unknown",
      severity: ctx.settings.defaults.revocation === "hard" ? "error" : "warning",
      message: `Revocation status of ${lower(subjectOf(obs))} is unknown: ${answer.detail ?? "no verified answer"}`
    });
  }
}
function describeSource(method, source) {
  switch (method) {
    case "crl":
      return `the CRL ${source}`;
    case "ocsp":
      return `the OCSP responder ${source}`;
    case "stapled":
      return "the OCSP response stapled by the server";
    default:
      return source ?? "the CA";
  }
}
async function checkOne(obs, s) {
  const cert = obs.cert;
  const now = s.ctx.now;
  if (obs.role === "root" || cert.selfIssued && isIssuedBy(cert, cert)) return { status: "not-checked", detail: "self-signed: trusted or not by itself, no issuer to ask" };
  if (now.getTime() >= cert.notAfter.getTime()) return { status: "not-checked", detail: "expired: CAs drop expired certificates from CRLs and OCSP" };
  const skipped = [];
  const usable = (urls) => urls.filter((u) => {
    const why = fetchableUrl(u);
    if (why) skipped.push(why);
    return !why;
  });
  const ocspUrls = usable(cert.ocspUrls);
  const crlUrls = usable(cert.crlUrls);
  if (!obs.stapledOcsp && !ocspUrls.length && !crlUrls.length) {
    if (!skipped.length) return { status: "not-checked", detail: "no OCSP or CRL URL in the certificate" };
    const detail = `no http(s) OCSP or CRL URL (${[...new Set(skipped)].join("; ")})`;
    return s.ctx.settings.defaults.revocation === "hard" ? { status: "unknown", detail } : { status: "not-checked", detail };
  }
  const found = await s.issuers.find(obs);
  if (!found.issuer) return { status: "unknown", detail: found.problem };
  const issuer = found.issuer;
  const problems = [];
  let stapledGood = false;
  if (obs.stapledOcsp) {
    const v = verifyOcsp(obs.stapledOcsp, cert, issuer, now);
    if (v.status === "revoked") return { status: "revoked", method: "stapled", revokedAt: v.revokedAt, reason: v.reason ?? null, source: "stapled" };
    if (v.status === "good") stapledGood = true;
    else problems.push(`stapled OCSP response: ${v.problem}`);
  }
  for (const url of ocspUrls) {
    const v = await ocspVerdict(url, cert, issuer, s);
    if (v.status === "revoked") return { status: "revoked", method: "ocsp", revokedAt: v.revokedAt, reason: v.reason ?? null, source: url };
    if (v.status === "good") return { status: "good", method: "ocsp", source: url, revokedAt: null, reason: null };
    problems.push(v.problem.includes(url) ? v.problem : `OCSP ${url}: ${v.problem}`);
  }
  for (const url of crlUrls) {
    let v;
    let note;
    try {
      const answer = await s.crls.get(url, issuer);
      v = crlStatus(answer, cert);
      if (answer.deltaProblem) note = `delta CRL not applied: ${answer.deltaProblem}`;
    } catch (e) {
      v = { status: "unknown", problem: e.message };
    }
    if (v.status === "revoked") return { status: "revoked", method: "crl", revokedAt: v.revokedAt, reason: v.reason ?? null, source: url, detail: note };
    if (v.status === "good") return { status: "good", method: "crl", source: url, revokedAt: null, reason: null, detail: note };
    problems.push(v.problem);
  }
  if (stapledGood) return { status: "good", method: "stapled", source: "stapled", revokedAt: null, reason: null, detail: problems.length ? `only the staple answered: ${problems.join("; ")}` : void 0 };
  return { status: "unknown", detail: problems.join("; ") };
}
function ocspVerdict(url, cert, issuer, s) {
  const key = `${url}
${cert.fingerprint}
${issuer.fingerprint}`;
  let p = s.ocsp.get(key);
  if (!p) {
    p = (async () => {
      try {
        const body = await fetchOcsp(url, buildOcspRequest(cert, issuer), { timeoutMs: s.ctx.settings.defaults.timeoutMs, deadline: s.ctx.deadline });
        return verifyOcsp(body, cert, issuer, s.ctx.now);
      } catch (e) {
        return { status: "unknown", problem: e.message };
      }
    })();
    s.ocsp.set(key, p);
  }
  return p;
}
function subjectOf(obs) {
  const what = obs.role === "intermediate" ? "Intermediate CA certificate" : obs.role === "root" ? "Root certificate" : "Certificate";
  return `${what} ${displayName(obs.cert)}`;
}
function lower(s) {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
export {
  checkRevocation
};
