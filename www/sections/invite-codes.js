// "Invite codes": member codes, vouchers, share links, scenes and attribution, each wired to
// the package's functions. Errors are shown with their stable code, as an app would.
import {
  MemberCodec,
  formatMemberCode,
  generateVouchers,
  buildShareLink,
  parseShareLink,
  packScene,
  parseScene,
  rememberReferral,
  forgetReferral,
  currentReferral,
  isShareEarnError,
} from '/pkg/index.js';

const $ = (id) => document.getElementById(id);
const DAY_MS = 86_400_000;

/** Shows a value, or an error with its code, in an output element. */
function show(el, fn, { html = false } = {}) {
  try {
    const value = fn();
    el.className = el.className.replace(/\b(ok|error)\b/g, '').trim();
    if (html) el.innerHTML = value;
    else el.textContent = value;
    return true;
  } catch (error) {
    el.classList.add('error');
    el.textContent = isShareEarnError(error)
      ? `${error.code}${error.path ? ` at ${error.path}` : ''}: ${error.message.replace(/^[A-Z_]+: /, '')}`
      : String(error);
    return false;
  }
}

const escape = (s) => s.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

function memberCodes() {
  const codec = () => new MemberCodec({ secret: $('mc-secret').value, minLength: Number($('mc-min-length').value) });
  const encode = () => {
    show($('mc-code'), () => {
      const code = codec().encode(Number($('mc-id').value));
      $('mc-input').value = formatMemberCode(code);
      return `<span class="big">${escape(formatMemberCode(code))}</span>`;
    }, { html: true });
    show($('mc-neighbours'), () => {
      const c = codec();
      const id = Number($('mc-id').value);
      return [1, 2, 3].map((d) => `${id + d} → ${c.encode(id + d)}`).join('  ·  ');
    });
    decode();
  };
  const decode = () => {
    const input = $('mc-input').value;
    if (!input.trim()) {
      $('mc-decoded').textContent = '';
      return;
    }
    if (show($('mc-decoded'), () => `✓ member ${codec().decode(input)}`)) $('mc-decoded').classList.add('ok');
  };
  $('mc-encode').addEventListener('click', encode);
  for (const id of ['mc-secret', 'mc-min-length']) $(id).addEventListener('input', encode);
  $('mc-input').addEventListener('input', decode);
  encode();
}

function vouchers() {
  const generate = () => {
    let batch = null;
    show($('v-summary'), () => {
      batch = generateVouchers({
        pattern: $('v-pattern').value,
        count: Number($('v-count').value),
        charset: $('v-charset').value || undefined,
      });
      const p = batch.collisionProbability;
      return `${batch.codes.length} unique codes. Without the uniqueness check, a batch this size would have ` +
        `repeated a code with probability ${p < 1e-4 ? p.toExponential(2) : p.toFixed(4)}.`;
    });
    $('v-codes').textContent = batch ? batch.codes.slice(0, 300).join('\n') : '';
  };
  $('v-generate').addEventListener('click', generate);
  generate();
}

function shareLinks() {
  const build = () => {
    const ok = show($('l-link'), () =>
      buildShareLink($('l-base').value, {
        code: $('l-code').value,
        campaign: $('l-campaign').value,
        channel: $('l-channel').value,
        utm: { source: $('l-utm-source').value },
      }),
    );
    if (ok) {
      $('l-parse-input').value = $('l-link').textContent;
      parse();
    }
  };
  const parse = () => show($('l-parsed'), () => JSON.stringify(parseShareLink($('l-parse-input').value), null, 2));
  $('l-build').addEventListener('click', build);
  $('l-parse').addEventListener('click', parse);
  build();
}

function scenes() {
  const pack = () => {
    const ok = show($('s-scene'), () => {
      const scene = packScene({ code: $('s-code').value, campaign: $('s-campaign').value, channel: $('s-channel').value });
      return `${scene}   (${scene.length}/32)`;
    });
    show($('s-parsed'), () => (ok ? JSON.stringify(parseScene($('s-scene').textContent.split(' ')[0]), null, 2) : ''));
  };
  $('s-pack').addEventListener('click', pack);
  pack();
}

function attribution() {
  const policy = () => {
    const model = $('a-model').value;
    return {
      model,
      windowDays: model === 'firstTouch' ? undefined : Number($('a-days').value) || undefined,
      selfCode: $('a-self').value || undefined,
    };
  };
  const describe = (record) =>
    record
      ? `${record.code} since ${new Date(record.attributedAtMs).toLocaleString()}` +
        (record.expiresAtMs ? `, until ${new Date(record.expiresAtMs).toLocaleString()}` : ', permanently')
      : 'nobody';
  $('a-visit').addEventListener('click', () =>
    show($('a-decision'), () => {
      const now = Date.now() + Number($('a-offset').value) * DAY_MS;
      const d = rememberReferral({ code: $('a-code').value }, policy(), { now });
      return `${d.action} (${d.reason}): credit goes to ${describe(d.record)}`;
    }),
  );
  $('a-forget').addEventListener('click', () => {
    forgetReferral();
    $('a-decision').textContent = `forgotten: credit goes to ${describe(currentReferral())}`;
  });
  $('a-decision').textContent = `stored now: ${describe(currentReferral())}`;
}

export function setupInviteCodes() {
  memberCodes();
  vouchers();
  shareLinks();
  scenes();
  attribution();
}
