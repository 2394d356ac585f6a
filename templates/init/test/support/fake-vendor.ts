// The fake vendor every test talks to (a vitest setup file, written by `svcgen init`): the Worker
// and the tests share one isolate, so replacing `fetch` here catches every outbound call the Worker
// makes, records it, and answers from the current responder (by default 200 `{}`). Nothing reaches
// the network.
export interface VendorCall {
  url: URL;
  method: string;
  headers: Headers;
  body: string;
}

export type Responder = (call: VendorCall) => Response | Promise<Response>;

const defaultResponder: Responder = () => Response.json({});

export const vendorCalls: VendorCall[] = [];
let responder: Responder = defaultResponder;

/** Answers every following outbound call with `next` (until `resetFakeVendor`). */
export function answerWith(next: Responder): void {
  responder = next;
}

export function resetFakeVendor(): void {
  vendorCalls.length = 0;
  responder = defaultResponder;
}

globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const request = new Request(input, init);
  const call: VendorCall = { url: new URL(request.url), method: request.method, headers: request.headers, body: new TextDecoder().decode(await request.arrayBuffer()) };
  vendorCalls.push(call);
  return responder(call);
};
