/**
 * What Playwright has no API for, through the DevTools protocol of one extension page: stopping the extension's
 * service worker (for cold starts) and reading its JavaScript heap.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionSession } from '../e2e/harness';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export class DevTools {
  private constructor(
    private readonly session: ExtensionSession,
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async open(session: ExtensionSession): Promise<DevTools> {
    const page = await session.context.newPage();
    await page.goto('about:blank');
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    return new DevTools(session, page, cdp);
  }

  private async workerTargets(): Promise<TargetInfo[]> {
    const { targetInfos } = (await this.cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    const origin = this.session.extensionUrl('');
    return targetInfos.filter((target) => target.type === 'service_worker' && target.url.startsWith(origin));
  }

  /** The browser's product and version, e.g. `Chrome/156.0.8078.108` (headless says HeadlessChrome). */
  async browserVersion(): Promise<string> {
    const { product } = (await this.cdp.send('Browser.getVersion')) as { product: string };
    return product;
  }

  async workerRunning(): Promise<boolean> {
    return (await this.workerTargets()).length > 0;
  }

  /** Stop every service worker and wait until the extension's is gone. */
  async stopWorker(timeoutMs = 5_000): Promise<void> {
    await this.cdp.send('ServiceWorker.stopAllWorkers');
    const deadline = Date.now() + timeoutMs;
    while (await this.workerRunning()) {
      if (Date.now() > deadline) throw new Error('the service worker did not stop');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Run one protocol command inside the service worker (through a non-flat session) and return its result. */
  private async inWorker<T>(commands: { method: string; params?: object }[]): Promise<T> {
    const target = (await this.workerTargets())[0];
    if (!target) throw new Error('the service worker is not running');
    const { sessionId } = (await this.cdp.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    })) as { sessionId: string };
    const pending = new Map<number, (result: unknown) => void>();
    const onMessage = (event: { sessionId?: string; message: string }) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: unknown };
      if (message.id !== undefined)
        pending.get(message.id)?.(message.error ? { error: message.error } : message.result);
    };
    // biome-ignore lint/suspicious/noExplicitAny: the deprecated non-flat event is missing from Playwright's types
    const events = this.cdp as any;
    events.on('Target.receivedMessageFromTarget', onMessage);
    try {
      let result: unknown;
      for (const [index, command] of commands.entries()) {
        const answered = new Promise<unknown>((resolve) => pending.set(index + 1, resolve));
        await this.cdp.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id: index + 1, ...command }),
        });
        result = await Promise.race([
          answered,
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error(`${command.method} timed out`)), 15_000),
          ),
        ]);
        if (result && typeof result === 'object' && 'error' in result) {
          throw new Error(`${command.method}: ${JSON.stringify((result as { error: unknown }).error)}`);
        }
      }
      return result as T;
    } finally {
      events.off('Target.receivedMessageFromTarget', onMessage);
      await this.cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    }
  }

  /**
   * Evaluate source text in the service worker and return its (awaited) value. Through the protocol, so the
   * extension's CSP (no eval) does not apply, as in DevTools' console.
   */
  async evaluateInWorker<T>(expression: string): Promise<T> {
    const answer = await this.inWorker<{
      result: { value?: T };
      exceptionDetails?: { exception?: { description?: string }; text: string };
    }>([{ method: 'Runtime.evaluate', params: { expression, awaitPromise: true, returnByValue: true } }]);
    if (answer.exceptionDetails) {
      throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text);
    }
    return answer.result.value as T;
  }

  /** The service worker's used JS heap in bytes, after a garbage collection. */
  async workerHeapBytes(): Promise<{ used: number; total: number }> {
    return this.inWorker<{ usedSize: number; totalSize: number }>([
      { method: 'HeapProfiler.collectGarbage' },
      { method: 'Runtime.getHeapUsage' },
    ]).then((usage) => ({ used: usage.usedSize, total: usage.totalSize }));
  }

  async close(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
    await this.page.close().catch(() => undefined);
  }
}
