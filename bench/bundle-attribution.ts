// Where a bundle's gzip bytes go. Parts bundled alone overstate themselves (each pays for its own
// dictionary), and minified bytes per input say little about gzip. This measures each part's
// marginal cost instead: the bundle gzipped whole, minus the same bundle gzipped with that part's
// bytes cut out (found through the source map). The marginals need not add up to the whole: what
// is left is the compression the parts share.
import { decode } from '@jridgewell/sourcemap-codec';
import { gzipSync } from 'node:zlib';

export interface PartCost {
  readonly part: string;
  /** Minified bytes the source map attributes to the part. */
  readonly minified: number;
  /** gzip -9 of the whole bundle minus gzip -9 of the bundle without the part. */
  readonly gzipMarginal: number;
}

interface SourceMapJson {
  readonly sources: readonly string[];
  readonly mappings: string;
}

const gz = (text: string) => gzipSync(text, { level: 9 }).byteLength;

export interface Attribution {
  /** gzip -9 of the whole bundle. */
  readonly whole: number;
  /** Each part's cost, largest marginal first. */
  readonly costs: readonly PartCost[];
  /** gzip -9 of the bundle with every part in `parts` cut out. */
  gzipWithout(parts: readonly string[]): number;
}

/**
 * `code` must be ASCII (esbuild's default charset), so source-map columns are byte offsets.
 * `partOf` names the part a source file belongs to; bytes no mapping covers are "unmapped".
 */
export function attribute(code: string, map: SourceMapJson, partOf: (source: string) => string): Attribution {
  const lines = code.split('\n');
  const decoded = decode(map.mappings);
  // Per line, the [start, end) ranges and the part each belongs to.
  const owners: { start: number; end: number; part: string }[][] = lines.map((line, i) => {
    const segments = decoded[i] ?? [];
    const ranges: { start: number; end: number; part: string }[] = [];
    let cursor = 0;
    for (let s = 0; s < segments.length; s++) {
      const segment = segments[s]!;
      const start = segment[0];
      const end = s + 1 < segments.length ? segments[s + 1]![0] : line.length;
      if (start > cursor) ranges.push({ start: cursor, end: start, part: 'unmapped' });
      const source = segment.length > 1 ? map.sources[segment[1]!] : undefined;
      ranges.push({ start, end, part: source === undefined ? 'unmapped' : partOf(source) });
      cursor = end;
    }
    if (cursor < line.length) ranges.push({ start: cursor, end: line.length, part: 'unmapped' });
    return ranges;
  });
  const gzipWithout = (cut: readonly string[]) =>
    gz(lines.map((line, i) => owners[i]!.filter((r) => !cut.includes(r.part)).map((r) => line.slice(r.start, r.end)).join('')).join('\n'));
  const sizes = new Map<string, number>();
  for (const ranges of owners) for (const r of ranges) sizes.set(r.part, (sizes.get(r.part) ?? 0) + r.end - r.start);
  const whole = gz(code);
  const costs = [...sizes]
    .map(([part, minified]) => ({ part, minified, gzipMarginal: whole - gzipWithout([part]) }))
    .sort((a, b) => b.gzipMarginal - a.gzipMarginal || (a.part < b.part ? -1 : 1));
  return { whole, costs, gzipWithout };
}
