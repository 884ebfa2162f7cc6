/**
 * Collects benchmark rows, prints them as tables and writes tests/bench/results.json. Never judges a time.
 * Rows measured with a library of one size carry its `scale`; the same measure at both sizes is printed on one line,
 * the 5-year figure beside the 1-year one with their ratio. Every row keeps the machine's load average when it was
 * taken: on a shared machine that says more about a slow figure than the code does.
 */
import { writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, totalmem } from 'node:os';

export const SCALES = ['1 year', '5 years'] as const;
export type Scale = (typeof SCALES)[number];

export interface BenchRow {
  /** What was measured, e.g. "parse: 250 digests". */
  name: string;
  value: number;
  unit: string;
  /** The goal from the issue, in words (reported, never asserted). */
  goal?: string;
  note?: string;
  /** The library stored when it was measured (browser sections only). */
  scale?: Scale;
  /** The 1-minute load average when the row was added (`os.loadavg()[0]`). */
  load?: number;
}

export class BenchReport {
  readonly rows: BenchRow[] = [];
  /** More about where it was measured (e.g. the browser's version), written with the machine. */
  readonly environment: Record<string, string> = {};
  /** The library stored while the rows now added are measured; undefined outside the browser's scaled sections. */
  scale: Scale | undefined;
  private readonly loadAtStart = loadAverages();

  add(row: BenchRow): void {
    const stamped: BenchRow = { ...row, load: loadavg()[0] };
    if (this.scale && !row.scale) stamped.scale = this.scale;
    this.rows.push(stamped);
    const goal = row.goal ? `  (goal: ${row.goal})` : '';
    const scale = stamped.scale ? ` [${stamped.scale}]` : '';
    console.log(
      `  ${row.name}${scale}: ${formatValue(row.value)} ${row.unit}${goal}${row.note ? ` — ${row.note}` : ''}` +
        `  (load ${formatLoad(stamped.load)})`,
    );
  }

  print(): void {
    console.log(
      `\nload average (1, 5, 15 min): at the start ${this.loadAtStart}, at the end ${loadAverages()}`,
    );
    const plain = this.rows.filter((row) => !row.scale);
    const nameWidth = Math.max(...this.rows.map((row) => row.name.length), 7);
    console.log(`\n${'measure'.padEnd(nameWidth)}  ${'value'.padStart(10)}  unit      load  goal`);
    for (const row of plain) {
      console.log(
        `${row.name.padEnd(nameWidth)}  ${formatValue(row.value).padStart(10)}  ${row.unit.padEnd(8)}  ${formatLoad(row.load).padStart(4)}  ${row.goal ?? ''}`,
      );
    }
    const scaled = scaledMeasures(this.rows);
    if (scaled.length === 0) return;
    console.log(
      `\n${'measure, by library stored'.padEnd(nameWidth)}  ${'1 year'.padStart(10)}  ${'5 years'.padStart(10)}  ${'5y/1y'.padStart(6)}  unit   load 1y/5y  goal`,
    );
    for (const { name, unit, goal, byScale } of scaled) {
      const [year, five] = SCALES.map((scale) => byScale.get(scale));
      const ratio = year && five ? five.value / year.value : Number.NaN;
      const loads = `${formatLoad(year?.load)}/${formatLoad(five?.load)}`;
      console.log(
        `${name.padEnd(nameWidth)}  ${formatValue(year?.value).padStart(10)}  ${formatValue(five?.value).padStart(10)}  ${formatRatio(ratio).padStart(6)}  ${unit.padEnd(5)}  ${loads.padStart(10)}  ${goal ?? ''}`,
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
      loadAverageAtStart: this.loadAtStart,
      loadAverageAtEnd: loadAverages(),
      ...this.environment,
    };
    writeFileSync(
      path,
      `${JSON.stringify({ measuredAt: new Date().toISOString(), machine, rows: this.rows }, null, 2)}\n`,
    );
  }
}

interface ScaledMeasure {
  name: string;
  unit: string;
  goal?: string;
  byScale: Map<Scale, BenchRow>;
}

/** Rows measured at a scale, one entry per measure name in the order first seen. */
function scaledMeasures(rows: BenchRow[]): ScaledMeasure[] {
  const byName = new Map<string, ScaledMeasure>();
  for (const row of rows) {
    if (!row.scale) continue;
    const measure = byName.get(row.name) ?? {
      name: row.name,
      unit: row.unit,
      goal: row.goal,
      byScale: new Map(),
    };
    measure.byScale.set(row.scale, row);
    byName.set(row.name, measure);
  }
  return [...byName.values()];
}

function loadAverages(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(', ');
}

function formatLoad(load: number | undefined): string {
  return load === undefined ? '—' : load.toFixed(1);
}

export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(ratio >= 10 ? 0 : 1)}×` : '—';
}

function formatValue(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '—';
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
