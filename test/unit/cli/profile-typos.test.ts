// Strict vendor profiles through the CLI on the fixture project: each typo in an overlay's
// `x-svcgen` exits 2 with the overlay FILE that wrote the key, the line and column of the key in
// it, the JSON pointer inside that file, and the nearest known key; the output stays as it was.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runSvcgen, snapshot, type Outcome } from '../../support/cli.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

const FIXTURE = fileURLToPath(new URL('../../fixtures/cli-project/', import.meta.url));
const PROFILE = 'specs/overlays/acme/00-profile.yaml';

let root: string;
let good: Record<string, string>;

function svcgen(args: string[]): Promise<Outcome> {
  return runSvcgen(root, args);
}

/** `line:column` (1-based) of the first `key:` in the file, found independently of the generator. */
function positionOf(file: string, key: string): string {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const line = lines.findIndex((text) => new RegExp(`(^|[\\s{,-])${key}:`).test(text));
  expect(line, `${key} in ${file}`).toBeGreaterThanOrEqual(0);
  return `${line + 1}:${lines[line]!.search(new RegExp(`${key}:`)) + 1}`;
}

/** Runs `work` (which breaks the project) and puts the project back as it was, whatever happens. */
async function onACopy(work: () => Promise<void>): Promise<void> {
  const pristine = mkdtempSync(join(tmpdir(), 'svcgen-profile-pristine-'));
  cpSync(root, pristine, { recursive: true });
  try {
    await work();
  } finally {
    rmSync(root, { recursive: true, force: true });
    cpSync(pristine, root, { recursive: true });
    rmSync(pristine, { recursive: true, force: true });
  }
}

function edit(file: string, change: (text: string) => string): void {
  const path = join(root, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after, `the edit of ${file} changed nothing`).not.toBe(before);
  writeFileSync(path, after);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'svcgen-profile-'));
  cpSync(FIXTURE, root, { recursive: true });
  const first = await svcgen(['generate']);
  expect(first.code).toBe(0);
  good = snapshot(join(root, 'generated'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Case {
  name: string;
  breakIt: () => void;
  file: string;
  key: string;
  /** The pointer inside `file`. */
  pointer: string;
  suggestion: RegExp;
}

const cases: Case[] = [
  {
    name: 'an unknown top-level key (retryPolicy)',
    breakIt: () => edit(PROFILE, (t) => t.replace('        policy:\n', '        retryPolicy: { maxRetries: 3 }\n        policy:\n')),
    file: PROFILE,
    key: 'retryPolicy',
    pointer: '/actions/0/update/x-svcgen/retryPolicy',
    suggestion: /did you mean `policy`\?/,
  },
  {
    name: 'a misspelt nested required key (policy.retry.maxRetry)',
    breakIt: () => edit(PROFILE, (t) => t.replace('maxRetries: 2', 'maxRetry: 2')),
    file: PROFILE,
    key: 'maxRetry',
    pointer: '/actions/0/update/x-svcgen/policy/retry/maxRetry',
    suggestion: /did you mean `maxRetries`\? `maxRetries` is required and missing/,
  },
  {
    name: 'a misspelt required top-level key (idempotncy)',
    breakIt: () => edit(PROFILE, (t) => t.replace('        idempotency:', '        idempotncy:')),
    file: PROFILE,
    key: 'idempotncy',
    pointer: '/actions/0/update/x-svcgen/idempotncy',
    suggestion: /unknown key `idempotncy`.*did you mean `idempotency`\? `idempotency` is required and missing/,
  },
  {
    name: 'an unknown key in one variant of a list (pagination[0].cursorParm)',
    breakIt: () => edit(PROFILE, (t) => t.replace('cursorParam: starting_after', 'cursorParm: starting_after')),
    file: PROFILE,
    key: 'cursorParm',
    pointer: '/actions/0/update/x-svcgen/pagination/0/cursorParm',
    suggestion: /did you mean `cursorParam`\?/,
  },
  {
    name: 'an unknown key written by a second overlay file (policy.breakr)',
    breakIt: () =>
      writeFileSync(
        join(root, 'specs/overlays/acme/10-policy.yaml'),
        "overlay: 1.0.0\ninfo: { title: policy tweaks, version: 1.0.0 }\nactions:\n  - target: $['x-svcgen'].policy\n    update:\n      timeoutMs: 2000\n      breakr: { consecutiveFailures: 3, cooldownMs: 500 }\n",
      ),
    file: 'specs/overlays/acme/10-policy.yaml',
    key: 'breakr',
    pointer: '/actions/0/update/breakr',
    suggestion: /did you mean `breaker`\?/,
  },
];

describe('a typo in x-svcgen: exit 2, overlay file, line, pointer and nearest key named, output untouched', () => {
  for (const c of cases) {
    it(c.name, async () => {
      await onACopy(async () => {
        c.breakIt();
        const outcome = await svcgen(['generate', '--force']);
        expect(outcome.code).toBe(2);
        const location = `${c.file}:${positionOf(c.file, c.key)}#${c.pointer}`;
        expect(outcome.stderr).toContain(`svcgen: ${location}: unknown key \`${c.key}\``);
        expect(outcome.stderr).toMatch(c.suggestion);
        expect(outcome.stderr).not.toContain('internal error');
        expect(snapshot(join(root, 'generated'))).toEqual(good);
      });
    });
  }

  it('a profile that is otherwise wrong still names the overlay file, line and pointer', async () => {
    await onACopy(async () => {
      edit(PROFILE, (t) => t.replace('timeoutMs: 1000', "timeoutMs: 'soon'"));
      const outcome = await svcgen(['generate', '--force']);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toContain(`svcgen: ${PROFILE}:${positionOf(PROFILE, 'timeoutMs')}#/actions/0/update/x-svcgen/policy/timeoutMs: invalid vendor profile at /x-svcgen/policy/timeoutMs`);
      expect(snapshot(join(root, 'generated'))).toEqual(good);
    });
  });
});

describe('a declared webhook signature scheme that cannot work', () => {
  const WEBHOOKS = 'specs/overlays/acme/50-webhooks.yaml';

  it('is reported at the webhook overlay file, line and pointer that wrote it, output untouched', async () => {
    await onACopy(async () => {
      edit(WEBHOOKS, (t) => t.replace("payload: '{header:webhook-id}.{timestamp}.{body}'", "payload: '{body}.{body}'"));
      const outcome = await svcgen(['generate', '--force']);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toContain(`svcgen: ${WEBHOOKS}:${positionOf(WEBHOOKS, 'payload')}#/actions/0/update/x-svcgen-webhooks/scheme/payload: must contain \`{body}\` or \`{form}\` exactly once (found 2)`);
      expect(snapshot(join(root, 'generated'))).toEqual(good);
    });
  });
});

describe('a key shape that cannot work', () => {
  const shapes: [string, string, string][] = [
    ['one that is no regular expression', 'acme_(live', 'Invalid regular expression: /acme_(live/: Unterminated group'],
    ['one that matches empty text', 'acme_[a-z]*|', 'matches empty text, so it would scrub every position of every message'],
  ];
  for (const [name, shape, message] of shapes) {
    it(`${name}: exit 2 at the overlay file, line and pointer, output untouched`, async () => {
      await onACopy(async () => {
        edit(PROFILE, (t) => t.replace("secretShapes: ['acme_(?:live|test)_[A-Za-z0-9]{12,}']", `secretShapes: ['${shape}']`));
        const outcome = await svcgen(['generate', '--force']);
        expect(outcome.code).toBe(2);
        const line = positionOf(PROFILE, 'secretShapes').split(':')[0];
        expect(outcome.stderr).toContain(`svcgen: ${PROFILE}:${line}:`);
        expect(outcome.stderr).toContain(`#/actions/0/update/x-svcgen/secretShapes/0: invalid vendor profile at /x-svcgen/secretShapes/0: ${message}`);
        expect(snapshot(join(root, 'generated'))).toEqual(good);
      });
    });
  }
});

describe('a profile value the spec contradicts', () => {
  it('is reported at the overlay file and line that wrote it, not at the overlay folder', async () => {
    await onACopy(async () => {
      edit(PROFILE, (t) => t.replace('auth: { kind: bearer }', 'auth: { kind: basic, scheme: bearer }'));
      const outcome = await svcgen(['generate', '--force']);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toContain(`svcgen: ${PROFILE}:${positionOf(PROFILE, 'kind')}#/actions/0/update/x-svcgen/auth/kind: `);
      expect(snapshot(join(root, 'generated'))).toEqual(good);
    });
  });
});

describe('a typo in the config', () => {
  it('names the config file, line, pointer and the nearest known key', async () => {
    writeFileSync(join(root, 'typo.config.json'), '{\n  "vendors": {\n    "acme": { "polcy": { "timeoutMs": 5 } }\n  }\n}\n');
    try {
      const outcome = await svcgen(['generate', '--config', 'typo.config.json']);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toBe(`svcgen: typo.config.json:${positionOf('typo.config.json', '"polcy"')}#/vendors/acme/polcy: unknown key \`polcy\` in the config (did you mean \`policy\`?)\n`);
      expect(snapshot(join(root, 'generated'))).toEqual(good);
    } finally {
      rmSync(join(root, 'typo.config.json'));
    }
  });
});

describe('a vendor that is not pinned', () => {
  it('--vendor nosuch names the flag, the name and the vendors specs/lock.json knows', async () => {
    const outcome = await svcgen(['generate', '--vendor', 'nosuch']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toBe('svcgen: --vendor nosuch: no such vendor in specs/lock.json (known: acme)\n');
    expect(snapshot(join(root, 'generated'))).toEqual(good);
  });
});
