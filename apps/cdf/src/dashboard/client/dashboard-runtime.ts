/// <reference lib="dom" />
import type { TimePanelModel } from '../panels/panel.ts';
import type { CompactTimePanel } from './compact-time-panel.ts';
import type { DashboardPayload, RuntimeKit } from './dashboard-payload.ts';

/**
 * The page's script: crosshair tooltips, drag-to-zoom and double-click reset on every time
 * panel, panels of one group (history, forecast) zooming and pointing together.
 *
 * It runs in the browser, inlined with `Function.prototype.toString`, so it must not refer to
 * anything outside its own body: everything it needs comes in through its parameters. Zooming
 * stretches the data group horizontally (strokes keep their width through
 * `vector-effect: non-scaling-stroke`) and redraws the time axis with `kit.timeTicks`.
 */
export function dashboardRuntime(doc: Document, payload: DashboardPayload, kit: RuntimeKit): void {
  // The SVG namespace, read from the page so the page carries no URL at all.
  const NS = doc.querySelector('svg')?.namespaceURI ?? '';
  interface View {
    id: string;
    model: TimePanelModel;
    svg: SVGSVGElement;
    zoom: SVGGElement;
    axis: SVGGElement;
    pins: SVGGElement;
    cursor: SVGGElement;
    hit: SVGRectElement;
    domain: [number, number];
  }
  const views: View[] = [];
  const tooltip = doc.createElement('div');
  tooltip.className = 'tooltip';
  tooltip.setAttribute('role', 'status');
  doc.body.appendChild(tooltip);

  const esc = (text: string) =>
    text.replace(/[&<>"']/g, (c) =>
      c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
    );
  const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');
  const el = (name: string, attrs: Record<string, string | number>, style?: string) => {
    const node = doc.createElementNS(NS, name);
    for (const key of Object.keys(attrs)) node.setAttribute(key, String(attrs[key]));
    if (style) node.setAttribute('style', style);
    return node;
  };
  const toX = (v: View, t: number) =>
    v.model.area.left + ((t - v.domain[0]) / (v.domain[1] - v.domain[0])) * v.model.area.width;
  const toT = (v: View, x: number) =>
    v.domain[0] + ((x - v.model.area.left) / v.model.area.width) * (v.domain[1] - v.domain[0]);
  const svgX = (v: View, event: PointerEvent | MouseEvent) => {
    const ctm = v.svg.getScreenCTM();
    if (!ctm) return 0;
    return new DOMPoint(event.clientX, event.clientY).matrixTransform(ctm.inverse()).x;
  };
  const nearest = (ts: number[], t: number) => {
    let lo = 0;
    let hi = ts.length - 1;
    if (hi < 0) return -1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ts[mid] as number) < t) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && Math.abs((ts[lo - 1] as number) - t) <= Math.abs((ts[lo] as number) - t)) lo -= 1;
    return lo;
  };

  function drawAxis(v: View): void {
    const a = v.model.area;
    const target = Number(v.axis.getAttribute('data-ticks')) || 5;
    while (v.axis.firstChild) v.axis.removeChild(v.axis.firstChild);
    for (const tick of kit.timeTicks(v.domain[0], v.domain[1], target)) {
      const x = toX(v, tick.t).toFixed(1);
      v.axis.appendChild(
        el('line', { x1: x, x2: x, y1: a.top, y2: a.top + a.height }, 'stroke:var(--c-grid)'),
      );
      const text = el(
        'text',
        { x, y: a.top + a.height + 16, 'text-anchor': 'middle' },
        'fill:var(--c-muted)',
      );
      text.textContent = tick.label;
      v.axis.appendChild(text);
    }
  }

  function apply(v: View, domain: [number, number]): void {
    v.domain = domain;
    const [b0, b1] = v.model.domain;
    const a = v.model.area;
    const k = (b1 - b0) / (domain[1] - domain[0]);
    const shift = ((domain[0] - b0) / (b1 - b0)) * a.width * k;
    v.zoom.setAttribute(
      'transform',
      `translate(${(a.left - a.left * k - shift).toFixed(3)},0) scale(${k.toFixed(6)},1)`,
    );
    drawAxis(v);
    for (const pin of Array.from(v.pins.querySelectorAll<SVGTextElement>('[data-t]'))) {
      const x = toX(v, Number(pin.getAttribute('data-t')));
      pin.setAttribute('x', (x + 4).toFixed(1));
      pin.style.display = x < a.left - 1 || x > a.left + a.width ? 'none' : '';
    }
    v.svg
      .closest('.panel')
      ?.setAttribute('data-zoomed', domain[0] === b0 && domain[1] === b1 ? 'false' : 'true');
  }

  function showCursor(v: View, t: number): void {
    while (v.cursor.firstChild) v.cursor.removeChild(v.cursor.firstChild);
    const i = nearest(v.model.t, t);
    if (i < 0) return;
    const ti = v.model.t[i] as number;
    if (ti < v.domain[0] || ti > v.domain[1]) return;
    const a = v.model.area;
    const x = toX(v, ti).toFixed(1);
    v.cursor.appendChild(
      el(
        'line',
        { x1: x, x2: x, y1: a.top, y2: a.top + a.height },
        'stroke:var(--c-text);stroke-opacity:0.45;stroke-dasharray:3 3;pointer-events:none',
      ),
    );
  }

  function clearCursors(group: string): void {
    for (const v of views)
      if (v.model.group === group) while (v.cursor.firstChild) v.cursor.removeChild(v.cursor.firstChild);
    tooltip.style.display = 'none';
  }

  function showTooltip(v: View, t: number, event: PointerEvent): void {
    const i = nearest(v.model.t, t);
    if (i < 0) return;
    const rows: string[] = [];
    for (const s of v.model.series) {
      const value = s.values[i];
      if (value === null || value === undefined) continue;
      const shown = kit.formatNumber(value * (s.scale ?? 1));
      rows.push(
        `<div class="row"><i style="background:${esc(s.colour)}"></i><span>${esc(s.name)}</span><b>${shown} ${esc(s.unit)}</b></div>`,
      );
    }
    const note = v.model.notes?.[i];
    tooltip.innerHTML = `<div class="when">${iso(v.model.t[i] as number)}</div>${rows.join('')}${note ? `<div class="note">${esc(note)}</div>` : ''}`;
    tooltip.style.display = 'block';
    const pad = 14;
    const w = tooltip.offsetWidth;
    const h = tooltip.offsetHeight;
    const left =
      event.clientX + pad + w > doc.documentElement.clientWidth
        ? event.clientX - pad - w
        : event.clientX + pad;
    const top = Math.max(4, Math.min(event.clientY - h / 2, doc.documentElement.clientHeight - h - 4));
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${top}px`;
  }

  function zoomGroup(group: string, domain: [number, number] | null): void {
    for (const v of views) if (v.model.group === group) apply(v, domain ?? v.model.domain);
  }

  for (const id of Object.keys(payload.timePanels)) {
    const compact = payload.timePanels[id] as CompactTimePanel;
    const c = compact.t;
    let t: number[];
    if (Array.isArray(c)) t = c;
    else if ('count' in c) t = Array.from({ length: c.count }, (_, k) => c.start + k * c.step);
    else {
      t = [c.start];
      for (const gap of c.gaps) t.push((t[t.length - 1] as number) + gap * c.step);
    }
    const codes = compact.notes;
    const notes = codes
      ? codes.codes.map((k) => (k === 0 ? null : (codes.labels[k - 1] ?? null)))
      : undefined;
    const model: TimePanelModel = {
      group: compact.group,
      domain: compact.domain,
      size: compact.size,
      area: compact.area,
      series: compact.series,
      t,
      ...(notes ? { notes } : {}),
    };
    const svg = doc.getElementById(`${id}-svg`) as SVGSVGElement | null;
    if (!svg) continue;
    const pick = <T extends Element>(selector: string) => svg.querySelector(selector) as T;
    const v: View = {
      id,
      model,
      svg,
      zoom: pick<SVGGElement>('.zoom'),
      axis: pick<SVGGElement>('.x-axis'),
      pins: pick<SVGGElement>('.pins'),
      cursor: pick<SVGGElement>('.cursor'),
      hit: pick<SVGRectElement>('.hit'),
      domain: [model.domain[0], model.domain[1]],
    };
    views.push(v);
    let dragFrom: number | null = null;
    let band: SVGRectElement | null = null;
    v.hit.addEventListener('pointerdown', (event) => {
      dragFrom = svgX(v, event);
      v.hit.setPointerCapture(event.pointerId);
      band = el(
        'rect',
        { x: dragFrom, y: model.area.top, width: 0, height: model.area.height },
        'fill:var(--c-actual);fill-opacity:0.12;stroke:var(--c-actual);stroke-opacity:0.5;pointer-events:none',
      ) as SVGRectElement;
      v.svg.appendChild(band);
    });
    v.hit.addEventListener('pointermove', (event) => {
      const x = svgX(v, event);
      if (dragFrom !== null && band) {
        band.setAttribute('x', String(Math.min(dragFrom, x)));
        band.setAttribute('width', String(Math.abs(x - dragFrom)));
        return;
      }
      const t = toT(v, x);
      for (const other of views) if (other.model.group === model.group) showCursor(other, t);
      showTooltip(v, t, event);
    });
    v.hit.addEventListener('pointerup', (event) => {
      const x = svgX(v, event);
      if (band) band.remove();
      band = null;
      if (dragFrom !== null && Math.abs(x - dragFrom) > 6) {
        const a = toT(v, Math.min(dragFrom, x));
        const b = toT(v, Math.max(dragFrom, x));
        // Never zoom below two hours: the data is hourly.
        if (b - a >= 7_200_000) zoomGroup(model.group, [a, b]);
      }
      dragFrom = null;
    });
    v.hit.addEventListener('pointerleave', () => clearCursors(model.group));
    v.hit.addEventListener('dblclick', () => zoomGroup(model.group, null));
  }
  for (const v of views) apply(v, v.model.domain);
  for (const panel of Array.from(doc.querySelectorAll<HTMLElement>('.panel'))) {
    const drawn = panel.querySelectorAll('svg path, svg rect, svg line, svg circle, svg text').length;
    panel.setAttribute('data-drawn', String(drawn));
  }
  doc.documentElement.setAttribute('data-dashboard-ready', 'true');
}
