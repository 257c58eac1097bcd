import { paletteCss } from './svg/palette.ts';

/**
 * The page's stylesheet: system fonts only (nothing fetched), a calm palette that follows
 * `prefers-color-scheme`, a responsive grid of panels (two columns, one on narrow screens).
 */
export function dashboardCss(): string {
  return `${paletteCss()}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--c-bg);color:var(--c-text);font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;font-variant-numeric:tabular-nums}
header.top{padding:28px 32px 8px;max-width:1680px;margin:0 auto}
header.top h1{margin:0;font-size:22px;font-weight:650;letter-spacing:-0.01em}
header.top .meta{margin-top:4px;color:var(--c-muted);font-size:13px}
header.top .meta span+span::before{content:'·';margin:0 8px;color:var(--c-axis)}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:12px;margin:18px 0 4px}
.kpi{background:var(--c-panel);border:1px solid var(--c-border);border-radius:12px;padding:14px 16px}
.kpi .label{color:var(--c-muted);font-size:12px;text-transform:uppercase;letter-spacing:.05em}
.kpi .value{font-size:26px;font-weight:650;margin-top:2px;letter-spacing:-0.02em}
.kpi .value small{font-size:14px;font-weight:500;color:var(--c-muted);margin-left:4px}
.kpi .sub{color:var(--c-muted);font-size:12px;margin-top:2px}
main{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:16px;padding:16px 32px 32px;max-width:1680px;margin:0 auto}
section.panel{background:var(--c-panel);border:1px solid var(--c-border);border-radius:12px;padding:14px 16px 10px;min-width:0}
section.panel.wide{grid-column:1/-1}
section.panel h2{margin:0;font-size:15px;font-weight:620}
section.panel p.sub{margin:2px 0 6px;color:var(--c-muted);font-size:12.5px}
section.panel svg.chart{display:block;width:100%;height:auto;user-select:none;-webkit-user-select:none}
section.panel .hint{color:var(--c-muted);font-size:11.5px;text-align:right;margin-top:2px;min-height:1em}
section.panel[data-zoomed=true] .hint::before{content:'zoomed · '}
.zoom path,.zoom line,.zoom rect{vector-effect:non-scaling-stroke}
.hit{cursor:crosshair}
h3.group{grid-column:1/-1;margin:12px 0 -4px;font-size:13px;font-weight:600;color:var(--c-muted);text-transform:uppercase;letter-spacing:.06em}
.tooltip{position:fixed;display:none;z-index:10;pointer-events:none;background:var(--c-panel);color:var(--c-text);border:1px solid var(--c-border);border-radius:8px;padding:8px 10px;font-size:12px;box-shadow:0 6px 24px rgba(0,0,0,.14);min-width:180px}
.tooltip .when{font-weight:600;margin-bottom:4px}
.tooltip .row{display:flex;align-items:center;gap:6px}
.tooltip .row i{width:8px;height:8px;border-radius:2px;display:inline-block}
.tooltip .row span{flex:1;color:var(--c-muted)}
.tooltip .note{margin-top:4px;color:var(--c-muted);font-style:italic}
table.tiers{width:100%;border-collapse:collapse;font-size:13px}
table.tiers th,table.tiers td{padding:6px 8px;text-align:right;border-bottom:1px solid var(--c-border)}
table.tiers th:first-child,table.tiers td:first-child{text-align:left}
table.tiers th{color:var(--c-muted);font-weight:500;font-size:12px}
table.tiers tr.recommended td{font-weight:650}
table.tiers tr.recommended td:first-child::after{content:'recommended';margin-left:8px;font-size:11px;font-weight:600;color:var(--c-actual);border:1px solid var(--c-actual);border-radius:10px;padding:0 6px}
footer{max-width:1680px;margin:0 auto;padding:0 32px 32px;color:var(--c-muted);font-size:12px}
@media (max-width:900px){main{grid-template-columns:minmax(0,1fr);padding:12px}header.top{padding:20px 12px 4px}footer{padding:0 12px 24px}}
@media print{.tooltip,.hint{display:none}section.panel{break-inside:avoid}}`;
}
