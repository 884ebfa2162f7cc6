import { highlightParts } from '../../lib/ui/highlight';

interface Props {
  text: string;
  start: number;
  end: number;
}

/** Text with the [start, end) range in <mark>: text nodes only, so hostile text stays text. */
export function HighlightedText({ text, start, end }: Props) {
  let offset = 0;
  const parts = highlightParts(text, start, end).map((part) => {
    const at = offset;
    offset += part.text.length;
    return { ...part, at };
  });
  return (
    <>
      {parts.map((part) =>
        part.mark ? <mark key={part.at}>{part.text}</mark> : <span key={part.at}>{part.text}</span>,
      )}
    </>
  );
}
