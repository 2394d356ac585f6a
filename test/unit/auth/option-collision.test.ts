// The TS2300 case through the CLI: a profile option (here the API-version option) named
// like a credential option used to be emitted twice in the options type. Now `svcgen generate`
// refuses it: exit 2, the pointer and the clash named, nothing written.
import { describe, expect, it } from 'vitest';
import { createSpecProject } from './spec-project.ts';

describe('a profile option named like a credential option', () => {
  it('is a generation error, not a duplicate identifier in client.ts', async () => {
    const failure = (await createSpecProject('auth-clash', [
      {
        vendor: 'pets',
        displayName: 'Pets',
        example: '3.0/json/petstore-simple.json',
        profile: { apiVersion: { header: 'X-Version', value: '1', optionName: 'username' } },
      },
    ]).catch((error: unknown) => error)) as { code?: number; stderr?: string; generatedWritten?: boolean };
    expect(failure.code).toBe(2);
    expect(failure.stderr).toMatch(/00-profile\.yaml.*#\/.*apiVersion\/optionName: .*option name 'username' is already a credential option/);
    expect(failure.stderr).not.toContain('internal error');
    expect(failure.generatedWritten).toBe(false);
  }, 120_000);
});
