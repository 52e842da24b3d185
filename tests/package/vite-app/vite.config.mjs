// Builds the test app into dist/ with relative URLs, so it can be served from any folder.
export default {
  base: './',
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
};
