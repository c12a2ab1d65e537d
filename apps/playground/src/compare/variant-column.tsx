import { useMemo, useState } from 'react';
import { useModels } from '../panel/model-field.tsx';
import { buildRequest } from '../request/build-request.ts';
import type { Draft } from '../state/draft.ts';
import { useCompare } from './compare-store.ts';
import { useRunState, VariantResult } from './variant-result.tsx';
import type { VariantRun } from './variant-runs.ts';
import { VariantSettings } from './variant-settings.tsx';
import { variantSummary } from './variant-summary.ts';
import { MAX_VARIANTS, sections, type Variant } from './variants.ts';

const ownFields = sections.flatMap((section) => section.fields);

interface VariantColumnProps {
  variant: Variant;
  draft: Draft;
  entry: VariantRun;
  baseline: { name: string; entry: VariantRun };
  count: number;
}

/** The composer's draft with a variant's settings (and its own messages, if any) over it: the request it sends. */
export function variantRequest(draft: Draft, variant: Variant) {
  return buildRequest({
    ...draft,
    messages: variant.messages?.list ?? draft.messages,
    params: { ...draft.params, ...variant.params },
  });
}

/**
 * One variant: its name and actions, its result, then its settings. Once it has run, the settings
 * fold to one line (model · temperature · seed · …) with Edit, so the outputs lead.
 */
export function VariantColumn({ variant, draft, entry, baseline, count }: VariantColumnProps) {
  const { edit, duplicate, remove, setKey, setMessages } = useCompare.getState();
  const key = useCompare((state) => state.keys[variant.id] ?? '');
  const { problems } = useMemo(() => variantRequest(draft, variant), [draft, variant]);
  const ran = useRunState(entry).status !== 'idle';
  const listed = useModels().data;
  const model = String(variant.params.model ?? '').trim();
  const unlisted = variant.connection === 'current' && !!listed?.length && model !== '' && !listed.includes(model);
  const [editing, setEditing] = useState(false);
  const folded = ran && !editing && Object.keys(problems).length === 0;
  const headingId = `variant-${variant.id}`;
  return (
    <section className="variant" aria-labelledby={headingId}>
      <header className="variant-head">
        <h3 id={headingId}>Variant {variant.name}</h3>
        <button type="button" onClick={() => entry.run.stop()}>
          Stop<span data-slot="visually-hidden"> variant {variant.name}</span>
        </button>
        <button type="button" onClick={() => duplicate(variant.id)} disabled={count >= MAX_VARIANTS}>
          Duplicate<span data-slot="visually-hidden"> variant {variant.name}</span>
        </button>
        <button type="button" onClick={() => remove(variant.id)} disabled={count <= 1}>
          Remove<span data-slot="visually-hidden"> variant {variant.name}</span>
        </button>
      </header>
      <VariantResult name={variant.name} entry={entry} baseline={baseline} />
      {Object.entries(problems)
        .filter(([field]) => !ownFields.includes(field))
        .map(([field, text]) => (
          <p key={field} className="problem">
            In the composer: {text}
          </p>
        ))}
      {unlisted ? (
        <p className="warning">
          “{model}” is not among the connection’s models: the server may refuse it or answer with another.
        </p>
      ) : null}
      <div className="variant-summary">
        <p>{variantSummary(variant)}</p>
        {ran ? (
          <button type="button" aria-expanded={!folded} onClick={() => setEditing(folded)}>
            {folded ? 'Edit' : 'Fold'}
            <span data-slot="visually-hidden"> variant {variant.name} settings</span>
          </button>
        ) : null}
      </div>
      {folded ? null : (
        <VariantSettings
          variant={variant}
          problems={problems}
          keyText={key}
          composerMessages={draft.messages}
          onMessages={(messages) => setMessages(variant.id, messages)}
          onEdit={(field, value) => edit(variant.id, field, value)}
          onKey={(text) => setKey(variant.id, text)}
        />
      )}
    </section>
  );
}
