// A static file server for the demo and the browser tests, with no dependencies.
//
//   node pkg-scripts/serve.mjs [--port 8080] [--host 127.0.0.1] [--root www] [--mount /pkg/=pkg] ...
//
// Serves `--root` at `/` and each `--mount PREFIX=DIR` at PREFIX (the demo mounts the built
// package at /pkg/, so the page imports exactly what npm users get). `--port 0` picks a
// free port. Prints `listening http://HOST:PORT/` once ready.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.d.ts': 'text/plain; charset=utf-8',
};

export function startServer({ port = 8080, host = '127.0.0.1', root = 'www', mounts = {} } = {}) {
  const table = Object.entries({ ...mounts, '/': root })
    .map(([prefix, dir]) => [prefix.endsWith('/') ? prefix : `${prefix}/`, resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length);

  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    const [prefix, dir] = table.find(([p]) => path.startsWith(p)) ?? [];
    if (!dir || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(dir ? 405 : 404).end();
      return;
    }
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (file !== dir && !file.startsWith(dir + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const size = statSync(file).size;
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': size,
        'cache-control': 'no-store',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok({ server, url: `http://${host}:${server.address().port}/` }));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const opts = { port: Number(process.env.PORT ?? 8080), mounts: {} };
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (flag === '--port') opts.port = Number(value);
    else if (flag === '--host') opts.host = value;
    else if (flag === '--root') opts.root = value;
    else if (flag === '--mount') {
      const [prefix, dir] = value.split('=');
      opts.mounts[prefix] = dir;
    } else {
      console.error(`unknown option ${flag}`);
      process.exit(2);
    }
  }
  startServer(opts).then(
    ({ url }) => console.log(`listening ${url}`),
    (error) => {
      console.error(`could not listen on port ${opts.port}: ${error.message}`);
      process.exit(1);
    },
  );
}
