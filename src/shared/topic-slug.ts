import { fnv1a } from './fnv-hash.ts';
import { topicKey } from './topics.ts';

/** Plain names: words of ASCII letters and digits, each pair split by one space or one dash. */
const plainName = /^[a-z0-9]+(?:[ -][a-z0-9]+)*$/;

/**
 * A topic's name in a URL path, the same in every build and computed from the name alone (so the
 * browser can link a topic's feed without asking the build): "Power Apps" is `power-apps`,
 * "Model-driven apps" `model--driven-apps` (a dash doubles, so no two plain names meet). Any
 * other name keeps its letters and digits and adds a hash of itself: "A.I." is `a-i-` and 7 more.
 */
export function topicSlug(name: string): string {
  const key = topicKey(name);
  if (plainName.test(key)) return key.replaceAll('-', '--').replaceAll(' ', '-');
  const words = key
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, 8);
  return [...words, fnv1a(key).toString(36)].join('-');
}
