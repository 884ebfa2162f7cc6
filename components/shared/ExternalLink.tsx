import type { ComponentChildren } from 'preact';
import { safeHttpUrl } from '../../lib/ui/safe-url';

interface Props {
  href: string | null | undefined;
  children: ComponentChildren;
  class?: string;
}

/** A link that leaves the extension: only http(s), in a new tab, without opener or referrer; plain text otherwise. */
export function ExternalLink({ href, children, class: className }: Props) {
  const url = safeHttpUrl(href);
  if (!url) return <span class={className}>{children}</span>;
  return (
    <a class={className} href={url} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
