export function platformQueue(): string {
  return 'platform-queue';
}
