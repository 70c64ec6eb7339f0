import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src-main/core/inbound/ingest';
import { answerStep, startIntake, type IntakeChannel, type IntakeChoice, type IntakeState } from '../../src-main/core/workflow/intake/dialogue';
import { startTestCore, type TestCore } from '../helpers/core';

// The intake dialogue is channel-neutral: here a chat channel that is not Telegram (as WhatsApp
// would be) offers its choices as a numbered list and keeps the dialogue state in memory.
const MONDAY_10_WITA = Date.UTC(2026, 0, 5, 2, 0);
let core: TestCore;
beforeEach(() => {
  core = startTestCore({ now: () => MONDAY_10_WITA });
});
afterEach(() => core.dispose());

function numberedListChannel(): IntakeChannel & { said: string[]; state: IntakeState | null } {
  const channel = {
    core: core.services,
    at: MONDAY_10_WITA,
    said: [] as string[],
    state: null as IntakeState | null,
    say(_conversationId: number, text: string, _purpose: string, choices?: IntakeChoice[][]) {
      const list = (choices ?? []).flat().map((c, i) => `${i + 1}. ${c.label}`);
      channel.said.push([text, ...list].join('\n'));
    },
    readState: () => channel.state,
    writeState(state: IntakeState) {
      channel.state = state;
    },
  };
  return channel;
}

describe('the intake dialogue on a channel other than Telegram', () => {
  it('asks each requirement in turn, re-asks a bad answer, then starts the 3-working-day clock', () => {
    const first = ingest(core.services, {
      channel: 'manual',
      externalId: 'wa:1',
      sourceId: '+6281234567890',
      receivedAt: MONDAY_10_WITA,
      text: 'Selamat pagi, saya mau tanya data',
      thread: { mode: 'identity' },
    });
    const requesterId = (core.services.db.prepare('SELECT requester_id AS id FROM conversations WHERE id = ?').get(first.conversationId) as { id: number }).id;
    const channel = numberedListChannel();
    startIntake(channel, requesterId, first.conversationId, { withWelcome: true });
    expect(channel.said[0]).toContain('GRATIS');
    expect(channel.said[0]).toContain('Siapa nama lengkap Anda?');

    const answer = (text: string) => answerStep(channel, channel.state!, text);
    answer('Kadek Dwi Lestari');
    expect(channel.said.at(-1)).toContain('asal instansi');
    answer('Universitas Pendidikan Ganesha');
    answer('kadek.dwi@gmail');
    // Not an address a person could write to: asked again, with an example.
    expect(channel.said.at(-1)).toMatch(/tidak valid[\s\S]*nama@contoh\.id/);
    answer('kadek.dwi@undiksha.ac.id');
    answer('0812 3456 7890');
    // The occupations are offered as a numbered list; the number is an answer.
    expect(channel.said.at(-1)).toContain('1. Pelajar/Mahasiswa');
    answer('1');
    answer('Jumlah penduduk miskin Kabupaten Buleleng 2020–2025 per kecamatan, untuk skripsi');

    const requester = core.services.db.prepare('SELECT name, institution, email, whatsapp, occupation FROM requesters WHERE id = ?').get(requesterId);
    expect(requester).toEqual({
      name: 'Kadek Dwi Lestari',
      institution: 'Universitas Pendidikan Ganesha',
      email: 'kadek.dwi@undiksha.ac.id',
      whatsapp: '+6281234567890',
      occupation: 'Pelajar/Mahasiswa',
    });
    const conversation = core.services.db
      .prepare('SELECT status, requirements_complete_at AS complete, sla_due_at AS due FROM conversations WHERE id = ?')
      .get(first.conversationId) as {
      status: string;
      complete: number | null;
      due: number | null;
    };
    expect(conversation.status).toBe('in_progress');
    expect(conversation.complete).toBe(MONDAY_10_WITA);
    // Monday 10:00 + 3 working days = Thursday 10:00 WITA.
    expect(conversation.due).toBe(Date.UTC(2026, 0, 8, 2, 0));
    // The summary ends the dialogue, with the corrections offered.
    expect(channel.said.at(-1)).toContain('Data Anda:');
    expect(channel.said.at(-1)).toContain('Ubah WhatsApp');
    expect(channel.state).toMatchObject({ mode: 'idle', step: null });
  });
});
