// The one training configuration every peer is asked to reproduce.

/** Epochs, batch size, learning rate and layer sizes used by every peer. */
export const TRAIN = { epochs: 20, batchSize: 32, learningRate: 0.001, layers: [10, 16, 8, 1], seed: 7 } as const;

/** Sample counts of the training comparison. */
export const SIZES = [200, 1000, 5000] as const;
