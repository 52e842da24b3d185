// "QR": the share link as a styled QR code. Every control feeds one options object that is
// handed, unchanged, to both qrPng and qrSvg, so the preview shows exactly what a caller
// passing those options would get, including the package's own refusals.
import { qrPng, qrSvg, isShareEarnError } from '/pkg/index.js';

const $ = (id) => document.getElementById(id);

// Typing in the text field fires an event per key; drawing a large code takes a few
// milliseconds, so redrawing once the burst settles keeps the page responsive.
const DEBOUNCE_MS = 50;

// Error paths name the option at fault; outlining its control shows the user where to look.
// The longest matching prefix wins (gradient errors may point inside options.foreground).
const FIELD_FOR_PATH = {
  text: 'q-text',
  'options.ecLevel': 'q-ec',
  'options.size': 'q-size',
  'options.quietZone': 'q-quiet',
  'options.moduleShape': 'q-module',
  'options.finderShape': 'q-finder',
  'options.finderInnerShape': 'q-finder-inner',
  'options.foreground': 'q-fg',
  'options.finderColor': 'q-finder-color',
  'options.background': 'q-bg',
  'options.logo.image': 'q-logo-source',
  'options.logo.size': 'q-logo-size',
  'options.logo.padding': 'q-logo-padding',
  'options.logo.oversize': 'q-logo-oversize',
  'options.logo.background': 'q-plate-color',
  'options.logo.radius': 'q-plate-radius',
  'options.logo': 'q-logo-size',
};
// Some errors carry no path: the text itself is what is too long.
const FIELD_FOR_CODE = { QR_DATA_TOO_LONG: 'q-text' };

const logo = { sample: null, sampleError: '', upload: null, uploadInfo: '' };
const urls = { png: null, svg: null };
let timer = 0;

const num = (id) => Number($(id).value);
const kb = (n) => (n < 1024 ? `${n} bytes` : `${(n / 1024).toFixed(1)} KB`);
const pct = (x) => `${(x * 100).toFixed(1).replace(/\.0$/, '')}%`;

/** Draws the demo's stand-in brand mark (a shopping bag on a red tile) and returns PNG bytes. */
async function drawSampleLogo() {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 256;
  const g = canvas.getContext('2d');
  g.fillStyle = '#e4393c';
  g.beginPath();
  g.roundRect(0, 0, 256, 256, 56);
  g.fill();
  g.fillStyle = '#ffffff';
  g.beginPath();
  g.roundRect(60, 96, 136, 112, 18);
  g.fill();
  g.strokeStyle = '#ffffff';
  g.lineWidth = 14;
  g.lineCap = 'round';
  g.beginPath();
  g.arc(128, 98, 34, Math.PI, 0); // the handle: the upper half circle
  g.stroke();
  g.strokeStyle = '#e4393c';
  g.lineWidth = 12;
  g.beginPath();
  g.arc(128, 134, 32, 0.2 * Math.PI, 0.8 * Math.PI); // a smile on the bag
  g.stroke();
  // toBlob, not toDataURL: the package wants bytes, and a Blob gets them without base64.
  const blob = await new Promise((ok, fail) =>
    canvas.toBlob((b) => (b ? ok(b) : fail(new Error('canvas.toBlob gave nothing'))), 'image/png'),
  );
  return new Uint8Array(await blob.arrayBuffer());
}

/** The logo bytes for the chosen source, or null (no image: the area stays blank). */
function logoImage() {
  const source = $('q-logo-source').value;
  return source === 'sample' ? logo.sample : source === 'upload' ? logo.upload : null;
}

/** Reads every control into the options object of qrPng/qrSvg, leaving unset options out. */
function readOptions() {
  const foreground = $('q-fg').value;
  const gradient = $('q-gradient').value;
  const options = {
    ecLevel: $('q-ec').value,
    size: num('q-size'),
    quietZone: num('q-quiet'),
    moduleShape: $('q-module').value,
    finderShape: $('q-finder').value,
    foreground: gradient
      ? {
          type: gradient,
          angle: num('q-angle'),
          stops: [{ offset: 0, color: foreground }, { offset: 1, color: $('q-fg2').value }],
        }
      : foreground,
    background: $('q-bg-transparent').checked ? 'transparent' : $('q-bg').value,
  };
  if ($('q-finder-inner').value) options.finderInnerShape = $('q-finder-inner').value;
  if ($('q-finder-own').checked) options.finderColor = $('q-finder-color').value;
  if ($('q-logo-source').value !== 'none') {
    options.logo = { size: num('q-logo-size'), padding: num('q-logo-padding'), oversize: $('q-logo-oversize').value };
    const image = logoImage();
    if (image) options.logo.image = image;
    if ($('q-plate').checked) {
      options.logo.background = $('q-plate-color').value;
      options.logo.radius = num('q-plate-radius');
    }
  }
  return options;
}

/** Enables only the controls that mean something with the current choices, and echoes sliders. */
function syncControls() {
  const gradient = $('q-gradient').value;
  const source = $('q-logo-source').value;
  $('q-fg2').disabled = !gradient;
  $('q-angle').disabled = gradient !== 'linear'; // a radial gradient runs from the centre
  $('q-finder-color').disabled = !$('q-finder-own').checked;
  $('q-bg').disabled = $('q-bg-transparent').checked;
  for (const id of ['q-logo-size', 'q-logo-padding', 'q-logo-oversize', 'q-plate']) $(id).disabled = source === 'none';
  $('q-plate-color').disabled = $('q-plate-radius').disabled = source === 'none' || !$('q-plate').checked;
  $('q-angle-out').value = `${$('q-angle').value}°`;
  $('q-logo-size-out').value = num('q-logo-size').toFixed(2);
  $('q-plate-radius-out').value = num('q-plate-radius').toFixed(2);
  $('q-logo-info').value = {
    none: '',
    sample: logo.sample
      ? `Sample mark drawn on a canvas, 256×256 PNG, ${kb(logo.sample.length)}.`
      : logo.sampleError || 'Drawing the sample…',
    upload: logo.uploadInfo,
    blank: 'The area is cleared (and plated, if chosen) with nothing drawn in it.',
  }[source];
}

/** Shows the chosen logo image small next to the picker, as the browser decodes it. */
async function drawThumb() {
  const canvas = $('q-logo-thumb');
  const g = canvas.getContext('2d');
  g.clearRect(0, 0, canvas.width, canvas.height);
  const image = logoImage();
  canvas.hidden = !image;
  if (!image) return;
  try {
    const bitmap = await createImageBitmap(new Blob([image]));
    const scale = Math.min(canvas.width / bitmap.width, canvas.height / bitmap.height);
    const [w, h] = [bitmap.width * scale, bitmap.height * scale];
    g.drawImage(bitmap, (canvas.width - w) / 2, (canvas.height - h) / 2, w, h);
  } catch {
    canvas.hidden = true; // not an image the browser reads either: the preview explains why
  }
}

/** Replaces one object URL, revoking the last so repeated redraws do not pile up blobs. */
function setUrl(kind, blob) {
  if (urls[kind]) URL.revokeObjectURL(urls[kind]);
  urls[kind] = URL.createObjectURL(blob);
  $(`q-${kind}`).src = urls[kind];
}

function render() {
  const text = $('q-text').value;
  for (const el of document.querySelectorAll('#qr .invalid')) el.classList.remove('invalid');
  try {
    const options = readOptions();
    const t0 = performance.now();
    const png = qrPng(text, options);
    const t1 = performance.now();
    const svg = qrSvg(text, options);
    const t2 = performance.now();
    showResult(png, svg, options, t1 - t0, t2 - t1);
  } catch (error) {
    showError(error);
  }
}

function showResult(png, svg, options, pngMs, svgMs) {
  setUrl('png', new Blob([png.bytes], { type: 'image/png' }));
  setUrl('svg', new Blob([svg], { type: 'image/svg+xml' }));
  // A checkerboard behind a transparent code, so "transparent" is visible as such.
  $('q-stage').classList.toggle('transparent', options.background === 'transparent');
  $('q-stage').classList.remove('stale');
  $('q-error').replaceChildren();
  $('q-download-png').disabled = $('q-download-svg').disabled = false;

  const side = 17 + 4 * png.version;
  let logoFact = 'none';
  if (png.logo) {
    const { x, y, modules, size, shrunk } = png.logo;
    logoFact = `${modules}×${modules} modules at column ${x}, row ${y}; ${pct(size)} of the width` +
      (shrunk ? ` (shrunk from ${pct(options.logo.size)})` : '');
  }
  const facts = [
    ['Version', `${png.version} (${side}×${side} modules)`],
    ['Error correction', `${png.ecLevel}${options.ecLevel === 'auto' ? ' (chosen by auto)' : ''}`],
    ['Mask', String(png.mask)],
    ['Module pixels', `${png.modulePixels} px, margin ${png.margin} px`],
    ['Logo area', logoFact],
    ['PNG', `${png.bytes.length.toLocaleString()} bytes, ${png.width}×${png.height}`],
    ['SVG', `${svg.length.toLocaleString()} characters`],
    ['Time', `qrPng ${pngMs.toFixed(1)} ms · qrSvg ${svgMs.toFixed(1)} ms`],
  ];
  $('q-facts').replaceChildren(
    ...facts.flatMap(([term, value]) => [
      Object.assign(document.createElement('dt'), { textContent: term }),
      Object.assign(document.createElement('dd'), { textContent: value }),
    ]),
  );
  $('q-facts').classList.remove('stale');
}

/** Keeps the last good drawing, dimmed, and says what was refused and where. */
function showError(error) {
  const out = $('q-error');
  $('q-stage').classList.add('stale');
  $('q-facts').classList.add('stale');
  $('q-download-png').disabled = $('q-download-svg').disabled = true;
  if (!isShareEarnError(error)) {
    out.replaceChildren(String(error));
    return;
  }
  // The message repeats the code in front and the path at the end; both are shown apart.
  const message = error.message.replace(/^[A-Z_]+: /, '').replace(/ \(at [^()]*\)$/, '');
  const code = Object.assign(document.createElement('strong'), { textContent: error.code });
  const parts = [code];
  if (error.path) parts.push(' at ', Object.assign(document.createElement('code'), { textContent: error.path }));
  out.replaceChildren(...parts, document.createElement('br'), message);

  const key = Object.keys(FIELD_FOR_PATH)
    .filter((p) => error.path === p || error.path?.startsWith(`${p}.`) || error.path?.startsWith(`${p}[`))
    .sort((a, b) => b.length - a.length)[0];
  const field = FIELD_FOR_PATH[key] ?? FIELD_FOR_CODE[error.code];
  if (field) $(field).classList.add('invalid');
}

function schedule() {
  syncControls();
  clearTimeout(timer);
  timer = setTimeout(render, DEBOUNCE_MS);
}

function download(kind) {
  if (!urls[kind]) return;
  const a = Object.assign(document.createElement('a'), { href: urls[kind], download: `share-qr.${kind}` });
  a.click();
}

export function setupQr() {
  const section = $('qr');
  section.addEventListener('input', (event) => {
    const { target } = event;
    if (target.name === 'q-view') {
      // Switching the view shows the other image already drawn; nothing to recompute.
      $('q-png').hidden = target.value !== 'png';
      $('q-svg').hidden = target.value !== 'svg';
    } else if (target.id === 'q-logo-source') {
      drawThumb();
      schedule();
    } else if (target.type !== 'file') {
      schedule(); // the file input is read asynchronously below, then schedules itself
    }
  });

  $('q-logo-file').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    logo.upload = new Uint8Array(await file.arrayBuffer());
    logo.uploadInfo = `${file.name}, ${kb(file.size)}.`;
    const option = section.querySelector('#q-logo-source option[value="upload"]');
    option.disabled = false;
    $('q-logo-source').value = 'upload';
    drawThumb();
    schedule();
  });
  $('q-download-png').addEventListener('click', () => download('png'));
  $('q-download-svg').addEventListener('click', () => download('svg'));

  syncControls();
  // The first drawing waits for the sample logo, the default, so it does not flash without it.
  drawSampleLogo()
    .then((bytes) => {
      logo.sample = bytes;
    })
    .catch((error) => {
      // The code is still drawn, with a blank logo area; the reason is shown under the picker.
      logo.sampleError = `Could not draw the sample logo: ${error.message}`;
    })
    .finally(() => {
      drawThumb();
      schedule();
    });
}
