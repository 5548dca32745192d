/**
 * One line per request: time, method, path, status, milliseconds. Credentials never reach it: headers are
 * not logged, and query parameters whose name says they carry a secret are written as `***`. Lines are
 * buffered and flushed together so that logging keeps up with the server under load.
 */
export interface RequestLog {
  /** `status` is `reset` for a connection a fault dropped without an answer. */
  line(method: string, target: string, status: number | 'reset', milliseconds: number): void;
  flush(): void;
}

/** Names (query parameters, headers) that say their value is a secret. */
export const SECRET_NAME = /(token|secret|password|passwd|pwd|api[-_]?key|apikey|auth|signature|credential|session|assertion)/i;

/** The request target with secret query values replaced by `***`. */
function redactTarget(target: string): string {
  const question = target.indexOf('?');
  if (question === -1) return target;
  const path = target.slice(0, question);
  const query = target
    .slice(question + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals === -1 ? pair : pair.slice(0, equals);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // a malformed name is logged as sent
      }
      return equals !== -1 && SECRET_NAME.test(decoded) ? `${name}=***` : pair;
    })
    .join('&');
  return `${path}?${query}`;
}

export function createRequestLog(write: (text: string) => void): RequestLog {
  let buffer = '';
  let scheduled = false;
  // Under load many lines share a millisecond: format the time once per millisecond.
  let lastMs = 0;
  let lastIso = '';
  const flush = (): void => {
    scheduled = false;
    if (buffer === '') return;
    const text = buffer;
    buffer = '';
    write(text);
  };
  return {
    line(method, target, status, milliseconds) {
      const now = Date.now();
      if (now !== lastMs) {
        lastMs = now;
        lastIso = new Date(now).toISOString();
      }
      buffer += `${lastIso} ${method} ${redactTarget(target)} ${status} ${milliseconds.toFixed(1)}ms\n`;
      if (buffer.length > 16_384) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}

export const silentLog: RequestLog = { line() {}, flush() {} };
