#!/usr/bin/env node
// `npm run scan`: Electronegativity over the project. It exits 0 even with findings, so its SARIF is read
// here: any finding of medium severity or above fails, unless a comment next to the code it points at
// explains it ("electronegativity-explained: <RULE> — why"). SARIF carries no severity (every result is a
// "warning") and -s does not filter global checks, so a second run writes CSV, which has the severity.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { ensureBuild } from './setup.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'));
/**
 * What ships, staged in a folder of its own: the scanner has no way to skip node_modules or the
 * caches tests write there. Paths inside the stage are the project's own relative paths.
 */
function stage() {
  const target = path.join(dir, 'app');
  for (const entry of ['package.json', 'electron', 'shared', 'renderer', 'dist']) {
    if (fs.existsSync(path.join(root, entry))) fs.cpSync(path.join(root, entry), path.join(target, entry), { recursive: true });
  }
  return target;
}
// The built renderer is part of what ships (and carries the CSP meta tag).
if (!process.argv[2]) await ensureBuild();
const input = process.argv[2] ? path.resolve(process.argv[2]) : stage();
const sources = process.argv[2] ? input : root;
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
function scan(file) {
  // -e: the Electron version is known. -x: the one check that downloads Electron's release notes from GitHub
  // (unreachable from CI); keeping Electron current is the job of dependency updates instead.
  const args = ['-i', input, '-o', file, '-r', '-e', electronVersion, '-v', 'false', '-x', 'AvailableSecurityFixesGlobalCheck'];
  const bin = fs.realpathSync(path.join(root, 'node_modules/.bin/electronegativity'));
  const run = spawnSync(process.execPath, ['--require', path.join(root, 'scripts/electronegativity-offline.cjs'), bin, ...args], { encoding: 'utf8', cwd: root });
  if (!fs.existsSync(file)) {
    console.error(`Electronegativity did not produce a report (exit ${run.status}).\n${run.stderr}`);
    process.exit(2);
  }
  return fs.readFileSync(file, 'utf8');
}

const SEVERE = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);
const key = (rule, file, line) => `${rule}|${file === 'N/A' ? '' : file}|${line}`;
const fileOf = (r) => {
  const uri = r.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
  return !uri || uri === 'file:///' ? 'N/A' : uri;
};
const keyOf = (r) => key(r.ruleId, fileOf(r), fileOf(r) === 'N/A' ? 0 : (r.locations?.[0]?.physicalLocation?.region?.startLine ?? 0));

/**
 * Both reports, taken until they list the same findings: the CSP check is not always stable from
 * one run to the next, and a finding whose severity is unknown must not pass or fail by chance.
 */
function reports() {
  let last;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const rows = parseCsv(scan(path.join(dir, 'report.csv')), { columns: true, trim: true, relax_quotes: true, relax_column_count: true });
    const severity = new Map(rows.map((row) => [key(row.issue, row.filename, Number(String(row.location).split(':')[0])), row.severity]));
    const results = JSON.parse(scan(path.join(dir, 'report.sarif'))).runs.flatMap((r) => r.results ?? []);
    last = { severity, results };
    if (results.length === severity.size && results.every((r) => severity.has(keyOf(r)))) break;
  }
  return last;
}

const { severity, results: all } = reports();

/**
 * The severity of a SARIF finding: from the CSV row at the same place, else from a CSV row of the same
 * rule in the same file. Electronegativity's CSP check reports a CSP it found (a finding with a file) as
 * LOW, whatever it thinks of it, and only a missing CSP (no file) as MEDIUM; that check is also the one
 * that varies between runs, so its rule is applied here when the two reports disagree. Anything else
 * unknown counts as severe: better a false alarm than a silent pass.
 */
function severityOf(r) {
  const exact = severity.get(keyOf(r));
  if (exact) return exact;
  const file = fileOf(r);
  const sameFile = [...severity].find(([k]) => k.startsWith(`${r.ruleId}|${file === 'N/A' ? '' : file}|`));
  if (sameFile) return sameFile[1];
  if (r.ruleId === 'CSP_GLOBAL_CHECK') return file === 'N/A' ? 'MEDIUM' : 'LOW';
  return 'HIGH';
}
const results = all.filter((r) => SEVERE.has(severityOf(r)));
const explained = (result) => {
  const location = result.locations?.[0]?.physicalLocation;
  const uri = location?.artifactLocation?.uri;
  if (!uri || uri === 'file:///' || uri === 'N/A') return null; // a global finding points at no code to explain
  const file = path.resolve(sources, uri.replace(/^file:\/\//, ''));
  if (!fs.existsSync(file)) return null;
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const line = (location.region?.startLine ?? 1) - 1;
  const near = lines.slice(Math.max(0, line - 3), line + 1).join('\n');
  const match = new RegExp(`electronegativity-explained:\\s*${result.ruleId}\\b\\s*[—-]\\s*\\S`).exec(near);
  return match ? `${uri}:${line + 1}` : null;
};

let failures = 0;
for (const result of results) {
  const where = result.locations?.[0]?.physicalLocation;
  const at = where?.artifactLocation?.uri ? `${where.artifactLocation.uri}:${where.region?.startLine ?? 0}` : '(global)';
  const ok = explained(result);
  if (ok) console.log(`explained  ${result.ruleId} at ${ok}`);
  else {
    failures += 1;
    console.log(`FINDING    ${result.ruleId} at ${at}: ${result.message?.text ?? ''}`);
  }
}
console.log(`Electronegativity: ${results.length} finding(s) of medium severity or above, ${failures} unexplained.`);
process.exit(failures === 0 ? 0 : 1);
