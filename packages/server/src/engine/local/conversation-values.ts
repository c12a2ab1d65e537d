/** Words that start sentences or questions and are not names, so "What" never becomes a city. */
const COMMON = new Set(
  (
    'a an and are as at be but by can could do does for from get give has have how i if in is it its me my no not of on ' +
    'or please show so tell than that the then there these this those to was we were what when where which who why will ' +
    'with would you your call use find look check let make run set list send need want also just now today tomorrow'
  ).split(' '),
);

/**
 * Values a user typed that a tool argument or a schema field can take: quoted strings, names
 * (capitalized words), numbers, emails, URLs and dates, each used once, in the order written.
 */
export class ConversationValues {
  readonly phrases: string[] = [];
  readonly numbers: number[] = [];
  readonly emails: string[] = [];
  readonly urls: string[] = [];
  readonly dates: string[] = [];

  constructor(readonly text: string) {
    for (const match of text.matchAll(/"([^"\n]{1,200})"|“([^”\n]{1,200})”|'([^'\n]{2,200})'(?!\w)/g))
      this.phrases.push((match[1] ?? match[2] ?? match[3]) as string);
    // Anchored at the start of a run and bounded, so a long run without '@' costs linear time.
    for (const match of text.matchAll(/(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(\.[\w-]{1,63}){1,8}/g))
      this.emails.push(match[0]);
    for (const match of text.matchAll(/https?:\/\/[^\s)"'<>]+/g)) this.urls.push(match[0].replace(/[.,;!?]+$/, ''));
    for (const match of text.matchAll(/\b\d{4}-\d{2}-\d{2}\b/g)) this.dates.push(match[0]);
    const withoutDates = text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, ' ');
    for (const match of withoutDates.matchAll(/(?<![\w.])-?\d+(\.\d+)?(?![\w.]*@)/g))
      this.numbers.push(Number(match[0]));
    for (const match of text.matchAll(/\b\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)*/gu)) {
      const phrase = match[0];
      if (!COMMON.has(phrase.toLowerCase()) && !this.phrases.includes(phrase)) this.phrases.push(phrase);
    }
  }

  /** The first unused value that `fits`, or undefined. */
  take<T>(list: T[], fits: (value: T) => boolean = () => true): T | undefined {
    const index = list.findIndex(fits);
    if (index === -1) return undefined;
    return list.splice(index, 1)[0];
  }

  mentions(value: string): boolean {
    return value !== '' && this.text.toLowerCase().includes(value.toLowerCase());
  }
}

/** The meaningful words of a name or description: `get_weather` and `getWeather` both give weather. */
export function wordsOf(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3 && !COMMON.has(word));
}
