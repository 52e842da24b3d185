// Workload W4 (reward previews), the peer: what a storefront writes without share-earn, the
// preview hand-written in JavaScript for the one rule set of benches/data/rewards-50.json.
// It is written with care — integer fen, `Math.floor` on exact integers, points needed
// rounded up — so that it agrees to the fen with share-earn; its check compares both with the
// totals recorded in the data file. What it does not do is everything else share-earn does:
// other rule sets, presets, validation with paths, explanation lines, tier and invite rules
// beyond this file's, and running the server's own code.
//
// Run with `BENCH_WORKLOADS=w4 pkg-scripts/bench.sh browser`.
import data from '../data/rewards-50.json';

const PPM = 1_000_000;

// A rate as text ("10%") or a fraction, in parts per million.
const ppm = (r) => (typeof r === 'string' ? Math.round(Number(r.replace('%', '')) * 10_000) : Math.round(r * PPM));
// floor(amount × rate): amounts and ppm are small enough here for exact doubles (< 2^53).
const mulRate = (amount, rate) => Math.floor((amount * rate) / PPM);

// Split `amount` by `weights`: floor each part, the last takes the remainder.
function splitLast(amount, weights) {
  const total = weights.reduce((a, b) => a + b, 0);
  if (amount === 0 || total === 0) return weights.map(() => 0);
  const parts = weights.map((w) => Math.floor((amount * w) / total));
  parts[parts.length - 1] += amount - parts.reduce((a, b) => a + b, 0);
  return parts;
}

function compile(rules) {
  const c = rules.commission;
  return {
    levels: c.levels.map(ppm),
    overrides: new Map(c.overrides.map((o) => [o.category, o.rates.map(ppm)])),
    capShare: ppm(c.capShareOfLine),
    earnPerYuan: ppm(rules.points.earnPerYuan),
    maxShare: ppm(rules.points.redeem.maxShare),
    tiers: rules.tiers.levels.map((t) => ({
      name: t.name, threshold: t.threshold,
      discount: t.discount ? ppm(t.discount) : null,
      pointsMultiplier: t.pointsMultiplier ? ppm(t.pointsMultiplier) : PPM,
    })),
  };
}

export function preview(rules, cart, context) {
  const r = compile(rules);
  const buyer = context.buyer ?? {};
  const tier = r.tiers.find((t) => t.name === buyer.tier);
  const lines = cart.lines.map((l) => {
    const unit = tier?.discount != null ? mulRate(l.price, tier.discount) : l.price;
    return { list: l.price * l.quantity, unit, subtotal: unit * l.quantity, coupon: 0, points: 0, shipping: 0, paid: 0 };
  });
  const subtotal = lines.reduce((a, l) => a + l.subtotal, 0);
  const coupon = Math.min(cart.coupon ?? 0, subtotal);
  splitLast(coupon, lines.map((l) => l.subtotal)).forEach((c, i) => { lines[i].coupon = c; });
  const bill = subtotal - coupon;
  // Points: 1 point = 1 fen here; at most the balance and half the bill.
  const cap = Math.min(bill, mulRate(bill, r.maxShare));
  const pointsUsed = Math.min(cart.points ?? 0, buyer.points ?? 0, cap);
  splitLast(pointsUsed, lines.map((l) => l.subtotal - l.coupon)).forEach((p, i) => {
    lines[i].points = p;
    lines[i].paid = lines[i].subtotal - lines[i].coupon - p;
  });
  splitLast(cart.shipping ?? 0, lines.map((l) => l.paid)).forEach((s, i) => { lines[i].shipping = s; });
  const shipping = lines.reduce((a, l) => a + l.shipping, 0);
  const paid = lines.reduce((a, l) => a + l.paid, 0);

  const rateOf = (line, level) => (r.overrides.get(line.category) ?? r.levels)[level];
  const sharers = context.sharers ?? [];
  const levels = r.levels.map(() => 0);
  const perLine = cart.lines.map((line, i) => r.levels.map((_, level) => {
    if (!sharers[level]) return 0;
    const v = Math.min(mulRate(lines[i].paid, rateOf(line, level)), mulRate(lines[i].paid, r.capShare));
    levels[level] += v;
    return v;
  }));
  let earnUpTo = 0;
  for (const line of cart.lines) {
    earnUpTo = Math.max(earnUpTo, Math.min(mulRate(line.price, rateOf(line, 0)), mulRate(line.price, r.capShare)));
  }
  // Points per yuan × the tier's multiplier, rounded down once (BigInt: the product passes 2^53).
  const mult = BigInt(tier?.pointsMultiplier ?? PPM);
  const pointsEarned = Number((BigInt(paid) * BigInt(r.earnPerYuan) * mult) / BigInt(100 * PPM * PPM));
  const growth = Math.floor(paid / 100);
  const after = (buyer.growth ?? 0) + growth;
  const reached = r.tiers.filter((t) => t.threshold <= after).pop();
  const next = r.tiers.find((t) => t.threshold > after);
  return {
    buyer: {
      subtotal, coupon, pointsUsed, pointsDeduction: pointsUsed, shipping, payable: bill - pointsUsed + shipping,
      lines, pointsEarned, growth,
      tier: { tier: reached?.name ?? null, next: next?.name ?? null, remaining: next ? next.threshold - after : 0, growth: after },
    },
    sharer: { levels, lines: perLine, earnUpTo },
  };
}

export default {
  id: 'w4-hand-js',
  workload: 'W4',
  library: 'hand-written JavaScript, this rule set only',
  defaults: { warmup: 200, iterations: 30 },
  async setup() {},
  cases: data.bench.map((c) => ({
    name: c.name,
    label: c.label,
    run: () => preview(data.rules, { ...data.cart, ...c.cart, lines: c.lines ? c.lines.map((i) => data.cart.lines[i]) : data.cart.lines }, data.context),
    check: (p) => check(p, c.expect),
  })),
};

// The same check as share-earn's module: the totals recorded in the data file.
export function check(p, expect) {
  const got = {
    payable: p.buyer.payable, pointsUsed: p.buyer.pointsUsed, pointsEarned: p.buyer.pointsEarned,
    growth: p.buyer.growth, tier: p.buyer.tier?.tier, levels: p.sharer.levels, earnUpTo: p.sharer.earnUpTo,
  };
  return { ok: JSON.stringify(got) === JSON.stringify(expect), info: { got, expect } };
}
