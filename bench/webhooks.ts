// Webhook verification throughput: verifications per second of one genuine ~2 KB delivery, ours
// against the vendors' official libraries and bare WebCrypto (the signature operation alone, no
// header or body parsing: the ceiling, since our verifiers are WebCrypto only). Each verifier runs back to
// back, one at a time; every call's result is checked so a broken verifier cannot look fast.
//
// Run alone: node bench/webhooks.ts [--quick]   (prints JSON)
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { EventWebhook } from '@sendgrid/eventwebhook';
import Stripe from 'stripe';
import { declaredScheme, verifyAirwallexHmac, verifySendgridEcdsa, verifyStripeV1, type DeclaredSignature } from '../runtime/webhooks.ts';
import { base64ToBytes, lowerHexToBytes } from '../runtime/webhooks/bytes.ts';
import { ecdsaDerToRaw } from '../runtime/webhooks/der.ts';
import { measured, median, type Figure, type Goal, type Section } from './lib/figure.ts';
import { pairRatios } from './lib/report.ts';

const PAYLOAD_BYTES = 2048;
/** Issue 15: ours at ≥ 0.9× the signature operation alone, for every scheme. */
const CEILING_GOAL: Goal = { kind: 'ratio', op: '>=', value: 0.9 };
/**
 * The least any verifier that takes the body as text and returns the parsed event must do: the
 * ceiling row's signature operation, the signed text encoded on each call, and the body parsed,
 * started (as ours does) while WebCrypto works on the signature. No header parsing, no timestamp
 * check, no shape check beyond one field: what encoding and parsing alone cost over the signature.
 */
const PARSE_ROW = 'the same WebCrypto verify of the text encoded per call, JSON.parse of the body while it runs';
/**
 * Everything the scheme requires of any verifier that returns the event, written inline: the
 * signature and timestamp read from the headers, the signature decoded (with the runtime's own
 * decoders: their cost is the decoding's, not ours' structure's), the timestamp checked against a
 * 300 s window, the signed text encoded, the verify started, the body parsed while it runs and its
 * shape checked (an object, or an array of objects). It skips what ours adds for callers (key
 * rotation lists, failure reasons, a key cache, options). The goals against bare WebCrypto and
 * against an SDK are reported with this row's own ratio (PeerFigure.bound): how near the goal the
 * whole of the work comes, and what is left to ours' structure.
 */
const COMPLETE_ROW = 'a complete verifier written inline: headers read, signature decoded, timestamp checked, verify, parse and shape check';
const TOLERANCE_SECONDS = 300;
const isEvent = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The same scheme declared as data (`x-svcgen-webhooks.scheme` as an object), verified by the
 * runtime's generic `declaredScheme`: what a vendor without a scheme module of its own gets.
 */
const DECLARED_ROW = 'svcgen declaredScheme (the same scheme declared in a profile)';

function declaredContender(delivery: 'object' | 'array', spec: DeclaredSignature, payload: string, headers: Headers, secret: string): Contender {
  const scheme = declaredScheme('bench', delivery, spec);
  return { name: DECLARED_ROW, run: async () => (await scheme.verify(payload, headers, secret)).ok };
}

interface Contender {
  readonly name: string;
  /** One verification; resolves true when the delivery was accepted. */
  readonly run: () => boolean | Promise<boolean>;
  readonly goal?: Goal;
  /** See PeerFigure.bound. */
  readonly bound?: string;
}

/** Pads a JSON object with a `padding` field until its text is `bytes` long. */
function sized(value: Record<string, unknown>, bytes: number): string {
  const bare = JSON.stringify({ ...value, padding: '' });
  return JSON.stringify({ ...value, padding: 'x'.repeat(Math.max(0, bytes - bare.length)) });
}

function stripePayload(): string {
  const object = {
    id: 'pi_3NqFGb2eZvKYlo2C0x8zH8qL',
    object: 'payment_intent',
    amount: 2000,
    amount_received: 2000,
    currency: 'usd',
    customer: 'cus_OdXk1wq2Zl3b4c',
    description: 'Order #1042 \u2014 caf\u00e9 cr\u00e8me',
    metadata: { order_id: '1042', channel: 'web' },
    payment_method_types: ['card'],
    status: 'succeeded',
    created: 1_700_000_000,
    livemode: false,
  };
  return sized({ id: 'evt_3NqFGb2eZvKYlo2C1', object: 'event', api_version: '2023-08-16', created: 1_700_000_001, type: 'payment_intent.succeeded', data: { object }, livemode: false, pending_webhooks: 1 }, PAYLOAD_BYTES);
}

function sendgridPayload(): string {
  const events: string[] = [];
  for (let i = 0; events.join(',\r\n').length < PAYLOAD_BYTES - 260; i++) {
    events.push(JSON.stringify({ email: `user${i}@example.com`, timestamp: 1_700_000_000 + i, 'smtp-id': `<msg${i}@ismtpd-1>`, event: i % 2 ? 'open' : 'delivered', category: ['receipts'], sg_event_id: `sg_event_${i}_abcdefghij`, sg_message_id: `msg${i}.filter0001.16.abc`, response: '250 OK', ip: '168.1.1.1' }));
  }
  return '[' + events.join(',\r\n') + ']\r\n';
}

function airwallexPayload(): string {
  return sized({ id: '8f3c9f0e-1b2a-4c5d-9e8f-0a1b2c3d4e5f', name: 'payment_intent.succeeded', account_id: 'acct_x', data: { object: { id: 'int_1', amount: 100, currency: 'USD', status: 'SUCCEEDED' } }, created_at: '2024-07-01T00:00:00+0000', version: '2024-06-30' }, PAYLOAD_BYTES);
}

async function check(contender: Contender): Promise<void> {
  if (!(await contender.run())) throw new Error(`${contender.name} rejected a genuine delivery`);
}

interface Tally {
  count: number;
  ms: number;
  /** Main-thread CPU, µs: WebCrypto's own work runs on other threads, so this is what each call keeps the caller's thread busy. */
  cpuMicros: number;
}

/** Runs `contender` back to back, `batch` calls between clock reads, for about `durationMs`, adding to `tally`. */
async function spin(contender: Contender, durationMs: number, tally: Tally, batch: number): Promise<void> {
  const cpu = process.threadCpuUsage();
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < durationMs) {
    for (let i = 0; i < batch; i++) {
      const ok = contender.run();
      if (!(ok instanceof Promise ? await ok : ok)) throw new Error(`${contender.name} rejected a genuine delivery`);
    }
    tally.count += batch;
    elapsed = performance.now() - start;
  }
  tally.ms += elapsed;
  const used = process.threadCpuUsage(cpu);
  tally.cpuMicros += used.user + used.system;
}

/**
 * Contenders take turns every ~5 ms. On a shared machine the load changes within milliseconds; with
 * 1-second samples cut into 10 slices, one burst of other work could land on one contender's
 * slice and move a ratio by a third, while 200 short turns spread such bursts over all of them.
 */
const SLICE_MS = 5;
/** Calls between clock reads, so reading the clock stays out of the measurement... */
const BATCH = 16;

/** Indexes 0..count-1 in random order (Fisher–Yates). */
function shuffledOrder(count: number, random: () => number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** A small PRNG (mulberry32) seeded from `text`, so a figure's turn order is the same in every run. */
function seededRandom(text: string): () => number {
  let state = 0;
  for (let i = 0; i < text.length; i++) state = Math.imul(state ^ text.charCodeAt(i), 0x9e3779b1);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The name of the row that times `peer`'s own verification again (see PeerFigure.control). */
const controlOf = (peer: Contender) => `${peer.name}, timed again as a row of its own`;

/**
 * The rate figure of one scheme, and the main-thread CPU per verification of the same samples.
 * Every peer that carries a goal is also timed a second time, as one more row running the same
 * function: its ratio to the first is how much two rows differ in this run when the code does not.
 */
async function figure(id: string, name: string, ours: Contender, given: readonly Contender[], runs: number, durationMs: number): Promise<[Figure, Figure]> {
  // After every given peer, so a lookup by a name's start (`bare WebCrypto`) finds the original.
  const controls = given.filter((peer) => peer.goal).map((peer): Contender => ({ name: controlOf(peer), run: peer.run }));
  const peers = [...given, ...controls];
  const all = [ours, ...peers];
  const batches: number[] = [];
  for (const contender of all) {
    await check(contender);
    const warm = { count: 0, ms: 0, cpuMicros: 0 };
    await spin(contender, Math.min(200, durationMs), warm, BATCH); // warm-up: JIT, key caches, lazy imports
    // ...except for a contender too slow to run a batch within a turn, which reads it every call.
    batches.push((warm.count / warm.ms) * SLICE_MS >= BATCH ? BATCH : 1);
  }
  const slices = Math.max(2, Math.round(durationMs / SLICE_MS));
  const random = seededRandom(id);
  const samples = all.map(() => [] as number[]);
  const cpu = all.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) {
    // Each sample is assembled from slices taken in turn, so a change in machine load during the
    // run falls on every contender alike. Each slice takes a freshly shuffled order, so every
    // contender goes first, and follows each other one, about equally often: a contender that
    // keeps the main thread busy (a synchronous SDK) slows whichever runs right after it, and with
    // a forward-then-reversed order of four that was always the same one.
    const tallies = all.map(() => ({ count: 0, ms: 0, cpuMicros: 0 }));
    for (let slice = 0; slice < slices; slice++) {
      for (const i of shuffledOrder(all.length, random)) await spin(all[i]!, durationMs / slices, tallies[i]!, batches[i]!);
    }
    tallies.forEach((t, i) => {
      samples[i]!.push(Math.round((t.count * 1000) / t.ms));
      cpu[i]!.push(Number((t.cpuMicros / t.count).toFixed(1)));
    });
  }
  return [
    {
      id,
      name,
      unit: 'per-second',
      paired: true,
      ours: measured(samples[0]!),
      peers: peers.map((peer, i) => ({
        name: peer.name,
        outcome: measured(samples[i + 1]!),
        ...(peer.goal ? { goal: peer.goal, control: controlOf(peer) } : {}),
        ...(peer.bound ? { bound: peer.bound } : {}),
      })),
    },
    {
      id: `${id}.main-cpu`,
      name: `Main-thread CPU µs per verification, ${name}`,
      unit: 'count',
      paired: true,
      ours: measured(cpu[0]!),
      peers: peers.map((peer, i) => ({ name: peer.name, outcome: measured(cpu[i + 1]!) })),
    },
  ];
}

function stripeContenders(): { ours: Contender; peers: Contender[] } {
  const stripe = new Stripe('sk_test_bench_no_network');
  const subtle = Stripe.createSubtleCryptoProvider();
  const secret = 'whsec_benchmark_secret_0123456789abcdef';
  const payload = stripePayload();
  const header = stripe.webhooks.generateTestHeaderString({ payload, secret });
  const headers = new Headers({ 'Stripe-Signature': header });
  const t = /t=(\d+)/.exec(header)![1]!;
  const expected = Buffer.from(/v1=([0-9a-f]+)/.exec(header)![1]!, 'hex');
  const encoder = new TextEncoder();
  const keyPromise = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  return {
    ours: { name: 'svcgen verifyStripeV1', run: async () => (await verifyStripeV1(payload, headers, secret)).ok },
    peers: [
      {
        name: 'stripe constructEventAsync (createSubtleCryptoProvider)',
        goal: { kind: 'ratio', op: '>=', value: 1.35 },
        bound: COMPLETE_ROW,
        run: async () => (await stripe.webhooks.constructEventAsync(payload, header, secret, undefined, subtle)).type === 'payment_intent.succeeded',
      },
      { name: 'stripe constructEvent (node:crypto, synchronous)', run: () => stripe.webhooks.constructEvent(payload, header, secret).type === 'payment_intent.succeeded' },
      declaredContender(
        'object',
        {
          algorithm: 'hmac-sha256',
          payload: '{timestamp}.{body}',
          signature: { header: 'Stripe-Signature', encoding: 'hex', prefix: 'v1=', separator: ',' },
          timestamp: { prefix: 't=', unit: 'seconds' },
        },
        payload,
        headers,
        secret,
      ),
      { name: 'bare WebCrypto HMAC verify (signature only, key imported once)', goal: CEILING_GOAL, bound: COMPLETE_ROW, run: async () => crypto.subtle.verify('HMAC', await keyPromise, expected, encoder.encode(`${t}.${payload}`)) },
      {
        name: PARSE_ROW,
        run: async () => {
          const verdict = crypto.subtle.verify('HMAC', await keyPromise, expected, encoder.encode(`${t}.${payload}`));
          const event = JSON.parse(payload) as { type?: string };
          return (await verdict) && event.type === 'payment_intent.succeeded';
        },
      },
      {
        name: COMPLETE_ROW,
        run: async () => {
          const fields = headers.get('stripe-signature')?.split(',') ?? [];
          const sentAt = fields.find((field) => field.startsWith('t='))?.slice(2);
          const sentSignature = lowerHexToBytes(fields.find((field) => field.startsWith('v1='))?.slice(3) ?? '');
          if (!sentAt || !sentSignature || Math.abs(Date.now() / 1000 - Number(sentAt)) > TOLERANCE_SECONDS) return false;
          const verdict = crypto.subtle.verify('HMAC', await keyPromise, sentSignature, encoder.encode(`${sentAt}.${payload}`));
          const event: unknown = JSON.parse(payload);
          return (await verdict) && isEvent(event);
        },
      },
    ],
  };
}

function sendgridContenders(): { ours: Contender; peers: Contender[] } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const publicKeyText = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const payload = sendgridPayload();
  const timestamp = String(Math.floor(Date.now() / 1000));
  const der = sign('sha256', Buffer.from(timestamp + payload), privateKey);
  const signature = der.toString('base64');
  const headers = new Headers({ 'X-Twilio-Email-Event-Webhook-Signature': signature, 'X-Twilio-Email-Event-Webhook-Timestamp': timestamp });
  const eventWebhook = new EventWebhook();
  const ecdsaKey = eventWebhook.convertPublicKeyToECDSA(publicKeyText);
  const raw = ecdsaDerToRaw(der, 32)!;
  const encoder = new TextEncoder();
  const signed = encoder.encode(timestamp + payload);
  const keyPromise = crypto.subtle.importKey('spki', Buffer.from(publicKeyText, 'base64'), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  return {
    ours: { name: 'svcgen verifySendgridEcdsa', run: async () => (await verifySendgridEcdsa(payload, headers, publicKeyText)).ok },
    peers: [
      { name: '@sendgrid/eventwebhook verifySignature', goal: { kind: 'ratio', op: '>=', value: 30 }, bound: COMPLETE_ROW, run: () => eventWebhook.verifySignature(ecdsaKey, payload, signature, timestamp) },
      declaredContender(
        'array',
        {
          algorithm: 'ecdsa-p256-sha256',
          payload: '{timestamp}{body}',
          signature: { header: 'X-Twilio-Email-Event-Webhook-Signature', encoding: 'base64' },
          timestamp: { header: 'X-Twilio-Email-Event-Webhook-Timestamp', unit: 'seconds' },
        },
        payload,
        headers,
        publicKeyText,
      ),
      { name: 'bare WebCrypto ECDSA verify (signature only, key imported once)', goal: CEILING_GOAL, bound: COMPLETE_ROW, run: async () => crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, await keyPromise, raw, signed) },
      {
        name: PARSE_ROW,
        run: async () => {
          const verdict = crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, await keyPromise, raw, encoder.encode(timestamp + payload));
          const events: unknown = JSON.parse(payload);
          return (await verdict) && Array.isArray(events);
        },
      },
      {
        name: COMPLETE_ROW,
        run: async () => {
          const sentSignature = headers.get('x-twilio-email-event-webhook-signature');
          const sentAt = headers.get('x-twilio-email-event-webhook-timestamp');
          if (!sentSignature || !sentAt || Math.abs(Date.now() / 1000 - Number(sentAt)) > TOLERANCE_SECONDS) return false;
          const decoded = base64ToBytes(sentSignature);
          const rawSignature = decoded && ecdsaDerToRaw(decoded, 32);
          if (!rawSignature) return false;
          const verdict = crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, await keyPromise, rawSignature, encoder.encode(sentAt + payload));
          const events: unknown = JSON.parse(payload);
          return (await verdict) && Array.isArray(events) && events.every(isEvent);
        },
      },
    ],
  };
}

function airwallexContenders(): { ours: Contender; peers: Contender[] } {
  const secret = 'airwallex_webhook_secret_0123456789';
  const payload = airwallexPayload();
  const timestamp = String(Date.now());
  const signature = createHmac('sha256', secret).update(timestamp + payload).digest('hex');
  const headers = new Headers({ 'x-timestamp': timestamp, 'x-signature': signature });
  const expected = Buffer.from(signature, 'hex');
  const encoder = new TextEncoder();
  const keyPromise = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  return {
    ours: { name: 'svcgen verifyAirwallexHmac', run: async () => (await verifyAirwallexHmac(payload, headers, secret)).ok },
    peers: [
      {
        name: 'node:crypto createHmac + JSON.parse (synchronous reference)',
        run: () => createHmac('sha256', secret).update(timestamp + payload).digest('hex') === signature && JSON.parse(payload).name === 'payment_intent.succeeded',
      },
      declaredContender(
        'object',
        {
          algorithm: 'hmac-sha256',
          payload: '{timestamp}{body}',
          signature: { header: 'x-signature', encoding: 'hex' },
          timestamp: { header: 'x-timestamp', unit: 'milliseconds' },
        },
        payload,
        headers,
        secret,
      ),
      { name: 'bare WebCrypto HMAC verify (signature only, key imported once)', goal: CEILING_GOAL, bound: COMPLETE_ROW, run: async () => crypto.subtle.verify('HMAC', await keyPromise, expected, encoder.encode(timestamp + payload)) },
      {
        name: PARSE_ROW,
        run: async () => {
          const verdict = crypto.subtle.verify('HMAC', await keyPromise, expected, encoder.encode(timestamp + payload));
          const event = JSON.parse(payload) as { name?: string };
          return (await verdict) && event.name === 'payment_intent.succeeded';
        },
      },
      {
        name: COMPLETE_ROW,
        run: async () => {
          const sentAt = headers.get('x-timestamp');
          const sentSignature = lowerHexToBytes(headers.get('x-signature') ?? '');
          if (!sentAt || !sentSignature || Math.abs(Date.now() - Number(sentAt)) > TOLERANCE_SECONDS * 1000) return false;
          const verdict = crypto.subtle.verify('HMAC', await keyPromise, sentSignature, encoder.encode(sentAt + payload));
          const event: unknown = JSON.parse(payload);
          return (await verdict) && isEvent(event);
        },
      },
    ],
  };
}

/** The median of a measured outcome, NaN for a failed one. */
function central(outcome: Figure['ours']): number {
  return outcome.kind === 'measured' ? median(outcome.samples) : Number.NaN;
}

/**
 * A goal against an SDK is bounded by the signature operation itself: no verifier built on the
 * same WebCrypto call beats bare WebCrypto, so bare ÷ SDK in this run is the highest ratio reachable.
 */
function sdkCeilings(figures: readonly Figure[]): string[] {
  const parts: string[] = [];
  for (const f of figures) {
    const bare = f.peers.find((p) => p.name.startsWith('bare WebCrypto'));
    if (!bare) continue;
    const least = f.peers.find((p) => p.name === PARSE_ROW);
    const complete = f.peers.find((p) => p.name === COMPLETE_ROW);
    for (const peer of f.peers) {
      if (peer === bare || peer.goal?.kind !== 'ratio') continue;
      const ceiling = central(bare.outcome) / central(peer.outcome);
      const leastText = least ? `, verify + encode + parse ÷ it ${(central(least.outcome) / central(peer.outcome)).toFixed(2)}×` : '';
      const completeText = complete ? `, the complete verifier ÷ it ${(central(complete.outcome) / central(peer.outcome)).toFixed(2)}×` : '';
      if (Number.isFinite(ceiling)) parts.push(`${f.name}: bare ÷ ${peer.name} ${ceiling.toFixed(2)}×${leastText}${completeText}`);
    }
  }
  return parts.length ? [`The ceiling of each ratio to an SDK in this run, bare WebCrypto ÷ that SDK, and what the least work of a verifier that returns the event and the complete verifier written inline reach against it (medians): ${parts.join('; ')}.`] : [];
}

/** Per goal peer, its second row ÷ it, per sample (samples of one run are taken in the same turns). */
function resolution(figures: readonly Figure[]): string[] {
  const parts: string[] = [];
  for (const f of figures) {
    for (const peer of f.peers) {
      const control = f.peers.find((p) => p.name === peer.control);
      // Paired as the report pairs ours with a peer, the control row in ours' place.
      const ratios = control && pairRatios({ ...f, ours: control.outcome }, peer);
      if (!ratios?.length) continue;
      const range = ratios.length > 1 ? ` (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}, n=${ratios.length})` : '';
      parts.push(`${f.name}, ${peer.name}: ${median(ratios).toFixed(2)}×${range}`);
    }
  }
  return parts.length
    ? [`The measurement's resolution: every peer that carries a goal is timed a second time, as a row of its own running the same function in the same process; that row ÷ the peer, per sample, median (min–max, n): ${parts.join('; ')}.`]
    : [];
}

/**
 * What the work costs over the signature alone, in this run: the parse row and the complete row ÷
 * the ceiling row, and ours ÷ the complete row (what is left to ours' own structure).
 */
function parseCosts(figures: readonly Figure[]): string[] {
  const parts: string[] = [];
  for (const f of figures) {
    const bare = f.peers.find((p) => p.name.startsWith('bare WebCrypto'));
    const parsing = f.peers.find((p) => p.name === PARSE_ROW);
    const complete = f.peers.find((p) => p.name === COMPLETE_ROW);
    if (!bare || !parsing || !complete) continue;
    const [signature, withParse, whole] = [central(bare.outcome), central(parsing.outcome), central(complete.outcome)];
    parts.push(`${f.name}: verify + encode + parse ÷ verify alone ${(withParse / signature).toFixed(2)}×, the complete verifier ÷ verify alone ${(whole / signature).toFixed(2)}×, ours ÷ the complete verifier ${(central(f.ours) / whole).toFixed(2)}×`);
  }
  return parts.length ? [`What the work of a verifier that returns the event costs in this run (medians): ${parts.join('; ')}.`] : [];
}

/**
 * Where the work and ours spend their time beyond the signature operation, from the CPU rows of
 * the same samples: the main thread's CPU per verification, each row over the one before it (bare
 * WebCrypto, the least work, the complete verifier, ours: what ours' structure adds beyond the
 * work, with whatever garbage and promise jobs it brings; the figure does not split it further).
 */
function mainThreadCosts(pairs: readonly (readonly [Figure, Figure])[]): string[] {
  const parts: string[] = [];
  for (const [rate, cpu] of pairs) {
    const bare = cpu.peers.find((p) => p.name.startsWith('bare WebCrypto'));
    const least = cpu.peers.find((p) => p.name === PARSE_ROW);
    const complete = cpu.peers.find((p) => p.name === COMPLETE_ROW);
    if (!bare || !least || !complete) continue;
    const [b, l, c, o] = [central(bare.outcome), central(least.outcome), central(complete.outcome), central(cpu.ours)];
    const signed = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(1)} µs`;
    const perCall = 1e6 / central(rate.peers.find((p) => p.name === bare.name)!.outcome);
    parts.push(`${rate.name}: bare WebCrypto ${b.toFixed(1)} µs of its ${perCall.toFixed(0)} µs per verification, the least work ${signed(l - b)} over it, the complete verifier ${signed(c - l)} over the least work, ours ${signed(o - c)} over the complete verifier`);
  }
  return parts.length ? [`Main-thread CPU per verification (medians of the CPU rows): ${parts.join('; ')}.`] : [];
}

/** The generic verifier of a declared scheme against the scheme's own module, and against the ceiling. */
function declaredCosts(figures: readonly Figure[]): string[] {
  const parts: string[] = [];
  for (const f of figures) {
    const declared = f.peers.find((p) => p.name === DECLARED_ROW);
    const bare = f.peers.find((p) => p.name.startsWith('bare WebCrypto'));
    if (!declared || !bare) continue;
    const rate = central(declared.outcome);
    parts.push(`${f.name}: declared ÷ ours ${(rate / central(f.ours)).toFixed(2)}×, declared ÷ bare WebCrypto ${(rate / central(bare.outcome)).toFixed(2)}×`);
  }
  return parts.length ? [`The declared scheme in this run (medians): ${parts.join('; ')}.`] : [];
}

export async function runWebhookBench({ quick }: { quick: boolean }): Promise<Section> {
  const runs = quick ? 1 : 5;
  const durationMs = quick ? 100 : 1000;
  const stripe = stripeContenders();
  const sendgrid = sendgridContenders();
  const airwallex = airwallexContenders();
  const pairs = [
    await figure('webhooks.stripe', 'Stripe stripe-v1, 2 KB event', stripe.ours, stripe.peers, runs, durationMs),
    await figure('webhooks.sendgrid', 'SendGrid sendgrid-ecdsa, 2 KB batch', sendgrid.ours, sendgrid.peers, runs, durationMs),
    await figure('webhooks.airwallex', 'Airwallex airwallex-hmac, 2 KB event', airwallex.ours, airwallex.peers, runs, durationMs),
  ];
  const figures = pairs.flat();
  const rates = pairs.map(([rate]) => rate);
  return {
    title: 'Webhook verifications',
    notes: [
      `From \`bench/webhooks.ts\`: verifications per second of one genuine ${PAYLOAD_BYTES}-byte delivery, back to back, one at a time; ${runs} sample(s) of ${durationMs} ms per contender, each assembled from turns of about ${SLICE_MS} ms taken in turn (${BATCH} calls between clock reads, or 1 for a contender slower than that), in a shuffled order every turn, after a warm-up.`,
      'Ours and the SDKs include header parsing, the timestamp check and JSON parsing; "bare WebCrypto" is the signature operation alone with the key imported once (the HMAC rows encode the signed text on each call, the ECDSA row verifies bytes encoded once), and the ceiling the ≥ 0.9× goal is set against.',
      "Ours parses the body while WebCrypto computes the signature (Node runs it on the libuv thread pool), and returns the event only after the signature matched. The row \"" + PARSE_ROW + "\" does only that on top of the ceiling row, and encodes the signed text on each call as every verifier given a text body must (in all three figures), so it shows what the least work of a verifier that returns the event costs in this runtime and on this machine.",
      `The row "${COMPLETE_ROW}" adds what the scheme requires of every verifier, written inline with no structure around it: the signature and timestamp read from the fetch Headers, the signature decoded with the runtime's own decoders, the timestamp checked against a ${TOLERANCE_SECONDS} s window, the event's shape checked (an object, or an array of objects). It is the row "the least the work needs" names for the goals against bare WebCrypto and the SDKs; ours adds, beyond it, a list of keys to try, failure reasons, the key cache and the options.`,
      ...parseCosts(rates),
      ...mainThreadCosts(pairs),
      "Stripe's async verifier imports the HMAC key and dispatches a WebCrypto job on every call; ours imports each secret once.",
      `"${DECLARED_ROW}" verifies the same delivery through the runtime's generic verifier of a scheme declared as data (what a vendor whose scheme has no module of its own gets), the scheme written as that vendor's profile would declare it.`,
      ...declaredCosts(rates),
      ...sdkCeilings(rates),
      ...resolution(rates),
    ],
    figures,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runWebhookBench({ quick: process.argv.includes('--quick') });
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}
