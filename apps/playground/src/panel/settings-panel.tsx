import type { ChatCompletion, ChatCompletionCreateParams } from '@completions-kit/core';
import { FormatEditor } from '../composer/format-editor.tsx';
import { ParamField, ParamsForm } from '../composer/params-form.tsx';
import { ToolsEditor } from '../composer/tools-editor.tsx';
import type { Problems } from '../request/build-request.ts';
import { type ParamSpec, paramSpecs } from '../request/param-spec.ts';
import { ExportPanel } from '../share/export-panel.tsx';
import { ModelField } from './model-field.tsx';

/** The settings people change most, in this order, above the fold; the slider ones get a slider. */
const common = ['temperature', 'max_completion_tokens', 'stream', 'include_usage', 'top_p'];
const sliders = new Set(['temperature', 'top_p']);
const specOf = (name: string) => paramSpecs.find((spec) => spec.name === name) as ParamSpec;

export interface SettingsPanelProps {
  id: string;
  problems: Problems;
  body: ChatCompletionCreateParams;
  /** The last finished answer, for the export panel's replay fixture. */
  completion?: ChatCompletion;
  /** Shown on narrow screens only when open; always shown on wide ones. */
  open: boolean;
}

/** The side panel: model and common parameters, the rest folded, then tools, format and export. */
export function SettingsPanel({ id, problems, body, completion, open }: SettingsPanelProps) {
  return (
    <section id={id} className="side-panel" aria-label="Settings" data-open={open ? '' : undefined}>
      <section className="panel" aria-labelledby={`${id}-model`}>
        <h2 id={`${id}-model`}>Model and parameters</h2>
        <ModelField problem={problems.model} />
        {common.map((name) => (
          <ParamField key={name} spec={specOf(name)} problem={problems[name]} slider={sliders.has(name)} />
        ))}
        <details className="more-settings">
          <summary>More settings</summary>
          <ParamsForm problems={problems} exclude={['model', ...common]} />
        </details>
      </section>
      <details className="panel">
        <summary>Tools</summary>
        <ToolsEditor problems={problems} />
      </details>
      <details className="panel">
        <summary>Response format</summary>
        <div className="format">
          <FormatEditor problems={problems} />
        </div>
      </details>
      <ExportPanel body={body} completion={completion} />
    </section>
  );
}
