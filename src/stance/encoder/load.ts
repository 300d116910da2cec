// Builds the encoder's graph model from files the caller reads (the extension's own files, or the
// repository's models/use-lite in Node): tf.io.fromMemory, never a URL, so nothing is fetched.
import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import type { Vocabulary } from './tokenizer';

export interface EncoderFiles {
  /** parsed models/use-lite/model.json: modelTopology + weightsManifest (one weights file) */
  model: { modelTopology: object; weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[] };
  weights: ArrayBuffer;
  vocab: Vocabulary;
}

export async function graphFromFiles(files: EncoderFiles): Promise<GraphModel> {
  const specs = files.model.weightsManifest.flatMap((g) => g.weights);
  return loadGraphModel(tf.io.fromMemory({ modelTopology: files.model.modelTopology, weightSpecs: specs, weightData: files.weights }));
}
