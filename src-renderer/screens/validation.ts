/** The same rule the core's zod schema applies; checked here only to answer before a round trip. */
export const USERNAME_PATTERN = /^[a-zA-Z0-9._-]{3,40}$/;
