#!/usr/bin/env node
// Adds up vitest JSON reports and prints the closing line CI reads: "N passed, N failed".
// A report that is missing (the run crashed before writing it) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.log(`${file}: missing (run did not finish)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const fileErrors = (report.testResults ?? []).filter(
    (r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0,
  ).length;
  console.log(
    `${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed${fileErrors ? `, ${fileErrors} files failed to run` : ''}`,
  );
  passed += report.numPassedTests;
  failed += report.numFailedTests + fileErrors;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
