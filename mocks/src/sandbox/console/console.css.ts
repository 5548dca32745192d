/** The console's styles: the docs portal's type and colours (scripts/docs/index.template.html). */
export const CONSOLE_CSS = `:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #0044d4; --code: #f6f8fa; --ok: #1a7f37; --bad: #cf222e; --wait: #9a6700; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); }
main { max-width: 72rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 2rem; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 .75rem; padding-top: .5rem; border-top: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .35rem; }
p.lead, .muted { color: var(--muted); }
p.lead { margin-top: 0; }
a { color: var(--accent); }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
code { background: var(--code); padding: .1em .3em; border-radius: 4px; }
fieldset { border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1rem; margin: 0 0 1rem; }
legend { font-weight: 600; padding: 0 .3rem; }
label { display: inline-block; margin: .25rem .5rem .25rem 0; }
input, select { font: inherit; padding: .3rem .45rem; border: 1px solid var(--line); border-radius: 6px; min-width: 14rem; }
button { font: inherit; font-size: .9rem; padding: .3rem .7rem; border: 1px solid var(--accent); color: var(--accent); background: #fff; border-radius: 6px; cursor: pointer; margin: .15rem .35rem .15rem 0; }
button.primary { background: var(--accent); color: #fff; }
button:hover { background: var(--code); }
button.primary:hover { background: #0036a8; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; margin: .35rem 0 .75rem; font-size: .9rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
.note { border: 1px solid var(--line); border-radius: 8px; padding: .5rem 1.1rem 1rem; margin: 0 0 1.25rem; }
.status { font-weight: 700; }
ol.timeline { list-style: none; padding: 0 0 0 1rem; border-left: 2px solid var(--line); margin: .5rem 0; }
ol.timeline > li { position: relative; padding: .25rem 0 .5rem .75rem; }
ol.timeline > li::before { content: ""; position: absolute; left: -1.42rem; top: .65rem; width: .7rem; height: .7rem; border-radius: 50%; background: var(--accent); }
.state-delivered { color: var(--ok); font-weight: 600; }
.state-retrying, .state-paused { color: var(--bad); font-weight: 600; }
.state-held, .state-pending, .state-sending { color: var(--wait); font-weight: 600; }
ul.attempts { margin: 0; padding-left: 1.1rem; }
#message { min-height: 1.5rem; }
#message.error { color: var(--bad); }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
`;
