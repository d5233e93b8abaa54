export function platformDatabase(): string {
  return 'platform-database';
}
