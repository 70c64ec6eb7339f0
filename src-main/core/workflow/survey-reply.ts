import { IKM_UNSUR_COUNT, type IkmAnswer } from '../domain/ikm';
import { stripReplyHistory } from '../domain/rating-reply';

/**
 * Reads an email reply to the SKM survey: "U1: 4" lines (any order, some may be missing), or
 * exactly nine numbers 1–4 in order ("4 4 3 4 3 4 4 4 3"). Returns null when neither is there.
 */
export function parseSurveyReply(text: string): (IkmAnswer | null)[] | null {
  const body = stripReplyHistory(text);
  const answers: (IkmAnswer | null)[] = new Array<IkmAnswer | null>(IKM_UNSUR_COUNT).fill(null);
  let labelled = 0;
  for (const match of body.matchAll(/\bU\s*([1-9])\s*[:=.)\-–]?\s*([1-4])(?!\d)/giu)) {
    answers[Number(match[1]) - 1] = Number(match[2]) as IkmAnswer;
    labelled++;
  }
  if (labelled > 0) return answers;
  const numbers = body.match(/(?<![\p{L}\p{N}])\d+(?![\p{L}\p{N}])/gu) ?? [];
  if (numbers.length === IKM_UNSUR_COUNT && numbers.every((n) => /^[1-4]$/.test(n))) return numbers.map((n) => Number(n) as IkmAnswer);
  return null;
}
