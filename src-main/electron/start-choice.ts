// The first start on a PC: is this the PST PC (host) or a PC that connects to it?
import { dialog } from 'electron';
import { defaultHostStart, type StartConfig } from './client-mode/config';
import { writeStartConfig } from './client-mode/config-file';

/**
 * Asks once and stores the answer. A client's address is asked in its window (the connect form),
 * so here it is stored without one; the host starts with Windows unless the admin turns it off.
 */
export async function askStartChoice(configFile: string): Promise<StartConfig | 'client-setup'> {
  const { response } = await dialog.showMessageBox({
    type: 'question',
    title: 'PST Console',
    message: 'Bagaimana PC ini memakai PST Console?',
    detail:
      'PC PST (host) menyimpan semua data dan mengurus Telegram, email, pengiriman balasan dan cadangan. Hanya satu PC di kantor yang menjadi PC PST.\n\n' +
      'PC lain cukup tersambung ke PC PST: konsolnya sama, datanya tetap di PC PST.',
    buttons: ['PC ini adalah PC PST (host)', 'Sambungkan ke PC PST'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  if (response === 1) return 'client-setup';
  const config = defaultHostStart();
  writeStartConfig(configFile, config);
  return config;
}
