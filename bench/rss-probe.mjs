// Preloaded into a measured Node child (`node --import ./bench/rss-probe.mjs …`):
// on exit, print peak RSS so the parent can compare runs without /usr/bin/time.
process.on('exit', () => {
  process.stderr.write(`\n__BENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
