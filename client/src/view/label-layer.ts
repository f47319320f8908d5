// Node labels drawn without piling up: sigma offers its label candidates through the draw hook,
// which only collects them; after the frame, placeLabels picks the ones that fit and they are
// drawn with a light halo so they stay readable over edges.
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import { placeLabels, type LabelBox } from '../graph/index.ts';

type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'> & {
  key?: string;
};

type LabelSettings = Pick<Settings, 'labelSize' | 'labelWeight' | 'labelFont' | 'labelColor'>;

interface Candidate extends LabelBox {
  label: string;
}

export interface LabelLayer {
  /** sigma's defaultDrawNodeLabel: collects instead of drawing. */
  collect(context: CanvasRenderingContext2D, data: LabelData, settings: LabelSettings): void;
  /** Call on sigma's beforeRender. */
  reset(): void;
  /** Call on sigma's afterRender: draws the labels that fit. */
  flush(): void;
  /** Labels drawn in the last frame (for tests). */
  drawn(): string[];
}

export function createLabelLayer(): LabelLayer {
  let context: CanvasRenderingContext2D | null = null;
  let settings: LabelSettings | null = null;
  let candidates: Candidate[] = [];
  let drawn: string[] = [];

  return {
    collect(ctx, data, s) {
      if (!data.label) return;
      context = ctx;
      settings = s;
      const size = s.labelSize;
      ctx.font = `${s.labelWeight} ${size}px ${s.labelFont}`;
      const width = ctx.measureText(data.label).width;
      candidates.push({
        key: data.key ?? data.label,
        label: data.label,
        x: data.x + data.size + 2,
        y: data.y - size * 0.75,
        width: width + 4,
        height: size * 1.25,
        priority: data.size,
        forced: !!data.forceLabel,
      });
    },
    reset() {
      candidates = [];
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
      drawn = chosen.map((c) => c.key);
      candidates = [];
    },
    drawn: () => drawn,
  };
}
