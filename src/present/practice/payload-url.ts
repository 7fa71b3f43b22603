/** Where mixed practice and the review queue fetch every practice question (src/pages/practice/items.json.ts). */
export const PAYLOAD_URL = '/practice/items.json';
