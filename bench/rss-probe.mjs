// Preloaded into every process the benchmark measures (`node --import ./bench/rss-probe.mjs ...`): prints
// the process's peak resident set size on exit (getrusage: every thread of the process, native memory
// such as DuckDB's included), so peak RSS is measured the same way for each contender on any OS.
import process from 'node:process';

process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAX_RSS_KIB=${process.resourceUsage().maxRSS}\n`);
});
