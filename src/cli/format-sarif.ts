// SARIF 2.1.0, the format code-scanning dashboards (GitHub and others) import.
// Every registered rule is listed so `ruleIndex` is stable across runs; skipped
// files and unreadable paths become tool notifications rather than results.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPOSITORY_URL, ruleDocsUrl, rules, type Severity } from '../engine';
import { displayPath, oneLine, type RunReport } from './report';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const BASE_ID = '%SRCROOT%';

/** A relative URI reference: each segment percent-encoded, '/' separators. */
function relativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function artifactLocation(cwd: string, path: string): { uri: string; uriBaseId?: string } {
  const shown = displayPath(cwd, path);
  // Files outside the working folder are not part of the source tree being scanned.
  return isAbsolute(shown) ? { uri: pathToFileURL(path).href } : { uri: relativeUri(shown), uriBaseId: BASE_ID };
}

function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}

export function formatSarif(report: RunReport, toolVersion: string): string {
  const index = new Map(rules.map((rule, i) => [rule.meta.id, i]));
  const results = report.files.flatMap((file) =>
    file.findings.map((f) => ({
      ruleId: f.ruleId,
      ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId)! } : {}),
      level: LEVEL[f.severity],
      message: { text: oneLine(f.message) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(report.cwd, file.path),
            region: { startLine: f.start.line, startColumn: f.start.column, endLine: f.end.line, endColumn: f.end.column },
          },
        },
      ],
      ...(f.related
        ? {
            relatedLocations: f.related.map((r, id) => ({
              id,
              physicalLocation: {
                artifactLocation: artifactLocation(report.cwd, file.path),
                region: { startLine: r.start.line, startColumn: r.start.column, endLine: r.end.line, endColumn: r.end.column },
              },
              message: { text: oneLine(r.message) },
            })),
          }
        : {}),
    })),
  );
  const notification = (level: 'note' | 'error', path: string, text: string) => ({
    level,
    message: { text },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(report.cwd, path) } }],
  });
  const notifications = [
    ...report.files.filter((f) => f.skipped !== undefined).map((f) => notification('note', f.path, `skipped: ${f.skipped}`)),
    ...report.problems.map((p) => notification('error', p.path, p.cause)),
  ];
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'outcome-lens',
            version: toolVersion,
            informationUri: REPOSITORY_URL,
            rules: rules.map(({ meta }) => ({
              id: meta.id,
              name: ruleName(meta.id),
              shortDescription: { text: meta.description },
              helpUri: ruleDocsUrl(meta.id),
              help: { text: `${meta.description} See ${ruleDocsUrl(meta.id)}` },
              defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { [BASE_ID]: { uri: pathToFileURL(report.cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: report.problems.length === 0, toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
