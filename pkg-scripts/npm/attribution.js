// Persisting attribution: who referred this visitor, kept in localStorage (or any storage
// with getItem / setItem / removeItem, such as an adapter over wx.getStorageSync).
//
// The decision itself is `decideAttribution`, a pure function of the Rust core; this file
// only reads and writes the stored record. A stored record that is not valid JSON or that
// the core rejects (edited by hand, written by a broken version) counts as absent rather
// than blocking every later visit.
import { decideAttribution, parseShareLink } from './share_earn.js';

export const DEFAULT_ATTRIBUTION_KEY = 'share-earn:attribution';

function defaultStorage() {
  // Reading `localStorage` throws in sandboxed iframes and with storage disabled.
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function readRaw(storage, key) {
  if (!storage) return null;
  try {
    const text = storage.getItem(key);
    return text == null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

function decide(existing, incoming, now, policy) {
  try {
    return decideAttribution(existing, incoming, now, policy);
  } catch (error) {
    if (existing !== null && error?.code === 'ATTRIBUTION_INVALID' && error.path?.startsWith('existing')) {
      return decideAttribution(null, incoming, now, policy);
    }
    throw error;
  }
}

function write(storage, key, decision) {
  if (!storage) return false;
  try {
    if (decision.action === 'store') storage.setItem(key, JSON.stringify(decision.record));
    else if (decision.action === 'clear') storage.removeItem(key);
    return true;
  } catch {
    // Quota exceeded, or storage disabled (Safari private browsing in old versions).
    return false;
  }
}

/**
 * Records a visit: decides with `policy` whether `incoming` (a landing URL, a parsed
 * share link or scene, or null) takes the credit, and updates storage accordingly.
 * Returns the decision plus `persisted`: whether storage now reflects it.
 */
export function rememberReferral(incoming, policy, options = {}) {
  const { key = DEFAULT_ATTRIBUTION_KEY, storage = defaultStorage(), now = Date.now() } = options;
  const touch = typeof incoming === 'string' ? parseShareLink(incoming, options.linkOptions) : (incoming ?? null);
  const decision = decide(readRaw(storage, key), touch, now, policy);
  const persisted = decision.action === 'keep' ? storage !== null : write(storage, key, decision);
  return { ...decision, persisted };
}

/** The referral in force now, or null (none stored, or it lapsed). */
export function currentReferral(options = {}) {
  const { key = DEFAULT_ATTRIBUTION_KEY, storage = defaultStorage(), now = Date.now() } = options;
  // With no incoming referral, every model keeps a live record and drops a lapsed one.
  const decision = decide(readRaw(storage, key), null, now, { model: 'lastTouch' });
  return decision.record ?? null;
}

/** Removes the stored referral (e.g. after the order that used it is placed). */
export function forgetReferral(options = {}) {
  const { key = DEFAULT_ATTRIBUTION_KEY, storage = defaultStorage() } = options;
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do: storage is unavailable.
  }
}
