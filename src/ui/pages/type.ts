import type { RegisteredSagaType } from '../../../sagas/kit/index.ts';
import { html, type Html } from '../html.ts';
import { layout } from './layout.ts';

const dash = html`<span class="muted">–</span>`;

/** GET /ui/types/:type: description, each version's steps and its compensation map. */
export function typePage(types: readonly string[], t: RegisteredSagaType, charts: ReadonlyMap<number, Html> = new Map()): Html {
  const versions = [...t.definitions].sort((a, b) => b.version - a.version);
  return layout({
    title: `Type ${t.plugin.name}`,
    types,
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
</section>`;
})}`,
  });
}
