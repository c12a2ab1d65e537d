import { type CSSProperties, useMemo } from 'react';
import { Message, TokenLogprobs, ToolCall } from '../../../packages/components/src/index.ts';
import { camel, isColour, readTokens, readTypeStyles, type Token, themeStyle } from './tokens.ts';

const useTokens = () => useMemo(readTokens, []);

/** The colour tokens as swatches painted by the variables themselves, with both themes' values. */
export function ColourSwatches() {
  const tokens = useTokens().filter(isColour);
  return (
    <div className="ck-swatches sb-unstyled">
      {tokens.map((token) => (
        <div key={token.name} className="ck-swatch">
          <div className="ck-swatch-colour" style={{ background: `var(${token.name})` }} />
          <dl>
            <dt>
              <code>{token.name}</code>
            </dt>
            <dd>light {token.light}</dd>
            <dd>dark {token.dark ?? token.light}</dd>
          </dl>
        </div>
      ))}
    </div>
  );
}

/** Each part's type as the stylesheet sets it, drawn with those very declarations. */
export function TypeScale() {
  const styles = useMemo(readTypeStyles, []);
  return (
    <table className="ck-facts">
      <caption>Type, read from the stylesheet's rules</caption>
      <thead>
        <tr>
          <th scope="col">Part (data-slot)</th>
          <th scope="col">Declarations</th>
          <th scope="col">Sample</th>
        </tr>
      </thead>
      <tbody>
        {styles.map((style) => (
          <tr key={style.slot}>
            <td>
              <code>{style.slot}</code>
            </td>
            <td>
              {Object.entries(style.declarations).map(([property, value]) => (
                <div key={property}>
                  <code>
                    {property}: {value}
                  </code>
                </div>
              ))}
            </td>
            <td
              style={Object.fromEntries(
                // The type alone: a rule's colour or opacity belongs to its part's background, not this page's.
                Object.entries(style.declarations)
                  .filter(([property]) => /^(font|line-height|letter-spacing|text-transform)/.test(property))
                  .map(([property, value]) => [camel(property), value]),
              )}
            >
              Streams arrive in pieces 0123
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Spacing and shape tokens drawn at their size. */
export function SpacingScale() {
  const tokens = useTokens().filter((token) => !isColour(token) && /rem|px/.test(token.light ?? ''));
  return (
    <table className="ck-facts">
      <caption>Sizes, read from the stylesheet and drawn with the variable</caption>
      <thead>
        <tr>
          <th scope="col">Variable</th>
          <th scope="col">Value</th>
          <th scope="col">Drawn</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.name}>
            <td>
              <code>{token.name}</code>
            </td>
            <td>{token.light}</td>
            <td>
              <div
                aria-hidden="true"
                style={{
                  width: /height/.test(token.name) ? '2rem' : `var(${token.name})`,
                  height: /height/.test(token.name) ? '2rem' : '1rem',
                  borderRadius: token.name === '--ck-radius' ? `var(${token.name})` : 0,
                  border: '1px solid var(--ck-accent)',
                  background: 'var(--ck-surface)',
                }}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every --ck-* variable with both values and what reads it. */
export function TokenTable() {
  const tokens = useTokens();
  return (
    <table className="ck-facts">
      <caption>{tokens.length} variables, read from the stylesheet and the components' source</caption>
      <thead>
        <tr>
          <th scope="col">Variable</th>
          <th scope="col">Light</th>
          <th scope="col">Dark</th>
          <th scope="col">Used by</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token: Token) => (
          <tr key={token.name}>
            <td>
              <code>{token.name}</code>
            </td>
            <td>{token.light ?? 'set by the component'}</td>
            <td>{token.dark ?? 'same'}</td>
            <td>{token.usedBy.join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const sample = [
  { token: 'Streams', logprob: -0.01, bytes: null, top_logprobs: [] },
  { token: ' arrive', logprob: -0.9, bytes: null, top_logprobs: [] },
  { token: ' in', logprob: -0.05, bytes: null, top_logprobs: [] },
  { token: ' pieces', logprob: -2.3, bytes: null, top_logprobs: [] },
];

function Preview({ mode }: { mode: 'light' | 'dark' }) {
  const tokens = useTokens();
  const style = { ...themeStyle(tokens, mode), colorScheme: mode } as CSSProperties;
  return (
    <div className="ck-demo sb-unstyled" data-theme={mode} style={style}>
      <strong>{mode === 'light' ? 'Light' : 'Dark'}</strong>
      <Message message={{ role: 'user', content: 'How do streams arrive?' }} />
      <Message
        message={{ role: 'assistant', content: 'Streams arrive **in pieces**: see [the guide](https://example.com).' }}
        finishReason="length"
      />
      <ToolCall
        call={{ id: `call_${mode}`, type: 'function', function: { name: 'lookup', arguments: '{"q":"sse"}' } }}
      />
      <TokenLogprobs tokens={sample} label={`Sample (${mode})`} />
    </div>
  );
}

/** The same parts in both themes at once, whatever the page's own theme. */
export function ThemePreview() {
  return (
    <div className="ck-side-by-side sb-unstyled">
      <Preview mode="light" />
      <Preview mode="dark" />
    </div>
  );
}
