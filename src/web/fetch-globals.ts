// Citation.js imports node-fetch, yet in a browser it calls the browser's own `fetch`: the web bundles take
// this module in node-fetch's place, so that no Node code comes with them. Claim Lens fetches nothing through it.
export default globalThis.fetch;
export const Headers = globalThis.Headers;
