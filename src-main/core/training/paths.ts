import { dirname, join } from 'node:path';
import { APP_FOLDER, defaultDataDir } from '../paths';

export const TRAINING_FOLDER = `${APP_FOLDER} (Latihan)`;

/**
 * Where training mode keeps its data: PST_DATA_DIR if set, else a sibling of the real data folder
 * (%APPDATA%\PST Console (Latihan) on Windows). Never the real folder: simulated channels would
 * "deliver" the real outbox.
 */
export function trainingDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.PST_DATA_DIR) return env.PST_DATA_DIR;
  return join(dirname(defaultDataDir({ ...env, PST_DATA_DIR: '' }, platform)), TRAINING_FOLDER);
}
