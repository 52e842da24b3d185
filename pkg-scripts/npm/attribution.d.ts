import type {
  AttributionDecision,
  AttributionPolicy,
  AttributionRecord,
  AttributionTouch,
  ParseShareLinkOptions,
} from './share_earn.js';

/** Where the referral is kept: `localStorage`, `sessionStorage`, or an adapter of yours. */
export interface AttributionStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface AttributionStorageOptions {
  /** Storage key. Default: `"share-earn:attribution"`. */
  key?: string;
  /** Default: `globalThis.localStorage`, or none when it is unavailable. */
  storage?: AttributionStorage | null;
  /** The clock, ms since 1970. Default: `Date.now()`. */
  now?: number;
}

export interface RememberReferralOptions extends AttributionStorageOptions {
  /** Query keys, when `incoming` is a URL that uses other names than `ref`, `campaign`, `channel`. */
  linkOptions?: ParseShareLinkOptions;
}

export type RememberedReferral = AttributionDecision & {
  /** Whether storage now holds what the decision says (false when storage is unavailable or full). */
  persisted: boolean;
};

export declare const DEFAULT_ATTRIBUTION_KEY: 'share-earn:attribution';

/**
 * Records a visit: decides with `policy` whether `incoming` (a landing URL, a parsed share
 * link or scene, or null) takes the credit, and updates storage.
 * @throws ShareEarnError `LINK_BAD_URL` / `LINK_BAD_SCHEME` for a bad URL, `ATTRIBUTION_INVALID`
 *   for a bad policy or clock. A corrupt stored record counts as absent.
 */
export declare function rememberReferral(
  incoming: string | AttributionTouch | null | undefined,
  policy: AttributionPolicy,
  options?: RememberReferralOptions,
): RememberedReferral;

/** The referral in force now, or null (none stored, or it lapsed). */
export declare function currentReferral(options?: AttributionStorageOptions): AttributionRecord | null;

/** Removes the stored referral. */
export declare function forgetReferral(options?: Omit<AttributionStorageOptions, 'now'>): void;
