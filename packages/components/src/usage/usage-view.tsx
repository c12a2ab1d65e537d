import type { ChatCompletion } from '@completions-kit/core';
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode } from 'react';
import { reveal } from '../text/reveal.ts';
import { UtcTime } from '../time/utc-time.tsx';
import { type CostBreakdown, costOf, examplePrices, formatDollars, type PriceTable, priceFor } from './cost.ts';

export interface UsageViewProps extends ComponentPropsWithoutRef<'section'> {
  /** A response, a finished stream, or a stored completion (whose usage has only the totals). */
  completion: Pick<ChatCompletion, 'id' | 'model' | 'created'> & {
    usage?: ChatCompletion['usage'] | null;
    service_tier?: string | null;
    system_fingerprint?: string | null;
  };
  /** Prices per million tokens by model. Default: `examplePrices`. */
  prices?: PriceTable;
}

function Row({ term, children, slot }: { term: string; children: ReactNode; slot: string }) {
  return (
    <div data-slot={slot}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const count = (value: number | undefined) => (value ?? 0).toLocaleString('en-US');

function details(entries: [string, number | undefined][]) {
  const present = entries.filter(([, value]) => value !== undefined && value > 0);
  return present.length === 0 ? null : ` (${present.map(([name, value]) => `${count(value)} ${name}`).join(', ')})`;
}

function CostRows({ cost }: { cost: CostBreakdown }) {
  const parts: [string, number][] = [
    ['input', cost.input],
    ['cached input', cost.cachedInput],
    ['audio input', cost.audioInput],
    ['output', cost.output],
    ['audio output', cost.audioOutput],
  ];
  const shown = parts.filter(([, amount]) => amount > 0);
  return (
    <Row term="Cost" slot="usage-cost">
      <strong>{formatDollars(cost.total)}</strong>
      {shown.length > 1 ? ` (${shown.map(([name, amount]) => `${formatDollars(amount)} ${name}`).join(', ')})` : null}
    </Row>
  );
}

/**
 * Token counts with every detail the API reports (cached, audio, reasoning, accepted and rejected
 * prediction tokens), the cost from a price table, and the response's model, time, tier,
 * fingerprint and id.
 */
export const UsageView = forwardRef<HTMLElement, UsageViewProps>(function UsageView(
  { completion, prices = examplePrices, ...props },
  ref,
) {
  const { usage } = completion;
  const price = priceFor(prices, completion.model);
  const prompt = usage?.prompt_tokens_details;
  const output = usage?.completion_tokens_details;
  return (
    <section data-slot="usage" aria-label="Usage and cost" {...props} ref={ref}>
      <dl>
        {usage ? (
          <>
            <Row term="Prompt tokens" slot="usage-prompt">
              {count(usage.prompt_tokens)}
              {details([
                ['cached', prompt?.cached_tokens],
                ['audio', prompt?.audio_tokens],
              ])}
            </Row>
            <Row term="Completion tokens" slot="usage-completion">
              {count(usage.completion_tokens)}
              {details([
                ['reasoning', output?.reasoning_tokens],
                ['audio', output?.audio_tokens],
                ['accepted prediction', output?.accepted_prediction_tokens],
                ['rejected prediction', output?.rejected_prediction_tokens],
              ])}
            </Row>
            <Row term="Total tokens" slot="usage-total">
              {count(usage.total_tokens)}
            </Row>
            {price ? (
              <CostRows cost={costOf(usage, price)} />
            ) : (
              <Row term="Cost" slot="usage-cost">
                No price for {reveal(completion.model)} in the price table
              </Row>
            )}
          </>
        ) : (
          <Row term="Usage" slot="usage-missing">
            Not reported (streams report it with <code>stream_options.include_usage</code>)
          </Row>
        )}
        <Row term="Model" slot="usage-model">
          {reveal(completion.model)}
        </Row>
        <Row term="Created" slot="usage-created">
          <UtcTime seconds={completion.created} precision="seconds" suffix=" UTC" />
        </Row>
        {completion.service_tier ? (
          <Row term="Service tier" slot="usage-service-tier">
            {completion.service_tier}
          </Row>
        ) : null}
        {completion.system_fingerprint ? (
          <Row term="System fingerprint" slot="usage-fingerprint">
            <code>{completion.system_fingerprint}</code>
          </Row>
        ) : null}
        <Row term="Id" slot="usage-id">
          <code>{completion.id}</code>
        </Row>
      </dl>
    </section>
  );
});
