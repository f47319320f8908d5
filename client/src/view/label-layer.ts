// Node labels drawn without piling up: sigma offers its label candidates through the draw hook,
// which only collects them (each box moved inside the canvas); after the frame, placeLabels picks
// the ones that fit and they are drawn with a light halo so they stay readable over edges.
// Hovered and highlighted actors get a white halo round the disc and the label, with the label in
// the same place, so it stays inside the canvas too.
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import { keepInside, placeLabels, type LabelBox } from '../graph/index.ts';

type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'> & {
  key?: string;
};

type LabelSettings = Pick<Settings, 'labelSize' | 'labelWeight' | 'labelFont' | 'labelColor'>;

interface Candidate extends LabelBox {
  label: string;
}

/** A label drawn in the last frame: its node and its box in viewport pixels. */
export type DrawnLabel = Pick<LabelBox, 'key' | 'x' | 'y' | 'width' | 'height'>;

export interface LabelLayer {
  /** sigma's defaultDrawNodeLabel: collects instead of drawing. */
  collect(context: CanvasRenderingContext2D, data: LabelData, settings: LabelSettings): void;
  /** Call on sigma's beforeRender. */
  reset(): void;
  /** Call on sigma's afterRender: draws the labels that fit. */
  flush(): void;
  /** sigma's defaultDrawNodeHover, for hovered and highlighted actors. */
  hover(context: CanvasRenderingContext2D, data: LabelData, settings: LabelSettings): void;
  /** Labels drawn in the last frame, hovered ones included (for tests). */
  drawn(): DrawnLabel[];
}

const HALO = 2;

/** `canvas` gives the size of the label canvas in CSS pixels (sigma's getDimensions). */
export function createLabelLayer(canvas: () => { width: number; height: number }): LabelLayer {
  let context: CanvasRenderingContext2D | null = null;
  let settings: LabelSettings | null = null;
  let candidates: Candidate[] = [];
  let hovered: DrawnLabel[] = [];
  let drawn: DrawnLabel[] = [];

  /**
   * The label's box: right of the disc, unless that runs off the canvas; none for an actor whose
   * centre is off the canvas (its label would float away from it).
   */
  const place = (
    ctx: CanvasRenderingContext2D,
    data: LabelData & { label: string },
    s: LabelSettings,
  ) => {
    const size = s.labelSize;
    ctx.font = `${s.labelWeight} ${size}px ${s.labelFont}`;
    const width = ctx.measureText(data.label).width;
    const box: Candidate = {
      key: data.key ?? data.label,
      label: data.label,
      x: data.x + data.size + 2,
      y: data.y - size * 0.75,
      width: width + 4,
      height: size * 1.25,
      priority: data.size,
      forced: !!data.forceLabel,
    };
    const bounds = canvas();
    const off = data.x < 0 || data.y < 0 || data.x > bounds.width || data.y > bounds.height;
    return off ? null : keepInside(box, data, bounds);
  };
  const boxOf = ({ key, x, y, width, height }: DrawnLabel): DrawnLabel => ({
    key,
    x,
    y,
    width,
    height,
  });

  return {
    collect(ctx, data, s) {
      if (!data.label) return;
      context = ctx;
      settings = s;
      const box = place(ctx, { ...data, label: data.label }, s);
      if (box) candidates.push(box);
    },
    hover(ctx, data, s) {
      ctx.save();
      ctx.fillStyle = '#fff';
      ctx.shadowBlur = 8;
      ctx.shadowColor = 'rgba(0,0,0,0.45)';
      ctx.beginPath();
      ctx.arc(data.x, data.y, data.size + HALO, 0, Math.PI * 2);
      ctx.fill();
      const box = data.label ? place(ctx, { ...data, label: data.label }, s) : null;
      if (box) {
        ctx.beginPath();
        ctx.roundRect(box.x - 1, box.y - 1, box.width + 2, box.height + 2, 3);
        ctx.fill();
        ctx.shadowBlur = 0;
        ctx.fillStyle = s.labelColor.color ?? '#000';
        ctx.fillText(box.label, box.x + 1, box.y + s.labelSize * 0.95);
        hovered.push(boxOf(box));
      }
      ctx.restore();
    },
    reset() {
      candidates = [];
      hovered = [];
    },
    flush() {
      const ctx = context;
      const s = settings;
      if (!ctx || !s) return;
      const size = s.labelSize;
      const color = s.labelColor.color ?? '#000';
      const chosen = placeLabels(candidates);
      ctx.save();
      ctx.font = `${s.labelWeight} ${size}px ${s.labelFont}`;
      ctx.lineJoin = 'round';
      ctx.lineWidth = 3;
      ctx.strokeStyle = 'rgba(255,255,255,0.85)';
      ctx.fillStyle = color;
      for (const c of chosen) {
        const x = c.x + 1;
        const y = c.y + size * 0.95;
        ctx.strokeText(c.label, x, y);
        ctx.fillText(c.label, x, y);
      }
      ctx.restore();
      drawn = [...chosen.map(boxOf), ...hovered];
      candidates = [];
    },
    drawn: () => drawn,
  };
}
