import { snippetParts } from '../format/highlight';

/** A search snippet with its hits as <mark>: built from text nodes, never from HTML. */
export function Highlighted(props: { snippet: string }) {
  return <>{snippetParts(props.snippet).map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}</>;
}
