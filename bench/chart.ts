// Two small SVG charts for bench/results.md: no chart library, nothing the kit ships.

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const FONT = 'font-family="system-ui, sans-serif" font-size="12" fill="#1b1f24"';
const COLORS = ['#0b57d0', '#6b7280', '#b3261e', '#1e8e3e'];

/** Horizontal bars, one per row; `highlight` rows in the accent colour. */
export function bars(title: string, rows: { label: string; value: number; highlight?: boolean }[]): string {
  const left = 330;
  const width = 760;
  const barMax = width - left - 70;
  const max = Math.max(...rows.map((r) => r.value));
  const height = 40 + rows.length * 26;
  const body = rows
    .map((r, i) => {
      const y = 34 + i * 26;
      const w = Math.max(1, (r.value / max) * barMax);
      return `<text x="${left - 8}" y="${y + 13}" text-anchor="end" ${FONT}>${esc(r.label)}</text>
<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="18" fill="${r.highlight ? COLORS[0] : COLORS[1]}"/>
<text x="${(left + w + 6).toFixed(1)}" y="${y + 13}" ${FONT}>${r.value.toFixed(1)}</text>`;
    })
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<rect width="100%" height="100%" fill="#fff"/>
<text x="12" y="20" ${FONT} font-weight="600">${esc(title)}</text>
${body}
</svg>
`;
}

/** Lines on log–log axes: one series per implementation over the same x values. */
export function lines(title: string, xs: number[], series: { label: string; values: number[] }[]): string {
  const [width, height, pad] = [760, 440, { l: 60, r: 20, t: 40, b: 90 }];
  const ys = series.flatMap((s) => s.values).filter((v) => v > 0);
  const [x0, x1] = [Math.log10(Math.min(...xs)), Math.log10(Math.max(...xs))];
  const [y0, y1] = [Math.floor(Math.log10(Math.min(...ys))), Math.ceil(Math.log10(Math.max(...ys)))];
  const px = (x: number) => pad.l + ((Math.log10(x) - x0) / (x1 - x0)) * (width - pad.l - pad.r);
  const py = (y: number) => height - pad.b - ((Math.log10(Math.max(y, 10 ** y0)) - y0) / (y1 - y0)) * (height - pad.t - pad.b);
  const grid = [];
  for (let e = y0; e <= y1; e++) grid.push(`<line x1="${pad.l}" x2="${width - pad.r}" y1="${py(10 ** e)}" y2="${py(10 ** e)}" stroke="#e5e7eb"/><text x="${pad.l - 6}" y="${py(10 ** e) + 4}" text-anchor="end" ${FONT}>${10 ** e}</text>`);
  for (const x of xs) grid.push(`<text x="${px(x)}" y="${height - pad.b + 16}" text-anchor="middle" ${FONT}>${x.toLocaleString('en')}</text>`);
  const paths = series.map((s, i) => {
    const d = s.values.map((v, j) => `${j ? 'L' : 'M'}${px(xs[j]!).toFixed(1)},${py(v).toFixed(1)}`).join(' ');
    const dots = s.values.map((v, j) => `<circle cx="${px(xs[j]!).toFixed(1)}" cy="${py(v).toFixed(1)}" r="3" fill="${COLORS[i % COLORS.length]}"/>`).join('');
    const [lx, ly] = [pad.l + (i % 2) * 330, height - 40 + Math.floor(i / 2) * 18];
    const legend = `<rect x="${lx}" y="${ly}" width="12" height="12" fill="${COLORS[i % COLORS.length]}"/><text x="${lx + 18}" y="${ly + 10}" ${FONT}>${esc(s.label)}</text>`;
    return `<path d="${d}" fill="none" stroke="${COLORS[i % COLORS.length]}" stroke-width="2"/>${dots}${legend}`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<rect width="100%" height="100%" fill="#fff"/>
<text x="12" y="20" ${FONT} font-weight="600">${esc(title)}</text>
${grid.join('\n')}
<text x="${(width + pad.l) / 2}" y="${height - pad.b + 34}" text-anchor="middle" ${FONT}>consents shown (log scale)</text>
${paths.join('\n')}
</svg>
`;
}
