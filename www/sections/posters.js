// "Posters": the template playground. The two editors' text goes to renderPoster as it is,
// JSON strings and all, so a syntax error comes back from the package exactly as it would
// for a broken template fetched from a server: TEMPLATE_INVALID at `template`.
import { renderPoster, isShareEarnError } from '/pkg/index.js';

const $ = (id) => document.getElementById(id);

// A poster takes a few hundred milliseconds to draw and typing fires an event per key:
// redraw once the burst has settled.
const DEBOUNCE_MS = 250;
const FETCH_TIMEOUT_MS = 30_000;

/** Each example's folder under /examples/ and the images in its assets/ folder. */
const EXAMPLES = {
  'w2-product': ['bg.jpg', 'product.jpg', 'avatar.jpg', 'logo.png'],
  'invite-card': ['bg.jpg', 'avatar.jpg', 'logo.png'],
  coupon: ['bg.png', 'product.jpg', 'logo.png'],
  'photo-exif': ['photo.jpg'],
};
/** Shared by every example; templates name them in `fonts`. */
const FONTS = ['NotoSansSC-Regular.otf', 'NotoSansSC-Bold.otf'];

const state = {
  example: '',
  original: {}, // example -> { template, data }, as fetched
  edited: {}, // example -> { template, data }, as last typed
  assets: {}, // example -> Promise of { assets, sizes, problems }
  fonts: null, // Promise of the same, for FONTS
  url: null, // object URL of the poster on show
  good: null, // the inputs that drew it, for the downloads
  timer: 0,
  run: 0, // bumped by every render request, so that an older one still waiting gives up
};

const kb = (n) => (n < 1024 * 1024 ? `${Math.round(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);
const nextFrame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));

async function fetchOk(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

/** Fetches files by name; one that fails is reported and left out, not fatal. */
async function fetchAll(base, names) {
  const results = await Promise.allSettled(
    names.map(async (name) => new Uint8Array(await (await fetchOk(`${base}${name}`)).arrayBuffer())),
  );
  const out = { assets: {}, sizes: [], problems: [] };
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') {
      out.assets[names[i]] = r.value;
      out.sizes.push([names[i], r.value.length]);
    } else {
      out.problems.push(`${names[i]}: ${r.reason?.name === 'TimeoutError' ? 'timed out' : r.reason?.message}`);
    }
  });
  return out;
}

/** The example's images and the fonts, fetched once per example (the fonts once in all). */
function assetsOf(name) {
  state.fonts ??= fetchAll('/examples/fonts/', FONTS);
  state.assets[name] ??= Promise.all([fetchAll(`/examples/${name}/assets/`, EXAMPLES[name]), state.fonts]).then(
    ([images, fonts]) => ({
      assets: { ...images.assets, ...fonts.assets },
      sizes: images.sizes,
      fontBytes: fonts.sizes.reduce((sum, [, n]) => sum + n, 0),
      problems: [...images.problems, ...fonts.problems],
    }),
  );
  return state.assets[name];
}

function showAssets(info) {
  const out = $('p-assets');
  const list = info.sizes.map(([name, n]) => `${name} (${kb(n)})`).join(', ');
  out.replaceChildren(
    'Assets, by the names templates use: ',
    Object.assign(document.createElement('span'), { className: 'mono', textContent: list || 'none' }),
    `, and the fonts ${FONTS.join(', ')} (${kb(info.fontBytes)} together).`,
  );
  for (const problem of info.problems) {
    out.append(document.createElement('br'), Object.assign(document.createElement('span'), {
      className: 'error', textContent: `Could not load ${problem}`,
    }));
  }
}

// ---- finding a path such as `elements[3].font.size` in the editor's JSON text ----

/** Index of the first non-space character at or after `i`. */
function skipSpace(text, i) {
  while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  return i;
}

/** Index just after the JSON value that starts at `i` (tolerant: it only has to find ends). */
function skipValue(text, i) {
  if (text[i] === '"') {
    for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    return i + 1;
  }
  if (text[i] === '{' || text[i] === '[') {
    for (let depth = 0; i < text.length; i++) {
      if (text[i] === '"') i = skipValue(text, i) - 1;
      else if (text[i] === '{' || text[i] === '[') depth++;
      else if ((text[i] === '}' || text[i] === ']') && --depth === 0) return i + 1;
    }
    return i;
  }
  return i + /^[^,\]}\s]*/.exec(text.slice(i))[0].length;
}

/**
 * Where the value at `path` lies in `text`: `[start, end]` of the deepest part of the path
 * that exists (an unknown key's parent, say), or null when the text is not JSON enough.
 */
function locate(text, path) {
  const keys = [...path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[2]));
  let i = skipSpace(text, 0);
  let found = [i, skipValue(text, i)];
  for (const key of keys) {
    const open = text[i];
    if (open !== '{' && open !== '[') return found;
    let j = skipSpace(text, i + 1);
    let index = 0;
    let hit = -1;
    while (j < text.length && text[j] !== '}' && text[j] !== ']') {
      let name = index;
      if (open === '{') {
        const end = skipValue(text, j);
        try {
          name = JSON.parse(text.slice(j, end));
        } catch {
          return found;
        }
        j = skipSpace(text, end);
        if (text[j] !== ':') return found;
        j = skipSpace(text, j + 1);
      }
      if (name === key) {
        hit = j;
        break;
      }
      j = skipSpace(text, skipValue(text, j));
      if (text[j] !== ',') return found;
      j = skipSpace(text, j + 1);
      index++;
    }
    if (hit < 0) return found;
    i = hit;
    found = [i, skipValue(text, i)];
  }
  return found;
}

/** The y offset of character `pos` in a (soft-wrapping) textarea's content, measured on a copy. */
function offsetOf(textarea, pos) {
  const style = getComputedStyle(textarea);
  const mirror = document.createElement('div');
  for (const prop of ['font', 'lineHeight', 'letterSpacing', 'tabSize', 'paddingLeft', 'paddingRight', 'wordSpacing']) {
    mirror.style[prop] = style[prop];
  }
  Object.assign(mirror.style, {
    position: 'absolute', visibility: 'hidden', top: '0', left: '-9999px', whiteSpace: 'pre-wrap',
    overflowWrap: 'break-word', boxSizing: 'content-box', border: '0', paddingTop: '0', paddingBottom: '0',
    width: `${textarea.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)}px`,
  });
  const marker = document.createElement('span');
  marker.textContent = '\u200b';
  mirror.append(textarea.value.slice(0, pos), marker);
  document.body.append(mirror);
  const y = marker.offsetTop;
  mirror.remove();
  return y;
}

/** Selects `[start, end)` of a textarea and scrolls it into view. */
function reveal(textarea, start, end) {
  textarea.focus({ preventScroll: true });
  textarea.setSelectionRange(start, end);
  textarea.scrollTop = Math.max(0, offsetOf(textarea, start) - textarea.clientHeight / 3);
  textarea.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
}

/** A small button that selects `path` in the template editor, or plain code text. */
function pathLink(path, editor = 'p-template') {
  const textarea = $(editor);
  const where = locate(textarea.value, path.replace(/^(template|data)\.?/, ''));
  const code = Object.assign(document.createElement('code'), { textContent: path });
  if (!where) return code;
  const button = Object.assign(document.createElement('button'), {
    type: 'button', className: 'link', title: `Select ${path} in the ${editor === 'p-data' ? 'data' : 'template'}`,
  });
  button.append(code);
  button.addEventListener('click', () => reveal(textarea, ...where));
  return button;
}

// ---- rendering ----

function readInputs() {
  return {
    example: state.example,
    template: $('p-template').value,
    data: $('p-data').value,
    pixelRatio: Number($('p-ratio').value),
    debug: $('p-debug').checked,
  };
}

function draw(inputs, assets, format) {
  const options = { format, pixelRatio: inputs.pixelRatio, debug: inputs.debug };
  if (format === 'jpeg') options.quality = 90;
  return renderPoster(inputs.template, inputs.data, assets, options);
}

async function render() {
  const run = ++state.run;
  const info = await assetsOf(state.example);
  if (run !== state.run) return;
  $('p-time').value = 'rendering…';
  await nextFrame(); // let that show before the (synchronous) render holds the thread
  if (run !== state.run) return;
  const inputs = readInputs();
  try {
    const t0 = performance.now();
    const poster = draw(inputs, info.assets, 'png');
    showPoster(poster, inputs, performance.now() - t0);
  } catch (error) {
    showError(error);
  }
}

function schedule(delay = DEBOUNCE_MS) {
  clearTimeout(state.timer);
  state.run++; // a render waiting for its frame is now out of date
  state.timer = setTimeout(render, delay);
}

function clearMarks() {
  for (const id of ['p-template', 'p-data', 'p-ratio']) $(id).classList.remove('invalid');
  $('p-template-error').replaceChildren();
  $('p-data-error').replaceChildren();
}

function showPoster(poster, inputs, ms) {
  clearMarks();
  if (state.url) URL.revokeObjectURL(state.url);
  state.url = URL.createObjectURL(new Blob([poster.bytes], { type: 'image/png' }));
  state.good = inputs;
  const img = $('p-img');
  img.src = state.url;
  img.hidden = false;
  $('p-placeholder').hidden = true;
  $('p-stage').classList.remove('stale');
  $('p-error').replaceChildren();
  $('p-download-png').disabled = $('p-download-jpeg').disabled = false;
  $('p-time').value = `${ms.toFixed(0)} ms`;

  const ratio = poster.pixelRatio;
  const facts = [
    ['Poster', `${Math.round(poster.width / ratio)}×${Math.round(poster.height / ratio)} px in the template`],
    ['Pixels', `${poster.width}×${poster.height} (pixel ratio ${ratio})`],
    ['PNG', `${poster.bytes.length.toLocaleString()} bytes`],
    ['renderPoster', `${ms.toFixed(1)} ms, in this tab's main thread`],
  ];
  $('p-facts').replaceChildren(
    ...facts.flatMap(([term, value]) => [
      Object.assign(document.createElement('dt'), { textContent: term }),
      Object.assign(document.createElement('dd'), { textContent: value }),
    ]),
  );
  $('p-facts').classList.remove('stale');

  const list = $('p-warnings');
  list.classList.remove('stale');
  list.replaceChildren(
    ...poster.warnings.map((w) => {
      const li = document.createElement('li');
      li.append(Object.assign(document.createElement('strong'), { textContent: w.code }), ' ');
      // The message starts with the element's path; that part becomes a link to it.
      const at = w.element === undefined ? null : `elements[${w.element}]`;
      if (at && w.message.startsWith(`${at}: `)) {
        li.append(pathLink(at), w.message.slice(at.length));
      } else {
        li.append(w.message);
      }
      return li;
    }),
  );
}

/** Line and column (from 1) of offset `pos` in `text`. */
function lineColumn(text, pos) {
  const before = text.slice(0, pos).split('\n');
  return [before.length, before[before.length - 1].length + 1];
}

/** The last good poster stays, dimmed; the error says what and where. */
function showError(error) {
  clearMarks();
  $('p-stage').classList.add('stale');
  $('p-facts').classList.add('stale');
  $('p-warnings').classList.add('stale');
  $('p-download-png').disabled = $('p-download-jpeg').disabled = true;
  $('p-time').value = 'failed';
  const out = $('p-error');
  if (!isShareEarnError(error)) {
    out.replaceChildren(String(error));
    return;
  }
  // The message repeats the code in front and the path at the end; both are shown apart.
  const message = error.message.replace(/^[A-Z_]+: /, '').replace(/ \(at [^()]*\)$/, '');
  const path = error.path ?? '';
  const editor = path === 'data' || path.startsWith('data.') || path.startsWith('data[') ? 'p-data'
    : path.startsWith('options') ? null : 'p-template';
  const parts = [Object.assign(document.createElement('strong'), { textContent: error.code })];
  // A link to the spot, unless the path is the whole editor (a syntax error is pointed at below it).
  const linked = editor && path !== 'template' && path !== 'data';
  if (path) parts.push(' at ', linked ? pathLink(path, editor) : Object.assign(document.createElement('code'), { textContent: path }));
  out.replaceChildren(...parts, document.createElement('br'), message);

  if (path.startsWith('options')) {
    $('p-ratio').classList.add('invalid');
    return;
  }
  if (!editor) return;
  $(editor).classList.add('invalid');
  // A syntax error (path `template` or `data`): point at the spot under its editor.
  const syntax = /is not valid JSON: (.*)$/.exec(message);
  if ((path === 'template' || path === 'data') && syntax) {
    const textarea = $(editor);
    const note = $(`${editor}-error`);
    const pos = /at position (\d+)/.exec(syntax[1]);
    note.replaceChildren(`JSON syntax: ${syntax[1].replace(/( in JSON)? at position \d+( \(line \d+ column \d+\))?$/, '')}`);
    if (pos) {
      const at = Math.min(Number(pos[1]), textarea.value.length);
      const [line, column] = lineColumn(textarea.value, at);
      const button = Object.assign(document.createElement('button'), {
        type: 'button', className: 'link', textContent: `line ${line}, column ${column}`,
      });
      button.addEventListener('click', () => reveal(textarea, at, Math.min(at + 1, textarea.value.length)));
      note.append(' at ', button);
    }
  }
}

// ---- examples and downloads ----

async function selectExample(name) {
  state.example = name;
  clearTimeout(state.timer);
  state.run++;
  $('p-assets').replaceChildren('Loading the example…');
  try {
    if (!state.original[name]) {
      const [template, data] = await Promise.all(
        ['template.json', 'data.json'].map(async (file) => (await fetchOk(`/examples/${name}/${file}`)).text()),
      );
      state.original[name] = { template, data };
    }
  } catch (error) {
    if (state.example === name) {
      $('p-assets').replaceChildren(Object.assign(document.createElement('span'), {
        className: 'error', textContent: `Could not load the example: ${error.message}`,
      }));
    }
    return;
  }
  if (state.example !== name) return; // another example was chosen meanwhile
  const texts = state.edited[name] ?? state.original[name];
  $('p-template').value = texts.template;
  $('p-data').value = texts.data;
  $('p-template').scrollTop = $('p-data').scrollTop = 0;
  $('p-reset').disabled = !state.edited[name];
  const info = await assetsOf(name);
  if (state.example !== name) return;
  showAssets(info);
  schedule(0);
}

function save(url, file) {
  Object.assign(document.createElement('a'), { href: url, download: file }).click();
}

function fileName(inputs, ext) {
  return `${inputs.example}${inputs.pixelRatio === 1 ? '' : `@${inputs.pixelRatio}x`}.${ext}`;
}

async function downloadJpeg() {
  const inputs = state.good;
  if (!inputs) return;
  try {
    const { assets } = await assetsOf(inputs.example);
    const poster = draw(inputs, assets, 'jpeg');
    const url = URL.createObjectURL(new Blob([poster.bytes], { type: 'image/jpeg' }));
    save(url, fileName(inputs, 'jpg'));
    setTimeout(() => URL.revokeObjectURL(url), 10_000); // after the download has read it
  } catch (error) {
    showError(error);
  }
}

export function setupPosters() {
  for (const id of ['p-template', 'p-data']) {
    $(id).addEventListener('input', () => {
      state.edited[state.example] = { template: $('p-template').value, data: $('p-data').value };
      $('p-reset').disabled = false;
      schedule();
    });
  }
  $('p-example').addEventListener('change', (event) => selectExample(event.target.value));
  $('p-ratio').addEventListener('change', () => schedule(0));
  $('p-debug').addEventListener('change', () => schedule(0));
  $('p-reset').addEventListener('click', () => {
    delete state.edited[state.example];
    selectExample(state.example);
  });
  $('p-download-png').addEventListener('click', () => state.url && save(state.url, fileName(state.good, 'png')));
  $('p-download-jpeg').addEventListener('click', downloadJpeg);
  $('p-img').hidden = true;
  selectExample($('p-example').value);
}
