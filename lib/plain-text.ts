/**
 * Text from the network shown as text: bidirectional control characters (which reorder what a title displays, so
 * that `gnp.exe` reads as `exe.png`) are removed. Direction marks inside Arabic or Hebrew text are rare in this digest
 * and not needed to read it.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
