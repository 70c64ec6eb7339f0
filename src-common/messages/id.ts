/**
 * What the core tells an officer, in Bahasa Indonesia, by code: channel states and the reasons
 * behind errors. The core sends { code, params }; the renderer words it in the officer's language,
 * and the core words it in Indonesian only where no renderer is (logs, the CLI). Keys are grouped
 * by feature: channel.*, net.*, calendar.*, ...
 */
export const coreMessagesId = {
  // Telegram channel status
  'channel.telegram.no_token': 'Token bot Telegram belum diatur',
  'channel.telegram.bot': '@{username}',
  'channel.telegram.token_rejected': 'Token bot tidak valid (401). Periksa token di Pengaturan Telegram.',
  'channel.telegram.conflict': 'Bot ini sedang dipakai program lain (409). Hentikan program lain yang memakai token yang sama.',
  'channel.telegram.rate_limited': 'Telegram membatasi permintaan (429); menunggu {seconds} detik',
  'channel.telegram.server_error': 'Telegram sedang bermasalah ({status}); dicoba lagi otomatis',
  'channel.telegram.timeout': 'Telegram tidak menjawab {method} dalam {seconds} detik (waktu habis)',
  'channel.telegram.offline': 'Tidak terhubung ke Telegram (jaringan terputus)',
  // Email channel status
  'channel.email.not_configured': 'Akun surel belum diatur',
  'channel.email.switched_off': 'Akun surel dinonaktifkan',
  'channel.email.syncing': 'Menyinkronkan {done} dari {total}',
  'channel.email.auth_failed': 'Autentikasi gagal: periksa nama pengguna dan kata sandi',
  'channel.email.imap_closed': 'Koneksi IMAP terputus',
  'channel.email.smtp_rejected': 'Login SMTP ditolak: periksa nama pengguna dan kata sandi',
  'channel.email.smtp_unreachable': 'Server SMTP tidak dapat dihubungi',
  'channel.email.smtp_deferred': 'Pengiriman SMTP gagal sementara',
  'channel.email.waiting': '{count} surel menunggu dikirim',
  // Why a server could not be reached (what an officer or technician can act on)
  'net.refused': 'server menolak sambungan (tidak berjalan?)',
  'net.reset': 'sambungan diputus server',
  'net.timeout': 'server tidak menjawab (waktu habis)',
  'net.not_found': 'nama server tidak ditemukan',
  'net.host_unreachable': 'server tidak terjangkau dari jaringan ini',
  'net.network_unreachable': 'jaringan tidak tersedia',
  'net.tls': 'sambungan aman (TLS) gagal: periksa sertifikat server',
  'net.server_reply': 'server menjawab {reply}',
  'net.other': 'gangguan sambungan ({code})',
} as const;

export type CoreMessageCode = keyof typeof coreMessagesId;
