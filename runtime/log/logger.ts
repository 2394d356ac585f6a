import { LEVELS, type LogLevel } from '../policy/events.ts';
import { redact } from '../redact.ts';

export type { LogLevel };

/** Any object with a level; its other fields are logged as they are, after redaction. */
export interface LogRecord {
  readonly level: LogLevel;
}

export interface Logger {
  /** Records below this level are not built at all. */
  readonly level: LogLevel;
  log(record: LogRecord): void;
}

export interface JsonLoggerOptions {
  level?: LogLevel;
  /** Where a finished line goes; the console by default (Workers Logs picks it up). */
  write?: (line: string, level: LogLevel) => void;
}

const writeToConsole = (line: string, level: LogLevel) => {
  console[level === 'error' || level === 'warn' ? level : 'log'](line);
};

/** One JSON object per line, every field passed through redact(). */
export function jsonLogger(options: JsonLoggerOptions = {}): Logger {
  const level = options.level ?? 'warn';
  const write = options.write ?? writeToConsole;
  return {
    level,
    log(record) {
      if (LEVELS[record.level] < LEVELS[level]) return;
      write(JSON.stringify(redact({ time: new Date().toISOString(), ...record })), record.level);
    },
  };
}
