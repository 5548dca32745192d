/**
 * One line per request: time, method, path, status, milliseconds. Nothing personal or secret reaches it:
 * headers are not logged, and the target goes through the workspace's one redactor (secret-named query
 * members, credentials, CPFs and e-mails become `***`, in the path too). Lines are buffered and flushed
 * together so that logging keeps up with the server under load.
 */
import { redactText } from '@credit-apis/contract-core/redact';

export interface RequestLog {
  /** `status` is `reset` for a connection a fault dropped without an answer. */
  line(method: string, target: string, status: number | 'reset', milliseconds: number): void;
  flush(): void;
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
      buffer += `${lastIso} ${method} ${redactText(target)} ${status} ${milliseconds.toFixed(1)}ms\n`;
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
