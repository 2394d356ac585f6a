import { LEVELS, type LogLevel } from '../policy/events.ts';
import { redactValue, type Secret } from '../redact.ts';

export type { LogLevel };

/** Any object with a level; its other fields are logged as they are, after redaction. */
export interface LogRecord {
  readonly level: LogLevel;
}

export interface Logger {
  /** Records below this level are not written (the pipeline does not even build its events below it). */
  readonly level: LogLevel;
  log(record: LogRecord): void;
}

export interface JsonLoggerOptions {
  level?: LogLevel;
  /** Where a finished line goes; the console by default (Workers Logs picks it up). */
  write?: (line: string, level: LogLevel) => void;
  /** Scrubbed from every line besides the recognisable secrets: values, or key shapes such as a generated profile's `secretShapes`. */
  secrets?: readonly Secret[];
}

const writeToConsole = (line: string, level: LogLevel) => {
  console[level === 'error' || level === 'warn' ? level : 'log'](line);
};

/** One JSON object per line, every field passed through redactValue() with the given secrets. */
export function jsonLogger(options: JsonLoggerOptions = {}): Logger {
  const level = options.level ?? 'warn';
  const write = options.write ?? writeToConsole;
  return {
    level,
    log(record) {
      if (LEVELS[record.level] < LEVELS[level]) return;
      write(JSON.stringify(redactValue({ time: new Date().toISOString(), ...record }, options.secrets)), record.level);
    },
  };
}
