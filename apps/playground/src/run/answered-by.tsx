/** The model a request asked for, and the one the response says answered, when both are known. */
export function answeredBy(asked: unknown, answered: unknown): string | null {
  if (typeof asked !== 'string' || typeof answered !== 'string' || asked === '' || answered === '') return null;
  // Providers answer with a dated snapshot of the name asked for (gpt-4o → gpt-4o-2024-08-06): the same model.
  if (answered === asked || answered.startsWith(`${asked}-`)) return null;
  return answered;
}

/** Says plainly when another model than the one asked for answered (a server's built-in model, a fallback). */
export function AnsweredBy({ asked, answered }: { asked: unknown; answered: unknown }) {
  const other = answeredBy(asked, answered);
  if (!other) return null;
  return (
    <p className="answered-by warning">
      Answered by <strong>{other}</strong>, not {String(asked)}, which was asked for.
    </p>
  );
}
