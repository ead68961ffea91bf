// One piece of work per key per run: the first caller starts it, every later
// caller — while it runs or after — shares the same promise. This is how a CRL,
// an ACME directory or an AIA certificate is fetched once however many
// certificates point at it.
export function oncePerKey<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let p = map.get(key);
  if (!p) {
    p = make();
    map.set(key, p);
  }
  return p;
}
