// Public face of the learning core shared by the tagger, the parser and the name finder.
//
// Usage, in short:
//
//   import { AveragedPerceptron, feat2, hashString, saveModel, loadModel } from '../learn/index.ts';
//
//   // 1. Features are uint32 ids. Hash each string once (hashString), then combine a template
//   //    number with one to four values (feat1..feat4); write them into a reused Uint32Array.
//   const feats = new Uint32Array(64);
//   let n = 0;
//   feats[n++] = feat1(1, hashString(word));
//   feats[n++] = feat2(2, hashString(prevTag), hashString(suffix));
//
//   // 2. Training: score with the current weights, update on mistakes, tick once per instance.
//   const p = new AveragedPerceptron(nClasses);
//   const scores = new Float64Array(nClasses);
//   p.score(feats, n, scores);
//   const guess = argmax(scores, nClasses);
//   p.update(feats, n, gold, guess); // no-op when gold === guess
//   p.tick();
//
//   // 3. Inference model: averaged, pruned (|w| < minWeight dropped), int16-quantized.
//   const model = p.compact({ minWeight: 0.01 });
//   model.score(feats, n, scores); // same argmax as the averaged perceptron (up to rounding)
//
//   // 4. Files: one model (or several, by prefix, via bundle parts) plus JSON metadata.
//   const buf = saveModel(model, { kind: 'tagger', labels });
//   const { model: again, meta } = loadModel(buf);
//
// Scores arrays are caller-owned Float64Arrays of length >= nClasses; no allocation per call.
import { readBundle, writeBundle, type AnyTypedArray, type Bundle } from './bundle.ts';
import { CompactModel } from './compact-model.ts';

export {
  hashString,
  hashRange,
  hashMix,
  hashFinish,
  feat1,
  feat2,
  feat3,
  feat4,
  featPrefix,
  featWith1,
  featWith2,
  featWith3,
  featWith4,
} from './hash.ts';
export { HashIndex } from './hash-index.ts';
export { AveragedPerceptron, type CompactOptions } from './perceptron.ts';
export {
  ClassPart,
  CompactModel,
  INPUT_CAPACITY,
  VALUE_CAPACITY,
  type TemplateGroup,
} from './compact-model.ts';
export {
  readBundle,
  writeBundle,
  type AnyTypedArray,
  type ArrayType,
  type Bundle,
} from './bundle.ts';
export { Rng } from './rng.ts';

/** Index of the highest score among out[0..n); ties go to the lowest index. */
export function argmax(scores: Float64Array, n: number): number {
  let best = 0;
  let bestScore = scores[0];
  for (let i = 1; i < n; i++) {
    if (scores[i] > bestScore) {
      bestScore = scores[i];
      best = i;
    }
  }
  return best;
}

/** Serialises one compact model with free JSON metadata (label names, options ...). */
export function saveModel(model: CompactModel, meta: Record<string, unknown> = {}): Buffer {
  const parts = model.toParts('model.');
  return writeBundle({ meta: { ...meta, ...parts.meta }, arrays: parts.arrays });
}

/** Reads a file written by {@link saveModel}. */
export function loadModel(data: Uint8Array): {
  model: CompactModel;
  meta: Record<string, unknown>;
} {
  const bundle = readBundle(data);
  return { model: CompactModel.fromParts('model.', bundle.meta, bundle.arrays), meta: bundle.meta };
}

/** Serialises several named models plus extra arrays (e.g. a tag dictionary) into one file. */
export function saveModels(
  models: Record<string, CompactModel>,
  meta: Record<string, unknown> = {},
  extraArrays: Record<string, AnyTypedArray> = {},
): Buffer {
  const bundle: Bundle = { meta: { ...meta }, arrays: { ...extraArrays } };
  for (const name of Object.keys(models).sort()) {
    const parts = models[name].toParts(`${name}.`);
    Object.assign(bundle.meta, parts.meta);
    Object.assign(bundle.arrays, parts.arrays);
  }
  return writeBundle(bundle);
}

/** Reads a file written by {@link saveModels}: the named models, the metadata and all arrays. */
export function loadModels(
  data: Uint8Array,
  names: string[],
): {
  models: Record<string, CompactModel>;
  meta: Record<string, unknown>;
  arrays: Record<string, AnyTypedArray>;
} {
  const bundle = readBundle(data);
  const models: Record<string, CompactModel> = {};
  for (const name of names)
    models[name] = CompactModel.fromParts(`${name}.`, bundle.meta, bundle.arrays);
  return { models, meta: bundle.meta, arrays: bundle.arrays };
}
