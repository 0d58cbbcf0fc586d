// Preloaded into a child process by `npm run bench` (node --require): writes the process's peak resident
// set size in bytes to the file named by PEAK_RSS_FILE when it exits.
process.on('exit', () => {
  const file = process.env.PEAK_RSS_FILE;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload has no import
  if (file) require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
});
