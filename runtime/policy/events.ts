import type { BreakerState } from './breaker.ts';

// What the pipeline reports. Events carry operation ids and path templates, never URLs,
// headers or bodies, so they hold no secrets; the logger still redacts them.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface AttemptEvent {
  readonly type: 'attempt';
  readonly level: LogLevel;
  readonly vendor: string;
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  /** 1 for the first try. */
  readonly attempt: number;
  readonly status?: number | undefined;
  /** Error name and message when the attempt produced no response. */
  readonly error?: string | undefined;
  readonly durationMs: number;
  /** Delay before the next attempt; absent when this attempt ended the call. */
  readonly retryInMs?: number | undefined;
  readonly breakerState: BreakerState | 'off';
}

export interface RateLimitEvent {
  readonly type: 'rate-limit';
  readonly level: LogLevel;
  readonly vendor: string;
  readonly operationId: string;
  readonly attempt: number;
  /** The wait before the slot this attempt reserved (a reservation that had to wait). */
  readonly waitMs?: number;
  /** When a refused reservation could have been granted (epoch ms); the call ends, or a retry ends it. */
  readonly rejectedUntil?: number;
  readonly bucket?: string;
}

export interface BreakerEvent {
  readonly type: 'breaker';
  readonly level: LogLevel;
  readonly vendor: string;
  readonly operationId: string;
  readonly circuit: string;
  readonly from: BreakerState;
  readonly to: BreakerState;
  readonly retryAt?: number | undefined;
}

export interface CircuitRejectedEvent {
  readonly type: 'circuit-rejected';
  readonly level: LogLevel;
  readonly vendor: string;
  readonly operationId: string;
  readonly attempt: number;
  readonly circuit: string;
  readonly retryAt: number;
}

export interface CacheEvent {
  readonly type: 'cache';
  readonly level: LogLevel;
  readonly vendor: string;
  readonly operationId: string;
  readonly hit: boolean;
}

export type PolicyEvent = AttemptEvent | RateLimitEvent | BreakerEvent | CircuitRejectedEvent | CacheEvent;

export const LEVELS: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };
