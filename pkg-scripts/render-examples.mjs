// Renders every example poster of www/examples/ (each folder with a template.json) with the
// built package's CLI code into out/<name>.png: the example's assets/ folder plus the shared
// fonts, its data.json when there is one. One line per example; exits 1 if any failed.
//
//   node pkg-scripts/render-examples.mjs        (after pkg-scripts/build.sh)
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(root, 'www', 'examples');
const fonts = join(examples, 'fonts');
const out = join(root, 'out');
const cli = join(root, 'pkg', 'cli.mjs');

if (!existsSync(cli)) {
  console.error(`[examples] ${relative(root, cli)} is missing: run pkg-scripts/build.sh first`);
  process.exit(1);
}
const { posterFromFiles } = await import(cli);

const names = readdirSync(examples, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(examples, e.name, 'template.json')))
  .map((e) => e.name)
  .sort();
if (names.length === 0) {
  console.error(`[examples] no example with a template.json in ${relative(root, examples)}`);
  process.exit(1);
}

mkdirSync(out, { recursive: true });
let failed = 0;
for (const name of names) {
  const dir = join(examples, name);
  const data = join(dir, 'data.json');
  const assets = [join(dir, 'assets'), fonts].filter((d) => existsSync(d));
  const file = join(out, `${name}.png`);
  const started = performance.now();
  try {
    const result = posterFromFiles({
      template: join(dir, 'template.json'),
      data: existsSync(data) ? data : undefined,
      assets,
      format: 'png',
    });
    writeFileSync(file, result.bytes);
    const ms = Math.round(performance.now() - started);
    const kb = (result.bytes.length / 1024).toFixed(1);
    const n = result.warnings.length;
    console.log(
      `[examples] ok   ${name}: ${relative(root, file)} ${result.width}x${result.height}, ${kb} KB, ` +
        `${n} warning${n === 1 ? '' : 's'}, ${ms} ms`,
    );
    for (const w of result.warnings) console.log(`[examples]        warning ${w.code}: ${w.message}`);
  } catch (error) {
    failed += 1;
    // A ShareEarnError's message starts with its code and names the path; anything else is shown whole.
    console.log(`[examples] FAIL ${name}: ${error?.name === 'ShareEarnError' ? error.message : (error?.stack ?? error)}`);
  }
}
console.log(`[examples] ${names.length - failed} of ${names.length} rendered into ${relative(root, out)}/`);
process.exit(failed ? 1 : 0);
