// Reads and writes the start choice in the app's user-data folder. Node only: no electron here.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseStartConfig, serializeStartConfig, START_CONFIG_FILE, type StartConfig } from './config';

export const startConfigPath = (userDataDir: string): string => join(userDataDir, START_CONFIG_FILE);

/** The stored choice; null when there is none (first start) or it cannot be read (asked again). */
export function readStartConfig(file: string): StartConfig | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  return parseStartConfig(text);
}

/** Written beside and renamed over, so a crash mid-write never leaves half a file. */
export function writeStartConfig(file: string, config: StartConfig): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, serializeStartConfig(config), { mode: 0o600 });
  renameSync(temp, file);
}
