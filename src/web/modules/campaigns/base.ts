/** Where the staff screens live: /campaigns itself is the public tracker, rendered by the server. */
export const BASE = '/advocacy/campaigns';
