import { svg } from './dom';

/** Where each body area of the report and the catalog is drawn: a front view (left half) and a back view (right half). */
const AREAS: Record<string, { shape: 'ellipse' | 'rect'; attrs: Record<string, number> }[]> = {
  'front-of-hip': [{ shape: 'ellipse', attrs: { cx: 42, cy: 112, rx: 9, ry: 7 } }, { shape: 'ellipse', attrs: { cx: 78, cy: 112, rx: 9, ry: 7 } }],
  groin: [{ shape: 'ellipse', attrs: { cx: 60, cy: 124, rx: 8, ry: 6 } }],
  'outer-hip': [{ shape: 'ellipse', attrs: { cx: 30, cy: 120, rx: 5, ry: 10 } }, { shape: 'ellipse', attrs: { cx: 90, cy: 120, rx: 5, ry: 10 } }],
  'front-of-thigh': [{ shape: 'rect', attrs: { x: 38, y: 134, width: 16, height: 40, rx: 6 } }, { shape: 'rect', attrs: { x: 66, y: 134, width: 16, height: 40, rx: 6 } }],
  knee: [{ shape: 'ellipse', attrs: { cx: 46, cy: 184, rx: 7, ry: 7 } }, { shape: 'ellipse', attrs: { cx: 74, cy: 184, rx: 7, ry: 7 } }],
  'low-back': [{ shape: 'rect', attrs: { x: 168, y: 88, width: 24, height: 16, rx: 4 } }],
  'buttock-si': [{ shape: 'ellipse', attrs: { cx: 170, cy: 118, rx: 10, ry: 9 } }, { shape: 'ellipse', attrs: { cx: 190, cy: 118, rx: 10, ry: 9 } }],
};

export const BODY_AREAS = Object.keys(AREAS);

function outline(cx: number): SVGElement {
  return svg('g', { class: 'body-outline' },
    svg('circle', { cx, cy: 22, r: 13 }),
    svg('rect', { x: cx - 22, y: 38, width: 44, height: 70, rx: 12 }),
    svg('rect', { x: cx - 34, y: 42, width: 10, height: 60, rx: 5 }),
    svg('rect', { x: cx + 24, y: 42, width: 10, height: 60, rx: 5 }),
    svg('rect', { x: cx - 24, y: 104, width: 48, height: 28, rx: 10 }),
    svg('rect', { x: cx - 22, y: 128, width: 18, height: 100, rx: 8 }),
    svg('rect', { x: cx + 4, y: 128, width: 18, height: 100, rx: 8 }));
}

/**
 * The body picture: areas in {@code marked} are filled. With {@code onToggle} a tap toggles an area; the picture is then
 * a shortcut for pointer users beside the labelled check boxes, which keyboard and screen reader users use, so it is
 * hidden from assistive technology rather than announced twice.
 */
export function bodyPicture(marked: ReadonlySet<string>, label: string, onToggle?: (area: string) => void): SVGElement {
  const regions = Object.entries(AREAS).flatMap(([area, shapes]) => shapes.map(({ shape, attrs }) => {
    const el = svg(shape, { ...attrs, class: `area${marked.has(area) ? ' marked' : ''}`, 'data-area': area });
    if (onToggle) el.addEventListener('click', () => onToggle(area));
    return el;
  }));
  const picture = svg('svg', { viewBox: '0 0 240 240', class: 'body-picture', width: 240, height: 240 },
    outline(60), outline(180), ...regions);
  if (onToggle) {
    picture.setAttribute('aria-hidden', 'true');
  } else {
    picture.setAttribute('role', 'img');
    picture.setAttribute('aria-label', label);
  }
  return picture;
}
