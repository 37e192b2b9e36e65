const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

/** Exactly one grapheme, and an emoji one: "👍", "❤️", "🇸🇪", "👩‍👩‍👧" but not "a", "👍👍" or "". */
export function isSingleEmoji(text: string): boolean {
  const segments = [...graphemes.segment(text)];
  return segments.length === 1 && EMOJI.test(segments[0]!.segment);
}
