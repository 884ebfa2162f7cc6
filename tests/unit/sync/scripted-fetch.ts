/** A fetch that answers from a script, records what was asked, and can hang, fail, stream or cut off. */

export type ScriptedAnswer =
  | {
      status?: number;
      body?: BodyInit;
      headers?: Record<string, string>;
      /** The URL the answer came from after following redirects, as `fetch` reports it. */
      redirectedTo?: string;
    }
  | 'network-error'
  /** Never answers until the request is aborted. */
  | 'hang';

export interface RecordedRequest {
  url: string;
  headers: Record<string, string>;
}

export class ScriptedFetch {
  readonly requests: RecordedRequest[] = [];
  inFlight = 0;
  maxInFlight = 0;
  private readonly answers = new Map<string, ScriptedAnswer[]>();
  private gate: Promise<void> | undefined;
  private openGate: (() => void) | undefined;

  /** Answer `url` with these answers in turn; the last one repeats. Unknown URLs answer 404. */
  on(url: string, ...answers: ScriptedAnswer[]): this {
    this.answers.set(url, answers);
    return this;
  }

  /** Hold every request until `release()`. */
  hold(): void {
    this.gate = new Promise((resolve) => {
      this.openGate = resolve;
    });
  }

  release(): void {
    this.openGate?.();
    this.gate = undefined;
  }

  asked(url: string): RecordedRequest[] {
    return this.requests.filter((request) => request.url === url);
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    this.requests.push({ url, headers: Object.fromEntries(new Headers(init?.headers).entries()) });
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.gate) await Promise.race([this.gate, hangUntilAborted(init?.signal)]);
      const queue = this.answers.get(url);
      const answer = (queue && queue.length > 1 ? queue.shift() : queue?.[0]) ?? {
        status: 404,
        body: 'Not Found',
      };
      if (answer === 'network-error') throw new TypeError('Failed to fetch');
      if (answer === 'hang') return await hangUntilAborted(init?.signal);
      const response = new Response(answer.status === 304 ? null : (answer.body ?? ''), {
        status: answer.status ?? 200,
        headers: { 'content-type': 'text/plain; charset=utf-8', ...answer.headers },
      });
      Object.defineProperties(response, {
        url: { value: answer.redirectedTo ?? url },
        redirected: { value: answer.redirectedTo !== undefined },
      });
      return response;
    } finally {
      this.inFlight -= 1;
    }
  };
}

function hangUntilAborted(signal: AbortSignal | null | undefined): Promise<never> {
  return new Promise((_, reject) => {
    signal?.addEventListener('abort', () =>
      reject(new DOMException('The operation was aborted.', 'AbortError')),
    );
  });
}

/** A body of `totalBytes` bytes in 64 kB chunks, made only as it is read; `pulled()` says how much was made. */
export function hugeBody(totalBytes: number): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  let made = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (made >= totalBytes) return controller.close();
      made += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { body, pulled: () => made };
}

/** A body that sends `text` and then breaks, as a dropped connection does. */
export function brokenBody(text: string): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) return controller.error(new TypeError('network connection lost'));
      sent = true;
      controller.enqueue(new TextEncoder().encode(text));
    },
  });
}
