import { z } from 'zod';

/** Shared input pieces; every object is strict so an unknown field is an error, not ignored. */
export const empty = z.strictObject({});
export const id = z.number().int().positive();
export const text = (max: number) => z.string().trim().min(1).max(max);
export const username = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[a-zA-Z0-9._-]+$/, 'Hanya huruf, angka, titik, garis bawah dan tanda hubung');
export const role = z.enum(['officer', 'supervisor', 'admin']);
export const password = z.string().min(10, 'Kata sandi minimal 10 karakter').max(200);
export const channel = z.enum(['telegram', 'email', 'manual']);
export const status = z.enum(['new', 'awaiting_requirements', 'in_progress', 'waiting_requester', 'resolved', 'rated']);
export const limit = (max: number, fallback: number) => z.number().int().min(1).max(max).default(fallback);
