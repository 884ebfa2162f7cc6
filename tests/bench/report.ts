/** Collects benchmark rows, prints them as a table and writes tests/bench/results.json. Never judges a time. */
import { writeFileSync } from 'node:fs';
import { arch, cpus, platform, totalmem } from 'node:os';

export interface BenchRow {
  /** What was measured, e.g. "parse: 250 digests". */
  name: string;
  value: number;
  unit: string;
  /** The goal from the issue, in words (reported, never asserted). */
  goal?: string;
  note?: string;
}

export class BenchReport {
  readonly rows: BenchRow[] = [];
  /** More about where it was measured (e.g. the browser's version), written with the machine. */
  readonly environment: Record<string, string> = {};

  add(row: BenchRow): void {
    this.rows.push(row);
    const goal = row.goal ? `  (goal: ${row.goal})` : '';
    console.log(
      `  ${row.name}: ${formatValue(row.value)} ${row.unit}${goal}${row.note ? ` — ${row.note}` : ''}`,
    );
  }

  print(): void {
    const nameWidth = Math.max(...this.rows.map((row) => row.name.length), 4);
    console.log(`\n${'measure'.padEnd(nameWidth)}  ${'value'.padStart(12)}  unit      goal`);
    for (const row of this.rows) {
      console.log(
        `${row.name.padEnd(nameWidth)}  ${formatValue(row.value).padStart(12)}  ${row.unit.padEnd(8)}  ${row.goal ?? ''}`,
      );
    }
  }

  write(path: string): void {
    const machine = {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      platform: `${platform()} ${arch()}`,
      node: process.version,
      ...this.environment,
    };
    writeFileSync(
      path,
      `${JSON.stringify({ measuredAt: new Date().toISOString(), machine, rows: this.rows }, null, 2)}\n`,
    );
  }
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return '—';
  if (Number.isInteger(value)) return String(value);
  return value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toFixed(3);
}

export function percentile(sortedValues: number[], fraction: number): number {
  if (sortedValues.length === 0) return Number.NaN;
  const index = Math.min(sortedValues.length - 1, Math.ceil(fraction * sortedValues.length) - 1);
  return sortedValues[Math.max(0, index)] as number;
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}
