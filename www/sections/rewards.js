// "Rewards": a product page's share-and-earn widget computed on the device by
// previewRewards: the sharer's "分享赚" badge with its breakdown, the buyer's price, points
// and tier progress, all from the rules on the left (edit them, or load a backend preset).
import { previewRewards, isShareEarnError } from '/pkg/index.js';

const $ = (id) => document.getElementById(id);
const yuan = (fen) => (fen / 100).toFixed(2);

const TIERS = { levels: [
  { name: 'Silver', threshold: 0 },
  { name: 'Gold', threshold: 5000, pointsMultiplier: 1.5, commissionRates: ['12%', '6%'] },
  { name: 'Platinum', threshold: 20000, pointsMultiplier: 2, discount: '95%' },
] };

/** Example rules per preset: the same shop, in each backend's terms. */
const EXAMPLES = {
  generic: { version: 1, commission: { levels: ['10%', '5%'], base: 'paid', rounding: 'down', capShareOfLine: '50%' },
    points: { earnPerYuan: 1, redeem: { valuePerPoint: 1, maxShare: '50%', step: 100 } }, tiers: TIERS,
    invites: { rewardPoints: 50, ladder: [{ invites: 3, bonus: 500 }, { invites: 10, bonus: 3000 }] } },
  'crmeb-php': { version: 1, preset: 'crmeb-php', commission: { levels: ['10%', '5%'], base: 'paid', shipping: true },
    points: { earnPerYuan: 1, redeem: { valuePerPoint: 1, maxPoints: 10000 } }, tiers: TIERS },
  'crmeb-java': { version: 1, preset: 'crmeb-java', commission: { levels: ['10%', '5%'] }, points: { earnPerYuan: 1 }, tiers: TIERS },
  yudao: { version: 1, preset: 'yudao', commission: { levels: ['10%', '5%'] }, points: { earnPerYuan: 1 }, tiers: TIERS },
  likeshop: { version: 1, preset: 'likeshop', commission: { levels: ['10%', '5%'] }, points: { earnPerYuan: 1 }, tiers: TIERS },
};

function cart() {
  return {
    lines: [{ sku: 'down-jacket-m', product: 'down-jacket', category: 'coats',
      price: Math.round(Number($('r-price').value) * 100), quantity: Number($('r-qty').value) }],
    coupon: Math.round(Number($('r-coupon').value) * 100),
    points: Number($('r-points').value),
  };
}

function context() {
  const sharing = $('r-shared').checked;
  return {
    buyer: { growth: Number($('r-growth').value), points: 5000 },
    sharers: sharing ? [{ id: 'sharer', tier: $('r-sharer-tier').value }, { id: 'inviter' }] : [],
    invites: { qualified: 4, today: 1 },
    today: new Date().toISOString().slice(0, 10),
  };
}

let calls = 0;

function render() {
  const lang = $('r-lang').value;
  const out = $('r-error');
  out.textContent = '';
  $('r-rules').classList.remove('invalid');
  let p;
  const first = calls++ === 0;
  try {
    const t0 = performance.now();
    p = previewRewards($('r-rules').value, cart(), context());
    const ms = performance.now() - t0;
    // The page's first call also compiles the code it runs; say so rather than show it as
    // what a preview costs.
    $('r-time').textContent = `previewRewards ${ms.toFixed(2)} ms${first ? ' (first call)' : ''}`;
  } catch (error) {
    $('r-rules').classList.add('invalid');
    // The message leads with the path already; drop the code prefix and the "(at …)" tail.
    out.textContent = isShareEarnError(error)
      ? `${error.code}: ${error.message.replace(/^[A-Z_]+: /, '').replace(/ \(at [^)]*\)$/, '')}`
      : String(error);
    return;
  }
  const text = (key) => p.explain.find((e) => e.key === key)?.[lang] ?? '';
  $('r-badge').textContent = p.sharer ? text('sharer.earn') : '';
  $('r-badge').hidden = !p.sharer;
  $('r-price-now').textContent = `¥${yuan(p.buyer.payable)}`;
  $('r-list').textContent = p.buyer.list > p.buyer.payable ? `¥${yuan(p.buyer.list)}` : '';
  const facts = [];
  if (p.sharer) {
    p.sharer.levels.forEach((fen, i) => facts.push([lang === 'zh' ? `${i + 1}级佣金` : `Level ${i + 1}`, `¥${yuan(fen)}`]));
    facts.push([lang === 'zh' ? '分享单件最高' : 'Earn up to (1 unit)', `¥${yuan(p.sharer.earnUpTo)}`]);
    if (p.sharer.limits.length) facts.push([lang === 'zh' ? '封顶' : 'Capped', p.sharer.limits.map((l) => l.kind).join(', ')]);
  }
  facts.push([lang === 'zh' ? '优惠券' : 'Coupon', `−¥${yuan(p.buyer.coupon)}`]);
  facts.push([lang === 'zh' ? '积分抵扣' : 'Points', `${p.buyer.pointsUsed} → −¥${yuan(p.buyer.pointsDeduction)}`]);
  facts.push([lang === 'zh' ? '得积分' : 'Points earned', String(p.buyer.pointsEarned)]);
  $('r-facts').innerHTML = facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('');
  const tier = p.buyer.tier;
  if (tier) {
    const next = tier.next ? tier.growth + tier.remaining : tier.growth;
    $('r-tier-bar').value = next ? tier.growth / next : 1;
    $('r-tier').textContent = tier.next
      ? `${tier.tier} · ${text('buyer.tierNext')}`
      : `${tier.tier}`;
  }
  $('r-explain').innerHTML = p.explain.map((e) => `<li><code>${e.key}</code> ${e[lang]}</li>`).join('');
}

export function setupRewards() {
  const load = () => {
    $('r-rules').value = JSON.stringify(EXAMPLES[$('r-preset').value], null, 2);
    render();
  };
  $('r-preset').addEventListener('change', load);
  for (const id of ['r-rules', 'r-price', 'r-qty', 'r-coupon', 'r-points', 'r-growth', 'r-shared', 'r-sharer-tier', 'r-lang']) {
    $(id).addEventListener('input', render);
  }
  load();
}
