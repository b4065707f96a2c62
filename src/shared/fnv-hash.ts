/** FNV-1a, 32 bits: a quick, stable hash of a string, the same in Node and the browser (not a seal). */
export function fnv1a(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}
