// Numbers as a reader wants them: seconds past one second, MiB for memory, KB for bundles.
import type { Unit } from './figure.ts';

export function formatValue(unit: Unit, value: number): string {
  switch (unit) {
    case 'ms':
      return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value < 10 ? value.toFixed(2) : Math.round(value)} ms`;
    case 'bytes':
      if (value >= 1024 * 1024) return `${(value / (1024 * 1024)).toFixed(value >= 100 * 1024 * 1024 ? 0 : 1)} MiB`;
      return `${(value / 1024).toFixed(value >= 100 * 1024 ? 0 : 1)} KiB`;
    case 'count':
      return Number.isInteger(value) ? String(value) : value.toFixed(1);
    case 'per-second':
      return `${groupDigits(Math.round(value))}/s`;
    case 'decimal':
      return value.toFixed(2);
  }
}

function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The same unit, bare, for a range's lower end: `2.20–2.45 s`. */
export function formatRange(unit: Unit, low: number, high: number): string {
  const a = formatValue(unit, low);
  const b = formatValue(unit, high);
  const suffixA = a.replace(/^[\d.,]+/, '');
  const suffixB = b.replace(/^[\d.,]+/, '');
  return suffixA === suffixB ? `${a.slice(0, a.length - suffixA.length)}–${b}` : `${a}–${b}`;
}

export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '—';
  if (ratio === 0) return '0×';
  return `${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}×`;
}
