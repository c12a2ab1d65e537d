import type { ChatCompletion } from '@completions-kit/core';
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode } from 'react';
import { formatCount, type MessageLabels, useMessageLabels } from '../message/message-labels.tsx';
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

function details(labels: MessageLabels, entries: [string, number | undefined][]) {
  const present = entries.filter(([, value]) => value !== undefined && value > 0);
  return present.length === 0
    ? null
    : ` (${present.map(([name, value]) => `${formatCount(labels, value ?? 0)} ${labels.usagePart(name)}`).join(', ')})`;
}

/** Dollars: as formatDollars writes them, or in the labels' locale through Intl with as many digits. */
function dollars(labels: MessageLabels, amount: number): string {
  const plain = formatDollars(amount);
  if (!labels.locale || !Number.isFinite(amount)) return plain;
  const digits = plain.split('.')[1]?.length ?? 0;
  return new Intl.NumberFormat(labels.locale, {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount);
}

function Created({ labels, seconds }: { labels: MessageLabels; seconds: number }) {
  if (!labels.locale || !Number.isFinite(seconds))
    return <UtcTime seconds={seconds} precision="seconds" suffix=" UTC" />;
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return <UtcTime seconds={seconds} precision="seconds" suffix=" UTC" />;
  const shown = new Intl.DateTimeFormat(labels.locale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'UTC',
  }).format(date);
  return <time dateTime={date.toISOString()}>{shown} UTC</time>;
}

function CostRows({ cost, labels }: { cost: CostBreakdown; labels: MessageLabels }) {
  const parts: [string, number][] = [
    ['input', cost.input],
    ['cached input', cost.cachedInput],
    ['audio input', cost.audioInput],
    ['output', cost.output],
    ['audio output', cost.audioOutput],
  ];
  const shown = parts.filter(([, amount]) => amount > 0);
  return (
    <Row term={labels.usageTerm('cost')} slot="usage-cost">
      <strong>{dollars(labels, cost.total)}</strong>
      {shown.length > 1
        ? ` (${shown.map(([name, amount]) => `${dollars(labels, amount)} ${labels.usagePart(name)}`).join(', ')})`
        : null}
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
  const labels = useMessageLabels();
  const term = labels.usageTerm;
  const { usage } = completion;
  const price = priceFor(prices, completion.model);
  const prompt = usage?.prompt_tokens_details;
  const output = usage?.completion_tokens_details;
  return (
    <section data-slot="usage" aria-label={labels.usageView} {...props} ref={ref}>
      <dl>
        {usage ? (
          <>
            <Row term={term('prompt')} slot="usage-prompt">
              {formatCount(labels, usage.prompt_tokens ?? 0)}
              {details(labels, [
                ['cached', prompt?.cached_tokens],
                ['audio', prompt?.audio_tokens],
              ])}
            </Row>
            <Row term={term('completion')} slot="usage-completion">
              {formatCount(labels, usage.completion_tokens ?? 0)}
              {details(labels, [
                ['reasoning', output?.reasoning_tokens],
                ['audio', output?.audio_tokens],
                ['accepted prediction', output?.accepted_prediction_tokens],
                ['rejected prediction', output?.rejected_prediction_tokens],
              ])}
            </Row>
            <Row term={term('total')} slot="usage-total">
              {formatCount(labels, usage.total_tokens ?? 0)}
            </Row>
            {price ? (
              <CostRows cost={costOf(usage, price)} labels={labels} />
            ) : (
              <Row term={term('cost')} slot="usage-cost">
                {labels.noPrice(reveal(completion.model))}
              </Row>
            )}
          </>
        ) : (
          <Row term={term('usage')} slot="usage-missing">
            {labels.usageNotReported}
          </Row>
        )}
        <Row term={term('model')} slot="usage-model">
          {reveal(completion.model)}
        </Row>
        <Row term={term('created')} slot="usage-created">
          <Created labels={labels} seconds={completion.created} />
        </Row>
        {completion.service_tier ? (
          <Row term={term('serviceTier')} slot="usage-service-tier">
            {completion.service_tier}
          </Row>
        ) : null}
        {completion.system_fingerprint ? (
          <Row term={term('fingerprint')} slot="usage-fingerprint">
            <code>{completion.system_fingerprint}</code>
          </Row>
        ) : null}
        <Row term={term('id')} slot="usage-id">
          <code>{completion.id}</code>
        </Row>
      </dl>
    </section>
  );
});
