import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, USERNAME_MAX_LENGTH, USERNAME_MIN_LENGTH, USERNAME_PATTERN } from '../../../src-common/accounts';

/** Shared input pieces; every object is strict so an unknown field is an error, not ignored. */
export const empty = z.strictObject({});
export const id = z.number().int().positive();
export const text = (max: number) => z.string().trim().min(1).max(max);
export const username = z
  .string()
  .trim()
  .min(USERNAME_MIN_LENGTH)
  .max(USERNAME_MAX_LENGTH)
  .regex(USERNAME_PATTERN, 'Hanya huruf, angka, titik, garis bawah dan tanda hubung');
export const role = z.enum(['officer', 'supervisor', 'admin']);
export const password = z.string().min(MIN_PASSWORD_LENGTH, `Kata sandi minimal ${MIN_PASSWORD_LENGTH} karakter`).max(MAX_PASSWORD_LENGTH);
export const channel = z.enum(['telegram', 'email', 'manual', 'whatsapp']);
export const status = z.enum(['new', 'awaiting_requirements', 'in_progress', 'waiting_requester', 'resolved', 'rated']);
export const limit = (max: number, fallback: number) => z.number().int().min(1).max(max).default(fallback);
