/**
 * Reads `token` from the URL fragment and removes the fragment from the address bar. Tokens travel
 * in the fragment because browsers never send it to a server, so it stays out of logs and referrers.
 */
export function takeFragmentToken(): string | null {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const token = params.get('token');
  if (token) {
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }
  return token;
}
