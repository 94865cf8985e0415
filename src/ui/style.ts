// The explorer's one stylesheet, served from /ui/assets/style.css: the CSP allows no inline
// styles, and keeping it in a module (not a .css file) means the build needs no asset copying.
// Colours were picked for at least 4.5:1 contrast against their background in both schemes;
// status is always also given as text and a symbol, never by colour alone.
import { createHash } from 'node:crypto';

/** The stylesheet served at /ui/assets/style.css. */
export const STYLESHEET = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1a1a1a; --muted: #4a4a4a; --line: #c8c8c8; --head: #eef0f3; --stripe: #f7f7f8;
  --link: #0a4fb3; --focus: #0a4fb3;
  --ok: #176b2c; --bad: #a3240c; --warn: #7a4a00; --run: #1b4fc4; --alert-bg: #fff1ee; --alert-line: #a3240c;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.45;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #121417; --fg: #e9eaec; --muted: #b8bcc2; --line: #3b4048; --head: #1f232a; --stripe: #181b20;
    --link: #8cb8ff; --focus: #8cb8ff;
    --ok: #7fdc8f; --bad: #ff9c87; --warn: #ffc46b; --run: #9dbcff; --alert-bg: #2a1714; --alert-line: #ff9c87;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
header.site { border-bottom: 1px solid var(--line); padding: .5rem 1rem; }
header.site nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; margin: 0; padding: 0; }
header.site .brand { font-weight: 700; }
main { padding: 1rem; max-width: 90rem; }
h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--head); }
tbody tr:nth-child(even) { background: var(--stripe); }
th[scope="row"] { font-weight: 600; background: var(--head); width: 12rem; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; overflow-wrap: anywhere; }
.muted { color: var(--muted); }
form.filters { display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; align-items: end; margin-bottom: 1rem; }
form.filters label { display: flex; flex-direction: column; gap: .2rem; font-weight: 600; }
input, select, button { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--muted); padding: .3rem .5rem; border-radius: 3px; }
button { cursor: pointer; background: var(--head); }
.status { font-weight: 600; white-space: nowrap; }
.status-completed, .step-succeeded { color: var(--ok); }
.status-cancelled, .step-rejected, .step-failed { color: var(--bad); }
.status-needs_attention, .status-compensating, .step-parked, .step-backoff, .step-queued { color: var(--warn); }
.status-running, .step-running { color: var(--run); }
.alert { border: 2px solid var(--alert-line); background: var(--alert-bg); padding: .75rem 1rem; margin: 0 0 1rem; border-radius: 4px; }
.alert p { margin: .25rem 0; }
.pager { margin-top: 1rem; display: flex; gap: 1.5rem; }
.actions { display: flex; flex-wrap: wrap; gap: .75rem; margin: .5rem 0 1rem; }
a.button { display: inline-block; padding: .3rem .7rem; border: 1px solid var(--muted); border-radius: 3px; background: var(--head); color: var(--fg); text-decoration: none; font-weight: 600; }
a.button:hover { text-decoration: underline; }
form.confirm { display: flex; gap: 1rem; align-items: center; margin: 1rem 0; }
button.danger { border: 2px solid var(--bad); color: var(--bad); font-weight: 700; }
.notice { border: 2px solid var(--ok); padding: .5rem 1rem; border-radius: 4px; }
form.session, p.session { display: flex; gap: .5rem; align-items: center; margin: .4rem 0 0; }
form.sign-in { display: flex; flex-direction: column; gap: .75rem; max-width: 24rem; }
form.sign-in label { display: flex; flex-direction: column; gap: .2rem; font-weight: 600; }
.result-done { color: var(--ok); }
.result-failed { color: var(--bad); }
form.filters label.check { flex-direction: row; align-items: center; gap: .4rem; }
tr.stuck > td:first-child { border-left: 4px solid var(--warn); }
.badge { display: inline-block; font-size: .85rem; font-weight: 600; white-space: nowrap; }
.stuck-badge { color: var(--warn); }
ol.timeline { list-style: none; padding: 0; margin: 0; }
ol.timeline > li { border-left: 3px solid var(--line); padding: .4rem .75rem; margin-bottom: .4rem; }
ol.timeline > li:target { border-left-color: var(--focus); background: var(--stripe); }
ol.timeline .ignored { font-style: italic; }
ol.timeline ul { margin: .25rem 0 0; padding-left: 1.25rem; }
p.live { margin: 0; min-height: 1.45em; font-size: .9rem; color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0 0 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
figure.statechart { margin: 0 0 1rem; }
.statechart-scroll { overflow: auto; max-height: 48rem; border: 1px solid var(--line); border-radius: 4px; }
.statechart-scroll:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.statechart svg { display: block; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
.statechart text { fill: var(--fg); }
.sc-node rect { fill: var(--bg); stroke: var(--muted); stroke-width: 1; }
.sc-node.container rect { fill: var(--stripe); }
.sc-node.container > text { font-weight: 700; }
.sc-node.final rect { stroke-width: 3; stroke-dasharray: none; }
.sc-edge polyline { fill: none; stroke: var(--muted); stroke-width: 1; }
.sc-edge text { font-size: 11px; fill: var(--muted); }
.statechart marker path { fill: var(--muted); }
.sc-node.untaken rect { stroke-dasharray: 4 3; }
.sc-node.taken rect { stroke: var(--run); stroke-width: 2.5; }
.sc-node.current rect { stroke: var(--ok); stroke-width: 4; }
.sc-node.current > text { font-weight: 700; }
.sc-node.owed rect { stroke: var(--warn); stroke-width: 3; stroke-dasharray: 6 3; }
ul.sc-legend { list-style: none; padding: 0; margin: .5rem 0 0; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }
.sc-key { display: inline-block; padding: 0 .4rem; margin-right: .3rem; border: 1px dashed var(--muted); border-radius: 8px; font-weight: 600; }
.sc-key.taken { border: 2.5px solid var(--run); }
.sc-key.current { border: 4px solid var(--ok); }
.sc-key.owed { border: 3px dashed var(--warn); }
/* Dead letters and type pages (issue 17): payloads and schemas wrap rather than scroll sideways. */
pre.payload, pre.schema { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 1rem; padding: .5rem .75rem; background: var(--stripe); border: 1px solid var(--line); border-radius: 4px; font-size: .9rem; }
section.dead-letter { border-top: 1px solid var(--line); margin-top: 1.5rem; }
/* Timeline (issue 17): duration bars sized by their rect's width attribute (no inline styles), and
   each event's context diff. The bar is decorative: the duration is written next to it. */
ol.timeline .took { display: flex; align-items: center; gap: .5rem; margin-top: .2rem; font-size: .9rem; color: var(--muted); }
svg.bar { flex: none; width: 12rem; height: .6rem; }
svg.bar .track { fill: var(--head); }
svg.bar .fill { fill: var(--run); }
ol.timeline details.diff { margin-top: .3rem; }
ol.timeline details.diff summary { cursor: pointer; }
ol.timeline details.diff summary:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
ol.timeline details.diff table { width: auto; max-width: 100%; margin-top: .3rem; font-style: normal; }
ol.timeline p.diff-none { margin: .2rem 0 0; font-size: .9rem; }
`;

/** Content hash of the stylesheet: pages link to it with ?v=<hash>, so it can be cached for a year. */
export const STYLESHEET_VERSION = createHash('sha256').update(STYLESHEET).digest('hex').slice(0, 12);

/** A small icon, served at /ui/assets/favicon.svg: without one the browser asks for /favicon.ico and logs a 404. */
export const FAVICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="#1b4fc4"/><path d="M5 8h6M8 5v6" stroke="#fff" stroke-width="2"/></svg>';
