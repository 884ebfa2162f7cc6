/**
 * What the extension put inside its closed shadow roots in a page (the card's, the marks'), read through the DevTools
 * protocol as the page itself cannot: shared by the e2e tests that give open tabs the page script.
 */
import type { Page } from 'playwright-core';

export interface DomNode {
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** Every node inside the closed shadow roots of the extension's hosts under <html> (the card's, the marks'). */
export async function extensionNodes(target: Page): Promise<DomNode[]> {
  const cdp = await target.context().newCDPSession(target);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const html = root.children?.find((node) => node.localName === 'html');
    const hosts = (html?.children ?? []).filter((node) =>
      /^digest-lens-[0-9a-z]{16}$/.test(node.localName ?? ''),
    );
    const nodes: DomNode[] = [];
    const walk = (node: DomNode) => {
      nodes.push(node);
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child);
    };
    for (const shadow of hosts.flatMap((host) => host.shadowRoots ?? [])) walk(shadow);
    return nodes;
  } finally {
    await cdp.detach();
  }
}

/** The text inside the extension's closed shadow roots, read through the DevTools protocol ('' without any). */
export const cardText = async (target: Page) =>
  (await extensionNodes(target))
    .filter((node) => node.nodeType === 3)
    .map((node) => node.nodeValue)
    .join(' ');

/** The accessible names of the marks beside the page's links (components/marks/mark-layer: `.m` buttons). */
export const markLabels = async (target: Page) =>
  (await extensionNodes(target)).flatMap((node) => {
    const attributes = node.attributes ?? [];
    const value = (name: string) => attributes[attributes.indexOf(name) + 1];
    return node.localName === 'button' && attributes.includes('class') && value('class') === 'm'
      ? [value('aria-label') ?? '']
      : [];
  });
