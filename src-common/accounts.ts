/** Officer usernames: 3–40 letters, digits, dots, underscores or hyphens. */
export const USERNAME_PATTERN = /^[a-zA-Z0-9._-]{3,40}$/;
export const USERNAME_MIN_LENGTH = 3;
export const USERNAME_MAX_LENGTH = 40;

/** Password policy for every officer account (first run, officer management, change of password). */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
