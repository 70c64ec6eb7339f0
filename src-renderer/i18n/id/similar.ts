export const similarId = {
  'similar.title': 'Jawaban serupa sebelumnya',
  'similar.count': '{n} konsultasi selesai dengan kebutuhan mirip',
  'similar.closedAt': 'selesai {when}',
  'similar.use': 'Pakai sebagai draf',
  'similar.more': 'Selengkapnya',
  'similar.less': 'Ringkas',
  'similar.show': 'Tampilkan',
  'similar.hide': 'Sembunyikan',
} as const;
