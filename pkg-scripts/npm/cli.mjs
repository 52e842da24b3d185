#!/usr/bin/env node
// The `share-earn` command: renders a poster template from files, with the package's Node
// entry (the same wasm as in the browser), e.g. to check a template in CI or to make the
// posters of a campaign on a server.
//
//   share-earn poster template.json --data data.json --assets dir -o poster.png
//
// Exit status: 0 done, 1 the poster could not be made (a ShareEarnError, an unreadable
// file), 2 a usage error. The functions below are exported for scripts that render many
// posters in one process.
import { readFileSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isShareEarnError, layoutPoster, renderPoster } from './node.js';

export const USAGE = `Usage: share-earn poster <template.json> [options]

Renders a poster template (see the README's template format) to a PNG or JPEG.

Options:
  --data <file.json>      the data the template's {{bindings}} read
  --assets <dir>          every file of <dir> (not of its subfolders) becomes an asset
                          named by its file name ("bg.jpg"); repeat for more folders,
                          a later folder wins on equal names
  -o, --output <file>     where to write the poster ("-" for stdout)
  --format <png|jpeg>     default: from the extension of -o (.png, .jpg, .jpeg), else png
  --quality <1-100>       JPEG quality (default 90)
  --pixel-ratio <n>       device pixels per template px (default 1)
  --max-pixels <n>        largest output in pixels; a larger ratio is lowered to fit
  --debug                 outline every element's box
  --layout                print the layout (boxes, text lines) as JSON instead of drawing
                          (to -o when given, else to stdout)
  -h, --help              show this help

Warnings go to stderr as "warning CODE: message". Exit status: 0 done, 1 the poster could
not be made ("error CODE at path: message"), 2 a usage error.`;

/** A mistake on the command line: exit status 2 with the usage text. */
export class UsageError extends Error {}

/** Every file of each folder (not recursive), by file name; a later folder wins on equal names. */
export function readAssetDirs(dirs, onReplace = () => {}) {
  const assets = {};
  const from = {};
  for (const dir of dirs) {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const file = join(dir, entry.name);
      // Follow symbolic links to files; skip folders.
      if (!(entry.isFile() || (entry.isSymbolicLink() && statSync(file).isFile()))) continue;
      if (entry.name in from) onReplace(entry.name, from[entry.name], file);
      assets[entry.name] = new Uint8Array(readFileSync(file));
      from[entry.name] = file;
    }
  }
  return assets;
}

function formatOf(output, format) {
  if (format !== undefined) {
    if (format === 'png' || format === 'jpeg') return format;
    if (format === 'jpg') return 'jpeg';
    throw new UsageError(`--format must be png or jpeg, not ${JSON.stringify(format)}`);
  }
  const ext = output === undefined || output === '-' ? '' : extname(output).toLowerCase();
  if (ext === '.jpg' || ext === '.jpeg') return 'jpeg';
  if (ext === '.png' || ext === '') return 'png';
  throw new UsageError(`cannot tell the format from ${JSON.stringify(basename(output))}: use --format png or jpeg`);
}

function numberOption(name, text) {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number, not ${JSON.stringify(text)}`);
  return n;
}

/**
 * Reads a template, its data and asset folders from disk and renders them (or lays them
 * out, with `layout: true`). Throws a ShareEarnError as `renderPoster` does.
 * @param {{ template: string, data?: string, assets?: string[], format?: 'png'|'jpeg'|'rgba',
 *   quality?: number, pixelRatio?: number, maxPixels?: number, debug?: boolean, layout?: boolean,
 *   onReplace?: (name: string, before: string, after: string) => void }} job
 */
export function posterFromFiles(job) {
  const { template, data, assets = [], layout = false, onReplace, ...rest } = job;
  const templateText = readFileSync(template, 'utf8');
  const dataText = data === undefined ? undefined : readFileSync(data, 'utf8');
  const files = readAssetDirs(assets, onReplace);
  const options = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  if (layout) delete options.format;
  return (layout ? layoutPoster : renderPoster)(templateText, dataText, files, options);
}

/** Parses `share-earn` arguments (without `node` and the script); throws UsageError. */
export function parseCommand(args) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        data: { type: 'string' },
        assets: { type: 'string', multiple: true },
        output: { type: 'string', short: 'o' },
        format: { type: 'string' },
        quality: { type: 'string' },
        'pixel-ratio': { type: 'string' },
        'max-pixels': { type: 'string' },
        debug: { type: 'boolean' },
        layout: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error.message);
  }
  const { values: v, positionals } = parsed;
  if (v.help) return { help: true };
  const [command, template, ...extra] = positionals;
  if (command === undefined) throw new UsageError('no command given');
  if (command !== 'poster') throw new UsageError(`unknown command ${JSON.stringify(command)} (the one command is "poster")`);
  if (template === undefined) throw new UsageError('no template file given');
  if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  if (!v.layout && v.output === undefined) throw new UsageError('no output file given (-o poster.png)');
  return {
    template,
    data: v.data,
    assets: v.assets ?? [],
    output: v.output,
    layout: v.layout ?? false,
    format: v.layout ? undefined : formatOf(v.output, v.format),
    quality: numberOption('quality', v.quality),
    pixelRatio: numberOption('pixel-ratio', v['pixel-ratio']),
    maxPixels: numberOption('max-pixels', v['max-pixels']),
    debug: v.debug,
  };
}

/**
 * Runs `share-earn` with `args` (as `process.argv.slice(2)`); resolves to the exit status.
 * `io` defaults to the process's streams.
 */
export async function main(args, io = { stdout: process.stdout, stderr: process.stderr }) {
  const say = (stream, text) => stream.write(`${text}\n`);
  let command;
  try {
    command = parseCommand(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    say(io.stderr, `share-earn: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (command.help) {
    say(io.stdout, USAGE);
    return 0;
  }
  const { output, ...job } = command;
  const toStdout = output === undefined || output === '-';
  try {
    const onReplace = (name, before, after) => say(io.stderr, `warning: asset ${name} of ${after} replaces ${before}`);
    const result = posterFromFiles({ ...job, onReplace });
    for (const w of result.warnings) say(io.stderr, `warning ${w.code}: ${w.message}`);
    if (job.layout) {
      const json = `${JSON.stringify(result, null, 2)}\n`;
      if (toStdout) io.stdout.write(json);
      else writeFileSync(output, json);
      return 0;
    }
    if (toStdout) {
      io.stdout.write(result.bytes);
    } else {
      writeFileSync(output, result.bytes);
      const notes = result.warnings.length === 1 ? '1 warning' : `${result.warnings.length} warnings`;
      say(io.stdout, `${output}: ${result.width}x${result.height} ${result.format}, ${result.bytes.length} bytes, ${notes}`);
    }
    return 0;
  } catch (error) {
    if (isShareEarnError(error)) {
      say(io.stderr, `error ${error.code}${error.path ? ` at ${error.path}` : ''}: ${errorText(error)}`);
      return 1;
    }
    if (typeof error?.code === 'string' && typeof error?.path === 'string' && error.syscall) {
      // A file that cannot be read or written (ENOENT, EACCES, EISDIR...).
      say(io.stderr, `error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/** The message without what the line already says: the `CODE: ` prefix, the path around it. */
function errorText({ code, path, message }) {
  let text = message.startsWith(`${code}: `) ? message.slice(code.length + 2) : message;
  if (path) {
    if (text.startsWith(`${path}: `)) text = text.slice(path.length + 2);
    if (text.endsWith(` (at ${path})`)) text = text.slice(0, -(path.length + 6));
  }
  return text;
}

// Run when started as a program (also through npm's bin link), not when imported.
function startedAsProgram() {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (startedAsProgram()) {
  // `share-earn ... -o - | head -c 100`: a reader that stops early is not an error.
  process.stdout.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  process.exitCode = await main(process.argv.slice(2));
}
