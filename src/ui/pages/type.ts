import type { RegisteredSagaType, RetryPolicy, SagaDefinition } from '../../../sagas/kit/index.ts';
import { inputJsonSchema } from '../../api/presenters.ts';
import { duration } from '../format.ts';
import { html, type Html } from '../html.ts';
import { layout, type Nav } from './layout.ts';

const dash = html`<span class="muted">–</span>`;

/** A step's retry policy as table cells: attempts, timeouts and backoff in words an operator reads at a glance. */
function policyCells(p: RetryPolicy): Html {
  return html`<td>${p.maxAttempts}</td><td>${duration(p.timeoutMs)}</td><td>${duration(p.queueTimeoutMs)}</td><td>${duration(p.initialBackoffMs)}</td><td>×${p.multiplier}</td><td>${duration(p.maxBackoffMs)}</td><td>±${Math.round(p.jitter * 100)} %</td>`;
}

function policiesTable(def: SagaDefinition): Html {
  return html`<h3>Retry policies</h3>
<table>
<caption>Retry policy of each step of version ${def.version}</caption>
<thead><tr><th scope="col">Step</th><th scope="col">Max attempts</th><th scope="col">Timeout per attempt</th><th scope="col">Queue budget</th><th scope="col">Backoff initial</th><th scope="col">Backoff multiplier</th><th scope="col">Backoff max</th><th scope="col">Jitter</th></tr></thead>
<tbody>
${def.steps.map((st) => html`<tr><th scope="row">${st.name}</th>${policyCells(st.policy)}</tr>
`)}</tbody>
</table>`;
}

/** GET /ui/types/:type: description, each version's steps, retry policies, statechart, compensation map and input schema. */
export function typePage(nav: Nav, t: RegisteredSagaType, charts: ReadonlyMap<number, Html> = new Map()): Html {
  const versions = [...t.definitions].sort((a, b) => b.version - a.version);
  return layout({
    title: `Type ${t.plugin.name}`,
    nav,
    body: html`<h1>Saga type <span class="mono">${t.plugin.name}</span></h1>
<p>${t.plugin.description}</p>
<p><a href="/ui/sagas?type=${encodeURIComponent(t.plugin.name)}">Sagas of this type</a></p>
${versions.map((def) => {
  const map = Object.entries(def.compensationMap ?? {});
  return html`<section aria-labelledby="v${def.version}">
<h2 id="v${def.version}">Version ${def.version}</h2>
<table>
<caption>Steps of version ${def.version}</caption>
<thead><tr><th scope="col">Step</th><th scope="col">Participant</th><th scope="col">Action</th><th scope="col">Compensates</th><th scope="col">Parallel group</th></tr></thead>
<tbody>
${def.steps.map(
  (st) => html`<tr><th scope="row">${st.name}</th><td>${st.participant}</td><td><code>${st.action}</code></td><td>${st.compensates ?? dash}</td><td>${st.parallelGroup ?? dash}</td></tr>
`,
)}</tbody>
</table>
${policiesTable(def)}
${charts.has(def.version) ? html`<h3>Statechart</h3>
${charts.get(def.version)}` : ''}
<h3>Compensation map</h3>
${
  map.length === 0
    ? html`<p>No compensation map was generated for this version.</p>`
    : html`<table>
<caption>Compensations owed if a saga of version ${def.version} aborted in each configuration</caption>
<thead><tr><th scope="col">Configuration</th><th scope="col">Owed compensations</th></tr></thead>
<tbody>
${map.map(([config, owed]) => html`<tr><th scope="row"><code>${config}</code></th><td>${owed.length === 0 ? html`<span class="muted">none</span>` : owed.join(', ')}</td></tr>
`)}</tbody>
</table>`
}
<h3>Input schema</h3>
<p>The JSON Schema of the input a new saga of version ${def.version} accepts.</p>
<pre class="schema">${JSON.stringify(inputJsonSchema(def), null, 2)}</pre>
</section>`;
})}`,
  });
}
