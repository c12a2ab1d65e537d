import { useId } from 'react';
import type { Problems } from '../request/build-request.ts';
import { type DraftTool, newId, useDraft } from '../state/draft.ts';

const weatherSchema = JSON.stringify(
  {
    type: 'object',
    properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
    required: ['city', 'unit'],
    additionalProperties: false,
  },
  null,
  2,
);

function ToolFields({ tool, index, problem }: { tool: DraftTool; index: number; problem: string | undefined }) {
  const tools = useDraft((state) => state.draft.tools);
  const set = useDraft((state) => state.set);
  const id = useId();
  const update = (change: Partial<DraftTool>) =>
    set({ tools: tools.map((other) => (other.id === tool.id ? { ...other, ...change } : other)) });
  const label = `Tool ${index + 1}`;
  return (
    <fieldset className="tool" data-invalid={problem ? '' : undefined}>
      <legend>{label}</legend>
      <select
        aria-label={`${label} kind`}
        value={tool.kind}
        onChange={(event) => update({ kind: event.target.value as DraftTool['kind'] })}
      >
        <option value="function">function</option>
        <option value="custom">custom</option>
      </select>
      <input
        aria-label={`${label} name`}
        value={tool.name}
        onChange={(event) => update({ name: event.target.value })}
      />
      <input
        aria-label={`${label} description`}
        value={tool.description}
        placeholder="description"
        onChange={(event) => update({ description: event.target.value })}
      />
      {tool.kind === 'function' ? (
        <>
          <label htmlFor={`${id}-schema`}>{label} parameters (JSON schema)</label>
          <textarea
            id={`${id}-schema`}
            rows={6}
            value={tool.schema}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
            onChange={(event) => update({ schema: event.target.value })}
          />
          <label>
            <input
              type="checkbox"
              checked={tool.strict}
              onChange={(event) => update({ strict: event.target.checked })}
            />{' '}
            Strict
          </label>
        </>
      ) : (
        <>
          <select
            aria-label={`${label} grammar`}
            value={tool.grammar}
            onChange={(event) => update({ grammar: event.target.value as DraftTool['grammar'] })}
          >
            <option value="text">free text</option>
            <option value="regex">regex</option>
            <option value="lark">lark</option>
          </select>
          {tool.grammar === 'text' ? null : (
            <textarea
              aria-label={`${label} grammar definition`}
              rows={3}
              value={tool.definition}
              onChange={(event) => update({ definition: event.target.value })}
            />
          )}
        </>
      )}
      {problem ? (
        <p id={`${id}-problem`} className="problem">
          {problem}
        </p>
      ) : null}
      <button type="button" onClick={() => set({ tools: tools.filter((other) => other.id !== tool.id) })}>
        Remove {label.toLowerCase()}
      </button>
    </fieldset>
  );
}

/** Tools and tool_choice (the response format is a panel of its own). */
export function ToolsEditor({ problems }: { problems: Problems }) {
  const { tools, toolChoice } = useDraft((state) => state.draft);
  const set = useDraft((state) => state.set);
  const id = useId();
  const add = () =>
    set({
      tools: [
        ...tools,
        {
          id: newId(),
          kind: 'function',
          name: 'get_weather',
          description: 'Get the weather for a city',
          schema: weatherSchema,
          strict: true,
          grammar: 'text',
          definition: '',
        },
      ],
    });
  return (
    <div className="tools">
      {tools.map((tool, index) => (
        <ToolFields key={tool.id} tool={tool} index={index} problem={problems[`tool.${tool.id}`]} />
      ))}
      <button type="button" onClick={add}>
        Add tool
      </button>
      <label htmlFor={`${id}-choice`}>Tool choice</label>
      <select id={`${id}-choice`} value={toolChoice} onChange={(event) => set({ toolChoice: event.target.value })}>
        <option value="">(default)</option>
        <option value="none">none</option>
        <option value="auto">auto</option>
        <option value="required">required</option>
        {tools.map((tool) => (
          <option key={tool.id} value={tool.name}>
            call {tool.name}
          </option>
        ))}
      </select>
    </div>
  );
}
