/**
 * Reads `token` from the URL fragment and removes the fragment from the address bar. Tokens travel
 * in the fragment because browsers never send it to a server, so it stays out of logs and referrers.
 */
// A render that React throws away (a lazy chunk or a catalog still loading suspends it) has already
// taken the token out of the address bar: the next render of the same page gets the same token.
let taken: { path: string; token: string } | null = null;

export function takeFragmentToken(): string | null {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const token = params.get('token');
  if (token) {
    taken = { path: window.location.pathname, token };
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    return token;
  }
  return taken?.path === window.location.pathname ? taken.token : null;
}
