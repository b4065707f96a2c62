/** Loads the page again, as the address bar's reload does: the new build's index comes with it. */
export function reloadPage(): void {
  window.location.reload();
}
