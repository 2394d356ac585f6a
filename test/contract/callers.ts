// The ONE adapter between the contract suite and the code under test. A caller sends one
// operation's input through a given transport:
//   generated  the `generated/<vendor>/operations.js` function named `operation.functionName`,
//              with a client from `generated/<vendor>/client.ts` (`create<Vendor>Client`);
//   direct     openapi-fetch with the operation's method and path and the runtime's encoders,
//              to measure the spec and Prism side without the generator
//              (SVCGEN_CONTRACT_CALLER=direct).
import { join } from 'node:path';
import createClient from 'openapi-fetch';
import type { ApiModel, OperationModel, ParameterModel } from '../../generator/model/types.ts';
import { FORM_CONTENT_TYPE, formBodySerializer } from '../../runtime/encoding/form.ts';
import { requestPath } from '../../generator/emit/request-path.ts';
import { MULTIPART_HEADERS, encodeMultipart } from '../../runtime/encoding/multipart.ts';
import { rawBody } from '../../runtime/encoding/raw.ts';
import { jsonBody } from '../../runtime/encoding/json.ts';
import { sampleValue, type SampleInput } from '../support/sample-input.ts';
import type { RecordingFetch } from './recorder.ts';

export type CallerKind = 'generated' | 'direct';
export type Call = (operation: OperationModel, input: SampleInput, fetch: RecordingFetch) => Promise<void>;

type Doc = Record<string, unknown>;

/** Values for the client and call options that the spec's option parameters require. */
export function optionValues(model: ApiModel, document: Doc): { client: Record<string, unknown>; call: Record<string, unknown> } {
  const client: Record<string, unknown> = {};
  const call: Record<string, unknown> = {};
  const add = (target: Record<string, unknown>, parameter: ParameterModel) => {
    if (!parameter.optionName || target[parameter.optionName] !== undefined) return;
    target[parameter.optionName] = String(sampleValue(parameter.schema ?? { type: 'string' }, document));
  };
  for (const operation of model.operations) {
    for (const parameter of operation.parameters) {
      if (parameter.role === 'client-option') add(client, parameter);
      if (parameter.role === 'call-option' && parameter.required) add(call, parameter);
    }
  }
  const auth = model.auth;
  if (auth.kind === 'token-exchange') {
    const login = model.operations.find((operation) => operation.id === auth.loginOperation);
    for (const [header, name] of Object.entries(auth.credentialHeaders)) {
      const declared = login?.parameters.find((p) => p.in === 'header' && p.name.toLowerCase() === header.toLowerCase());
      if (!declared || declared.required) client[name] = `contract-${name}`;
    }
  } else client.apiKey = 'contract-api-key';
  return { client, call };
}

export async function generatedCaller(vendor: string, model: ApiModel, document: Doc, baseUrl: string, root: string, extraClientOptions: Record<string, unknown> = {}): Promise<Call> {
  const operations = (await import(join(root, 'generated', vendor, 'operations.js'))) as Record<string, unknown>;
  const clientModule = (await import(join(root, 'generated', vendor, 'client.ts'))) as Record<string, unknown>;
  const factoryName = Object.keys(clientModule).find((name) => /^create\w*Client$/.test(name));
  if (!factoryName) throw new Error(`generated/${vendor}/client.ts exports no create…Client function`);
  const createVendorClient = clientModule[factoryName] as (options: object) => unknown;
  const options = optionValues(model, document);
  Object.assign(options.client, extraClientOptions);
  return async (operation, input, fetch) => {
    const fn = operations[operation.functionName];
    if (typeof fn !== 'function') throw new Error(`generated/${vendor}/operations.js has no function ${operation.functionName}`);
    // A client per call: its transport records this operation's exchanges only, and no breaker,
    // limiter or retry state carries over between operations.
    const client = createVendorClient({ ...options.client, baseUrl, fetch, retry: false, rateLimit: false, breaker: false, timeoutMs: 120_000, logger: false });
    await (fn as (c: unknown, i: SampleInput, o: object) => Promise<unknown>)(client, input, { ...options.call });
  };
}

export function directCaller(baseUrl: string): Call {
  return async (operation, input, fetch) => {
    const api = createClient<any>({ baseUrl, fetch, headers: { Authorization: 'Bearer contract-api-key' } });
    const header: Record<string, unknown> = { ...input.params.header };
    const query: Record<string, unknown> = { ...input.params.query };
    // Headers the generated client supplies itself (auth, client and call options) get stand-ins,
    // and so do API keys it writes into the query.
    for (const parameter of operation.parameters) {
      if (parameter.in === 'header' && parameter.role !== 'param' && parameter.required) header[parameter.name] = parameter.role === 'auth' ? 'Bearer contract-token' : 'contract';
      if (parameter.in === 'query' && parameter.role === 'auth' && parameter.required) query[parameter.name] = 'contract-api-key';
    }
    const params = Object.keys(query).length > 0 ? { ...input.params, header, query } : { ...input.params, header };
    const request: Record<string, unknown> = { params, body: input.body };
    const encoding = operation.requestBody?.encoding;
    if (encoding === 'form') {
      request.bodySerializer = formBodySerializer;
      request.headers = { 'Content-Type': FORM_CONTENT_TYPE };
    } else if (encoding === 'multipart') {
      // The part table the generator carries for this operation (deepObject, content types).
      const parts = operation.requestBody?.parts ?? {};
      request.bodySerializer = (body: unknown) => encodeMultipart(body, parts);
      request.headers = MULTIPART_HEADERS;
    } else if (encoding === 'binary' || encoding === 'text') {
      rawBody(operation.requestBody!.mediaType)(request, undefined);
    } else if (encoding === 'json' && operation.requestBody!.mediaType !== 'application/json' && !operation.requestBody!.mediaType.includes('*')) {
      jsonBody(operation.requestBody!.mediaType)(request, undefined);
    }
    // Read non-JSON successes as bytes: this caller measures requests, not response parsing.
    const success = operation.responses.find((response) => response.status.startsWith('2') && response.mediaType);
    if (success && !/json/i.test(success.mediaType!) && success.mediaType !== '*/*') request.parseAs = 'blob';
    await api.request(operation.method as 'get', requestPath(operation.path), request as never);
  };
}
