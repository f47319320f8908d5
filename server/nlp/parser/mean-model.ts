// The mean of several compact models over the same classes (perceptrons trained from different
// seeds): each feature's weight per class is the mean over the models (absent counts as 0); means
// below `minWeight` in absolute value are dropped and the rest quantized to int16 again.
import { CompactModel } from '../learn/index.ts';

export function meanModel(models: CompactModel[], minWeight = 0): CompactModel {
  const nClasses = models[0].nClasses;
  if (models.some((m) => m.nClasses !== nClasses))
    throw new Error('mean model: class counts differ');
  const parts = models.map((m) => {
    const { meta, arrays } = m.toParts('m.');
    const keys = arrays['m.keys'] as Uint32Array;
    const counts = arrays['m.counts'];
    const off = new Uint32Array(keys.length + 1);
    for (let i = 0; i < keys.length; i++) off[i + 1] = off[i] + Number(counts[i]);
    return {
      keys,
      off,
      classes: arrays['m.classes'],
      weights: arrays['m.weights'] as Int16Array,
      scale: meta['m.scale'] as number,
      at: 0,
    };
  });
  // Merge the models' sorted key lists; sum each key's weights per class.
  const sum = new Float64Array(nClasses);
  const seen = new Uint8Array(nClasses);
  const touched: number[] = [];
  const keys: number[] = [];
  const counts: number[] = [];
  const classes: number[] = [];
  const means: number[] = [];
  let maxAbs = 0;
  for (;;) {
    let key = Infinity;
    for (const m of parts) if (m.at < m.keys.length && m.keys[m.at] < key) key = m.keys[m.at];
    if (key === Infinity) break;
    for (const m of parts) {
      if (m.at >= m.keys.length || m.keys[m.at] !== key) continue;
      for (let j = m.off[m.at]; j < m.off[m.at + 1]; j++) {
        const c = Number(m.classes[j]);
        if (!seen[c]) {
          seen[c] = 1;
          touched.push(c);
        }
        sum[c] += m.weights[j] * m.scale;
      }
      m.at++;
    }
    touched.sort((a, b) => a - b);
    let count = 0;
    for (const c of touched) {
      const mean = sum[c] / models.length;
      sum[c] = 0;
      seen[c] = 0;
      if (Math.abs(mean) < minWeight || mean === 0) continue;
      classes.push(c);
      means.push(mean);
      maxAbs = Math.max(maxAbs, Math.abs(mean));
      count++;
    }
    touched.length = 0;
    if (count === 0) continue;
    keys.push(key);
    counts.push(count);
  }
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  // Quantize; an entry that rounds to 0 is dropped (its row shrinks).
  const outKeys: number[] = [];
  const off: number[] = [0];
  const outClasses: number[] = [];
  const weights: number[] = [];
  for (let i = 0, j = 0; i < keys.length; i++) {
    const before = weights.length;
    for (const end = j + counts[i]; j < end; j++) {
      const q = Math.round(means[j] / scale);
      if (q === 0) continue;
      outClasses.push(classes[j]);
      weights.push(q);
    }
    if (weights.length === before) continue;
    outKeys.push(keys[i]);
    off.push(weights.length);
  }
  return new CompactModel(
    nClasses,
    Uint32Array.from(outKeys),
    Uint32Array.from(off),
    Uint16Array.from(outClasses),
    Int16Array.from(weights),
    scale,
  );
}
