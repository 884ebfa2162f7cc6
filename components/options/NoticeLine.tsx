import type { Notice } from './options-store';

export function NoticeLine({ notice, name }: { notice: Notice; name: string }) {
  if (!notice) return null;
  return (
    <p
      class={notice.kind === 'error' ? 'notice error' : 'notice ok'}
      data-notice={name}
      role={notice.kind === 'error' ? 'alert' : 'status'}
    >
      {notice.text}
    </p>
  );
}
