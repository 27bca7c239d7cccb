type Level = 'debug' | 'info' | 'warn' | 'error'
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 }

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void
  info(msg: string, fields?: Record<string, unknown>): void
  warn(msg: string, fields?: Record<string, unknown>): void
  error(msg: string, fields?: Record<string, unknown>): void
}

/** One JSON object a line; request lines carry their request id (`reqId`). */
export function createLogger(
  minLevel: Level | 'silent' = 'info',
  write: (line: string) => void = (line) => process.stdout.write(line),
): Logger {
  const min = minLevel === 'silent' ? Infinity : ORDER[minLevel]
  const log =
    (level: Level) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (ORDER[level] < min) return
      write(JSON.stringify({ level, time: new Date().toISOString(), msg, ...fields }) + '\n')
    }
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') }
}
