"""The stylesheet inlined into every HTML transcript (no fonts, images or other requests).

Kept as a string so the exporter needs no data file; system fonts only.
Pure module: no textual import.
"""

STYLESHEET = """
:root {
  color-scheme: light dark;
  --text: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
  --good: #1a7f37; --bad: #cf222e; --accent: #0969da;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23;
    --good: #3fb950; --bad: #f85149; --accent: #4493f8;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0; color: var(--text); background: Canvas;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.8rem; margin: 0 0 1rem; }
h2 { font-size: 1.4rem; margin: 2.5rem 0 1rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.15rem; margin: 0 0 .4rem; }
h4 { font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 1.1rem 0 .35rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.question, .assessment {
  border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; margin: 1rem 0;
  break-inside: avoid; page-break-inside: avoid;
}
.meta { color: var(--muted); margin: 0; }
.over { color: var(--bad); font-weight: 600; }
.not-reached { color: var(--muted); font-style: italic; }
blockquote {
  margin: .3rem 0; padding: .5rem .9rem; background: var(--panel); border-left: 4px solid var(--line);
  white-space: pre-wrap; overflow-wrap: anywhere;
}
.notes { border-left-color: var(--accent); }
.reference { border-left-color: var(--good); }
.kit { color: var(--muted); margin: .4rem 0 0; }
.empty { color: var(--muted); font-style: italic; }
ol, ul { padding-left: 1.4rem; margin: .3rem 0; }
li { margin: .25rem 0; }
.outcome, .insights, .rule { color: var(--muted); }
.mentioned { color: var(--good); }
.not-mentioned { color: var(--muted); }
ul.checklist { list-style: none; padding-left: .2rem; }
ul.reflection li { white-space: pre-wrap; overflow-wrap: anywhere; }
.box { display: inline-block; width: 1.3em; font-size: 1.1em; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--panel); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
@media print {
  :root { --text: #000; --muted: #444; --line: #999; --panel: #f2f2f2; }
  body { font-size: 11pt; background: #fff; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .question, .assessment, tr, li { break-inside: avoid; page-break-inside: avoid; }
  blockquote { border-left-color: #999; }
}
"""
