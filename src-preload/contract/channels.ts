/**
 * What the admin may see behind a channel's Indonesian status sentence.
 */

/** The last failure as the library reported it (class, code, message), secrets removed. */
export interface ChannelTechnicalDetail {
  at: number;
  text: string;
}

export interface ChannelsMethods {
  /** Admin only: the officer sees the sentence of what to do, never the library's words. */
  'channels.technicalDetail': {
    input: Record<string, never>;
    output: { telegram: ChannelTechnicalDetail | null; email: ChannelTechnicalDetail | null };
  };
}
