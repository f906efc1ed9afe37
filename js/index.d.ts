// Types for edjwt's public API (jose v6 names and shapes where jose has the feature).

export interface JWTPayload {
  iss?: string;
  sub?: string;
  aud?: string | string[];
  jti?: string;
  nbf?: number;
  exp?: number;
  iat?: number;
  [propName: string]: unknown;
}

export interface ProtectedHeaderParameters {
  alg?: string;
  kid?: string;
  typ?: string;
  cty?: string;
  crit?: string[];
  b64?: boolean;
  jku?: string;
  x5u?: string;
  x5t?: string;
  'x5t#S256'?: string;
  x5c?: string[];
  jwk?: Record<string, unknown>;
  [propName: string]: unknown;
}

/** The claims of a JWT, not verified. Throws errors.JWTInvalid. */
export function decodeJwt<PayloadType = JWTPayload>(jwt: string): PayloadType & JWTPayload;

/** The protected header of a compact JWS/JWE or a flattened object, not verified. Throws TypeError. */
export function decodeProtectedHeader(token: string | { protected?: string }): ProtectedHeaderParameters;

export interface Limits {
  /** Longest token accepted, in bytes. Default 65536. */
  maxTokenLength: number;
  /** Deepest JSON nesting accepted in headers and claims (top-level object = 1). Default 32. */
  maxJsonDepth: number;
  /**
   * Ed25519 keys whose precomputed tables the core keeps (about 98 KB each,
   * least recently used evicted; 0 turns them off). Default 8, at most 256.
   */
  maxKeyTables: number;
}
export function getLimits(): Limits;
export function setLimits(limits: Partial<Limits>): void;

export type WasmSource =
  | BufferSource
  | WebAssembly.Module
  | Response
  | PromiseLike<Response>
  | URL
  | string;
/** Loads the module (the package's own .wasm by default). Idempotent once it has succeeded. */
export function init(options?: { wasm?: WasmSource }): Promise<void>;
/** Loads the module synchronously from bytes or a compiled module. */
export function initSync(wasm: BufferSource | WebAssembly.Module): void;

export namespace errors {
  class JOSEError extends Error {
    static code: string;
    code: string;
    constructor(message?: string, options?: { cause?: unknown });
  }
  class JWTClaimValidationFailed<T = JWTPayload> extends JOSEError {
    claim: string;
    reason: string;
    payload: T;
    constructor(message: string, payload: T, claim?: string, reason?: string);
  }
  class JWTExpired<T = JWTPayload> extends JOSEError {
    claim: string;
    reason: string;
    payload: T;
    constructor(message: string, payload: T, claim?: string, reason?: string);
  }
  class JOSEAlgNotAllowed extends JOSEError {}
  class JOSENotSupported extends JOSEError {}
  class JWEDecryptionFailed extends JOSEError {}
  class JWEInvalid extends JOSEError {}
  class JWSInvalid extends JOSEError {}
  class JWTInvalid extends JOSEError {}
  class JWKInvalid extends JOSEError {}
  class JWKSInvalid extends JOSEError {}
  class JWKSNoMatchingKey extends JOSEError {}
  class JWKSMultipleMatchingKeys extends JOSEError {
    [Symbol.asyncIterator]: () => AsyncIterableIterator<unknown>;
  }
  class JWKSTimeout extends JOSEError {}
  class JWSSignatureVerificationFailed extends JOSEError {}
  /** edjwt's own: the WebAssembly module could not be loaded; the message names the fix. */
  class WasmUnavailable extends JOSEError {}
}

/**
 * An imported public key: opaque, nothing to free. Ed25519 keys are checked
 * once at import by the core; RSA and EC keys by the platform (node:crypto or
 * WebCrypto). `algorithm.name` is 'Ed25519', or the alg an RSA/EC key was imported for.
 */
export class PublicKey {
  readonly type: 'public';
  readonly algorithm: { readonly name: string };
}

export interface JWK {
  kty?: string;
  crv?: string;
  x?: string;
  y?: string;
  n?: string;
  e?: string;
  k?: string;
  d?: string;
  kid?: string;
  alg?: string;
  use?: string;
  key_ops?: string[];
  ext?: boolean;
  [propName: string]: unknown;
}

export interface JSONWebKeySet {
  keys: JWK[];
}

/** edjwt's verified-signature cache: a bounded LRU of tokens already verified under a key. */
export interface KeyCacheOptions {
  cache?: { size: number };
}

/** jose's importJWK: an Ed25519, RSA or EC public JWK; an oct JWK gives its secret's bytes, as jose's does. */
export function importJWK(jwk: JWK, alg?: string, options?: KeyCacheOptions): Promise<PublicKey | Uint8Array>;
/** jose's importSPKI: an Ed25519, RSA or EC "PUBLIC KEY" PEM, for `alg`. */
export function importSPKI(spki: string, alg: string, options?: KeyCacheOptions): Promise<PublicKey>;
/** jose's importX509: the public key of a "CERTIFICATE" PEM, for `alg`. */
export function importX509(x509: string, alg: string, options?: KeyCacheOptions): Promise<PublicKey>;

export interface FlattenedJWSInput {
  payload: string;
  protected?: string;
  signature: string;
}
export type GetKeyFunction = (
  protectedHeader: ProtectedHeaderParameters,
  token: FlattenedJWSInput,
) => Promise<PublicKey | JWK> | PublicKey | JWK;

/**
 * A key, a public JWK, a Node KeyObject, a WebCrypto CryptoKey (async calls
 * only), an HMAC secret's bytes, or a get-key function.
 */
export type VerifyKey = PublicKey | JWK | { readonly type: string } | Uint8Array | GetKeyFunction;

export interface VerifyOptions {
  algorithms?: string[];
  crit?: Record<string, boolean>;
}

export interface JWTClaimVerificationOptions {
  audience?: string | string[];
  clockTolerance?: string | number;
  currentDate?: Date;
  issuer?: string | string[];
  maxTokenAge?: string | number;
  requiredClaims?: string[];
  subject?: string;
  typ?: string;
}

export type JWTVerifyOptions = VerifyOptions & JWTClaimVerificationOptions;

export interface JWTVerifyResult<PayloadType = JWTPayload> {
  payload: PayloadType & JWTPayload;
  protectedHeader: ProtectedHeaderParameters;
  /** Present when the key came from a get-key function (a JWK Set), as in jose. */
  key?: PublicKey;
}

export interface CompactVerifyResult {
  payload: Uint8Array;
  protectedHeader: ProtectedHeaderParameters;
  key?: PublicKey;
}

export function jwtVerify<PayloadType = JWTPayload>(
  jwt: string | Uint8Array,
  key: VerifyKey,
  options?: JWTVerifyOptions,
): Promise<JWTVerifyResult<PayloadType>>;

/**
 * jwtVerify without a Promise (edjwt's own): a key, a public JWK, a secret, or
 * a set from createLocalJWKSet. RSA, EC and HMAC keys need node:crypto (Node);
 * where only WebCrypto exists they are a TypeError that says to use jwtVerify.
 */
export function jwtVerifySync<PayloadType = JWTPayload>(
  jwt: string | Uint8Array,
  key: PublicKey | JWK | { readonly type: string } | Uint8Array | LocalJWKSet,
  options?: JWTVerifyOptions,
): JWTVerifyResult<PayloadType>;

export function compactVerify(jws: string | Uint8Array, key: VerifyKey, options?: VerifyOptions): Promise<CompactVerifyResult>;

/** Raw Ed25519 with libsodium's strict rules; wrong lengths give false. */
export function ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;

export interface LocalJWKSet {
  (protectedHeader?: ProtectedHeaderParameters, token?: FlattenedJWSInput): Promise<PublicKey>;
  jwks(): JSONWebKeySet;
}

export function createLocalJWKSet(jwks: JSONWebKeySet, options?: KeyCacheOptions): LocalJWKSet;

export interface RemoteJWKSetOptions extends KeyCacheOptions {
  timeoutDuration?: number;
  cooldownDuration?: number;
  cacheMaxAge?: number;
  headers?: Record<string, string>;
}

export interface RemoteJWKSet {
  (protectedHeader?: ProtectedHeaderParameters, token?: FlattenedJWSInput): Promise<PublicKey>;
  readonly coolingDown: boolean;
  readonly fresh: boolean;
  readonly reloading: boolean;
  reload(): Promise<void>;
  jwks(): JSONWebKeySet | undefined;
}

export function createRemoteJWKSet(url: URL, options?: RemoteJWKSetOptions): RemoteJWKSet;

export interface ExpiryOptions {
  currentDate?: Date;
  /** Seconds, or a span such as "30s". */
  clockTolerance?: number | string;
  /** Milliseconds the issuer's clock is ahead of this one. */
  clockOffset?: number;
}

export interface Expiry {
  expiresAt: Date | null;
  notBefore: Date | null;
  issuedAt: Date | null;
  expiresInMs: number | null;
  lifetimeMs: number | null;
  expired: boolean;
  notYetValid: boolean;
  state: 'not_yet_valid' | 'valid' | 'expiring' | 'expired';
}

/** A token's (or claims object's) expiry, unverified; "expired" agrees with jwtVerify at that instant. */
export function getExpiry(tokenOrClaims: string | JWTPayload, options?: ExpiryOptions): Expiry;
export function isExpired(token: string, options?: ExpiryOptions): boolean;

/** The refresh policy (milliseconds); see README "TokenSession" for the defaults and why. */
export interface RefreshPolicy {
  refreshLeadMs: number;
  refreshAtLifetime: number;
  minRefreshGapMs: number;
  jitterMs: number;
  jitterLifetime: number;
  retryInitialMs: number;
  retryMaxMs: number;
}

/** What a refresh callback throws to say why it failed; `fatal` ends the session. */
export class RefreshError extends Error {
  constructor(code: string, options?: { fatal?: boolean; cause?: unknown });
  readonly code: string;
  readonly fatal: boolean;
}

/** Thrown by getToken()/refreshNow() after the session ended. */
export class SessionEnded extends errors.JOSEError {}

export interface TokenSessionOptions {
  refresh: (context: { signal: AbortSignal }) => Promise<{ accessToken: string; serverDate?: Date | string | number }>;
  key?: PublicKey | JWK | { readonly type: string };
  jwks?: LocalJWKSet | RemoteJWKSet;
  verifyOptions?: JWTVerifyOptions;
  policy?: Partial<RefreshPolicy>;
  refreshTimeoutMs?: number;
  /** Cross-tab channel name; default "edjwt-session" in browsers, off in Node. false turns it off. */
  channel?: string | false;
  locks?: { request: (...args: unknown[]) => Promise<unknown> };
  random?: () => number;
  clock?: { now(): number; setTimeout(fn: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
}

export interface TokenSessionEventMap {
  refreshed: CustomEvent<{ claims: JWTPayload; expiresAt: Date | null; clockOffsetMs: number; source: 'start' | 'refresh' | 'tab' }>;
  expiring: CustomEvent<{ expiresAt: Date | null }>;
  expired: CustomEvent<{ expiredAt: Date | null }>;
  error: CustomEvent<{ code: string; error: unknown; fatal: boolean; attempt: number; nextRetryAt: Date | null }>;
  ended: CustomEvent<{ reason: 'stopped' | 'fatal' | 'revoked' | string; code?: string }>;
}

export class TokenSession extends EventTarget {
  constructor(options: TokenSessionOptions);
  readonly state: 'idle' | 'active' | 'refreshing' | 'retrying' | 'expired' | 'ended';
  readonly claims: JWTPayload | undefined;
  readonly expiresAt: Date | null;
  readonly nextRefreshAt: Date | null;
  readonly clockOffsetMs: number;
  /** `serverDate`: a server Date header read just now, the only clock evidence a restored token can bring. */
  start(token?: string, options?: { serverDate?: Date | string | number }): Promise<void>;
  getToken(): Promise<string>;
  /** Refreshes at once; resolves to a token issued after the call (shares a refresh in flight). */
  refreshNow(): Promise<string>;
  end(reason?: string, code?: string): void;
  stop(): void;
  addEventListener<K extends keyof TokenSessionEventMap>(
    type: K,
    listener: (event: TokenSessionEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
}
