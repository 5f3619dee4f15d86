import type { LoggerService, LogLevel } from '@nestjs/common';

/**
 * Structured JSON logs, one object per line (DEVELOPERS.md: every service logs structured
 * JSON). stdout for info/debug, stderr for warnings and errors, so a supervisor can split them.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly service: string,
    private readonly levels: ReadonlySet<LogLevel> = new Set<LogLevel>(['log', 'warn', 'error', 'fatal']),
    private readonly out: (line: string, isError: boolean) => void = (line, isError) =>
      (isError ? process.stderr : process.stdout).write(line + '\n'),
  ) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  /** A structured event with fields, e.g. logger.event('config', { eventStore: 'sqlite' }). */
  event(msg: string, fields: Record<string, unknown>, level: LogLevel = 'log'): void {
    if (!this.levels.has(level)) return;
    this.emit(level, { msg, ...fields });
  }

  private write(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (!this.levels.has(level)) return;
    // Nest passes the context as the last string argument, and a stack before it for errors.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = {};
    if (message instanceof Error) {
      fields.msg = message.message;
      fields.stack = message.stack;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(fields, message);
    } else {
      fields.msg = String(message);
    }
    if (context) fields.context = context;
    if (rest.length === 1 && typeof rest[0] === 'string') fields.stack = rest[0];
    else if (rest.length > 0) fields.extra = rest;
    this.emit(level, fields);
  }

  private emit(level: LogLevel, fields: Record<string, unknown>): void {
    const line = JSON.stringify({ time: new Date().toISOString(), level, service: this.service, ...fields });
    this.out(line, level === 'error' || level === 'fatal' || level === 'warn');
  }
}
