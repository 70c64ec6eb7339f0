import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER = 'PST Console';

/**
 * The OS app-data folder, the same place Electron's app.getPath('userData') uses, so both hosts
 * open the same data: %APPDATA%\PST Console on Windows.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.PST_DATA_DIR) return env.PST_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER);
}
