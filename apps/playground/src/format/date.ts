// One date format for the whole app (History, saved prompts): the reader's locale and time zone,
// to the second, made once.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A moment (milliseconds since 1970) as the app writes dates everywhere. */
export const formatDateTime = (at: number): string => dateTime.format(at);
