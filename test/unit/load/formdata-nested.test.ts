// A Swagger 2.0 formData array of arrays: its items' collectionFormat (csv when absent) says how
// each inner list is joined, which no OpenAPI 3 Encoding Object can say and swagger2openapi drops.
// The load refuses it with the file and the pointer of the items (their collectionFormat when the
// spec writes one), and an overlay that reshapes the parameter lets the vendor load.
import { afterEach, describe, expect, it } from 'vitest';
import { loadVendor } from '../../../generator/load/index.ts';
import { convertSwagger2 } from '../../../generator/load/convert-swagger2.ts';
import { inputError } from './expect-input-error.ts';
import { tempProject, type TempProject } from './temp-project.ts';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

const grid = (items: object) => ({ name: 'grid', in: 'formData', type: 'array', collectionFormat: 'csv', items });
const pipesOfStrings = { type: 'array', collectionFormat: 'pipes', items: { type: 'string' } };

function swagger(operationParameters: object[], extra: Record<string, unknown> = {}): Record<string, any> {
  return {
    swagger: '2.0',
    info: { title: 'grid', version: '1' },
    paths: {
      '/grids': {
        post: { consumes: ['application/x-www-form-urlencoded'], parameters: operationParameters, responses: { 200: { description: 'ok' } } },
      },
    },
    ...extra,
  };
}

describe('formData arrays of arrays', () => {
  it('an inline parameter: refused at its items.collectionFormat, naming the inner format', async () => {
    const error = await inputError(convertSwagger2(swagger([grid(pipesOfStrings)]), 'grid/swagger.json'));
    expect(error.file).toBe('grid/swagger.json');
    expect(error.pointer).toBe('/paths/~1grids/post/parameters/0/items/collectionFormat');
    expect(error.message).toBe(
      "grid/swagger.json#/paths/~1grids/post/parameters/0/items/collectionFormat: formData array 'grid' holds arrays joined as pipes (items.collectionFormat), " +
        "which OpenAPI 3's encoding cannot say and svcgen does not send; reshape the parameter in an overlay (x-svcgen-stage: source) in specs/overlays/",
    );
  });

  it('a #/parameters reference used at path level, inner format absent (csv): refused at the shared parameter', async () => {
    const doc = swagger([], { parameters: { grid: grid({ type: 'array', items: { type: 'integer' } }) } });
    doc.paths['/grids'].parameters = [{ name: 'q', in: 'formData', type: 'string' }, { $ref: '#/parameters/grid' }];
    const error = await inputError(convertSwagger2(doc, 'grid/swagger.json'));
    expect(error.pointer).toBe('/parameters/grid/items');
    expect(error.problem).toContain("formData array 'grid' holds arrays joined as csv, the default (items.collectionFormat)");
  });

  it('arrays of scalars and non-array formData parameters are not refused', async () => {
    const { document } = await convertSwagger2(swagger([grid({ type: 'string' }), { name: 'n', in: 'formData', type: 'string' }]), 'grid/swagger.json');
    expect(document.paths['/grids'].post.requestBody.content['application/x-www-form-urlencoded'].encoding).toEqual({ grid: { style: 'form', explode: false } });
  });

  it('through loadVendor: refused with the lock path; a source-stage overlay that reshapes the parameter lets it load', async () => {
    const content = JSON.stringify(swagger([grid(pipesOfStrings)]));
    project = await tempProject({ grid: { format: 'swagger-2.0', files: [{ path: 'grid/swagger.json', content }] } });
    const options = { root: project.root, mirror: project.mirror, download: false };
    const error = await inputError(loadVendor('grid', options));
    expect(error.message).toMatch(/^grid\/swagger\.json(:\d+:\d+)?#\/paths\/~1grids\/post\/parameters\/0\/items\/collectionFormat: formData array 'grid' holds arrays/);
    await project.writeOverlay(
      'grid',
      '10-flat-grid.yaml',
      [
        'overlay: 1.0.0',
        'info: { title: grid rows as strings, version: 1.0.0 }',
        'x-svcgen-stage: source',
        'actions:',
        "  - target: $.paths['/grids'].post.parameters[0].items",
        '    remove: true',
        "  - target: $.paths['/grids'].post.parameters[0]",
        '    update: { items: { type: string } }',
        '',
      ].join('\n'),
    );
    const loaded = await loadVendor('grid', options);
    expect(loaded.document.paths['/grids'].post.requestBody.content['application/x-www-form-urlencoded'].encoding).toEqual({ grid: { style: 'form', explode: false } });
  });
});
