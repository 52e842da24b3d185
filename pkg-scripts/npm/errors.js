/** Whether `error` was thrown by share-earn: then it has a stable `code` (and maybe a `path`). */
export function isShareEarnError(error) {
  return error instanceof Error && error.name === 'ShareEarnError' && typeof error.code === 'string';
}
